/* dossier-library.c: the bundled dossier and the user's own data, seen as one library
 *
 * The bundled dossier is installed read-only. The user's database holds a copy of its
 * articles and entities, refreshed by stable id whenever the bundled database changes
 * (its content hash differs from the one recorded at the last refresh), next to the
 * user's imports, annotations and state. So every query — search ranking included —
 * runs on one database, and a user's notes survive an update of the bundled dossier.
 *
 * Opening and the bundled copy's refresh are in dossier-library-open.c, the reads that
 * run in worker threads in dossier-library-read.c, imports in dossier-library-import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include "dossier-article-store.h"
#include "dossier-entity-store.h"
#include "dossier-event-store.h"
#include "dossier-library-private.h"
#include "dossier-mention-store.h"

G_DEFINE_FINAL_TYPE (DossierLibrary, dossier_library, G_TYPE_OBJECT)

static void
free_page_thread (GThreadPool *pool)
{
  g_thread_pool_free (pool, FALSE, TRUE);
}

static void
dossier_library_finalize (GObject *object)
{
  DossierLibrary *self = (DossierLibrary *) object;

  /* A page asked for holds the library: none is left to read. */
  g_clear_pointer (&self->page_thread, free_page_thread);
  g_clear_object (&self->search_pool);
  g_clear_object (&self->db);
  g_clear_object (&self->page_reader);

  G_OBJECT_CLASS (dossier_library_parent_class)->finalize (object);
}

static void
dossier_library_class_init (DossierLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_library_finalize;
}

static void
dossier_library_init (DossierLibrary *self)
{
}

/* DOSSIER_BUNDLED_DATABASE points an uninstalled build (meson devenv, tests) at the
 * database in its build tree; otherwise the installed one is used. */
const char *
dossier_library_get_default_bundled_path (void)
{
  const char *path = g_getenv ("DOSSIER_BUNDLED_DATABASE");

  return (path && *path) ? path : DOSSIER_PKGDATADIR "/dossier.db";
}

char *
dossier_library_dup_default_user_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "dossier", "library.db", NULL);
}

/* TRUE when the library could only be opened read-only: every change fails. */
gboolean
dossier_library_is_read_only (DossierLibrary *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);

  return self->read_only;
}

/* How a worker opens its own connection: as the library was opened, so that a library
 * that cannot be written is still read. */
DossierDatabaseMode
_dossier_library_reader_mode (DossierLibrary *self)
{
  return self->read_only ? DOSSIER_DATABASE_READ_ONLY_LIBRARY : DOSSIER_DATABASE_WRITABLE;
}

/**
 * dossier_library_get_search_pool:
 *
 * The connections searches run on in worker threads: one is kept between searches, with
 * its page cache and the lengths ranking reads (see dossier-database-pool.c).
 *
 * Returns: (transfer none): the pool, made at the first call (main thread)
 */
DossierDatabasePool *
dossier_library_get_search_pool (DossierLibrary *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  if (self->search_pool == NULL)
    self->search_pool = dossier_database_pool_new (dossier_database_get_path (self->db),
                                                   _dossier_library_reader_mode (self), 1);
  return self->search_pool;
}

DossierDatabase *
dossier_library_get_database (DossierLibrary *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  return self->db;
}

/**
 * dossier_library_list_articles:
 *
 * Returns: (transfer full): the visible articles, oldest first, without their bodies
 */
DossierArticleList *
dossier_library_list_articles (DossierLibrary  *self,
                               GError         **error)
{
  g_autoptr(GPtrArray) articles = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  articles = dossier_article_store_list (self->db, error);
  if (articles == NULL)
    return NULL;

  return dossier_article_list_new (articles);
}

/**
 * dossier_library_load_article:
 *
 * Returns: (transfer full): the article with @id, with its body
 */
DossierArticle *
dossier_library_load_article (DossierLibrary  *self,
                              const char      *id,
                              GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  return dossier_article_store_load (self->db, id, error);
}

/* Returns: (transfer full) (nullable): the title of the visible article @id */
char *
dossier_library_dup_article_title (DossierLibrary  *self,
                                   const char      *id,
                                   GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  return dossier_article_store_dup_title (self->db, id, error);
}

/**
 * dossier_library_list_entities:
 *
 * Returns: (transfer full) (element-type DossierEntity): the entities the visible articles
 *   mention, with their counts, most mentioned first
 */
GPtrArray *
dossier_library_list_entities (DossierLibrary  *self,
                               GError         **error)
{
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *mentioned;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  if ((entities = dossier_entity_store_list (self->db, error)) == NULL
      || (counts = dossier_mention_store_count_entities (self->db, error)) == NULL)
    return NULL;

  for (guint i = 0; i < entities->len; i++)
    g_hash_table_insert (by_name, (char *) dossier_entity_get_name (g_ptr_array_index (entities, i)),
                         g_ptr_array_index (entities, i));

  mentioned = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < counts->len; i++)
    {
      const DossierMentionCount *count = g_ptr_array_index (counts, i);
      DossierEntity *entity = g_hash_table_lookup (by_name, count->name);

      if (entity == NULL || count->n_mentions == 0)
        continue;
      dossier_entity_set_counts (entity, count->n_mentions, count->n_articles);
      g_ptr_array_add (mentioned, g_object_ref (entity));
    }

  return mentioned;
}

/**
 * dossier_library_list_mentions:
 *
 * Returns: (transfer full) (element-type DossierMention): the mentions in an article,
 *   in text order
 */
GPtrArray *
dossier_library_list_mentions (DossierLibrary  *self,
                               const char      *article_id,
                               GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  return dossier_mention_store_list (self->db, article_id, error);
}

/**
 * dossier_library_articles_mentioning:
 *
 * Returns: (transfer full): article id → number of mentions of @entity in it
 */
GHashTable *
dossier_library_articles_mentioning (DossierLibrary  *self,
                                     const char      *entity,
                                     GError         **error)
{
  g_autoptr(GPtrArray) counts = NULL;
  GHashTable *articles;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  counts = dossier_mention_store_count_articles (self->db, entity, error);
  if (counts == NULL)
    return NULL;

  articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < counts->len; i++)
    {
      const DossierMentionCount *count = g_ptr_array_index (counts, i);

      g_hash_table_insert (articles, g_strdup (count->name), GUINT_TO_POINTER (count->n_mentions));
    }

  return articles;
}

/**
 * dossier_library_count_entity_articles:
 *
 * Returns: (transfer full) (element-type DossierMentionCount): the articles that mention
 *   @entity (id, title, mentions), most mentions first
 */
GPtrArray *
dossier_library_count_entity_articles (DossierLibrary  *self,
                                       const char      *entity,
                                       GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  return dossier_mention_store_count_articles (self->db, entity, error);
}

/**
 * dossier_library_list_companions:
 *
 * Returns: (transfer full) (element-type DossierMentionCount): the entities named with
 *   @entity — in the same blocks, in the same articles — most shared first
 */
GPtrArray *
dossier_library_list_companions (DossierLibrary  *self,
                                 const char      *entity,
                                 GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  return dossier_mention_store_count_companions (self->db, entity, error);
}

/**
 * dossier_library_list_events:
 *
 * Returns: (transfer full) (element-type DossierEvent): the whole timeline, oldest first
 */
GPtrArray *
dossier_library_list_events (DossierLibrary  *self,
                             GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  return dossier_event_store_list (self->db, NULL, NULL, NULL, error);
}

/**
 * dossier_library_load_events:
 * @keys: (array length=n_keys): keys from dossier_library_list_event_keys_finish()
 *
 * Returns: (transfer full) (element-type DossierEvent): the events of @keys, in order
 */
GPtrArray *
dossier_library_load_events (DossierLibrary         *self,
                             const DossierEventKey  *keys,
                             guint                   n_keys,
                             GError                **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  return dossier_event_store_load (self->db, keys, n_keys, error);
}

/**
 * dossier_library_list_event_group:
 *
 * Returns: (transfer full) (element-type DossierEvent): the events that tell the
 *   happening @group, one per reporting article
 */
GPtrArray *
dossier_library_list_event_group (DossierLibrary  *self,
                                  const char      *group,
                                  GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  return dossier_event_store_list_group (self->db, group, error);
}
