/* dossier-test-gui.c: shared helpers of the window tests (GTK, under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <string.h>

#include "dossier-library.h"
#include "dossier-test-gui.h"
#include "dossier-test-util.h"

/**
 * dossier_test_gui_init:
 * @name: the test program's, for its temporary home
 *
 * gtk_test_init() and adw_init(), with XDG_DATA_HOME and XDG_CONFIG_HOME in a new folder:
 * gtk_test_init() does not pass G_TEST_OPTION_ISOLATE_DIRS on to g_test_init(), and the
 * tests' libraries and settings must stay out of the real home.
 *
 * Returns: the folder, to remove after g_test_run()
 */
char *
dossier_test_gui_init (int          *argc,
                       char       ***argv,
                       const char   *name)
{
  g_autofree char *template = g_strdup_printf ("dossier-%s-XXXXXX", name);
  char *home = g_dir_make_tmp (template, NULL);

  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return home;
}

/* Whether one of @widget's key bindings for @keyval with @modifiers, in a controller of
 * @phase (GTK_PHASE_NONE: of any phase), took the key. */
static gboolean
press_in_phase (GtkWidget           *widget,
                guint                keyval,
                GdkModifierType      modifiers,
                GtkPropagationPhase  phase)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
          || (phase != GTK_PHASE_NONE
              && gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller))
                 != phase))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers
              && gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                               gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

/* Whether one of @widget's own key bindings for @keyval with @modifiers took the key. */
gboolean
dossier_test_press_on (GtkWidget       *widget,
                       guint            keyval,
                       GdkModifierType  modifiers)
{
  return press_in_phase (widget, keyval, modifiers, GTK_PHASE_NONE);
}

/* The capture phase, from the window down to @widget: the outermost first. */
static gboolean
press_capturing (GtkWidget       *widget,
                 guint            keyval,
                 GdkModifierType  modifiers)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return (parent != NULL && press_capturing (parent, keyval, modifiers))
         || press_in_phase (widget, keyval, modifiers, GTK_PHASE_CAPTURE);
}

/**
 * dossier_test_press:
 * @focus: where the focus is
 *
 * Presses a key as GTK does: through the key bindings that capture it, from the window
 * down to @focus, then through those of @focus and of each widget around it.
 *
 * Returns: FALSE when nothing took the key
 */
gboolean
dossier_test_press (GtkWidget       *focus,
                    guint            keyval,
                    GdkModifierType  modifiers)
{
  if (press_capturing (focus, keyval, modifiers))
    return TRUE;
  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (press_in_phase (widget, keyval, modifiers, GTK_PHASE_BUBBLE)
        || press_in_phase (widget, keyval, modifiers, GTK_PHASE_TARGET))
      return TRUE;
  return FALSE;
}


/* Until @widget has stayed where it is for a few frames: a window with new columns lays
 * itself out over many frames under AddressSanitizer, and a click computed too early
 * lands beside the widget. */
static void
wait_in_place (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  graphene_point_t last = GRAPHENE_POINT_INIT (-1, -1), now;
  guint steady = 0;

  while (steady < 5 && g_get_monotonic_time () < deadline)
    {
      gint64 until = g_get_monotonic_time () + 20000;

      while (g_get_monotonic_time () < until)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
      if (!gtk_widget_compute_point (widget, GTK_WIDGET (gtk_widget_get_root (widget)),
                                     &GRAPHENE_POINT_INIT (0, 0), &now))
        now = GRAPHENE_POINT_INIT (-1, -1);
      steady = graphene_point_equal (&now, &last) && gtk_widget_get_mapped (widget)
               ? steady + 1 : 0;
      last = now;
    }
}

/**
 * dossier_test_click:
 * @widget: a widget of a shown window
 * @x: where in @widget, across
 * @y: where in @widget, down
 *
 * Clicks there as a hand does, the button held a moment, through xdotool: a real X event,
 * for what GDK and GTK make of it (popovers hiding, gestures of the capture phase, buttons
 * taking the focus) is what is tested. Waits a few frames after.
 *
 * Returns: FALSE when xdotool is missing: skip the test
 */
gboolean
dossier_test_click (GtkWidget *widget,
                    double     x,
                    double     y)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  GtkNative *native = gtk_widget_get_native (widget);
  g_autofree char *xid = NULL, *px = NULL, *py = NULL;
  g_autoptr(GError) error = NULL;
  graphene_point_t point;
  double dx, dy;

  if (xdotool == NULL)
    return FALSE;
  wait_in_place (widget);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  xid = g_strdup_printf ("%lu", gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  px = g_strdup_printf ("%d", (int) (point.x + dx));
  py = g_strdup_printf ("%d", (int) (point.y + dy));
  {
    const char *argv[] = { xdotool, "mousemove", "--window", xid, px, py, "mousedown", "1",
                           "sleep", "0.2", "mouseup", "1", NULL };

    g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                  &error));
    g_assert_no_error (error);
  }
  dossier_test_wait_frames ();
  dossier_test_wait_frames ();
  return TRUE;
}

/* The first descendant of @widget of @type, with @css_class unless NULL; or NULL. */
GtkWidget *
dossier_test_find_child (GtkWidget  *widget,
                         GType       type,
                         const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (css_class == NULL || gtk_widget_has_css_class (child, css_class)))
        return child;
      if ((found = dossier_test_find_child (child, type, css_class)) != NULL)
        return found;
    }
  return NULL;
}

/* Whether a mapped label under @widget, @widget included, shows @text in its text. */
gboolean
dossier_test_shows_text (GtkWidget  *widget,
                         const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL
      && gtk_widget_get_mapped (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (dossier_test_shows_text (child, text))
      return TRUE;

  return FALSE;
}

/* The AdwMessageDialog shown, if any: the first of GTK's toplevels that is one. */
GtkWidget *
dossier_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* GTK's own */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return GTK_WIDGET (toplevel);
    }

  return NULL;
}

/* The user's library, as the window opens it, in this test's XDG_DATA_HOME. */
DossierLibrary *
dossier_test_open_library (void)
{
  g_autoptr(GError) error = NULL;
  DossierLibrary *library = dossier_library_open_default (&error);

  g_assert_no_error (error);
  return library;
}

/* Runs what is pending in the main loop, twenty times over: idle callbacks that add more. */
void
dossier_test_wait_idle (void)
{
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Runs the main loop for half a second: a few frames of a shown window, so that layout and
 * scrolling happen, and long enough for a search entry's delayed "search-changed" (150 ms). */
void
dossier_test_wait_frames (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* Until the lists and the timeline, read in the background, are in. */
void
dossier_test_wait_loaded (DossierWindow *window)
{
  DOSSIER_TEST_WAIT_WHILE (dossier_window_is_loading (window));
}

/* A window on @library, shown, with its lists read. */
DossierWindow *
dossier_test_new_window (DossierLibrary *library)
{
  DossierWindow *window = dossier_window_new (NULL, library, NULL);

  /* The lists are read after the first frame. */
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_loaded (window);
  return window;
}

/* Closes every column of @window: a restart restores those of an earlier test. */
void
dossier_test_close_columns (DossierWindow *window)
{
  DossierWorkspace *workspace = dossier_window_get_workspace (window);

  while (dossier_workspace_get_n_columns (workspace) > 0)
    dossier_workspace_close_column (workspace, dossier_workspace_get_column (workspace, 0));
}

/* A window on @library with no column open and no entity chosen, whatever an earlier
 * test of the program left to restore. */
DossierWindow *
dossier_test_new_empty_window (DossierLibrary *library)
{
  DossierWindow *window = dossier_test_new_window (library);

  dossier_test_close_columns (window);
  dossier_window_choose_entity (window, NULL);
  dossier_test_wait_loaded (window);
  return window;
}

/* Whether the view has @tag_name on exactly the characters [@start, @end) of the article. */
gboolean
dossier_test_tagged_exactly (DossierArticleView *view,
                             const char         *tag_name,
                             guint               start,
                             guint               end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_article_view_get_text_view (view));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter from, to, before;

  dossier_article_view_get_iter_at (view, start, &from);
  dossier_article_view_get_iter_at (view, end, &to);
  before = from;
  gtk_text_iter_backward_char (&before);

  return gtk_text_iter_starts_tag (&from, tag) && gtk_text_iter_ends_tag (&to, tag)
         && !gtk_text_iter_has_tag (&before, tag);
}

/* Widgets under @widget, itself included, that pass @test; hidden ones with @visible_only. */
guint
dossier_test_count_widgets (GtkWidget             *widget,
                            DossierTestWidgetTest  test,
                            const char            *what,
                            const char            *text,
                            gboolean               visible_only)
{
  guint n = 0;

  if (visible_only && !gtk_widget_get_visible (widget))
    return 0;
  n += test (widget, what, text) ? 1 : 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += dossier_test_count_widgets (child, test, what, text, visible_only);
  return n;
}

/* A button that activates the action @action. */
static gboolean
activates (GtkWidget  *widget,
           const char *action,
           const char *unused)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Buttons under @widget, hidden ones too, that activate @action. */
guint
dossier_test_count_buttons (GtkWidget  *widget,
                            const char *action)
{
  return dossier_test_count_widgets (widget, activates, action, NULL, FALSE);
}
