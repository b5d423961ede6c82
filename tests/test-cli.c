/* test-cli.c: the command line's output and exit codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "dossier-test-util.h"

#define POLYGRAPH "polygraph-2022-moscow-fuels-myanmar-war-machine"


static void
assert_user_error (DossierTestCli        *run,
                   const char *fragment)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "dossier: "));
  g_assert_nonnull (strstr (run->err, fragment));
  /* exactly one line */
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

static void
setup (DossierTestCli           *run,
       gconstpointer  data)
{
  run->data_home = dossier_test_make_tmpdir ();
}

static void
teardown (DossierTestCli           *run,
          gconstpointer  data)
{
  dossier_test_cli_clear (run);
  dossier_test_remove_tree (run->data_home);
  g_free (run->data_home);
}

static void
test_articles_text (DossierTestCli           *run,
                    gconstpointer  data)
{
  g_autofree char *db = g_build_filename (run->data_home, "dossier", "library.db", NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  dossier_test_cli_run (run, "articles", NULL);
  g_assert_cmpint (run->status, ==, 0);
  lines = g_strsplit (g_strchomp (run->out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);

  fields = g_strsplit (lines[3], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 5);
  g_assert_cmpstr (fields[1], ==, "2022-09");
  g_assert_cmpstr (fields[2], ==, "month");

  /* The user's library is made under XDG_DATA_HOME. */
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_articles_json (DossierTestCli           *run,
                    gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *array;
  JsonObject *first;

  dossier_test_cli_run (run, "articles", "--json", NULL);
  g_assert_cmpint (run->status, ==, 0);
  root = parse (run->out);
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 5);

  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==,
                   "owp-2021-russia-commits-military-ties-junta");
  g_assert_cmpstr (json_object_get_string_member (first, "published"), ==, "2021");
  g_assert_cmpstr (json_object_get_string_member (first, "precision"), ==, "year");
  g_assert_cmpstr (json_object_get_string_member (first, "outlet"), ==,
                   "The Organization for World Peace");
  g_assert_true (json_object_has_member (first, "title"));
}

static void
test_show_text (DossierTestCli           *run,
                gconstpointer  data)
{
  dossier_test_cli_run (run, "show", POLYGRAPH, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_str_has_prefix (run->out,
                                   "Moscow Fuels Myanmar War Machine, Then Claims to Bring Peace\n"));
  g_assert_nonnull (strstr (run->out, "Published: 2022-08 (month)"));
  g_assert_nonnull (strstr (run->out, "Verdict: False"));
  g_assert_nonnull (strstr (run->out, "On August 3, Russian Foreign Minister Sergey Lavrov"));
  g_assert_null (strstr (run->out, "XS\n"));
}

static void
test_show_json (DossierTestCli           *run,
                gconstpointer  data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *article, *verdict;
  JsonArray *blocks;

  dossier_test_cli_run (run, "show", POLYGRAPH, "--json", NULL);
  g_assert_cmpint (run->status, ==, 0);
  root = parse (run->out);
  article = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (article, "id"), ==, POLYGRAPH);
  blocks = json_object_get_array_member (article, "blocks");
  verdict = json_array_get_object_element (blocks, 1);
  g_assert_cmpstr (json_object_get_string_member (verdict, "kind"), ==, "verdict");
  g_assert_cmpstr (json_object_get_string_member (verdict, "text"), ==, "False");
  g_assert_cmpint (json_object_get_int_member (verdict, "start"), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (article, "credits")),
                    ==, 4);
}

static void
test_user_errors (DossierTestCli           *run,
                  gconstpointer  data)
{
  dossier_test_cli_run (run, "show", "no-such-article", NULL);
  assert_user_error (run, "no-such-article");

  dossier_test_cli_run (run, "show", NULL);
  assert_user_error (run, "show");

  dossier_test_cli_run (run, "articles", "--bogus", NULL);
  assert_user_error (run, "--bogus");

  dossier_test_cli_run (run, "frobnicate", NULL);
  assert_user_error (run, "frobnicate");
}

static void
test_version_and_help (DossierTestCli           *run,
                       gconstpointer  data)
{
  dossier_test_cli_run (run, "--version", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_str_has_prefix (run->out, "dossier "));

  dossier_test_cli_run (run, "--help", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "articles"));
  g_assert_nonnull (strstr (run->out, "show ID"));
}

typedef enum
{
  DAMAGE_NOT_SQLITE,
  DAMAGE_RANDOM_BYTES,
  DAMAGE_TRUNCATED,
} Damage;

/* Writes the library's file damaged in one of three ways. */
static void
damage_library (DossierTestCli *run,
                const char     *db,
                Damage          damage)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (damage == DAMAGE_NOT_SQLITE)
    {
      g_assert_true (g_file_set_contents (db, "this is not a database, just some bytes, many of "
                                              "them — enough that SQLite reads a header and gives "
                                              "up", -1, NULL));
      return;
    }

  /* A real library first, so the truncated one has a true header. */
  dossier_test_cli_run (run, "articles", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_file_get_contents (db, &contents, &length, NULL));
  if (damage == DAMAGE_RANDOM_BYTES)
    for (gsize i = 0; i < length; i++)
      contents[i] = (char) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (db, contents,
                                      damage == DAMAGE_TRUNCATED ? length / 3 : length, NULL));
}

/* A damaged library is moved aside, the user told (exit 1, one line, both paths), and
 * the next run works on a new one. */
static void
test_damaged_library_moved_aside (DossierTestCli *run,
                                  gconstpointer   data)
{
  g_autofree char *folder = g_build_filename (run->data_home, "dossier", NULL);
  g_autofree char *db = g_build_filename (folder, "library.db", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gboolean kept = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  damage_library (run, db, GPOINTER_TO_INT (data));

  dossier_test_cli_run (run, "articles", NULL);
  g_test_message ("%s", run->err);
  assert_user_error (run, db);
  g_assert_nonnull (strstr (run->err, ".corrupt-"));

  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    kept |= g_str_has_prefix (name, "library.db.corrupt-");
  g_assert_true (kept);

  dossier_test_cli_run (run, "articles", NULL);
  g_assert_cmpint (run->status, ==, 0);
}

static char *
read_db (DossierTestCli *run)
{
  g_autofree char *db = g_build_filename (run->data_home, "dossier", "library.db", NULL);

  return dossier_test_read_file (db);
}

/* A library from a newer Dossier: exit 1 naming it, and not one byte changed. */
static void
test_newer_schema_untouched (DossierTestCli *run,
                             gconstpointer   data)
{
  g_autofree char *db = g_build_filename (run->data_home, "dossier", "library.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  sqlite3 *handle;

  dossier_test_cli_run (run, "articles", NULL);
  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (handle);
  before = read_db (run);

  dossier_test_cli_run (run, "articles", NULL);
  assert_user_error (run, db);
  g_assert_nonnull (strstr (run->err, "newer version of Dossier"));
  after = read_db (run);
  g_assert_true (g_str_equal (before, after) && strlen (before) > 0);
}

/* A read-only library: the command line stops with the window's message, exit 1, and
 * the file is as it was. */
static void
test_read_only_library (DossierTestCli *run,
                        gconstpointer   data)
{
  g_autofree char *db = g_build_filename (run->data_home, "dossier", "library.db", NULL);
  g_autofree char *before = NULL, *after = NULL;

  if (!dossier_test_in_subprocess (FALSE))
    return;

  g_assert_true (dossier_test_drop_file_override ());
  dossier_test_cli_run (run, "annotate", POLYGRAPH, "--quote", "Lavrov", "--note", "kept", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpint (g_chmod (db, 0444), ==, 0);
  before = read_db (run);

  dossier_test_cli_run (run, "annotate", POLYGRAPH, "--quote", "Russia", NULL);
  g_test_message ("%s", run->err);
  assert_user_error (run, db);
  g_assert_nonnull (strstr (run->err, "cannot be written"));
  g_assert_nonnull (strstr (run->err, "Nothing was moved or changed"));
  after = read_db (run);
  g_assert_true (g_str_equal (before, after));
  g_chmod (db, 0644);
}

/* A write that meets a full disk: exit 1 saying so, and every earlier note still there. */
static void
test_disk_full (DossierTestCli *run,
                gconstpointer   data)
{
  g_autofree char *big = g_strnfill (100000, 'n');
  g_autofree char *before = NULL;
  g_auto(GStrv) lines = NULL;

  dossier_test_cli_run (run, "annotate", POLYGRAPH, "--quote", "Lavrov", "--note", "one", NULL);
  dossier_test_cli_run (run, "annotate", POLYGRAPH, "--quote", "Russia", "--note", "two", NULL);
  g_assert_cmpint (run->status, ==, 0);
  dossier_test_cli_run (run, "annotations", NULL);
  before = g_strdup (run->out);
  lines = g_strsplit (before, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  g_setenv ("DOSSIER_TEST_DISK_FULL", "1", TRUE);
  dossier_test_cli_run (run, "annotate", POLYGRAPH, "--quote", "Myanmar", "--note", big, NULL);
  g_unsetenv ("DOSSIER_TEST_DISK_FULL");
  g_test_message ("%s", run->err);
  assert_user_error (run, "is full: this change was not saved");
  g_assert_nonnull (strstr (run->err, "Everything saved before it is kept"));

  dossier_test_cli_run (run, "annotations", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, before);
}


/* The same on a real full disk: a tiny tmpfs, filled up. */
static void
test_disk_full_tmpfs (DossierTestCli *run,
                      gconstpointer   data)
{
  g_autofree char *big = g_strnfill (100000, 'n');
  g_autofree char *why = NULL, *before = NULL, *filler = NULL;

  if (!dossier_test_in_subprocess (TRUE))
    return;

  if (!dossier_test_mount_tmpfs (run->data_home, "8m", &why))
    g_error ("%s", why);
  dossier_test_cli_run (run, "annotate", POLYGRAPH, "--quote", "Lavrov", "--note", "one", NULL);
  g_assert_cmpint (run->status, ==, 0);
  dossier_test_cli_run (run, "annotations", NULL);
  before = g_strdup (run->out);
  filler = dossier_test_fill_disk (run->data_home);

  dossier_test_cli_run (run, "annotate", POLYGRAPH, "--quote", "Myanmar", "--note", big, NULL);
  g_test_message ("%s", run->err);
  assert_user_error (run, "is full");

  /* Still full: the notes are read, or the library is opened read-only and says so. */
  dossier_test_cli_run (run, "annotations", NULL);
  g_test_message ("%s", run->err);
  g_assert_true ((run->status == 0 && g_str_equal (run->out, before))
                 || (run->status == 1 && strstr (run->err, "is full") != NULL));

  g_assert_cmpint (g_unlink (filler), ==, 0);
  dossier_test_cli_run (run, "annotations", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cli/articles-text", DossierTestCli, NULL, setup, test_articles_text, teardown);
  g_test_add ("/cli/articles-json", DossierTestCli, NULL, setup, test_articles_json, teardown);
  g_test_add ("/cli/show-text", DossierTestCli, NULL, setup, test_show_text, teardown);
  g_test_add ("/cli/show-json", DossierTestCli, NULL, setup, test_show_json, teardown);
  g_test_add ("/cli/user-errors-exit-1", DossierTestCli, NULL, setup, test_user_errors, teardown);
  g_test_add ("/cli/damaged-library/not-sqlite", DossierTestCli,
              GINT_TO_POINTER (DAMAGE_NOT_SQLITE), setup, test_damaged_library_moved_aside,
              teardown);
  g_test_add ("/cli/damaged-library/random-bytes", DossierTestCli,
              GINT_TO_POINTER (DAMAGE_RANDOM_BYTES), setup, test_damaged_library_moved_aside,
              teardown);
  g_test_add ("/cli/damaged-library/truncated", DossierTestCli,
              GINT_TO_POINTER (DAMAGE_TRUNCATED), setup, test_damaged_library_moved_aside,
              teardown);
  g_test_add ("/cli/newer-schema-untouched", DossierTestCli, NULL, setup,
              test_newer_schema_untouched, teardown);
  g_test_add ("/cli/read-only-library", DossierTestCli, NULL, setup, test_read_only_library,
              teardown);
  g_test_add ("/cli/disk-full-keeps-what-was-saved", DossierTestCli, NULL, setup, test_disk_full,
              teardown);
  g_test_add ("/cli/disk-full-tmpfs", DossierTestCli, NULL, setup, test_disk_full_tmpfs,
              teardown);
  g_test_add ("/cli/version-and-help", DossierTestCli, NULL, setup, test_version_and_help, teardown);

  return g_test_run ();
}
