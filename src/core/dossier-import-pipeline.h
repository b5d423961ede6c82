/* dossier-import-pipeline.h: an import's database-free work, on a thread of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-article.h"
#include "dossier-entity-matcher.h"
#include "dossier-importer.h"

G_BEGIN_DECLS

/* What one article's text gives before anything is stored. */
typedef struct
{
  GArray    *matches;      /* DossierEntityMatch, of the pipeline's matcher */
  GPtrArray *expressions;  /* DossierDateExpression, owned */
  GPtrArray *happenings;   /* static strings or NULL, one per expression */
} DossierImportAnalysis;

/* Articles of the file, in its order, and what the worker found in each. */
typedef struct
{
  GPtrArray *articles;     /* DossierArticle */
  GArray    *analyses;     /* DossierImportAnalysis, one per article */
} DossierImportChunk;

typedef struct _DossierImportPipeline DossierImportPipeline;

void                   dossier_import_chunk_free              (DossierImportChunk     *chunk);
DossierImportPipeline *dossier_import_pipeline_start          (DossierImporter        *importer,
                                                               guint                   chunk_size,
                                                               DossierEntityMatcher   *matcher,
                                                               GCancellable           *cancellable);
guint                  dossier_import_pipeline_get_n_articles (DossierImportPipeline  *self);
gboolean               dossier_import_pipeline_next_chunk     (DossierImportPipeline  *self,
                                                               DossierImportChunk    **chunk,
                                                               GError                **error);
void                   dossier_import_pipeline_stop           (DossierImportPipeline  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierImportChunk, dossier_import_chunk_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierImportPipeline, dossier_import_pipeline_stop)

G_END_DECLS
