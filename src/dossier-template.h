/* dossier-template.h: what every composite-template widget does when it goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void _dossier_template_dispose (GtkWidget *widget,
                                GType      type);

G_END_DECLS
