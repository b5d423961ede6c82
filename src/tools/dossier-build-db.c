/* dossier-build-db.c: builds the bundled dossier's database from the files in data/
 *
 * Usage: dossier-build-db OUTPUT INPUT.json…
 *
 * Runs at build time, through the same importer users have, so the bundled dossier obeys
 * the documented format. The result is written beside OUTPUT and renamed into place, so an
 * interrupted build never leaves a half-written database to install.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-build-db"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "dossier-article-store.h"
#include "dossier-database.h"
#include "dossier-entity-store.h"
#include "dossier-importer.h"
#include "dossier-library.h"
#include "dossier-search-store.h"

/* The hash names this exact content, so user libraries know when to refresh their copy. */
static char *
hash_inputs (char    **inputs,
             GError  **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (inputs[i], &contents, &length, error))
        return NULL;
      g_checksum_update (checksum, (const guchar *) contents, length);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
store_all (DossierDatabase  *db,
           DossierImporter  *importer,
           const char       *hash,
           GError          **error)
{
  GPtrArray *articles = dossier_importer_get_articles (importer);
  GPtrArray *entities = dossier_importer_get_entities (importer);

  if (!dossier_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < entities->len; i++)
    if (!dossier_entity_store_save (db, g_ptr_array_index (entities, i),
                                    DOSSIER_ORIGIN_BUNDLED, error))
      return FALSE;

  for (guint i = 0; i < articles->len; i++)
    {
      DossierArticle *article = g_ptr_array_index (articles, i);

      dossier_article_set_origin (article, DOSSIER_ORIGIN_BUNDLED);
      if (!dossier_article_store_save (db, article, NULL, error))
        return FALSE;
    }

  /* Read-only once installed: its search index is merged into one segment now. */
  return dossier_database_set_meta (db, DOSSIER_META_CONTENT_HASH, hash, error)
         && dossier_database_commit (db, error)
         && dossier_search_store_tidy_index (db, articles->len, error);
}

static gboolean
build (const char  *output,
       char       **inputs,
       GError     **error)
{
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autoptr(DossierDatabase) db = NULL;
  g_autofree char *partial = g_strconcat (output, ".partial", NULL);
  g_autofree char *hash = hash_inputs (inputs, error);

  if (hash == NULL)
    return FALSE;

  for (guint i = 0; inputs[i] != NULL; i++)
    if (!dossier_importer_add_file (importer, inputs[i], error))
      return FALSE;

  g_unlink (partial);
  db = dossier_database_open (partial, DOSSIER_DATABASE_BUILD, error);
  if (db == NULL || !store_all (db, importer, hash, error))
    return FALSE;
  g_clear_object (&db);

  if (g_rename (partial, output) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "Cannot rename %s to %s: %s", partial, output, g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  if (argc < 3)
    {
      fprintf (stderr, "Usage: %s OUTPUT INPUT.json…\n", argv[0]);
      return 1;
    }

  if (!build (argv[1], argv + 2, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }

  return 0;
}
