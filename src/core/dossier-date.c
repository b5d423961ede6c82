/* dossier-date.c: a calendar date known to the year, the month or the day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-date"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "dossier-date.h"

G_DEFINE_BOXED_TYPE (DossierDate, dossier_date, dossier_date_copy, dossier_date_free)

DossierDate *
dossier_date_copy (const DossierDate *date)
{
  return g_memdup2 (date, sizeof *date);
}

void
dossier_date_free (DossierDate *date)
{
  g_free (date);
}

/* Sets @date from its parts; @month and @day may be 0 for a coarser precision.
 * Returns FALSE for a date that does not exist (30 February, month 13). */
gboolean
dossier_date_set (DossierDate *date,
                  int          year,
                  int          month,
                  int          day)
{
  g_return_val_if_fail (date != NULL, FALSE);

  if (year < 1 || year > 9999 || month < 0 || month > 12 || day < 0)
    return FALSE;
  if (day > 0 && (month == 0 || !g_date_valid_dmy (day, month, year)))
    return FALSE;

  date->year = year;
  date->month = month;
  date->day = day;
  date->precision = day ? DOSSIER_PRECISION_DAY
                  : month ? DOSSIER_PRECISION_MONTH
                  : DOSSIER_PRECISION_YEAR;
  return TRUE;
}

static gboolean
read_digits (const char **p,
             int          n_digits,
             int         *value)
{
  *value = 0;
  for (int i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      *value = *value * 10 + ((*p)[i] - '0');
    }
  *p += n_digits;
  return TRUE;
}

/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; the precision is how much is given. */
gboolean
dossier_date_parse (const char  *text,
                    DossierDate *date)
{
  const char *p = text;
  int year, month = 0, day = 0;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || !read_digits (&p, 4, &year))
    return FALSE;
  if (*p == '-' && (p++, !read_digits (&p, 2, &month) || month == 0))
    return FALSE;
  if (month && *p == '-' && (p++, !read_digits (&p, 2, &day) || day == 0))
    return FALSE;
  if (*p != '\0')
    return FALSE;

  return dossier_date_set (date, year, month, day);
}

char *
dossier_date_to_iso (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (date->precision)
    {
    case DOSSIER_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
    case DOSSIER_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", date->year, date->month);
    case DOSSIER_PRECISION_YEAR:
      return g_strdup_printf ("%04d", date->year);
    case DOSSIER_PRECISION_NONE:
    default:
      return g_strdup ("");
    }
}

/* A reader's rendering: "3 Aug 2022", "June 2021", "2021", in the user's language. */
char *
dossier_date_format (const DossierDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  if (date->precision == DOSSIER_PRECISION_NONE)
    return g_strdup (_("Undated"));
  if (date->precision == DOSSIER_PRECISION_YEAR)
    return g_strdup_printf ("%d", date->year);

  dt = g_date_time_new_utc (date->year, date->month, MAX (date->day, 1), 0, 0, 0);
  if (date->precision == DOSSIER_PRECISION_MONTH)
    /* TRANSLATORS: a month and year, see g_date_time_format() */
    return g_date_time_format (dt, _("%B %Y"));

  /* TRANSLATORS: a day, abbreviated month and year, see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %b %Y"));
}

/* A sortable integer, YYYYMMDD with zeros for the unknown parts: a month sorts before
 * its days, a year before its months. */
int
dossier_date_to_key (const DossierDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  return date->year * 10000 + date->month * 100 + date->day;
}

gboolean
dossier_date_from_key (int               key,
                       DossierPrecision  precision,
                       DossierDate      *date)
{
  int year = key / 10000, month = key / 100 % 100, day = key % 100;

  if (precision < DOSSIER_PRECISION_DAY)
    day = 0;
  if (precision < DOSSIER_PRECISION_MONTH)
    month = 0;

  return dossier_date_set (date, year, month, day);
}

int
dossier_date_compare (const DossierDate *a,
                      const DossierDate *b)
{
  int ka = dossier_date_to_key (a), kb = dossier_date_to_key (b);

  return (ka > kb) - (ka < kb);
}

/* @date known only to @precision (no finer than it already is). */
void
dossier_date_truncate (const DossierDate *date,
                       DossierPrecision   precision,
                       DossierDate       *result)
{
  g_return_if_fail (date != NULL && result != NULL);

  *result = *date;
  if (precision >= date->precision)
    return;
  if (precision < DOSSIER_PRECISION_DAY)
    result->day = 0;
  if (precision < DOSSIER_PRECISION_MONTH)
    result->month = 0;
  result->precision = precision;
}

/* TRUE when @a and @b may name the same day: they agree at the coarser of their two
 * precisions ("February 2021" matches "2021-02-01", not "2021-03"). */
gboolean
dossier_date_matches (const DossierDate *a,
                      const DossierDate *b)
{
  DossierPrecision coarser;
  DossierDate ta, tb;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  coarser = MIN (a->precision, b->precision);
  if (coarser == DOSSIER_PRECISION_NONE)
    return FALSE;

  dossier_date_truncate (a, coarser, &ta);
  dossier_date_truncate (b, coarser, &tb);
  return dossier_date_compare (&ta, &tb) == 0;
}

/* The earliest day @date can be: 1 January for a year, the 1st for a month. */
void
dossier_date_get_first_day (const DossierDate *date,
                            GDate             *first)
{
  g_return_if_fail (date != NULL && date->precision != DOSSIER_PRECISION_NONE);

  g_date_clear (first, 1);
  g_date_set_dmy (first, MAX (date->day, 1), MAX (date->month, 1), date->year);
}

/* The latest day @date can be: 31 December for a year, the month's last day for a month. */
void
dossier_date_get_last_day (const DossierDate *date,
                           GDate             *last)
{
  int month;

  g_return_if_fail (date != NULL && date->precision != DOSSIER_PRECISION_NONE);

  month = date->month ? date->month : 12;
  g_date_clear (last, 1);
  g_date_set_dmy (last, date->day ? date->day : g_date_get_days_in_month (month, date->year),
                  month, date->year);
}

/* @gdate, known only to @precision. */
void
dossier_date_set_from_gdate (DossierDate      *date,
                             const GDate      *gdate,
                             DossierPrecision  precision)
{
  DossierDate full;

  g_return_if_fail (date != NULL && g_date_valid (gdate));

  dossier_date_set (&full, g_date_get_year (gdate), g_date_get_month (gdate),
                    g_date_get_day (gdate));
  dossier_date_truncate (&full, precision, date);
}
