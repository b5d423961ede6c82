/* test-article-view.c: an article alone in its view — the title and header as laid out,
 * and a passage kept on screen while the text wraps anew
 *
 * Runs under Xvfb (see tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gtk/gtk.h>

#include "dossier-article-view.h"
#include "dossier-library.h"
#include "dossier-test-gui.h"
#include "dossier-test-util.h"

#define POLYGRAPH "polygraph-2022-moscow-fuels-myanmar-war-machine"
#define RFA "rfa-2023-nucc-condemns-russia"

/* @article in an article view, alone in a window @width pixels wide, laid out. */
static GtkWidget *
present_article (DossierArticle *article,
                 int             width)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = dossier_article_view_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, 600);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  dossier_article_view_set_article (DOSSIER_ARTICLE_VIEW (view), article);
  dossier_test_wait_frames ();
  return window;
}

/* The Polygraph article, long enough to scroll, alone in a window 1,000 pixels wide. */
static GtkWidget *
present_polygraph (DossierArticleView **view)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  g_autoptr(DossierArticle) article = dossier_library_load_article (library, POLYGRAPH, NULL);
  GtkWidget *window = present_article (article, 1000);

  *view = DOSSIER_ARTICLE_VIEW (gtk_window_get_child (GTK_WINDOW (window)));
  return window;
}

/* The blank under an article's header, in pixels: from its last line to the first
 * paragraph, in a window of its own. */
static int
header_gap (DossierArticle *article)
{
  GtkWidget *window = present_article (article, 800);
  GtkWidget *view = gtk_window_get_child (GTK_WINDOW (window));
  GtkTextView *text_view = dossier_article_view_get_text_view (DOSSIER_ARTICLE_VIEW (view));
  GdkRectangle last, first;
  GtkTextIter iter;

  g_assert_true (dossier_article_view_get_iter_at (DOSSIER_ARTICLE_VIEW (view), 0, &iter));
  gtk_text_view_get_iter_location (text_view, &iter, &first);
  gtk_text_iter_backward_chars (&iter, 2);   /* the header's "\n", its last character */
  gtk_text_view_get_iter_location (text_view, &iter, &last);
  gtk_window_destroy (GTK_WINDOW (window));
  return first.y - (last.y + last.height);
}

/* An imported article without a dating note has the same gap under its byline as a
 * bundled one has under its note. */
static void
test_header_gap_without_note (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  g_autoptr(DossierArticle) dated = dossier_library_load_article (library, RFA, NULL);
  g_autoptr(DossierArticle) undated = dossier_library_load_article (library, RFA, NULL);
  int with_note, without_note;

  g_assert_nonnull (dossier_article_get_published_note (dated));
  dossier_article_set_published_note (undated, NULL);
  with_note = header_gap (dated);
  without_note = header_gap (undated);
  g_assert_cmpint (with_note, >=, 20);
  g_assert_cmpint (ABS (with_note - without_note), <=, 2);
}

static double
title_scale_at_width (DossierArticle *article,
                      int             width)
{
  GtkWidget *window = present_article (article, width);
  GtkWidget *view = gtk_window_get_child (GTK_WINDOW (window));
  GtkTextView *text_view = dossier_article_view_get_text_view (DOSSIER_ARTICLE_VIEW (view));
  GtkTextTag *title = gtk_text_tag_table_lookup (
    gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (text_view)), "title");
  double scale;

  g_object_get (title, "scale", &scale, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  return scale;
}

/* A narrow column sets the title smaller, so that its words are not broken in two. */
static void
test_title_fits_narrow_column (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  g_autoptr(DossierArticle) article = dossier_library_load_article (library, RFA, NULL);
  double wide = title_scale_at_width (article, 800);
  double narrow = title_scale_at_width (article, 300);

  g_assert_cmpfloat (narrow, <, wide);
  g_assert_cmpfloat (wide, >=, 1.8);
}

typedef struct
{
  guint frames;
  guint narrow_at;   /* the frame that narrows the window */
} Narrowing;

static gboolean
narrow_window_later (GtkWidget     *window,
                     GdkFrameClock *frame_clock,
                     gpointer       user_data)
{
  Narrowing *narrowing = user_data;

  if (++narrowing->frames < narrowing->narrow_at)
    return G_SOURCE_CONTINUE;
  gtk_window_set_default_size (GTK_WINDOW (window), 330, 600);
  return G_SOURCE_REMOVE;
}

/* A passage opened from a link stays on screen when the text wraps anew a few frames
 * later, as when the sidebar fills in beside a column. The view scrolled only until the
 * passage first showed, and a later relayout could push it off screen (CI, under
 * AddressSanitizer). */
static void
test_revealed_passage_survives_rewrap (void)
{
  DossierArticleView *view = NULL;
  GtkWidget *window = present_polygraph (&view);
  GtkTextView *text_view = dossier_article_view_get_text_view (view);
  Narrowing narrowing = { 0, 6 };
  GdkRectangle visible, location;
  GtkTextIter passage;
  gint64 deadline;

  dossier_article_view_reveal_range (view, 5072, 5100);
  gtk_widget_add_tick_callback (window, narrow_window_later, &narrowing, NULL);
  while (narrowing.frames < narrowing.narrow_at)
    g_main_context_iteration (NULL, TRUE);
  dossier_test_wait_frames ();
  g_assert_cmpint (gtk_widget_get_width (window), <, 400);

  g_assert_true (dossier_article_view_get_iter_at (view, 5072, &passage));
  /* Up to a few seconds for a loaded machine; nothing scrolls it by then if the view let go. */
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  do
    {
      g_main_context_iteration (NULL, FALSE);
      gtk_text_view_get_visible_rect (text_view, &visible);
      gtk_text_view_get_iter_location (text_view, &passage, &location);
    }
  while ((location.y < visible.y || location.y + location.height > visible.y + visible.height)
         && g_get_monotonic_time () < deadline);
  g_test_message ("visible %d+%d, passage at %d+%d", visible.y, visible.height, location.y,
                  location.height);
  g_assert_cmpint (location.y, >=, visible.y);
  g_assert_cmpint (location.y + location.height, <=, visible.y + visible.height);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A column narrowed below the width that takes the smaller title while a passage is being
 * scrolled to: the title's new scale waits for the allocation to end. Changed during it,
 * GTK 4.8 aborted in gtk_text_view_validate_onscreen (). */
static void
test_narrowing_while_revealing (void)
{
  DossierArticleView *view = NULL;
  GtkWidget *window = present_polygraph (&view);
  GtkTextView *text_view = dossier_article_view_get_text_view (view);
  GtkTextTag *title = gtk_text_tag_table_lookup (
    gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (text_view)), "title");
  double wide, narrow;

  g_object_get (title, "scale", &wide, NULL);
  dossier_article_view_reveal_range (view, 5072, 5100);
  g_main_context_iteration (NULL, TRUE);
  /* back to the title, in view as the column narrows */
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view)), 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 330, 600);
  dossier_test_wait_frames ();
  g_object_get (title, "scale", &narrow, NULL);

  g_assert_cmpint (gtk_widget_get_width (window), <, 400);
  g_assert_cmpfloat (narrow, <, wide);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first controller of @type on @widget that sees events before its children. */
static GtkEventController *
find_capturing_controller (GtkWidget *widget,
                           GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return controller;
    }
  return NULL;
}

/* Scrolling away just after a passage opened is not undone when the text wraps anew. */
static void
test_reader_scroll_ends_reveal (void)
{
  DossierArticleView *view = NULL;
  GtkWidget *window = present_polygraph (&view);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (dossier_article_view_get_text_view (view)),
                                                 GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  GtkEventController *wheel = find_capturing_controller (scroller,
                                                         GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  gboolean handled = TRUE;

  g_assert_nonnull (wheel);
  dossier_article_view_reveal_range (view, 5072, 5100);
  g_main_context_iteration (NULL, TRUE);
  g_signal_emit_by_name (wheel, "scroll", 0.0, -100.0, &handled);
  g_assert_false (handled);   /* the scrolled window still scrolls */
  /* the scroll, and a relayout in the same frame, which the view would have followed */
  gtk_adjustment_set_value (adjustment, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 330, 600);
  dossier_test_wait_frames ();

  g_assert_cmpint (gtk_widget_get_width (window), <, 400);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), <, 100);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dossier_test_gui_init (&argc, &argv, "article-view");
  int status;

  g_test_add_func ("/reading/header-gap-without-note", test_header_gap_without_note);
  g_test_add_func ("/reading/title-fits-narrow-column", test_title_fits_narrow_column);
  g_test_add_func ("/reading/revealed-passage-survives-rewrap",
                   test_revealed_passage_survives_rewrap);
  g_test_add_func ("/reading/reader-scroll-ends-reveal", test_reader_scroll_ends_reveal);
  g_test_add_func ("/reading/narrowing-while-revealing", test_narrowing_while_revealing);

  status = g_test_run ();
  dossier_test_remove_tree (home);
  return status;
}
