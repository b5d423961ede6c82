/* dossier-entity.h: a person, organisation, place or piece of equipment the articles name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ENTITY (dossier_entity_get_type ())

G_DECLARE_FINAL_TYPE (DossierEntity, dossier_entity, DOSSIER, ENTITY, GObject)

DossierEntity      *dossier_entity_new             (const char         *name,
                                                    DossierEntityKind   kind);
const char         *dossier_entity_get_name        (DossierEntity      *self);
DossierEntityKind   dossier_entity_get_kind        (DossierEntity      *self);
const char         *dossier_entity_get_description (DossierEntity      *self);
void                dossier_entity_set_description (DossierEntity      *self,
                                                    const char         *description);
const char * const *dossier_entity_get_aliases     (DossierEntity      *self);
void                dossier_entity_add_alias       (DossierEntity      *self,
                                                    const char         *alias);

guint               dossier_entity_get_n_mentions  (DossierEntity      *self);
guint               dossier_entity_get_n_articles  (DossierEntity      *self);
void                dossier_entity_set_counts      (DossierEntity      *self,
                                                    guint               n_mentions,
                                                    guint               n_articles);
const char         *dossier_entity_kind_get_label  (DossierEntityKind   kind);
const char         *dossier_entity_kind_get_plural (DossierEntityKind   kind);

G_END_DECLS
