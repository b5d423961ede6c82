/* test-date.c: dates known to the year, month or day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-date.h"

static void
test_parse_precisions (void)
{
  DossierDate date = { 0 };

  g_assert_true (dossier_date_parse ("2021", &date));
  g_assert_cmpint (date.precision, ==, DOSSIER_PRECISION_YEAR);
  g_assert_cmpint (date.year, ==, 2021);

  g_assert_true (dossier_date_parse ("2022-08", &date));
  g_assert_cmpint (date.precision, ==, DOSSIER_PRECISION_MONTH);
  g_assert_cmpint (date.month, ==, 8);

  g_assert_true (dossier_date_parse ("2021-02-01", &date));
  g_assert_cmpint (date.precision, ==, DOSSIER_PRECISION_DAY);
  g_assert_cmpint (date.day, ==, 1);

  g_assert_true (dossier_date_parse ("2024-02-29", &date));
}

static void
test_parse_rejects (void)
{
  static const char *bad[] = {
    "", "21", "2021-2", "2021-13", "2021-00", "2021-02-30", "2023-02-29", "2021-02-01x",
    "2021/02/01", "0000", "2021-02-", "twenty", " 2021", "2021-02-01T00:00",
  };
  DossierDate date = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (dossier_date_parse (bad[i], &date));
  g_assert_false (dossier_date_parse (NULL, &date));
}

static void
test_iso_round_trip (void)
{
  static const char *dates[] = { "2021", "2022-08", "2021-02-01", "1999-12-31" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      DossierDate date = { 0 }, back = { 0 };
      g_autofree char *iso = NULL;

      g_assert_true (dossier_date_parse (dates[i], &date));
      iso = dossier_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, dates[i]);

      g_assert_true (dossier_date_from_key (dossier_date_to_key (&date), date.precision, &back));
      g_assert_cmpint (dossier_date_compare (&date, &back), ==, 0);
      g_assert_cmpint (back.precision, ==, date.precision);
    }
}

static void
test_order (void)
{
  DossierDate year, month, day, later;

  dossier_date_parse ("2022", &year);
  dossier_date_parse ("2022-02", &month);
  dossier_date_parse ("2022-02-24", &day);
  dossier_date_parse ("2022-03", &later);

  /* A coarser date sorts before the finer ones inside it. */
  g_assert_cmpint (dossier_date_compare (&year, &month), <, 0);
  g_assert_cmpint (dossier_date_compare (&month, &day), <, 0);
  g_assert_cmpint (dossier_date_compare (&day, &later), <, 0);
}

static void
test_format (void)
{
  DossierDate date;
  g_autofree char *day = NULL, *month = NULL, *year = NULL;

  dossier_date_parse ("2022-08-03", &date);
  day = dossier_date_format (&date);
  g_assert_cmpstr (day, ==, "3 Aug 2022");

  dossier_date_parse ("2021-06", &date);
  month = dossier_date_format (&date);
  g_assert_cmpstr (month, ==, "June 2021");

  dossier_date_parse ("2021", &date);
  year = dossier_date_format (&date);
  g_assert_cmpstr (year, ==, "2021");
}

static gboolean
matches (const char *a,
         const char *b)
{
  DossierDate da, db;

  g_assert_true (dossier_date_parse (a, &da));
  g_assert_true (dossier_date_parse (b, &db));
  return dossier_date_matches (&da, &db);
}

/* Dates agree at the coarser of their precisions. */
static void
test_matches (void)
{
  g_assert_true (matches ("2021-02", "2021-02-01"));
  g_assert_true (matches ("2021", "2021-06-30"));
  g_assert_true (matches ("2021-02-01", "2021-02-01"));
  g_assert_false (matches ("2021-02-01", "2021-02-02"));
  g_assert_false (matches ("2021-03", "2021-02-01"));
  g_assert_false (matches ("2020", "2021-02"));
}

static void
assert_span (const char *text,
             const char *first,
             const char *last)
{
  DossierDate date;
  GDate day;
  char buffer[16];

  g_assert_true (dossier_date_parse (text, &date));
  dossier_date_get_first_day (&date, &day);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &day);
  g_assert_cmpstr (buffer, ==, first);
  dossier_date_get_last_day (&date, &day);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &day);
  g_assert_cmpstr (buffer, ==, last);
}

static void
test_first_and_last_day (void)
{
  assert_span ("2021", "2021-01-01", "2021-12-31");
  assert_span ("2022-02", "2022-02-01", "2022-02-28");
  assert_span ("2024-02", "2024-02-01", "2024-02-29");
  assert_span ("2022-08-03", "2022-08-03", "2022-08-03");
}

static void
test_truncate (void)
{
  DossierDate date, month;
  g_autofree char *iso = NULL;

  dossier_date_parse ("2022-08-03", &date);
  dossier_date_truncate (&date, DOSSIER_PRECISION_MONTH, &month);
  iso = dossier_date_to_iso (&month);
  g_assert_cmpstr (iso, ==, "2022-08");
  /* never finer than the date is */
  dossier_date_truncate (&month, DOSSIER_PRECISION_DAY, &date);
  g_assert_cmpint (date.precision, ==, DOSSIER_PRECISION_MONTH);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse-precisions", test_parse_precisions);
  g_test_add_func ("/date/parse-rejects-impossible", test_parse_rejects);
  g_test_add_func ("/date/iso-round-trip", test_iso_round_trip);
  g_test_add_func ("/date/order-coarse-first", test_order);
  g_test_add_func ("/date/format-for-readers", test_format);
  g_test_add_func ("/date/matches-at-coarser-precision", test_matches);
  g_test_add_func ("/date/first-and-last-day", test_first_and_last_day);
  g_test_add_func ("/date/truncate", test_truncate);

  return g_test_run ();
}
