/* test-cli-import.c: `dossier import`, `dossier remove` and `dossier unhide`: output, exit
 * codes and what the other commands see afterwards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "dossier-test-util.h"

#define POLYGRAPH "polygraph-2022-moscow-fuels-myanmar-war-machine"

typedef struct
{
  char *dir;
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs `dossier ARGS…` with its own XDG_DATA_HOME, in the test's folder. */
static void
run_dossier (Run        *run,
             const char *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *data_home = g_build_filename (run->dir, "data", NULL);
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", data_home, TRUE);
  const char *arg;
  va_list args;

  run_clear (run);
  g_ptr_array_add (argv, (char *) g_getenv ("DOSSIER_EXECUTABLE"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (dossier_test_run_env ((const char *const *) argv->pdata, envp, &run->out,
                                       &run->err, &run->status));
}

static char *
write_file (Run        *run,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (run->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
setup (Run           *run,
       gconstpointer  data)
{
  run->dir = dossier_test_make_tmpdir ();
}

static void
teardown (Run           *run,
          gconstpointer  data)
{
  run_clear (run);
  dossier_test_remove_tree (run->dir);
  g_free (run->dir);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; (p = strchr (p, '\n')) != NULL; p++)
    n++;

  return n;
}

static const char two_articles[] =
  "{\"format\": \"dossier\", \"version\": 1, \"articles\": [\n"
  "  {\"id\": \"cli-a\", \"title\": \"Wombats unite\", \"published\": \"2022-03-01\",\n"
  "   \"outlet\": \"Test News\", \"body\": \"Sergei Lavrov met them on 4 March 2022.\"},\n"
  "  {\"id\": \"cli-b\", \"title\": \"Wombats part\", \"published\": \"2022-04\",\n"
  "   \"body\": \"They left.\"}]}\n";

static void
test_import_summary (Run           *run,
                     gconstpointer  data)
{
  g_autofree char *json = write_file (run, "two.json", two_articles);
  g_autofree char *text = write_file (run, "story.txt", "A story\nPublished: 2021\n\nWords.\n");

  run_dossier (run, "import", json, text, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "3 articles imported\n");
  g_assert_cmpstr (run->err, ==, "");

  run_dossier (run, "import", json, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "0 articles imported, 2 already present\n");

  run_dossier (run, "articles", NULL);
  g_assert_cmpuint (count_lines (run->out), ==, 8);
  g_assert_nonnull (strstr (run->out, "cli-a\t2022-03-01\tday\tTest News\tWombats unite\n"));

  /* Its dated sentence is on the timeline, with the entity it names. */
  run_dossier (run, "timeline", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "2022-03-04"));
  g_assert_nonnull (strstr (run->out, "cli-a"));
}

static void
test_import_rejects (Run           *run,
                     gconstpointer  data)
{
  g_autofree char *json = write_file (run, "two.json", two_articles);
  g_autofree char *bad = write_file (run, "bad.json", "{\"format\": \"dossier\",\n \"version\": 1,\n"
                                     " \"articles\": [{\"title\": 3}]}");
  g_autofree char *nodate = write_file (run, "nodate.md", "# Title\n\nText.\n");
  g_autofree char *changed = NULL;
  g_autoptr(GString) v2 = g_string_new (two_articles);

  run_dossier (run, "import", bad, json, nodate, NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "2 articles imported\n");
  g_assert_cmpuint (count_lines (run->err), ==, 2);
  g_assert_nonnull (strstr (run->err, "dossier: "));
  g_assert_nonnull (strstr (run->err, "bad.json:3:16: “title” must be a string, not a number\n"));
  g_assert_nonnull (strstr (run->err, "nodate.md:2:1: the publication date is missing"));

  g_string_replace (v2, "They left.", "They left for good.", 0);
  changed = write_file (run, "two-v2.json", v2->str);
  run_dossier (run, "import", changed, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "0 articles imported, 1 already present, 1 replaced\n");

  /* A text file with an ID header is replaced like a JSON article. */
  g_free (changed);
  changed = write_file (run, "v1.md", "# Story\nPublished: 2020\nID: md-story\n\nFirst.\n");
  run_dossier (run, "import", changed, NULL);
  g_assert_cmpstr (run->out, ==, "1 article imported\n");
  g_free (changed);
  changed = write_file (run, "v2.md", "# Story\nPublished: 2020\nID: md-story\n\nSecond.\n");
  run_dossier (run, "import", changed, NULL);
  g_assert_cmpstr (run->out, ==, "0 articles imported, 1 replaced\n");
  run_dossier (run, "show", "md-story", NULL);
  g_assert_nonnull (strstr (run->out, "Second."));

  run_dossier (run, "import", NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, "needs at least one file"));
}

/* A notes export given to `import` is told apart and sent to `import-notes`, which takes it. */
static void
test_import_notes_file (Run           *run,
                        gconstpointer  data)
{
  g_autofree char *notes = write_file (run, "notes.json",
    "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"AnnotationCollection\",\n"
    " \"first\": {\"items\": [{\"id\": \"urn:uuid:1\", \"type\": \"Annotation\",\n"
    "  \"target\": {\"source\": \"dossier://article/" POLYGRAPH "\",\n"
    "   \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"Russia\"}}}]}}\n");

  run_dossier (run, "import", notes, NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, "notes.json:1:1: this file holds notes (Web Annotations), "
                                      "not articles: import them with “dossier import-notes”\n"));
  run_dossier (run, "import-notes", notes, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "Imported 1 annotations: 1 new, 0 updated\n");
}

static void
test_remove (Run           *run,
             gconstpointer  data)
{
  g_autofree char *json = write_file (run, "two.json", two_articles);

  run_dossier (run, "import", json, NULL);
  run_dossier (run, "annotate", "cli-a", "--quote", "met them", "--note", "keep me", NULL);
  g_assert_cmpint (run->status, ==, 0);

  run_dossier (run, "remove", "cli-a", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "Removed “Wombats unite”\n");
  run_dossier (run, "show", "cli-a", NULL);
  g_assert_cmpint (run->status, ==, 1);
  run_dossier (run, "annotations", NULL);
  g_assert_nonnull (strstr (run->out, "orphan"));
  g_assert_nonnull (strstr (run->out, "keep me"));

  run_dossier (run, "import", json, NULL);
  run_dossier (run, "remove", "cli-a", "--delete-notes", NULL);
  g_assert_cmpint (run->status, ==, 0);
  run_dossier (run, "annotations", NULL);
  g_assert_cmpstr (run->out, ==, "");

  run_dossier (run, "remove", "no-such-article", NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, "No article with id “no-such-article”"));
}

static void
test_hide_bundled (Run           *run,
                   gconstpointer  data)
{
  run_dossier (run, "remove", POLYGRAPH, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_str_has_prefix (run->out, "Hid “Moscow Fuels Myanmar War Machine"));
  run_dossier (run, "articles", NULL);
  g_assert_cmpuint (count_lines (run->out), ==, 4);
  g_assert_null (strstr (run->out, POLYGRAPH));

  run_dossier (run, "unhide", POLYGRAPH, NULL);
  g_assert_cmpint (run->status, ==, 0);
  run_dossier (run, "articles", NULL);
  g_assert_cmpuint (count_lines (run->out), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cli-import/summary", Run, NULL, setup, test_import_summary, teardown);
  g_test_add ("/cli-import/rejected-files-exit-1", Run, NULL, setup, test_import_rejects,
              teardown);
  g_test_add ("/cli-import/notes-file", Run, NULL, setup, test_import_notes_file, teardown);
  g_test_add ("/cli-import/remove", Run, NULL, setup, test_remove, teardown);
  g_test_add ("/cli-import/hide-bundled", Run, NULL, setup, test_hide_bundled, teardown);

  return g_test_run ();
}
