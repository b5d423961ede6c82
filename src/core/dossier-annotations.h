/* dossier-annotations.h: the user's annotations in a session: change, undo, list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-annotation.h"
#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ANNOTATIONS (dossier_annotations_get_type ())
#define DOSSIER_ANNOTATION_ERROR (dossier_annotation_error_quark ())

typedef enum
{
  DOSSIER_ANNOTATION_ERROR_INVALID_RANGE,
  DOSSIER_ANNOTATION_ERROR_QUOTE_NOT_FOUND,
  DOSSIER_ANNOTATION_ERROR_NOTHING_TO_UNDO,
} DossierAnnotationError;

G_DECLARE_FINAL_TYPE (DossierAnnotations, dossier_annotations, DOSSIER, ANNOTATIONS, GObject)

GQuark              dossier_annotation_error_quark        (void);
DossierAnnotations *dossier_annotations_new               (DossierLibrary                *library);
DossierLibrary     *dossier_annotations_get_library       (DossierAnnotations            *self);

DossierAnnotation  *dossier_annotations_create            (DossierAnnotations            *self,
                                                           DossierArticle                *article,
                                                           guint                          start,
                                                           guint                          end,
                                                           DossierHighlightColor          color,
                                                           const char                    *note,
                                                           const char * const            *tags,
                                                           GError                       **error);
DossierAnnotation  *dossier_annotations_create_for_quote  (DossierAnnotations            *self,
                                                           DossierArticle                *article,
                                                           const char                    *quote,
                                                           guint                          occurrence,
                                                           DossierHighlightColor          color,
                                                           const char                    *note,
                                                           const char * const            *tags,
                                                           GError                       **error);
gboolean            dossier_annotations_update            (DossierAnnotations            *self,
                                                           const char                    *id,
                                                           DossierHighlightColor          color,
                                                           const char                    *note,
                                                           const char * const            *tags,
                                                           GError                       **error);
gboolean            dossier_annotations_delete            (DossierAnnotations            *self,
                                                           const char                    *id,
                                                           GError                       **error);
gboolean            dossier_annotations_get_can_undo      (DossierAnnotations            *self);
gboolean            dossier_annotations_get_can_redo      (DossierAnnotations            *self);
gboolean            dossier_annotations_undo              (DossierAnnotations            *self,
                                                           GError                       **error);
gboolean            dossier_annotations_redo              (DossierAnnotations            *self,
                                                           GError                       **error);

DossierAnnotation  *dossier_annotations_lookup            (DossierAnnotations            *self,
                                                           const char                    *id,
                                                           GError                       **error);
GListModel         *dossier_annotations_list              (DossierAnnotations            *self,
                                                           const DossierAnnotationFilter *filter,
                                                           GError                       **error);
GListModel         *dossier_annotations_list_orphans      (DossierAnnotations            *self,
                                                           GError                       **error);
GStrv               dossier_annotations_list_tags         (DossierAnnotations            *self,
                                                           GError                       **error);
GHashTable         *dossier_annotations_count_by_article  (DossierAnnotations            *self,
                                                           GError                       **error);

gboolean            dossier_annotations_anchor_article    (DossierAnnotations            *self,
                                                           DossierArticle                *article,
                                                           GError                       **error);
void                dossier_annotations_reload            (DossierAnnotations            *self);
gboolean            dossier_annotations_anchor_all        (DossierAnnotations            *self,
                                                           GError                       **error);
gboolean            dossier_annotations_import_file       (DossierAnnotations            *self,
                                                           const char                    *path,
                                                           guint                         *n_added,
                                                           guint                         *n_updated,
                                                           GError                       **error);
void                dossier_annotations_import_file_async (DossierAnnotations           *self,
                                                           const char                    *path,
                                                           GCancellable                  *cancellable,
                                                           GAsyncReadyCallback            callback,
                                                           gpointer                       user_data);
gboolean            dossier_annotations_import_file_finish (DossierAnnotations          *self,
                                                            GAsyncResult                 *result,
                                                            guint                        *n_added,
                                                            guint                        *n_updated,
                                                            guint                        *n_orphans,
                                                            GError                      **error);

G_END_DECLS
