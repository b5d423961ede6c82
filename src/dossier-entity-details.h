/* dossier-entity-details.h: what is known of an entity, one click from the entity bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-library.h"
#include "dossier-entity.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ENTITY_DETAILS (dossier_entity_details_get_type ())

G_DECLARE_FINAL_TYPE (DossierEntityDetails, dossier_entity_details, DOSSIER, ENTITY_DETAILS,
                      GtkWidget)

GtkWidget *dossier_entity_details_new (DossierLibrary *library,
                                       DossierEntity  *entity);

G_END_DECLS
