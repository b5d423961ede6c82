/* test-cli-annotations.c: `dossier annotate`, `annotations`, `export`, `import-notes`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>

#include "dossier-test-util.h"

#define POLYGRAPH "polygraph-2022-moscow-fuels-myanmar-war-machine"


static void
assert_ok (DossierTestCli *run)
{
  if (run->status != 0)
    g_error ("exit %d: %s", run->status, run->err);
  g_assert_cmpstr (run->err, ==, "");
}

static void
assert_user_error (DossierTestCli        *run,
                   const char *fragment)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "dossier: "));
  if (strstr (run->err, fragment) == NULL)
    g_error ("“%s” not in “%s”", fragment, run->err);
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

/* Returns the new annotation's id. */
static char *
annotate (DossierTestCli        *run,
          const char *quote,
          const char *occurrence,
          const char *note)
{
  dossier_test_cli_run (run, "annotate", POLYGRAPH, "--quote", quote, "--occurrence", occurrence,
               "--color", "blue", "--note", note, "--tag", "one", "--tag", "two", NULL);
  assert_ok (run);
  g_assert_true (g_uuid_string_is_valid (g_strchomp (run->out)));
  return g_strdup (run->out);
}

static JsonArray *
list_json (DossierTestCli *run)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonArray *array;

  dossier_test_cli_run (run, "annotations", "--json", NULL);
  assert_ok (run);
  root = json_from_string (run->out, &error);
  g_assert_no_error (error);
  array = json_array_ref (json_node_get_array (root));
  json_node_unref (root);
  return array;
}

static void
test_annotate_and_list (DossierTestCli           *run,
                        gconstpointer  data)
{
  g_autofree char *first = annotate (run, "Lavrov", "1", "A note, with\na line break");
  g_autofree char *second = annotate (run, "Lavrov", "2", "Second");
  g_autoptr(JsonArray) list = list_json (run);
  JsonObject *object;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  object = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, first);
  g_assert_cmpstr (json_object_get_string_member (object, "quote"), ==, "Lavrov");
  g_assert_cmpstr (json_object_get_string_member (object, "color"), ==, "blue");
  g_assert_cmpstr (json_object_get_string_member (object, "anchor"), ==, "ok");
  g_assert_cmpint (json_object_get_int_member (object, "start"), ==, 229);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "tags")), ==, 2);
  object = json_array_get_object_element (list, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, second);
  g_assert_cmpint (json_object_get_int_member (object, "start"), >, 229);

  dossier_test_cli_run (run, "annotations", NULL);
  assert_ok (run);
  lines = g_strsplit (g_strchomp (run->out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpstrv (fields, ((const char *[]) { first, POLYGRAPH, "229", "235", "blue", "ok",
                                                "one,two", "Lavrov",
                                                "A note, with a line break", NULL }));
}

static void
test_annotate_errors (DossierTestCli           *run,
                      gconstpointer  data)
{
  dossier_test_cli_run (run, "annotate", POLYGRAPH, "--quote", "not in the article", NULL);
  assert_user_error (run, "does not contain “not in the article”");

  dossier_test_cli_run (run, "annotate", POLYGRAPH, "--quote", "Lavrov", "--occurrence", "99", NULL);
  assert_user_error (run, "99 times");

  dossier_test_cli_run (run, "annotate", POLYGRAPH, "--quote", "Lavrov", "--color", "red", NULL);
  assert_user_error (run, "unknown colour “red”");

  dossier_test_cli_run (run, "annotate", "no-such-article", "--quote", "Lavrov", NULL);
  assert_user_error (run, "no-such-article");

  dossier_test_cli_run (run, "annotate", POLYGRAPH, NULL);
  assert_user_error (run, "--quote");

  dossier_test_cli_run (run, "annotations", NULL);
  assert_ok (run);
  g_assert_cmpstr (run->out, ==, "");
}

static void
test_export_formats (DossierTestCli           *run,
                     gconstpointer  data)
{
  g_autofree char *id = annotate (run, "Sergey Lavrov", "1", "=cmd|' /C calc'!A0");
  g_autofree char *output = g_build_filename (run->data_home, "notes.html", NULL);
  g_autofree char *html = NULL;

  dossier_test_cli_run (run, "export", "--format", "markdown", NULL);
  assert_ok (run);
  g_assert_true (g_str_has_prefix (run->out, "---\ndossier: \"Dossier\"\n"));
  g_assert_nonnull (strstr (run->out, "> Sergey Lavrov\n"));

  dossier_test_cli_run (run, "export", "--format", "csv", "--article", POLYGRAPH, NULL);
  assert_ok (run);
  g_assert_nonnull (strstr (run->out, ",'=cmd|' /C calc'!A0,blue,"));

  dossier_test_cli_run (run, "export", "--format", "json", "--color", "green", NULL);
  assert_ok (run);
  g_assert_nonnull (strstr (run->out, "\"total\" : 0"));

  dossier_test_cli_run (run, "export", "--format", "html", "--output", output, NULL);
  assert_ok (run);
  g_assert_cmpstr (run->out, ==, "");
  html = dossier_test_read_file (output);
  g_assert_nonnull (strstr (html, "<mark class=\"blue\">Sergey Lavrov</mark>"));

  dossier_test_cli_run (run, "export", "--format", "pdf", NULL);
  assert_user_error (run, "unknown format “pdf”");
  dossier_test_cli_run (run, "export", NULL);
  assert_user_error (run, "--format");
  dossier_test_cli_run (run, "export", "--format", "csv", "--article", "no-such-article", NULL);
  assert_user_error (run, "no-such-article");
}

/* Exported as JSON, imported into a fresh library: the same annotations, once. */
static void
test_import_notes_round_trip (DossierTestCli           *run,
                              gconstpointer  data)
{
  g_autofree char *first = annotate (run, "Lavrov", "1", "one");
  g_autofree char *second = annotate (run, "Myanmar", "3", "two");
  g_autofree char *path = g_build_filename (run->data_home, "notes.jsonld", NULL);
  g_autofree char *original_home = g_strdup (run->data_home);
  g_autoptr(JsonArray) before = list_json (run);
  g_autoptr(JsonArray) after = NULL;

  dossier_test_cli_run (run, "export", "--format", "json", "--output", path, NULL);
  assert_ok (run);

  g_free (run->data_home);
  run->data_home = dossier_test_make_tmpdir ();
  dossier_test_cli_run (run, "import-notes", path, NULL);
  assert_ok (run);
  g_assert_cmpstr (run->out, ==, "Imported 2 annotations: 2 new, 0 updated\n");
  dossier_test_cli_run (run, "import-notes", path, NULL);
  assert_ok (run);
  g_assert_cmpstr (run->out, ==, "Imported 2 annotations: 0 new, 2 updated\n");

  after = list_json (run);
  g_assert_cmpuint (json_array_get_length (after), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *a = json_to_string (json_array_get_element (before, i), FALSE);
      g_autofree char *b = json_to_string (json_array_get_element (after, i), FALSE);

      g_assert_cmpstr (a, ==, b);
    }

  dossier_test_remove_tree (run->data_home);
  g_free (run->data_home);
  run->data_home = g_steal_pointer (&original_home);
}

static void
test_import_notes_errors (DossierTestCli           *run,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (run->data_home, "broken.json", NULL);

  g_assert_true (g_file_set_contents (path, "{\n  \"type\": \"AnnotationCollection\",\n"
                                            "  \"items\": [ 3 ]\n}\n", -1, NULL));
  dossier_test_cli_run (run, "import-notes", path, NULL);
  assert_user_error (run, "broken.json:3:");
  g_assert_true (g_regex_match_simple ("broken\\.json:3:[0-9]+: annotation 1 must be an object",
                                       run->err, 0, 0));

  dossier_test_cli_run (run, "import-notes", "/nonexistent/notes.json", NULL);
  assert_user_error (run, "/nonexistent/notes.json");

  dossier_test_cli_run (run, "import-notes", NULL);
  assert_user_error (run, "import-notes");
}

static void
test_help_lists_commands (DossierTestCli           *run,
                          gconstpointer  data)
{
  dossier_test_cli_run (run, "--help", NULL);
  assert_ok (run);
  g_assert_nonnull (strstr (run->out, "annotate ARTICLE_ID "));
  g_assert_nonnull (strstr (run->out, "export --format FORMAT"));
  g_assert_nonnull (strstr (run->out, "import-notes FILE"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, DossierTestCli, NULL, setup, func, teardown)
  ADD ("/cli-annotations/annotate-and-list", test_annotate_and_list);
  ADD ("/cli-annotations/annotate-errors-exit-1", test_annotate_errors);
  ADD ("/cli-annotations/export-formats", test_export_formats);
  ADD ("/cli-annotations/import-notes-round-trip", test_import_notes_round_trip);
  ADD ("/cli-annotations/import-notes-errors-exit-1", test_import_notes_errors);
  ADD ("/cli-annotations/help-lists-commands", test_help_lists_commands);
#undef ADD

  return g_test_run ();
}
