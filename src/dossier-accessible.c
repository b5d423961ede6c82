/* dossier-accessible.c: accessible names GTK 4.8 leaves out
 *
 * GTK 4.8 names a widget by its label property followed by the names of the widgets that
 * label it, and an unnamed one by its type ("GtkListItemWidget"): a screen reader reads
 * that aloud. These give the widgets a person reaches, but that GTK builds itself, one
 * name taken from a single source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"

/* A list view's cell, which takes the focus, named by the row it holds: GTK 4.8 has no
 * gtk_list_item_set_accessible_label() (4.12), and the cell is the row's parent. A
 * relation rather than a copy, so the cell follows when the row's label changes. Called
 * at bind (at setup the row may have no parent yet), but set once: a cell keeps its row
 * for its whole life, and a scroll binds rows on every frame. */
void
_dossier_accessible_name_cell (GtkListItem *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *cell = row != NULL ? gtk_widget_get_parent (row) : NULL;

  if (cell == NULL || g_object_get_data (G_OBJECT (cell), "dossier-named-by-row") == row)
    return;

  gtk_accessible_update_relation (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  row, NULL, -1);
  g_object_set_data (G_OBJECT (cell), "dossier-named-by-row", row);
}

/* A GtkFontButton or GtkDropDown is a box around the GtkButton or GtkToggleButton that
 * takes the focus and that a screen reader announces; the box's name does not reach it.
 * Returns that button, for its caller to name. */
GtkWidget *
_dossier_accessible_inner_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      return child;

  g_warning ("%s has no inner button to name", G_OBJECT_TYPE_NAME (widget));
  return NULL;
}

/* A button with a mnemonic gets its raw label as its accessible label, and is labelled by
 * the label inside it too: GTK 4.8 reads "_Hide Hide", or "Hide Hide" without the
 * underscore. The inner label alone names it then, as shown, mnemonic kept. For buttons
 * that libadwaita makes (a message dialog's responses, a toast's button), so after them. */
void
_dossier_accessible_name_mnemonic_buttons (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root))
      && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    _dossier_accessible_name_mnemonic_buttons (child);
}

/* The buttons of libadwaita 1.2's toast: its action button has a mnemonic ("Undo Undo"),
 * its close button only an icon (GTK reads "GtkImage"). */
static void
name_toast_buttons (GtkWidget *toast_widget)
{
  _dossier_accessible_name_mnemonic_buttons (toast_widget);
  for (GtkWidget *child = gtk_widget_get_first_child (toast_widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && gtk_button_get_icon_name (GTK_BUTTON (child)) != NULL)
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Dismiss"), -1);
}

/* libadwaita makes a toast's widget (of its private type AdwToastWidget, found by name)
 * when the toast is shown: after the one before it, or again when a toast of higher
 * priority pushed it back. So each one is named as it joins the overlay. */
static void
on_overlay_children_changed (GListModel *children,
                             guint       position,
                             guint       removed,
                             guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) child = g_list_model_get_item (children, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
        name_toast_buttons (child);
    }
}

/* Shows @toast when its turn comes, its buttons named. Takes @toast. */
void
_dossier_accessible_add_toast (AdwToastOverlay *overlay,
                               AdwToast        *toast)
{
  /* The overlay's children are few (its child and the toast shown), so watching them
   * costs nothing measurable. */
  if (g_object_get_data (G_OBJECT (overlay), "dossier-toast-widgets") == NULL)
    {
      GListModel *children = gtk_widget_observe_children (GTK_WIDGET (overlay));

      g_signal_connect (children, "items-changed", G_CALLBACK (on_overlay_children_changed),
                        NULL);
      g_object_set_data_full (G_OBJECT (overlay), "dossier-toast-widgets", children,
                              g_object_unref);
    }
  adw_toast_overlay_add_toast (overlay, toast);
}
