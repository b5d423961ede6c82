/* dossier-annotations-import.c: merging a Web Annotation file into the user's annotations
 *
 * Part of DossierAnnotations (dossier-annotations.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-annotations"

#include "config.h"

#include "dossier-annotation-store.h"
#include "dossier-annotations-private.h"
#include "dossier-web-annotation.h"

static void
count_existing (DossierAnnotations *self,
                GPtrArray          *annotations,
                guint              *n_added,
                guint              *n_updated)
{
  DossierDatabase *db = _dossier_annotations_database (self);

  *n_added = *n_updated = 0;
  for (guint i = 0; i < annotations->len; i++)
    {
      DossierAnnotation *annotation = g_ptr_array_index (annotations, i);
      gboolean exists = FALSE;

      dossier_annotation_store_exists (db, dossier_annotation_get_id (annotation), &exists, NULL);
      if (exists)
        (*n_updated)++;
      else
        (*n_added)++;
    }
}

/* Saves @annotations over those with the same ids, in one transaction, then anchors them. */
static gboolean
merge (DossierAnnotations  *self,
       GPtrArray           *annotations,
       guint               *n_added,
       guint               *n_updated,
       GError             **error)
{
  guint added, updated;

  count_existing (self, annotations, &added, &updated);
  if (!dossier_annotation_store_save_all (_dossier_annotations_database (self), annotations, error))
    return FALSE;

  if (n_added != NULL)
    *n_added = added;
  if (n_updated != NULL)
    *n_updated = updated;

  _dossier_annotations_emit_changed (self);
  return dossier_annotations_anchor_all (self, error);
}

/**
 * dossier_annotations_import_file:
 * @path: a Web Annotation JSON file, as dossier_export writes it
 * @n_added: (out) (optional): how many were new
 * @n_updated: (out) (optional): how many replaced an annotation with the same id
 *
 * Reads the annotations of @path and merges them by id, in one transaction: a file with
 * any error imports nothing, and the error names its line and column. The passages are
 * then anchored against the articles as they are. An import is not undoable.
 */
gboolean
dossier_annotations_import_file (DossierAnnotations  *self,
                                 const char          *path,
                                 guint               *n_added,
                                 guint               *n_updated,
                                 GError             **error)
{
  g_autoptr(GPtrArray) annotations = NULL;

  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  annotations = dossier_web_annotation_read_file (path, error);
  return annotations != NULL && merge (self, annotations, n_added, n_updated, error);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *annotations = dossier_web_annotation_read_file (task_data, &error);

  if (annotations == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, annotations, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * dossier_annotations_import_file_async:
 *
 * dossier_annotations_import_file() for the window: the file is read and checked in a
 * worker thread; dossier_annotations_import_file_finish() then saves it, on the thread
 * that owns the database.
 */
void
dossier_annotations_import_file_async (DossierAnnotations  *self,
                                       const char          *path,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOSSIER_IS_ANNOTATIONS (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_annotations_import_file_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, read_in_thread);
}

/* How many of @annotations, once anchored, point at no article of the library. */
static guint
count_orphans (DossierAnnotations *self,
               GPtrArray          *annotations)
{
  DossierDatabase *db = _dossier_annotations_database (self);
  guint n = 0;

  for (guint i = 0; i < annotations->len; i++)
    {
      const char *id = dossier_annotation_get_id (g_ptr_array_index (annotations, i));
      g_autoptr(DossierAnnotation) saved = dossier_annotation_store_load (db, id, NULL);

      if (saved != NULL && dossier_annotation_get_anchor (saved) == DOSSIER_ANCHOR_ORPHAN)
        n++;
    }

  return n;
}

/**
 * dossier_annotations_import_file_finish:
 * @n_orphans: (out) (optional): how many of the file's annotations found no passage,
 *   most often because their article is not in the library; they are kept as orphans
 */
gboolean
dossier_annotations_import_file_finish (DossierAnnotations  *self,
                                        GAsyncResult        *result,
                                        guint               *n_added,
                                        guint               *n_updated,
                                        guint               *n_orphans,
                                        GError             **error)
{
  g_autoptr(GPtrArray) annotations = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  annotations = g_task_propagate_pointer (G_TASK (result), error);
  if (annotations == NULL || !merge (self, annotations, n_added, n_updated, error))
    return FALSE;

  if (n_orphans != NULL)
    *n_orphans = count_orphans (self, annotations);
  return TRUE;
}
