/* dossier-database-pool.c: connections to one library, kept for the worker threads
 *
 * A search as you type runs in a worker thread on a connection of its own, never the
 * window's. Opening one for each search threw away what the last one had learnt: its page
 * cache and the articles' lengths that ranking reads (dossier-search-lengths.c), some
 * 10 ms at 100,000 articles. Here a finished search hands its connection back and the next
 * one takes it. A search that starts while another still runs (the user typed on) opens a
 * connection of its own; at most max_idle are kept.
 *
 * Any thread may take and give back; a connection is used by one thread at a time. Each
 * connection gets a small page cache when it is opened (dossier_database_limit_cache()):
 * the system's file cache holds the file anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-database-pool"

#include "config.h"

#include "dossier-database-pool.h"

struct _DossierDatabasePool
{
  GObject              parent_instance;

  char                *path;
  DossierDatabaseMode  mode;
  guint                max_idle;

  GMutex               mutex;
  GPtrArray           *idle;    /* DossierDatabase, under mutex */
};

G_DEFINE_FINAL_TYPE (DossierDatabasePool, dossier_database_pool, G_TYPE_OBJECT)

static void
dossier_database_pool_finalize (GObject *object)
{
  DossierDatabasePool *self = (DossierDatabasePool *) object;

  g_clear_pointer (&self->idle, g_ptr_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (dossier_database_pool_parent_class)->finalize (object);
}

static void
dossier_database_pool_class_init (DossierDatabasePoolClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_database_pool_finalize;
}

static void
dossier_database_pool_init (DossierDatabasePool *self)
{
  g_mutex_init (&self->mutex);
  self->idle = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * dossier_database_pool_new:
 * @path: the library's file
 * @mode: how each connection opens it
 * @max_idle: how many connections to keep between uses
 */
DossierDatabasePool *
dossier_database_pool_new (const char          *path,
                           DossierDatabaseMode  mode,
                           guint                max_idle)
{
  DossierDatabasePool *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_DATABASE_POOL, NULL);
  self->path = g_strdup (path);
  self->mode = mode;
  self->max_idle = max_idle;
  return self;
}

/**
 * dossier_database_pool_take:
 *
 * Returns: (transfer full): the connection used last, or a new one; %NULL with @error
 *   set when the library cannot be opened
 */
DossierDatabase *
dossier_database_pool_take (DossierDatabasePool  *self,
                            GError              **error)
{
  DossierDatabase *db = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE_POOL (self), NULL);

  g_mutex_lock (&self->mutex);
  if (self->idle->len > 0)
    db = g_ptr_array_steal_index (self->idle, self->idle->len - 1);
  g_mutex_unlock (&self->mutex);

  if (db == NULL && (db = dossier_database_open (self->path, self->mode, error)) != NULL)
    dossier_database_limit_cache (db);
  return db;
}

/**
 * dossier_database_pool_give_back:
 * @db: (transfer full): a connection taken from this pool, no longer used
 *
 * A connection left inside a transaction is closed rather than kept: the next user
 * must find it as a new one.
 */
void
dossier_database_pool_give_back (DossierDatabasePool *self,
                                 DossierDatabase     *db)
{
  g_autoptr(DossierDatabase) dropped = db;

  g_return_if_fail (DOSSIER_IS_DATABASE_POOL (self));
  g_return_if_fail (DOSSIER_IS_DATABASE (db));

  if (!sqlite3_get_autocommit (dossier_database_get_handle (db)))
    return;

  g_mutex_lock (&self->mutex);
  if (self->idle->len < self->max_idle)
    g_ptr_array_add (self->idle, g_steal_pointer (&dropped));
  g_mutex_unlock (&self->mutex);
}

guint
dossier_database_pool_get_n_idle (DossierDatabasePool *self)
{
  guint n;

  g_return_val_if_fail (DOSSIER_IS_DATABASE_POOL (self), 0);

  g_mutex_lock (&self->mutex);
  n = self->idle->len;
  g_mutex_unlock (&self->mutex);
  return n;
}
