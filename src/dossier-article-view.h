/* dossier-article-view.h: one article set for reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-article.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARTICLE_VIEW (dossier_article_view_get_type ())

G_DECLARE_FINAL_TYPE (DossierArticleView, dossier_article_view, DOSSIER, ARTICLE_VIEW, GtkWidget)

GtkWidget      *dossier_article_view_new          (void);
DossierArticle *dossier_article_view_get_article  (DossierArticleView *self);
void            dossier_article_view_set_article  (DossierArticleView *self,
                                                   DossierArticle     *article);
GtkTextView    *dossier_article_view_get_text_view (DossierArticleView *self);
gboolean        dossier_article_view_get_iter_at  (DossierArticleView *self,
                                                   guint               offset,
                                                   GtkTextIter        *iter);

void            dossier_article_view_reveal_range (DossierArticleView *self,
                                                   guint               start,
                                                   guint               end);

/* Highlight groups: each is cleared on its own */
#define DOSSIER_HIGHLIGHT_GROUP_ENTITY     "entity"
#define DOSSIER_HIGHLIGHT_GROUP_ANNOTATION "annotation"
#define DOSSIER_HIGHLIGHT_GROUP_FIND       "find"

void            dossier_article_view_add_highlight (DossierArticleView *self,
                                                    const char         *group,
                                                    const char         *tag,
                                                    guint               start,
                                                    guint               end,
                                                    const char         *description,
                                                    const char         *key);
void            dossier_article_view_clear_highlights (DossierArticleView *self,
                                                       const char         *group);
const char     *dossier_article_view_get_highlight_at (DossierArticleView *self,
                                                       const GtkTextIter  *iter,
                                                       const char         *group,
                                                       const char        **key);
gboolean        dossier_article_view_get_selection (DossierArticleView *self,
                                                    guint              *start,
                                                    guint              *end);
gboolean        dossier_article_view_get_offset_at_iter (DossierArticleView *self,
                                                         const GtkTextIter  *iter,
                                                         guint              *offset);
guint           dossier_article_view_get_top_offset (DossierArticleView *self);
void            dossier_article_view_scroll_to_offset (DossierArticleView *self,
                                                       guint               offset);

void            dossier_article_view_set_reading_width (DossierArticleView *self,
                                                        int                 width);

G_END_DECLS
