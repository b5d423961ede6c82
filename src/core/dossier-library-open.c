/* dossier-library-open.c: opening the user's library, with its copy of the bundled dossier
 *
 * Part of DossierLibrary (dossier-library.c). A library that cannot be read as a database
 * is moved aside and a new one started; one that cannot be written is opened read-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "dossier-article-store.h"
#include "dossier-entity-matcher.h"
#include "dossier-entity-store.h"
#include "dossier-event-store.h"
#include "dossier-library-private.h"
#include "dossier-mention-store.h"

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

DossierLibrary *
dossier_library_open_default (GError **error)
{
  g_autofree char *user_path = dossier_library_dup_default_user_path ();

  return dossier_library_open (user_path, dossier_library_get_default_bundled_path (), error);
}
