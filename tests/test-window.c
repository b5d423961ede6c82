/* test-window.c: the window reads each article — at the offsets the library gives, at a
 * linked passage, again after a restart with its columns — keeps to four columns, follows
 * the preferences, prints, and opens without a library; its shortcuts window and stylesheet
 * load
 *
 * The timeline's cases are in test-window-timeline.c, the entity's and the highlights'
 * marks in test-window-marks.c, the sidebar's library and search in test-window-sidebar.c.
 *
 * Runs under Xvfb (see tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "dossier-article-view.h"
#include "dossier-column.h"
#include "dossier-entity-details.h"
#include "dossier-preferences.h"
#include "dossier-print.h"
#include "dossier-test-gui.h"
#include "dossier-test-util.h"
#include "dossier-window.h"

/* The article view of the focused column */
static DossierArticleView *
focused_view (DossierWindow *window)
{
  DossierColumn *column = dossier_workspace_get_focused (dossier_window_get_workspace (window));

  g_assert_nonnull (column);
  return dossier_column_get_article_view (column);
}

static char *
buffer_text (DossierWindow *window)
{
  DossierArticleView *view = focused_view (window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_article_view_get_text_view (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Selecting each article shows its title and first paragraph in the reading pane. */
static void
test_reads_each_article (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_window (library);
  GListModel *articles = dossier_window_get_articles (window);

  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 5);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(DossierArticle) summary = g_list_model_get_item (articles, i);
      g_autoptr(DossierArticle) article =
        dossier_library_load_article (library, dossier_article_get_id (summary), NULL);
      DossierBlock *first = g_ptr_array_index (dossier_article_get_blocks (article), 0);
      g_autofree char *text = NULL;

      g_assert_true (dossier_window_open_article (window, dossier_article_get_id (summary)));
      dossier_test_wait_idle ();
      text = buffer_text (window);
      g_assert_true (g_str_has_prefix (text, dossier_article_get_title (article)));
      g_assert_nonnull (strstr (text, dossier_block_get_text (first)));
      g_assert_cmpstr (dossier_article_get_id (dossier_article_view_get_article (focused_view (window))),
                       ==, dossier_article_get_id (summary));
    }

  g_assert_false (dossier_window_open_article (window, "no-such-article"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Offsets into an article's text land on the same characters in the view. */
static void
test_offsets_map_into_view (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_window (library);
  DossierArticleView *view;
  DossierArticle *article;
  GPtrArray *blocks;

  dossier_window_open_article (window, "polygraph-2022-moscow-fuels-myanmar-war-machine");
  dossier_test_wait_idle ();
  view = focused_view (window);
  article = dossier_article_view_get_article (view);
  blocks = dossier_article_get_blocks (article);

  for (guint i = 0; i < blocks->len; i++)
    {
      DossierBlock *block = g_ptr_array_index (blocks, i);
      GtkTextIter start, end;
      g_autofree char *shown = NULL;

      g_assert_true (dossier_article_view_get_iter_at (view, dossier_block_get_start (block),
                                                       &start));
      g_assert_true (dossier_article_view_get_iter_at (view, dossier_block_get_end (block),
                                                       &end));
      shown = gtk_text_iter_get_text (&start, &end);
      g_assert_cmpstr (shown, ==, dossier_block_get_text (block));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window reopens on the article it was closed on. */
static void
test_restores_last_article (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_window (library);
  DossierArticle *article;

  /* Only a realized window can be closed, as a person would close it. */
  gtk_window_present (GTK_WINDOW (window));
  dossier_window_open_article (window, "rfa-2023-nucc-condemns-russia");
  dossier_test_wait_idle ();
  gtk_window_close (GTK_WINDOW (window));
  dossier_test_wait_idle ();

  window = dossier_test_new_window (library);
  dossier_test_wait_idle ();
  article = dossier_article_view_get_article (focused_view (window));
  g_assert_nonnull (article);
  g_assert_cmpstr (dossier_article_get_id (article), ==, "rfa-2023-nucc-condemns-russia");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
iter_is_visible (GtkTextView       *text_view,
                 const GtkTextIter *iter)
{
  GdkRectangle visible, location;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_location (text_view, iter, &location);
  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

/* Scrolling to a passage waits for the text's layout, which can take longer than
 * dossier_test_wait_frames () on a loaded machine or under AddressSanitizer. */
static void
wait_until_visible (GtkTextView       *text_view,
                    const GtkTextIter *iter)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!iter_is_visible (text_view, iter) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

/* A dossier: link's passage is marked and scrolled into view. */
static void
test_open_passage_reveals_it (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_window (library);
  DossierArticleView *view;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkTextTag *reveal;
  GdkRectangle visible, location;
  GtkTextIter start, end;
  g_autofree char *marked = NULL;

  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_frames ();
  g_assert_true (dossier_window_open_passage (window,
                                              "polygraph-2022-moscow-fuels-myanmar-war-machine",
                                              5072, 5100));
  dossier_test_wait_frames ();
  view = focused_view (window);
  text_view = dossier_article_view_get_text_view (view);
  buffer = gtk_text_view_get_buffer (text_view);
  reveal = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "reveal");

  dossier_article_view_get_iter_at (view, 5072, &start);
  end = start;
  g_assert_true (gtk_text_iter_has_tag (&start, reveal));
  g_assert_true (gtk_text_iter_forward_to_tag_toggle (&end, reveal));
  marked = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (marked, ==, "Nikkei Asia reported that ju");

  wait_until_visible (text_view, &start);
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_location (text_view, &start, &location);
  g_test_message ("visible %d+%d, passage at %d; columns %u", visible.y, visible.height, location.y,
                  dossier_workspace_get_n_columns (dossier_window_get_workspace (window)));
  g_assert_cmpint (location.y, >=, visible.y);
  g_assert_cmpint (location.y + location.height, <=, visible.y + visible.height);
  gtk_window_destroy (GTK_WINDOW (window));
}

#define POLYGRAPH "polygraph-2022-moscow-fuels-myanmar-war-machine"
#define RFA "rfa-2023-nucc-condemns-russia"

/* Closing and reopening the window brings back its columns, in order, and the entity. */
static void
test_restart_restores_columns (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_window (library);
  DossierWorkspace *workspace = dossier_window_get_workspace (window);

  gtk_window_present (GTK_WINDOW (window));
  dossier_test_close_columns (window);
  dossier_window_open_article (window, RFA);
  dossier_window_open_beside (window, POLYGRAPH);
  dossier_window_choose_entity (window, "Sergei Lavrov");
  dossier_test_wait_idle ();
  gtk_window_close (GTK_WINDOW (window));
  dossier_test_wait_idle ();

  window = dossier_test_new_window (library);
  workspace = dossier_window_get_workspace (window);
  g_assert_cmpuint (dossier_workspace_get_n_columns (workspace), ==, 2);
  g_assert_cmpstr (dossier_article_get_id (dossier_column_get_article (
                     dossier_workspace_get_column (workspace, 0))), ==, RFA);
  g_assert_cmpstr (dossier_article_get_id (dossier_column_get_article (
                     dossier_workspace_get_column (workspace, 1))), ==, POLYGRAPH);
  g_assert_cmpstr (dossier_entity_get_name (dossier_window_get_chosen_entity (window)), ==,
                   "Sergei Lavrov");
  g_assert_cmpuint (dossier_column_get_n_mentions (dossier_workspace_find (workspace, POLYGRAPH)),
                    >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+W, and at most four columns. */
static void
test_column_limits (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_window (library);
  DossierWorkspace *workspace = dossier_window_get_workspace (window);
  GListModel *articles = dossier_window_get_articles (window);

  dossier_test_close_columns (window);
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);

      g_assert_true (dossier_window_open_beside (window, dossier_article_get_id (article)) == (i < 4));
    }
  g_assert_cmpuint (dossier_workspace_get_n_columns (workspace), ==, DOSSIER_WORKSPACE_MAX_COLUMNS);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-column", NULL);
  g_assert_cmpuint (dossier_workspace_get_n_columns (workspace), ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every template is instantiated at least once; preferences reach the open columns. */
static void
test_preferences_apply (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.dossierapp.Dossier");
  DossierWindow *window = dossier_test_new_window (library);
  GtkWidget *preferences = dossier_preferences_new (GTK_WINDOW (window));
  DossierEntity *entity;
  GtkWidget *details;

  gtk_window_present (GTK_WINDOW (preferences));
  dossier_window_open_article (window, RFA);
  g_settings_set_int (settings, "reading-width", 900);
  g_settings_set_string (settings, "timeline-placement", "right");
  dossier_test_wait_idle ();

  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (gtk_widget_get_parent (
                     GTK_WIDGET (dossier_window_get_workspace (window))))), ==,
                   GTK_ORIENTATION_HORIZONTAL);
  /* Two columns beside the timeline at a laptop's width: the columns get at least their
   * minimum (the paned squeezed them under the sidebar); the layout folds instead. */
  {
    GtkWidget *workspace = GTK_WIDGET (dossier_window_get_workspace (window));
    graphene_rect_t bounds;
    int minimum;

    gtk_window_unmaximize (GTK_WINDOW (window));
    gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
    g_assert_true (dossier_window_open_article (window, POLYGRAPH));
    g_assert_true (dossier_window_open_beside (window, RFA));
    dossier_test_wait_frames ();
    gtk_widget_measure (workspace, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_true (gtk_widget_compute_bounds (workspace, gtk_widget_get_parent (workspace),
                                              &bounds));
    g_test_message ("window %d, workspace at %.0f, %.0f wide, minimum %d",
                    gtk_widget_get_width (GTK_WIDGET (window)), bounds.origin.x,
                    bounds.size.width, minimum);
    g_assert_cmpfloat (bounds.origin.x, >=, 0);
    g_assert_cmpint (gtk_widget_get_width (workspace), >=, minimum);
  }
  dossier_window_choose_entity (window, "Vladimir Putin");
  entity = dossier_window_get_chosen_entity (window);
  details = dossier_entity_details_new (library, entity);
  g_assert_nonnull (details);
  g_object_ref_sink (details);
  g_object_unref (details);

  g_settings_reset (settings, "reading-width");
  g_settings_reset (settings, "timeline-placement");
  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_library_error_shown (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_ACCES,
                                                 "test: permission denied");
  DossierWindow *window = dossier_window_new (NULL, NULL, error);

  g_assert_null (dossier_window_get_articles (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Printing to a file makes a PDF of the article with its notes. */
static void
test_print_to_pdf (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "article.pdf", NULL);
  g_autoptr(DossierPrint) print = NULL;
  g_autoptr(DossierArticle) article = dossier_library_load_article (library, POLYGRAPH, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  print = dossier_print_new (article, NULL);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (print), pdf);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (print),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpint (gtk_print_operation_get_n_pages_to_print (GTK_PRINT_OPERATION (print)), >=, 2);
  dossier_test_remove_tree (dir);
}

static void
on_css_error (GtkCssProvider *provider,
              GtkCssSection  *section,
              const GError   *error,
              gpointer        user_data)
{
  g_autofree char *where = gtk_css_section_to_string (section);

  g_error ("style.css: %s: %s", where, error->message);
}

/* A slip in the stylesheet only shows as a warning at run time; here it fails. */
static void
test_stylesheet_parses (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  g_signal_connect (provider, "parsing-error", G_CALLBACK (on_css_error), NULL);
  gtk_css_provider_load_from_resource (provider, "/io/github/dossierapp/Dossier/style.css");
}

static void
test_help_overlay_builds (void)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/dossierapp/Dossier/gtk/help-overlay.ui");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dossier_test_gui_init (&argc, &argv, "window-test");
  int status;

  g_test_add_func ("/window/reads-each-article", test_reads_each_article);
  g_test_add_func ("/window/offsets-map-into-view", test_offsets_map_into_view);
  g_test_add_func ("/window/restores-last-article", test_restores_last_article);
  g_test_add_func ("/window/open-passage-reveals-it", test_open_passage_reveals_it);
  g_test_add_func ("/window/restart-restores-columns", test_restart_restores_columns);
  g_test_add_func ("/window/column-limits", test_column_limits);
  g_test_add_func ("/window/preferences-apply", test_preferences_apply);
  g_test_add_func ("/window/print-to-pdf", test_print_to_pdf);
  g_test_add_func ("/window/library-error-shown", test_library_error_shown);
  g_test_add_func ("/window/help-overlay-builds", test_help_overlay_builds);
  g_test_add_func ("/window/stylesheet-parses", test_stylesheet_parses);

  status = g_test_run ();
  dossier_test_remove_tree (home);
  return status;
}
