/* dossier-time-axis.c: events per month as bars, and a range of months chosen on them
 *
 * The axis knows nothing of events or the database: the caller hands it one count per month
 * of a contiguous span and listens to ::selection-changed to filter whatever it shows.
 * Months are kept as "absolute" numbers (year × 12 + month − 1) so that a selection survives
 * new counts over a different span.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-time-axis"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "dossier-time-axis.h"

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

G_DEFINE_FINAL_TYPE (DossierTimeAxis, dossier_time_axis, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HAS_SELECTION,
  PROP_HIGHLIGHTED,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static int
absolute_month (int year,
                int month)
{
  return year * 12 + month - 1;
}

static void
split_month (int  absolute,
             int *year,
             int *month)
{
  if (year != NULL)
    *year = absolute / 12;
  if (month != NULL)
    *month = absolute % 12 + 1;
}

static int
range_from (const AxisRange *range)
{
  return MIN (range->anchor, range->cursor);
}

static int
range_to (const AxisRange *range)
{
  return MAX (range->anchor, range->cursor);
}

/* Which end is the anchor does not matter to anyone outside: only the months covered. */
static gboolean
range_same_months (const AxisRange *a,
                   const AxisRange *b)
{
  if (a->set != b->set)
    return FALSE;

  return !a->set || (range_from (a) == range_from (b) && range_to (a) == range_to (b));
}

static int
clamp_to_span (DossierTimeAxis *self,
               gint64           absolute)
{
  g_assert (self->n_months > 0);

  return (int) CLAMP (absolute, self->first, self->first + (gint64) self->n_months - 1);
}

static char *
format_month (int absolute)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month;

  split_month (absolute, &year, &month);
  date = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  if (date == NULL)
    return g_strdup_printf ("%d-%02d", year, month);

  /* Translators: a month and its year on the time axis, as in "June 2021".
   * See g_date_time_format(); %OB gives the month's name in the nominative form. */
  return g_date_time_format (date, _("%B %Y"));
}

static char *
format_range (const AxisRange *range)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (!range->set)
    return g_strdup (_("No months selected"));

  from = format_month (range_from (range));
  if (range_from (range) == range_to (range))
    return g_steal_pointer (&from);

  to = format_month (range_to (range));
  /* Translators: the months chosen on the time axis, as in "From February 2021 to August 2022" */
  return g_strdup_printf (_("From %s to %s"), from, to);
}

static void
update_accessible (DossierTimeAxis *self)
{
  g_autofree char *text = format_range (&self->selection);
  int now = self->selection.set ? self->selection.cursor - self->first : 0;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX,
                                  (double) MAX (self->n_months, 1) - 1,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) now,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* What the axis shows has changed: draw it anew at the next frame. */
static void
redraw (DossierTimeAxis *self)
{
  g_clear_pointer (&self->drawing, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The one place a selection changes: drawing, accessibility, actions and notification
 * follow it here. Drags pass emit = FALSE and emit once the button is released. */
static void
apply_selection (DossierTimeAxis *self,
                 const AxisRange *range,
                 gboolean         emit)
{
  gboolean changed = !range_same_months (&self->selection, range);
  gboolean had = self->selection.set;

  self->selection = *range;
  update_accessible (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "time-axis.clear", range->set);
  redraw (self);

  if (had != range->set)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
  if (changed && emit)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
select_months (DossierTimeAxis *self,
               int              anchor,
               int              cursor,
               gboolean         emit)
{
  AxisRange range = { TRUE, anchor, cursor };

  apply_selection (self, &range, emit);
}

static void
clear_selection (DossierTimeAxis *self,
                 gboolean         emit)
{
  AxisRange range = { FALSE, 0, 0 };

  apply_selection (self, &range, emit);
}

static void
compute_geometry (DossierTimeAxis *self,
                  double           label_height,
                  AxisGeometry    *geometry)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  geometry->left = SIDE_PADDING;
  geometry->slot = self->n_months > 0 ? MAX (width - 2 * SIDE_PADDING, 0) / self->n_months : 0;
  geometry->bottom = height - BOTTOM_PADDING;
  geometry->label_top = geometry->bottom - label_height;
  geometry->baseline = floor (geometry->label_top - LABEL_GAP);
  geometry->bar_top = TOP_PADDING;
}

/* Labels are a step smaller than the widget's font, like a chart's axis captions. */
static PangoLayout *
create_label_layout (DossierTimeAxis *self,
                     const char      *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (layout, attrs);
  return layout;
}

static double
label_height (DossierTimeAxis *self)
{
  g_autoptr(PangoLayout) layout = create_label_layout (self, "0123456789");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static gboolean
index_at_x (DossierTimeAxis *self,
            double           x,
            int             *index)
{
  AxisGeometry geometry;
  double position;

  if (self->n_months == 0)
    return FALSE;

  compute_geometry (self, 0, &geometry);
  if (geometry.slot <= 0)
    return FALSE;

  position = floor ((x - geometry.left) / geometry.slot);
  *index = (int) CLAMP (position, 0, self->n_months - 1);
  return position >= 0 && position < self->n_months;
}

/* Dragging past either end still reaches the first or last month. */
static int
month_at_x_clamped (DossierTimeAxis *self,
                    double           x)
{
  int index = 0;

  index_at_x (self, x, &index);
  return self->first + index;
}

static void
lookup_colors (DossierTimeAxis *self,
               AxisColors      *colors)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &colors->fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &colors->accent))
    colors->accent = colors->fg;
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &colors->accent_bg))
    colors->accent_bg = colors->accent;
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;
  return result;
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *bounds,
                float                  top_radius,
                float                  bottom_radius,
                const GdkRGBA         *color)
{
  GskRoundedRect outline;
  graphene_size_t top = GRAPHENE_SIZE_INIT (top_radius, top_radius);
  graphene_size_t bottom = GRAPHENE_SIZE_INIT (bottom_radius, bottom_radius);

  gsk_rounded_rect_init (&outline, bounds, &top, &top, &bottom, &bottom);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, color, bounds);
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_selection (DossierTimeAxis    *self,
                    GtkSnapshot        *snapshot,
                    const AxisGeometry *geometry,
                    const AxisColors   *colors)
{
  GdkRGBA shade = with_alpha (&colors->accent_bg, 0.2f);
  double x0, x1;

  if (!self->selection.set)
    return;

  x0 = round (geometry->left + (range_from (&self->selection) - self->first) * geometry->slot);
  x1 = round (geometry->left + (range_to (&self->selection) - self->first + 1) * geometry->slot);
  append_rounded (snapshot,
                  &GRAPHENE_RECT_INIT (x0 - 2, geometry->bar_top - 4,
                                       x1 - x0 + 4, geometry->baseline - geometry->bar_top + 5),
                  5, 2, &shade);
}

/* The month under the pointer, or the one the caller highlights, is lit behind its bar, so
 * that even an empty month shows where a click would land. */
static void
snapshot_lit_month (GtkSnapshot        *snapshot,
                    const AxisGeometry *geometry,
                    const AxisColors   *colors,
                    int                 index)
{
  GdkRGBA shade = with_alpha (&colors->fg, 0.07f);
  double x0 = round (geometry->left + index * geometry->slot);
  double x1 = MAX (round (geometry->left + (index + 1) * geometry->slot), x0 + 1);

  append_rounded (snapshot,
                  &GRAPHENE_RECT_INIT (x0, geometry->bar_top - 4,
                                       x1 - x0, geometry->baseline - geometry->bar_top + 4),
                  MIN (3, (x1 - x0) / 2), 0, &shade);
}

static gboolean
month_lit (DossierTimeAxis *self,
           int              index)
{
  return index == self->hover || self->first + index == self->highlighted;
}

static void
snapshot_hover (DossierTimeAxis    *self,
                GtkSnapshot        *snapshot,
                const AxisGeometry *geometry,
                const AxisColors   *colors)
{
  for (int index = 0; index < (int) self->n_months; index++)
    if (month_lit (self, index))
      snapshot_lit_month (snapshot, geometry, colors, index);
}

/* Years are separated by faint ticks running down through the label row. */
static void
snapshot_grid (DossierTimeAxis    *self,
               GtkSnapshot        *snapshot,
               const AxisGeometry *geometry,
               const AxisColors   *colors)
{
  GdkRGBA line = with_alpha (&colors->fg, 0.15f);
  GdkRGBA tick = with_alpha (&colors->fg, 0.1f);
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (geometry->left / 2, geometry->baseline,
                                                  width - geometry->left, 1));

  for (guint i = 1; i < self->n_months; i++)
    {
      double x = round (geometry->left + i * geometry->slot);

      if ((self->first + (int) i) % 12 != 0)
        continue;

      gtk_snapshot_append_color (snapshot, &tick,
                                 &GRAPHENE_RECT_INIT (x, geometry->bar_top,
                                                      1, geometry->bottom - geometry->bar_top));
    }
}

static gboolean
month_selected (DossierTimeAxis *self,
                int              absolute)
{
  return self->selection.set
         && absolute >= range_from (&self->selection)
         && absolute <= range_to (&self->selection);
}

static GdkRGBA
bar_color (DossierTimeAxis  *self,
           guint             index,
           const AxisColors *colors)
{
  gboolean hovered = month_lit (self, (int) index);

  if (month_selected (self, self->first + (int) index))
    return with_alpha (&colors->accent, hovered ? 1.0f : 0.85f);

  return with_alpha (&colors->fg, hovered ? 0.6f : 0.35f);
}

/* Bars keep a gap between them while there is room for one, and stop growing once few
 * months share a wide axis. */
static double
bar_width (const AxisGeometry *geometry)
{
  double gap = geometry->slot >= 4 ? MAX (1, geometry->slot * 0.25) : 0;

  return MIN (geometry->slot - gap, MAX_BAR_WIDTH);
}

/* Edges are rounded to whole pixels so that hundreds of thin bars stay crisp. */
static void
snapshot_bars (DossierTimeAxis    *self,
               GtkSnapshot        *snapshot,
               const AxisGeometry *geometry,
               const AxisColors   *colors)
{
  double width = bar_width (geometry);
  double full = geometry->baseline - geometry->bar_top;

  for (guint i = 0; i < self->n_months && self->max_count > 0; i++)
    {
      double centre = geometry->left + (i + 0.5) * geometry->slot;
      double x0 = round (centre - width / 2);
      double x1 = MAX (round (centre + width / 2), x0 + 1);
      double height = round (full * self->counts[i] / self->max_count);
      GdkRGBA color = bar_color (self, i, colors);

      if (self->counts[i] == 0)
        continue;

      height = MAX (height, MIN_BAR_HEIGHT);
      append_rounded (snapshot,
                      &GRAPHENE_RECT_INIT (x0, geometry->baseline - height, x1 - x0, height),
                      MIN (2, (x1 - x0) / 2), 0, &color);
    }
}

/* A label starts under its month's bar, however wide the month. */
static double
label_x (const AxisGeometry *geometry,
         guint               index)
{
  double slot_x = geometry->left + index * geometry->slot;
  double bar_x = slot_x + (geometry->slot - bar_width (geometry)) / 2;

  return round (MAX (slot_x + LABEL_INDENT, bar_x));
}

/* A label is skipped rather than drawn over its neighbour or past @limit. */
static void
draw_label (DossierTimeAxis    *self,
            GtkSnapshot        *snapshot,
            const AxisGeometry *geometry,
            const GdkRGBA      *color,
            guint               index,
            double              limit,
            double             *free_x)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double x = label_x (geometry, index);
  int year, width;

  split_month (self->first + (int) index, &year, NULL);
  text = g_strdup_printf ("%d", year);
  layout = create_label_layout (self, text);
  pango_layout_get_pixel_size (layout, &width, NULL);

  if (x < *free_x || x + width > limit)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, geometry->label_top));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
  *free_x = x + width + LABEL_SPACING;
}

/* Years go under their January. The first month is labelled too unless that would crowd
 * out the first January, whose label matters more. */
static void
snapshot_labels (DossierTimeAxis    *self,
                 GtkSnapshot        *snapshot,
                 const AxisGeometry *geometry,
                 const AxisColors   *colors)
{
  GdkRGBA color = with_alpha (&colors->fg, 0.6f);
  guint first_january = (12 - (guint) (self->first % 12)) % 12;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double free_x = 0;

  if (first_january != 0)
    {
      double limit = width;

      if (first_january < self->n_months)
        limit = label_x (geometry, first_january) - LABEL_SPACING;
      draw_label (self, snapshot, geometry, &color, 0, limit, &free_x);
    }

  for (guint i = first_january; i < self->n_months; i += 12)
    draw_label (self, snapshot, geometry, &color, i, width, &free_x);
}

/**
 * dossier_time_axis_snapshot_shapes:
 *
 * The axis's drawing as render nodes (bars, ticks, labels), before it is turned into
 * the one image it shows: for tests, which count the shapes.
 *
 * Returns: (transfer full) (nullable): the nodes, or %NULL when there is nothing to draw
 */
GskRenderNode *
dossier_time_axis_snapshot_shapes (DossierTimeAxis *self)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  AxisGeometry geometry;
  AxisColors colors;

  lookup_colors (self, &colors);
  compute_geometry (self, label_height (self), &geometry);

  snapshot_selection (self, snapshot, &geometry, &colors);
  snapshot_hover (self, snapshot, &geometry, &colors);
  snapshot_grid (self, snapshot, &geometry, &colors);
  snapshot_bars (self, snapshot, &geometry, &colors);
  snapshot_labels (self, snapshot, &geometry, &colors);
  return gtk_snapshot_free_to_node (snapshot);
}

/* @node drawn once, at the widget's scale, into an image, shown by a cairo node: the cairo
 * renderer paints that image straight (clipped to what changed), where a texture node
 * would be converted to a new image on every frame. */
static GskRenderNode *
rasterize (DossierTimeAxis *self,
           GskRenderNode   *node)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  GskRenderNode *image_node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_surface_t *image;
  cairo_t *cr;

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (image, scale, scale);
  cr = cairo_create (image);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);

  cr = gsk_cairo_node_get_draw_context (image_node);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  return image_node;
}

/* Hundreds of bars, each a rounded clip, are drawn once into an image and that image
 * is shown until the counts, the selection, the hover, the size or the style change: a
 * renderer replays every node of the window on each frame (the cairo renderer even those
 * outside what changed), and the axis stays put while the timeline below it scrolls. */
static void
dossier_time_axis_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  DossierTimeAxis *self = DOSSIER_TIME_AXIS (widget);

  if (self->drawing == NULL && gtk_widget_get_width (widget) > 0
      && gtk_widget_get_height (widget) > 0)
    {
      g_autoptr(GskRenderNode) node = dossier_time_axis_snapshot_shapes (self);

      if (node != NULL)
        self->drawing = rasterize (self, node);
    }
  if (self->drawing != NULL)
    gtk_snapshot_append_node (snapshot, self->drawing);
}

static void
dossier_time_axis_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  DossierTimeAxis *self = DOSSIER_TIME_AXIS (widget);

  if (self->drawing != NULL)
    {
      graphene_rect_t bounds;

      gsk_render_node_get_bounds (self->drawing, &bounds);
      if (bounds.size.width != width || bounds.size.height != height)
        redraw (self);
    }
}

/* Colours and fonts come from the style. */
static void
dossier_time_axis_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (dossier_time_axis_parent_class)->css_changed (widget, change);
  redraw (DOSSIER_TIME_AXIS (widget));
}

static void
dossier_time_axis_system_setting_changed (GtkWidget        *widget,
                                          GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (dossier_time_axis_parent_class)->system_setting_changed (widget, setting);
  redraw (DOSSIER_TIME_AXIS (widget));
}

/* A plain click picks a month; on a month outside the selection, or on the one month already
 * chosen, it lets the selection go, the way a click beside a text selection does. */
static void
click_at (DossierTimeAxis *self,
          double           x)
{
  int index, month;

  if (!index_at_x (self, x, &index))
    {
      clear_selection (self, TRUE);
      return;
    }

  month = self->first + index;
  if (!self->selection.set)
    select_months (self, month, month, TRUE);
  else if (!month_selected (self, month))
    clear_selection (self, TRUE);
  else if (range_from (&self->selection) == range_to (&self->selection))
    clear_selection (self, TRUE);
  else
    select_months (self, month, month, TRUE);
}

/* The handlers use only their arguments, never the gesture's own state, so that the tests
 * can drive them by emitting the gesture's signals. */
static void
on_drag_begin (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               DossierTimeAxis *self)
{
  self->drag_saved = self->selection;
  self->drag_x = x;
  self->dragging = FALSE;

  if (gtk_widget_get_focus_on_click (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag  *gesture,
                double           offset_x,
                double           offset_y,
                DossierTimeAxis *self)
{
  if (self->n_months == 0 || (!self->dragging && fabs (offset_x) < DRAG_THRESHOLD))
    return;

  self->dragging = TRUE;
  select_months (self,
                 month_at_x_clamped (self, self->drag_x),
                 month_at_x_clamped (self, self->drag_x + offset_x),
                 FALSE);
}

/* A drag shows its range as it goes but announces it once, on release: filtering a long
 * timeline at every month the pointer crosses would make the drag stutter. */
static void
on_drag_end (GtkGestureDrag  *gesture,
             double           offset_x,
             double           offset_y,
             DossierTimeAxis *self)
{
  on_drag_update (gesture, offset_x, offset_y, self);

  if (!self->dragging)
    {
      click_at (self, self->drag_x);
      return;
    }

  self->dragging = FALSE;
  if (!range_same_months (&self->drag_saved, &self->selection))
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                DossierTimeAxis  *self)
{
  if (!self->dragging)
    return;

  self->dragging = FALSE;
  apply_selection (self, &self->drag_saved, FALSE);
}

static void
set_hover (DossierTimeAxis *self,
           int              hover)
{
  if (self->hover == hover)
    return;

  self->hover = hover;
  redraw (self);
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           DossierTimeAxis          *self)
{
  int index;

  set_hover (self, index_at_x (self, x, &index) ? index : -1);
}

static void
on_leave (GtkEventControllerMotion *motion,
          DossierTimeAxis          *self)
{
  set_hover (self, -1);
}

/* With nothing chosen, a step starts just outside the span, so Right picks the first month
 * and Left the last; G_MININT and G_MAXINT (Home, End) clamp to the ends. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierTimeAxis *self = DOSSIER_TIME_AXIS (widget);
  gboolean extend;
  gint64 start;
  int step, cursor;

  g_variant_get (parameter, "(ib)", &step, &extend);
  if (self->n_months == 0)
    return;

  if (self->selection.set)
    start = self->selection.cursor;
  else
    start = step > 0 ? self->first - 1 : self->first + (gint64) self->n_months;

  cursor = clamp_to_span (self, start + step);
  if (extend && self->selection.set)
    select_months (self, self->selection.anchor, cursor, TRUE);
  else
    select_months (self, cursor, cursor, TRUE);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  clear_selection (DOSSIER_TIME_AXIS (widget), TRUE);
}

static gboolean
dossier_time_axis_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard_mode,
                                 GtkTooltip *tooltip)
{
  DossierTimeAxis *self = DOSSIER_TIME_AXIS (widget);
  g_autofree char *month = NULL;
  g_autofree char *text = NULL;
  int index;

  if (keyboard_mode && self->selection.set)
    index = self->selection.cursor - self->first;
  else if (keyboard_mode || !index_at_x (self, x, &index))
    return FALSE;

  month = format_month (self->first + index);
  /* Translators: a bar's tooltip on the time axis, as in "June 2021: 4 events" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u event", "%s: %u events",
                                       self->counts[index]),
                          month, self->counts[index]);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
dossier_time_axis_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 360;
    }
  else
    {
      *minimum = 48;
      *natural = 64;
    }
}

static void
dossier_time_axis_finalize (GObject *object)
{
  DossierTimeAxis *self = (DossierTimeAxis *) object;

  g_clear_pointer (&self->counts, g_free);
  g_clear_pointer (&self->drawing, gsk_render_node_unref);

  G_OBJECT_CLASS (dossier_time_axis_parent_class)->finalize (object);
}

static void
dossier_time_axis_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DossierTimeAxis *self = DOSSIER_TIME_AXIS (object);

  switch (prop_id)
    {
    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, self->selection.set);
      break;

    case PROP_HIGHLIGHTED:
      g_value_set_int (value, self->highlighted < 0 ? 0
                       : self->highlighted / 12 * 100 + self->highlighted % 12 + 1);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_time_axis_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DossierTimeAxis *self = DOSSIER_TIME_AXIS (object);
  int highlighted;

  switch (prop_id)
    {
    case PROP_HIGHLIGHTED:
      highlighted = g_value_get_int (value);
      dossier_time_axis_set_highlighted (self, highlighted / 100, highlighted % 100);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_move_bindings (GtkWidgetClass *widget_class,
                   guint           keyval,
                   guint           keypad_keyval,
                   int             step)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0,
                                       "time-axis.move", "(ib)", step, FALSE);
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_SHIFT_MASK,
                                       "time-axis.move", "(ib)", step, TRUE);
  gtk_widget_class_add_binding_action (widget_class, keypad_keyval, 0,
                                       "time-axis.move", "(ib)", step, FALSE);
  gtk_widget_class_add_binding_action (widget_class, keypad_keyval, GDK_SHIFT_MASK,
                                       "time-axis.move", "(ib)", step, TRUE);
}

static void
dossier_time_axis_class_init (DossierTimeAxisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dossier_time_axis_finalize;
  object_class->get_property = dossier_time_axis_get_property;
  object_class->set_property = dossier_time_axis_set_property;

  widget_class->snapshot = dossier_time_axis_snapshot;
  widget_class->size_allocate = dossier_time_axis_size_allocate;
  widget_class->css_changed = dossier_time_axis_css_changed;
  widget_class->system_setting_changed = dossier_time_axis_system_setting_changed;
  widget_class->measure = dossier_time_axis_measure;
  widget_class->query_tooltip = dossier_time_axis_query_tooltip;

  properties[PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * DossierTimeAxis:highlighted:
   *
   * A month lit as if the pointer were on it, written YYYYMM (202106 for June 2021), or 0
   * for none: the month of the event under the pointer in the timeline list, say.
   */
  properties[PROP_HIGHLIGHTED] =
    g_param_spec_int ("highlighted", NULL, NULL, 0, 999912, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierTimeAxis::selection-changed:
   *
   * The chosen months changed, by the user or through the API, or were cleared.
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "time-axis.move", "(ib)", move_action);
  gtk_widget_class_install_action (widget_class, "time-axis.clear", NULL, clear_action);

  add_move_bindings (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1);
  add_move_bindings (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1);
  add_move_bindings (widget_class, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up, -12);
  add_move_bindings (widget_class, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, 12);
  add_move_bindings (widget_class, GDK_KEY_Home, GDK_KEY_KP_Home, G_MININT);
  add_move_bindings (widget_class, GDK_KEY_End, GDK_KEY_KP_End, G_MAXINT);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "time-axis.clear", NULL);

  gtk_widget_class_set_css_name (widget_class, "timeaxis");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

/* The image has as many pixels as the screen shows. */
static void
on_scale_factor (DossierTimeAxis *self)
{
  redraw (self);
}

static void
dossier_time_axis_init (DossierTimeAxis *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hover = -1;
  self->highlighted = -1;
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor), NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline axis"),
                                  -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "time-axis.clear", FALSE);
  update_accessible (self);
}

GtkWidget *
dossier_time_axis_new (void)
{
  return g_object_new (DOSSIER_TYPE_TIME_AXIS, NULL);
}

/* Counts over a new span keep whatever part of the selection still lies inside it. */
static void
keep_selection_in_span (DossierTimeAxis *self)
{
  AxisRange *range = &self->selection;
  int last = self->first + (int) self->n_months - 1;

  if (!range->set)
    return;

  if (self->n_months == 0 || range_to (range) < self->first || range_from (range) > last)
    clear_selection (self, TRUE);
  else
    select_months (self, clamp_to_span (self, range->anchor), clamp_to_span (self, range->cursor),
                   TRUE);
}

/**
 * dossier_time_axis_set_counts:
 * @counts: (array length=n_months) (nullable): events in each month
 * @n_months: how many months, from @first_year/@first_month on, without gaps
 * @first_month: 1 for January … 12 for December
 */
void
dossier_time_axis_set_counts (DossierTimeAxis *self,
                              const guint     *counts,
                              guint            n_months,
                              int              first_year,
                              int              first_month)
{
  g_return_if_fail (DOSSIER_IS_TIME_AXIS (self));
  g_return_if_fail (counts != NULL || n_months == 0);
  g_return_if_fail (n_months == 0 || (first_month >= 1 && first_month <= 12));
  g_return_if_fail (n_months == 0 || (first_year > 0 && first_year < 10000));

  g_clear_pointer (&self->counts, g_free);
  self->counts = n_months > 0 ? g_memdup2 (counts, n_months * sizeof *counts) : NULL;
  self->n_months = n_months;
  self->first = n_months > 0 ? absolute_month (first_year, first_month) : 0;
  self->max_count = 0;
  self->hover = -1;
  for (guint i = 0; i < n_months; i++)
    self->max_count = MAX (self->max_count, counts[i]);

  keep_selection_in_span (self);
  update_accessible (self);
  redraw (self);
}

guint
dossier_time_axis_get_n_months (DossierTimeAxis *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIME_AXIS (self), 0);

  return self->n_months;
}

/**
 * dossier_time_axis_get_selection:
 * @from_year: (out) (optional):
 * @from_month: (out) (optional): 1 to 12
 * @to_year: (out) (optional):
 * @to_month: (out) (optional): 1 to 12, the last month included
 *
 * Returns: %FALSE when no months are selected; the outputs are then left alone
 */
gboolean
dossier_time_axis_get_selection (DossierTimeAxis *self,
                                 int             *from_year,
                                 int             *from_month,
                                 int             *to_year,
                                 int             *to_month)
{
  g_return_val_if_fail (DOSSIER_IS_TIME_AXIS (self), FALSE);

  if (!self->selection.set)
    return FALSE;

  split_month (range_from (&self->selection), from_year, from_month);
  split_month (range_to (&self->selection), to_year, to_month);
  return TRUE;
}

/**
 * dossier_time_axis_set_selection:
 *
 * Selects the months from one to the other, both included, in either order, limited to
 * the span of the counts; a range wholly outside it clears the selection.
 */
void
dossier_time_axis_set_selection (DossierTimeAxis *self,
                                 int              from_year,
                                 int              from_month,
                                 int              to_year,
                                 int              to_month)
{
  int from, to;

  g_return_if_fail (DOSSIER_IS_TIME_AXIS (self));
  g_return_if_fail (from_month >= 1 && from_month <= 12);
  g_return_if_fail (to_month >= 1 && to_month <= 12);

  from = absolute_month (from_year, from_month);
  to = absolute_month (to_year, to_month);
  if (self->n_months == 0 || MAX (from, to) < self->first
      || MIN (from, to) >= self->first + (int) self->n_months)
    clear_selection (self, TRUE);
  else
    select_months (self, clamp_to_span (self, from), clamp_to_span (self, to), TRUE);
}

void
dossier_time_axis_clear_selection (DossierTimeAxis *self)
{
  g_return_if_fail (DOSSIER_IS_TIME_AXIS (self));

  clear_selection (self, TRUE);
}

gboolean
dossier_time_axis_get_has_selection (DossierTimeAxis *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIME_AXIS (self), FALSE);

  return self->selection.set;
}

/**
 * dossier_time_axis_dup_selection_text:
 *
 * Returns: (transfer full): the selection in words, "From February 2021 to August 2022",
 *   as the axis tells it to assistive technologies
 */
char *
dossier_time_axis_dup_selection_text (DossierTimeAxis *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIME_AXIS (self), NULL);

  return format_range (&self->selection);
}

/**
 * dossier_time_axis_month_at_x:
 * @x: in the widget's coordinates
 * @year: (out) (optional):
 * @month: (out) (optional): 1 to 12
 *
 * Returns: %FALSE when @x lies beside the bars, or there are none
 */
gboolean
dossier_time_axis_month_at_x (DossierTimeAxis *self,
                              double           x,
                              int             *year,
                              int             *month)
{
  int index;

  g_return_val_if_fail (DOSSIER_IS_TIME_AXIS (self), FALSE);

  if (!index_at_x (self, x, &index))
    return FALSE;

  split_month (self->first + index, year, month);
  return TRUE;
}

/**
 * dossier_time_axis_set_highlighted:
 * @year: 0 for no month
 * @month: 1 to 12, or 0 for no month
 *
 * Lights one month the way the pointer does; it need not be within the counts' span.
 */
void
dossier_time_axis_set_highlighted (DossierTimeAxis *self,
                                   int              year,
                                   int              month)
{
  int highlighted;

  g_return_if_fail (DOSSIER_IS_TIME_AXIS (self));
  g_return_if_fail (month >= 0 && month <= 12);

  highlighted = year > 0 && month > 0 ? absolute_month (year, month) : -1;
  if (self->highlighted == highlighted)
    return;

  self->highlighted = highlighted;
  redraw (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);
}

/**
 * dossier_time_axis_get_highlighted:
 * @year: (out) (optional):
 * @month: (out) (optional): 1 to 12
 *
 * Returns: %FALSE when no month is highlighted
 */
gboolean
dossier_time_axis_get_highlighted (DossierTimeAxis *self,
                                   int             *year,
                                   int             *month)
{
  g_return_val_if_fail (DOSSIER_IS_TIME_AXIS (self), FALSE);

  if (self->highlighted < 0)
    return FALSE;

  split_month (self->highlighted, year, month);
  return TRUE;
}
