/* test-article-pages.c: the library's list read a page at a time, against the whole list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-article-pages.h"
#include "dossier-article-store.h"
#include "dossier-corpus.h"
#include "dossier-test-util.h"

/* More pages than are kept, the last one part full: 5 bundled articles and these. */
#define N_GENERATED 700

typedef struct
{
  DossierLibrary      *library;
  DossierArticlePages *pages;
  GArray              *changes;   /* guint triples: position, removed, added */
  GArray              *lengths;   /* get_n_items() when each change was told */
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  guint change[] = { position, removed, added };
  guint n = g_list_model_get_n_items (model);

  g_array_append_vals (fixture->changes, change, 3);
  g_array_append_val (fixture->lengths, n);
}

static void
add_articles (DossierLibrary *library)
{
  DossierDatabase *db = dossier_library_get_database (library);
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new (5, 40);
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_database_begin (db, &error));
  for (guint i = 0; i < N_GENERATED; i++)
    {
      g_autoptr(DossierArticle) article = dossier_corpus_next_article (corpus, NULL);

      g_assert_true (dossier_article_store_save (db, article, NULL, &error));
    }
  g_assert_true (dossier_database_commit (db, &error));
  g_assert_no_error (error);
}

static void
wait_loaded (DossierArticlePages *pages)
{
  DOSSIER_TEST_WAIT_WHILE (dossier_article_pages_is_loading (pages));
}

static void
on_reloaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_article_pages_reload_finish (DOSSIER_ARTICLE_PAGES (source), result,
                                                      &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
reload (Fixture *fixture)
{
  gboolean done = FALSE;

  dossier_article_pages_reload_async (fixture->pages, NULL, on_reloaded, &done);
  g_assert_true (dossier_article_pages_is_loading (fixture->pages));
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (dossier_article_pages_is_loading (fixture->pages));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->library = dossier_library_open_default (&error);
  g_assert_no_error (error);
  add_articles (fixture->library);
  fixture->pages = dossier_article_pages_new (fixture->library);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (guint));
  fixture->lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (fixture->pages, "items-changed", G_CALLBACK (on_items_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->pages);
  g_clear_object (&fixture->library);
  g_clear_pointer (&fixture->changes, g_array_unref);
  g_clear_pointer (&fixture->lengths, g_array_unref);
}

static guint
n_items (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->pages));
}

static DossierArticle *
item (Fixture *fixture,
      guint    position)
{
  return g_list_model_get_item (G_LIST_MODEL (fixture->pages), position);
}

static void
assert_change (Fixture *fixture,
               guint    index,
               guint    removed,
               guint    added,
               guint    length)
{
  g_assert_cmpuint (fixture->changes->len, >, index * 3 + 2);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, index * 3), ==, 0);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, index * 3 + 1), ==, removed);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, index * 3 + 2), ==, added);
  g_assert_cmpuint (g_array_index (fixture->lengths, guint, index), ==, length);
}

/* Every article of the whole list, at the same place, and never all of them made. */
static void
test_same_as_whole_list (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(DossierArticleList) whole = dossier_library_list_articles (fixture->library, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (whole));

  g_assert_cmpuint (n_items (fixture), ==, 0);
  reload (fixture);
  g_assert_cmpuint (n, ==, N_GENERATED + 5);
  g_assert_cmpuint (n_items (fixture), ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierArticle) expected = g_list_model_get_item (G_LIST_MODEL (whole), i);
      g_autoptr(DossierArticle) got = item (fixture, i);

      g_assert_cmpstr (dossier_article_get_id (got), ==, dossier_article_get_id (expected));
      g_assert_cmpstr (dossier_article_get_title (got), ==, dossier_article_get_title (expected));
      g_assert_cmpstr (dossier_article_get_outlet (got), ==, dossier_article_get_outlet (expected));
      g_assert_cmpuint (dossier_article_get_origin (got), ==, dossier_article_get_origin (expected));
      g_assert_cmpuint (dossier_article_pages_get_n_cached (fixture->pages), <=,
                        8 * DOSSIER_ARTICLE_PAGE_SIZE);
    }
}

/* A reload is told as all the old rows out, then all the new in; each time the length
 * the model gives is already the new one. */
static void
test_items_changed (Fixture       *fixture,
                    gconstpointer  data)
{
  guint n = N_GENERATED + 5;
  g_autoptr(DossierArticle) first = NULL;
  g_autoptr(GError) error = NULL;

  reload (fixture);
  g_assert_cmpuint (fixture->changes->len, ==, 3);
  assert_change (fixture, 0, 0, n, n);

  first = item (fixture, 0);
  g_assert_true (dossier_library_remove_article (fixture->library, dossier_article_get_id (first),
                                                 TRUE, &error));
  g_assert_no_error (error);
  reload (fixture);
  g_assert_cmpuint (fixture->changes->len, ==, 9);
  assert_change (fixture, 1, n, 0, 0);
  assert_change (fixture, 2, 0, n - 1, n - 1);
}

/* The same row gives the same article while someone holds it, even once its page is gone;
 * after a reload, a new one. */
static void
test_item_identity (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DossierArticle) held = NULL;
  g_autoptr(DossierArticle) again = NULL;
  g_autoptr(DossierArticle) reloaded = NULL;

  reload (fixture);
  held = item (fixture, 3);
  again = item (fixture, 3);
  g_assert_true (held == again);
  g_clear_object (&again);

  /* Every other page read, so the one of row 3 is dropped. */
  for (guint i = DOSSIER_ARTICLE_PAGE_SIZE; i < n_items (fixture); i++)
    g_object_unref (item (fixture, i));
  again = item (fixture, 3);
  g_assert_true (held == again);

  reload (fixture);
  reloaded = item (fixture, 3);
  g_assert_true (reloaded != held);
  g_assert_cmpstr (dossier_article_get_id (reloaded), ==, dossier_article_get_id (held));
}

static void
test_out_of_range (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_null (item (fixture, 0));
  reload (fixture);
  g_assert_null (item (fixture, n_items (fixture)));
  g_assert_null (item (fixture, G_MAXUINT));
  g_assert_cmpuint (g_list_model_get_item_type (G_LIST_MODEL (fixture->pages)), ==,
                    DOSSIER_TYPE_ARTICLE);
}

static gboolean
holds (const char *text,
       const char *needle)
{
  g_autofree char *folded = text ? g_utf8_casefold (text, -1) : NULL;
  g_autofree char *folded_needle = g_utf8_casefold (needle, -1);

  return folded != NULL && strstr (folded, folded_needle) != NULL;
}

/* The filter keeps the articles whose title or outlet holds the text in any case, in the
 * same order; none left gives an empty list, "" all of them again. */
static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DossierArticleList) whole = dossier_library_list_articles (fixture->library, NULL);
  g_autoptr(DossierArticle) some = g_list_model_get_item (G_LIST_MODEL (whole), 42);
  const char *outlet = dossier_article_get_outlet (some);
  g_autofree char *needle = g_utf8_strup (outlet + strlen (outlet) - 4, -1);
  guint expected = 0, position = 0;

  reload (fixture);
  dossier_article_pages_set_filter (fixture->pages, needle);
  wait_loaded (fixture->pages);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (whole)); i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (G_LIST_MODEL (whole), i);
      g_autoptr(DossierArticle) shown = NULL;

      if (!holds (dossier_article_get_title (article), needle)
          && !holds (dossier_article_get_outlet (article), needle))
        continue;
      shown = item (fixture, position++);
      g_assert_cmpstr (dossier_article_get_id (shown), ==, dossier_article_get_id (article));
      expected++;
    }
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, N_GENERATED);
  g_assert_cmpuint (n_items (fixture), ==, expected);

  dossier_article_pages_set_filter (fixture->pages, "no article says zqxjv");
  wait_loaded (fixture->pages);
  g_assert_cmpuint (n_items (fixture), ==, 0);

  dossier_article_pages_set_filter (fixture->pages, "");
  wait_loaded (fixture->pages);
  g_assert_cmpuint (n_items (fixture), ==, N_GENERATED + 5);
}

/* Where an article is; an article removed since the list was read shows empty, never
 * as a hole in the list, until the next reload leaves it out. */
static void
test_find_and_gone (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DossierArticleList) whole = dossier_library_list_articles (fixture->library, NULL);
  g_autoptr(DossierArticle) article = g_list_model_get_item (G_LIST_MODEL (whole), 200);
  g_autoptr(DossierArticle) gone = NULL;
  const char *id = dossier_article_get_id (article);
  g_autoptr(GError) error = NULL;
  guint position = 0;

  reload (fixture);
  g_assert_true (dossier_article_pages_find (fixture->pages, id, &position));
  g_assert_cmpuint (position, ==, 200);
  g_assert_false (dossier_article_pages_find (fixture->pages, "no-such-article", &position));

  /* Removed before its page was read. */
  g_assert_true (dossier_library_remove_article (fixture->library, id, FALSE, &error));
  g_assert_no_error (error);
  gone = item (fixture, 200);
  g_assert_nonnull (gone);
  g_assert_null (dossier_article_get_id (gone));
  g_assert_null (dossier_article_get_title (gone));

  reload (fixture);
  g_assert_false (dossier_article_pages_find (fixture->pages, id, NULL));
  g_assert_cmpuint (n_items (fixture), ==, N_GENERATED + 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/article-pages/same-as-whole-list", Fixture, NULL, fixture_set_up,
              test_same_as_whole_list, fixture_tear_down);
  g_test_add ("/article-pages/items-changed", Fixture, NULL, fixture_set_up,
              test_items_changed, fixture_tear_down);
  g_test_add ("/article-pages/item-identity", Fixture, NULL, fixture_set_up,
              test_item_identity, fixture_tear_down);
  g_test_add ("/article-pages/out-of-range", Fixture, NULL, fixture_set_up,
              test_out_of_range, fixture_tear_down);
  g_test_add ("/article-pages/filter", Fixture, NULL, fixture_set_up, test_filter,
              fixture_tear_down);
  g_test_add ("/article-pages/find-and-gone", Fixture, NULL, fixture_set_up,
              test_find_and_gone, fixture_tear_down);

  return g_test_run ();
}
