/* dossier-time-axis-private.h: what the files of DossierTimeAxis share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-time-axis.h"

G_BEGIN_DECLS

#define SIDE_PADDING   6.0
#define TOP_PADDING    6.0
#define LABEL_GAP      3.0
#define BOTTOM_PADDING 3.0
#define LABEL_INDENT   4.0
#define LABEL_SPACING  10.0
#define MAX_BAR_WIDTH  28.0
#define MIN_BAR_HEIGHT 2.0
#define DRAG_THRESHOLD 4.0

/* A chosen range: the anchor stays put while the cursor end moves (Shift+arrow, dragging). */
typedef struct
{
  gboolean set;
  int      anchor;
  int      cursor;
} AxisRange;

typedef struct
{
  double left;
  double slot;
  double bar_top;
  double baseline;
  double label_top;
  double bottom;
} AxisGeometry;

typedef struct
{
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA accent_bg;
} AxisColors;

struct _DossierTimeAxis
{
  GtkWidget parent_instance;

  /* owned */
  guint    *counts;
  guint     n_months;
  guint     max_count;
  int       first;

  AxisRange selection;
  int       hover;
  int       highlighted;

  /* while a drag is under way */
  AxisRange drag_saved;
  double    drag_x;
  gboolean  dragging;

  /* the whole drawing as one image, until what it shows changes: see snapshot */
  GskRenderNode *drawing;
};

static inline void
axis_split_month (int  absolute,
                  int *year,
                  int *month)
{
  if (year != NULL)
    *year = absolute / 12;
  if (month != NULL)
    *month = absolute % 12 + 1;
}

static inline int
axis_range_from (const AxisRange *range)
{
  return MIN (range->anchor, range->cursor);
}

static inline int
axis_range_to (const AxisRange *range)
{
  return MAX (range->anchor, range->cursor);
}

/* dossier-time-axis-draw.c */
gboolean _dossier_time_axis_index_at_x         (DossierTimeAxis *self,
                                                double           x,
                                                int             *index);
int      _dossier_time_axis_month_at_x_clamped (DossierTimeAxis *self,
                                                double           x);
gboolean _dossier_time_axis_month_selected     (DossierTimeAxis *self,
                                                int              absolute);
void     _dossier_time_axis_snapshot           (GtkWidget       *widget,
                                                GtkSnapshot     *snapshot);

G_END_DECLS
