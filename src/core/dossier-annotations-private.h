/* dossier-annotations-private.h: what the files of DossierAnnotations share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-annotations.h"

G_BEGIN_DECLS

void _dossier_annotations_emit_changed (DossierAnnotations *self);

/* The database the annotations are kept in. */
static inline DossierDatabase *
_dossier_annotations_database (DossierAnnotations *self)
{
  return dossier_library_get_database (dossier_annotations_get_library (self));
}

G_END_DECLS
