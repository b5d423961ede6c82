/* dossier-article-pages.h: the library's articles as a list, read a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-article.h"
#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARTICLE_PAGES (dossier_article_pages_get_type ())

G_DECLARE_FINAL_TYPE (DossierArticlePages, dossier_article_pages, DOSSIER, ARTICLE_PAGES, GObject)

#define DOSSIER_ARTICLE_PAGE_SIZE 64

DossierArticlePages *dossier_article_pages_new           (DossierLibrary       *library);
void                 dossier_article_pages_reload_async  (DossierArticlePages  *self,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean             dossier_article_pages_reload_finish (DossierArticlePages  *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
void                 dossier_article_pages_set_filter    (DossierArticlePages  *self,
                                                          const char           *filter);
const char          *dossier_article_pages_get_filter    (DossierArticlePages  *self);
gboolean             dossier_article_pages_is_loading    (DossierArticlePages  *self);
gboolean             dossier_article_pages_find          (DossierArticlePages  *self,
                                                          const char           *id,
                                                          guint                *position);
guint                dossier_article_pages_get_n_cached  (DossierArticlePages  *self);

G_END_DECLS
