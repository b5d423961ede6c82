/* test-library.c: the user's library and its copy of the bundled dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "dossier-article-store.h"
#include "dossier-importer.h"
#include "dossier-library.h"
#include "dossier-test-util.h"

static DossierLibrary *
open_default (void)
{
  g_autoptr(GError) error = NULL;
  DossierLibrary *library = dossier_library_open_default (&error);

  g_assert_no_error (error);
  return library;
}

static void
test_created_under_xdg_data_home (void)
{
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "dossier",
                                                "library.db", NULL);
  g_autoptr(DossierLibrary) library = open_default ();
  g_autoptr(DossierArticleList) articles = dossier_library_list_articles (library, NULL);
  g_autoptr(DossierArticle) first = g_list_model_get_item (G_LIST_MODEL (articles), 0);
  g_autoptr(DossierArticle) last = g_list_model_get_item (G_LIST_MODEL (articles), 4);

  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (dossier_database_get_path (dossier_library_get_database (library)), ==,
                   expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (articles)), ==, 5);
  /* Oldest first. */
  g_assert_cmpstr (dossier_article_get_id (first), ==,
                   "owp-2021-russia-commits-military-ties-junta");
  g_assert_cmpstr (dossier_article_get_id (last), ==, "rfa-2023-nucc-condemns-russia");
  g_assert_cmpint (dossier_article_get_origin (first), ==, DOSSIER_ORIGIN_BUNDLED);
}

static void
test_reopen_does_not_duplicate (void)
{
  g_autoptr(DossierLibrary) library = open_default ();
  g_autoptr(DossierLibrary) again = NULL;

  g_clear_object (&library);
  again = open_default ();
  g_assert_cmpint (dossier_article_store_count (dossier_library_get_database (again), NULL), ==, 5);
}

/* Writes a bundled database holding @json's articles, as the build does. */
static void
build_bundle (const char *path,
              const char *json,
              const char *hash)
{
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *articles;

  g_unlink (path);
  g_assert_true (dossier_importer_add_data (importer, json, -1, "bundle.json", &error));
  db = dossier_database_open (path, DOSSIER_DATABASE_BUILD, &error);
  g_assert_no_error (error);
  articles = dossier_importer_get_articles (importer);
  for (guint i = 0; i < articles->len; i++)
    g_assert_true (dossier_article_store_save (db, g_ptr_array_index (articles, i), NULL,
                                               &error));
  g_assert_true (dossier_database_set_meta (db, DOSSIER_META_CONTENT_HASH, hash, &error));
}

static void
hide (DossierLibrary *library,
      const char     *id)
{
  g_autoptr(DossierStatement) stmt =
    dossier_database_prepare (dossier_library_get_database (library),
                              "UPDATE articles SET hidden = 1 WHERE uid = ?1", NULL);

  dossier_statement_bind_text (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

#define BUNDLE(articles) "{\"format\": \"dossier\", \"version\": 1, \"articles\": [" articles "]}"
#define ARTICLE(id, text) \
  "{\"id\": \"" id "\", \"title\": \"" id "\", \"published\": \"2022\", \"body\": \"" text "\"}"

/* A new bundle replaces changed articles by id, drops removed ones, keeps hidden flags. */
static void
test_refresh_from_new_bundle (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *bundle = g_build_filename (dir, "bundle.db", NULL);
  g_autofree char *user = g_build_filename (dir, "user", "library.db", NULL);
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierArticle) changed = NULL;
  g_autoptr(DossierArticleList) visible = NULL;
  g_autoptr(GError) error = NULL;

  build_bundle (bundle, BUNDLE (ARTICLE ("a", "old a") "," ARTICLE ("b", "b") ","
                                ARTICLE ("c", "c")), "v1");
  library = dossier_library_open (user, bundle, &error);
  g_assert_no_error (error);
  hide (library, "b");
  g_clear_object (&library);

  build_bundle (bundle, BUNDLE (ARTICLE ("a", "new a") "," ARTICLE ("b", "b")), "v2");
  library = dossier_library_open (user, bundle, &error);
  g_assert_no_error (error);

  changed = dossier_library_load_article (library, "a", &error);
  g_assert_cmpstr (dossier_article_get_text (changed), ==, "new a");
  g_assert_null (dossier_library_load_article (library, "c", &error));
  g_assert_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_NOT_FOUND);
  visible = dossier_library_list_articles (library, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (visible)), ==, 1);

  g_clear_object (&library);
  dossier_test_remove_tree (dir);
}

static void
test_missing_bundle_still_opens (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *user = g_build_filename (dir, "library.db", NULL);
  g_autofree char *bundle = g_build_filename (dir, "no-such.db", NULL);
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;

  g_test_expect_message ("dossier-library", G_LOG_LEVEL_WARNING, "*is missing*");
  library = dossier_library_open (user, bundle, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpint (dossier_article_store_count (dossier_library_get_database (library), NULL),
                   ==, 0);

  g_clear_object (&library);
  dossier_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/library/created-under-xdg-data-home", test_created_under_xdg_data_home);
  g_test_add_func ("/library/reopen-does-not-duplicate", test_reopen_does_not_duplicate);
  g_test_add_func ("/library/refresh-from-new-bundle", test_refresh_from_new_bundle);
  g_test_add_func ("/library/missing-bundle-still-opens", test_missing_bundle_still_opens);

  return g_test_run ();
}
