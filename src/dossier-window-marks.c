/* dossier-window-marks.c: timing marks for the benchmark harness (tests/bench/)
 *
 * Off unless asked for, and only here:
 *
 *   DOSSIER_FRAME_MARK=1       after the window's first painted frame, prints
 *                              "dossier-mark first-frame USEC" to stderr;
 *   DOSSIER_BENCH_SEARCH=QUERY after that frame, searches for QUERY as if typed in the
 *                              search entry and, after the frame that shows the results,
 *                              prints "dossier-mark search-shown USEC".
 *   With DOSSIER_FRAME_MARK=1, once the timeline's keys are read (they are read in the
 *   background from the first frame on), "dossier-mark timeline-loaded USEC": the harness
 *   reads the peak memory then too, with everything the window holds for good.
 *
 * USEC is g_get_monotonic_time(): CLOCK_MONOTONIC in microseconds, the clock a harness
 * reads before exec, so the difference is the cold start. The harness parses these lines:
 * keep their format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include "dossier-window-private.h"

static void
print_mark (const char *name)
{
  g_printerr ("dossier-mark %s %" G_GINT64_FORMAT "\n", name, g_get_monotonic_time ());
}

static void
on_results_painted (GdkFrameClock *clock,
                    gpointer       user_data)
{
  print_mark ("search-shown");
  g_signal_handlers_disconnect_by_func (clock, on_results_painted, user_data);
}

/* The results list is refilled once the search is done; the next paint shows it. */
static void
on_results_changed (GListModel    *results,
                    guint          position,
                    guint          removed,
                    guint          added,
                    DossierWindow *self)
{
  DossierSearchPane *pane = dossier_sidebar_get_search_pane (self->sidebar);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (dossier_search_pane_is_busy (pane) || added == 0 || clock == NULL)
    return;

  g_signal_handlers_disconnect_by_func (results, on_results_changed, self);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_results_painted), NULL);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
start_search (DossierWindow *self,
              const char    *query)
{
  DossierSearchPane *pane = dossier_sidebar_get_search_pane (self->sidebar);

  g_signal_connect_object (dossier_search_pane_get_results (pane), "items-changed",
                           G_CALLBACK (on_results_changed), self, 0);
  dossier_sidebar_set_view (self->sidebar, "search");
  dossier_search_pane_set_text (pane, query);
}

static void
on_timeline_loading (DossierTimelineModel *model,
                     GParamSpec           *pspec,
                     gpointer              user_data)
{
  if (dossier_timeline_model_is_loading (model))
    return;

  print_mark ("timeline-loaded");
  g_signal_handlers_disconnect_by_func (model, on_timeline_loading, user_data);
}

static void
on_first_paint (GdkFrameClock *clock,
                DossierWindow *self)
{
  const char *query = g_getenv ("DOSSIER_BENCH_SEARCH");

  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  if (g_strcmp0 (g_getenv ("DOSSIER_FRAME_MARK"), "1") == 0)
    {
      print_mark ("first-frame");
      g_signal_connect (dossier_timeline_pane_get_model (self->timeline_pane), "notify::loading",
                        G_CALLBACK (on_timeline_loading), NULL);
    }
  if (query != NULL && *query != '\0' && self->library != NULL)
    start_search (self, query);
}

static void
on_realize (GtkWidget *widget,
            gpointer   user_data)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_first_paint), widget, 0);
}

void
_dossier_window_init_marks (DossierWindow *self)
{
  if (g_strcmp0 (g_getenv ("DOSSIER_FRAME_MARK"), "1") != 0
      && g_getenv ("DOSSIER_BENCH_SEARCH") == NULL)
    return;

  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);
}
