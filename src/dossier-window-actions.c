/* dossier-window-actions.c: what the window does, as actions with shortcuts
 *
 * Buttons, menus, rows and keys all activate these; enabled states are set in one place,
 * _dossier_window_update_actions().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-export-dialog.h"
#include "dossier-print.h"
#include "dossier-window-private.h"

static void
open_article_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _dossier_window_open (DOSSIER_WINDOW (widget), g_variant_get_string (parameter, NULL), FALSE);
}

static void
open_beside_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _dossier_window_open (DOSSIER_WINDOW (widget), g_variant_get_string (parameter, NULL), TRUE);
}

static void
open_passage_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  const char *id;
  guint start, end;

  g_variant_get (parameter, "(&suu)", &id, &start, &end);
  _dossier_window_open_passage (DOSSIER_WINDOW (widget), id, start, end,
                                g_str_equal (action_name, "win.open-passage-beside"));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean undo = g_str_equal (action_name, "win.undo");

  if (self->annotations == NULL)
    return;
  if (!(undo ? dossier_annotations_undo (self->annotations, &error)
             : dossier_annotations_redo (self->annotations, &error)))
    _dossier_window_toast (self, error->message);
}

/* A deleted highlight can come back: the toast offers to undo it. */
static void
annotation_deleted_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  AdwToast *toast = adw_toast_new (_("Highlight deleted"));

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  /* Twice the default: the way back from a slip of the hand should not vanish while the
   * pointer travels to it (QA review: Undo clicked as the toast went). */
  adw_toast_set_timeout (toast, 10);
  _dossier_accessible_add_toast (self->toast_overlay, toast);
}

static void
open_found_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *id, *words;

  g_variant_get (parameter, "(&s&s)", &id, &words);
  _dossier_window_open_found (DOSSIER_WINDOW (widget), id, words);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  dossier_sidebar_set_view (self->sidebar, "search");
  dossier_search_pane_focus (dossier_sidebar_get_search_pane (self->sidebar));
}

/* Prints the focused column's article with its highlights and notes; "Print to File"
 * in the dialog makes a PDF. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierColumn *column = dossier_workspace_get_focused (self->workspace);
  g_autoptr(DossierPrint) print = NULL;
  g_autoptr(GError) error = NULL;

  if (column == NULL || dossier_column_get_article (column) == NULL)
    return;

  print = dossier_print_new (dossier_column_get_article (column),
                             dossier_column_get_annotations (column));
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (print), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _dossier_window_toast (self, error->message);
}

static void
on_exported (DossierWindow *self,
             const char    *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *message = g_strdup_printf (_("Notes exported to %s"), display);

  _dossier_window_toast (self, message);
}

static void
on_export_failed (DossierWindow *self,
                  const GError  *error)
{
  _dossier_window_toast (self, error->message);
}

/* File ▸ Export Notes…: everything, the focused column's article, or the notes the notes
 * view shows. */
static void
export_notes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierColumn *column = dossier_workspace_get_focused (self->workspace);
  DossierArticle *article = column ? dossier_column_get_article (column) : NULL;
  DossierNotesView *notes = dossier_sidebar_get_notes_view (self->sidebar);
  DossierExportDialog *dialog;

  if (self->annotations == NULL)
    return;

  dialog = dossier_export_dialog_new (GTK_WINDOW (self), self->annotations,
                                      article ? dossier_article_get_id (article) : NULL,
                                      dossier_notes_view_get_n_shown (notes) > 0
                                        ? dossier_notes_view_get_filter (notes) : NULL);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (on_export_failed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_column_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierColumn *column = dossier_workspace_get_focused (self->workspace);

  if (column != NULL)
    dossier_workspace_close_column (self->workspace, column);
}

static void
focus_column_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  dossier_workspace_focus_next (self->workspace,
                                g_str_equal (action_name, "win.next-column") ? 1 : -1);
}

/* F3 and Ctrl+G step in the focused column wherever the focus is, e.g. in the entity list
 * just after choosing one (QA review): "win.column-next" is the column's "column.next". */
static void
column_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierColumn *column = dossier_workspace_get_focused (self->workspace);
  g_autofree char *name = g_strconcat ("column.", action_name + strlen ("win.column-"), NULL);

  if (column != NULL)
    gtk_widget_activate_action (GTK_WIDGET (column), name, NULL);
}

static void
choose_entity_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _dossier_window_choose_entity (DOSSIER_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
clear_entity_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _dossier_window_choose_entity (DOSSIER_WINDOW (widget), NULL);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  double scale = self->font_scale;

  if (g_str_equal (action_name, "win.zoom-in"))
    scale *= 1.1;
  else if (g_str_equal (action_name, "win.zoom-out"))
    scale /= 1.1;
  else
    scale = 1.0;

  _dossier_window_set_font_scale (self, scale);
}

static void
show_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  dossier_sidebar_set_view (self->sidebar, g_str_equal (action_name, "win.show-entities")
                                           ? "entities"
                                           : g_str_equal (action_name, "win.show-notes")
                                           ? "notes" : "articles");
  dossier_sidebar_focus_filter (self->sidebar);
}

/* F6 and Shift+F6 go round the window's regions, as in GNOME's applications: the library,
 * the focused column, and the timeline when it is shown; a region folded away or without
 * anything to focus (no column open) is passed over. */
enum {
  REGION_LIBRARY,
  REGION_COLUMN,
  REGION_TIMELINE,
  N_REGIONS
};

static GtkWidget *
region_widget (DossierWindow *self,
               int            region)
{
  switch (region)
    {
    case REGION_LIBRARY:
      return GTK_WIDGET (self->sidebar);
    case REGION_COLUMN:
      return GTK_WIDGET (self->workspace);
    case REGION_TIMELINE:
    default:
      return GTK_WIDGET (self->timeline_pane);
    }
}

static gboolean
focus_region (DossierWindow *self,
              int            region)
{
  GtkWidget *widget = region_widget (self, region);
  DossierColumn *column = dossier_workspace_get_focused (self->workspace);

  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  switch (region)
    {
    case REGION_LIBRARY:
      dossier_sidebar_focus_list (self->sidebar);
      return TRUE;
    case REGION_COLUMN:
      return column != NULL
             && gtk_widget_grab_focus (GTK_WIDGET (dossier_article_view_get_text_view (
                                         dossier_column_get_article_view (column))));
    case REGION_TIMELINE:
    default:
      return gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
    }
}

static void
focus_region_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int step = g_str_equal (action_name, "win.focus-next-region") ? 1 : -1;
  int current = step > 0 ? -1 : N_REGIONS;   /* the focus in none: from the first or last */

  for (int i = 0; i < N_REGIONS; i++)
    if (focus != NULL && gtk_widget_is_ancestor (focus, region_widget (self, i)))
      current = i;

  for (int i = 1; i <= N_REGIONS; i++)
    if (focus_region (self, ((current + step * i) % N_REGIONS + N_REGIONS) % N_REGIONS))
      return;
}

void
_dossier_window_update_actions (DossierWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n_columns = dossier_workspace_get_n_columns (self->workspace);

  gtk_widget_action_set_enabled (widget, "win.close-column", n_columns > 0);
  gtk_widget_action_set_enabled (widget, "win.print", n_columns > 0);
  gtk_widget_action_set_enabled (widget, "win.cancel-import", self->import_cancellable != NULL);
  gtk_widget_action_set_enabled (widget, "win.next-column", n_columns > 1);
  gtk_widget_action_set_enabled (widget, "win.previous-column", n_columns > 1);
  gtk_widget_action_set_enabled (widget, "win.clear-entity", self->chosen != NULL);
  gtk_widget_action_set_enabled (widget, "win.undo", self->annotations != NULL
                                 && dossier_annotations_get_can_undo (self->annotations));
  gtk_widget_action_set_enabled (widget, "win.redo", self->annotations != NULL
                                 && dossier_annotations_get_can_redo (self->annotations));
  gtk_widget_action_set_enabled (widget, "win.zoom-in", self->font_scale < 2.4);
  gtk_widget_action_set_enabled (widget, "win.zoom-out", self->font_scale > 0.65);
}

/* A widget inside the window tells the user something, e.g. why a change was not saved. */
static void
show_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _dossier_window_toast (DOSSIER_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static const struct
{
  const char                  *name;
  const char                  *parameter_type;
  GtkWidgetActionActivateFunc  activate;
} actions[] = {
  { "win.open-article", "s", open_article_action },
  { "win.open-beside", "s", open_beside_action },
  { "win.open-passage", "(suu)", open_passage_action },
  { "win.open-passage-beside", "(suu)", open_passage_action },
  { "win.open-found", "(ss)", open_found_action },
  { "win.close-column", NULL, close_column_action },
  { "win.next-column", NULL, focus_column_action },
  { "win.previous-column", NULL, focus_column_action },
  { "win.column-next", NULL, column_step_action },
  { "win.column-previous", NULL, column_step_action },
  { "win.column-find-next", NULL, column_step_action },
  { "win.column-find-previous", NULL, column_step_action },
  { "win.choose-entity", "s", choose_entity_action },
  { "win.clear-entity", NULL, clear_entity_action },
  { "win.search", NULL, search_action },
  { "win.print", NULL, print_action },
  { "win.export-notes", NULL, export_notes_action },
  { "win.undo", NULL, undo_action },
  { "win.redo", NULL, undo_action },
  { "win.annotation-deleted", NULL, annotation_deleted_action },
  { "win.show-message", "s", show_message_action },
  { "win.zoom-in", NULL, zoom_action },
  { "win.zoom-out", NULL, zoom_action },
  { "win.zoom-reset", NULL, zoom_action },
  { "win.show-library", NULL, show_library_action },
  { "win.show-entities", NULL, show_library_action },
  { "win.show-notes", NULL, show_library_action },
  { "win.focus-next-region", NULL, focus_region_action },
  { "win.focus-previous-region", NULL, focus_region_action },
};

static const struct
{
  guint           keyval;
  GdkModifierType modifiers;
  const char     *action;
} keys[] = {
  { GDK_KEY_w, GDK_CONTROL_MASK, "win.close-column" },
  { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-column" },
  { GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.previous-column" },
  { GDK_KEY_Escape, 0, "win.clear-entity" },
  { GDK_KEY_F3, 0, "win.column-next" },
  { GDK_KEY_F3, GDK_SHIFT_MASK, "win.column-previous" },
  { GDK_KEY_g, GDK_CONTROL_MASK, "win.column-find-next" },
  { GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.column-find-previous" },
  { GDK_KEY_k, GDK_CONTROL_MASK, "win.search" },
  { GDK_KEY_p, GDK_CONTROL_MASK, "win.print" },
  { GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-notes" },
  { GDK_KEY_z, GDK_CONTROL_MASK, "win.undo" },
  { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo" },
  { GDK_KEY_F9, 0, "win.show-timeline" },
  { GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in" },
  { GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in" },
  { GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out" },
  { GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset" },
  { GDK_KEY_Left, GDK_ALT_MASK, "win.show-library" },
  { GDK_KEY_1, GDK_CONTROL_MASK, "win.show-library" },
  { GDK_KEY_2, GDK_CONTROL_MASK, "win.show-entities" },
  { GDK_KEY_3, GDK_CONTROL_MASK, "win.show-notes" },
};

/* The keypad's keys as extras. A binding to a named action also becomes the accelerator
 * its menu item shows, the last one bound winning: bound so, Larger Text read
 * "Ctrl+KP +". Through a callback they stay out of the menu, and Ctrl++ shows. */
static const struct
{
  guint       keyval;
  const char *action;
} keypad_keys[] = {
  { GDK_KEY_KP_Add, "win.zoom-in" },
  { GDK_KEY_KP_Subtract, "win.zoom-out" },
  { GDK_KEY_KP_0, "win.zoom-reset" },
};

static gboolean
keypad_key (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  return gtk_widget_activate_action (widget, g_variant_get_string (args, NULL), NULL);
}

void
_dossier_window_class_init_actions (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter_type,
                                     actions[i].activate);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].keyval, keys[i].modifiers,
                                         keys[i].action, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keypad_keys); i++)
    gtk_widget_class_add_binding (widget_class, keypad_keys[i].keyval, GDK_CONTROL_MASK,
                                  keypad_key, "s", keypad_keys[i].action);
}

static void
add_f6 (GtkShortcutController *controller,
        GdkModifierType        modifiers,
        const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6,
                                                                                  modifiers),
                                                          gtk_named_action_new (action)));
}

/* F6 is caught on its way down, before the paned between the columns and the timeline:
 * GtkPaned binds it to its own cycle between its two sides. */
void
_dossier_window_init_actions (DossierWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_f6 (GTK_SHORTCUT_CONTROLLER (controller), 0, "win.focus-next-region");
  add_f6 (GTK_SHORTCUT_CONTROLLER (controller), GDK_SHIFT_MASK, "win.focus-previous-region");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
