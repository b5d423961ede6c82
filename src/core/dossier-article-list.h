/* dossier-article-list.h: a list model of articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-article.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARTICLE_LIST (dossier_article_list_get_type ())

G_DECLARE_FINAL_TYPE (DossierArticleList, dossier_article_list, DOSSIER, ARTICLE_LIST, GObject)

DossierArticleList *dossier_article_list_new      (GPtrArray          *articles);
void                dossier_article_list_replace  (DossierArticleList *self,
                                                   GPtrArray          *articles);
DossierArticle     *dossier_article_list_find     (DossierArticleList *self,
                                                   const char         *id,
                                                   guint              *position);

G_END_DECLS
