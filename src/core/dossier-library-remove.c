/* dossier-library-remove.c: shrinking the library: removing an imported article, hiding
 * and showing again a bundled one
 *
 * Bundled articles are never removed, only hidden: the next refresh of the bundled
 * dossier would bring them back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-annotation-store.h"
#include "dossier-article-store.h"
#include "dossier-event-store.h"
#include "dossier-library-private.h"

static gboolean
delete_annotations (DossierDatabase  *db,
                    const char       *id,
                    GError          **error)
{
  DossierAnnotationFilter filter = DOSSIER_ANNOTATION_FILTER_INIT;
  g_autoptr(GPtrArray) annotations = NULL;

  filter.article_id = id;
  if ((annotations = dossier_annotation_store_list (db, &filter, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < annotations->len; i++)
    if (!dossier_annotation_store_delete (db, dossier_annotation_get_id (g_ptr_array_index
                                                                         (annotations, i)),
                                          error))
      return FALSE;

  return TRUE;
}

static gboolean
delete_article (DossierDatabase  *db,
                const char       *id,
                GError          **error)
{
  if (!dossier_database_begin (db, error))
    return FALSE;

  /* Its events leave the groups they were in. */
  if (!dossier_article_store_delete (db, id, error)
      || !dossier_event_store_regroup (db, error)
      || !dossier_database_commit (db, error))
    {
      dossier_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/**
 * dossier_library_remove_article:
 * @keep_annotations: keep the article's annotations, as orphans under "Needs attention",
 *   rather than delete them
 *
 * Deletes an imported article, with its mentions and events; a bundled one can't be
 * deleted (the next refresh would bring it back) and is hidden instead.
 */
gboolean
dossier_library_remove_article (DossierLibrary  *self,
                                const char      *id,
                                gboolean         keep_annotations,
                                GError         **error)
{
  DossierDatabase *db;
  DossierOrigin origin = DOSSIER_ORIGIN_IMPORTED;
  gboolean found = FALSE;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  db = dossier_library_get_database (self);
  if (!dossier_article_store_lookup (db, id, &found, NULL, &origin, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_NOT_FOUND,
                   _("No article with id “%s”"), id);
      return FALSE;
    }

  /* A hidden article keeps its annotations anchored, for when it is shown again. */
  if (origin == DOSSIER_ORIGIN_BUNDLED)
    return dossier_article_store_set_hidden (db, id, TRUE, error)
           && (keep_annotations || delete_annotations (db, id, error));

  /* The article goes first: annotations a failure leaves behind are made orphans by the
   * next anchoring anyway. */
  if (!delete_article (db, id, error))
    return FALSE;

  return keep_annotations ? _dossier_library_anchor_annotations (db, id, NULL, error)
                          : delete_annotations (db, id, error);
}

/* Shows a hidden article again; an article that is not hidden is left as it is. */
gboolean
dossier_library_unhide_article (DossierLibrary  *self,
                                const char      *id,
                                GError         **error)
{
  DossierDatabase *db;
  gboolean found = FALSE;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  db = dossier_library_get_database (self);
  if (!dossier_article_store_lookup (db, id, &found, NULL, NULL, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_NOT_FOUND,
                   _("No article with id “%s”"), id);
      return FALSE;
    }

  return dossier_article_store_set_hidden (db, id, FALSE, error);
}

/**
 * dossier_library_list_hidden_articles:
 *
 * Returns: (transfer full): the hidden articles, oldest first, without their bodies
 */
DossierArticleList *
dossier_library_list_hidden_articles (DossierLibrary  *self,
                                      GError         **error)
{
  g_autoptr(GPtrArray) articles = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);

  articles = dossier_article_store_list_hidden (dossier_library_get_database (self), error);
  if (articles == NULL)
    return NULL;

  return dossier_article_list_new (articles);
}
