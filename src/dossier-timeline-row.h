/* dossier-timeline-row.h: one event, or a month's heading, in the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-timeline-model.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIMELINE_ROW (dossier_timeline_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierTimelineRow, dossier_timeline_row, DOSSIER, TIMELINE_ROW, GtkWidget)

GtkWidget *dossier_timeline_row_new      (void);
void       dossier_timeline_row_set_item (DossierTimelineRow   *self,
                                          GObject              *item,
                                          DossierTimelineModel *model);

G_END_DECLS
