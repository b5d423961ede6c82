/* test-anchor.c: finding a highlighted passage again after its article's text changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-anchor.h"

#define TEXT \
  "Russia has supplied the junta with fighter jets and helicopters. " \
  "On August 3, Russian Foreign Minister Sergey Lavrov made an official visit to Myanmar. " \
  "The junta thanked Russia for its steadfast support at the United Nations."

#define QUOTE "Sergey Lavrov made an official visit"

typedef struct
{
  guint               start;
  guint               end;
  char               *quote;
  char               *prefix;
  char               *suffix;
} Anchor;

static void
anchor_clear (Anchor *anchor)
{
  g_free (anchor->quote);
  g_free (anchor->prefix);
  g_free (anchor->suffix);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Anchor, anchor_clear)

/* Highlights the first @quote of @text, as the window would. */
static void
highlight (Anchor     *anchor,
           const char *text,
           const char *quote)
{
  g_assert_true (dossier_anchor_find_occurrence (text, quote, 1, &anchor->start, &anchor->end));
  dossier_anchor_capture (text, anchor->start, anchor->end, &anchor->quote, &anchor->prefix,
                          &anchor->suffix);
  g_assert_cmpstr (anchor->quote, ==, quote);
}

static DossierAnchorState
relocate (const Anchor *anchor,
          const char   *new_text,
          guint        *start,
          guint        *end)
{
  return dossier_anchor_locate (new_text, anchor->quote, anchor->prefix, anchor->suffix,
                                anchor->start, start, end);
}

static char *
text_range (const char *text,
            guint       start,
            guint       end)
{
  const char *from = g_utf8_offset_to_pointer (text, start);

  return g_strndup (from, g_utf8_offset_to_pointer (text, end) - from);
}

static void
test_capture_context (void)
{
  g_auto(Anchor) anchor = { 0 };
  g_auto(Anchor) at_start = { 0 };

  highlight (&anchor, TEXT, QUOTE);
  g_assert_cmpint (g_utf8_strlen (anchor.prefix, -1), ==, DOSSIER_ANNOTATION_CONTEXT_LENGTH);
  g_assert_cmpint (g_utf8_strlen (anchor.suffix, -1), ==, DOSSIER_ANNOTATION_CONTEXT_LENGTH);
  g_assert_true (g_str_has_suffix (anchor.prefix, "Russian Foreign Minister "));
  g_assert_true (g_str_has_prefix (anchor.suffix, " to Myanmar."));

  /* At the start of the text there is less context, not garbage. */
  highlight (&at_start, TEXT, "Russia has");
  g_assert_cmpuint (at_start.start, ==, 0);
  g_assert_cmpstr (at_start.prefix, ==, "");
}

static void
test_occurrences_count_characters (void)
{
  const char *text = "«Ça» — Lavrov; “Lavrov” and Lavrov.";
  guint start, end;

  g_assert_true (dossier_anchor_find_occurrence (text, "Lavrov", 2, &start, &end));
  /* Characters, not bytes: «, Ç, — and “ are multi-byte. */
  g_assert_cmpuint (start, ==, 16);
  g_assert_cmpuint (end, ==, 22);
  g_assert_true (dossier_anchor_find_occurrence (text, "Lavrov", 3, &start, &end));
  g_assert_false (dossier_anchor_find_occurrence (text, "Lavrov", 4, &start, &end));
  g_assert_false (dossier_anchor_find_occurrence (text, "Shoigu", 1, &start, &end));
}

static void
test_unchanged_is_ok (void)
{
  g_auto(Anchor) anchor = { 0 };
  guint start, end;

  highlight (&anchor, TEXT, QUOTE);
  g_assert_cmpint (relocate (&anchor, TEXT, &start, &end), ==, DOSSIER_ANCHOR_OK);
  g_assert_cmpuint (start, ==, anchor.start);
  g_assert_cmpuint (end, ==, anchor.end);
}

static void
test_text_changed_before (void)
{
  g_auto(Anchor) anchor = { 0 };
  g_autofree char *changed = g_strconcat ("Editor’s note: this story was updated. ", TEXT, NULL);
  g_autofree char *found = NULL;
  guint start, end;

  highlight (&anchor, TEXT, QUOTE);
  g_assert_cmpint (relocate (&anchor, changed, &start, &end), ==, DOSSIER_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==, anchor.start + g_utf8_strlen ("Editor’s note: this story was "
                                                             "updated. ", -1));
  found = text_range (changed, start, end);
  g_assert_cmpstr (found, ==, QUOTE);
}

static void
test_text_changed_after (void)
{
  g_auto(Anchor) anchor = { 0 };
  g_autofree char *changed = g_strconcat (TEXT, " A correction was appended later.", NULL);
  guint start, end;

  highlight (&anchor, TEXT, QUOTE);
  g_assert_cmpint (relocate (&anchor, changed, &start, &end), ==, DOSSIER_ANCHOR_OK);
  g_assert_cmpuint (start, ==, anchor.start);
}

/* A word corrected inside the passage: found by the fuzzy match, within its bound. */
static void
test_text_changed_inside (void)
{
  g_auto(Anchor) anchor = { 0 };
  g_autoptr(GString) changed = g_string_new ("A new first sentence. " TEXT);
  g_autofree char *found = NULL;
  guint start, end;

  highlight (&anchor, TEXT, QUOTE);
  g_string_replace (changed, "official visit", "offical visit", 1);
  g_assert_cmpint (relocate (&anchor, changed->str, &start, &end), ==, DOSSIER_ANCHOR_MOVED);
  found = text_range (changed->str, start, end);
  g_assert_cmpstr (found, ==, "Sergey Lavrov made an offical visit");
}

static void
test_quote_gone_is_orphan (void)
{
  g_auto(Anchor) anchor = { 0 };
  const char *rewritten = "Russia has supplied the junta with jets. The junta thanked Russia.";
  guint start, end;

  highlight (&anchor, TEXT, QUOTE);
  g_assert_cmpint (relocate (&anchor, rewritten, &start, &end), ==, DOSSIER_ANCHOR_ORPHAN);
  g_assert_cmpint (relocate (&anchor, "", &start, &end), ==, DOSSIER_ANCHOR_ORPHAN);
}

/* More than one edit per five characters is too far to be the same passage. */
static void
test_fuzzy_match_is_bounded (void)
{
  g_auto(Anchor) anchor = { 0 };
  g_autoptr(GString) near = g_string_new (TEXT);
  g_autoptr(GString) far = g_string_new (TEXT);
  guint start, end;

  highlight (&anchor, TEXT, "official visit to Myanmar");   /* 25 characters: 5 edits */
  g_string_replace (near, "official visit to Myanmar", "oficial visits to Myanmar", 1);
  g_assert_cmpint (relocate (&anchor, near->str, &start, &end), ==, DOSSIER_ANCHOR_MOVED);

  g_string_replace (far, "official visit to Myanmar", "offishul vizzit in Burma", 1);
  g_assert_cmpint (relocate (&anchor, far->str, &start, &end), ==, DOSSIER_ANCHOR_ORPHAN);
}

/* Two identical passages: the context tells which one was highlighted, even when the
 * other one is now nearer the old offsets. */
static void
test_context_picks_the_right_occurrence (void)
{
  const char *text = "The spokesman said no comment on the arms deal. "
                     "Then the minister said no comment about the visit.";
  const char *changed = "Then the minister said no comment about the visit. "
                        "The spokesman said no comment on the arms deal.";
  g_auto(Anchor) anchor = { 0 };
  guint start, end;

  g_assert_true (dossier_anchor_find_occurrence (text, "said no comment", 2, &anchor.start,
                                                 &anchor.end));
  dossier_anchor_capture (text, anchor.start, anchor.end, &anchor.quote, &anchor.prefix,
                          &anchor.suffix);

  g_assert_cmpint (relocate (&anchor, changed, &start, &end), ==, DOSSIER_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==, 18);
}

/* The same words at the old offsets, but not the highlighted ones: the context wins. */
static void
test_same_words_in_place_are_not_enough (void)
{
  const char *text = "One: he said no. Two: she said yes.";
  const char *changed = "Two: he said yes. One: he said no.";
  g_auto(Anchor) anchor = { 0 };
  guint start, end;

  highlight (&anchor, text, "said");
  g_assert_cmpuint (anchor.start, ==, 8);

  g_assert_cmpint (relocate (&anchor, changed, &start, &end), ==, DOSSIER_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==, 26);
}

/* Without matching context, the occurrence nearest the old position wins. */
static void
test_nearest_without_context (void)
{
  const char *text = "aaaa Lavrov bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj Lavrov kkkk";
  const char *changed = "zz Lavrov yy xxxx wwww vvvv uuuu tttt ssss rrrr qqqq Lavrov pp";
  g_auto(Anchor) anchor = { 0 };
  guint start, end;

  g_assert_true (dossier_anchor_find_occurrence (text, "Lavrov", 2, &anchor.start, &anchor.end));
  anchor.quote = g_strdup ("Lavrov");
  anchor.prefix = g_strdup ("nothing like this");
  anchor.suffix = g_strdup ("nor this");

  g_assert_cmpint (relocate (&anchor, changed, &start, &end), ==, DOSSIER_ANCHOR_MOVED);
  g_assert_cmpuint (start, ==, 53);
}

static DossierArticle *
article_with_text (const char *text)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_object_unref);
  DossierArticle *article = dossier_article_new ();

  dossier_article_set_id (article, "test-article");
  g_ptr_array_add (blocks, dossier_block_new (DOSSIER_BLOCK_PARAGRAPH, text, NULL));
  dossier_article_set_blocks (article, blocks);
  return article;
}

static DossierAnnotation *
annotation_on (DossierArticle *article,
               const char     *quote)
{
  DossierAnnotation *annotation = dossier_annotation_new (NULL, dossier_article_get_id (article));
  g_autofree char *hash = dossier_article_dup_text_hash (article);
  g_auto(Anchor) anchor = { 0 };

  highlight (&anchor, dossier_article_get_text (article), quote);
  dossier_annotation_set_range (annotation, anchor.start, anchor.end);
  g_object_set (annotation, "quote", anchor.quote, "prefix", anchor.prefix,
                "suffix", anchor.suffix, "text-hash", hash, NULL);
  return annotation;
}

/* The annotation itself: new offsets and hash when moved; an orphan keeps its quote and
 * is found again when the passage comes back. */
static void
test_apply_updates_or_keeps (void)
{
  g_autoptr(DossierArticle) original = article_with_text (TEXT);
  g_autoptr(DossierArticle) moved = article_with_text ("Update: " TEXT);
  g_autoptr(DossierArticle) gone = article_with_text ("Nothing of the sort.");
  g_autoptr(DossierAnnotation) annotation = annotation_on (original, QUOTE);
  g_autofree char *moved_hash = dossier_article_dup_text_hash (moved);
  guint old_start = dossier_annotation_get_start (annotation);

  g_assert_false (dossier_anchor_apply (annotation, original));

  g_assert_true (dossier_anchor_apply (annotation, moved));
  g_assert_cmpint (dossier_annotation_get_anchor (annotation), ==, DOSSIER_ANCHOR_MOVED);
  g_assert_cmpuint (dossier_annotation_get_start (annotation), ==, old_start + 8);
  g_assert_cmpstr (dossier_annotation_get_text_hash (annotation), ==, moved_hash);
  g_assert_false (dossier_anchor_apply (annotation, moved));

  g_assert_true (dossier_anchor_apply (annotation, gone));
  g_assert_cmpint (dossier_annotation_get_anchor (annotation), ==, DOSSIER_ANCHOR_ORPHAN);
  g_assert_cmpstr (dossier_annotation_get_quote (annotation), ==, QUOTE);
  /* The same text is not searched twice. */
  g_assert_false (dossier_anchor_apply (annotation, gone));
  g_assert_true (dossier_anchor_apply (annotation, original));
  g_assert_cmpint (dossier_annotation_get_anchor (annotation), ==, DOSSIER_ANCHOR_MOVED);
  g_assert_cmpuint (dossier_annotation_get_start (annotation), ==, old_start);

  /* The article leaves the library, then comes back unchanged: found again. */
  g_assert_true (dossier_anchor_apply (annotation, NULL));
  g_assert_cmpint (dossier_annotation_get_anchor (annotation), ==, DOSSIER_ANCHOR_ORPHAN);
  g_assert_false (dossier_anchor_apply (annotation, NULL));
  g_assert_true (dossier_anchor_apply (annotation, original));
  g_assert_cmpint (dossier_annotation_get_anchor (annotation), !=, DOSSIER_ANCHOR_ORPHAN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/anchor/capture-context", test_capture_context);
  g_test_add_func ("/anchor/occurrences-count-characters", test_occurrences_count_characters);
  g_test_add_func ("/anchor/unchanged-is-ok", test_unchanged_is_ok);
  g_test_add_func ("/anchor/text-changed-before", test_text_changed_before);
  g_test_add_func ("/anchor/text-changed-inside", test_text_changed_inside);
  g_test_add_func ("/anchor/text-changed-after", test_text_changed_after);
  g_test_add_func ("/anchor/quote-gone-is-orphan", test_quote_gone_is_orphan);
  g_test_add_func ("/anchor/fuzzy-match-is-bounded", test_fuzzy_match_is_bounded);
  g_test_add_func ("/anchor/context-picks-the-right-occurrence",
                   test_context_picks_the_right_occurrence);
  g_test_add_func ("/anchor/same-words-in-place-are-not-enough",
                   test_same_words_in_place_are_not_enough);
  g_test_add_func ("/anchor/nearest-without-context", test_nearest_without_context);
  g_test_add_func ("/anchor/apply-updates-or-keeps", test_apply_updates_or_keeps);

  return g_test_run ();
}
