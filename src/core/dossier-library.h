/* dossier-library.h: the bundled dossier and the user's own data, seen as one library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-article-list.h"
#include "dossier-database.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIBRARY (dossier_library_get_type ())

/* meta keys */
#define DOSSIER_META_CONTENT_HASH "content_hash"   /* in the bundled database */
#define DOSSIER_META_BUNDLED_HASH "bundled_hash"   /* in the user's: what it was synced from */

G_DECLARE_FINAL_TYPE (DossierLibrary, dossier_library, DOSSIER, LIBRARY, GObject)

const char         *dossier_library_get_default_bundled_path (void);
char               *dossier_library_dup_default_user_path    (void);

DossierLibrary     *dossier_library_open                     (const char      *user_path,
                                                              const char      *bundled_path,
                                                              GError         **error);
DossierLibrary     *dossier_library_open_default             (GError         **error);
DossierDatabase    *dossier_library_get_database             (DossierLibrary  *self);
DossierArticleList *dossier_library_list_articles            (DossierLibrary  *self,
                                                              GError         **error);
DossierArticle     *dossier_library_load_article             (DossierLibrary  *self,
                                                              const char      *id,
                                                              GError         **error);

GPtrArray          *dossier_library_list_entities            (DossierLibrary  *self,
                                                              GError         **error);
GPtrArray          *dossier_library_list_mentions            (DossierLibrary  *self,
                                                              const char      *article_id,
                                                              GError         **error);
GHashTable         *dossier_library_articles_mentioning      (DossierLibrary  *self,
                                                              const char      *entity,
                                                              GError         **error);

GPtrArray          *dossier_library_list_companions          (DossierLibrary  *self,
                                                              const char      *entity,
                                                              GError         **error);

GPtrArray          *dossier_library_list_events              (DossierLibrary  *self,
                                                              GError         **error);

G_END_DECLS
