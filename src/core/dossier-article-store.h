/* dossier-article-store.h: articles, their credits and blocks, in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-article.h"
#include "dossier-database.h"

G_BEGIN_DECLS

gboolean        dossier_article_store_save_all (DossierDatabase  *db,
                                                GPtrArray        *articles,
                                                gint64           *rowids,
                                                GError          **error);
gboolean        dossier_article_store_save  (DossierDatabase  *db,
                                             DossierArticle   *article,
                                             gint64           *rowid,
                                             GError          **error);
GPtrArray      *dossier_article_store_list  (DossierDatabase  *db,
                                             GError          **error);
GPtrArray      *dossier_article_store_list_hidden (DossierDatabase  *db,
                                                   GError          **error);
GArray         *dossier_article_store_list_rows (DossierDatabase  *db,
                                                 const char       *filter,
                                                 GCancellable     *cancellable,
                                                 GError          **error);
gboolean        dossier_article_store_load_rows (DossierDatabase  *db,
                                                 const gint64     *rows,
                                                 guint             n_rows,
                                                 DossierArticle  **articles,
                                                 GError          **error);
DossierArticle *dossier_article_store_load  (DossierDatabase  *db,
                                             const char       *uid,
                                             GError          **error);
gboolean        dossier_article_store_delete (DossierDatabase  *db,
                                              const char       *uid,
                                              GError          **error);
GPtrArray      *dossier_article_store_list_ids (DossierDatabase  *db,
                                                DossierOrigin     origin,
                                                GError          **error);
gint64          dossier_article_store_count (DossierDatabase  *db,
                                             GError          **error);
char           *dossier_article_store_dup_title (DossierDatabase  *db,
                                                const char       *uid,
                                                GError          **error);
gboolean        dossier_article_store_lookup (DossierDatabase  *db,
                                              const char       *uid,
                                              gboolean         *found,
                                              gint64           *rowid,
                                              DossierOrigin    *origin,
                                              GError          **error);
gboolean        dossier_article_store_find_same (DossierDatabase  *db,
                                                 DossierArticle   *article,
                                                 char            **uid,
                                                 GError          **error);
gboolean        dossier_article_store_set_hidden (DossierDatabase  *db,
                                                  const char       *uid,
                                                  gboolean          hidden,
                                                  GError          **error);
gboolean        dossier_article_store_list_ids_naming (DossierDatabase  *db,
                                                       const char       *words,
                                                       GHashTable       *ids,
                                                       GError          **error);

G_END_DECLS
