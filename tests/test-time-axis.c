/* test-time-axis.c: the time axis selects months by drag, click, keys and API
 *
 * Runs under Xvfb (see tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "dossier-test-gui.h"
#include "dossier-time-axis.h"

#define AXIS_WIDTH 612

typedef struct
{
  GtkWidget       *window;
  DossierTimeAxis *axis;
  guint            changes;
} Fixture;

static void
wait_idle (void)
{
  for (guint i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
on_selection_changed (DossierTimeAxis *axis,
                      Fixture         *fixture)
{
  fixture->changes++;
}

/* 2021-01 … 2023-06: thirty months, one of them empty. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  guint counts[30];

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    counts[i] = i == 8 ? 0 : i % 5 + 1;

  fixture->axis = DOSSIER_TIME_AXIS (dossier_time_axis_new ());
  fixture->window = gtk_window_new ();
  gtk_widget_set_size_request (GTK_WIDGET (fixture->axis), AXIS_WIDTH, -1);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->axis));
  dossier_time_axis_set_counts (fixture->axis, counts, G_N_ELEMENTS (counts), 2021, 1);
  g_signal_connect (fixture->axis, "selection-changed", G_CALLBACK (on_selection_changed),
                    fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_idle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->axis)), ==, AXIS_WIDTH);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  wait_idle ();
}

static char *
selection_string (DossierTimeAxis *axis)
{
  int from_year, from_month, to_year, to_month;

  if (!dossier_time_axis_get_selection (axis, &from_year, &from_month, &to_year, &to_month))
    return g_strdup ("none");

  return g_strdup_printf ("%d-%02d..%d-%02d", from_year, from_month, to_year, to_month);
}

#define assert_selection(axis, expected) \
  G_STMT_START { \
    g_autofree char *_actual = selection_string (axis); \
    g_assert_cmpstr (_actual, ==, expected); \
  } G_STMT_END

/* The x in the middle of a month's bar, found by asking the axis rather than assuming its
 * padding, and checked against the month it names. */
static double
x_of_month (DossierTimeAxis *axis,
            int              year,
            int              month)
{
  int found_year = 0, found_month = 0;

  for (double x = 0; x < AXIS_WIDTH; x += 1)
    if (dossier_time_axis_month_at_x (axis, x, &found_year, &found_month)
        && found_year == year && found_month == month)
      return x + 5;

  g_assert_not_reached ();
}

static GtkGesture *
find_drag_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);
    }

  g_assert_not_reached ();
}

/* Drives the axis's own drag handlers with the offsets a pointer would report. */
static void
drag (DossierTimeAxis *axis,
      double           start_x,
      double           end_x)
{
  GtkGesture *gesture = find_drag_gesture (GTK_WIDGET (axis));

  g_signal_emit_by_name (gesture, "drag-begin", start_x, 20.0);
  g_signal_emit_by_name (gesture, "drag-update", (end_x - start_x) / 2, 0.0);
  g_signal_emit_by_name (gesture, "drag-update", end_x - start_x, 0.0);
  g_signal_emit_by_name (gesture, "drag-end", end_x - start_x, 0.0);
}

static void
click (DossierTimeAxis *axis,
       double           x)
{
  drag (axis, x, x);
}

/* Presses a key through the widget's own key bindings; FALSE when the key did nothing and
 * would go on to the widgets around. */
static gboolean
press (GtkWidget       *widget,
       guint            keyval,
       GdkModifierType  modifiers)
{
  return dossier_test_press_on (widget, keyval, modifiers);
}

static void
test_drag_selects_range (Fixture       *fixture,
                         gconstpointer  data)
{
  drag (fixture->axis, x_of_month (fixture->axis, 2021, 2), x_of_month (fixture->axis, 2022, 8));
  assert_selection (fixture->axis, "2021-02..2022-08");
  g_assert_cmpuint (fixture->changes, ==, 1);
  g_assert_true (dossier_time_axis_get_has_selection (fixture->axis));

  /* Right to left gives the same kind of range, and dragging past the end stops at it. */
  drag (fixture->axis, x_of_month (fixture->axis, 2023, 3), 2.0 * AXIS_WIDTH);
  assert_selection (fixture->axis, "2023-03..2023-06");
  drag (fixture->axis, x_of_month (fixture->axis, 2022, 5), x_of_month (fixture->axis, 2021, 11));
  assert_selection (fixture->axis, "2021-11..2022-05");
  g_assert_cmpuint (fixture->changes, ==, 3);
}

static void
test_click_selects_and_clears (Fixture       *fixture,
                               gconstpointer  data)
{
  click (fixture->axis, x_of_month (fixture->axis, 2022, 6));
  assert_selection (fixture->axis, "2022-06..2022-06");

  /* Outside the selection a click lets it go; so does clicking the chosen month again. */
  click (fixture->axis, x_of_month (fixture->axis, 2021, 3));
  assert_selection (fixture->axis, "none");
  click (fixture->axis, x_of_month (fixture->axis, 2021, 3));
  click (fixture->axis, x_of_month (fixture->axis, 2021, 3));
  assert_selection (fixture->axis, "none");

  /* Inside a longer range it narrows to the month clicked. */
  dossier_time_axis_set_selection (fixture->axis, 2021, 1, 2021, 12);
  click (fixture->axis, x_of_month (fixture->axis, 2021, 7));
  assert_selection (fixture->axis, "2021-07..2021-07");
  g_assert_cmpuint (fixture->changes, ==, 6);
}

static void
test_keyboard_moves_and_extends (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *axis = GTK_WIDGET (fixture->axis);

  /* With nothing to clear, Escape is left to the window (to let go of an entity, say). */
  g_assert_true (gtk_widget_get_focusable (axis));
  g_assert_false (press (axis, GDK_KEY_Escape, 0));
  g_assert_true (press (axis, GDK_KEY_Right, 0));
  assert_selection (fixture->axis, "2021-01..2021-01");
  press (axis, GDK_KEY_Right, 0);
  press (axis, GDK_KEY_Right, GDK_SHIFT_MASK);
  press (axis, GDK_KEY_Right, GDK_SHIFT_MASK);
  assert_selection (fixture->axis, "2021-02..2021-04");

  /* Shift+Left past the anchor turns the range around it. */
  for (guint i = 0; i < 3; i++)
    press (axis, GDK_KEY_Left, GDK_SHIFT_MASK);
  assert_selection (fixture->axis, "2021-01..2021-02");

  press (axis, GDK_KEY_End, GDK_SHIFT_MASK);
  assert_selection (fixture->axis, "2021-02..2023-06");
  press (axis, GDK_KEY_Home, 0);
  assert_selection (fixture->axis, "2021-01..2021-01");
  press (axis, GDK_KEY_Left, 0);
  assert_selection (fixture->axis, "2021-01..2021-01");
  g_assert_true (press (axis, GDK_KEY_Escape, 0));
  assert_selection (fixture->axis, "none");
  g_assert_cmpuint (fixture->changes, ==, 10);
}

static void
test_api_selection (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *none = NULL;

  dossier_time_axis_set_selection (fixture->axis, 2022, 8, 2021, 2);
  assert_selection (fixture->axis, "2021-02..2022-08");
  text = dossier_time_axis_dup_selection_text (fixture->axis);
  g_assert_cmpstr (text, ==, "From February 2021 to August 2022");

  /* Setting the same months again is no change; a range beyond the data is clipped to it. */
  dossier_time_axis_set_selection (fixture->axis, 2021, 2, 2022, 8);
  g_assert_cmpuint (fixture->changes, ==, 1);
  dossier_time_axis_set_selection (fixture->axis, 2020, 6, 2021, 3);
  assert_selection (fixture->axis, "2021-01..2021-03");
  dossier_time_axis_set_selection (fixture->axis, 2030, 1, 2031, 1);
  assert_selection (fixture->axis, "none");
  g_assert_cmpuint (fixture->changes, ==, 3);

  dossier_time_axis_clear_selection (fixture->axis);
  g_assert_cmpuint (fixture->changes, ==, 3);
  none = dossier_time_axis_dup_selection_text (fixture->axis);
  g_assert_cmpstr (none, ==, "No months selected");
}

static void
test_new_counts_keep_selection (Fixture       *fixture,
                                gconstpointer  data)
{
  const guint counts[] = { 1, 2, 3, 4, 5, 6 };

  dossier_time_axis_set_selection (fixture->axis, 2021, 10, 2022, 3);
  dossier_time_axis_set_counts (fixture->axis, counts, G_N_ELEMENTS (counts), 2022, 1);
  assert_selection (fixture->axis, "2022-01..2022-03");
  g_assert_cmpuint (fixture->changes, ==, 2);

  dossier_time_axis_set_counts (fixture->axis, NULL, 0, 0, 0);
  assert_selection (fixture->axis, "none");
  g_assert_cmpuint (fixture->changes, ==, 3);
}

static void
test_month_at_x (Fixture       *fixture,
                 gconstpointer  data)
{
  int year = 0, month = 0;

  g_assert_false (dossier_time_axis_month_at_x (fixture->axis, -10, &year, &month));
  g_assert_false (dossier_time_axis_month_at_x (fixture->axis, AXIS_WIDTH + 10, NULL, NULL));
  g_assert_true (dossier_time_axis_month_at_x (fixture->axis, AXIS_WIDTH / 2.0, &year, &month));
  g_assert_cmpint (year, ==, 2022);
  g_assert_cmpint (month, ==, 4);
  g_assert_true (dossier_time_axis_month_at_x (fixture->axis, AXIS_WIDTH - 8, &year, &month));
  g_assert_cmpint (year * 100 + month, ==, 202306);
}

static guint
count_nodes (GskRenderNode  *node,
             GskRenderNodeType type)
{
  guint count = gsk_render_node_get_node_type (node) == type;

  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count += count_nodes (gsk_container_node_get_child (node, i), type);
      break;

    case GSK_ROUNDED_CLIP_NODE:
      count += count_nodes (gsk_rounded_clip_node_get_child (node), type);
      break;

    case GSK_TRANSFORM_NODE:
      count += count_nodes (gsk_transform_node_get_child (node), type);
      break;

    default:
      break;
    }

  return count;
}

/* Asks for the axis's shapes directly, since a frame clock would draw them only later (and
 * then as one image), and counts them: one rounded bar per month with events (and one
 * behind a lit month), one text per year label. */
static void
assert_drawn (GtkWidget *widget,
              guint      bars,
              guint      min_labels,
              guint      max_labels)
{
  g_autoptr(GskRenderNode) node = dossier_time_axis_snapshot_shapes (DOSSIER_TIME_AXIS (widget));
  guint labels;

  g_assert_nonnull (node);
  g_assert_cmpuint (count_nodes (node, GSK_ROUNDED_CLIP_NODE), ==, bars);
  labels = count_nodes (node, GSK_TEXT_NODE);
  g_assert_cmpuint (labels, >=, min_labels);
  g_assert_cmpuint (labels, <=, max_labels);
}

/* No months, one month and twenty years all draw, and a drag over nothing does no harm. */
static void
test_edge_spans_draw (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree guint *many = g_new0 (guint, 240);
  const guint one = 7;

  /* Thirty months, one of them empty, from January: 2021, 2022 and 2023 labelled. */
  assert_drawn (GTK_WIDGET (fixture->axis), 29, 3, 3);

  dossier_time_axis_set_counts (fixture->axis, NULL, 0, 0, 0);
  assert_drawn (GTK_WIDGET (fixture->axis), 0, 0, 0);
  drag (fixture->axis, 10, 200);
  press (GTK_WIDGET (fixture->axis), GDK_KEY_Right, 0);
  assert_selection (fixture->axis, "none");

  dossier_time_axis_set_counts (fixture->axis, &one, 1, 2024, 5);
  assert_drawn (GTK_WIDGET (fixture->axis), 1, 1, 1);
  press (GTK_WIDGET (fixture->axis), GDK_KEY_End, 0);
  assert_selection (fixture->axis, "2024-05..2024-05");

  for (guint i = 0; i < 240; i++)
    many[i] = i % 13;
  /* Twenty years in 612 pixels: some years make room for their neighbours. */
  dossier_time_axis_set_counts (fixture->axis, many, 240, 2001, 7);
  assert_drawn (GTK_WIDGET (fixture->axis), 240 - 19, 8, 19);
  assert_selection (fixture->axis, "none");
  g_assert_cmpuint (dossier_time_axis_get_n_months (fixture->axis), ==, 240);
}

/* The last year is labelled even when its January is too near the end for the label to
 * start under it. */
static void
test_last_year_labelled (Fixture       *fixture,
                         gconstpointer  data)
{
  guint counts[50];

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    counts[i] = i % 4 + 1;
  /* January 2019 to February 2023: five years, 2023's January two months from the end. */
  dossier_time_axis_set_counts (fixture->axis, counts, G_N_ELEMENTS (counts), 2019, 1);
  assert_drawn (GTK_WIDGET (fixture->axis), 50, 5, 5);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

/* The caller can light the month of the event under the pointer in the list. */
static void
test_highlighted_month (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *axis = GTK_WIDGET (fixture->axis);
  int year = 0, month = 0, value = 0;
  guint notified = 0;

  g_signal_connect (axis, "notify::highlighted", G_CALLBACK (on_notify), &notified);
  g_assert_false (dossier_time_axis_get_highlighted (fixture->axis, NULL, NULL));

  dossier_time_axis_set_highlighted (fixture->axis, 2022, 6);
  dossier_time_axis_set_highlighted (fixture->axis, 2022, 6);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (dossier_time_axis_get_highlighted (fixture->axis, &year, &month));
  g_assert_cmpint (year * 100 + month, ==, 202206);
  g_object_get (axis, "highlighted", &value, NULL);
  g_assert_cmpint (value, ==, 202206);
  assert_drawn (axis, 29 + 1, 3, 3);

  g_object_set (axis, "highlighted", 0, NULL);
  g_assert_false (dossier_time_axis_get_highlighted (fixture->axis, NULL, NULL));
  g_assert_cmpuint (notified, ==, 2);
  assert_drawn (axis, 29, 3, 3);
  g_assert_cmpuint (fixture->changes, ==, 0);
}

/* What the widget's snapshot gives: one image, the same from frame to frame. */
static GskRenderNode *
snapshot_image (GtkWidget *widget)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_CAIRO_NODE);
  /* The widget keeps the node while it is current. */
  return node;
}

static float
image_width (GskRenderNode *node)
{
  graphene_rect_t bounds;

  gsk_render_node_get_bounds (node, &bounds);
  return bounds.size.width;
}

/* The axis is drawn once into an image, and again only when what it shows changes: a
 * renderer replays every node on each frame, and the axis has hundreds of rounded bars. */
static void
test_drawn_once (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *axis = GTK_WIDGET (fixture->axis);
  /* Held, so that a new node cannot take its address. */
  g_autoptr(GskRenderNode) first = gsk_render_node_ref (snapshot_image (axis));

  g_assert_cmpfloat (image_width (first), ==, AXIS_WIDTH);
  g_assert_true (snapshot_image (axis) == first);

  dossier_time_axis_set_highlighted (fixture->axis, 2022, 6);
  g_assert_true (snapshot_image (axis) != first);

  /* As a window growing would, without waiting for the window manager. */
  gtk_widget_size_allocate (axis, &(GtkAllocation) { 0, 0, AXIS_WIDTH + 100,
                                                     gtk_widget_get_height (axis) }, -1);
  g_assert_cmpfloat (image_width (snapshot_image (axis)), ==, AXIS_WIDTH + 100);
}

static void
add_test (const char *path,
          void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();

  add_test ("/time-axis/drag-selects-range", test_drag_selects_range);
  add_test ("/time-axis/last-year-labelled", test_last_year_labelled);
  add_test ("/time-axis/click-selects-and-clears", test_click_selects_and_clears);
  add_test ("/time-axis/keyboard-moves-and-extends", test_keyboard_moves_and_extends);
  add_test ("/time-axis/api-selection", test_api_selection);
  add_test ("/time-axis/new-counts-keep-selection", test_new_counts_keep_selection);
  add_test ("/time-axis/month-at-x", test_month_at_x);
  add_test ("/time-axis/edge-spans-draw", test_edge_spans_draw);
  add_test ("/time-axis/highlighted-month", test_highlighted_month);
  add_test ("/time-axis/drawn-once", test_drawn_once);

  return g_test_run ();
}
