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

