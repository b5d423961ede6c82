/* dossier-sentences.c: where the sentences of a text begin and end
 *
 * A full stop ends a sentence only when what follows looks like the start of one (space,
 * then a capital, a digit or an opening quote) and the word before it is not an
 * abbreviation: "Feb. 1", "U.S. House", "Sr. Gen. Min Aung Hlaing" stay whole. A line
 * break always ends a sentence: headings, captions and paragraphs never run together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-sentences"

#include "config.h"

#include "dossier-sentences.h"

/* Words that take a full stop without ending a sentence: titles, ranks, months. */
static const char * const abbreviations[] = {
  "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "gen", "maj", "lt", "col", "capt", "cmdr",
  "adm", "sgt", "cpl", "pvt", "gov", "sen", "rep", "rev", "st", "mt", "no", "vs", "etc",
  "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
  "sept", "oct", "nov", "dec", "est", "approx", "dept", "univ", "ave", "fig", "vol",
};

static gboolean
is_closing (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x2019 || c == 0x201D || c == ')' || c == ']'
         || c == 0x00BB;
}

static gboolean
is_opening (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x2018 || c == 0x201C || c == '(' || c == '['
         || c == 0x00AB;
}

/* The word that ends just before text[dot]: an abbreviation, or a single letter as in
 * "U.S." or "J. Smith"? */
static gboolean
ends_abbreviation (const gunichar *text,
                   gsize           dot)
{
  gsize start = dot;
  char word[8];
  gsize length;

  while (start > 0 && g_unichar_isalpha (text[start - 1]))
    start--;
  length = dot - start;
  if (length == 1)
    return g_unichar_isupper (text[start]);
  if (length == 0 || length >= sizeof word)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    word[i] = text[start + i] < 128 ? g_ascii_tolower (text[start + i]) : '?';
  word[length] = '\0';

  /* asked at every full stop: the first letter settles most of the list */
  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (word[0] == abbreviations[i][0] && g_str_equal (word, abbreviations[i]))
      return TRUE;
  return FALSE;
}

/* If a sentence ends with the punctuation at text[i], where does it end (after any
 * closing quotes)? 0 when it does not end there. */
static gsize
sentence_end_at (const gunichar *text,
                 gsize           n_chars,
                 gsize           i)
{
  gsize end = i + 1, next;

  if (text[i] != '.' && text[i] != '!' && text[i] != '?')
    return 0;
  while (end < n_chars && (is_closing (text[end]) || text[end] == '.'))
    end++;
  if (end == n_chars)
    return end;
  if (!g_unichar_isspace (text[end]))
    return 0;

  for (next = end; next < n_chars && g_unichar_isspace (text[next]); next++)
    if (text[next] == '\n')
      return end;
  if (next == n_chars)
    return end;
  if (!g_unichar_isupper (text[next]) && !g_unichar_isdigit (text[next])
      && !is_opening (text[next]))
    return 0;
  if (text[i] == '.' && ends_abbreviation (text, i))
    return 0;

  return end;
}

static void
add_sentence (GArray         *sentences,
              const gunichar *text,
              gsize           start,
              gsize           end)
{
  DossierSpan span;

  while (start < end && g_unichar_isspace (text[start]))
    start++;
  while (end > start && g_unichar_isspace (text[end - 1]))
    end--;
  if (start == end)
    return;

  span.start = start;
  span.end = end;
  g_array_append_val (sentences, span);
}

/**
 * dossier_sentences_split:
 *
 * Returns: (transfer full) (element-type DossierSpan): the sentences of @text, in order,
 *   without the spaces around them
 */
GArray *
dossier_sentences_split (const gunichar *text,
                         gsize           n_chars)
{
  GArray *sentences = g_array_new (FALSE, FALSE, sizeof (DossierSpan));
  gsize start = 0;

  for (gsize i = 0; i < n_chars; i++)
    {
      gsize end = text[i] == '\n' ? i : sentence_end_at (text, n_chars, i);

      if (end == 0 && text[i] != '\n')
        continue;
      add_sentence (sentences, text, start, end);
      start = end;
      i = MAX (i, end ? end - 1 : 0);
    }
  add_sentence (sentences, text, start, n_chars);

  return sentences;
}

GArray *
dossier_sentences_split_utf8 (const char *text)
{
  glong n_chars = 0;
  g_autofree gunichar *chars = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  chars = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  return dossier_sentences_split (chars, n_chars);
}

/* The sentence that holds the character at @offset, or NULL (between sentences). */
const DossierSpan *
dossier_sentences_find (GArray *sentences,
                        guint   offset)
{
  guint low = 0, high = sentences->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;
      const DossierSpan *span = &g_array_index (sentences, DossierSpan, middle);

      if (offset < span->start)
        high = middle;
      else if (offset >= span->end)
        low = middle + 1;
      else
        return span;
    }

  return NULL;
}
