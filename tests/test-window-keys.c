/* test-window-keys.c: the window's text-size keys, and what its menu shows for them
 *
 * Runs under Xvfb (see tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "dossier-test-gui.h"
#include "dossier-test-util.h"
#include "dossier-window.h"

static DossierWindow *
new_window (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();

  return dossier_test_new_window (library);
}

/* The first widget below @widget whose type is named @type_name, depth first. */
static GtkWidget *
find_by_type (GtkWidget  *widget,
              const char *type_name,
              const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *child_text = NULL;
      GtkWidget *found;

      if (g_str_equal (G_OBJECT_TYPE_NAME (child), type_name))
        {
          g_object_get (child, "text", &child_text, NULL);
          if (g_strcmp0 (child_text, text) == 0)
            return child;
        }
      if ((found = find_by_type (child, type_name, text)) != NULL)
        return found;
    }
  return NULL;
}

static GtkMenuButton *
find_primary_menu (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found;

      if (GTK_IS_MENU_BUTTON (child) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (child)))
        return GTK_MENU_BUTTON (child);
      if ((found = find_primary_menu (child)) != NULL)
        return found;
    }
  return NULL;
}

/* Larger Text shows Ctrl++ in the main menu, as GNOME applications do; bound last, the
 * keypad's key was what it showed ("Ctrl+KP +", QA review). */
static void
test_menu_shows_ctrl_plus (void)
{
  DossierWindow *window = new_window ();
  GtkMenuButton *menu = find_primary_menu (GTK_WIDGET (window));
  GtkWidget *item;
  g_autofree char *accel = NULL;

  g_assert_nonnull (menu);
  gtk_menu_button_popup (menu);
  dossier_test_wait_idle ();
  item = find_by_type (GTK_WIDGET (gtk_menu_button_get_popover (menu)), "GtkModelButton",
                       "Larger Text");
  g_assert_nonnull (item);
  g_object_get (item, "accel", &accel, NULL);
  g_assert_cmpstr (accel, ==, "<Control>plus");
  gtk_menu_button_popdown (menu);
  gtk_window_destroy (GTK_WINDOW (window));
}

static double
font_scale (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.dossierapp.Dossier");

  return g_settings_get_double (settings, "font-scale");
}

/* The keypad's Ctrl+plus and Ctrl+minus still change the text size, out of the menu: two
 * steps larger and one smaller leave it one step larger, as the window keeps it. */
static void
test_keypad_zooms (void)
{
  DossierWindow *window = new_window ();
  double before = font_scale ();

  g_assert_true (dossier_test_press_on (GTK_WIDGET (window), GDK_KEY_KP_Add, GDK_CONTROL_MASK));
  g_assert_true (dossier_test_press_on (GTK_WIDGET (window), GDK_KEY_KP_Add, GDK_CONTROL_MASK));
  g_assert_true (dossier_test_press_on (GTK_WIDGET (window), GDK_KEY_KP_Subtract,
                                        GDK_CONTROL_MASK));
  /* The window writes its text size to the settings as it closes. */
  gtk_window_close (GTK_WINDOW (window));
  dossier_test_wait_idle ();
  g_assert_cmpfloat_with_epsilon (font_scale (), before * 1.1, 1e-6);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dossier_test_gui_init (&argc, &argv, "window-keys");
  int status;

  g_test_add_func ("/window-keys/menu-shows-ctrl-plus", test_menu_shows_ctrl_plus);
  g_test_add_func ("/window-keys/keypad-zooms", test_keypad_zooms);

  status = g_test_run ();
  dossier_test_remove_tree (home);
  return status;
}
