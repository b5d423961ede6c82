/* dossier-date-extractor.c: the dates a news text gives, resolved against its publication
 *
 * The text is cut into tokens (words, plain numbers, punctuation) and read left to right
 * for the forms news writing uses: full dates ("Feb. 1, 2021", "1 February 2021",
 * "2021-02-01"), a month and year ("June of 2021"), a day or a month alone ("On August 3",
 * "in late June"), a year that dates something ("the 2022 invasion"), dates relative to
 * publication ("June last year", "later this month"), weekdays ("on Monday") and days
 * counted from the day dated before ("the previous day"). Two of them joined by
 * "from … to", "between … and" or a dash make a range.
 *
 * Numbers that are not dates stay out: a year must stand alone (not "2,158", "23mm",
 * "US$2.3", "Su-30", "39%") and a lone year, month or day must be introduced by a word
 * that dates ("in", "since", "the", "its", "early"…), so a count or a name is not read as
 * a date.
 *
 * This file puts a text's expressions together: each read where it starts, then the
 * years a cluster of days shares, the days counted from another and the years a finer
 * date of the sentence repeats. The tokens are cut in dossier-date-tokens.c, the forms
 * read in dossier-date-readings.c and resolved in dossier-date-resolve.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-date-extractor"

#include "config.h"

#include "dossier-date-extractor-private.h"
#include "dossier-sentences.h"
#include "dossier-utf8.h"

/* Expressions */

typedef struct
{
  DossierDateExpression *expression;
  guint                  block;          /* paragraph: blocks are split by blank lines */
  gboolean               year_inferred;  /* a day and month, the year from publication */
  gboolean               anchor;         /* a day with its own year: "March 26, 2021" */
  gboolean               written_year;   /* the year is in the words, not inferred */
  int                    day_shift;      /* "the previous day": -1 */
  gboolean               dropped;
} Found;

/* The paragraph that holds @offset, counted by the blank lines before it. */
static guint
block_of (Scanner *s,
          guint    offset)
{
  guint low = 0, high = s->block_starts->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (g_array_index (s->block_starts, guint, middle) <= offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static DossierDateExpression *
new_expression (Scanner *s,
                guint    first,
                guint    next)
{
  DossierDateExpression *e = g_new0 (DossierDateExpression, 1);
  const Token *a = token_at (s, first), *b = token_at (s, next - 1);
  const DossierSpan *sentence = dossier_sentences_find (s->sentences, a->start);

  e->start = a->start;
  e->length = b->end - a->start;
  e->phrase = g_ucs4_to_utf8 (s->text + e->start, e->length, NULL, NULL, NULL);
  e->sentence_start = sentence ? sentence->start : e->start;
  e->sentence_end = sentence ? MAX (sentence->end, e->start + e->length) : e->start + e->length;
  return e;
}

/* Reads the expression at token @i into @found; returns the token after it, or 0 when
 * none starts there. */
static guint
read_expression (Scanner *s,
                 guint    i,
                 Found   *found)
{
  Reading r, end = { 0 };
  Prefix p;
  DossierDate date, end_date = { 0 };
  gboolean range;

  if (!_dossier_date_read_core (s, i, &r))
    return 0;
  _dossier_date_read_prefix (s, &r, &p);
  if (r.bare && !p.dated)
    return 0;

  range = _dossier_date_read_range_end (s, &p, &r, &end);
  r.future = r.future || (r.year == 0 && r.unit == SHIFT_NONE && _dossier_date_future_before (s, p.first));
  end.future = r.future;
  if (!_dossier_date_resolve (s, &r, &date) || (range && !_dossier_date_resolve (s, &end, &end_date)))
    return 0;

  found->expression = new_expression (s, p.first, range ? end.next : r.next);
  found->expression->date = date;
  found->expression->end = end_date;
  found->expression->qualifier = r.qualifier;
  found->block = block_of (s, found->expression->start);
  found->year_inferred = r.year == 0 && r.day != 0 && r.unit == SHIFT_NONE && !range;
  found->anchor = r.year != 0 && r.day != 0;
  found->written_year = r.year != 0 && r.unit == SHIFT_NONE;
  found->day_shift = r.unit == SHIFT_DAY ? r.shift : 0;
  return range ? end.next : r.next;
}

/* A writer gives the year once for a cluster of days: "(March 27)" next to "on March 26,
 * 2021" is in 2021, whatever the publication year. A day whose year was inferred takes
 * the year of a full date in the same or a neighbouring paragraph when that puts it
 * within a month of it. */
static void
apply_nearby_years (GArray *found)
{
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);
      DossierDate *date = &f->expression->date;

      if (!f->year_inferred)
        continue;
      for (guint j = 0; j < found->len; j++)
        {
          Found *a = &g_array_index (found, Found, j);
          GDate anchor, candidate;

          if (!a->anchor || ABS ((int) a->block - (int) f->block) > 1
              || !g_date_valid_dmy (date->day, date->month, a->expression->date.year))
            continue;
          dossier_date_get_first_day (&a->expression->date, &anchor);
          g_date_clear (&candidate, 1);
          g_date_set_dmy (&candidate, date->day, date->month, a->expression->date.year);
          if (ABS (g_date_days_between (&anchor, &candidate)) <= 31)
            {
              date->year = a->expression->date.year;
              break;
            }
        }
    }
}

/* "the previous day" is a day from the last day the text dated before it, in the same or
 * the previous paragraph; without one, it is dropped. Runs in text order, so "the next
 * day … the following day" count on from each other. */
static void
apply_day_shifts (GArray *found)
{
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);
      Found *anchor = NULL;
      GDate day;

      if (f->day_shift == 0)
        continue;
      for (guint j = i; j > 0 && anchor == NULL; j--)
        {
          Found *before = &g_array_index (found, Found, j - 1);

          if (f->block - before->block > 1)
            break;
          if (!before->dropped && before->expression->date.precision == DOSSIER_PRECISION_DAY
              && before->expression->end.precision == DOSSIER_PRECISION_NONE)
            anchor = before;
        }

      f->dropped = anchor == NULL;
      if (anchor == NULL)
        continue;
      dossier_date_get_first_day (&anchor->expression->date, &day);
      if (f->day_shift < 0)
        g_date_subtract_days (&day, 1);
      else
        g_date_add_days (&day, 1);
      dossier_date_set_from_gdate (&f->expression->date, &day, DOSSIER_PRECISION_DAY);
    }
}

/* "the 2022 Eastern Economic Forum … on Sept. 7, 2022": a written year adds nothing to a
 * finer date of the same sentence that writes the same year. ("last year … in June last
 * year" are two datings and both stay.) */
static gboolean
is_redundant_year (GArray *found,
                   Found  *f)
{
  DossierDateExpression *e = f->expression;

  if (e->date.precision != DOSSIER_PRECISION_YEAR || e->end.precision != DOSSIER_PRECISION_NONE
      || !f->written_year)
    return FALSE;

  for (guint j = 0; j < found->len; j++)
    {
      Found *o = &g_array_index (found, Found, j);
      DossierDateExpression *other = o->expression;

      if (other != e && o->written_year && other->sentence_start == e->sentence_start
          && other->date.year == e->date.year && other->date.precision > e->date.precision)
        return TRUE;
    }

  return FALSE;
}

static GPtrArray *
collect (GArray *found)
{
  GPtrArray *expressions = g_ptr_array_new_with_free_func (
    (GDestroyNotify) dossier_date_expression_free);

  apply_nearby_years (found);
  apply_day_shifts (found);
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);

      f->dropped = f->dropped || is_redundant_year (found, f);
    }

  /* Freed only now: the years above were compared with every expression. */
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);

      if (f->dropped)
        dossier_date_expression_free (f->expression);
      else
        g_ptr_array_add (expressions, f->expression);
    }

  return expressions;
}

static void
scanner_init (Scanner           *s,
              const gunichar    *text,
              gsize              n_chars,
              const DossierDate *published)
{
  s->text = text;
  s->n_chars = n_chars;
  s->published = published;
  s->tokens = _dossier_date_tokenize (s);
  s->sentences = dossier_sentences_split (text, n_chars);
  s->block_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 1; i < n_chars; i++)
    if (text[i] == '\n' && text[i - 1] == '\n')
      g_array_append_val (s->block_starts, i);
  if (published->precision != DOSSIER_PRECISION_NONE)
    {
      dossier_date_get_first_day (published, &s->first_day);
      dossier_date_get_last_day (published, &s->last_day);
    }
}

/**
 * dossier_date_extract:
 * @text: a news text
 * @published: when it was published, to any precision (NONE: only dates that carry
 *   their own year are found)
 *
 * Returns: (transfer full) (element-type DossierDateExpression): the dating expressions
 *   of @text in order, each resolved to a date
 */
GPtrArray *
dossier_date_extract (const char        *text,
                      const DossierDate *published)
{
  g_autofree gunichar *chars = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (Found));
  Scanner s = { 0 };
  glong n_chars = 0;
  GPtrArray *expressions;

  g_return_val_if_fail (text != NULL && published != NULL, NULL);

  chars = dossier_utf8_to_ucs4 (text, -1, &n_chars);
  scanner_init (&s, chars, n_chars, published);

  for (guint i = 0; i < s.tokens->len;)
    {
      Found f = { 0 };
      guint next = read_expression (&s, i, &f);

      if (next == 0)
        {
          i++;
          continue;
        }
      g_array_append_val (found, f);
      i = next;
    }

  expressions = collect (found);
  g_array_unref (s.tokens);
  g_array_unref (s.sentences);
  g_array_unref (s.block_starts);
  return expressions;
}

void
dossier_date_expression_free (DossierDateExpression *expression)
{
  if (expression == NULL)
    return;

  g_free (expression->phrase);
  g_free (expression);
}

const char *
dossier_qualifier_to_string (DossierQualifier qualifier)
{
  static const char * const names[] = { NULL, "early", "mid", "late" };

  return qualifier < G_N_ELEMENTS (names) ? names[qualifier] : NULL;
}

gboolean
dossier_qualifier_from_string (const char       *name,
                               DossierQualifier *qualifier)
{
  for (DossierQualifier q = DOSSIER_QUALIFIER_EARLY; q <= DOSSIER_QUALIFIER_LATE; q++)
    if (g_strcmp0 (name, dossier_qualifier_to_string (q)) == 0)
      return *qualifier = q, TRUE;

  *qualifier = DOSSIER_QUALIFIER_NONE;
  return name == NULL;
}
