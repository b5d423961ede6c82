/* dossier-library-import-private.h: what the files of an import into the library share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-entity-matcher.h"
#include "dossier-library.h"

G_BEGIN_DECLS

/* One call of dossier_library_import_files(): its files, one after the other. */
typedef struct
{
  DossierDatabase           *db;
  DossierEntityMatcher      *matcher;       /* the whole catalogue, rebuilt when it changes */
  GCancellable              *cancellable;
  DossierImportProgressFunc  progress;
  gpointer                   progress_data;
  double                     last_fraction;
  guint64                    total_bytes;
  guint64                    done_bytes;
  gboolean                   saved_any;
  GHashTable                *annotated;     /* ids of the articles with annotations */
} Batch;

gboolean _dossier_import_save_entities (Batch      *batch,
                                        GPtrArray  *entities,
                                        GPtrArray  *learnt,
                                        GError    **error);

G_END_DECLS
