/* test-window-marks.c: what the window marks — a chosen entity's mentions in each column
 * and its count on the library's rows, the entity's details, a highlight and its note
 * through a restart
 *
 * Runs under Xvfb (see tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "dossier-annotation-popover.h"
#include "dossier-article-view.h"
#include "dossier-column.h"
#include "dossier-entity-details.h"
#include "dossier-mention-store.h"
#include "dossier-test-gui.h"
#include "dossier-test-util.h"
#include "dossier-window.h"

#define POLYGRAPH "polygraph-2022-moscow-fuels-myanmar-war-machine"
#define RFA "rfa-2023-nucc-condemns-russia"

/* Two columns; choosing an entity marks each of its mentions in both, at the offsets the
 * library gives, and stepping moves through them. */
static void
test_entity_marked_in_both_columns (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_window (library);
  DossierWorkspace *workspace = dossier_window_get_workspace (window);
  const char *ids[] = { POLYGRAPH, RFA };

  gtk_window_present (GTK_WINDOW (window));
  dossier_test_close_columns (window);
  g_assert_true (dossier_window_open_article (window, POLYGRAPH));
  g_assert_true (dossier_window_open_beside (window, RFA));
  g_assert_cmpuint (dossier_workspace_get_n_columns (workspace), ==, 2);

  dossier_window_choose_entity (window, "Min Aung Hlaing");
  g_assert_nonnull (dossier_window_get_chosen_entity (window));
  dossier_test_wait_idle ();

  for (guint c = 0; c < G_N_ELEMENTS (ids); c++)
    {
      DossierColumn *column = dossier_workspace_find (workspace, ids[c]);
      g_autoptr(GPtrArray) mentions = dossier_library_list_mentions (library, ids[c], NULL);
      guint expected = 0;

      for (guint i = 0; i < mentions->len; i++)
        {
          const DossierMention *mention = g_ptr_array_index (mentions, i);

          if (!g_str_equal (mention->entity, "Min Aung Hlaing"))
            continue;
          expected++;
          g_assert_true (dossier_test_tagged_exactly (dossier_column_get_article_view (column),
                                                      "mention-person", mention->start,
                                                      mention->start + mention->length));
        }
      g_assert_cmpuint (expected, >, 0);
      g_assert_cmpuint (dossier_column_get_n_mentions (column), ==, expected);
    }

  /* next, next, previous: the second, then back to the first; wrapping backwards */
  {
    DossierColumn *column = dossier_workspace_find (workspace, POLYGRAPH);

    dossier_column_move_to_mention (column, 1);
    dossier_column_move_to_mention (column, 1);
    g_assert_cmpint (dossier_column_get_current_mention (column), ==, 1);
    dossier_column_move_to_mention (column, -1);
    dossier_column_move_to_mention (column, -1);
    g_assert_cmpint (dossier_column_get_current_mention (column), ==,
                     (int) dossier_column_get_n_mentions (column) - 1);
  }

  /* Choosing it again clears it everywhere. */
  dossier_window_choose_entity (window, "Min Aung Hlaing");
  g_assert_null (dossier_window_get_chosen_entity (window));
  g_assert_cmpuint (dossier_column_get_n_mentions (dossier_workspace_find (workspace, RFA)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A label of CSS class @css_class reading @text. */
static gboolean
is_badge (GtkWidget  *widget,
          const char *css_class,
          const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class)
         && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The details' lists are counted in the background: they arrive, the longest cut short;
 * details dropped before their counts arrive are no trouble. */
static void
test_entity_details_fill_later (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_window (library);
  g_autoptr(GPtrArray) articles =
    dossier_library_count_entity_articles (library, "Vladimir Putin", NULL);
  g_autoptr(GPtrArray) companions = dossier_library_list_companions (library, "Vladimir Putin",
                                                                     NULL);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  DossierEntity *entity;
  GtkWidget *details, *dropped;

  dossier_window_choose_entity (window, NULL);
  dossier_window_choose_entity (window, "Vladimir Putin");
  entity = dossier_window_get_chosen_entity (window);
  g_assert_nonnull (entity);
  g_assert_cmpuint (articles->len, >, 0);
  g_assert_cmpuint (companions->len, >, 0);

  dropped = g_object_ref_sink (dossier_entity_details_new (library, entity));
  g_object_unref (dropped);
  details = g_object_ref_sink (dossier_entity_details_new (library, entity));
  while (dossier_test_count_buttons (details, "win.choose-entity") == 0
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  while (dossier_test_count_buttons (details, "win.open-beside") == 0
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (dossier_test_count_buttons (details, "win.open-beside"), ==,
                    MIN (articles->len, 25));
  g_assert_cmpuint (dossier_test_count_buttons (details, "win.choose-entity"), ==,
                    MIN (companions->len, 12));
  g_object_unref (details);
  dossier_window_choose_entity (window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Choosing an entity marks, once counted in the background, each library row that names
 * it with how often; clearing the choice takes the marks away. */
static void
test_chosen_entity_marks_rows (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_window (library);
  g_autoptr(GPtrArray) articles =
    dossier_library_count_entity_articles (library, "Sergei Lavrov", NULL);
  g_autofree char *shown = NULL;
  const DossierMentionCount *first;

  g_assert_cmpuint (articles->len, >, 0);
  first = g_ptr_array_index (articles, 0);
  shown = g_strdup_printf ("%u", first->n_mentions);
  dossier_window_choose_entity (window, NULL);
  dossier_window_choose_entity (window, "Sergei Lavrov");
  dossier_test_wait_loaded (window);
  dossier_test_wait_idle ();
  g_assert_cmpuint (dossier_test_count_widgets (GTK_WIDGET (window), is_badge, "mention-badge",
                                                shown, TRUE), >=, 1);

  dossier_window_choose_entity (window, NULL);
  dossier_test_wait_loaded (window);
  dossier_test_wait_idle ();
  g_assert_cmpuint (dossier_test_count_widgets (GTK_WIDGET (window), is_badge, "mention-badge",
                                                shown, TRUE), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Select, highlight, add a note, restart: both are still there. */
static void
test_highlight_and_note_survive_restart (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_window (library);
  DossierWorkspace *workspace = dossier_window_get_workspace (window);
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(DossierAnnotation) annotation = NULL;
  DossierAnnotationFilter filter = DOSSIER_ANNOTATION_FILTER_INIT;
  DossierAnnotationPopover *popover;
  DossierColumn *column;
  GtkTextBuffer *buffer;
  GtkTextIter from, to;

  gtk_window_present (GTK_WINDOW (window));
  dossier_test_close_columns (window);
  dossier_window_open_article (window, RFA);
  column = dossier_workspace_get_focused (workspace);
  buffer = gtk_text_view_get_buffer (dossier_article_view_get_text_view (
                                       dossier_column_get_article_view (column)));

  /* "An advisory group of political parties" opens the RFA article's first paragraph. */
  dossier_article_view_get_iter_at (dossier_column_get_article_view (column), 0, &from);
  dossier_article_view_get_iter_at (dossier_column_get_article_view (column), 16, &to);
  gtk_text_buffer_select_range (buffer, &from, &to);
  gtk_widget_activate_action (GTK_WIDGET (column), "column.highlight-color", "i",
                              (int) DOSSIER_HIGHLIGHT_GREEN);
  g_assert_true (dossier_test_tagged_exactly (dossier_column_get_article_view (column),
                                              "annotation-green", 0, 16));
  /* and the selection goes, so that the colour shows */
  g_assert_false (gtk_text_buffer_get_has_selection (buffer));

  /* A tag used elsewhere is offered for completion. */
  {
    g_autoptr(DossierArticle) other = dossier_library_load_article (library, POLYGRAPH, NULL);
    const char *tags[] = { "sanctions", NULL };
    g_autoptr(DossierAnnotation) tagged =
      dossier_annotations_create (dossier_window_get_annotations (window), other, 0, 5,
                                  DOSSIER_HIGHLIGHT_BLUE, NULL, tags, NULL);

    g_assert_nonnull (tagged);
  }

  gtk_text_buffer_place_cursor (buffer, &from);
  gtk_widget_activate_action (GTK_WIDGET (column), "column.edit-note", NULL);
  popover = DOSSIER_ANNOTATION_POPOVER (dossier_column_get_popover (column));
  g_assert_nonnull (dossier_annotation_popover_get_annotation (popover));
  {
    GtkEntryCompletion *completion =
      gtk_entry_get_completion (dossier_annotation_popover_get_tags_entry (popover));
    GtkTreeModel *tags = gtk_entry_completion_get_model (completion);
    GtkTreeIter iter;
    gboolean offered = FALSE;

    for (gboolean more = gtk_tree_model_get_iter_first (tags, &iter); more;
         more = gtk_tree_model_iter_next (tags, &iter))
      {
        g_autofree char *tag = NULL;

        gtk_tree_model_get (tags, &iter, 0, &tag, -1);
        offered |= g_strcmp0 (tag, "sanctions") == 0;
      }
    g_assert_true (offered);
  }
  /* Tab goes on to the tags: it typed a tab into the note, and the tags with it. */
  g_assert_false (gtk_text_view_get_accepts_tab (dossier_annotation_popover_get_note_view (popover)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (dossier_annotation_popover_get_note_view (popover)),
                            "Who sits on the NUCC?", -1);
  gtk_popover_popdown (GTK_POPOVER (popover));
  dossier_test_wait_idle ();
  gtk_window_close (GTK_WINDOW (window));
  dossier_test_wait_idle ();

  window = dossier_test_new_window (library);
  workspace = dossier_window_get_workspace (window);
  column = dossier_workspace_find (workspace, RFA);
  g_assert_nonnull (column);
  g_assert_true (dossier_test_tagged_exactly (dossier_column_get_article_view (column),
                                              "annotation-green", 0, 16));
  filter.article_id = RFA;
  /* Other tests may have annotated the article too: find ours by its note. */
  filter.text = "Who sits on the NUCC?";
  notes = dossier_annotations_list (dossier_window_get_annotations (window), &filter, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  annotation = g_list_model_get_item (notes, 0);
  g_assert_cmpstr (dossier_annotation_get_note (annotation), ==, "Who sits on the NUCC?");
  g_assert_cmpstr (dossier_annotation_get_quote (annotation), ==, "An advisory grou");
  g_assert_cmpint (dossier_annotation_get_color (annotation), ==, DOSSIER_HIGHLIGHT_GREEN);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether the swatch of @color shows its check. */
static gboolean
swatch_checked (GtkWidget             *popover,
                DossierHighlightColor  color)
{
  g_autofree char *css = g_strdup_printf ("swatch-%s", dossier_highlight_color_to_string (color));
  GtkWidget *swatch = dossier_test_find_child (popover, GTK_TYPE_BUTTON, css);

  g_assert_nonnull (swatch);
  return gtk_widget_has_css_class (swatch, "selected")
         && gtk_widget_get_visible (gtk_button_get_child (GTK_BUTTON (swatch)));
}

/* The chosen colour is marked by a check on its swatch (QA review: the accent border was
 * invisible on blue in dark style), only that one; an empty note shows a placeholder, gone
 * while the note has text. */
static void
test_popover_marks_color_and_note (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  g_autoptr(DossierAnnotations) annotations = dossier_annotations_new (library);
  g_autoptr(DossierArticle) article = dossier_library_load_article (library, RFA, NULL);
  g_autoptr(DossierAnnotation) annotation = NULL;
  GtkWidget *popover = g_object_ref_sink (dossier_annotation_popover_new ());
  GtkTextBuffer *note;
  GtkWidget *placeholder;

  annotation = dossier_annotations_create (annotations, article, 0, 16, DOSSIER_HIGHLIGHT_BLUE,
                                           NULL, NULL, NULL);
  g_assert_nonnull (annotation);
  dossier_annotation_popover_set_session (DOSSIER_ANNOTATION_POPOVER (popover), annotations);
  dossier_annotation_popover_edit (DOSSIER_ANNOTATION_POPOVER (popover), annotation);

  for (DossierHighlightColor color = 0; color < DOSSIER_N_HIGHLIGHT_COLORS; color++)
    g_assert_true (swatch_checked (popover, color) == (color == DOSSIER_HIGHLIGHT_BLUE));

  placeholder = dossier_test_find_child (popover, GTK_TYPE_LABEL, "note-placeholder");
  g_assert_nonnull (placeholder);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (placeholder)), ==, "Write a note");
  g_assert_true (gtk_widget_get_visible (placeholder));
  note = gtk_text_view_get_buffer (
    dossier_annotation_popover_get_note_view (DOSSIER_ANNOTATION_POPOVER (popover)));
  gtk_text_buffer_set_text (note, "Who sits on the NUCC?", -1);
  g_assert_false (gtk_widget_get_visible (placeholder));
  gtk_text_buffer_set_text (note, "", -1);
  g_assert_true (gtk_widget_get_visible (placeholder));

  dossier_annotation_popover_save (DOSSIER_ANNOTATION_POPOVER (popover));
  g_object_unref (popover);
  g_assert_true (dossier_annotations_delete (annotations, dossier_annotation_get_id (annotation),
                                             NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dossier_test_gui_init (&argc, &argv, "window-marks");
  int status;

  g_test_add_func ("/window/entity-marked-in-both-columns", test_entity_marked_in_both_columns);
  g_test_add_func ("/window/highlight-and-note-survive-restart",
                   test_highlight_and_note_survive_restart);
  g_test_add_func ("/window/entity-details-fill-later", test_entity_details_fill_later);
  g_test_add_func ("/window/chosen-entity-marks-rows", test_chosen_entity_marks_rows);
  g_test_add_func ("/window/popover-marks-color-and-note", test_popover_marks_color_and_note);

  status = g_test_run ();
  dossier_test_remove_tree (home);
  return status;
}
