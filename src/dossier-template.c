/* dossier-template.c: what every composite-template widget does when it goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-template.h"

/* gtk_widget_dispose_template(), and then the children it leaves behind: GTK 4.8 does not
 * unparent a template's unnamed children (nor popovers parented since), and finalizing a
 * widget with children left warns. */
void
_dossier_template_dispose (GtkWidget *widget,
                           GType      type)
{
  GtkWidget *child;

  gtk_widget_dispose_template (widget, type);
  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}
