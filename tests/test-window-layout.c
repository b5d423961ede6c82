/* test-window-layout.c: how many columns fit a window before the layout folds
 *
 * Runs under Xvfb (see tests/meson.build), with the application's stylesheet, which the
 * sizes depend on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "dossier-article.h"
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

  status = g_test_run ();
  dossier_test_remove_tree (home);
  return status;
}
