/* dossier-library-read.c: DossierLibrary's reads in worker threads
 *
 * Part of DossierLibrary (dossier-library.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <sched.h>

#include "dossier-article-store.h"
#include "dossier-event-store.h"
#include "dossier-library-private.h"

/* Reading in the background: whole-table lists, on a connection of the worker's own, so
 * the window's first frame never waits for them. */

typedef gpointer (*ReadFunc) (DossierLibrary  *reader,
                              const char      *arg,
                              GCancellable    *cancellable,
                              GError         **error);

typedef struct
{
  char           *path;
  char           *arg;
  DossierDatabaseMode mode;
  ReadFunc        func;
  GDestroyNotify  free_result;
} Read;

static void
read_free (Read *read)
{
  g_free (read->path);
  g_free (read->arg);
  g_free (read);
}

/* One attempt of a background read on a connection of its own. */
static gpointer
read_once (Read          *read,
           GCancellable  *cancellable,
           gboolean      *busy,
           GError       **error)
{
  g_autoptr(DossierLibrary) reader = g_object_new (DOSSIER_TYPE_LIBRARY, NULL);
  gpointer result = NULL;

  *busy = FALSE;
  reader->db = dossier_database_open (read->path, read->mode, error);
  if (reader->db == NULL)
    {
      /* Opening sets the journal mode, which may meet the same lock. */
      *busy = g_error_matches (*error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_FAILED);
      return NULL;
    }

  dossier_database_limit_cache (reader->db);
  result = read->func (reader, read->arg, cancellable, error);
  if (result == NULL)
    {
      int code = sqlite3_extended_errcode (dossier_database_get_handle (reader->db));

      *busy = (code & 0xff) == SQLITE_BUSY;
      g_debug ("Background read failed, SQLite code %d", code);
    }
  return result;
}

/* A read now and then meets "database is locked" at once, busy timeout or not, while the
 * window starts on a new library (seen in loaded test runs; the extended code is logged
 * at debug level to find out which lock): it is tried again, three times at most. */
#define READ_ATTEMPTS 3

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Read *read = task_data;
  GError *error = NULL;
  gpointer result = NULL;
  gboolean busy = TRUE;

  for (guint i = 0; result == NULL && busy && i < READ_ATTEMPTS; i++)
    {
      if (i > 0)
        {
          g_clear_error (&error);
          g_usleep (50 * 1000);
        }
      result = read_once (read, cancellable, &busy, &error);
    }

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, read->free_result);
}

static void
read_async (DossierLibrary      *self,
            ReadFunc             func,
            GDestroyNotify       free_result,
            const char          *arg,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Read *read = g_new0 (Read, 1);

  read->path = g_strdup (dossier_database_get_path (self->db));
  read->arg = g_strdup (arg);
  read->mode = _dossier_library_reader_mode (self);
  read->func = func;
  read->free_result = free_result;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, read, (GDestroyNotify) read_free);
  g_task_run_in_thread (task, read_thread);
}

static gpointer
read_finish (DossierLibrary  *self,
             GAsyncResult    *result,
             gpointer         source_tag,
             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
read_event_keys (DossierLibrary  *reader,
                 const char      *entity,
                 GCancellable    *cancellable,
                 GError         **error)
{
  return dossier_event_store_list_keys (reader->db, entity, cancellable, error);
}

/**
 * dossier_library_list_event_keys_async:
 * @entity: (nullable): only the events whose sentence names this entity
 *
 * Reads the timeline's keys (see dossier_event_store_list_keys()) in a worker thread.
 */
void
dossier_library_list_event_keys_async (DossierLibrary      *self,
                                       const char          *entity,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (self));

  read_async (self, read_event_keys, (GDestroyNotify) dossier_event_keys_unref, entity,
              dossier_library_list_event_keys_async, cancellable, callback, user_data);
}

/* Returns: (transfer full): the keys, in timeline order */
DossierEventKeys *
dossier_library_list_event_keys_finish (DossierLibrary  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  return read_finish (self, result, dossier_library_list_event_keys_async, error);
}

/* A page asked for: its task holds the keys; the later asked, the higher. */
typedef struct
{
  GTask *task;
  gint   asked;
} PageAsked;

static int
newest_first (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return ((const PageAsked *) b)->asked - ((const PageAsked *) a)->asked;
}

static void
read_page (gpointer data,
           gpointer user_data)
{
  g_autofree PageAsked *asked = data;
  g_autoptr(GTask) task = asked->task;
  DossierLibrary *self = g_task_get_source_object (task);
  GArray *keys = g_task_get_task_data (task);
  GError *error = NULL;
  GPtrArray *events = NULL;
#ifdef SCHED_BATCH
  struct sched_param param = { 0 };

  if (sched_getscheduler (0) == SCHED_OTHER)
    sched_setscheduler (0, SCHED_BATCH, &param);
#endif

  /* A page reads the bodies of its events' articles for their sentences, each once:
   * SQLite's default 2 MiB cache kept them as the timeline was scrolled, where the
   * system's file cache has them anyway. */
  if (self->page_reader == NULL
      && (self->page_reader = dossier_database_open (dossier_database_get_path (self->db),
                                                     _dossier_library_reader_mode (self),
                                                     &error)) != NULL)
    dossier_database_limit_cache (self->page_reader);
  if (self->page_reader != NULL && !g_task_return_error_if_cancelled (task))
    events = dossier_event_store_load (self->page_reader, (const DossierEventKey *) keys->data,
                                       keys->len, &error);

  if (events != NULL)
    g_task_return_pointer (task, events, (GDestroyNotify) g_ptr_array_unref);
  else if (error != NULL)
    g_task_return_error (task, error);
}

/* The thread that reads the pages. A list scrolled far asks for pages faster than they
 * are read, and only the last ones are on screen: those are read first, and the model
 * cancels those it no longer shows (skipped here). The thread runs as a batch job, so that
 * a page does not preempt the window's thread on a busy machine whenever it wakes: while
 * scrolling the timeline of 100,000 articles, the page reads took more CPU time than the
 * window's thread, which they interrupted in the middle of its frames. */
static void
start_page_thread (DossierLibrary *self)
{
  g_autoptr(GError) error = NULL;

  self->page_thread = g_thread_pool_new (read_page, NULL, 1, TRUE, &error);
  if (self->page_thread == NULL)
    g_error ("No thread to read the timeline: %s", error->message);
  g_thread_pool_set_sort_function (self->page_thread, newest_first, NULL);
}

static void
push_page (DossierLibrary *self,
           GTask          *task)
{
  PageAsked *asked = g_new0 (PageAsked, 1);

  asked->task = g_object_ref (task);
  asked->asked = ++self->pages_asked;
  g_thread_pool_push (self->page_thread, asked, NULL);
}

/**
 * dossier_library_load_events_async:
 * @keys: (array length=n_keys): keys from dossier_library_list_event_keys_finish()
 *
 * dossier_library_load_events() in a worker thread, so that a list showing a long
 * timeline never waits for a page of it. The pages asked for last are read first; a read
 * cancelled before it starts is skipped. Call from one thread only (the window's).
 */
void
dossier_library_load_events_async (DossierLibrary        *self,
                                   const DossierEventKey *keys,
                                   guint                  n_keys,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  GArray *copy;

  g_return_if_fail (DOSSIER_IS_LIBRARY (self));

  copy = g_array_sized_new (FALSE, FALSE, sizeof (DossierEventKey), n_keys);
  g_array_append_vals (copy, keys, n_keys);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_library_load_events_async);
  g_task_set_task_data (task, copy, (GDestroyNotify) g_array_unref);
  if (self->page_thread == NULL)
    start_page_thread (self);
  push_page (self, task);
}

/* Returns: (transfer full) (element-type DossierEvent): the events, in the keys' order */
GPtrArray *
dossier_library_load_events_finish (DossierLibrary  *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  return read_finish (self, result, dossier_library_load_events_async, error);
}

static gpointer
read_article_rows (DossierLibrary  *reader,
                   const char      *filter,
                   GCancellable    *cancellable,
                   GError         **error)
{
  return dossier_article_store_list_rows (reader->db, filter, cancellable, error);
}

/**
 * dossier_library_list_article_rows_async:
 * @filter: (nullable): only the articles whose title or outlet holds this text
 *
 * Reads the rows of the visible articles, in the order of dossier_library_list_articles(),
 * in a worker thread; dossier_library_load_article_rows() reads their articles.
 */
void
dossier_library_list_article_rows_async (DossierLibrary      *self,
                                         const char          *filter,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (self));

  read_async (self, read_article_rows, (GDestroyNotify) g_array_unref, filter,
              dossier_library_list_article_rows_async, cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type gint64) */
GArray *
dossier_library_list_article_rows_finish (DossierLibrary  *self,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  return read_finish (self, result, dossier_library_list_article_rows_async, error);
}

/**
 * dossier_library_load_article_rows:
 * @rows: (array length=n_rows): rows from dossier_library_list_article_rows_async()
 * @articles: (array length=n_rows) (out caller-allocates) (transfer full): the articles,
 *   without their bodies; NULL for a row gone since
 */
gboolean
dossier_library_load_article_rows (DossierLibrary  *self,
                                   const gint64    *rows,
                                   guint            n_rows,
                                   DossierArticle **articles,
                                   GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);

  return dossier_article_store_load_rows (self->db, rows, n_rows, articles, error);
}

/* The row of the article @id, hidden or not; FALSE when there is none. */
gboolean
dossier_library_find_article_row (DossierLibrary *self,
                                  const char     *id,
                                  gint64         *row)
{
  gboolean found = FALSE;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL && row != NULL, FALSE);

  return dossier_article_store_lookup (self->db, id, &found, row, NULL, NULL) && found;
}

static gpointer
read_entities (DossierLibrary  *reader,
               const char      *unused,
               GCancellable    *cancellable,
               GError         **error)
{
  return dossier_library_list_entities (reader, error);
}

/* dossier_library_list_entities(), with its counts, in a worker thread. */
void
dossier_library_list_entities_async (DossierLibrary      *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (self));

  read_async (self, read_entities, (GDestroyNotify) g_ptr_array_unref, NULL,
              dossier_library_list_entities_async, cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type DossierEntity) */
GPtrArray *
dossier_library_list_entities_finish (DossierLibrary  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return read_finish (self, result, dossier_library_list_entities_async, error);
}

static gpointer
read_articles_mentioning (DossierLibrary  *reader,
                          const char      *entity,
                          GCancellable    *cancellable,
                          GError         **error)
{
  return dossier_library_articles_mentioning (reader, entity, error);
}

/* dossier_library_articles_mentioning() in a worker thread. */
void
dossier_library_articles_mentioning_async (DossierLibrary      *self,
                                           const char          *entity,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (self));
  g_return_if_fail (entity != NULL);

  read_async (self, read_articles_mentioning, (GDestroyNotify) g_hash_table_unref, entity,
              dossier_library_articles_mentioning_async, cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type utf8 guint): article id → mentions */
GHashTable *
dossier_library_articles_mentioning_finish (DossierLibrary  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  return read_finish (self, result, dossier_library_articles_mentioning_async, error);
}

static gpointer
read_entity_articles (DossierLibrary  *reader,
                      const char      *entity,
                      GCancellable    *cancellable,
                      GError         **error)
{
  return dossier_library_count_entity_articles (reader, entity, error);
}

/* dossier_library_count_entity_articles() in a worker thread: thousands of articles may
 * mention an entity of a large library. */
void
dossier_library_count_entity_articles_async (DossierLibrary      *self,
                                             const char          *entity,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (self));
  g_return_if_fail (entity != NULL);

  read_async (self, read_entity_articles, (GDestroyNotify) g_ptr_array_unref, entity,
              dossier_library_count_entity_articles_async, cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type DossierMentionCount) */
GPtrArray *
dossier_library_count_entity_articles_finish (DossierLibrary  *self,
                                              GAsyncResult    *result,
                                              GError         **error)
{
  return read_finish (self, result, dossier_library_count_entity_articles_async, error);
}

static gpointer
read_companions (DossierLibrary  *reader,
                 const char      *entity,
                 GCancellable    *cancellable,
                 GError         **error)
{
  return dossier_library_list_companions (reader, entity, error);
}

/* dossier_library_list_companions() in a worker thread: over every block of every article
 * that mentions the entity, more than a second at 100,000 articles (bench-queries). */
void
dossier_library_list_companions_async (DossierLibrary      *self,
                                       const char          *entity,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (DOSSIER_IS_LIBRARY (self));
  g_return_if_fail (entity != NULL);

  read_async (self, read_companions, (GDestroyNotify) g_ptr_array_unref, entity,
              dossier_library_list_companions_async, cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type DossierMentionCount) */
GPtrArray *
dossier_library_list_companions_finish (DossierLibrary  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  return read_finish (self, result, dossier_library_list_companions_async, error);
}
