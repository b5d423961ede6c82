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
 * at bind: at setup the row may have no parent yet. */
void
_dossier_accessible_name_cell (GtkListItem *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *cell = row != NULL ? gtk_widget_get_parent (row) : NULL;

  if (cell == NULL)
    return;

  gtk_accessible_update_relation (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  row, NULL, -1);
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
  for (GtkWidget *child = gtk_widget_get_first_child (toast_widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child)))
      gtk_accessible_reset_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL);
    else if (GTK_IS_BUTTON (child) && gtk_button_get_icon_name (GTK_BUTTON (child)) != NULL)
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Dismiss"), -1);
}

/* The toasts being shown are the overlay's children of libadwaita's private
 * AdwToastWidget type, found by name. */
static void
name_shown_toasts (GtkWidget *overlay)
{
  for (GtkWidget *child = gtk_widget_get_first_child (overlay);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
      name_toast_buttons (child);
}

/* Shows @toast at once (a toast waiting behind another would get its widget later, out
 * of reach), with its buttons named once each. Takes @toast. */
void
_dossier_accessible_add_toast (AdwToastOverlay *overlay,
                               AdwToast        *toast)
{
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (overlay, toast);
  name_shown_toasts (GTK_WIDGET (overlay));
}
