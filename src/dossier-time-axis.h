/* dossier-time-axis.h: events per month as bars, and a range of months chosen on them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIME_AXIS (dossier_time_axis_get_type ())

G_DECLARE_FINAL_TYPE (DossierTimeAxis, dossier_time_axis, DOSSIER, TIME_AXIS, GtkWidget)

GtkWidget *dossier_time_axis_new                (void);
void       dossier_time_axis_set_counts         (DossierTimeAxis *self,
                                                 const guint     *counts,
                                                 guint            n_months,
                                                 int              first_year,
                                                 int              first_month);
guint      dossier_time_axis_get_n_months       (DossierTimeAxis *self);
gboolean   dossier_time_axis_get_selection      (DossierTimeAxis *self,
                                                 int             *from_year,
                                                 int             *from_month,
                                                 int             *to_year,
                                                 int             *to_month);
void       dossier_time_axis_set_selection      (DossierTimeAxis *self,
                                                 int              from_year,
                                                 int              from_month,
                                                 int              to_year,
                                                 int              to_month);
void       dossier_time_axis_clear_selection    (DossierTimeAxis *self);
gboolean   dossier_time_axis_get_has_selection  (DossierTimeAxis *self);
char      *dossier_time_axis_dup_selection_text (DossierTimeAxis *self);
void       dossier_time_axis_set_highlighted    (DossierTimeAxis *self,
                                                 int              year,
                                                 int              month);
gboolean   dossier_time_axis_get_highlighted    (DossierTimeAxis *self,
                                                 int             *year,
                                                 int             *month);
gboolean   dossier_time_axis_month_at_x         (DossierTimeAxis *self,
                                                 double           x,
                                                 int             *year,
                                                 int             *month);
GskRenderNode *dossier_time_axis_snapshot_shapes (DossierTimeAxis *self);

G_END_DECLS
