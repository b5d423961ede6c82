/* dossier-mention-store.c: where the articles name the entities, and what that adds up to
 *
 * The only file that knows the SQL of the mentions table. Mentions are derived data: an
 * article's are thrown away and found again whenever its text or the catalogue changes,
 * inside the caller's transaction. Counts leave hidden articles out, as the lists do.
 *
 * A mention's block is not stored: it is the last block that starts at or before it, which
 * the blocks table already says.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-mention-store"

#include "config.h"

#include "dossier-mention-store.h"

void
dossier_mention_free (DossierMention *mention)
{
  if (mention == NULL)
    return;

  g_free (mention->entity);
  g_free (mention);
}

void
dossier_mention_count_free (DossierMentionCount *count)
{
  if (count == NULL)
    return;

  g_free (count->name);
  g_free (count->title);
  g_free (count);
}

static gboolean
delete_mentions (DossierDatabase  *db,
                 gint64            article_rowid,
                 GError          **error)
{
  g_autoptr(DossierStatement) stmt = dossier_database_prepare (db,
    "DELETE FROM mentions WHERE article = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_rowid);
  return dossier_database_step_done (db, stmt, error);
}

/* The mentions of a save, one row per match of each article, read by its one INSERT
 * through staged_mention(pointer, index, column): article, start, length, entity name. */
#define MENTIONS_POINTER "DossierStagedMentions"

typedef struct
{
  gint64                    article;
  const DossierEntityMatch *match;
} StagedMention;

static void
staged_mention (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  const StagedMention *row = dossier_staged_row (context, argv, MENTIONS_POINTER,
                                                 "staged_mention: no such mention");

  if (row == NULL)
    return;

  switch (sqlite3_value_int (argv[2]))
    {
    case 0: sqlite3_result_int64 (context, row->article); break;
    case 1: sqlite3_result_int (context, row->match->start); break;
    case 2: sqlite3_result_int (context, row->match->length); break;
    default:
      /* the matcher outlives the statement */
      sqlite3_result_text (context, dossier_entity_get_name (row->match->entity), -1,
                           SQLITE_STATIC);
    }
}

#define STAGED(column) "staged_mention (?1, n, " G_STRINGIFY (column) ")"

/* All of them in one statement: one per mention, or even one per article, spent more on
 * starting statements (each with a statement journal, for its foreign keys) than on the
 * rows. By name, because a matcher's entities need not come from this database: one it
 * does not know is left out rather than pointing at a wrong row. CROSS JOIN keeps the
 * rows in their order outside, each finding its entity through the index on names. */
static gboolean
insert_mentions (DossierDatabase  *db,
                 GArray           *staged,
                 GError          **error)
{
  return dossier_database_insert_staged (db,
    DOSSIER_STAGED_ROWS
    " INSERT INTO mentions (article, start, length, entity)"
    " SELECT " STAGED (0) ", " STAGED (1) ", " STAGED (2) ", e.id"
    " FROM staged CROSS JOIN entities e ON e.name = " STAGED (3),
    "staged_mention", staged_mention, staged, MENTIONS_POINTER, error);
}

#undef STAGED

/**
 * dossier_mention_store_save_all:
 * @n_articles: how many articles @article_rowids and @matches describe
 * @article_rowids: (array length=n_articles): the rows dossier_article_store_save_all()
 *   gave the articles
 * @matches: (array length=n_articles): for each article, the #DossierEntityMatch a
 *   matcher found in its flat text; the matcher must outlive the call. Entities the
 *   database lacks are skipped.
 *
 * Replaces the stored mentions of each article with its matches, inside the caller's
 * transaction: the same rows as one dossier_mention_store_save() per article, in one
 * INSERT. Finding them needs no database, so an import does it on another thread.
 */
gboolean
dossier_mention_store_save_all (DossierDatabase  *db,
                                guint             n_articles,
                                const gint64     *article_rowids,
                                GArray * const   *matches,
                                GError          **error)
{
  g_autoptr(GArray) staged = g_array_new (FALSE, FALSE, sizeof (StagedMention));

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (n_articles == 0 || (article_rowids != NULL && matches != NULL), FALSE);

  for (guint i = 0; i < n_articles; i++)
    {
      if (!delete_mentions (db, article_rowids[i], error))
        return FALSE;
      for (guint j = 0; j < matches[i]->len; j++)
        {
          StagedMention row = { article_rowids[i],
                                &g_array_index (matches[i], DossierEntityMatch, j) };

          g_array_append_val (staged, row);
        }
    }

  return insert_mentions (db, staged, error);
}

/**
 * dossier_mention_store_save:
 * @article_rowid: the row dossier_article_store_save() gave the article
 * @matches: (element-type DossierEntityMatch): what a matcher found in the article's flat
 *   text; the matcher must outlive the call. Entities the database lacks are skipped.
 *
 * Replaces the stored mentions of the article with @matches, inside the caller's
 * transaction.
 */
gboolean
dossier_mention_store_save (DossierDatabase  *db,
                            gint64            article_rowid,
                            GArray           *matches,
                            GError          **error)
{
  g_return_val_if_fail (matches != NULL, FALSE);

  return dossier_mention_store_save_all (db, 1, &article_rowid, &matches, error);
}

/**
 * dossier_mention_store_rebuild:
 * @article_rowid: the row dossier_article_store_save() gave @article
 * @matcher: the catalogue to look for; entities the database lacks are skipped
 *
 * Replaces the stored mentions of @article with those @matcher finds in its flat text.
 * Runs inside the caller's transaction.
 */
gboolean
dossier_mention_store_rebuild (DossierDatabase       *db,
                               gint64                 article_rowid,
                               DossierArticle        *article,
                               DossierEntityMatcher  *matcher,
                               GError               **error)
{
  g_autoptr(GArray) matches = NULL;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (DOSSIER_IS_ENTITY_MATCHER (matcher), FALSE);

  matches = dossier_entity_matcher_find (matcher, dossier_article_get_text (article), -1);
  return dossier_mention_store_save (db, article_rowid, matches, error);
}

static gboolean
finish_rows (DossierDatabase  *db,
             int               rc,
             GError          **error)
{
  if (rc != SQLITE_DONE)
    return dossier_database_set_error (db, rc, error);
  return TRUE;
}

/**
 * dossier_mention_store_list:
 *
 * Returns: (transfer full) (element-type DossierMention): the mentions in the article with
 *   id @article_id, in the order of its text; empty for an unknown article
 */
GPtrArray *
dossier_mention_store_list (DossierDatabase  *db,
                            const char       *article_id,
                            GError          **error)
{
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);
  g_return_val_if_fail (article_id != NULL, NULL);

  stmt = dossier_database_prepare (db,
    "SELECT m.start, m.length, e.name FROM mentions m"
    " JOIN articles a ON a.id = m.article JOIN entities e ON e.id = m.entity"
    " WHERE a.uid = ?1 ORDER BY m.start", error);
  if (stmt == NULL)
    return NULL;

  mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_mention_free);
  dossier_statement_bind_text (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierMention *mention = g_new0 (DossierMention, 1);

      mention->start = sqlite3_column_int (stmt, 0);
      mention->length = sqlite3_column_int (stmt, 1);
      mention->entity = g_strdup (dossier_statement_column_text (stmt, 2));
      g_ptr_array_add (mentions, mention);
    }

  if (!finish_rows (db, rc, error))
    return NULL;

  return g_steal_pointer (&mentions);
}

/* Columns: name, title, mentions, articles, blocks; any of the last four may be NULL. */
static GPtrArray *
collect_counts (DossierDatabase   *db,
                DossierStatement  *stmt,
                GError           **error)
{
  g_autoptr(GPtrArray) counts = NULL;
  int rc;

  counts = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_mention_count_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierMentionCount *count = g_new0 (DossierMentionCount, 1);

      count->name = g_strdup (dossier_statement_column_text (stmt, 0));
      count->title = g_strdup (dossier_statement_column_text (stmt, 1));
      count->n_mentions = sqlite3_column_int (stmt, 2);
      count->n_articles = sqlite3_column_int (stmt, 3);
      count->n_blocks = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (counts, count);
    }

  if (!finish_rows (db, rc, error))
    return NULL;

  return g_steal_pointer (&counts);
}

/**
 * dossier_mention_store_count_entities:
 *
 * Returns: (transfer full) (element-type DossierMentionCount): every entity, mentioned or
 *   not, with its mentions and articles; most mentioned first, then by name
 */
GPtrArray *
dossier_mention_store_count_entities (DossierDatabase  *db,
                                      GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  /* Counted per entity along mentions_by_entity, leaving out the few hidden articles by
   * their partial index: joined to every article for hidden instead, SQLite built an
   * automatic index of all 1.6 million mentions of 100,000 articles (2.7–4.6 s, 7 MB);
   * this way 0.46 s and 3 MB. */
  stmt = dossier_database_prepare (db,
    "SELECT e.name, NULL, coalesce (c.n, 0), coalesce (c.d, 0), NULL"
    " FROM entities e LEFT JOIN (SELECT m.entity, count (*) AS n,"
    "   count (DISTINCT m.article) AS d FROM mentions m"
    "   WHERE m.article NOT IN (SELECT id FROM articles WHERE hidden = 1)"
    "   GROUP BY m.entity) c ON c.entity = e.id"
    " ORDER BY 3 DESC, e.name", error);
  if (stmt == NULL)
    return NULL;

  return collect_counts (db, stmt, error);
}

/**
 * dossier_mention_store_count_articles:
 * @entity: an entity's name
 *
 * Returns: (transfer full) (element-type DossierMentionCount): the articles that mention
 *   @entity (id, title, mentions), most mentions first, then oldest first
 */
GPtrArray *
dossier_mention_store_count_articles (DossierDatabase  *db,
                                      const char       *entity,
                                      GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  stmt = dossier_database_prepare (db,
    "SELECT a.uid, a.title, count (*), 1, NULL FROM mentions m"
    " JOIN articles a ON a.id = m.article"
    " WHERE m.entity = (SELECT id FROM entities WHERE name = ?1) AND a.hidden = 0"
    " GROUP BY a.id ORDER BY 3 DESC, a.published_key, a.title", error);
  if (stmt == NULL)
    return NULL;

  dossier_statement_bind_text (stmt, 1, entity);
  return collect_counts (db, stmt, error);
}

/**
 * dossier_mention_store_count_companions:
 * @entity: an entity's name
 *
 * The entities named together with @entity: how many articles and how many blocks
 * (paragraphs, captions, quotes…) mention both.
 *
 * Returns: (transfer full) (element-type DossierMentionCount): the companions (name,
 *   articles, blocks; mentions is their mentions in those shared articles), most shared
 *   blocks first, then most shared articles, then by name
 */
GPtrArray *
dossier_mention_store_count_companions (DossierDatabase  *db,
                                        const char       *entity,
                                        GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  stmt = dossier_database_prepare (db,
    "WITH me AS (SELECT id FROM entities WHERE name = ?1),"
    " placed AS (SELECT m.entity, m.article,"
    "   (SELECT max (b.position) FROM blocks b"
    "     WHERE b.article = m.article AND b.start <= m.start) AS block"
    "   FROM mentions m JOIN articles a ON a.id = m.article AND a.hidden = 0"
    "   WHERE m.article IN (SELECT article FROM mentions WHERE entity IN me)),"
    " mine AS (SELECT DISTINCT article, block FROM placed WHERE entity IN me)"
    " SELECT e.name, NULL, count (*), count (DISTINCT p.article),"
    "   count (DISTINCT CASE WHEN (p.article, p.block) IN (SELECT article, block FROM mine)"
    "     THEN p.article || '/' || p.block END)"
    " FROM placed p JOIN entities e ON e.id = p.entity"
    " WHERE p.entity NOT IN me"
    " GROUP BY p.entity ORDER BY 5 DESC, 4 DESC, e.name", error);
  if (stmt == NULL)
    return NULL;

  dossier_statement_bind_text (stmt, 1, entity);
  return collect_counts (db, stmt, error);
}
