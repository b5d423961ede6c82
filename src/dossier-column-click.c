/* dossier-column-click.c: the click that closes a note's popover still opens a note
 *
 * The annotation popover hides on a click outside it, and GDK keeps that click from the
 * window (check_autohide() in gdksurface.c): a click on a highlight in another column, or
 * another highlight of this one, only closed the open note, and it took a second click
 * to open the one clicked (QA review). So when the popover closes with the button held
 * down, which only a click outside does, the highlight under the pointer opens its note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-column"

#include "config.h"

#include "dossier-annotation-popover.h"
#include "dossier-column-private.h"

typedef struct
{
  DossierColumn *column;
  char          *id;
} PendingNote;

static void
pending_note_free (PendingNote *pending)
{
  g_object_unref (pending->column);
  g_free (pending->id);
  g_free (pending);
}

/* After the popover has gone: opening one while GDK hides the other is not safe. */
static gboolean
open_pending_note (gpointer data)
{
  PendingNote *pending = data;
  DossierArticleView *view;

  /* A column closed meanwhile is out of its window, its template children going. */
  if (gtk_widget_get_root (GTK_WIDGET (pending->column)) == NULL)
    return G_SOURCE_REMOVE;

  view = dossier_column_get_article_view (pending->column);
  /* As the click would have: into its column, which becomes the focused one. */
  gtk_widget_grab_focus (GTK_WIDGET (dossier_article_view_get_text_view (view)));
  _dossier_column_popup_annotation (pending->column, pending->id);
  return G_SOURCE_REMOVE;
}

/* Where the pointer is, in @native's coordinates, if a button is held down there. */
static gboolean
pressed_at (GtkNative        *native,
            graphene_point_t *point)
{
  GdkSeat *seat = gdk_display_get_default_seat (gtk_widget_get_display (GTK_WIDGET (native)));
  GdkDevice *pointer = seat != NULL ? gdk_seat_get_pointer (seat) : NULL;
  GdkModifierType mask = 0;
  double x, y, dx, dy;

  if (pointer == NULL
      || !gdk_surface_get_device_position (gtk_native_get_surface (native), pointer, &x, &y,
                                           &mask)
      || (mask & GDK_BUTTON1_MASK) == 0)
    return FALSE;

  gtk_native_get_surface_transform (native, &dx, &dy);
  *point = GRAPHENE_POINT_INIT (x - dx, y - dy);
  return TRUE;
}

/* The popover of @self has just closed: if by a click on a highlight, that one opens. */
void
_dossier_column_pass_click (DossierColumn *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  DossierAnnotation *closed =
    dossier_annotation_popover_get_annotation (DOSSIER_ANNOTATION_POPOVER (
                                                 dossier_column_get_popover (self)));
  GtkWidget *picked, *column, *text_view;
  graphene_point_t point, in_view;
  PendingNote *pending;
  const char *id;

  if (native == NULL || !pressed_at (native, &point)
      || (picked = gtk_widget_pick (GTK_WIDGET (native), point.x, point.y,
                                    GTK_PICK_DEFAULT)) == NULL
      || (column = gtk_widget_get_ancestor (picked, DOSSIER_TYPE_COLUMN)) == NULL)
    return;

  text_view = GTK_WIDGET (dossier_article_view_get_text_view (
                            dossier_column_get_article_view (DOSSIER_COLUMN (column))));
  if ((picked != text_view && !gtk_widget_is_ancestor (picked, text_view))
      || !gtk_widget_compute_point (GTK_WIDGET (native), text_view, &point, &in_view)
      || (id = _dossier_column_annotation_at (DOSSIER_COLUMN (column), in_view.x,
                                              in_view.y)) == NULL)
    return;

  /* A click on the note's own highlight closes it, as a toggle does. */
  if (column == GTK_WIDGET (self) && closed != NULL
      && g_strcmp0 (id, dossier_annotation_get_id (closed)) == 0)
    return;

  pending = g_new0 (PendingNote, 1);
  pending->column = g_object_ref (DOSSIER_COLUMN (column));
  pending->id = g_strdup (id);
  g_idle_add_full (G_PRIORITY_DEFAULT, open_pending_note, pending,
                   (GDestroyNotify) pending_note_free);
}
