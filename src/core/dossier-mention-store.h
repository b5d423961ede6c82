/* dossier-mention-store.h: where the articles name the entities, and what that adds up to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-article.h"
#include "dossier-database.h"
#include "dossier-entity-matcher.h"

G_BEGIN_DECLS

/* One mention as stored: a range of an article's flat text, in characters. */
typedef struct
{
  guint  start;
  guint  length;
  char  *entity;   /* its name */
} DossierMention;

/* One row of a count: an entity, or an article that mentions one. */
typedef struct
{
  char  *name;         /* the entity's name, or the article's id */
  char  *title;        /* the article's title; NULL for an entity */
  guint  n_mentions;   /* mentions of the entity (in that article) */
  guint  n_articles;   /* articles it is mentioned in, or shares with another entity */
  guint  n_blocks;     /* blocks (paragraphs, captions…) it shares with another entity */
} DossierMentionCount;

void       dossier_mention_free                (DossierMention       *mention);
void       dossier_mention_count_free          (DossierMentionCount  *count);

gboolean   dossier_mention_store_save_all      (DossierDatabase       *db,
                                                guint                  n_articles,
                                                const gint64          *article_rowids,
                                                GArray * const        *matches,
                                                GError               **error);
gboolean   dossier_mention_store_save          (DossierDatabase       *db,
                                                gint64                 article_rowid,
                                                GArray                *matches,
                                                GError               **error);
gboolean   dossier_mention_store_rebuild       (DossierDatabase       *db,
                                                gint64                 article_rowid,
                                                DossierArticle        *article,
                                                DossierEntityMatcher  *matcher,
                                                GError               **error);
GPtrArray *dossier_mention_store_list          (DossierDatabase       *db,
                                                const char            *article_id,
                                                GError               **error);
GPtrArray *dossier_mention_store_count_entities (DossierDatabase      *db,
                                                 GError              **error);
GPtrArray *dossier_mention_store_count_articles (DossierDatabase      *db,
                                                 const char           *entity,
                                                 GError              **error);
GPtrArray *dossier_mention_store_count_companions (DossierDatabase    *db,
                                                   const char         *entity,
                                                   GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierMention, dossier_mention_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierMentionCount, dossier_mention_count_free)

G_END_DECLS
