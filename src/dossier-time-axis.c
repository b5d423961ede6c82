/* dossier-time-axis.c: events per month as bars, and a range of months chosen on them
 *
 * The axis knows nothing of events or the database: the caller hands it one count per month
 * of a contiguous span and listens to ::selection-changed to filter whatever it shows.
 * Months are kept as "absolute" numbers (year × 12 + month − 1) so that a selection survives
 * new counts over a different span. The drawing is in dossier-time-axis-draw.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-time-axis"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "dossier-time-axis-private.h"

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

/* Which end is the anchor does not matter to anyone outside: only the months covered. */
static gboolean
range_same_months (const AxisRange *a,
                   const AxisRange *b)
{
  if (a->set != b->set)
    return FALSE;

  return !a->set
         || (axis_range_from (a) == axis_range_from (b) && axis_range_to (a) == axis_range_to (b));
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

  axis_split_month (absolute, &year, &month);
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

  from = format_month (axis_range_from (range));
  if (axis_range_from (range) == axis_range_to (range))
    return g_steal_pointer (&from);

  to = format_month (axis_range_to (range));
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

  if (!_dossier_time_axis_index_at_x (self, x, &index))
    {
      clear_selection (self, TRUE);
      return;
    }

  month = self->first + index;
  if (!self->selection.set)
    select_months (self, month, month, TRUE);
  else if (!_dossier_time_axis_month_selected (self, month))
    clear_selection (self, TRUE);
  else if (axis_range_from (&self->selection) == axis_range_to (&self->selection))
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
                 _dossier_time_axis_month_at_x_clamped (self, self->drag_x),
                 _dossier_time_axis_month_at_x_clamped (self, self->drag_x + offset_x),
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

  set_hover (self, _dossier_time_axis_index_at_x (self, x, &index) ? index : -1);
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
  else if (keyboard_mode || !_dossier_time_axis_index_at_x (self, x, &index))
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

  widget_class->snapshot = _dossier_time_axis_snapshot;
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

  if (self->n_months == 0 || axis_range_to (range) < self->first || axis_range_from (range) > last)
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

  axis_split_month (axis_range_from (&self->selection), from_year, from_month);
  axis_split_month (axis_range_to (&self->selection), to_year, to_month);
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

  if (!_dossier_time_axis_index_at_x (self, x, &index))
    return FALSE;

  axis_split_month (self->first + index, year, month);
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

  axis_split_month (self->highlighted, year, month);
  return TRUE;
}
