/* dossier-annotations-anchor.c: finding annotated passages again after a text changed
 *
 * Part of DossierAnnotations (dossier-annotations.c): re-anchoring is not the user's
 * change, so it is saved but not undoable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-annotations"

#include "config.h"

#include "dossier-anchor.h"
#include "dossier-annotation-store.h"
#include "dossier-annotations-private.h"
#include "dossier-article-store.h"

/* Re-anchors each of @annotations against @article (NULL: gone) and saves those that
 * changed, together. Not undoable: it is not the user's change. */
static gboolean
anchor_annotations (DossierAnnotations  *self,
                    GListModel          *annotations,
                    DossierArticle      *article,
                    gboolean            *changed,
                    GError             **error)
{
  g_autoptr(GPtrArray) to_save = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (annotations, i);

      if (dossier_anchor_apply (annotation, article))
        g_ptr_array_add (to_save, g_object_ref (annotation));
    }

  *changed = *changed || to_save->len > 0;
  return to_save->len == 0
         || dossier_annotation_store_save_all (_dossier_annotations_database (self), to_save,
                                               error);
}

static gboolean
anchor_one (DossierAnnotations  *self,
            const char          *article_id,
            DossierArticle      *article,
            gboolean            *changed,
            GError             **error)
{
  DossierAnnotationFilter of_article = DOSSIER_ANNOTATION_FILTER_INIT;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GListStore) store = g_list_store_new (DOSSIER_TYPE_ANNOTATION);

  of_article.article_id = article_id;
  found = dossier_annotation_store_list (_dossier_annotations_database (self), &of_article, error);
  if (found == NULL)
    return FALSE;

  g_list_store_splice (store, 0, 0, found->pdata, found->len);
  return anchor_annotations (self, G_LIST_MODEL (store), article, changed, error);
}

/**
 * dossier_annotations_anchor_article:
 * @article: an article with its body, as it is now
 *
 * Finds the passages of @article's annotations again if its text changed (see
 * dossier-anchor.c); those that can't be found become orphans. Call it when an article
 * is loaded for display.
 */
gboolean
dossier_annotations_anchor_article (DossierAnnotations  *self,
                                    DossierArticle      *article,
                                    GError             **error)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), FALSE);

  if (!anchor_one (self, dossier_article_get_id (article), article, &changed, error))
    return FALSE;

  if (changed)
    _dossier_annotations_emit_changed (self);
  return TRUE;
}

/* The article an annotation points at, or NULL when it is gone. */
static gboolean
load_if_present (DossierAnnotations  *self,
                 const char          *id,
                 DossierArticle     **article,
                 GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  *article = dossier_article_store_load (_dossier_annotations_database (self), id, &local_error);
  if (*article != NULL || g_error_matches (local_error, DOSSIER_DB_ERROR,
                                           DOSSIER_DB_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * dossier_annotations_anchor_all:
 *
 * Like dossier_annotations_anchor_article() for every article that has annotations;
 * annotations of articles that are gone become orphans. Run before listing or exporting
 * everything, e.g. after the library was refreshed or an import.
 */
gboolean
dossier_annotations_anchor_all (DossierAnnotations  *self,
                                GError             **error)
{
  g_autoptr(GHashTable) counts = NULL;
  gboolean changed = FALSE;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS (self), FALSE);

  counts = dossier_annotation_store_count_by_article (_dossier_annotations_database (self), error);
  if (counts == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(DossierArticle) article = NULL;

      if (!load_if_present (self, key, &article, error)
          || !anchor_one (self, key, article, &changed, error))
        return FALSE;
    }

  if (changed)
    _dossier_annotations_emit_changed (self);
  return TRUE;
}
