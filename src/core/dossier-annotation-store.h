/* dossier-annotation-store.h: annotations and their tags, in the user's database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-annotation.h"
#include "dossier-database.h"

G_BEGIN_DECLS

gboolean           dossier_annotation_store_save        (DossierDatabase               *db,
                                                         DossierAnnotation             *annotation,
                                                         GError                       **error);
gboolean           dossier_annotation_store_save_all    (DossierDatabase               *db,
                                                         GPtrArray                     *annotations,
                                                         GError                       **error);
gboolean           dossier_annotation_store_delete      (DossierDatabase               *db,
                                                         const char                    *id,
                                                         GError                       **error);
DossierAnnotation *dossier_annotation_store_load        (DossierDatabase               *db,
                                                         const char                    *id,
                                                         GError                       **error);
GPtrArray         *dossier_annotation_store_list        (DossierDatabase               *db,
                                                         const DossierAnnotationFilter *filter,
                                                         GError                       **error);
GStrv              dossier_annotation_store_list_tags   (DossierDatabase               *db,
                                                         GError                       **error);
GHashTable        *dossier_annotation_store_count_by_article (DossierDatabase          *db,
                                                              GError                  **error);
gboolean           dossier_annotation_store_exists      (DossierDatabase               *db,
                                                         const char                    *id,
                                                         gboolean                      *exists,
                                                         GError                       **error);

G_END_DECLS
