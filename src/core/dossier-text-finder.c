/* dossier-text-finder.c: every place some words occur in a text, ignoring case and accents
 *
 * Find in an article, and the matches of a search, mark character ranges of the article's
 * text. Each character is folded on its own (lower case, accents dropped), so a match in
 * the folded text has the same offsets in the real one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-text-finder"

#include <string.h>

#include "dossier-text-finder.h"

static gunichar
fold (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  /* "É" decomposes to "E" + an accent: keep the base letter. */
  if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
    c = decomposed[0];
  /* Typographic apostrophes match the typed one. */
  if (c == 0x2019 || c == 0x2018)
    c = '\'';
  return g_unichar_tolower (c);
}

static gunichar *
fold_all (const char *text,
          glong      *length)
{
  gunichar *chars = g_utf8_to_ucs4_fast (text, -1, length);

  for (glong i = 0; i < *length; i++)
    chars[i] = fold (chars[i]);
  return chars;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const DossierTextRange *ra = a, *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return (ra->length < rb->length) - (ra->length > rb->length);
}

/* Sorted, and where two overlap the first (the longer, at the same start) wins. */
static void
drop_overlaps (GArray *ranges)
{
  guint kept = 0;
  guint end = 0;

  g_array_sort (ranges, compare_ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      DossierTextRange range = g_array_index (ranges, DossierTextRange, i);

      if (kept > 0 && range.start < end)
        continue;
      g_array_index (ranges, DossierTextRange, kept++) = range;
      end = range.start + range.length;
    }
  g_array_set_size (ranges, kept);
}

static void
find_needle (const gunichar *hay,
             glong           hay_length,
             const gunichar *needle,
             glong           needle_length,
             GArray         *ranges)
{
  for (glong i = 0; i + needle_length <= hay_length; i++)
    {
      if (hay[i] != needle[0] || memcmp (hay + i, needle, needle_length * sizeof (gunichar)) != 0)
        continue;

      g_array_append_val (ranges, ((DossierTextRange) { i, needle_length }));
      i += needle_length - 1;
    }
}

/**
 * dossier_text_find_all:
 * @needles: words or phrases; empty ones are skipped
 *
 * Returns: (transfer full) (element-type DossierTextRange): where any of @needles occurs
 *   in @text, in text order, without overlaps
 */
GArray *
dossier_text_find_all (const char         *text,
                       const char * const *needles)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (DossierTextRange));
  g_autofree gunichar *hay = NULL;
  glong hay_length;

  g_return_val_if_fail (text != NULL, ranges);

  hay = fold_all (text, &hay_length);
  for (guint i = 0; needles != NULL && needles[i] != NULL; i++)
    {
      g_autofree gunichar *needle = NULL;
      glong needle_length;

      if (!g_utf8_validate (needles[i], -1, NULL))
        continue;
      needle = fold_all (needles[i], &needle_length);
      if (needle_length > 0)
        find_needle (hay, hay_length, needle, needle_length, ranges);
    }

  drop_overlaps (ranges);
  return ranges;
}
