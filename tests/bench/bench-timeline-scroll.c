/* bench-timeline-scroll.c: the timeline pane with 100,000 events, scrolled end to end
 *
 * Usage (needs a display; under Xvfb: xvfb-run -a build/tests/bench/bench-timeline-scroll):
 *   bench-timeline-scroll [N_EVENTS]
 *
 * Builds N synthetic events (default 100,000) spread over 25 years, hands them to a
 * DossierTimelinePane in a window, then scrolls its list by a page each frame from the top
 * to the bottom, and prints how long the model took to build, how many row widgets exist
 * at the end (the list view recycles them: a handful, not one per event), and the frame
 * intervals while scrolling (median, 95th percentile, worst), in milliseconds. The interval
 * is paced by the frame clock (about 16.7 ms at 60 Hz), so it also prints each frame's own
 * duration, from the frame clock's before-paint to its after-paint: the work a frame costs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "bench-stats.h"
#include "dossier-event.h"
#include "dossier-timeline-pane.h"

static GArray *frame_times;
static GArray *frame_durations;
static gint64 last_frame;
static gint64 paint_started;
static GtkAdjustment *adjustment;
static GMainLoop *loop;

static GPtrArray *
make_events (guint n)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_event_free);
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < n; i++)
    {
      DossierEvent *event = dossier_event_new ();
      int day = i * 9125 / n;   /* 25 years, in order */

      dossier_date_set (&event->date, 2000 + day / 365, day % 365 / 31 + 1,
                        g_rand_int_range (rand, 0, 3) ? day % 31 % 28 + 1 : 0);
      event->article_id = g_strdup_printf ("article-%u", i % 5000);
      event->article_title = g_strdup_printf ("Generated article %u", i % 5000);
      event->phrase = g_strdup ("on a day");
      event->text = g_strdup_printf ("Event %u happened on a day that a generated sentence "
                                     "reports, with enough words to wrap once or twice in "
                                     "the pane.", i);
      event->entities = g_new0 (char *, 1);
      event->reported_by = 1;
      g_ptr_array_add (events, event);
    }

  g_rand_free (rand);
  return events;
}

static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       user_data)
{
  paint_started = g_get_monotonic_time ();
}

/* Only frames of the scrolling itself: last_frame is set from the first scrolled one. */
static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  double ms = (g_get_monotonic_time () - paint_started) / 1000.0;

  if (paint_started != 0 && last_frame != 0 && g_main_loop_is_running (loop))
    g_array_append_val (frame_durations, ms);
  paint_started = 0;
}

static void
print_times (const char *what,
             GArray     *array)
{
  double *times = (double *) array->data;
  guint count = array->len;

  if (count == 0)
    return;

  qsort (times, count, sizeof (double), bench_compare_doubles);
  g_print ("frames while scrolling: %u; %s median %.1f ms, p95 %.1f ms, worst %.1f ms\n",
           count, what, times[count / 2], times[count * 95 / 100], times[count - 1]);
}

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double value = gtk_adjustment_get_value (adjustment);
  static guint warmup = 10;

  /* Let the window map and the list measure itself first. */
  if (warmup > 0 || gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment))
    {
      if (warmup > 0)
        warmup--;
      return G_SOURCE_CONTINUE;
    }

  if (last_frame != 0)
    {
      double ms = (now - last_frame) / 1000.0;

      g_array_append_val (frame_times, ms);
    }
  last_frame = now;

  if (value + gtk_adjustment_get_page_size (adjustment) >= gtk_adjustment_get_upper (adjustment))
    {
      g_main_loop_quit (loop);
      return G_SOURCE_REMOVE;
    }

  gtk_adjustment_set_value (adjustment, value + gtk_adjustment_get_page_size (adjustment));
  return G_SOURCE_CONTINUE;
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

static GtkWidget *
find_scrolled (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_scrolled (child);

      if (found)
        return found;
    }
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  g_autoptr(GPtrArray) events = NULL;
  GtkWidget *window, *pane;
  GdkFrameClock *clock;
  gint64 start;

  adw_init ();
  frame_times = g_array_new (FALSE, FALSE, sizeof (double));
  frame_durations = g_array_new (FALSE, FALSE, sizeof (double));
  events = make_events (n);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  pane = dossier_timeline_pane_new ();
  gtk_window_set_child (GTK_WINDOW (window), pane);
  start = g_get_monotonic_time ();
  dossier_timeline_pane_set_events (DOSSIER_TIMELINE_PANE (pane), events);
  g_print ("events: %u\nmodel built in %.1f ms (%u rows)\n", n,
           (g_get_monotonic_time () - start) / 1000.0,
           g_list_model_get_n_items (G_LIST_MODEL (dossier_timeline_pane_get_model (
             DOSSIER_TIMELINE_PANE (pane)))));

  gtk_window_present (GTK_WINDOW (window));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (find_scrolled (pane)));
  loop = g_main_loop_new (NULL, FALSE);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  gtk_widget_add_tick_callback (pane, scroll_tick, NULL, NULL);
  g_main_loop_run (loop);

  g_print ("widgets in the window: %u\n", count_widgets (window));
  print_times ("interval", frame_times);
  print_times ("duration", frame_durations);
  return 0;
}
