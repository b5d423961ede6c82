/* dossier-timeline-model.h: the timeline as rows: month headings and events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-event.h"
#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIMELINE_MODEL (dossier_timeline_model_get_type ())

G_DECLARE_FINAL_TYPE (DossierTimelineModel, dossier_timeline_model, DOSSIER, TIMELINE_MODEL,
                      GObject)

DossierTimelineModel *dossier_timeline_model_new          (void);
void                  dossier_timeline_model_set_events   (DossierTimelineModel *self,
                                                           GPtrArray            *events);
void                  dossier_timeline_model_set_library  (DossierTimelineModel *self,
                                                           DossierLibrary       *library);
gboolean              dossier_timeline_model_is_loading   (DossierTimelineModel *self);
guint                 dossier_timeline_model_get_n_held   (DossierTimelineModel *self);
void                  dossier_timeline_model_set_entity   (DossierTimelineModel *self,
                                                           const char           *entity);
void                  dossier_timeline_model_set_range    (DossierTimelineModel *self,
                                                           int                   from_month_key,
                                                           int                   to_month_key);
guint                 dossier_timeline_model_get_n_events (DossierTimelineModel *self);
GArray               *dossier_timeline_model_count_months (DossierTimelineModel *self,
                                                           int                  *first_year,
                                                           int                  *first_month);
GPtrArray            *dossier_timeline_model_get_group    (DossierTimelineModel *self,
                                                           const char           *group);
void                  dossier_timeline_model_set_read_in_background (DossierTimelineModel *self,
                                                                     gboolean              in_background);
GObject              *dossier_timeline_model_read_item    (DossierTimelineModel *self,
                                                           guint                 position);

G_END_DECLS
