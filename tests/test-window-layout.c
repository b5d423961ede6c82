/* test-window-layout.c: how many columns fit a window before the layout folds, and what
 * narrow columns still show
 *
 * Runs under Xvfb (see tests/meson.build), with the application's stylesheet, which the
 * sizes depend on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <string.h>

#include "dossier-article.h"
#include "dossier-column.h"
#include "dossier-test-gui.h"
#include "dossier-test-util.h"
#include "dossier-window.h"
#include "dossier-workspace.h"

/* Lets the window lay itself out: idle callbacks and a few frames. */
static void
wait_laid_out (void)
{
  for (guint i = 0; i < 40; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
}

static DossierWindow *
new_window (int width,
            int height)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_window_new (NULL, library, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  DOSSIER_TEST_WAIT_WHILE (dossier_window_is_loading (window));
  return window;
}

/* Four columns, with an entity chosen, beside the library in a 1,200-pixel window: the
 * layout folded there (QA review), the columns asking 280 pixels and the hidden import
 * bar's label and progress bar about 450. */
static void
test_four_columns_fit (void)
{
  DossierWindow *window = new_window (1200, 800);
  GListModel *articles = dossier_window_get_articles (window);

  g_assert_cmpuint (g_list_model_get_n_items (articles), >=, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);

      g_assert_true (dossier_window_open_beside (window, dossier_article_get_id (article)));
    }
  dossier_window_choose_entity (window, "Min Aung Hlaing");
  wait_laid_out ();

  g_assert_cmpuint (dossier_workspace_get_n_columns (dossier_window_get_workspace (window)),
                    ==, 4);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1200);
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (dossier_test_find_child (
    GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL))));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The heights of the articles and of the timeline below them, after a first start in a
 * window @width × @height. */
static void
first_split (int  width,
             int  height,
             int *articles,
             int *timeline)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.dossierapp.Dossier");
  DossierWindow *window;
  GtkWidget *workspace, *pane;

  g_settings_set_int (settings, "timeline-position", 0);
  g_settings_set_boolean (settings, "timeline-visible", TRUE);
  g_settings_set_string (settings, "timeline-placement", "bottom");
  window = new_window (width, height);
  wait_laid_out ();
  workspace = GTK_WIDGET (dossier_window_get_workspace (window));
  g_assert_true (GTK_IS_PANED (gtk_widget_get_parent (workspace)));
  pane = gtk_paned_get_end_child (GTK_PANED (gtk_widget_get_parent (workspace)));
  g_assert_true (gtk_widget_get_mapped (pane));
  *articles = gtk_widget_get_height (workspace);
  *timeline = gtk_widget_get_height (pane);
  g_test_message ("%d x %d: articles %d px, timeline %d px", width, height, *articles, *timeline);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first divider is placed from the window's real size: from the saved one, a large
 * window gave the timeline half its height; a small one leaves the timeline its minimum
 * (QA: at 800 × 600 the articles got 230 pixels). */
static void
test_first_divider_fits_window (void)
{
  int articles, timeline;

  first_split (800, 600, &articles, &timeline);
  g_assert_cmpint (timeline, <=, 210);
  first_split (1400, 1000, &articles, &timeline);
  g_assert_cmpint (articles, >=, timeline * 7 / 5);
  g_assert_cmpint (timeline, >=, 300);
}

/* A window @width pixels wide with the first @n_columns articles open and an entity chosen. */
static DossierWindow *
new_window_with_columns (int   width,
                         guint n_columns)
{
  DossierWindow *window = new_window (width, 900);
  DossierWorkspace *workspace = dossier_window_get_workspace (window);
  GListModel *articles = dossier_window_get_articles (window);

  dossier_test_close_columns (window);
  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);

      g_assert_true (dossier_window_open_beside (window, dossier_article_get_id (article)));
    }
  dossier_window_choose_entity (window, "Min Aung Hlaing");
  DOSSIER_TEST_WAIT_WHILE (dossier_window_is_loading (window));
  wait_laid_out ();
  g_assert_cmpuint (dossier_workspace_get_n_columns (workspace), ==, n_columns);
  return window;
}

static GtkLabel *
label_of (GtkWidget  *widget,
          const char *css_class)
{
  GtkWidget *label = dossier_test_find_child (widget, GTK_TYPE_LABEL, css_class);

  g_assert_nonnull (label);
  return GTK_LABEL (label);
}

static gboolean
ellipsized (GtkLabel *label)
{
  return pango_layout_is_ellipsized (gtk_label_get_layout (label));
}

/* Each column's header with four columns at 1,400 pixels or three at 1,100: the mention
 * count in short, whole ("2", its long form in the tooltip), and the title a readable
 * beginning. They showed "2 m…" and "Ru…" (QA). */
static void
check_narrow_headers (int   width,
                      guint n_columns)
{
  DossierWindow *window = new_window_with_columns (width, n_columns);
  DossierWorkspace *workspace = dossier_window_get_workspace (window);

  for (guint i = 0; i < n_columns; i++)
    {
      GtkWidget *column = GTK_WIDGET (dossier_workspace_get_column (workspace, i));
      GtkLabel *count = label_of (column, "mention-count");
      GtkLabel *title = label_of (column, "heading");
      g_autofree char *number = g_strdup_printf ("%u", dossier_column_get_n_mentions (
                                                         DOSSIER_COLUMN (column)));

      g_test_message ("column %u: %d px, title %d px, count '%s'", i,
                      gtk_widget_get_width (column), gtk_widget_get_width (GTK_WIDGET (title)),
                      gtk_label_get_text (count));
      g_assert_cmpstr (gtk_label_get_text (count), ==, number);
      g_assert_false (ellipsized (count));
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (count)), "mention"));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (title)), >=, 80);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_narrow_headers_readable (void)
{
  check_narrow_headers (1400, 4);
  check_narrow_headers (1100, 3);
}

/* The find bar of a narrow column keeps "No results" whole, under an entry of a usable
 * width: beside it, both were squeezed to "…" and two characters (QA). A wide column
 * keeps the long forms, the count beside the entry. */
static void
test_narrow_find_bar_readable (void)
{
  DossierWindow *window = new_window_with_columns (1400, 4);
  DossierColumn *column = dossier_workspace_get_focused (dossier_window_get_workspace (window));
  GtkWidget *bar = dossier_test_find_child (GTK_WIDGET (column), GTK_TYPE_SEARCH_BAR, NULL);
  GtkWidget *entry = dossier_test_find_child (bar, GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkLabel *count = label_of (bar, "caption");
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_activate_action (GTK_WIDGET (column), "column.find", NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzyzx");
  while (g_strcmp0 (gtk_label_get_text (count), "No results") != 0
         && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  wait_laid_out ();
  g_test_message ("entry %d px, count %d px", gtk_widget_get_width (entry),
                  gtk_widget_get_width (GTK_WIDGET (count)));
  g_assert_cmpstr (gtk_label_get_text (count), ==, "No results");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (count)));
  g_assert_false (ellipsized (count));
  g_assert_cmpint (gtk_widget_get_width (entry), >=, 80);
  gtk_window_destroy (GTK_WINDOW (window));

  window = new_window_with_columns (1400, 2);
  column = dossier_workspace_get_column (dossier_window_get_workspace (window), 0);
  count = label_of (GTK_WIDGET (column), "mention-count");
  g_assert_cmpstr (gtk_label_get_text (count), ==,
                   gtk_widget_get_tooltip_text (GTK_WIDGET (count)));
  g_assert_false (ellipsized (count));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dossier_test_gui_init (&argc, &argv, "window-layout");
  g_autoptr(GtkCssProvider) style = NULL;
  int status;

  /* What AdwApplication loads from the resource base path for the application. */
  style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style, "/io/github/dossierapp/Dossier/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/window-layout/four-columns-fit-1200", test_four_columns_fit);
  g_test_add_func ("/window-layout/first-divider-fits-window", test_first_divider_fits_window);
  g_test_add_func ("/window-layout/narrow-headers-readable", test_narrow_headers_readable);
  g_test_add_func ("/window-layout/narrow-find-bar-readable", test_narrow_find_bar_readable);

  status = g_test_run ();
  dossier_test_remove_tree (home);
  return status;
}
