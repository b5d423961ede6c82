/* dossier-event.c: one dated happening of the timeline, as one article tells it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-event"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-event.h"

G_DEFINE_BOXED_TYPE (DossierEvent, dossier_event, dossier_event_copy, dossier_event_free)

DossierEvent *
dossier_event_new (void)
{
  return g_new0 (DossierEvent, 1);
}

DossierEvent *
dossier_event_copy (const DossierEvent *event)
{
  DossierEvent *copy;

  g_return_val_if_fail (event != NULL, NULL);

  copy = g_memdup2 (event, sizeof *event);
  copy->article_id = g_strdup (event->article_id);
  copy->article_title = g_strdup (event->article_title);
  copy->phrase = g_strdup (event->phrase);
  copy->text = g_strdup (event->text);
  copy->entities = g_strdupv (event->entities);
  copy->group = g_strdup (event->group);
  return copy;
}

void
dossier_event_free (DossierEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->article_id);
  g_free (event->article_title);
  g_free (event->phrase);
  g_free (event->text);
  g_strfreev (event->entities);
  g_free (event->group);
  g_free (event);
}

/* "2021-02-01", or "1999/2018" for a period (ISO 8601's interval notation). */
char *
dossier_event_dup_iso (const DossierEvent *event)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (event != NULL, NULL);

  start = dossier_date_to_iso (&event->date);
  if (event->end.precision == DOSSIER_PRECISION_NONE)
    return g_steal_pointer (&start);

  end = dossier_date_to_iso (&event->end);
  return g_strconcat (start, "/", end, NULL);
}

/* Nouns that name a kind of happening. Two articles that date the same kind of
 * happening among the same entities differently disagree on its date. In alphabetical
 * order: happening_for() finds a word's first letter by halving. */
static const char * const happenings[] = {
  "agreement", "airstrike", "announcement", "arrest", "attack", "ceasefire", "conference",
  "contract", "coup", "crackdown", "deal", "delivery", "earthquake", "election", "execution",
  "exercise", "flood", "forum", "interview", "invasion", "launch", "letter", "meeting",
  "message", "offensive", "protest", "referendum", "report", "resolution", "sanction",
  "seizure", "speech", "statement", "storm", "summit", "takeover", "talks", "treaty",
  "trip", "veto", "visit", "vote", "war",
};

/* The first of the happenings (in alphabetical order) whose first letter is @c or after. */
static guint
first_with_letter (char c)
{
  guint low = 0, high = G_N_ELEMENTS (happenings);

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (happenings[middle][0] < c)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static const char *
happening_for (const char *word)
{
  gsize length = strlen (word);

  /* Every word of every dated sentence comes here: only the nouns with its first letter
   * are compared with it. */
  for (guint i = first_with_letter (word[0]);
       i < G_N_ELEMENTS (happenings) && happenings[i][0] == word[0]; i++)
    {
      /* plurals: "elections", "sanctions" */
      if (g_str_equal (word, happenings[i])
          || (length > 1 && word[length - 1] == 's' && strlen (happenings[i]) == length - 1
              && strncmp (word, happenings[i], length - 1) == 0))
        return happenings[i];
    }

  return NULL;
}

/**
 * dossier_event_guess_happening:
 *
 * Returns: (nullable): the first word of @sentence that names a kind of happening
 *   ("coup", "visit", "election"), singular and lower-case
 */
const char *
dossier_event_guess_happening (const char *sentence)
{
  char word[16];
  gsize n = 0;

  g_return_val_if_fail (sentence != NULL, NULL);

  /* ASCII words are enough: the happenings are English nouns */
  for (const char *p = sentence;; p++)
    {
      if (g_ascii_isalpha (*p))
        {
          if (n < sizeof word - 1)
            word[n++] = g_ascii_tolower (*p);
          continue;
        }
      word[n] = '\0';
      if (n > 0 && n < sizeof word - 1 && happening_for (word) != NULL)
        return happening_for (word);
      if (*p == '\0')
        return NULL;
      n = 0;
    }
}

static char *
format_qualified (const DossierDate *date,
                  DossierQualifier   qualifier)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *month = NULL;

  if (qualifier == DOSSIER_QUALIFIER_NONE || date->precision == DOSSIER_PRECISION_DAY)
    return dossier_date_format (date);

  if (date->precision == DOSSIER_PRECISION_YEAR)
    switch (qualifier)
      {
      /* TRANSLATORS: part of a year, e.g. "early 2021" */
      case DOSSIER_QUALIFIER_EARLY:
        return g_strdup_printf (_("early %d"), date->year);
      case DOSSIER_QUALIFIER_MID:
        return g_strdup_printf (_("mid-%d"), date->year);
      default:
        return g_strdup_printf (_("late %d"), date->year);
      }

  dt = g_date_time_new_utc (date->year, date->month, 1, 0, 0, 0);
  /* TRANSLATORS: abbreviated month and year, see g_date_time_format() */
  month = g_date_time_format (dt, _("%b %Y"));
  switch (qualifier)
    {
    /* TRANSLATORS: part of a month, e.g. "late Jan 2022" */
    case DOSSIER_QUALIFIER_EARLY:
      return g_strdup_printf (_("early %s"), month);
    case DOSSIER_QUALIFIER_MID:
      return g_strdup_printf (_("mid-%s"), month);
    default:
      return g_strdup_printf (_("late %s"), month);
    }
}

/* A reader's rendering of when it happened: "3 Aug 2022", "June 2021", "late Jan 2022",
 * "1999 – 2018". */
char *
dossier_event_format_date (const DossierEvent *event)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (event != NULL, NULL);

  start = format_qualified (&event->date, event->qualifier);
  if (event->end.precision == DOSSIER_PRECISION_NONE)
    return g_steal_pointer (&start);

  end = dossier_date_format (&event->end);
  /* TRANSLATORS: a period, from – to */
  return g_strdup_printf (_("%s – %s"), start, end);
}

/* The month key (YYYYMM00, MM 00 for a date known only to its year) and the last month
 * the event may fall in: a year spans its twelve months, a period runs to its @end. */
void
dossier_event_key_set_dates (DossierEventKey   *key,
                             const DossierDate *date,
                             const DossierDate *end)
{
  const DossierDate *last = end->precision ? end : date;

  g_return_if_fail (key != NULL && date != NULL && end != NULL);

  key->month = date->year * 10000 + date->month * 100;
  key->last_month = last->year * 10000 + (last->month ? last->month : 12) * 100;
}
