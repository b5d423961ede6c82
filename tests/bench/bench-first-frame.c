/* bench-first-frame.c: an LD_PRELOAD module that tells when any GTK 4 app shows its window
 *
 * Usage: LD_PRELOAD=build/tests/bench/libdossier-bench-preload.so APP…
 *
 * Interposes gtk_window_present() (and _with_time): the first window presented gets an
 * "after-paint" handler on its frame clock, and the first frame painted while it is mapped
 * prints to standard error, like Dossier's own DOSSIER_FRAME_MARK hook,
 *
 *   dossier-mark first-frame USEC        (g_get_monotonic_time (), CLOCK_MONOTONIC)
 *
 * so Dossier and a peer such as gnome-text-editor are measured the same way, from outside.
 * When DOSSIER_FRAME_MARK is set (the app prints its own mark), it prints
 * "preload-first-frame" instead, so a missing app hook can be told from a missing window.
 * With DOSSIER_BENCH_SCROLL=TYPE (a widget type name, such as DossierTimelinePane), it then
 * scrolls the first GtkScrolledWindow inside the first widget of that type by a page per
 * frame, top to bottom (or several pages, so that it takes at most DOSSIER_BENCH_SCROLL_FRAMES
 * frames, default 1000), and prints each frame's duration (before-paint to after-paint):
 *
 *   dossier-mark scroll-frame MS
 *   dossier-mark scroll-done N_FRAMES
 *
 * or "dossier-mark scroll-missing" when there is no such widget. Tests/bench/run reads these.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE
#define G_LOG_DOMAIN "bench-first-frame"

#include <dlfcn.h>
#include <gtk/gtk.h>
#include <stdio.h>

/* Exported with default visibility; the prototypes keep -Wmissing-prototypes quiet. */
void gtk_window_present (GtkWindow *window);
void gtk_window_present_with_time (GtkWindow *window, guint32 timestamp);

static gboolean watching;
static gint64 paint_started;
static int scroll_frames;

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
on_before_paint (GdkFrameClock *clock,
                 gpointer       user_data)
{
  paint_started = g_get_monotonic_time ();
}

static void
on_scroll_paint (GdkFrameClock *clock,
                 gpointer       user_data)
{
  if (paint_started != 0 && scroll_frames > 0)
    fprintf (stderr, "dossier-mark scroll-frame %.3f\n",
             (g_get_monotonic_time () - paint_started) / 1000.0);
  paint_started = 0;
}

/* One page further each frame; the first frames let the list measure itself. */
static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  static int warmup = 10;
  static gint64 max_frames;
  double step;

  if (warmup-- > 0 || gtk_adjustment_get_upper (adjustment) <= page)
    return G_SOURCE_CONTINUE;

  if (value + page >= gtk_adjustment_get_upper (adjustment))
    {
      fprintf (stderr, "dossier-mark scroll-done %d\n", scroll_frames);
      return G_SOURCE_REMOVE;
    }

  /* At most DOSSIER_BENCH_SCROLL_FRAMES frames (1000) end to end: with a long timeline
   * each frame jumps several pages, which costs a frame as much as one page (new rows). */
  if (max_frames == 0)
    max_frames = MAX (1, g_ascii_strtoll (g_getenv ("DOSSIER_BENCH_SCROLL_FRAMES") ?: "1000",
                                          NULL, 10));
  step = MAX (page, (gtk_adjustment_get_upper (adjustment) - page) / max_frames);
  scroll_frames++;
  gtk_adjustment_set_value (adjustment, value + step);
  return G_SOURCE_CONTINUE;
}

static void
start_scrolling (GtkWidget  *window,
                 const char *type_name)
{
  GType type = g_type_from_name (type_name);
  GtkWidget *pane = type ? find_descendant (window, type) : NULL;
  GtkWidget *scrolled = pane ? find_descendant (pane, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (scrolled == NULL)
    {
      fprintf (stderr, "dossier-mark scroll-missing\n");
      return;
    }

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_scroll_paint), NULL);
  gtk_widget_add_tick_callback (scrolled, scroll_tick, NULL, NULL);
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  const char *scroll = g_getenv ("DOSSIER_BENCH_SCROLL");

  if (!gtk_widget_get_mapped (window))
    return;

  /* With the app's own hook on, this one only proves the window is up (a watchdog). */
  fprintf (stderr, "dossier-mark %s %" G_GINT64_FORMAT "\n",
           g_getenv ("DOSSIER_FRAME_MARK") ? "preload-first-frame" : "first-frame",
           g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);
  if (scroll != NULL && *scroll != '\0')
    start_scrolling (window, scroll);
}

static void
watch_frame_clock (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), window);
}

static void
watch (GtkWindow *window)
{
  if (watching)
    return;
  watching = TRUE;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    watch_frame_clock (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (watch_frame_clock), NULL);
}

void
gtk_window_present_with_time (GtkWindow *window,
                              guint32    timestamp)
{
  static void (*real) (GtkWindow *, guint32);

  if (real == NULL)
    real = (void (*) (GtkWindow *, guint32)) dlsym (RTLD_NEXT, "gtk_window_present_with_time");

  watch (window);
  real (window, timestamp);
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real) (GtkWindow *);

  if (real == NULL)
    real = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");

  watch (window);
  real (window);
}
