/* test-article.c: the flat text and block offsets of an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-article-store.h"
#include "dossier-test-util.h"
#include "dossier-utf8.h"

static DossierArticle *
make_article (void)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_object_unref);
  DossierArticle *article = dossier_article_new ();
  DossierDate published;

  /* Multi-byte characters on purpose: offsets count characters, not bytes. */
  g_ptr_array_add (blocks, dossier_block_new (DOSSIER_BLOCK_PARAGRAPH,
                                              "Naypyitaw’s “lifeline” — said Zakharova.", NULL));
  g_ptr_array_add (blocks, dossier_block_new (DOSSIER_BLOCK_HEADING, "Ещё один раздел", NULL));
  g_ptr_array_add (blocks, dossier_block_new (DOSSIER_BLOCK_QUOTE, "“A quote.”", "Someone"));
  g_ptr_array_add (blocks, dossier_block_new (DOSSIER_BLOCK_VERDICT, "False", NULL));

  dossier_date_parse ("2022-08", &published);
  dossier_article_set_id (article, "test-article");
  dossier_article_set_title (article, "A test");
  dossier_article_set_published (article, &published);
  dossier_article_add_credit (article, "editor", "Ann Example");
  dossier_article_set_blocks (article, blocks);
  return article;
}

static void
assert_blocks_round_trip (DossierArticle *article)
{
  GPtrArray *blocks = dossier_article_get_blocks (article);

  for (guint i = 0; i < blocks->len; i++)
    {
      DossierBlock *block = g_ptr_array_index (blocks, i);
      g_autofree char *range = dossier_article_dup_text_range (article,
                                                               dossier_block_get_start (block),
                                                               dossier_block_get_end (block));

      g_assert_cmpstr (range, ==, dossier_block_get_text (block));
      g_assert_true (dossier_article_get_block_at (article, dossier_block_get_start (block))
                     == block);
      g_assert_true (dossier_article_get_block_at (article, dossier_block_get_end (block) - 1)
                     == block);
    }
}

static void
test_offsets_round_trip (void)
{
  g_autoptr(DossierArticle) article = make_article ();
  DossierBlock *second = g_ptr_array_index (dossier_article_get_blocks (article), 1);

  assert_blocks_round_trip (article);
  g_assert_cmpstr (dossier_article_get_text (article), ==,
                   "Naypyitaw’s “lifeline” — said Zakharova.\n\nЕщё один раздел\n\n"
                   "“A quote.”\n\nFalse");
  /* 40 characters, then the two-character separator. */
  g_assert_cmpuint (dossier_block_get_start (second), ==, 42);
  g_assert_cmpuint (dossier_article_get_n_chars (article), ==,
                    g_utf8_strlen (dossier_article_get_text (article), -1));
}

static void
test_separator_belongs_to_next_block (void)
{
  g_autoptr(DossierArticle) article = make_article ();
  GPtrArray *blocks = dossier_article_get_blocks (article);
  DossierBlock *first = g_ptr_array_index (blocks, 0);

  g_assert_true (dossier_article_get_block_at (article, dossier_block_get_end (first))
                 == g_ptr_array_index (blocks, 1));
}

static void
test_store_round_trip (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(DossierArticle) article = make_article ();
  g_autoptr(DossierArticle) loaded = NULL;
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  DossierBlock *quote;

  db = dossier_database_open (path, DOSSIER_DATABASE_WRITABLE, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_article_store_save (db, article, NULL, &error));
  g_assert_no_error (error);

  loaded = dossier_article_store_load (db, "test-article", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_article_get_text (loaded), ==, dossier_article_get_text (article));
  g_assert_cmpuint (dossier_article_get_blocks (loaded)->len, ==, 4);
  assert_blocks_round_trip (loaded);

  quote = g_ptr_array_index (dossier_article_get_blocks (loaded), 2);
  g_assert_cmpint (dossier_block_get_kind (quote), ==, DOSSIER_BLOCK_QUOTE);
  g_assert_cmpstr (dossier_block_get_attribution (quote), ==, "Someone");
  g_assert_cmpuint (dossier_article_get_credits (loaded)->len, ==, 1);
  g_assert_cmpint (dossier_article_get_published (loaded)->precision, ==,
                   DOSSIER_PRECISION_MONTH);

  g_clear_object (&db);
  dossier_test_remove_tree (dir);
}

static void
test_derived_id_is_stable (void)
{
  g_autoptr(DossierArticle) a = make_article ();
  g_autoptr(DossierArticle) b = make_article ();
  g_autofree char *id_a = dossier_article_derive_id (a);
  g_autofree char *id_b = dossier_article_derive_id (b);
  g_autofree char *id_changed = NULL;

  g_assert_cmpstr (id_a, ==, id_b);
  dossier_article_set_title (b, "Another title");
  id_changed = dossier_article_derive_id (b);
  g_assert_cmpstr (id_a, !=, id_changed);
}

/* Valid text decodes to g_utf8_to_ucs4_fast()'s characters. */
static void
assert_same_chars (const char *data,
                   gssize      length)
{
  glong n = -1, glib_n = -1;
  g_autofree gunichar *chars = dossier_utf8_to_ucs4 (data, length, &n);
  g_autofree gunichar *glib_chars = g_utf8_to_ucs4_fast (data, length, &glib_n);

  g_assert_cmpint (n, ==, glib_n);
  g_assert_cmpmem (chars, (n + 1) * sizeof (gunichar),
                   glib_chars, (glib_n + 1) * sizeof (gunichar));
}

/* The word-at-a-time UTF-8 checks and decoding give GLib's answers: every prefix and suffix
 * of texts with characters of one to four bytes, bad bytes and cut characters on either
 * side of an eight-byte boundary. */
static void
test_utf8_like_glib (void)
{
  static const char *const texts[] = {
    "plain ASCII text, long enough for several words",
    "caf\xc3\xa9 au lait \xe2\x80\x94 na\xc3\xafve \xf0\x9f\x93\xb0 news",
    "abcdefg\xc3\xa9hijklmno\xe2\x82\xacpqrstuv",
    "abcdefgh\xff ijklmnop",
    "abcdefg\xc3 after a cut character",
    "\xe2\x82 \xc0\xaf overlong \xed\xa0\x80 surrogate \xf4\x90\x80\x80 too high",
  };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      gsize size = strlen (texts[t]);

      for (gsize from = 0; from <= size; from++)
        for (gsize to = from; to <= size; to++)
          {
            const char *data = texts[t] + from;
            const char *end = NULL, *glib_end = NULL;
            gboolean valid = dossier_utf8_validate (data, to - from, &end);

            g_assert_cmpint (valid, ==, g_utf8_validate (data, to - from, &glib_end));
            g_assert_true (end == glib_end);
            if (valid)
              {
                g_assert_cmpint (dossier_utf8_strlen (data, to - from), ==,
                                 g_utf8_strlen (data, to - from));
                assert_same_chars (data, to - from);
              }
          }
      g_assert_cmpint (dossier_utf8_validate (texts[t], -1, NULL), ==,
                       g_utf8_validate (texts[t], -1, NULL));
    }
  g_assert_cmpint (dossier_utf8_strlen (texts[1], -1), ==, g_utf8_strlen (texts[1], -1));
  assert_same_chars (texts[1], -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/article/offsets-round-trip", test_offsets_round_trip);
  g_test_add_func ("/article/separator-belongs-to-next-block",
                   test_separator_belongs_to_next_block);
  g_test_add_func ("/article/store-round-trip", test_store_round_trip);
  g_test_add_func ("/article/derived-id-is-stable", test_derived_id_is_stable);
  g_test_add_func ("/article/utf8-like-glib", test_utf8_like_glib);

  return g_test_run ();
}
