/* dossier-time-axis-draw.c: how the time axis draws its bars, grid, labels and selection
 *
 * Part of DossierTimeAxis (dossier-time-axis.c): the geometry, shared with the pointer
 * handlers there, and the drawing, cached as one image until what it shows changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-time-axis"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "dossier-time-axis-private.h"

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

gboolean
_dossier_time_axis_index_at_x (DossierTimeAxis *self,
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
int
_dossier_time_axis_month_at_x_clamped (DossierTimeAxis *self,
                                       double           x)
{
  int index = 0;

  _dossier_time_axis_index_at_x (self, x, &index);
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

  x0 = round (geometry->left + (axis_range_from (&self->selection) - self->first) * geometry->slot);
  x1 = round (geometry->left
              + (axis_range_to (&self->selection) - self->first + 1) * geometry->slot);
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

gboolean
_dossier_time_axis_month_selected (DossierTimeAxis *self,
                                   int              absolute)
{
  return self->selection.set
         && absolute >= axis_range_from (&self->selection)
         && absolute <= axis_range_to (&self->selection);
}

static GdkRGBA
bar_color (DossierTimeAxis  *self,
           guint             index,
           const AxisColors *colors)
{
  gboolean hovered = month_lit (self, (int) index);

  if (_dossier_time_axis_month_selected (self, self->first + (int) index))
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

/* A label is skipped rather than drawn over its neighbour. One that would run past @limit
 * (the last year, whose January is near the end) ends at the limit instead, as a chart's
 * last axis caption does, if that leaves its neighbour room. */
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

  axis_split_month (self->first + (int) index, &year, NULL);
  text = g_strdup_printf ("%d", year);
  layout = create_label_layout (self, text);
  pango_layout_get_pixel_size (layout, &width, NULL);

  if (x + width > limit)
    x = floor (limit - width);
  if (x < *free_x || x < geometry->left)
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
void
_dossier_time_axis_snapshot (GtkWidget   *widget,
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
