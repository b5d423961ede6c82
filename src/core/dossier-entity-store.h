/* dossier-entity-store.h: entities and their aliases, in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-database.h"
#include "dossier-entity.h"

G_BEGIN_DECLS

gboolean   dossier_entity_store_save (DossierDatabase  *db,
                                      DossierEntity    *entity,
                                      DossierOrigin     origin,
                                      GError          **error);
GPtrArray *dossier_entity_store_list (DossierDatabase  *db,
                                      GError          **error);
DossierEntity *dossier_entity_store_find (DossierDatabase  *db,
                                          const char       *name,
                                          GError          **error);

G_END_DECLS
