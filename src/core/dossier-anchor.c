/* dossier-anchor.c: finding an annotation's passage again when its article's text changes
 *
 * An annotation remembers its passage four ways: character offsets, the exact quote, 32
 * characters of context on each side, and the hash of the text it was made on. When the
 * text at the offsets is no longer the quote (the article was re-imported or corrected),
 * the passage is looked for in this order:
 *
 *  1. the quote where its prefix or suffix still matches (the best-matching context wins,
 *     then the occurrence nearest the old position) — which is also how an unchanged
 *     passage is confirmed in place;
 *  2. the quote alone, nearest the old position;
 *  3. the closest approximate match of the quote (Sellers' edit-distance search, the
 *     problem Myers' bit-vector algorithm speeds up), accepted with at most one edit per
 *     DOSSIER_ANCHOR_CHARS_PER_ERROR characters of the quote.
 *
 * When all fail the annotation becomes an orphan: it keeps its quote and offsets and is
 * listed as needing attention, and is searched for again whenever the text changes once
 * more (or its article, gone, comes back). Nothing here ever drops an annotation.
 *
 * Step 3 costs quote length × text length steps; it is skipped above
 * DOSSIER_ANCHOR_MAX_FUZZY_CELLS (a 2,000-character quote in a 32,000-character article),
 * and such a passage becomes an orphan rather than stall the window.
 *
 * Everything works on UCS-4 copies, so positions are characters, as stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-anchor"

#include "config.h"

#include <string.h>

#include "dossier-anchor.h"

typedef struct
{
  gunichar *chars;
  glong     length;
} Ucs4;

static void
ucs4_clear (Ucs4 *text)
{
  g_clear_pointer (&text->chars, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Ucs4, ucs4_clear)

static void
ucs4_init (Ucs4       *out,
           const char *utf8)
{
  out->chars = g_utf8_to_ucs4_fast (utf8 ? utf8 : "", -1, &out->length);
}

static char *
ucs4_dup_range (const Ucs4 *text,
                glong       from,
                glong       to)
{
  from = CLAMP (from, 0, text->length);
  to = CLAMP (to, from, text->length);
  return g_ucs4_to_utf8 (text->chars + from, to - from, NULL, NULL, NULL);
}

static gboolean
matches_at (const Ucs4 *text,
            glong       position,
            const Ucs4 *part)
{
  if (position < 0 || position + part->length > text->length)
    return FALSE;

  return memcmp (text->chars + position, part->chars, part->length * sizeof (gunichar)) == 0;
}

/**
 * dossier_anchor_capture:
 * @quote: (out): the text in [@start, @end)
 * @prefix: (out): up to DOSSIER_ANNOTATION_CONTEXT_LENGTH characters before it
 * @suffix: (out): up to DOSSIER_ANNOTATION_CONTEXT_LENGTH characters after it
 */
void
dossier_anchor_capture (const char  *text,
                        guint        start,
                        guint        end,
                        char       **quote,
                        char       **prefix,
                        char       **suffix)
{
  g_auto(Ucs4) chars = { 0 };

  g_return_if_fail (text != NULL);
  g_return_if_fail (start <= end);

  ucs4_init (&chars, text);
  *quote = ucs4_dup_range (&chars, start, end);
  *prefix = ucs4_dup_range (&chars, (glong) start - DOSSIER_ANNOTATION_CONTEXT_LENGTH, start);
  *suffix = ucs4_dup_range (&chars, end, (glong) end + DOSSIER_ANNOTATION_CONTEXT_LENGTH);
}

/* Start of every occurrence of @quote in @text. */
static GArray *
find_all (const Ucs4 *text,
          const Ucs4 *quote)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (glong));

  if (quote->length == 0)
    return found;

  for (glong i = 0; i + quote->length <= text->length; i++)
    if (text->chars[i] == quote->chars[0] && matches_at (text, i, quote))
      g_array_append_val (found, i);

  return found;
}

/**
 * dossier_anchor_find_occurrence:
 * @occurrence: 1 for the first occurrence of @quote in @text, 2 for the second…
 *
 * Returns: whether there is such an occurrence; its character range in @start, @end
 */
gboolean
dossier_anchor_find_occurrence (const char *text,
                                const char *quote,
                                guint       occurrence,
                                guint      *start,
                                guint      *end)
{
  g_auto(Ucs4) chars = { 0 };
  g_auto(Ucs4) needle = { 0 };
  g_autoptr(GArray) found = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (quote != NULL, FALSE);
  g_return_val_if_fail (occurrence >= 1, FALSE);

  ucs4_init (&chars, text);
  ucs4_init (&needle, quote);
  found = find_all (&chars, &needle);
  if (occurrence > found->len)
    return FALSE;

  *start = g_array_index (found, glong, occurrence - 1);
  *end = *start + needle.length;
  return TRUE;
}

/* How much of the stored context still surrounds an occurrence at @position: 0 to 2. */
static guint
context_score (const Ucs4 *text,
               glong       position,
               glong       quote_length,
               const Ucs4 *prefix,
               const Ucs4 *suffix)
{
  guint score = 0;

  if (prefix->length > 0 && matches_at (text, position - prefix->length, prefix))
    score++;
  if (suffix->length > 0 && matches_at (text, position + quote_length, suffix))
    score++;

  return score;
}

/* Steps 1 and 2: the best context, then the nearest; -1 when the quote is not there. */
static glong
best_exact (const Ucs4 *text,
            const Ucs4 *quote,
            const Ucs4 *prefix,
            const Ucs4 *suffix,
            glong       old_start)
{
  g_autoptr(GArray) found = find_all (text, quote);
  glong best = -1;
  guint best_score = 0;

  for (guint i = 0; i < found->len; i++)
    {
      glong position = g_array_index (found, glong, i);
      guint score = context_score (text, position, quote->length, prefix, suffix);

      if (best < 0 || score > best_score
          || (score == best_score && ABS (position - old_start) < ABS (best - old_start)))
        {
          best = position;
          best_score = score;
        }
    }

  return best;
}

typedef struct
{
  glong distance;
  glong start;
  glong end;
} FuzzyMatch;

/* One column of the edit-distance table: @text_char against every prefix of the quote.
 * Each cell carries where in the text its alignment began. */
static void
fuzzy_column (const Ucs4 *quote,
              gunichar    text_char,
              glong       column,
              const glong *cost,
              const glong *from,
              glong      *next_cost,
              glong      *next_from)
{
  next_cost[0] = 0;
  next_from[0] = column;

  for (glong i = 1; i <= quote->length; i++)
    {
      glong diagonal = cost[i - 1] + (quote->chars[i - 1] != text_char);
      glong skip_quote = next_cost[i - 1] + 1;
      glong skip_text = cost[i] + 1;

      next_cost[i] = diagonal;
      next_from[i] = from[i - 1];
      if (skip_quote < next_cost[i])
        {
          next_cost[i] = skip_quote;
          next_from[i] = next_from[i - 1];
        }
      if (skip_text < next_cost[i])
        {
          next_cost[i] = skip_text;
          next_from[i] = from[i];
        }
    }
}

static void
consider (FuzzyMatch *best,
          glong       distance,
          glong       start,
          glong       end,
          glong       old_start)
{
  if (distance < best->distance
      || (distance == best->distance && ABS (start - old_start) < ABS (best->start - old_start)))
    {
      best->distance = distance;
      best->start = start;
      best->end = end;
    }
}

/* Step 3: the substring of @text closest to @quote by edit distance (Sellers 1980). */
static gboolean
best_fuzzy (const Ucs4 *text,
            const Ucs4 *quote,
            glong       old_start,
            FuzzyMatch *best)
{
  glong m = quote->length, max_errors = m / DOSSIER_ANCHOR_CHARS_PER_ERROR;
  g_autofree glong *cells = NULL;
  glong *cost, *from, *next_cost, *next_from;

  if (max_errors == 0 || (gint64) m * text->length > DOSSIER_ANCHOR_MAX_FUZZY_CELLS)
    return FALSE;

  cells = g_new (glong, 4 * (m + 1));
  cost = cells, from = cells + (m + 1), next_cost = cells + 2 * (m + 1);
  next_from = cells + 3 * (m + 1);
  for (glong i = 0; i <= m; i++)
    cost[i] = i, from[i] = 0;

  best->distance = G_MAXLONG;
  best->start = best->end = 0;
  for (glong j = 1; j <= text->length; j++)
    {
      glong *swap;

      fuzzy_column (quote, text->chars[j - 1], j, cost, from, next_cost, next_from);
      consider (best, next_cost[m], next_from[m], j, old_start);
      swap = cost, cost = next_cost, next_cost = swap;
      swap = from, from = next_from, next_from = swap;
    }

  return best->distance <= max_errors && best->end > best->start;
}

/**
 * dossier_anchor_locate:
 * @old_start: where the passage was
 * @start: (out): where it is now, unless it is an orphan
 * @end: (out): where it ends now
 *
 * Returns: %DOSSIER_ANCHOR_OK when @quote is still at @old_start, %DOSSIER_ANCHOR_MOVED
 *   when it was found elsewhere (exactly or approximately), %DOSSIER_ANCHOR_ORPHAN when not.
 */
DossierAnchorState
dossier_anchor_locate (const char *text,
                       const char *quote,
                       const char *prefix,
                       const char *suffix,
                       guint       old_start,
                       guint      *start,
                       guint      *end)
{
  g_auto(Ucs4) chars = { 0 };
  g_auto(Ucs4) needle = { 0 };
  g_auto(Ucs4) before = { 0 };
  g_auto(Ucs4) after = { 0 };
  FuzzyMatch fuzzy;
  glong found;

  g_return_val_if_fail (text != NULL, DOSSIER_ANCHOR_ORPHAN);
  g_return_val_if_fail (quote != NULL, DOSSIER_ANCHOR_ORPHAN);

  ucs4_init (&chars, text);
  ucs4_init (&needle, quote);
  ucs4_init (&before, prefix);
  ucs4_init (&after, suffix);
  *start = old_start;
  *end = old_start + needle.length;

  if (needle.length == 0)
    return DOSSIER_ANCHOR_ORPHAN;

  /* The quote still at its offsets is not enough: after an edit the same words may stand
   * there by chance while the highlighted ones moved; the context decides. */
  found = best_exact (&chars, &needle, &before, &after, old_start);
  if (found == old_start)
    return DOSSIER_ANCHOR_OK;
  if (found >= 0)
    {
      *start = found;
      *end = found + needle.length;
      return DOSSIER_ANCHOR_MOVED;
    }

  if (!best_fuzzy (&chars, &needle, old_start, &fuzzy))
    return DOSSIER_ANCHOR_ORPHAN;

  *start = fuzzy.start;
  *end = fuzzy.end;
  return DOSSIER_ANCHOR_MOVED;
}

/* Takes the passage and its context from @text, as they now read. */
static void
recapture (DossierAnnotation *annotation,
         const char        *text,
         guint              start,
         guint              end)
{
  g_autofree char *quote = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;

  dossier_anchor_capture (text, start, end, &quote, &prefix, &suffix);
  dossier_annotation_set_range (annotation, start, end);
  dossier_annotation_set_quote (annotation, quote);
  dossier_annotation_set_prefix (annotation, prefix);
  dossier_annotation_set_suffix (annotation, suffix);
}

/**
 * dossier_anchor_apply:
 * @article: (nullable): the annotation's article with its body, or %NULL when it is gone
 *
 * Checks @annotation against @article's current text and re-anchors it when that text is
 * not the one it was last anchored on: new offsets, quote and context when its passage
 * moved; orphan when it can't be found (the old quote and offsets are kept). Either way
 * the stored hash becomes the text's, so each version of a text is searched once; an
 * annotation whose article is gone loses its hash, so it is searched again when the
 * article comes back.
 *
 * Returns: whether @annotation changed and should be saved
 */
gboolean
dossier_anchor_apply (DossierAnnotation *annotation,
                      DossierArticle    *article)
{
  g_autofree char *hash = NULL;
  DossierAnchorState was, state;
  const char *text;
  guint start, end;

  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (annotation), FALSE);

  was = dossier_annotation_get_anchor (annotation);
  if (article == NULL)
    {
      gboolean changed = was != DOSSIER_ANCHOR_ORPHAN
                         || dossier_annotation_get_text_hash (annotation) != NULL;

      dossier_annotation_set_anchor (annotation, DOSSIER_ANCHOR_ORPHAN);
      dossier_annotation_set_text_hash (annotation, NULL);
      return changed;
    }

  hash = dossier_article_dup_text_hash (article);
  if (g_strcmp0 (hash, dossier_annotation_get_text_hash (annotation)) == 0)
    return FALSE;

  text = dossier_article_get_text (article);
  state = dossier_anchor_locate (text, dossier_annotation_get_quote (annotation),
                                 dossier_annotation_get_prefix (annotation),
                                 dossier_annotation_get_suffix (annotation),
                                 dossier_annotation_get_start (annotation), &start, &end);

  if (state == DOSSIER_ANCHOR_ORPHAN)
    dossier_annotation_set_anchor (annotation, DOSSIER_ANCHOR_ORPHAN);
  else
    {
      /* Even in place, the context may have changed around the passage. */
      recapture (annotation, text, start, end);
      if (state == DOSSIER_ANCHOR_MOVED)
        dossier_annotation_set_anchor (annotation, DOSSIER_ANCHOR_MOVED);
      else if (was == DOSSIER_ANCHOR_ORPHAN)
        dossier_annotation_set_anchor (annotation, DOSSIER_ANCHOR_OK);
    }

  dossier_annotation_set_text_hash (annotation, hash);
  return TRUE;
}
