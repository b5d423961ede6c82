/* dossier-library.c: the bundled dossier and the user's own data, seen as one library
 *
 * The bundled dossier is installed read-only. The user's database holds a copy of its
 * articles and entities, refreshed by stable id whenever the bundled database changes
 * (its content hash differs from the one recorded at the last refresh), next to the
 * user's imports, annotations and state. So every query — search ranking included —
 * runs on one database, and a user's notes survive an update of the bundled dossier.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <sched.h>

#include "dossier-article-store.h"
#include "dossier-entity-matcher.h"
#include "dossier-entity-store.h"
#include "dossier-event-store.h"
#include "dossier-library.h"
#include "dossier-mention-store.h"

struct _DossierLibrary
{
  GObject          parent_instance;

  DossierDatabase *db;
  gboolean         read_only;
  DossierDatabasePool *search_pool;   /* NULL until the first search */

  /* Pages of the timeline read in the background share one connection, opened on the
   * first: a connection a page, several opened at once, made each other wait ("database
   * is locked"). They are read by one thread of their own, the newest first (see
   * read_page()), made when the first page is asked for. */
  GThreadPool     *page_thread;
  gint             pages_asked;
  DossierDatabase *page_reader;     /* owned by page_thread */
};

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

/* The catalogue is the user's whole one, imports included, so a bundled article also
 * finds the entities the user added. */
static DossierEntityMatcher *
load_matcher (DossierDatabase  *db,
              GError          **error)
{
  g_autoptr(GPtrArray) entities = dossier_entity_store_list (db, error);

  if (entities == NULL)
    return NULL;

  return dossier_entity_matcher_new (entities);
}

static gboolean
copy_articles (DossierDatabase  *bundled,
               DossierDatabase  *db,
               GHashTable       *kept,
               GError          **error)
{
  g_autoptr(GPtrArray) articles = dossier_article_store_list (bundled, error);
  g_autoptr(DossierEntityMatcher) matcher = NULL;

  if (articles == NULL || (matcher = load_matcher (db, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < articles->len; i++)
    {
      const char *id = dossier_article_get_id (g_ptr_array_index (articles, i));
      g_autoptr(DossierArticle) article = dossier_article_store_load (bundled, id, error);
      gint64 rowid = 0;

      if (article == NULL)
        return FALSE;
      dossier_article_set_origin (article, DOSSIER_ORIGIN_BUNDLED);
      if (!dossier_article_store_save (db, article, &rowid, error)
          || !dossier_mention_store_rebuild (db, rowid, article, matcher, error)
          || !dossier_event_store_rebuild (db, rowid, article, error))
        return FALSE;
      g_hash_table_add (kept, g_strdup (id));
    }

  return TRUE;
}

/* Bundled articles that a newer bundle no longer has. */
static gboolean
remove_dropped_articles (DossierDatabase  *db,
                         GHashTable       *kept,
                         GError          **error)
{
  g_autoptr(GPtrArray) ids = dossier_article_store_list_ids (db, DOSSIER_ORIGIN_BUNDLED, error);

  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (!g_hash_table_contains (kept, id) && !dossier_article_store_delete (db, id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
copy_entities (DossierDatabase  *bundled,
               DossierDatabase  *db,
               GError          **error)
{
  g_autoptr(GPtrArray) entities = dossier_entity_store_list (bundled, error);

  if (entities == NULL)
    return FALSE;

  for (guint i = 0; i < entities->len; i++)
    if (!dossier_entity_store_save (db, g_ptr_array_index (entities, i),
                                    DOSSIER_ORIGIN_BUNDLED, error))
      return FALSE;

  return TRUE;
}

static gboolean
copy_bundle (DossierDatabase  *bundled,
             DossierDatabase  *db,
             const char       *hash,
             GError          **error)
{
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!dossier_database_begin (db, error))
    return FALSE;

  if (!copy_entities (bundled, db, error)
      || !copy_articles (bundled, db, kept, error)
      || !remove_dropped_articles (db, kept, error)
      || !dossier_event_store_regroup (db, error)
      || !dossier_database_set_meta (db, DOSSIER_META_BUNDLED_HASH, hash, error)
      || !dossier_database_commit (db, error))
    {
      dossier_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/* Brings the user's copy of the bundled dossier up to date; cheap when it already is. */
static gboolean
refresh_bundle (DossierLibrary  *self,
                const char      *bundled_path,
                GError         **error)
{
  g_autoptr(DossierDatabase) bundled = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *synced = NULL;

  bundled = dossier_database_open (bundled_path, DOSSIER_DATABASE_READ_ONLY, error);
  if (bundled == NULL)
    return FALSE;

  hash = dossier_database_dup_meta (bundled, DOSSIER_META_CONTENT_HASH, error);
  if (hash == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_CORRUPT,
                     _("%s is not a Dossier database (it has no content hash)"), bundled_path);
      return FALSE;
    }

  synced = dossier_database_dup_meta (self->db, DOSSIER_META_BUNDLED_HASH, NULL);
  if (g_strcmp0 (hash, synced) == 0)
    return TRUE;

  return copy_bundle (bundled, self->db, hash, error);
}

/**
 * dossier_library_open:
 * @user_path: the user's database; created, with its folder, when missing
 * @bundled_path: (nullable): the bundled dossier to take articles from
 *
 * Opens the user's library and refreshes its copy of the bundled dossier.
 */
DossierLibrary *
dossier_library_open (const char  *user_path,
                      const char  *bundled_path,
                      GError     **error)
{
  g_autoptr(DossierLibrary) self = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (user_path != NULL, NULL);

  folder = g_path_get_dirname (user_path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_OPEN,
                   _("Cannot create the folder %s: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (DOSSIER_TYPE_LIBRARY, NULL);
  self->db = dossier_database_open (user_path, DOSSIER_DATABASE_WRITABLE, error);
  if (self->db == NULL)
    return NULL;

  /* Without its bundled dossier (a broken install) the user's own library still opens. */
  if (bundled_path != NULL && !g_file_test (bundled_path, G_FILE_TEST_EXISTS))
    g_warning ("The bundled dossier %s is missing", bundled_path);
  else if (bundled_path != NULL && !refresh_bundle (self, bundled_path, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The user's database could not be read as one: keep it, under a timestamped name beside
 * it, for whoever wants to rescue it, and say where. */
static char *
move_aside (const char  *path,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.corrupt-%s", path, stamp);
  const char *suffixes[] = { "-wal", "-shm" };

  if (g_rename (path, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot move %s aside: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      g_rename (from, to);
    }

  return g_steal_pointer (&aside);
}

static DossierLibrary *
recover_damaged (const char    *user_path,
                 const GError  *cause,
                 char         **notice,
                 GError       **error)
{
  g_autofree char *aside = move_aside (user_path, error);

  if (aside == NULL)
    return NULL;

  *notice = g_strdup_printf (_("Your library %s could not be read (%s). It was kept as %s, and "
                               "Dossier started a new library."),
                             user_path, cause->message, aside);
  return dossier_library_open (user_path, dossier_library_get_default_bundled_path (), error);
}

/* A library that cannot be written (read-only file or folder, full disk) is shown as it
 * is: nothing moved, nothing changed, and the bundled copy not refreshed. */
static DossierLibrary *
open_for_reading (const char    *user_path,
                  const GError  *cause,
                  char         **notice,
                  GError       **error)
{
  g_autoptr(DossierLibrary) self = g_object_new (DOSSIER_TYPE_LIBRARY, NULL);

  self->db = dossier_database_open (user_path, DOSSIER_DATABASE_READ_ONLY_LIBRARY, error);
  if (self->db == NULL)
    return NULL;

  self->read_only = TRUE;
  /* TRANSLATORS: the first %s says which file and why, e.g. "/…/library.db cannot be
   * written (Permission denied)" */
  if (cause->code == DOSSIER_DB_ERROR_FULL)
    *notice = g_strdup_printf (_("%s. Your articles and notes are shown and nothing saved was "
                                 "lost, but no change can be saved until some space is freed."),
                               cause->message);
  else
    *notice = g_strdup_printf (_("%s. Your articles and notes are shown as they are, but no "
                                 "change can be saved until the file can be written again. "
                                 "Nothing was moved or changed."),
                               cause->message);
  return g_steal_pointer (&self);
}

/**
 * dossier_library_open_default_or_recover:
 * @notice: (out) (nullable): set, in plain words with the paths, when the library was
 *   damaged and moved aside, or could only be opened read-only
 *
 * Opens the user's library; when it is not a readable database (truncated, random bytes,
 * not SQLite) it is moved aside under a timestamped name and a new one is started. One
 * that cannot be written (read-only, a full disk) is opened read-only, untouched
 * (dossier_library_is_read_only()). A database from a newer Dossier is never moved nor
 * modified: that is an error.
 */
DossierLibrary *
dossier_library_open_default_or_recover (char   **notice,
                                         GError **error)
{
  g_autofree char *user_path = dossier_library_dup_default_user_path ();
  g_autoptr(GError) local_error = NULL;
  DossierLibrary *library;

  *notice = NULL;
  library = dossier_library_open (user_path, dossier_library_get_default_bundled_path (),
                                  &local_error);
  if (library != NULL)
    return library;

  if (g_error_matches (local_error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_CORRUPT)
      && g_str_has_prefix (local_error->message, user_path))
    return recover_damaged (user_path, local_error, notice, error);

  if ((g_error_matches (local_error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_READ_ONLY)
       || g_error_matches (local_error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_FULL))
      && g_file_test (user_path, G_FILE_TEST_IS_REGULAR))
    return open_for_reading (user_path, local_error, notice, error);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
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
static DossierDatabaseMode
reader_mode (DossierLibrary *self)
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
                                                   reader_mode (self), 1);
  return self->search_pool;
}

DossierLibrary *
dossier_library_open_default (GError **error)
{
  g_autofree char *user_path = dossier_library_dup_default_user_path ();

  return dossier_library_open (user_path, dossier_library_get_default_bundled_path (), error);
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
  read->mode = reader_mode (self);
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

  if (self->page_reader == NULL)
    self->page_reader = dossier_database_open (dossier_database_get_path (self->db),
                                               reader_mode (self), &error);
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
