/* dossier-column.h: one article in the reading area, with its own header and scrolling
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-annotations.h"
#include "dossier-article-view.h"
#include "dossier-entity.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_COLUMN (dossier_column_get_type ())

G_DECLARE_FINAL_TYPE (DossierColumn, dossier_column, DOSSIER, COLUMN, GtkWidget)

GtkWidget          *dossier_column_new              (void);
DossierArticle     *dossier_column_get_article      (DossierColumn  *self);
void                dossier_column_set_article      (DossierColumn  *self,
                                                     DossierArticle *article,
                                                     GPtrArray      *mentions);
DossierArticleView *dossier_column_get_article_view (DossierColumn  *self);
void                dossier_column_set_entity       (DossierColumn  *self,
                                                     DossierEntity  *entity);
guint               dossier_column_get_n_mentions   (DossierColumn  *self);
int                 dossier_column_get_current_mention (DossierColumn *self);
void                dossier_column_move_to_mention  (DossierColumn  *self,
                                                     int             direction);
gboolean            dossier_column_get_focused      (DossierColumn  *self);
gboolean            dossier_column_close_button_contains (DossierColumn *self,
                                                          double         x,
                                                          double         y);
void                dossier_column_set_focused      (DossierColumn  *self,
                                                     gboolean        focused);

void                dossier_column_set_session      (DossierColumn      *self,
                                                     DossierAnnotations *session);
GtkWidget          *dossier_column_get_popover      (DossierColumn      *self);
gboolean            dossier_column_highlight_selection (DossierColumn         *self,
                                                        DossierHighlightColor  color);
void                dossier_column_edit_annotation_at_cursor (DossierColumn *self);
void                dossier_column_find             (DossierColumn      *self,
                                                     const char         *words);
guint               dossier_column_get_n_found      (DossierColumn      *self);
GListModel         *dossier_column_get_annotations  (DossierColumn      *self);
int                 dossier_column_get_current_found (DossierColumn     *self);

G_END_DECLS
