/* dossier-timeline-pane.h: the time axis above the list of dated events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-time-axis.h"
#include "dossier-timeline-model.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIMELINE_PANE (dossier_timeline_pane_get_type ())

G_DECLARE_FINAL_TYPE (DossierTimelinePane, dossier_timeline_pane, DOSSIER, TIMELINE_PANE,
                      GtkWidget)

GtkWidget            *dossier_timeline_pane_new        (void);
void                  dossier_timeline_pane_set_events (DossierTimelinePane *self,
                                                        GPtrArray           *events);
void                  dossier_timeline_pane_set_library (DossierTimelinePane *self,
                                                        DossierLibrary      *library);
void                  dossier_timeline_pane_set_entity (DossierTimelinePane *self,
                                                        const char          *entity);
DossierTimelineModel *dossier_timeline_pane_get_model  (DossierTimelinePane *self);
DossierTimeAxis      *dossier_timeline_pane_get_axis   (DossierTimelinePane *self);
void                  dossier_timeline_pane_activate   (DossierTimelinePane *self,
                                                        guint                position);

G_END_DECLS
