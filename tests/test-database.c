/* test-database.c: opening, migrating and refusing databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "dossier-database.h"
#include "dossier-database-pool.h"
#include "dossier-database-private.h"
#include "dossier-test-util.h"

static char *
query_text (DossierDatabase *db,
            const char      *sql)
{
  g_autoptr(DossierStatement) stmt = dossier_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup (dossier_statement_column_text (stmt, 0));
}

static void
test_create_and_migrate (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;

  db = dossier_database_open (path, DOSSIER_DATABASE_WRITABLE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_database_get_schema_version (db), ==, _dossier_n_migrations);
  mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");

  /* Opening again is a no-op migration. */
  g_clear_object (&db);
  db = dossier_database_open (path, DOSSIER_DATABASE_WRITABLE, &error);
  g_assert_no_error (error);

  g_clear_object (&db);
  dossier_test_remove_tree (dir);
}

static void
test_build_mode_is_one_file (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bundle.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;

  db = dossier_database_open (path, DOSSIER_DATABASE_BUILD, &error);
  g_assert_no_error (error);
  mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  g_clear_object (&db);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  dossier_test_remove_tree (dir);
}

static void
test_newer_schema_untouched (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle;
  gsize before_len, after_len;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE future (x); PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  g_file_get_contents (path, &before, &before_len, NULL);

  db = dossier_database_open (path, DOSSIER_DATABASE_WRITABLE, &error);
  g_assert_null (db);
  g_assert_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, path));

  g_file_get_contents (path, &after, &after_len, NULL);
  g_assert_cmpmem (before, before_len, after, after_len);

  dossier_test_remove_tree (dir);
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "junk.db", NULL);
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  char junk[4096];

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (char) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (path, junk, sizeof junk, NULL));

  db = dossier_database_open (path, DOSSIER_DATABASE_WRITABLE, &error);
  g_assert_null (db);
  g_assert_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_CORRUPT);

  dossier_test_remove_tree (dir);
}

/* The installed bundled database lives in a read-only prefix (a Flatpak's /app). */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "bundle.db", NULL);
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *count = NULL;
  guint n_files = 0;

  db = dossier_database_open (path, DOSSIER_DATABASE_BUILD, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_database_set_meta (db, "k", "v", &error));
  g_clear_object (&db);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  db = dossier_database_open (path, DOSSIER_DATABASE_READ_ONLY, &error);
  g_assert_no_error (error);
  count = query_text (db, "SELECT value FROM meta WHERE key = 'k'");
  g_assert_cmpstr (count, ==, "v");
  g_assert_false (dossier_database_set_meta (db, "k", "w", &error));
  g_assert_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_READ_ONLY);
  g_clear_object (&db);

  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  g_chmod (dir, 0755);
  dossier_test_remove_tree (dir);
}

/* A connection given back is the next one taken; two in use at once are two. */
static void
test_pool_reuses (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(DossierDatabasePool) pool = dossier_database_pool_new (path,
                                                                   DOSSIER_DATABASE_WRITABLE, 1);
  g_autoptr(GError) error = NULL;
  DossierDatabase *first, *second, *again;

  first = dossier_database_pool_take (pool, &error);
  g_assert_no_error (error);
  second = dossier_database_pool_take (pool, &error);
  g_assert_no_error (error);
  g_assert_true (first != second);
  g_assert_cmpint (dossier_database_get_schema_version (second), ==, _dossier_n_migrations);

  dossier_database_pool_give_back (pool, first);
  dossier_database_pool_give_back (pool, second);   /* one is kept at most: closed */
  g_assert_cmpuint (dossier_database_pool_get_n_idle (pool), ==, 1);

  again = dossier_database_pool_take (pool, &error);
  g_assert_no_error (error);
  g_assert_true (again == first);
  g_assert_cmpuint (dossier_database_pool_get_n_idle (pool), ==, 0);
  dossier_database_pool_give_back (pool, again);

  g_clear_object (&pool);
  dossier_test_remove_tree (dir);
}

/* A connection left in a transaction would hand its locks to the next user: dropped. */
static void
test_pool_drops_open_transaction (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(DossierDatabasePool) pool = dossier_database_pool_new (path,
                                                                   DOSSIER_DATABASE_WRITABLE, 2);
  g_autoptr(GError) error = NULL;
  DossierDatabase *db = dossier_database_pool_take (pool, &error);

  g_assert_no_error (error);
  g_assert_true (dossier_database_begin (db, &error));
  dossier_database_pool_give_back (pool, db);
  g_assert_cmpuint (dossier_database_pool_get_n_idle (pool), ==, 0);

  /* Closing it rolled the transaction back: another connection can write. */
  db = dossier_database_pool_take (pool, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_database_set_meta (db, "k", "v", &error));
  g_assert_no_error (error);
  dossier_database_pool_give_back (pool, db);
  g_assert_cmpuint (dossier_database_pool_get_n_idle (pool), ==, 1);

  g_clear_object (&pool);
  dossier_test_remove_tree (dir);
}

/* A file that is not a database: an error each time, nothing kept, no crash. */
static void
test_pool_bad_file (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(DossierDatabasePool) pool = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "not a database, not at all. not at all.", -1, NULL));
  pool = dossier_database_pool_new (path, DOSSIER_DATABASE_READ_ONLY_LIBRARY, 1);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_null (dossier_database_pool_take (pool, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  g_assert_cmpuint (dossier_database_pool_get_n_idle (pool), ==, 0);

  dossier_test_remove_tree (dir);
}

/* A writable database in a fresh folder, put in @dir: remove it after. */
static DossierDatabase *
open_fresh (char **dir)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  DossierDatabase *db;

  *dir = dossier_test_make_tmpdir ();
  path = g_build_filename (*dir, "user.db", NULL);
  db = dossier_database_open (path, DOSSIER_DATABASE_WRITABLE, &error);
  g_assert_no_error (error);
  return db;
}

/* A staged_*() function in little: the staged number at an index, or (column 1) its
 * index. */
static void
staged_number (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const int *row = dossier_staged_row (context, argv, "TestStagedNumbers",
                                       "staged_number: no such number");

  if (row != NULL && argc == 3 && sqlite3_value_int (argv[2]) == 1)
    sqlite3_result_int64 (context, sqlite3_value_int64 (argv[1]));
  else if (row != NULL)
    sqlite3_result_int (context, *row);
}

/* Reads staged_number (?1, @index) with @numbers bound as ?1 of pointer type @type: the
 * number, or the function's error. */
static char *
read_staged (DossierDatabase *db,
             GArray          *numbers,
             const char      *type,
             gint64           index)
{
  g_autoptr(DossierStatement) stmt = NULL;

  stmt = dossier_database_prepare (db, "SELECT staged_number (?1, ?2)", NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_pointer (stmt, 1, numbers, type, NULL);
  sqlite3_bind_int64 (stmt, 2, index);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup (sqlite3_errmsg (sqlite3_db_handle (stmt)));
  return g_strdup_printf ("%d", sqlite3_column_int (stmt, 0));
}

/* The rows a save stages for its one INSERT: each index in range reads its row, any other,
 * or rows of another pointer type, is an SQL error and not a read past the array. */
static void
test_staged_row_bounds (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DossierDatabase) db = open_fresh (&dir);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GError) error = NULL;
  const int values[] = { 7, 11, 13 };
  const gint64 outside[] = { -1, 3, G_MAXINT64, G_MININT64 };

  g_array_append_vals (numbers, values, G_N_ELEMENTS (values));
  g_assert_true (dossier_database_add_function (db, "staged_number", 2, staged_number,
                                                &error));
  g_assert_no_error (error);
  g_assert_true (dossier_database_add_function (db, "staged_number", 3, staged_number,
                                                &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *read = read_staged (db, numbers, "TestStagedNumbers", i);
      g_autofree char *expected = g_strdup_printf ("%d", values[i]);

      g_assert_cmpstr (read, ==, expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    {
      g_autofree char *read = read_staged (db, numbers, "TestStagedNumbers", outside[i]);

      g_assert_cmpstr (read, ==, "staged_number: no such number");
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *read = read_staged (db, i == 0 ? NULL : numbers,
                                           i == 0 ? "TestStagedNumbers" : "Other", 0);

      g_assert_cmpstr (read, ==, "staged_number: no such number");
    }

  g_clear_object (&db);
  dossier_test_remove_tree (dir);
}

/* Staged rows saved by one INSERT: each row once, in its place; none, nothing. */
static void
test_insert_staged (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DossierDatabase) db = open_fresh (&dir);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GError) error = NULL;
  const int values[] = { 7, 11, 13, 7 };
  g_autofree char *rows = NULL;
  static const char insert[] =
    DOSSIER_STAGED_ROWS
    " INSERT INTO numbers (place, value)"
    " SELECT staged_number (?1, n, 1), staged_number (?1, n, 0) FROM staged";

  g_array_append_vals (numbers, values, G_N_ELEMENTS (values));
  g_assert_true (dossier_database_exec (db, "CREATE TEMP TABLE numbers (place, value)", &error));
  g_assert_true (dossier_database_insert_staged (db, insert, "staged_number", staged_number,
                                                 numbers, "TestStagedNumbers", &error));
  g_assert_no_error (error);
  rows = query_text (db, "SELECT group_concat (place || ':' || value, ' ')"
                         " FROM (SELECT * FROM numbers ORDER BY place)");
  g_assert_cmpstr (rows, ==, "0:7 1:11 2:13 3:7");

  g_assert_true (dossier_database_insert_staged (db, insert, "staged_number", staged_number,
                                                 none, "TestStagedNumbers", &error));
  g_assert_no_error (error);
  g_clear_pointer (&rows, g_free);
  rows = query_text (db, "SELECT count(*) FROM numbers");
  g_assert_cmpstr (rows, ==, "4");

  g_clear_object (&db);
  dossier_test_remove_tree (dir);
}

/* A stamp changes with this connection's writes and with another's commits, and only
 * then; one never read equals none. */
static void
test_stamp_sees_every_write (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(DossierDatabase) db = dossier_database_open (path, DOSSIER_DATABASE_WRITABLE, NULL);
  g_autoptr(DossierDatabase) other = dossier_database_open (path, DOSSIER_DATABASE_WRITABLE, NULL);
  DossierDatabaseStamp before, after, none = DOSSIER_DATABASE_STAMP_NONE;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (db);
  g_assert_nonnull (other);
  g_assert_false (dossier_database_stamp_equal (&none, &none));
  g_assert_true (dossier_database_exec (db, "CREATE TABLE notes (x)", NULL));
  g_assert_true (dossier_database_get_stamp (db, &before, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_database_get_stamp (db, &after, NULL));
  g_assert_true (dossier_database_stamp_equal (&before, &after));

  g_assert_true (dossier_database_exec (db, "INSERT INTO notes VALUES ('mine')", NULL));
  g_assert_true (dossier_database_get_stamp (db, &after, NULL));
  g_assert_false (dossier_database_stamp_equal (&before, &after));

  before = after;
  g_assert_true (dossier_database_exec (other, "INSERT INTO notes VALUES ('theirs')", NULL));
  g_assert_true (dossier_database_get_stamp (db, &after, NULL));
  g_assert_false (dossier_database_stamp_equal (&before, &after));

  g_clear_object (&db);
  g_clear_object (&other);
  dossier_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/database/create-and-migrate", test_create_and_migrate);
  g_test_add_func ("/database/build-mode-is-one-file", test_build_mode_is_one_file);
  g_test_add_func ("/database/newer-schema-untouched", test_newer_schema_untouched);
  g_test_add_func ("/database/not-a-database", test_not_a_database);
  g_test_add_func ("/database/read-only-folder", test_read_only_folder);
  g_test_add_func ("/database/pool/reuses", test_pool_reuses);
  g_test_add_func ("/database/pool/drops-open-transaction", test_pool_drops_open_transaction);
  g_test_add_func ("/database/pool/bad-file", test_pool_bad_file);
  g_test_add_func ("/database/staged-row-bounds", test_staged_row_bounds);
  g_test_add_func ("/database/insert-staged", test_insert_staged);
  g_test_add_func ("/database/stamp-sees-every-write", test_stamp_sees_every_write);

  return g_test_run ();
}
