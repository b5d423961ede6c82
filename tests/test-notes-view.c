/* test-notes-view.c: the notes view groups, filters and follows the notes; the export
 * dialog writes each format
 *
 * Runs under Xvfb (see tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "dossier-article-store.h"
#include "dossier-export-dialog.h"
#include "dossier-list-header.h"
#include "dossier-notes-view.h"
#include "dossier-test-gui.h"
#include "dossier-test-util.h"

#define POLYGRAPH "polygraph-2022-moscow-fuels-myanmar-war-machine"
#define RFA "rfa-2023-nucc-condemns-russia"

typedef struct
{
  char               *dir;
  DossierLibrary     *library;
  DossierAnnotations *annotations;
  GtkWindow          *window;
  DossierNotesView   *view;
  GVariant           *opened;      /* the last win.open-passage target */
} Fixture;

static void
wait_idle (void)
{
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
open_passage (GSimpleAction *action,
              GVariant      *target,
              gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_clear_pointer (&fixture->opened, g_variant_unref);
  fixture->opened = g_variant_ref (target);
}

/* Each test has its own user database, so notes from one never show in another. */
static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  const GActionEntry entries[] = { { "open-passage", open_passage, "(suu)", NULL, NULL } };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autofree char *user_path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = dossier_test_make_tmpdir ();
  user_path = g_build_filename (fixture->dir, "user.db", NULL);
  fixture->library = dossier_library_open (user_path, dossier_library_get_default_bundled_path (),
                                           &error);
  g_assert_no_error (error);
  fixture->annotations = dossier_annotations_new (fixture->library);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 1000);
  fixture->view = DOSSIER_NOTES_VIEW (dossier_notes_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, 1, fixture);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));
  gtk_window_present (fixture->window);
  wait_idle ();
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  wait_idle ();
  g_clear_pointer (&fixture->opened, g_variant_unref);
  g_clear_object (&fixture->annotations);
  g_clear_object (&fixture->library);
  dossier_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static DossierArticle *
load (Fixture    *fixture,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  DossierArticle *article = dossier_library_load_article (fixture->library, id, &error);

  g_assert_no_error (error);
  return article;
}

/* A highlight over the @n-th block's first characters. */
static DossierAnnotation *
highlight (Fixture               *fixture,
           const char            *article_id,
           guint                  n,
           DossierHighlightColor  color,
           const char            *note,
           const char * const    *tags)
{
  g_autoptr(DossierArticle) article = load (fixture, article_id);
  DossierBlock *block = g_ptr_array_index (dossier_article_get_blocks (article), n);
  guint start = dossier_block_get_start (block);
  g_autoptr(GError) error = NULL;
  DossierAnnotation *annotation;

  annotation = dossier_annotations_create (fixture->annotations, article, start,
                                           MIN (start + 40, dossier_block_get_end (block)),
                                           color, note, tags, &error);
  g_assert_no_error (error);
  return annotation;
}

typedef struct
{
  DossierAnnotation *visit, *russia, *nucc;
} Notes;

static void
notes_clear (Notes *notes)
{
  g_clear_object (&notes->visit);
  g_clear_object (&notes->russia);
  g_clear_object (&notes->nucc);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Notes, notes_clear)

/* Three notes on two articles: two yellow, one blue; two tagged "russia". */
static void
add_notes (Fixture *fixture,
           Notes   *notes)
{
  const char *visit_tags[] = { "visits", "russia", NULL };
  const char *russia_tags[] = { "russia", NULL };
  const char *nucc_tags[] = { "nucc", NULL };

  notes->visit = highlight (fixture, POLYGRAPH, 1, DOSSIER_HIGHLIGHT_YELLOW, "Lavrov in Naypyidaw",
                            visit_tags);
  notes->russia = highlight (fixture, POLYGRAPH, 3, DOSSIER_HIGHLIGHT_BLUE, "", russia_tags);
  notes->nucc = highlight (fixture, RFA, 1, DOSSIER_HIGHLIGHT_YELLOW, "The NUCC statement",
                           nucc_tags);
}

static char *
title_of (Fixture    *fixture,
          const char *article_id)
{
  g_autoptr(DossierArticle) article = load (fixture, article_id);

  return g_strdup (dossier_article_get_title (article));
}

/* Every note sits under its own article's heading, each heading once. */
static void
assert_grouped (Fixture *fixture)
{
  GListModel *items = dossier_notes_view_get_items (fixture->view);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *heading = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_autofree char *title = NULL;

      if (DOSSIER_IS_LIST_HEADER (item))
        {
          heading = dossier_list_header_get_title (DOSSIER_LIST_HEADER (item));
          g_assert_false (g_hash_table_contains (seen, heading));
          g_hash_table_add (seen, g_strdup (heading));
          continue;
        }
      g_assert_nonnull (heading);
      if (dossier_annotation_get_anchor (DOSSIER_ANNOTATION (item)) == DOSSIER_ANCHOR_ORPHAN)
        title = g_strdup ("Needs attention");
      else
        title = title_of (fixture, dossier_annotation_get_article_id (DOSSIER_ANNOTATION (item)));
      g_assert_cmpstr (heading, ==, title);
    }
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

static GPtrArray *
find_widgets (Fixture *fixture,
              GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  wait_idle ();
  collect_widgets (GTK_WIDGET (fixture->view), type, found);
  return found;
}

/* Whether a label on screen reads @text. */
static gboolean
shows_text (Fixture    *fixture,
            const char *text)
{
  g_autoptr(GPtrArray) labels = find_widgets (fixture, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_label (g_ptr_array_index (labels, i)), text))
      return TRUE;
  return FALSE;
}

static gboolean
shows_quote (Fixture           *fixture,
             DossierAnnotation *annotation)
{
  return shows_text (fixture, dossier_annotation_get_quote (annotation));
}

static const char *
visible_page (Fixture *fixture)
{
  g_autoptr(GPtrArray) stacks = find_widgets (fixture, GTK_TYPE_STACK);

  /* The view's own stack, not one inside a child widget */
  for (guint i = 0; i < stacks->len; i++)
    if (gtk_widget_get_parent (g_ptr_array_index (stacks, i)) == GTK_WIDGET (fixture->view))
      return gtk_stack_get_visible_child_name (g_ptr_array_index (stacks, i));
  g_assert_not_reached ();
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(Notes) notes = { 0 };

  dossier_notes_view_set_annotations (fixture->view, fixture->annotations);
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  g_assert_true (shows_text (fixture, "No Notes Yet"));

  add_notes (fixture, &notes);
  g_assert_cmpstr (visible_page (fixture), ==, "list");
  dossier_notes_view_set_text_filter (fixture->view, "nothing has this text");
  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), ==, 0);
  g_assert_cmpstr (visible_page (fixture), ==, "no-match");
}

/* Each note under its article, showing its quote, note and tags. */
static void
test_grouped_by_article (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(Notes) notes = { 0 };
  GListModel *items = dossier_notes_view_get_items (fixture->view);

  add_notes (fixture, &notes);
  dossier_notes_view_set_annotations (fixture->view, fixture->annotations);

  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 5);
  assert_grouped (fixture);
  g_assert_true (shows_quote (fixture, notes.visit));
  g_assert_true (shows_quote (fixture, notes.nucc));
  g_assert_true (shows_text (fixture, "Lavrov in Naypyidaw"));
  g_assert_true (shows_text (fixture, "#visits  #russia"));
  g_assert_true (shows_text (fixture, "#nucc"));
}

/* As a click would: toggles it. */
static void
click (GtkToggleButton *button)
{
  g_signal_emit_by_name (button, "clicked");
}

static GtkToggleButton *
color_button (Fixture               *fixture,
              DossierHighlightColor  color)
{
  g_autoptr(GPtrArray) buttons = find_widgets (fixture, GTK_TYPE_TOGGLE_BUTTON);

  /* The five colour buttons come first, in the order of the colours. */
  g_assert_cmpuint (buttons->len, >=, DOSSIER_N_HIGHLIGHT_COLORS);
  return g_ptr_array_index (buttons, color);
}

/* Clicking a colour shows only that colour; clicking it again shows all. */
static void
test_color_filter (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Notes) notes = { 0 };

  add_notes (fixture, &notes);
  dossier_notes_view_set_annotations (fixture->view, fixture->annotations);

  click (color_button (fixture, DOSSIER_HIGHLIGHT_YELLOW));
  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), ==, 2);
  g_assert_false (shows_quote (fixture, notes.russia));
  assert_grouped (fixture);

  click (color_button (fixture, DOSSIER_HIGHLIGHT_BLUE));
  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), ==, 1);
  g_assert_false (gtk_toggle_button_get_active (color_button (fixture, DOSSIER_HIGHLIGHT_YELLOW)));
  g_assert_true (shows_quote (fixture, notes.russia));
  g_assert_cmpint (dossier_notes_view_get_filter (fixture->view)->color, ==,
                   DOSSIER_HIGHLIGHT_BLUE);

  click (color_button (fixture, DOSSIER_HIGHLIGHT_BLUE));
  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), ==, 3);

  click (color_button (fixture, DOSSIER_HIGHLIGHT_PURPLE));
  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), ==, 0);
  g_assert_cmpstr (visible_page (fixture), ==, "no-match");
}

static GtkDropDown *
tag_dropdown (Fixture *fixture)
{
  g_autoptr(GPtrArray) dropdowns = find_widgets (fixture, GTK_TYPE_DROP_DOWN);

  g_assert_cmpuint (dropdowns->len, ==, 1);
  return g_ptr_array_index (dropdowns, 0);
}

static guint
tag_position (GtkDropDown *dropdown,
              const char  *tag)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), tag))
      return i;
  g_assert_not_reached ();
}

/* The drop-down lists "All tags" and then the tags in use, which follow the notes. */
static void
test_tag_filter (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Notes) notes = { 0 };
  const char *new_tags[] = { "fresh", NULL };
  g_autoptr(DossierAnnotation) fresh = NULL;
  GtkDropDown *dropdown;

  add_notes (fixture, &notes);
  dossier_notes_view_set_annotations (fixture->view, fixture->annotations);
  dropdown = tag_dropdown (fixture);
  g_assert_cmpuint (tag_position (dropdown, "All tags"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 4);

  gtk_drop_down_set_selected (dropdown, tag_position (dropdown, "russia"));
  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), ==, 2);
  g_assert_false (shows_quote (fixture, notes.nucc));
  g_assert_cmpstr (dossier_notes_view_get_filter (fixture->view)->tag, ==, "russia");

  click (color_button (fixture, DOSSIER_HIGHLIGHT_YELLOW));
  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), ==, 1);
  click (color_button (fixture, DOSSIER_HIGHLIGHT_YELLOW));

  fresh = highlight (fixture, RFA, 2, DOSSIER_HIGHLIGHT_GREEN, NULL, new_tags);
  g_assert_cmpuint (tag_position (dropdown, "fresh"), >, 0);
  g_assert_cmpstr (dossier_notes_view_get_filter (fixture->view)->tag, ==, "russia");
  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), ==, 2);

  gtk_drop_down_set_selected (dropdown, 0);
  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), ==, 4);
  g_assert_null (dossier_notes_view_get_filter (fixture->view)->tag);
}

/* The sidebar's filter text matches the quote or the note, ignoring case. */
static void
test_text_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  g_auto(Notes) notes = { 0 };
  g_autofree char *word = NULL;

  add_notes (fixture, &notes);
  dossier_notes_view_set_annotations (fixture->view, fixture->annotations);

  dossier_notes_view_set_text_filter (fixture->view, "nucc STATEMENT");
  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), ==, 1);
  g_assert_true (shows_quote (fixture, notes.nucc));

  word = g_strndup (dossier_annotation_get_quote (notes.russia), 20);
  dossier_notes_view_set_text_filter (fixture->view, word);
  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), >=, 1);
  g_assert_true (shows_quote (fixture, notes.russia));
  g_assert_false (shows_quote (fixture, notes.nucc));

  dossier_notes_view_set_text_filter (fixture->view, "");
  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), ==, 3);
  g_assert_null (dossier_notes_view_get_filter (fixture->view)->text);
}

static void
count_call (guint *count)
{
  (*count)++;
}

/* Changes made through the session show without anyone asking the view. */
static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Notes) notes = { 0 };
  g_autoptr(DossierAnnotation) added = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  add_notes (fixture, &notes);
  dossier_notes_view_set_annotations (fixture->view, fixture->annotations);
  g_signal_connect_swapped (fixture->view, "notify::n-shown", G_CALLBACK (count_call), &notified);

  added = highlight (fixture, RFA, 3, DOSSIER_HIGHLIGHT_PINK, "Added later", NULL);
  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), ==, 4);
  g_assert_true (shows_text (fixture, "Added later"));
  g_assert_cmpuint (notified, ==, 1);
  assert_grouped (fixture);

  g_assert_true (dossier_annotations_delete (fixture->annotations,
                                             dossier_annotation_get_id (notes.visit), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), ==, 3);
  g_assert_false (shows_quote (fixture, notes.visit));

  g_assert_true (dossier_annotations_update (fixture->annotations,
                                             dossier_annotation_get_id (notes.nucc),
                                             DOSSIER_HIGHLIGHT_YELLOW, "Rewritten", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (shows_text (fixture, "Rewritten"));
  g_assert_false (shows_text (fixture, "The NUCC statement"));

  g_assert_true (dossier_annotations_undo (fixture->annotations, &error));
  g_assert_true (dossier_annotations_undo (fixture->annotations, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), ==, 4);
  g_assert_true (shows_quote (fixture, notes.visit));
  assert_grouped (fixture);
}

static guint
position_of (Fixture           *fixture,
             DossierAnnotation *annotation)
{
  GListModel *items = dossier_notes_view_get_items (fixture->view);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (DOSSIER_IS_ANNOTATION (item)
          && g_str_equal (dossier_annotation_get_id (DOSSIER_ANNOTATION (item)),
                          dossier_annotation_get_id (annotation)))
        return i;
    }
  g_assert_not_reached ();
}

static void
activate_row (Fixture *fixture,
              guint    position)
{
  g_autoptr(GPtrArray) lists = find_widgets (fixture, GTK_TYPE_LIST_VIEW);

  g_assert_cmpuint (lists->len, ==, 1);
  g_signal_emit_by_name (g_ptr_array_index (lists, 0), "activate", position);
}

/* Activating a note opens its passage through the window's action. */
static void
test_activate_opens_passage (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(Notes) notes = { 0 };
  const char *article_id;
  guint32 start, end;

  add_notes (fixture, &notes);
  dossier_notes_view_set_annotations (fixture->view, fixture->annotations);

  activate_row (fixture, position_of (fixture, notes.nucc));
  g_assert_nonnull (fixture->opened);
  g_variant_get (fixture->opened, "(&suu)", &article_id, &start, &end);
  g_assert_cmpstr (article_id, ==, RFA);
  g_assert_cmpuint (start, ==, dossier_annotation_get_start (notes.nucc));
  g_assert_cmpuint (end, ==, dossier_annotation_get_end (notes.nucc));
}

/* A note whose article is gone is listed last, under "Needs attention", with its quote;
 * it cannot be opened. */
static void
test_orphan_needs_attention (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(Notes) notes = { 0 };
  GListModel *items = dossier_notes_view_get_items (fixture->view);
  g_autoptr(GObject) heading = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  add_notes (fixture, &notes);
  dossier_notes_view_set_annotations (fixture->view, fixture->annotations);
  g_assert_false (shows_text (fixture, "Needs attention"));

  g_assert_true (dossier_article_store_delete (dossier_library_get_database (fixture->library),
                                               RFA, &error));
  g_assert_true (dossier_annotations_anchor_all (fixture->annotations, &error));
  g_assert_no_error (error);

  n = g_list_model_get_n_items (items);
  g_assert_cmpuint (dossier_notes_view_get_n_shown (fixture->view), ==, 3);
  g_assert_cmpuint (position_of (fixture, notes.nucc), ==, n - 1);
  heading = g_list_model_get_item (items, n - 2);
  g_assert_true (DOSSIER_IS_LIST_HEADER (heading));
  g_assert_cmpstr (dossier_list_header_get_title (DOSSIER_LIST_HEADER (heading)), ==,
                   "Needs attention");
  g_assert_true (shows_quote (fixture, notes.nucc));
  g_assert_true (shows_text (fixture, "Passage not found"));
  assert_grouped (fixture);

  activate_row (fixture, n - 1);
  g_assert_null (fixture->opened);
}

typedef struct
{
  char   *path;
  GError *error;
  gboolean done;
} Outcome;

static void
on_exported (DossierExportDialog *dialog,
             const char          *path,
             Outcome             *outcome)
{
  outcome->path = g_strdup (path);
  outcome->done = TRUE;
}

static void
on_failed (DossierExportDialog *dialog,
           const GError        *error,
           Outcome             *outcome)
{
  outcome->error = g_error_copy (error);
  outcome->done = TRUE;
}

/* Exports through the dialog as "Export…" does once a file is chosen. */
static gboolean
export (Fixture                       *fixture,
        DossierExportFormat            format,
        DossierExportScope             scope,
        const DossierAnnotationFilter *shown,
        const char                    *path,
        GError                       **error)
{
  g_autoptr(DossierExportDialog) dialog = NULL;
  Outcome outcome = { 0 };

  dialog = g_object_ref_sink (dossier_export_dialog_new (fixture->window, fixture->annotations,
                                                         POLYGRAPH, shown));
  gtk_window_present (GTK_WINDOW (dialog));
  dossier_export_dialog_set_format (dialog, format);
  g_assert_true (dossier_export_dialog_set_scope (dialog, scope));
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &outcome);
  g_signal_connect (dialog, "failed", G_CALLBACK (on_failed), &outcome);

  dossier_export_dialog_export_to (dialog, path);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  if (outcome.error != NULL)
    {
      g_propagate_error (error, outcome.error);
      return FALSE;
    }
  g_assert_cmpstr (outcome.path, ==, path);
  g_free (outcome.path);
  return TRUE;
}

static char *
export_text (Fixture                       *fixture,
             DossierExportFormat            format,
             DossierExportScope             scope,
             const DossierAnnotationFilter *shown)
{
  const char *extension = dossier_export_format_get_extension (format);
  g_autofree char *name = g_strdup_printf ("notes.%s", extension);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (export (fixture, format, scope, shown, path, &error));
  g_assert_no_error (error);
  return dossier_test_read_file (path);
}

static guint
count_json_items (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *page;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "AnnotationCollection");
  page = json_object_get_object_member (root, "first");
  return json_array_get_length (json_object_get_array_member (page, "items"));
}

/* Each format is written and reads back with the notes in it. */
static void
test_export_each_format (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(Notes) notes = { 0 };
  g_autofree char *markdown = NULL, *html = NULL, *json = NULL, *csv = NULL;
  g_auto(GStrv) rows = NULL;

  add_notes (fixture, &notes);

  markdown = export_text (fixture, DOSSIER_EXPORT_MARKDOWN, DOSSIER_EXPORT_SCOPE_ALL, NULL);
  g_assert_nonnull (strstr (markdown, dossier_annotation_get_quote (notes.visit)));
  g_assert_nonnull (strstr (markdown, "Lavrov in Naypyidaw"));

  html = export_text (fixture, DOSSIER_EXPORT_HTML, DOSSIER_EXPORT_SCOPE_ALL, NULL);
  g_assert_nonnull (strstr (html, "<html"));
  g_assert_nonnull (strstr (html, "The NUCC statement"));

  json = export_text (fixture, DOSSIER_EXPORT_JSON, DOSSIER_EXPORT_SCOPE_ALL, NULL);
  g_assert_cmpuint (count_json_items (json), ==, 3);

  csv = export_text (fixture, DOSSIER_EXPORT_CSV, DOSSIER_EXPORT_SCOPE_ALL, NULL);
  g_assert_true (g_str_has_prefix (csv,
                                   "article,date,quote,note,colour,tags,created,modified\r\n"));
  rows = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, 1 + 3 + 1);
}

/* "Notes of the current article" and "the notes shown" export only those. */
static void
test_export_scopes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Notes) notes = { 0 };
  g_autofree char *article = NULL, *shown = NULL;

  add_notes (fixture, &notes);
  dossier_notes_view_set_annotations (fixture->view, fixture->annotations);
  dossier_notes_view_set_color_filter (fixture->view, DOSSIER_HIGHLIGHT_YELLOW);

  article = export_text (fixture, DOSSIER_EXPORT_MARKDOWN, DOSSIER_EXPORT_SCOPE_ARTICLE, NULL);
  g_assert_nonnull (strstr (article, dossier_annotation_get_quote (notes.visit)));
  g_assert_null (strstr (article, dossier_annotation_get_quote (notes.nucc)));

  shown = export_text (fixture, DOSSIER_EXPORT_JSON, DOSSIER_EXPORT_SCOPE_SHOWN,
                       dossier_notes_view_get_filter (fixture->view));
  g_assert_cmpuint (count_json_items (shown), ==, 2);
}

/* A file that cannot be written is reported, and nothing is left behind. */
static void
test_export_failure_reported (Fixture       *fixture,
                              gconstpointer  data)
{
  g_auto(Notes) notes = { 0 };
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "notes.md", NULL);
  g_autoptr(GError) error = NULL;

  add_notes (fixture, &notes);
  g_assert_false (export (fixture, DOSSIER_EXPORT_MARKDOWN, DOSSIER_EXPORT_SCOPE_ALL, NULL,
                          path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static GtkWidget *
export_button (DossierExportDialog *dialog)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  gtk_window_present (GTK_WINDOW (dialog));
  wait_idle ();
  collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "Export…") == 0)
      return g_ptr_array_index (buttons, i);
  g_assert_not_reached ();
}

/* The dialog offers only the scopes it was given, names the file after them, and does
 * not offer to export nothing. */
static void
test_export_dialog_scopes_offered (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(DossierExportDialog) plain = NULL, article = NULL;
  g_autofree char *name = NULL;
  g_auto(Notes) notes = { 0 };

  plain = g_object_ref_sink (dossier_export_dialog_new (fixture->window, fixture->annotations,
                                                        NULL, NULL));
  g_assert_false (dossier_export_dialog_set_scope (plain, DOSSIER_EXPORT_SCOPE_ARTICLE));
  g_assert_false (dossier_export_dialog_set_scope (plain, DOSSIER_EXPORT_SCOPE_SHOWN));
  g_assert_cmpint (dossier_export_dialog_get_scope (plain), ==, DOSSIER_EXPORT_SCOPE_ALL);
  dossier_export_dialog_set_format (plain, DOSSIER_EXPORT_CSV);
  name = dossier_export_dialog_dup_suggested_name (plain);
  g_assert_cmpstr (name, ==, "dossier-notes.csv");
  g_clear_pointer (&name, g_free);

  article = g_object_ref_sink (dossier_export_dialog_new (fixture->window, fixture->annotations,
                                                          RFA, NULL));
  g_assert_true (dossier_export_dialog_set_scope (article, DOSSIER_EXPORT_SCOPE_ARTICLE));
  name = dossier_export_dialog_dup_suggested_name (article);
  g_assert_cmpstr (name, ==, RFA "-notes.md");
  g_assert_false (gtk_widget_get_sensitive (export_button (article)));

  notes.nucc = highlight (fixture, RFA, 1, DOSSIER_HIGHLIGHT_YELLOW, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (article));
  g_clear_object (&article);
  article = g_object_ref_sink (dossier_export_dialog_new (fixture->window, fixture->annotations,
                                                          RFA, NULL));
  g_assert_true (gtk_widget_get_sensitive (export_button (article)));

  gtk_window_destroy (GTK_WINDOW (plain));
  gtk_window_destroy (GTK_WINDOW (article));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dossier_test_gui_init (&argc, &argv, "notes-view-test");
  int status;

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/notes-view/empty-state", test_empty_state);
  ADD ("/notes-view/grouped-by-article", test_grouped_by_article);
  ADD ("/notes-view/color-filter", test_color_filter);
  ADD ("/notes-view/tag-filter", test_tag_filter);
  ADD ("/notes-view/text-filter", test_text_filter);
  ADD ("/notes-view/follows-changes", test_follows_changes);
  ADD ("/notes-view/activate-opens-passage", test_activate_opens_passage);
  ADD ("/notes-view/orphan-needs-attention", test_orphan_needs_attention);
  ADD ("/export-dialog/each-format", test_export_each_format);
  ADD ("/export-dialog/scopes", test_export_scopes);
  ADD ("/export-dialog/failure-reported", test_export_failure_reported);
  ADD ("/export-dialog/scopes-offered", test_export_dialog_scopes_offered);
#undef ADD

  status = g_test_run ();
  dossier_test_remove_tree (home);
  return status;
}
