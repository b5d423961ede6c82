/* test-export.c: each export format read back and checked; atomic writing; import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dossier-annotation-store.h"
#include "dossier-annotations.h"
#include "dossier-export.h"
#include "dossier-json-document.h"
#include "dossier-test-util.h"

#define POLYGRAPH "polygraph-2022-moscow-fuels-myanmar-war-machine"
#define RFA "rfa-2023-nucc-condemns-russia"

/* Everything that could break a format's structure. */
#define TRICKY_NOTE \
  "Line one, with \"quotes\", commas\nline two\n---\n# not a heading\n```\ncode\n```\n" \
  "    indented\n1. not a list"
#define MARKUP_NOTE "<b>bold</b></script><script>alert(1)</script> & more"
#define FORMULA_NOTE "=HYPERLINK(\"http://example.com\",\"x\")"

typedef struct
{
  DossierLibrary     *library;
  DossierAnnotations *annotations;
  char               *folder;
} Fixture;

static void
annotate (Fixture               *fixture,
          const char            *article_id,
          const char            *quote,
          guint                  occurrence,
          DossierHighlightColor  color,
          const char            *note,
          const char * const    *tags)
{
  g_autoptr(DossierArticle) article = dossier_library_load_article (fixture->library,
                                                                    article_id, NULL);
  g_autoptr(DossierAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  annotation = dossier_annotations_create_for_quote (fixture->annotations, article, quote,
                                                     occurrence, color, note, tags, &error);
  g_assert_no_error (error);
}

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  const char *tags[] = { "a,b", "x", NULL };
  const char *formula_tags[] = { "@at", "-minus", NULL };
  g_autoptr(GError) error = NULL;

  fixture->folder = dossier_test_make_tmpdir ();
  fixture->library = dossier_library_open_default (&error);
  g_assert_no_error (error);
  fixture->annotations = dossier_annotations_new (fixture->library);

  annotate (fixture, POLYGRAPH, "Sergey Lavrov", 1, DOSSIER_HIGHLIGHT_GREEN, TRICKY_NOTE, tags);
  annotate (fixture, POLYGRAPH, "Lavrov", 2, DOSSIER_HIGHLIGHT_YELLOW, FORMULA_NOTE,
            formula_tags);
  annotate (fixture, RFA, "Russia", 1, DOSSIER_HIGHLIGHT_PINK, MARKUP_NOTE, NULL);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  g_clear_object (&fixture->annotations);
  g_clear_object (&fixture->library);
  dossier_test_remove_tree (fixture->folder);
  g_clear_pointer (&fixture->folder, g_free);
}

static GListModel *
list_all (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = dossier_annotations_list (fixture->annotations, NULL, &error);

  g_assert_no_error (error);
  return list;
}

static char *
render (Fixture             *fixture,
        DossierExportFormat  format)
{
  g_autoptr(GListModel) all = list_all (fixture);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2024, 5, 6, 7, 8, 9);
  g_autoptr(GError) error = NULL;
  char *text = dossier_export_render (fixture->library, all, format, "Russia & Myanmar", when,
                                      &error);

  g_assert_no_error (error);
  return text;
}

static void
test_markdown_structure (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *text = render (fixture, DOSSIER_EXPORT_MARKDOWN);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint headings = 0, quotes = 0, links = 0, i;

  g_assert_cmpstr (lines[0], ==, "---");
  g_assert_cmpstr (lines[1], ==, "dossier: \"Russia & Myanmar\"");
  g_assert_cmpstr (lines[2], ==, "exported: 2024-05-06T07:08:09Z");
  g_assert_cmpstr (lines[3], ==, "annotations: 3");
  g_assert_cmpstr (lines[4], ==, "---");

  for (i = 5; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      /* Nothing from a note may open front matter, a rule, a heading, code or a list. */
      g_assert_cmpstr (line, !=, "---");
      g_assert_false (g_str_has_prefix (line, "    "));
      g_assert_false (g_str_has_prefix (line, "1."));
      if (line[0] == '#')
        {
          g_assert_true (g_str_has_prefix (line, "## ") || g_str_has_prefix (line, "# "));
          headings += g_str_has_prefix (line, "## ");
        }
      for (const char *p = strchr (line, '`'); p != NULL; p = strchr (p + 1, '`'))
        g_assert_true (p > line && p[-1] == '\\');
      quotes += g_str_has_prefix (line, "> ");
      links += strstr (line, "(dossier://article/") != NULL;
    }

  g_assert_cmpuint (headings, ==, 2);
  g_assert_cmpuint (quotes, ==, 3);
  g_assert_cmpuint (links, ==, 3);
  g_assert_nonnull (strstr (text, "## Moscow Fuels Myanmar War Machine, Then Claims to Bring "
                                  "Peace\n\n*Polygraph.info (Voice of America) · 2022-08*"));
  g_assert_nonnull (strstr (text, "\n> Sergey Lavrov\n"));
  g_assert_nonnull (strstr (text, "\n\\---\n\\# not a heading\n\\`\\`\\`\n"));
  g_assert_nonnull (strstr (text, "*Colour:* green · *Tags:* a,b; x"));
  g_assert_nonnull (strstr (text, "(dossier://article/" POLYGRAPH "?start=222&end=235)"));
}

/* Every element in the page is one we wrote: the notes' markup stayed text. */
static void
assert_only_our_elements (const char *html)
{
  static const char *const ours[] = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "p", "main", "section",
    "h2", "div", "blockquote", "mark", "span", "bdi", "a", NULL
  };

  for (const char *p = strchr (html, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      g_autofree char *name = NULL;
      gsize length;

      if (p[1] == '!')
        continue;
      p += p[1] == '/' ? 2 : 1;
      length = strspn (p, "abcdefghijklmnopqrstuvwxyz0123456789");
      name = g_strndup (p, length);
      if (!g_strv_contains (ours, name))
        g_error ("unexpected element <%s> in the HTML export", name);
    }
}

static void
test_html_escapes_everything (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *html = render (fixture, DOSSIER_EXPORT_HTML);

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n"));
  assert_only_our_elements (html);
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_nonnull (strstr (html, "&lt;b&gt;bold&lt;/b&gt;&lt;/script&gt;&lt;script&gt;"));
  g_assert_nonnull (strstr (html, "<title>Russia &amp; Myanmar</title>"));
  g_assert_nonnull (strstr (html, "<mark class=\"green\">Sergey Lavrov</mark>"));
  g_assert_nonnull (strstr (html, ".pink { background:"));
  g_assert_nonnull (strstr (html, "@media print"));
  /* Self-contained: nothing is fetched. */
  g_assert_null (strstr (html, "src="));
  g_assert_null (strstr (html, "<link"));
}

/* An RFC 4180 reader: records of fields, CRLF between records. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              p += *p == '"';
              g_string_append_c (field, *p);
            }
          p++;
        }
      else if (*p == ',' || (*p == '\r' && p[1] == '\n'))
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (*p == '\r')
            {
              g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
              p++;
            }
          p++;
        }
      else
        {
          /* A bare line break or quote outside quotes breaks RFC 4180. */
          g_assert_true (*p != '\n' && *p != '\r');
          g_string_append_c (field, *p++);
        }
    }

  g_assert_cmpuint (row->len, ==, 0);
  return rows;
}

static void
test_csv_quotes_and_formulas (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *text = render (fixture, DOSSIER_EXPORT_CSV);
  g_autoptr(GPtrArray) rows = parse_csv (text);
  char **header, **tricky, **formula, **markup;

  g_assert_cmpuint (rows->len, ==, 4);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpstrv (header, ((const char *[]) { "article", "date", "quote", "note", "colour",
                                                "tags", "created", "modified", NULL }));

  tricky = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (tricky[0], ==, "Moscow Fuels Myanmar War Machine, Then Claims to Bring Peace");
  g_assert_cmpstr (tricky[1], ==, "2022-08");
  g_assert_cmpstr (tricky[2], ==, "Sergey Lavrov");
  g_assert_cmpstr (tricky[3], ==, TRICKY_NOTE);
  g_assert_cmpstr (tricky[4], ==, "green");
  g_assert_cmpstr (tricky[5], ==, "a,b; x");
  g_assert_true (g_str_has_suffix (tricky[6], "Z"));

  /* A spreadsheet must not run anything. */
  formula = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (formula[3], ==, "'" FORMULA_NOTE);
  g_assert_cmpstr (formula[5], ==, "'@at; -minus");

  markup = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (markup[3], ==, MARKUP_NOTE);
  g_assert_cmpstr (markup[1], ==, "2023-06");
}

static JsonObject *
find_selector (JsonObject *target,
               const char *type)
{
  JsonArray *selectors = json_object_get_array_member (target, "selector");

  for (guint i = 0; i < json_array_get_length (selectors); i++)
    {
      JsonObject *selector = json_array_get_object_element (selectors, i);

      if (g_str_equal (json_object_get_string_member (selector, "type"), type))
        return selector;
    }

  g_error ("no %s", type);
}

static void
test_json_is_web_annotation (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *text = render (fixture, DOSSIER_EXPORT_JSON);
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  JsonObject *collection, *first, *target, *quote, *position;
  JsonArray *items, *bodies;

  g_assert_nonnull (root);
  collection = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (collection, "@context"), ==,
                   "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (json_object_get_string_member (collection, "type"), ==,
                   "AnnotationCollection");
  g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, 3);
  items = json_object_get_array_member (json_object_get_object_member (collection, "first"),
                                        "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);

  first = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "type"), ==, "Annotation");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (first, "id"), "urn:uuid:"));
  bodies = json_object_get_array_member (first, "body");
  g_assert_cmpuint (json_array_get_length (bodies), ==, 4);   /* note, 2 tags, colour */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bodies, 0),
                                                  "value"), ==, TRICKY_NOTE);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bodies, 1),
                                                  "purpose"), ==, "tagging");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (bodies, 3),
                                                  "value"), ==, "green");

  target = json_object_get_object_member (first, "target");
  g_assert_cmpstr (json_object_get_string_member (target, "source"), ==,
                   "dossier://article/" POLYGRAPH);
  quote = find_selector (target, "TextQuoteSelector");
  position = find_selector (target, "TextPositionSelector");
  g_assert_cmpstr (json_object_get_string_member (quote, "exact"), ==, "Sergey Lavrov");
  g_assert_cmpstr (json_object_get_string_member (quote, "prefix"), ==,
                   "ust 3, Russian Foreign Minister ");
  g_assert_cmpint (json_object_get_int_member (position, "start"), ==, 222);
  g_assert_cmpint (json_object_get_int_member (position, "end"), ==, 235);
}

static void
delete_all (Fixture *fixture)
{
  g_autoptr(GListModel) all = list_all (fixture);
  guint n = g_list_model_get_n_items (all);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (all, 0);

      g_assert_true (dossier_annotations_delete (fixture->annotations,
                                                 dossier_annotation_get_id (annotation), NULL));
    }
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 0);
}

static void
assert_same (DossierAnnotation *a,
             DossierAnnotation *b)
{
  g_assert_cmpstr (dossier_annotation_get_id (a), ==, dossier_annotation_get_id (b));
  g_assert_cmpstr (dossier_annotation_get_article_id (a), ==,
                   dossier_annotation_get_article_id (b));
  g_assert_cmpuint (dossier_annotation_get_start (a), ==, dossier_annotation_get_start (b));
  g_assert_cmpuint (dossier_annotation_get_end (a), ==, dossier_annotation_get_end (b));
  g_assert_cmpstr (dossier_annotation_get_quote (a), ==, dossier_annotation_get_quote (b));
  g_assert_cmpstr (dossier_annotation_get_prefix (a), ==, dossier_annotation_get_prefix (b));
  g_assert_cmpstr (dossier_annotation_get_note (a), ==, dossier_annotation_get_note (b));
  g_assert_cmpint (dossier_annotation_get_color (a), ==, dossier_annotation_get_color (b));
  g_assert_true (g_strv_equal (dossier_annotation_get_tags (a), dossier_annotation_get_tags (b)));
  g_assert_cmpstr (dossier_annotation_get_created (a), ==, dossier_annotation_get_created (b));
  g_assert_cmpstr (dossier_annotation_get_modified (a), ==, dossier_annotation_get_modified (b));
  g_assert_cmpint (dossier_annotation_get_anchor (a), ==, DOSSIER_ANCHOR_OK);
}

static char *
export_json_file (Fixture *fixture)
{
  g_autoptr(GListModel) all = list_all (fixture);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->folder, "notes.jsonld", NULL);

  g_assert_true (dossier_export_write_file (fixture->library, all, DOSSIER_EXPORT_JSON,
                                            "Russia & Myanmar", path, &error));
  g_assert_no_error (error);
  return path;
}

static void
import (Fixture    *fixture,
        const char *path,
        guint       expect_added,
        guint       expect_updated)
{
  g_autoptr(GError) error = NULL;
  guint added = 99, updated = 99;

  g_assert_true (dossier_annotations_import_file (fixture->annotations, path, &added, &updated,
                                                  &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, expect_added);
  g_assert_cmpuint (updated, ==, expect_updated);
}

/* Export, delete everything, import: the same annotations; again: no duplicates. */
static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GListModel) before = list_all (fixture);
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = export_json_file (fixture);
  g_autoptr(GListModel) after = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (before); i++)
    g_ptr_array_add (saved, g_list_model_get_item (before, i));

  delete_all (fixture);
  import (fixture, path, 3, 0);
  after = list_all (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 3);
  for (guint i = 0; i < saved->len; i++)
    {
      g_autoptr(DossierAnnotation) again = g_list_model_get_item (after, i);

      assert_same (g_ptr_array_index (saved, i), again);
    }

  import (fixture, path, 0, 3);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 3);

  /* An edited note in the file updates the annotation with that id. */
  contents = dossier_test_read_file (path);
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "& more", "& an edit", 0), ==, 1);
  g_assert_true (g_file_set_contents (path, edited->str, -1, NULL));
  import (fixture, path, 0, 3);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 3);
  {
    g_autoptr(DossierAnnotation) last = g_list_model_get_item (after, 2);

    g_assert_true (g_str_has_suffix (dossier_annotation_get_note (last), "& an edit"));
  }
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  guint *added = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_annotations_import_file_finish (DOSSIER_ANNOTATIONS (source), result,
                                                         added, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The window's way: the file is read in a worker thread, saved on the main one. */
static void
test_json_import_async (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = export_json_file (fixture);
  g_autoptr(GListModel) all = NULL;
  guint added = G_MAXUINT;

  delete_all (fixture);
  dossier_annotations_import_file_async (fixture->annotations, path, NULL, on_imported, &added);
  while (added == G_MAXUINT)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (added, ==, 3);
  all = list_all (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* A bad file names file, line and column, and imports nothing — not even its good items. */
static void
test_bad_import_imports_nothing (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = export_json_file (fixture);
  g_autofree char *contents = dossier_test_read_file (path);
  g_autofree char *bad_path = g_build_filename (fixture->folder, "bad.json", NULL);
  g_autoptr(GString) broken = g_string_new (contents);
  g_autoptr(GError) error = NULL;

  delete_all (fixture);
  /* The third annotation loses its target's source. */
  g_string_replace (broken, "\"source\" : \"dossier://article/" RFA "\"",
                    "\"source\" : 42", 1);
  write_file (bad_path, broken->str);
  g_assert_false (dossier_annotations_import_file (fixture->annotations, bad_path, NULL, NULL,
                                                   &error));
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_WRONG_TYPE);
  g_test_message ("%s", error->message);
  g_assert_true (g_regex_match_simple ("^.*bad\\.json:[0-9]+:[0-9]+: .*source", error->message,
                                       0, 0));
  g_clear_error (&error);

  write_file (bad_path, "{\"type\": \"AnnotationCollection\", \"items\": [\n  {\"type\": ");
  g_assert_false (dossier_annotations_import_file (fixture->annotations, bad_path, NULL, NULL,
                                                   &error));
  g_assert_true (g_regex_match_simple ("bad\\.json:2:[0-9]+: ", error->message, 0, 0));
  g_clear_error (&error);

  write_file (bad_path, "{\"type\": \"AnnotationCollection\", \"items\": [\n"
                        "  {\"type\": \"Annotation\", \"id\": \"x\", \"target\": {\n"
                        "    \"source\": \"dossier://article/a\", \"selector\": []}}]}");
  g_assert_false (dossier_annotations_import_file (fixture->annotations, bad_path, NULL, NULL,
                                                   &error));
  g_assert_true (g_regex_match_simple ("bad\\.json:3:[0-9]+: .*TextQuoteSelector",
                                       error->message, 0, 0));

  {
    g_autoptr(GListModel) all = list_all (fixture);

    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 0);
  }
}


/* Notes that try to become structure in one format or another. */
static const char *const hostile_notes[] = {
  "```\nan opened fence that would swallow the next note",
  "~~~",
  "---",
  "***",
  "</script><!-- <style>",
  "+SUM(A1:A9)",
  "-2+3",
  "@cmd",
  "\tTAB=1",
  "\rCR",
  "bell\x07 escape\x1b[31m red",
  "\u202eevil override\u202c and \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
  "last note, still a paragraph",
};

static void
annotate_hostile (Fixture *fixture)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile_notes); i++)
    annotate (fixture, RFA, "Russia", i + 2, DOSSIER_HIGHLIGHT_BLUE, hostile_notes[i], NULL);
}

static char *
render_named (Fixture             *fixture,
              DossierExportFormat  format,
              const char          *name)
{
  g_autoptr(GListModel) all = list_all (fixture);
  g_autoptr(GError) error = NULL;
  char *text = dossier_export_render (fixture->library, all, format, name, NULL, &error);

  g_assert_no_error (error);
  return text;
}

/* Markdown: no note opens a fence, a rule, front matter or HTML; every note stays its own
 * paragraph, so the last one is still there as text after all the others. */
static void
test_markdown_hostile (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  annotate_hostile (fixture);
  text = render_named (fixture, DOSSIER_EXPORT_MARKDOWN, "Name\x01 with\na break");
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpstr (lines[1], ==, "dossier: \"Name\\x01 with\\na break\"");
  g_assert_cmpstr (lines[4], ==, "---");
  for (guint i = 5; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      g_assert_false (g_str_has_prefix (line, "```") || g_str_has_prefix (line, "~~~"));
      g_assert_false (g_str_equal (line, "---") || g_str_equal (line, "***"));
      for (const char *p = strchr (line, '<'); p != NULL; p = strchr (p + 1, '<'))
        g_assert_true (p > line && p[-1] == '\\');
    }
  g_assert_nonnull (strstr (text, "\n\\`\\`\\`\nan opened fence"));
  g_assert_nonnull (strstr (text, "\n\\~\\~\\~\n"));
  g_assert_nonnull (strstr (text, "\n\\---\n"));
  g_assert_nonnull (strstr (text, "\nlast note, still a paragraph\n"));
}

/* A tag's unclosed right-to-left override ends with the tag, before the next tag and the
 * link: each tag is a directional isolate of its own. */
static void
test_markdown_tags_isolated (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *tags[] = { "\u202eevil", "\u05e9\u05dc\u05d5\u05dd", "plain", NULL };
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *tag_line = NULL;

  annotate (fixture, RFA, "Russia", 1, DOSSIER_HIGHLIGHT_BLUE, "", tags);
  text = render (fixture, DOSSIER_EXPORT_MARKDOWN);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && tag_line == NULL; i++)
    if (strstr (lines[i], "Tags:") != NULL && strstr (lines[i], "plain") != NULL)
      tag_line = lines[i];

  g_assert_nonnull (tag_line);
  g_test_message ("%s", tag_line);
  g_assert_nonnull (strstr (tag_line, "*Tags:* \u2068\u202eevil\u2069; "
                                      "\u2068\u05e9\u05dc\u05d5\u05dd\u2069; "
                                      "plain · [Open in Dossier]"));
}

static void
test_html_hostile (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *html = NULL;

  annotate_hostile (fixture);
  html = render_named (fixture, DOSSIER_EXPORT_HTML, "</title><script>x</script>");
  assert_only_our_elements (html);
  g_assert_null (strstr (html, "<!--"));
  g_assert_null (strstr (html, "<script"));
  g_assert_nonnull (strstr (html, "&lt;/script&gt;&lt;!-- &lt;style&gt;"));
  g_assert_nonnull (strstr (html, "<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>"));
  /* Right-to-left text is isolated in its own element. */
  g_assert_nonnull (strstr (html, "<p class=\"note\" dir=\"auto\">\u202eevil override"));
}

/* CSV: each formula start is defused; the rest of the note is kept exactly. */
static void
test_csv_hostile (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) notes = g_hash_table_new (g_str_hash, g_str_equal);

  annotate_hostile (fixture);
  text = render (fixture, DOSSIER_EXPORT_CSV);
  rows = parse_csv (text);
  for (guint i = 1; i < rows->len; i++)
    g_hash_table_add (notes, ((char **) g_ptr_array_index (rows, i))[3]);

  for (guint i = 0; i < G_N_ELEMENTS (hostile_notes); i++)
    {
      const char *note = hostile_notes[i];
      g_autofree char *expected = strchr ("=+-@\t\r", note[0]) != NULL
                                  ? g_strconcat ("'", note, NULL) : g_strdup (note);

      g_assert_true (g_hash_table_contains (notes, expected));
    }
}

/* JSON: control characters escaped, and every note read back exactly by import-notes. */
static void
test_json_hostile_round_trip (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = NULL, *text = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  annotate_hostile (fixture);
  path = export_json_file (fixture);
  text = dossier_test_read_file (path);
  for (const char *p = text; *p; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n');

  delete_all (fixture);
  import (fixture, path, 3 + G_N_ELEMENTS (hostile_notes), 0);
  all = list_all (fixture);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (all, i);

      g_hash_table_add (notes, g_strdup (dossier_annotation_get_note (annotation)));
    }
  for (guint i = 0; i < G_N_ELEMENTS (hostile_notes); i++)
    g_assert_true (g_hash_table_contains (notes, hostile_notes[i]));
}

/* A 10 MB note on one line: saved, exported in every format, read back whole. */
static void
test_ten_megabyte_note (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *note = g_strnfill (10 * 1024 * 1024, 'w');
  g_autofree char *path = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(DossierAnnotation) found = NULL;
  DossierAnnotationFilter filter = { RFA, -1, NULL, NULL, FALSE };

  note[0] = '=';
  annotate (fixture, RFA, "Russia", 2, DOSSIER_HIGHLIGHT_PURPLE, note, NULL);
  for (DossierExportFormat format = DOSSIER_EXPORT_MARKDOWN; format <= DOSSIER_EXPORT_CSV; format++)
    {
      g_autofree char *text = render (fixture, format);

      g_assert_cmpuint (strlen (text), >, 10 * 1024 * 1024);
    }

  path = export_json_file (fixture);
  delete_all (fixture);
  import (fixture, path, 4, 0);
  all = dossier_annotations_list (fixture->annotations, &filter, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (all) && found == NULL; i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (all, i);

      if (strlen (dossier_annotation_get_note (annotation)) > 1000)
        found = g_steal_pointer (&annotation);
    }
  g_assert_nonnull (found);
  g_assert_cmpstr (dossier_annotation_get_note (found), ==, note);
}

static char **
folder_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  return (char **) g_ptr_array_steal (names, NULL);
}

/* In a child whose files may not grow past a few bytes, every write fails half-way. */
static int
export_with_tiny_file_limit (const char *path)
{
  g_autoptr(DossierLibrary) library = dossier_library_open_default (NULL);
  g_autoptr(DossierAnnotations) annotations = dossier_annotations_new (library);
  g_autoptr(GListModel) all = dossier_annotations_list (annotations, NULL, NULL);
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 16, 16 };

  signal (SIGXFSZ, SIG_IGN);
  if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
    return 2;
  if (dossier_export_write_file (library, all, DOSSIER_EXPORT_MARKDOWN, NULL, path, &error))
    return 3;

  return g_error_matches (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE) ? 0 : 4;
}

static void
test_atomic_write (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "notes.md", NULL);
  g_autoptr(GListModel) all = list_all (fixture);
  g_autofree char *written = NULL, *after_failure = NULL;
  g_auto(GStrv) entries = NULL;
  int status;
  pid_t pid;

  write_file (path, "my earlier export\n");
  g_assert_true (dossier_export_write_file (fixture->library, all, DOSSIER_EXPORT_MARKDOWN,
                                            NULL, path, NULL));
  written = dossier_test_read_file (path);
  g_assert_true (g_str_has_prefix (written, "---\ndossier: "));

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (export_with_tiny_file_limit (path));
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  /* The previous file is whole, and no temporary file was left beside it. */
  after_failure = dossier_test_read_file (path);
  g_assert_cmpstr (after_failure, ==, written);
  entries = folder_entries (fixture->folder);
  g_assert_cmpstrv (entries, ((const char *[]) { "notes.md", NULL }));
}


/* An export that cannot be written — a folder without permission, a full disk — fails
 * with a message and leaves the earlier export as it was, with nothing beside it. */
static void
test_failed_export_keeps_old_file (Fixture       *fixture,
                                   gconstpointer  data)
{
  gboolean disk_full = GPOINTER_TO_INT (data);
  g_autofree char *folder = g_build_filename (fixture->folder, "exports", NULL);
  g_autofree char *path = g_build_filename (folder, "notes.md", NULL);
  g_autofree char *why = NULL, *filler = NULL, *after = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) entries = NULL;

  if (!dossier_test_in_subprocess (disk_full))
    return;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  if (disk_full && !dossier_test_mount_tmpfs (folder, "256k", &why))
    g_error ("%s", why);
  write_file (path, "my earlier export\n");
  if (disk_full)
    filler = dossier_test_fill_disk (folder);
  else
    g_assert_true (dossier_test_drop_file_override () && g_chmod (folder, 0555) == 0);

  all = list_all (fixture);
  g_assert_false (dossier_export_write_file (fixture->library, all, DOSSIER_EXPORT_MARKDOWN,
                                             NULL, path, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
  after = dossier_test_read_file (path);
  g_assert_cmpstr (after, ==, "my earlier export\n");
  entries = folder_entries (folder);
  g_assert_cmpuint (g_strv_length (entries), ==, disk_full ? 2 : 1);
  g_assert_true (g_strv_contains ((const char * const *) entries, "notes.md"));
  g_chmod (folder, 0755);
}

typedef struct
{
  gboolean  finished;
  gboolean  written;
  GError   *error;
} AsyncResult;

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncResult *outcome = user_data;

  outcome->written = dossier_export_write_file_finish (result, &outcome->error);
  outcome->finished = TRUE;
}

static void
write_async (Fixture      *fixture,
             const char   *path,
             GCancellable *cancellable,
             AsyncResult  *outcome)
{
  g_autoptr(GListModel) all = list_all (fixture);

  dossier_export_write_file_async (fixture->library, all, DOSSIER_EXPORT_HTML, "Notes", path,
                                   cancellable, on_written, outcome);
  while (!outcome->finished)
    g_main_context_iteration (NULL, TRUE);
}

/* The window's way: written in a worker thread; cancelled, nothing is written. */
static void
test_async_write (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "notes.html", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncResult cancelled = { 0 }, done = { 0 };
  g_autofree char *html = NULL;

  g_cancellable_cancel (cancellable);
  write_async (fixture, path, cancellable, &cancelled);
  g_assert_false (cancelled.written);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&cancelled.error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  write_async (fixture, path, NULL, &done);
  g_assert_no_error (done.error);
  g_assert_true (done.written);
  html = dossier_test_read_file (path);
  g_assert_nonnull (strstr (html, "<title>Notes</title>"));
  g_assert_nonnull (strstr (html, "<mark class=\"pink\">Russia</mark>"));
}

static void
test_scope_one_article (Fixture       *fixture,
                        gconstpointer  data)
{
  DossierAnnotationFilter one = { RFA, -1, NULL, NULL, FALSE };
  g_autoptr(GListModel) list = dossier_annotations_list (fixture->annotations, &one, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = dossier_export_render (fixture->library, list, DOSSIER_EXPORT_CSV, NULL,
                                                 NULL, &error);
  g_autoptr(GPtrArray) rows = parse_csv (text);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[0], ==,
                   "Opposition group denounces Russia’s assistance to Myanmar’s junta");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/export/markdown-structure", test_markdown_structure);
  ADD ("/export/html-escapes-everything", test_html_escapes_everything);
  ADD ("/export/csv-quotes-and-formulas", test_csv_quotes_and_formulas);
  ADD ("/export/json-is-web-annotation", test_json_is_web_annotation);
  ADD ("/export/json-round-trip-without-duplicates", test_json_round_trip);
  ADD ("/export/json-import-async", test_json_import_async);
  ADD ("/export/bad-import-imports-nothing", test_bad_import_imports_nothing);
  ADD ("/export/atomic-write-keeps-old-file", test_atomic_write);
  g_test_add ("/export/failed-export-keeps-old-file/no-permission", Fixture,
              GINT_TO_POINTER (FALSE), setup, test_failed_export_keeps_old_file, teardown);
  g_test_add ("/export/failed-export-keeps-old-file/disk-full", Fixture,
              GINT_TO_POINTER (TRUE), setup, test_failed_export_keeps_old_file, teardown);
  ADD ("/export/hostile/markdown", test_markdown_hostile);
  ADD ("/export/hostile/markdown-tags-isolated", test_markdown_tags_isolated);
  ADD ("/export/hostile/html", test_html_hostile);
  ADD ("/export/hostile/csv", test_csv_hostile);
  ADD ("/export/hostile/json-round-trip", test_json_hostile_round_trip);
  ADD ("/export/hostile/ten-megabyte-note", test_ten_megabyte_note);
  ADD ("/export/scope-one-article", test_scope_one_article);
  ADD ("/export/async-write-and-cancel", test_async_write);
#undef ADD

  return g_test_run ();
}
