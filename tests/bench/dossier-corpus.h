/* dossier-corpus.h: a reproducible synthetic dossier, for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-article.h"
#include "dossier-entity.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_CORPUS (dossier_corpus_get_type ())

#define DOSSIER_CORPUS_VOCABULARY_SIZE 30000

G_DECLARE_FINAL_TYPE (DossierCorpus, dossier_corpus, DOSSIER, CORPUS, GObject)

/* Where an article names an entity, in characters of its flat text. */
typedef struct
{
  guint entity;   /* index in dossier_corpus_get_entities() */
  guint start;
  guint length;
} DossierCorpusMention;

DossierCorpus  *dossier_corpus_new           (guint32        seed,
                                              guint          words_per_article);
GPtrArray      *dossier_corpus_get_entities  (DossierCorpus *self);
const char     *dossier_corpus_get_word      (DossierCorpus *self,
                                              guint          rank);
DossierArticle *dossier_corpus_next_article  (DossierCorpus *self,
                                              GArray        *mentions);

G_END_DECLS
