/* test-library.c: the user's library and its copy of the bundled dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "dossier-annotations.h"
#include "dossier-article-store.h"
#include "dossier-importer.h"
#include "dossier-library.h"
#include "dossier-search-store.h"
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


#define POLYGRAPH "polygraph-2022-moscow-fuels-myanmar-war-machine"

/* Notes of @n_notes annotations on the Polygraph article, saved one by one. */
static void
annotate_some (DossierLibrary *library,
               guint           n_notes)
{
  g_autoptr(DossierAnnotations) annotations = dossier_annotations_new (library);
  g_autoptr(DossierArticle) article = dossier_library_load_article (library, POLYGRAPH, NULL);

  for (guint i = 0; i < n_notes; i++)
    {
      g_autofree char *note = g_strdup_printf ("note %u", i);
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierAnnotation) annotation =
        dossier_annotations_create_for_quote (annotations, article, "Russia", i + 1,
                                              DOSSIER_HIGHLIGHT_BLUE, note, NULL, &error);

      g_assert_no_error (error);
    }
}

/* Every annotation as one line: what a person would see of it. */
static char *
describe_notes (DossierLibrary *library)
{
  g_autoptr(DossierAnnotations) annotations = dossier_annotations_new (library);
  g_autoptr(GListModel) all = dossier_annotations_list (annotations, NULL, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (all, i);

      g_string_append_printf (text, "%s %u-%u %s %s\n", dossier_annotation_get_id (annotation),
                              dossier_annotation_get_start (annotation),
                              dossier_annotation_get_end (annotation),
                              dossier_annotation_get_note (annotation),
                              dossier_annotation_get_modified (annotation));
    }

  return g_string_free (text, FALSE);
}

/* The folder's files and their contents, to see that nothing was written. */
/* g_ptr_array_sort() hands the comparison pointers to the elements. */
static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
describe_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *checksum = NULL;
      gsize length = 0;

      g_file_get_contents (path, &contents, &length, NULL);
      checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
      g_ptr_array_add (lines, g_strdup_printf ("%s %s", name, checksum));
    }
  g_ptr_array_sort (lines, compare_lines);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static DossierAnnotation *
try_big_note (DossierLibrary  *library,
              gsize            size,
              GError         **error)
{
  g_autoptr(DossierAnnotations) annotations = dossier_annotations_new (library);
  g_autoptr(DossierArticle) article = dossier_library_load_article (library, POLYGRAPH, NULL);
  g_autofree char *note = g_strnfill (size, 'x');

  return dossier_annotations_create_for_quote (annotations, article, "Lavrov", 1,
                                               DOSSIER_HIGHLIGHT_PINK, note, NULL, error);
}

/* As the window's search pane does: a connection of the library's search pool. */
static guint
count_search_results (DossierLibrary *library,
                      const char     *text)
{
  DossierDatabasePool *pool = dossier_library_get_search_pool (library);
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new (text);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  DossierDatabase *db = dossier_database_pool_take (pool, &error);

  g_assert_no_error (error);
  results = dossier_search_store_find (db, query, 0, 20, NULL, NULL, &error);
  g_assert_no_error (error);
  dossier_database_pool_give_back (pool, db);
  return results->len;
}

/* A library that cannot be written opens read-only: the notes shown, the user told why
 * with the path, every change refused in plain words, and not one byte written. */
static void
test_read_only (gconstpointer data)
{
  gboolean folder_only = GPOINTER_TO_INT (data);
  g_autofree char *path = dossier_library_dup_default_user_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierAnnotation) refused = NULL;
  g_autofree char *notes = NULL, *files = NULL, *notice = NULL, *shown = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;

  if (!dossier_test_in_subprocess (FALSE))
    return;

  g_assert_true (dossier_test_drop_file_override ());
  library = open_default ();
  annotate_some (library, 3);
  notes = describe_notes (library);
  g_clear_object (&library);
  g_assert_cmpint (g_chmod (folder_only ? folder : path, folder_only ? 0555 : 0444), ==, 0);
  files = describe_folder (folder);

  library = dossier_library_open_default_or_recover (&notice, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_library_is_read_only (library));
  g_test_message ("%s", notice);
  g_assert_true (g_str_has_prefix (notice, path));
  g_assert_nonnull (strstr (notice, "cannot be written"));
  g_assert_nonnull (strstr (notice, "Nothing was moved or changed"));
  shown = describe_notes (library);
  g_assert_cmpstr (shown, ==, notes);
  /* Searched too, twice: the second on the connection the first gave back. */
  g_assert_cmpuint (count_search_results (library, "Lavrov"), >, 0);
  g_assert_cmpuint (count_search_results (library, "Lavrov"), ==,
                    count_search_results (library, "lavrov"));
  g_assert_cmpuint (dossier_database_pool_get_n_idle (dossier_library_get_search_pool (library)),
                    ==, 1);

  refused = try_big_note (library, 10, &error);
  g_assert_null (refused);
  g_assert_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "this change was not saved"));
  g_clear_object (&library);

  after = describe_folder (folder);
  g_assert_cmpstr (after, ==, files);
  g_chmod (folder, 0755);
  g_chmod (path, 0644);
}

/* DOSSIER_TEST_DISK_FULL: the library may not grow, the way a full disk stops it. */
static void
test_disk_full_hook (void)
{
  g_autofree char *path = dossier_library_dup_default_user_path ();
  g_autoptr(DossierLibrary) library = open_default ();
  g_autoptr(DossierAnnotations) annotations = NULL;
  g_autoptr(DossierAnnotation) refused = NULL;
  g_autofree char *notes = NULL, *shown = NULL, *reopened = NULL, *big = g_strnfill (200000, 'y');
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(DossierAnnotation) first = NULL;

  annotate_some (library, 3);
  notes = describe_notes (library);
  g_clear_object (&library);

  g_setenv ("DOSSIER_TEST_DISK_FULL", "1", TRUE);
  library = open_default ();
  refused = try_big_note (library, 200000, &error);
  g_assert_null (refused);
  g_assert_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_FULL);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "is full: this change was not saved"));
  g_assert_nonnull (strstr (error->message, "Everything saved before it is kept"));
  g_clear_error (&error);

  /* A change to a saved note is refused as a whole: the old note stays. */
  annotations = dossier_annotations_new (library);
  all = dossier_annotations_list (annotations, NULL, NULL);
  first = g_list_model_get_item (all, 0);
  g_assert_false (dossier_annotations_update (annotations, dossier_annotation_get_id (first),
                                              DOSSIER_HIGHLIGHT_GREEN, big, NULL, &error));
  g_assert_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_FULL);
  shown = describe_notes (library);
  g_assert_cmpstr (shown, ==, notes);
  g_clear_object (&first);
  g_clear_object (&all);
  g_clear_object (&annotations);
  g_clear_object (&library);

  g_unsetenv ("DOSSIER_TEST_DISK_FULL");
  library = open_default ();
  reopened = describe_notes (library);
  g_assert_cmpstr (reopened, ==, notes);
}

/* A real full disk: a tiny tmpfs, filled up. */
static void
test_disk_full_tmpfs (void)
{
  g_autofree char *path = dossier_library_dup_default_user_path ();
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierAnnotation) refused = NULL;
  g_autofree char *why = NULL, *notes = NULL, *shown = NULL, *notice = NULL, *filler = NULL;
  g_autoptr(GError) error = NULL;

  if (!dossier_test_in_subprocess (TRUE))
    return;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  if (!dossier_test_mount_tmpfs (g_get_user_data_dir (), "8m", &why))
    g_error ("%s", why);
  library = open_default ();
  annotate_some (library, 3);
  notes = describe_notes (library);
  filler = dossier_test_fill_disk (g_get_user_data_dir ());

  refused = try_big_note (library, 1 << 20, &error);
  g_assert_null (refused);
  g_test_message ("%s", error->message);
  g_assert_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  shown = describe_notes (library);
  g_assert_cmpstr (shown, ==, notes);
  g_clear_object (&library);
  g_clear_pointer (&shown, g_free);

  /* Still full: the library opens, writable or not, with every note. */
  library = dossier_library_open_default_or_recover (&notice, &error);
  g_assert_no_error (error);
  g_test_message ("reopened on a full disk: %s", notice ? notice : "writable");
  g_assert_true (notice == NULL || strstr (notice, "is full") != NULL);
  shown = describe_notes (library);
  g_assert_cmpstr (shown, ==, notes);
  g_clear_object (&library);
  g_clear_pointer (&shown, g_free);

  g_assert_cmpint (g_unlink (filler), ==, 0);
  library = open_default ();
  shown = describe_notes (library);
  g_assert_cmpstr (shown, ==, notes);
  refused = try_big_note (library, 1 << 20, &error);
  g_assert_no_error (error);
}

static void
on_keys (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(DossierEventKeys **) user_data = dossier_library_list_event_keys_finish (
    DOSSIER_LIBRARY (source), result, &error);
  g_assert_no_error (error);
}

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GArray *order = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = dossier_library_load_events_finish (DOSSIER_LIBRARY (source),
                                                                     result, &error);
  guint asked;

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  asked = ((DossierEvent *) g_ptr_array_index (events, 0))->id;
  g_array_append_val (order, asked);
}

static guint
asked_index (DossierEventKeys *keys,
             guint             id)
{
  for (guint i = 0; i < dossier_event_keys_get_length (keys); i++)
    if (dossier_event_keys_get_id (keys, i) == id)
      return i;
  g_assert_not_reached ();
}

/* Pages asked for while one is being read are read the newest first: a list scrolled far
 * shows the last it asked for. */
static void
test_pages_newest_first (void)
{
  g_autoptr(DossierLibrary) library = open_default ();
  g_autoptr(DossierEventKeys) keys = NULL;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n;

  dossier_library_list_event_keys_async (library, NULL, NULL, on_keys, &keys);
  while (keys == NULL)
    g_main_context_iteration (NULL, TRUE);
  n = MIN (dossier_event_keys_get_length (keys), 12);
  g_assert_cmpuint (n, >=, 6);
  for (guint i = 0; i < n; i++)
    {
      DossierEventKey key;

      dossier_event_keys_get (keys, i, 1, &key);
      dossier_library_load_events_async (library, &key, 1, NULL, on_page, order);
    }
  while (order->len < n)
    g_main_context_iteration (NULL, TRUE);

  /* The first read may have started before the others were asked for; after it, the
   * pages come back last asked first. */
  for (guint i = 2; i < n; i++)
    g_assert_cmpuint (asked_index (keys, g_array_index (order, guint, i)), <,
                      asked_index (keys, g_array_index (order, guint, i - 1)));
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
  g_test_add_data_func ("/library/read-only-file", GINT_TO_POINTER (FALSE), test_read_only);
  g_test_add_data_func ("/library/read-only-folder", GINT_TO_POINTER (TRUE), test_read_only);
  g_test_add_func ("/library/disk-full-hook", test_disk_full_hook);
  g_test_add_func ("/library/disk-full-tmpfs", test_disk_full_tmpfs);
  g_test_add_func ("/library/pages-newest-first", test_pages_newest_first);

  return g_test_run ();
}
