/* dossier-block.h: one typed block of an article's body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_BLOCK (dossier_block_get_type ())

G_DECLARE_FINAL_TYPE (DossierBlock, dossier_block, DOSSIER, BLOCK, GObject)

DossierBlock     *dossier_block_new             (DossierBlockKind  kind,
                                                 const char       *text,
                                                 const char       *attribution);
DossierBlockKind  dossier_block_get_kind        (DossierBlock     *self);
const char       *dossier_block_get_text        (DossierBlock     *self);
const char       *dossier_block_get_attribution (DossierBlock     *self);
guint             dossier_block_get_start       (DossierBlock     *self);
guint             dossier_block_get_length      (DossierBlock     *self);
guint             dossier_block_get_end         (DossierBlock     *self);

void              _dossier_block_set_start      (DossierBlock     *self,
                                                 guint             start);

G_END_DECLS
