/* dossier-text-reveal.c: keeps a passage of a text view on screen while GTK lays it out
 *
 * gtk_text_view_scroll_to_mark() scrolls once, by line heights that are estimates until
 * GTK has laid the text out, which it does bit by bit in idle time; and the column can
 * still change width (the sidebar or timeline filling in) and rewrap the text. Scrolling
 * once, or for a fixed number of frames, left the passage off screen now and then on a
 * loaded machine (seen in CI under AddressSanitizer). So the view scrolls again on each
 * frame until the passage is on screen and nothing has moved for a few frames, and gives
 * up after a few seconds. GTK animates the scroll, so the view moving is no sign that the
 * reader took over: the caller ends the tick on their input instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-article-view"

#include "config.h"

#include "dossier-text-reveal.h"

/* Frames in a row with the passage on screen and nothing moved before the view lets go. */
#define STEADY_FRAMES 10
#define STEADY_TIME   (G_USEC_PER_SEC / 5)
#define GIVE_UP_AFTER (5 * G_USEC_PER_SEC)
#define WAIT_FOR_SIZE (30 * G_USEC_PER_SEC)

typedef struct
{
  GtkTextMark *mark;
  double       yalign;        /* where in the view it goes, 0 the top */
  gint64       deadline;
  double       upper;         /* the vertical adjustment at the last frame */
  double       value;
  int          width;         /* the text view's, as its text wraps to it */
  guint        steady_frames;
  gint64       steady_since;
  gboolean     sized;         /* whether the view has had a size yet */
} Reveal;

static void
reveal_free (gpointer data)
{
  Reveal *reveal = data;

  g_object_unref (reveal->mark);
  g_free (reveal);
}

/* Whether @reveal's mark is where it goes: on screen, and on the top line when that is
 * its place (the line a column was read at, after a restart). */
static gboolean
mark_is_placed (GtkTextView *text_view,
                Reveal      *reveal)
{
  GdkRectangle visible, location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (text_view), &iter, reveal->mark);
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  if (location.y < visible.y || location.y + location.height > visible.y + visible.height)
    return FALSE;
  return reveal->yalign > 0 || location.y - visible.y <= location.height;
}

/* A passage aligned a third of the way down may sit anywhere in the middle part; a line
 * put at the top goes exactly there. */
static void
scroll_to (GtkTextView *text_view,
           Reveal      *reveal)
{
  gtk_text_view_scroll_to_mark (text_view, reveal->mark, reveal->yalign > 0 ? 0.1 : 0.0, TRUE,
                                0.0, reveal->yalign);
}

static gboolean
reveal_tick (GtkWidget     *widget,
             GdkFrameClock *frame_clock,
             gpointer       user_data)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (widget);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view));
  Reveal *reveal = user_data;
  double upper = gtk_adjustment_get_upper (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  int width = gtk_widget_get_width (widget);
  gboolean relaid = upper != reveal->upper || width != reveal->width;
  gboolean moved = value != reveal->value;
  gint64 now = g_get_monotonic_time ();

  if (gtk_text_mark_get_deleted (reveal->mark) || now > reveal->deadline)
    return G_SOURCE_REMOVE;
  /* The few seconds count from the view's first size: a window just opened, slow to lay
   * itself out (under AddressSanitizer, say), used them up before it showed. */
  if (width <= 1)
    return G_SOURCE_CONTINUE;
  if (!reveal->sized)
    {
      reveal->sized = TRUE;
      reveal->deadline = now + GIVE_UP_AFTER;
    }
  if (relaid || moved)
    {
      reveal->steady_frames = 0;
      reveal->steady_since = now;
    }
  else
    reveal->steady_frames++;
  /* Done once nothing has moved for some frames and some time (a slow machine lays the
   * text out over fewer, longer frames): the mark is in place then, or scrolling no longer
   * moves the view (a passage at the very end cannot go to the top, say). */
  if (reveal->steady_frames >= STEADY_FRAMES && now - reveal->steady_since >= STEADY_TIME)
    return G_SOURCE_REMOVE;

  /* After a relayout even a passage still on screen may have slid to its edge: GTK
   * leaves it where it is if it is still well inside. */
  if (relaid || !mark_is_placed (text_view, reveal))
    scroll_to (text_view, reveal);
  reveal->upper = upper;
  reveal->value = value;
  reveal->width = width;
  return G_SOURCE_CONTINUE;
}

/* Scrolls @text_view to put @mark @yalign of the way down (0 the top, 1 the bottom) now
 * and again on the frames that follow, until the text around it has been laid out.
 * Returns the tick callback's id on @text_view, for gtk_widget_remove_tick_callback()
 * when something else should scroll the view. */
guint
dossier_text_reveal_mark (GtkTextView *text_view,
                          GtkTextMark *mark,
                          double       yalign)
{
  GtkAdjustment *adjustment;
  Reveal *reveal;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (text_view), 0);
  g_return_val_if_fail (GTK_IS_TEXT_MARK (mark), 0);

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view));
  reveal = g_new0 (Reveal, 1);
  reveal->mark = g_object_ref (mark);
  reveal->yalign = CLAMP (yalign, 0, 1);
  reveal->deadline = g_get_monotonic_time () + WAIT_FOR_SIZE;
  reveal->steady_since = g_get_monotonic_time ();
  reveal->upper = gtk_adjustment_get_upper (adjustment);
  reveal->value = gtk_adjustment_get_value (adjustment);
  reveal->width = gtk_widget_get_width (GTK_WIDGET (text_view));
  scroll_to (text_view, reveal);
  return gtk_widget_add_tick_callback (GTK_WIDGET (text_view), reveal_tick, reveal, reveal_free);
}
