/* dossier-accessible.h: accessible names GTK 4.8 leaves out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       _dossier_accessible_name_cell    (GtkListItem *item);
GtkWidget *_dossier_accessible_inner_button (GtkWidget   *widget);
void       _dossier_accessible_name_mnemonic_buttons (GtkWidget *root);
void       _dossier_accessible_add_toast (AdwToastOverlay *overlay,
                                          AdwToast        *toast);

G_END_DECLS
