/* dossier-window-private.h: what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-article-pages.h"
#include "dossier-sidebar.h"
#include "dossier-timeline-pane.h"
#include "dossier-window.h"
#include "dossier-workspace.h"

G_BEGIN_DECLS

struct _DossierWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwWindowTitle     *content_title;
  GtkPopover         *entity_details_popover;
  GtkRevealer        *entity_bar;
  GtkLabel           *entity_count_label;
  GtkLabel           *entity_kind_label;
  GtkLabel           *entity_name_label;
  GtkRevealer        *import_bar;
  GtkLabel           *import_label;
  GtkProgressBar     *import_progress;
  AdwStatusPage      *error_page;
  AdwLeaflet         *leaflet;
  GtkStack           *library_stack;
  DossierSidebar     *sidebar;
  DossierTimelinePane *timeline_pane;
  GtkPaned           *timeline_paned;
  AdwToastOverlay    *toast_overlay;
  DossierWorkspace   *workspace;

  /* owned */
  DossierLibrary     *library;
  DossierAnnotations *annotations;
  DossierArticlePages *articles;
  GPtrArray          *entities;      /* DossierEntity the library mentions */
  DossierEntity      *chosen;        /* the chosen entity, or NULL */
  GSettings          *settings;
  GtkCssProvider     *zoom_css;
  GCancellable       *import_cancellable;   /* while an import runs */
  GCancellable       *reading;              /* while the lists are read */
  guint               n_reading;            /* lists still to come */
  GCancellable       *counting;             /* while the chosen entity's articles are counted */
  gboolean            restored;             /* columns and entity of the last session */
  double              font_scale;
};

void     _dossier_window_class_init_actions (GtkWidgetClass *widget_class);
void     _dossier_window_init_actions       (DossierWindow  *self);
void     _dossier_window_update_actions     (DossierWindow  *self);
gboolean _dossier_window_open               (DossierWindow  *self,
                                             const char     *id,
                                             gboolean        beside);
gboolean _dossier_window_open_passage       (DossierWindow  *self,
                                             const char     *id,
                                             guint           start,
                                             guint           end,
                                             gboolean        beside);
gboolean _dossier_window_open_found         (DossierWindow  *self,
                                             const char     *id,
                                             const char     *words);
void     _dossier_window_choose_entity      (DossierWindow  *self,
                                             const char     *name);
void     _dossier_window_set_font_scale     (DossierWindow  *self,
                                             double          scale);
void     _dossier_window_toast              (DossierWindow  *self,
                                             const char     *message);
void     _dossier_window_reload             (DossierWindow  *self);
void     _dossier_window_class_init_import  (GtkWidgetClass *widget_class);
void     _dossier_window_init_import        (DossierWindow  *self);
void     _dossier_window_import             (DossierWindow  *self,
                                             const char * const *paths);
void     _dossier_window_init_marks         (DossierWindow  *self);

G_END_DECLS
