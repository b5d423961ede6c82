/* dossier-sidebar.h: the library of articles and the entities, with a filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-article-pages.h"
#include "dossier-entity.h"
#include "dossier-notes-view.h"
#include "dossier-search-pane.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SIDEBAR (dossier_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (DossierSidebar, dossier_sidebar, DOSSIER, SIDEBAR, GtkWidget)

GtkWidget  *dossier_sidebar_new                (void);
void        dossier_sidebar_set_articles       (DossierSidebar      *self,
                                                DossierArticlePages *articles);
GListModel *dossier_sidebar_get_shown_articles (DossierSidebar *self);
void        dossier_sidebar_set_entities       (DossierSidebar *self,
                                                GPtrArray      *entities);
GListModel *dossier_sidebar_get_shown_entities (DossierSidebar *self);
void        dossier_sidebar_select_article     (DossierSidebar *self,
                                                const char     *id);
void        dossier_sidebar_set_chosen_entity  (DossierSidebar *self,
                                                DossierEntity  *entity,
                                                GHashTable     *article_mentions);
const char *dossier_sidebar_get_view           (DossierSidebar *self);
void        dossier_sidebar_set_view           (DossierSidebar *self,
                                                const char     *view);
void        dossier_sidebar_focus_filter       (DossierSidebar *self);
void        dossier_sidebar_focus_list         (DossierSidebar *self);
DossierSearchPane *dossier_sidebar_get_search_pane (DossierSidebar *self);
DossierNotesView  *dossier_sidebar_get_notes_view  (DossierSidebar *self);
void        dossier_sidebar_set_note_counts    (DossierSidebar *self,
                                                GHashTable     *counts);

/* For tests */
GtkWidget *_dossier_sidebar_popup_article_menu (GtkWidget  *row,
                                               const char *id,
                                               gboolean    bundled,
                                               double      x,
                                               double      y);

G_END_DECLS
