/* test-window-focus.c: where the keyboard focus goes — back from a popover, after a column
 * closes, between the window's regions with F6
 *
 * Runs under Xvfb (see tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "dossier-annotation-popover.h"
#include "dossier-article-view.h"
#include "dossier-column.h"
#include "dossier-sidebar.h"
#include "dossier-test-gui.h"
#include "dossier-test-util.h"
#include "dossier-timeline-pane.h"
#include "dossier-window.h"

#define DVB "dvb-2022-junta-sides-with-russia-on-ukraine"
#define POLYGRAPH "polygraph-2022-moscow-fuels-myanmar-war-machine"
#define RFA "rfa-2023-nucc-condemns-russia"

static GtkWidget *
text_view_of (DossierColumn *column)
{
  return GTK_WIDGET (dossier_article_view_get_text_view (dossier_column_get_article_view (column)));
}

static GtkWidget *
focus_of (DossierWindow *window)
{
  return gtk_window_get_focus (GTK_WINDOW (window));
}

/* Whether the keyboard focus is @widget or inside it. */
static gboolean
focus_in (DossierWindow *window,
          GtkWidget     *widget)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Escape on the colour popover of a selection gives the focus back to the article, the
 * selection kept: Alt+4 then highlights it. The focus was left nowhere, and the column's
 * keys did nothing (QA). */
static void
test_popover_gives_focus_back (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_empty_window (library);
  DossierColumn *column;
  DossierArticleView *view;
  GtkTextBuffer *buffer;
  GtkWidget *popover;
  GtkTextIter from, to;
  guint start, end;

  g_assert_true (dossier_window_open_article (window, RFA));
  column = dossier_workspace_find (dossier_window_get_workspace (window), RFA);
  view = dossier_column_get_article_view (column);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view_of (column)));
  popover = dossier_column_get_popover (column);
  dossier_test_wait_frames ();

  gtk_widget_grab_focus (text_view_of (column));
  dossier_article_view_get_iter_at (view, 10, &from);
  dossier_article_view_get_iter_at (view, 30, &to);
  gtk_text_buffer_select_range (buffer, &from, &to);
  /* What the release of a mouse selection does */
  gtk_widget_activate_action (GTK_WIDGET (column), "column.edit-note", NULL);
  dossier_test_wait_frames ();
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (focus_in (window, popover));

  /* What Escape does in a popover */
  gtk_popover_popdown (GTK_POPOVER (popover));
  dossier_test_wait_frames ();
  g_assert_true (focus_of (window) == text_view_of (column));
  g_assert_true (dossier_article_view_get_selection (view, &start, &end));
  g_assert_cmpuint (start, ==, 10);
  g_assert_cmpuint (end, ==, 30);

  g_assert_true (dossier_test_press (focus_of (window), GDK_KEY_4, GDK_ALT_MASK));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_column_get_annotations (column)), ==, 1);
  g_assert_true (dossier_window_get_annotations (window) != NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (dossier_column_get_annotations (column)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first button under @widget that activates @action. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child)
          && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = find_button (child, action)) != NULL)
        return found;
    }
  return NULL;
}

/* The workspace's capture-phase gesture on @column, which focuses a column clicked. */
static GtkGesture *
column_press_gesture (DossierColumn *column)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (column));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return GTK_GESTURE (controller);
    }
  return NULL;
}

/* A click on @column's ×, as the column's gestures see it: the press reaches the
 * workspace's capture gesture at the ×, then the button's action runs. Not a real X click:
 * under LeakSanitizer GTK 4.8 leaks render nodes (about 20 KB, none from our code) when a
 * clicked button's column goes, and the test would fail for GTK's sake. */
static void
click_close (DossierColumn *column)
{
  GtkWidget *button = find_button (GTK_WIDGET (column), "column.close");
  GtkGesture *press = column_press_gesture (column);
  graphene_point_t centre;

  g_assert_nonnull (button);
  g_assert_nonnull (press);
  /* the × must not take the focus from the column being read */
  g_assert_false (gtk_widget_get_focus_on_click (button));
  g_assert_true (gtk_widget_compute_point (button, GTK_WIDGET (column),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (button) / 2.0,
                                                                 gtk_widget_get_height (button) / 2.0),
                                           &centre));
  g_signal_emit_by_name (press, "pressed", 1, (double) centre.x, (double) centre.y);
  /* the button's action, looked up from the button as its click does */
  g_assert_true (gtk_widget_activate_action (button, "column.close", NULL));
  dossier_test_wait_frames ();
}

/* The × of a column in the background closes it and leaves the focus in the column being
 * read; it moved to the closed one's neighbour (QA). The × of the focused column moves
 * the focus to a neighbour. */
static void
test_closing_background_column_keeps_focus (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_empty_window (library);
  DossierWorkspace *workspace = dossier_window_get_workspace (window);
  DossierColumn *first, *second, *third;

  g_assert_true (dossier_window_open_article (window, RFA));
  g_assert_true (dossier_window_open_beside (window, POLYGRAPH));
  g_assert_true (dossier_window_open_beside (window, DVB));
  first = dossier_workspace_get_column (workspace, 0);
  second = dossier_workspace_get_column (workspace, 1);
  third = dossier_workspace_get_column (workspace, 2);
  g_assert_true (dossier_workspace_get_focused (workspace) == third);
  gtk_widget_grab_focus (text_view_of (third));
  dossier_test_wait_frames ();

  click_close (second);
  g_assert_cmpuint (dossier_workspace_get_n_columns (workspace), ==, 2);
  g_assert_true (dossier_workspace_get_focused (workspace) == third);
  g_assert_true (focus_of (window) == text_view_of (third));

  click_close (third);
  g_assert_cmpuint (dossier_workspace_get_n_columns (workspace), ==, 1);
  g_assert_true (dossier_workspace_get_focused (workspace) == first);
  /* the focus moves as the window gets to it: later under ASan */
  DOSSIER_TEST_WAIT_WHILE (!focus_in (window, GTK_WIDGET (first)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* F6 and Shift+F6 go round the window's regions: the library, the focused column, the
 * timeline when it is shown. GtkPaned's own F6 only went between the column and the
 * timeline. */
static void
test_f6_cycles_regions (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_empty_window (library);
  DossierWorkspace *workspace = dossier_window_get_workspace (window);
  GtkWidget *sidebar = GTK_WIDGET (dossier_window_get_sidebar (window));
  GtkWidget *timeline = GTK_WIDGET (dossier_window_get_timeline_pane (window));
  DossierColumn *second;

  g_assert_true (dossier_window_open_article (window, RFA));
  g_assert_true (dossier_window_open_beside (window, POLYGRAPH));
  second = dossier_workspace_get_column (workspace, 1);
  gtk_widget_set_visible (timeline, TRUE);
  dossier_test_wait_frames ();
  dossier_sidebar_focus_filter (DOSSIER_SIDEBAR (sidebar));

  g_assert_true (dossier_test_press (focus_of (window), GDK_KEY_F6, 0));
  g_assert_true (focus_of (window) == text_view_of (second));
  g_assert_true (dossier_test_press (focus_of (window), GDK_KEY_F6, 0));
  g_assert_true (focus_in (window, timeline));
  g_assert_true (dossier_test_press (focus_of (window), GDK_KEY_F6, 0));
  g_assert_true (focus_in (window, sidebar));
  g_assert_true (dossier_test_press (focus_of (window), GDK_KEY_F6, GDK_SHIFT_MASK));
  g_assert_true (focus_in (window, timeline));
  g_assert_true (dossier_test_press (focus_of (window), GDK_KEY_F6, GDK_SHIFT_MASK));
  g_assert_true (focus_of (window) == text_view_of (second));
  /* The column stays the one being read */
  g_assert_true (dossier_workspace_get_focused (workspace) == second);

  /* Without the timeline, the column and the library */
  gtk_widget_set_visible (timeline, FALSE);
  dossier_test_wait_frames ();
  g_assert_true (dossier_test_press (focus_of (window), GDK_KEY_F6, 0));
  g_assert_true (focus_in (window, sidebar));
  g_assert_true (dossier_test_press (focus_of (window), GDK_KEY_F6, 0));
  g_assert_true (focus_of (window) == text_view_of (second));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dossier_test_gui_init (&argc, &argv, "window-focus");
  int status;

  g_test_add_func ("/focus/closing-background-column-keeps-focus",
                   test_closing_background_column_keeps_focus);
  g_test_add_func ("/focus/f6-cycles-regions", test_f6_cycles_regions);
  /* Last: after its popover has been shown and closed, a later window's column closed
   * left about 20 KB of render nodes unreachable under LeakSanitizer (GTK 4.8's own
   * frames only, not reproduced in either test alone). */
  g_test_add_func ("/focus/popover-gives-focus-back", test_popover_gives_focus_back);

  status = g_test_run ();
  dossier_test_remove_tree (home);
  return status;
}
