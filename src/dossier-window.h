/* dossier-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-annotations.h"
#include "dossier-library.h"
#include "dossier-sidebar.h"
#include "dossier-timeline-pane.h"
#include "dossier-workspace.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_WINDOW (dossier_window_get_type ())

G_DECLARE_FINAL_TYPE (DossierWindow, dossier_window, DOSSIER, WINDOW, AdwApplicationWindow)

DossierWindow    *dossier_window_new               (GtkApplication  *application,
                                                    DossierLibrary  *library,
                                                    const GError    *library_error);
gboolean          dossier_window_open_article      (DossierWindow   *self,
                                                    const char      *id);
gboolean          dossier_window_open_beside       (DossierWindow   *self,
                                                    const char      *id);
gboolean          dossier_window_open_passage      (DossierWindow   *self,
                                                    const char      *id,
                                                    guint            start,
                                                    guint            end);
void              dossier_window_choose_entity     (DossierWindow   *self,
                                                    const char      *name);
DossierEntity    *dossier_window_get_chosen_entity (DossierWindow   *self);
GListModel       *dossier_window_get_articles      (DossierWindow   *self);
DossierSidebar   *dossier_window_get_sidebar       (DossierWindow   *self);
DossierWorkspace *dossier_window_get_workspace     (DossierWindow   *self);
DossierTimelinePane *dossier_window_get_timeline_pane (DossierWindow *self);
DossierAnnotations *dossier_window_get_annotations (DossierWindow *self);
void              dossier_window_import_files      (DossierWindow      *self,
                                                    const char * const *paths);
gboolean          dossier_window_is_importing      (DossierWindow   *self);
gboolean          dossier_window_is_loading        (DossierWindow   *self);

G_END_DECLS
