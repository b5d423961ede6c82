/* bench-timeline-scroll.c: the timeline pane with 100,000 events, scrolled end to end
 *
 * Usage (needs a display; under Xvfb: xvfb-run -a build/tests/bench/bench-timeline-scroll):
 *   bench-timeline-scroll [N_EVENTS]
 *   bench-timeline-scroll --library LIBRARY.db [N_FRAMES]
 *
 * With --library the pane shows that library's timeline the way the window does (keys
 * read in the background, events fetched by page) and the scroll crosses the whole list
 * in about N_FRAMES frames (default 600), so nearly every frame lands on rows not fetched
 * yet: the worst case for the paged model.
 *
 * Builds N synthetic events (default 100,000) spread over 25 years, hands them to a
 * DossierTimelinePane in a window, then scrolls its list by a page each frame from the top
 * to the bottom, and prints how long the model took to build, how many row widgets exist
 * at the end (the list view recycles them: a handful, not one per event), and the frame
 * intervals while scrolling and the time from each scroll to the end of its frame's paint
 * (median, 95th percentile, worst), in milliseconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "bench-stats.h"

#include "dossier-event.h"
#include "dossier-graphics.h"
#include "dossier-library.h"
#include "dossier-timeline-pane.h"

static GArray *frame_times;
static GArray *work_times;   /* from the scroll to the end of that frame's paint */
static gint64 scrolled_at;
static gint64 last_frame;
static GtkAdjustment *adjustment;
static GMainLoop *loop;
static double step;   /* pixels a frame; 0 for a page */

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

  if (user_data != NULL && step == 0)
    step = gtk_adjustment_get_upper (adjustment) / *(guint *) user_data;

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

  scrolled_at = g_get_monotonic_time ();
  gtk_adjustment_set_value (adjustment, value + MAX (step, gtk_adjustment_get_page_size (adjustment)));
  return G_SOURCE_CONTINUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  double ms = (g_get_monotonic_time () - scrolled_at) / 1000.0;

  if (scrolled_at == 0)
    return;
  g_array_append_val (work_times, ms);
  scrolled_at = 0;
}

static void
print_times (const char *what,
             GArray     *array)
{
  if (array->len > 0)
    g_print ("%s: %u; median %.1f ms, p95 %.1f ms, worst %.1f ms\n", what, array->len,
             bench_percentile (array, 0.5), bench_percentile (array, 0.95),
             bench_percentile (array, 1.0));
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

static gboolean
is_loading (GtkWidget *pane)
{
  return dossier_timeline_model_is_loading (dossier_timeline_pane_get_model (
    DOSSIER_TIMELINE_PANE (pane)));
}

static void
print_built (GtkWidget *pane,
             guint      n,
             gint64     start)
{
  g_print ("events: %u\nmodel built in %.1f ms (%u rows)\n", n,
           (g_get_monotonic_time () - start) / 1000.0,
           g_list_model_get_n_items (G_LIST_MODEL (dossier_timeline_pane_get_model (
             DOSSIER_TIMELINE_PANE (pane)))));
}

/* The library's timeline; how long its keys take to come, the window showing meanwhile. */
static void
show_library (GtkWidget  *pane,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierLibrary) library = dossier_library_open (path, NULL, &error);
  gint64 start = g_get_monotonic_time ();

  if (library == NULL)
    g_error ("%s", error->message);
  dossier_timeline_pane_set_library (DOSSIER_TIMELINE_PANE (pane), library);
  while (is_loading (pane))
    g_main_context_iteration (NULL, TRUE);
  print_built (pane, dossier_timeline_model_get_n_events (dossier_timeline_pane_get_model (
                 DOSSIER_TIMELINE_PANE (pane))), start);
}

static void
show_synthetic (GtkWidget *pane,
                guint      n)
{
  g_autoptr(GPtrArray) events = make_events (n);
  gint64 start = g_get_monotonic_time ();

  dossier_timeline_pane_set_events (DOSSIER_TIMELINE_PANE (pane), events);
  print_built (pane, n, start);
}

int
main (int   argc,
      char *argv[])
{
  gboolean library = argc > 2 && g_str_equal (argv[1], "--library");
  const char *count = library ? argv[3] : argv[1];
  guint n = count ? (guint) g_ascii_strtoull (count, NULL, 10) : library ? 600 : 100000;
  GtkWidget *window, *pane;

  dossier_graphics_prepare ();    /* draw as the window would on this machine */
  adw_init ();
  frame_times = g_array_new (FALSE, FALSE, sizeof (double));
  work_times = g_array_new (FALSE, FALSE, sizeof (double));

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  pane = dossier_timeline_pane_new ();
  gtk_window_set_child (GTK_WINDOW (window), pane);
  gtk_window_present (GTK_WINDOW (window));
  if (library)
    show_library (pane, argv[2]);
  else
    show_synthetic (pane, n);

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (find_scrolled (pane)));
  loop = g_main_loop_new (NULL, FALSE);
  gtk_widget_add_tick_callback (pane, scroll_tick, library ? &n : NULL, NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
  g_main_loop_run (loop);

  g_print ("widgets in the window: %u\n", count_widgets (window));
  print_times ("frames while scrolling, interval", frame_times);
  print_times ("frames while scrolling, scroll to painted", work_times);
  return 0;
}
