/* dossier-date-readings.c: the forms of a date read from a text's tokens
 *
 * Full dates ("Feb. 1, 2021", "1 February 2021", "2021-02-01"), a month and year ("June of
 * 2021"), a day or a month alone, a lone year, dates relative to publication ("June last
 * year", "later this month"), weekdays and days counted from the day dated before ("the
 * previous day"); then what stands before one (a qualifier, a dating word) and the end of
 * a range ("from 1999 to 2018"). Nothing is resolved here: see dossier-date-resolve.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-date-extractor"

#include "config.h"

#include "dossier-date-extractor-private.h"
#include "dossier-sentences.h"

static const struct
{
  const char *name;
  int         month;
  gboolean    abbreviated;
} month_names[] = {
  { "january", 1, FALSE }, { "february", 2, FALSE }, { "march", 3, FALSE },
  { "april", 4, FALSE }, { "may", 5, FALSE }, { "june", 6, FALSE }, { "july", 7, FALSE },
  { "august", 8, FALSE }, { "september", 9, FALSE }, { "october", 10, FALSE },
  { "november", 11, FALSE }, { "december", 12, FALSE },
  { "jan", 1, TRUE }, { "feb", 2, TRUE }, { "mar", 3, TRUE }, { "apr", 4, TRUE },
  { "jun", 6, TRUE }, { "jul", 7, TRUE }, { "aug", 8, TRUE }, { "sep", 9, TRUE },
  { "sept", 9, TRUE }, { "oct", 10, TRUE }, { "nov", 11, TRUE }, { "dec", 12, TRUE },
};

static const char * const weekday_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* Words after which a lone year, month or day names a time, not a quantity. */
static const char * const dating_words[] = {
  "in", "on", "since", "during", "from", "between", "by", "until", "till", "through",
  "throughout", "before", "after", "of", "to", "and", "the", "a", "an", "its", "their",
  "his", "her", "our", "this", "that", "last", "next", "early", "late", "mid",
};

/* Prepositions kept in the phrase: "In February", "since February 2021", "as of August 5". */
static const char * const phrase_prepositions[] = {
  "in", "on", "since", "during", "from", "between", "by", "until",
};

/* Words before the date that say it is still to come. */
static const char * const future_words[] = {
  "will", "shall", "ll", "upcoming", "planned", "scheduled", "plans", "plan",
};

/* A four-digit number followed by these is a quantity ("in 2000 villages"), not a year. */
static const char * const unit_words[] = {
  "percent", "per", "people", "persons", "troops", "soldiers", "km", "kilometres",
  "kilometers", "miles", "metres", "meters", "tons", "tonnes", "units", "cases", "deaths",
  "hours", "dollars", "euros", "times", "households", "families", "villages", "votes",
};

static gboolean
in_list (const char        *word,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (same_word (word, list[i]))
      return TRUE;
  return FALSE;
}

#define IN_LIST(word, list) in_list ((word), (list), G_N_ELEMENTS (list))

/* Words, numbers, months and weekdays at a token */

static gboolean
is_word (Scanner    *s,
         guint       i,
         const char *word)
{
  const Token *token = token_at (s, i);

  return token != NULL && token->kind == TOKEN_WORD && same_word (token->word, word);
}

static gboolean
is_punct (Scanner  *s,
          guint     i,
          gunichar  c)
{
  const Token *token = token_at (s, i);

  return token != NULL && token->kind == TOKEN_PUNCT && token->punct == c;
}

static gboolean
is_dash (Scanner *s,
         guint    i)
{
  return is_punct (s, i, '-') || is_punct (s, i, 0x2013) || is_punct (s, i, 0x2014);
}

/* Two tokens with nothing between them, as in "Feb." or "2021-02-01". */
static gboolean
touching (Scanner *s,
          guint    i)
{
  const Token *a = token_at (s, i), *b = token_at (s, i + 1);

  return a != NULL && b != NULL && a->end == b->start;
}

/* A plain number of @min_digits to @max_digits between @low and @high, or 0. */
static int
number_at (Scanner *s,
           guint    i,
           guint    min_digits,
           guint    max_digits,
           int      low,
           int      high)
{
  const Token *token = token_at (s, i);

  if (token == NULL || token->kind != TOKEN_NUMBER || token->value < low
      || token->value > high || token->n_digits < min_digits || token->n_digits > max_digits)
    return 0;
  return token->value;
}

static int
year_at (Scanner *s,
         guint    i)
{
  return number_at (s, i, 4, 4, 1000, 2999);
}

static int
day_at (Scanner *s,
        guint    i)
{
  return number_at (s, i, 1, 2, 1, 31);
}

/* A capitalised month name; an abbreviation only with its full stop or a number after
 * it, so "Mar" or "Jan" as a name is left alone. Sets @next past it. */
static int
month_at (Scanner *s,
          guint    i,
          guint   *next)
{
  const Token *token = token_at (s, i);

  if (token == NULL || token->kind != TOKEN_WORD || !token->capital)
    return 0;

  for (guint m = 0; m < G_N_ELEMENTS (month_names); m++)
    {
      if (!same_word (token->word, month_names[m].name))
        continue;
      *next = i + 1;
      if (!month_names[m].abbreviated)
        return month_names[m].month;
      if (is_punct (s, i + 1, '.') && touching (s, i))
        *next = i + 2;
      else if (token_at (s, i + 1) == NULL || token_at (s, i + 1)->kind != TOKEN_NUMBER)
        return 0;
      return month_names[m].month;
    }

  return 0;
}

static GDateWeekday
weekday_at (Scanner *s,
            guint    i)
{
  const Token *token = token_at (s, i);

  if (token == NULL || token->kind != TOKEN_WORD || !token->capital)
    return G_DATE_BAD_WEEKDAY;
  for (guint d = 0; d < G_N_ELEMENTS (weekday_names); d++)
    if (same_word (token->word, weekday_names[d]))
      return G_DATE_MONDAY + d;
  return G_DATE_BAD_WEEKDAY;
}

/* Readings */

/* "last year", "this year", "next month", optionally after "of": sets the shift. */
static gboolean
read_shift (Scanner *s,
            guint    i,
            Reading *r)
{
  int shift;

  if (is_word (s, i, "last"))
    shift = -1;
  else if (is_word (s, i, "this"))
    shift = 0;
  else if (is_word (s, i, "next"))
    shift = 1;
  else
    return FALSE;

  if (is_word (s, i + 1, "year"))
    r->unit = SHIFT_YEAR;
  else if (is_word (s, i + 1, "month") && r->month == 0)
    r->unit = SHIFT_MONTH;
  else
    return FALSE;

  r->shift = shift;
  r->future = r->future || shift > 0;
  r->next = i + 2;
  return TRUE;
}

/* After a month or a day and month: ", 2021", "2021", "of 2021", "last year",
 * "of this year". */
static void
read_year_after (Scanner *s,
                 Reading *r)
{
  guint i = r->next;
  int year;

  if (is_punct (s, i, ',') && r->day != 0)
    i++;
  else if (is_word (s, i, "of"))
    i++;

  if ((year = year_at (s, i)) != 0 && !(touching (s, i) && is_dash (s, i + 1)))
    {
      r->year = year;
      r->next = i + 1;
    }
  else if (!read_shift (s, i, r) && !read_shift (s, r->next, r) && r->day == 0)
    r->bare = TRUE;
}

/* "August 3", "Feb. 1, 2021", "February 1st, 2021", "June of 2021", "June last year",
 * "February". */
static gboolean
read_month_first (Scanner *s,
                  guint    i,
                  Reading *r)
{
  guint next;
  int month = month_at (s, i, &next), day;

  if (month == 0)
    return FALSE;

  r->month = month;
  r->next = next;
  if ((day = day_at (s, next)) != 0 && !(touching (s, next) && is_punct (s, next + 1, ':')))
    {
      r->day = day;
      r->next = next + 1;
    }
  read_year_after (s, r);
  return TRUE;
}

/* "1 February 2021", "5 August" */
static gboolean
read_day_first (Scanner *s,
                guint    i,
                Reading *r)
{
  guint next;
  int day = day_at (s, i), month;

  if (day == 0 || (month = month_at (s, i + 1, &next)) == 0)
    return FALSE;

  r->day = day;
  r->month = month;
  r->next = next;
  read_year_after (s, r);
  return TRUE;
}

/* "2021-02-01" */
static gboolean
read_iso (Scanner *s,
          guint    i,
          Reading *r)
{
  int year = year_at (s, i), month, day;

  if (year == 0 || !is_punct (s, i + 1, '-') || !is_punct (s, i + 3, '-')
      || !touching (s, i) || !touching (s, i + 1) || !touching (s, i + 2) || !touching (s, i + 3)
      || (month = number_at (s, i + 2, 2, 2, 1, 12)) == 0
      || (day = number_at (s, i + 4, 2, 2, 1, 31)) == 0)
    return FALSE;

  r->year = year;
  r->month = month;
  r->day = day;
  r->next = i + 5;
  return TRUE;
}

/* A lone year, "in 2014", "the 2022 invasion", but not "in 2000 villages". */
static gboolean
read_year (Scanner *s,
           guint    i,
           Reading *r)
{
  const Token *after = token_at (s, i + 1);
  int year = number_at (s, i, 4, 4, 1800, 2199);

  if (year == 0)
    return FALSE;
  if (after != NULL && after->kind == TOKEN_WORD && IN_LIST (after->word, unit_words))
    return FALSE;

  r->year = year;
  r->next = i + 1;
  r->bare = TRUE;
  return TRUE;
}

/* "last year", "this year", "next year", "later this month", "earlier this year";
 * "the last year" is a span of twelve months, not a date. */
static gboolean
read_relative (Scanner *s,
               guint    i,
               Reading *r)
{
  guint start = i;

  if (is_word (s, i, "later") || is_word (s, i, "earlier"))
    {
      r->future = is_word (s, i, "later");
      start++;
    }
  if (i > 0 && (is_word (s, i - 1, "the") || is_word (s, i - 1, "past")))
    return FALSE;
  /* "later this month" is still this month: "later" says it is to come, and is no
   * qualifier, since the publication day it would be later than is rarely known. */
  return read_shift (s, start, r);
}

/* "the previous day", "the next day", "the following day", "the day before", "a day
 * later": a day from the one the text dated just before. "The day before the vote" is
 * dated by the vote, which is not a date: left alone. */
static gboolean
read_day_shift (Scanner *s,
                guint    i,
                Reading *r)
{
  const Token *after = token_at (s, i + 3);
  gboolean alone = after == NULL || after->kind == TOKEN_PUNCT;

  if (is_word (s, i, "the") && is_word (s, i + 2, "day"))
    r->shift = is_word (s, i + 1, "previous") ? -1
             : is_word (s, i + 1, "next") || is_word (s, i + 1, "following") ? 1 : 0;
  else if ((is_word (s, i, "the") || is_word (s, i, "a")) && is_word (s, i + 1, "day"))
    r->shift = is_word (s, i + 2, "earlier") || (alone && is_word (s, i + 2, "before")) ? -1
             : is_word (s, i + 2, "later") || (alone && is_word (s, i + 2, "after")) ? 1 : 0;

  if (r->shift == 0)
    return FALSE;
  r->unit = SHIFT_DAY;
  r->next = i + 3;
  return TRUE;
}

/* "Tuesday, March 3": the date, with the weekday to choose its year by. */
static gboolean
read_dated_weekday (Scanner *s,
                    guint    at,
                    Reading *r)
{
  Reading date = { 0 };
  guint next = is_punct (s, at + 1, ',') ? at + 2 : at + 1;

  date.first = next;
  if (!read_month_first (s, next, &date) && !read_day_first (s, next, &date))
    return FALSE;
  if (date.day == 0)
    return FALSE;

  date.said_weekday = r->weekday;
  date.first = r->first;
  *r = date;
  return TRUE;
}

/* "Monday", "last Monday", "next Monday" */
static gboolean
read_weekday (Scanner *s,
              guint    i,
              Reading *r)
{
  guint at = i;

  if (is_word (s, i, "last") || is_word (s, i, "next") || is_word (s, i, "this"))
    {
      r->direction = is_word (s, i, "last") ? -1 : is_word (s, i, "next") ? 1 : 0;
      at++;
    }
  if ((r->weekday = weekday_at (s, at)) == G_DATE_BAD_WEEKDAY)
    return FALSE;

  if (r->direction == 0 && read_dated_weekday (s, at, r))
    return TRUE;
  r->future = r->direction > 0;
  r->next = at + 1;
  return TRUE;
}

/* Every reading starts with a number, a capitalised word (a month, a weekday) or one of
 * "later", "earlier", "last", "this", "next", "the" and "a": the other tokens, most of a
 * text, are passed over without trying them. Asked of every token, so the first letter
 * picks the words to compare with. */
static gboolean
may_start (Scanner *s,
           guint    i)
{
  const Token *token = token_at (s, i);

  if (token == NULL || token->kind == TOKEN_PUNCT)
    return FALSE;
  if (token->kind == TOKEN_NUMBER || token->capital)
    return TRUE;

  switch (token->word[0])
    {
    case 'a': return token->word[1] == '\0';
    case 'e': return strcmp (token->word, "earlier") == 0;
    case 'l': return strcmp (token->word, "later") == 0 || strcmp (token->word, "last") == 0;
    case 'n': return strcmp (token->word, "next") == 0;
    case 't': return strcmp (token->word, "this") == 0 || strcmp (token->word, "the") == 0;
    default: return FALSE;
    }
}

/* The reading of a date that starts at token @i, if one does: @r says what it says and
 * which tokens it takes, nothing yet of what stands before it. */
gboolean
_dossier_date_read_core (Scanner *s,
                         guint    i,
                         Reading *r)
{
  if (!may_start (s, i))
    return FALSE;

  memset (r, 0, sizeof *r);
  r->first = i;

  if (read_iso (s, i, r) || read_month_first (s, i, r) || read_day_first (s, i, r))
    return TRUE;

  memset (r, 0, sizeof *r);
  r->first = i;
  return read_relative (s, i, r) || read_day_shift (s, i, r) || read_weekday (s, i, r)
         || read_year (s, i, r);
}

/* What comes before */

/* "early", "mid-", "late", "the end of", "the beginning of": returns the first token. */
static guint
read_qualifier (Scanner          *s,
                guint             first,
                DossierQualifier *qualifier)
{
  if (first >= 2 && is_dash (s, first - 1) && is_word (s, first - 2, "mid"))
    return *qualifier = DOSSIER_QUALIFIER_MID, first - 2;
  if (first >= 1 && is_word (s, first - 1, "early"))
    return *qualifier = DOSSIER_QUALIFIER_EARLY, first - 1;
  if (first >= 1 && is_word (s, first - 1, "mid"))
    return *qualifier = DOSSIER_QUALIFIER_MID, first - 1;
  if (first >= 1 && is_word (s, first - 1, "late"))
    return *qualifier = DOSSIER_QUALIFIER_LATE, first - 1;
  if (first < 2 || !is_word (s, first - 1, "of"))
    return first;

  if (is_word (s, first - 2, "end"))
    *qualifier = DOSSIER_QUALIFIER_LATE;
  else if (is_word (s, first - 2, "beginning") || is_word (s, first - 2, "start"))
    *qualifier = DOSSIER_QUALIFIER_EARLY;
  else if (is_word (s, first - 2, "middle"))
    *qualifier = DOSSIER_QUALIFIER_MID;
  else
    return first;
  return first >= 3 && is_word (s, first - 3, "the") ? first - 3 : first - 2;
}

/* "last June", "next June", "this June" */
static guint
read_month_modifier (Scanner *s,
                     guint    first,
                     Reading *r)
{
  if (r->month == 0 || r->year != 0 || r->unit != SHIFT_NONE || first == 0)
    return first;

  if (is_word (s, first - 1, "next"))
    r->future = TRUE;
  else if (is_word (s, first - 1, "this"))
    r->unit = SHIFT_YEAR;
  else if (!is_word (s, first - 1, "last"))
    return first;
  return first - 1;
}

static gboolean
is_possessive (Scanner *s,
               guint    first)
{
  return first >= 2 && is_word (s, first - 1, "s") && touching (s, first - 2)
         && (is_punct (s, first - 2, '\'') || is_punct (s, first - 2, 0x2019));
}

/* What stands before @r: a qualifier ("late"), "last"/"next"/"this" before a month,
 * whether a dating word introduces it, and the preposition the phrase keeps. */
void
_dossier_date_read_prefix (Scanner *s,
                           Reading *r,
                           Prefix  *p)
{
  const Token *before;
  guint first = read_qualifier (s, r->first, &r->qualifier);

  first = read_month_modifier (s, first, r);
  p->dated = first != r->first || is_possessive (s, first);
  p->preposition = NULL;

  before = first > 0 ? token_at (s, first - 1) : NULL;
  if (before != NULL && before->kind == TOKEN_WORD)
    {
      p->dated = p->dated || IN_LIST (before->word, dating_words);
      p->preposition = before->word;
      if (IN_LIST (before->word, phrase_prepositions))
        first--;
      else if (g_str_equal (before->word, "of") && is_word (s, first - 2, "as"))
        first -= 2;
    }
  p->first = first;
}

/* Whether the sentence, before @first, says what follows is still to come: "will",
 * "planned", "is set to", "is expected to". */
gboolean
_dossier_date_future_before (Scanner *s,
                             guint    first)
{
  const Token *token = token_at (s, first);
  const DossierSpan *sentence = dossier_sentences_find (s->sentences, token->start);

  for (guint i = first; i > 0 && sentence != NULL; i--)
    {
      const Token *before = token_at (s, i - 1);

      if (before->start < sentence->start)
        break;
      if (before->kind != TOKEN_WORD)
        continue;
      if (IN_LIST (before->word, future_words))
        return TRUE;
      if ((is_word (s, i, "to") || is_word (s, i, "for"))
          && (g_str_equal (before->word, "expected") || g_str_equal (before->word, "due")
              || g_str_equal (before->word, "set") || g_str_equal (before->word, "slated")))
        return TRUE;
    }

  return FALSE;
}

/* Ranges */

static gboolean
is_range_word (Scanner    *s,
               guint       i,
               const char *preposition)
{
  if (g_strcmp0 (preposition, "from") == 0)
    return is_word (s, i, "to") || is_word (s, i, "until") || is_word (s, i, "till")
           || is_word (s, i, "through");
  if (g_strcmp0 (preposition, "between") == 0)
    return is_word (s, i, "and");
  return FALSE;
}

/* The end of "from 1999 to 2018", "between March and May 2021", "June 10-12". */
gboolean
_dossier_date_read_range_end (Scanner      *s,
                              const Prefix *p,
                              Reading      *r,
                              Reading      *end)
{
  guint i = r->next;

  if (r->weekday != G_DATE_BAD_WEEKDAY || r->unit != SHIFT_NONE
      || !(is_dash (s, i) || is_range_word (s, i, p->preposition)))
    return FALSE;

  if (!_dossier_date_read_core (s, i + 1, end) || end->weekday != G_DATE_BAD_WEEKDAY
      || end->unit != SHIFT_NONE)
    {
      memset (end, 0, sizeof *end);
      if (r->day == 0 || (end->day = day_at (s, i + 1)) == 0)
        return FALSE;
      end->first = i + 1;
      end->next = i + 2;
      end->month = r->month;
      read_year_after (s, end);
    }
  if ((r->month != 0) != (end->month != 0))
    return FALSE;

  /* One year given for both ends: "between March and May 2021". */
  if (r->year == 0 && end->year != 0)
    r->year = end->year - (r->month > end->month);
  if (end->year == 0 && r->year != 0)
    end->year = r->year + (end->month < r->month);
  return TRUE;
}
