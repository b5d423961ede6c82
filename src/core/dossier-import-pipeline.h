/* dossier-import-pipeline.h: an import's database-free work, on a thread of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-article.h"
#include "dossier-entity-matcher.h"

G_BEGIN_DECLS

/* What one article's text gives before anything is stored. */
typedef struct
{
  GArray    *matches;      /* DossierEntityMatch, of the pipeline's matcher */
  GPtrArray *expressions;  /* DossierDateExpression, owned */
  GPtrArray *happenings;   /* static strings or NULL, one per expression */
} DossierImportAnalysis;

typedef struct _DossierImportPipeline DossierImportPipeline;

DossierImportPipeline *dossier_import_pipeline_start      (GPtrArray             *articles,
                                                           guint                  chunk_size,
                                                           DossierEntityMatcher  *matcher,
                                                           GCancellable          *cancellable);
GArray                *dossier_import_pipeline_next_chunk (DossierImportPipeline *self);
void                   dossier_import_pipeline_stop       (DossierImportPipeline *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierImportPipeline, dossier_import_pipeline_stop)

G_END_DECLS
