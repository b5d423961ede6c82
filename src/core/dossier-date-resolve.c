/* dossier-date-resolve.c: a reading of a date resolved against the publication date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-date-extractor"

#include "config.h"

#include "dossier-date-extractor-private.h"

/* Resolution
 *
 * A publication date may be known only to the month or the year. "Not after publication"
 * is then measured from its latest possible day (31 August for "2022-08", 31 December for
 * "2021") and "not before publication" from its earliest: that never pushes a date a year
 * back merely because the day of publication is unknown. */

/* A day and month without a year: the latest such day not after publication, or for
 * something to come the earliest not before it. */
static gboolean
find_day_month (Scanner     *s,
                Reading     *r,
                DossierDate *date)
{
  int year = g_date_get_year (r->future ? &s->first_day : &s->last_day);

  for (int tries = 0; tries < 8; tries++, year += r->future ? 1 : -1)
    {
      GDate candidate;

      if (!g_date_valid_dmy (r->day, r->month, year))
        continue;
      g_date_clear (&candidate, 1);
      g_date_set_dmy (&candidate, r->day, r->month, year);
      if (r->future ? g_date_compare (&candidate, &s->first_day) >= 0
                    : g_date_compare (&candidate, &s->last_day) <= 0)
        return dossier_date_set (date, year, r->month, r->day);
    }

  return FALSE;
}

static GDateWeekday
weekday_of (int day,
            int month,
            int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_weekday (&date);
}

/* With a weekday ("Sunday, Sept. 4"), the year next to that one whose day falls on it,
 * if the first does not: a weekday is rarely written wrong, a year often left out. */
static gboolean
resolve_day_month (Scanner     *s,
                   Reading     *r,
                   DossierDate *date)
{
  static const int shifts[] = { 0, 1, -1 };

  if (!find_day_month (s, r, date))
    return FALSE;
  if (r->said_weekday == G_DATE_BAD_WEEKDAY)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (shifts); i++)
    {
      int year = date->year + shifts[i];

      if (g_date_valid_dmy (r->day, r->month, year)
          && weekday_of (r->day, r->month, year) == r->said_weekday)
        return dossier_date_set (date, year, r->month, r->day);
    }

  return TRUE;
}

static gboolean
resolve_month (Scanner     *s,
               int          month,
               gboolean     future,
               DossierDate *date)
{
  int year;

  if (future)
    year = g_date_get_year (&s->first_day) + (month < (int) g_date_get_month (&s->first_day));
  else
    year = g_date_get_year (&s->last_day) - (month > (int) g_date_get_month (&s->last_day));

  return dossier_date_set (date, year, month, 0);
}

/* "last year", "June last year", "later this month", "next month". A month shift in an
 * article dated only to the year can say no more than that year. */
static gboolean
resolve_shift (Scanner     *s,
               Reading     *r,
               DossierDate *date)
{
  const DossierDate *published = s->published;
  int months;

  if (r->unit == SHIFT_YEAR)
    return dossier_date_set (date, published->year + r->shift, r->month, r->day);

  if (published->precision < DOSSIER_PRECISION_MONTH)
    return dossier_date_set (date, published->year, 0, 0);

  months = published->year * 12 + (published->month - 1) + r->shift;
  return dossier_date_set (date, months / 12, months % 12 + 1, 0);
}

/* The latest such weekday not after publication ("last Monday": before it; "next
 * Monday": after it). Without the day of publication no weekday can be placed: it is
 * honestly given as the publication's month (or year) — a Monday in the first week of
 * a month may in truth belong to the month before. */
static gboolean
resolve_weekday (Scanner     *s,
                 Reading     *r,
                 DossierDate *date)
{
  GDate day = s->last_day;
  int delta;

  if (s->published->precision < DOSSIER_PRECISION_DAY)
    {
      *date = *s->published;
      return TRUE;
    }

  if (r->future)
    {
      delta = (r->weekday - g_date_get_weekday (&day) + 7) % 7;
      g_date_add_days (&day, delta ? delta : (r->direction > 0 ? 7 : 0));
    }
  else
    {
      delta = (g_date_get_weekday (&day) - r->weekday + 7) % 7;
      g_date_subtract_days (&day, delta ? delta : (r->direction < 0 ? 7 : 0));
    }
  dossier_date_set_from_gdate (date, &day, DOSSIER_PRECISION_DAY);
  return TRUE;
}

/* @r's date in @date, or FALSE when it cannot be given one (no year, and no publication
 * date to take it from). "The previous day" is left to the extractor, which knows the
 * days dated before it. */
gboolean
_dossier_date_resolve (Scanner     *s,
                       Reading     *r,
                       DossierDate *date)
{
  gboolean relative = r->year == 0;

  memset (date, 0, sizeof *date);
  /* resolved once the whole text is read (see apply_day_shifts()) */
  if (r->unit == SHIFT_DAY)
    return TRUE;
  if (relative && s->published->precision == DOSSIER_PRECISION_NONE)
    return FALSE;

  if (r->weekday != G_DATE_BAD_WEEKDAY)
    return resolve_weekday (s, r, date);
  if (r->unit != SHIFT_NONE)
    return resolve_shift (s, r, date);
  if (!relative)
    return dossier_date_set (date, r->year, r->month, r->day);
  if (r->day != 0)
    return resolve_day_month (s, r, date);
  if (r->month != 0)
    return resolve_month (s, r->month, r->future, date);
  return FALSE;
}
