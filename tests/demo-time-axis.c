/* demo-time-axis.c: the time axis in a window, to look at it
 *
 * Not a test: `build/tests/demo-time-axis` shows 2021-01 … 2023-06 with a few busy months
 * and a range selected. ADW_DEBUG_COLOR_SCHEME=prefer-dark shows the dark style. Pass a
 * number of months (1, 240, 0) to see the edge cases, and a window width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>

#include <adwaita.h>

#include "dossier-time-axis.h"

static void
on_selection_changed (DossierTimeAxis *axis,
                      GtkLabel        *label)
{
  g_autofree char *text = dossier_time_axis_dup_selection_text (axis);

  gtk_label_set_label (label, text);
}

static void
load_app_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/dossierapp/Dossier/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* Quiet months with a handful of events, and the few weeks when everything happened; longer
 * spans repeat the pattern with some noise. */
static guint *
realistic_counts (guint n_months)
{
  static const guint pattern[] = {
    2, 1, 3, 2, 4, 14, 3, 2, 0, 1, 2, 5,
    3, 18, 24, 9, 4, 3, 2, 11, 6, 2, 1, 3,
    2, 4, 3, 27, 8, 3,
  };
  guint *counts = g_new0 (guint, MAX (n_months, 1));

  for (guint i = 0; i < n_months; i++)
    counts[i] = i < G_N_ELEMENTS (pattern) ? pattern[i] : (pattern[i % 30] * 7 + i) % 23;
  return counts;
}

static GtkWidget *
build_content (DossierTimeAxis *axis)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *heading = gtk_label_new ("Timeline");

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (axis));
  gtk_box_append (GTK_BOX (box), label);
  g_signal_connect (axis, "selection-changed", G_CALLBACK (on_selection_changed), label);
  return box;
}

int
main (int   argc,
      char *argv[])
{
  guint n_months = argc > 1 ? (guint) atoi (argv[1]) : 30;
  int width = argc > 2 ? atoi (argv[2]) : 1000;
  g_autofree guint *counts = realistic_counts (n_months);
  GtkWidget *window, *box, *axis;

  gtk_init ();
  adw_init ();
  load_app_style ();

  axis = dossier_time_axis_new ();
  gtk_widget_set_hexpand (axis, TRUE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), build_content (DOSSIER_TIME_AXIS (axis)));

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), width, 200);
  adw_window_set_content (ADW_WINDOW (window), box);

  dossier_time_axis_set_counts (DOSSIER_TIME_AXIS (axis), counts, n_months, 2021, 1);
  dossier_time_axis_set_selection (DOSSIER_TIME_AXIS (axis), 2021, 2, 2022, 8);
  gtk_window_present (GTK_WINDOW (window));

  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    g_main_context_iteration (NULL, TRUE);

  return EXIT_SUCCESS;
}
