/* dossier-entity-row.h: an entity, or a kind's heading, in the entity sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_ENTITY_ROW (dossier_entity_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierEntityRow, dossier_entity_row, DOSSIER, ENTITY_ROW, GtkWidget)

GtkWidget *dossier_entity_row_new      (void);
void       dossier_entity_row_set_item (DossierEntityRow *self,
                                        GObject          *item);

G_END_DECLS
