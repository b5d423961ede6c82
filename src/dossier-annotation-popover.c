/* dossier-annotation-popover.c: highlight a selection; edit a highlight's note and tags
 *
 * Over a selection it offers the five colours: choosing one saves the highlight at once
 * and opens the note and tags. Over an existing highlight it edits it. There is no save
 * button: the note and tags are written a moment after typing stops, and when the
 * popover closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-annotation-popover"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-annotation-popover.h"

/* How long typing may pause before the note is written */
#define SAVE_DELAY_MS 400

struct _DossierAnnotationPopover
{
  GtkPopover          parent_instance;

  /* template widgets */
  GtkBox             *color_box;
  GtkButton          *delete_button;
  GtkRevealer        *edit_revealer;
  GtkLabel           *note_placeholder;
  GtkTextView        *note_view;
  GtkLabel           *saved_label;
  GtkEntry           *tags_entry;

  /* owned */
  DossierAnnotations *session;
  DossierAnnotation  *annotation;   /* being edited; NULL over a bare selection */
  DossierArticle     *article;      /* the selection's article */
  GtkWidget          *color_buttons[DOSSIER_N_HIGHLIGHT_COLORS];
  guint               start;
  guint               end;
  guint               save_id;
  gboolean            loading;      /* filling the fields, not the user typing */
};

G_DEFINE_FINAL_TYPE (DossierAnnotationPopover, dossier_annotation_popover, GTK_TYPE_POPOVER)

enum {
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void fill_tag_completion (DossierAnnotationPopover *self);

const char *
dossier_highlight_color_get_label (DossierHighlightColor color)
{
  switch (color)
    {
    case DOSSIER_HIGHLIGHT_YELLOW:
      return _("Yellow");
    case DOSSIER_HIGHLIGHT_GREEN:
      return _("Green");
    case DOSSIER_HIGHLIGHT_BLUE:
      return _("Blue");
    case DOSSIER_HIGHLIGHT_PINK:
      return _("Pink");
    case DOSSIER_HIGHLIGHT_PURPLE:
    default:
      return _("Purple");
    }
}

static char *
dup_note (DossierAnnotationPopover *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* "war, Russia ,  arms," → [war, Russia, arms] */
static GStrv
dup_tags (DossierAnnotationPopover *self)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->tags_entry)), ",", -1);
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (tags, parts[i]);

  return g_strv_builder_end (tags);
}

static void
write_changes (DossierAnnotationPopover *self,
               DossierHighlightColor     color)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = dup_note (self);
  g_auto(GStrv) tags = dup_tags (self);

  g_autofree char *id = g_strdup (dossier_annotation_get_id (self->annotation));
  DossierAnnotation *saved;

  if (!dossier_annotations_update (self->session, id, color, note, (const char * const *) tags,
                                   &error)
      || (saved = dossier_annotations_lookup (self->session, id, &error)) == NULL)
    {
      gtk_label_set_label (self->saved_label, error->message);
      return;
    }

  /* Keep the stored state: the next write starts from it, not from a stale copy. */
  g_set_object (&self->annotation, saved);
  g_object_unref (saved);
  gtk_label_set_label (self->saved_label, _("Saved"));
}

/* Writes what is typed now, if anything is waiting. */
void
dossier_annotation_popover_save (DossierAnnotationPopover *self)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self));

  if (self->save_id == 0)
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->annotation != NULL)
    write_changes (self, dossier_annotation_get_color (self->annotation));
}

static gboolean
save_later_cb (gpointer user_data)
{
  DossierAnnotationPopover *self = user_data;

  self->save_id = 0;
  if (self->annotation != NULL)
    write_changes (self, dossier_annotation_get_color (self->annotation));
  return G_SOURCE_REMOVE;
}

/* The placeholder shows while the note is empty, whoever emptied it. */
static void
on_note_changed (DossierAnnotationPopover *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);

  gtk_widget_set_visible (GTK_WIDGET (self->note_placeholder),
                          gtk_text_buffer_get_char_count (buffer) == 0);
}

static void
on_edited (DossierAnnotationPopover *self)
{
  if (self->loading || self->annotation == NULL)
    return;

  gtk_label_set_label (self->saved_label, _("Saving…"));
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_later_cb, self);
}

static void
mark_color (DossierAnnotationPopover *self,
            int                       color)
{
  for (int i = 0; i < DOSSIER_N_HIGHLIGHT_COLORS; i++)
    {
      if (i == color)
        gtk_widget_add_css_class (self->color_buttons[i], "selected");
      else
        gtk_widget_remove_css_class (self->color_buttons[i], "selected");
      gtk_widget_set_visible (gtk_button_get_child (GTK_BUTTON (self->color_buttons[i])),
                              i == color);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->color_buttons[i]),
                                   GTK_ACCESSIBLE_STATE_PRESSED,
                                   i == color ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                              : GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
    }
}

static void
load_fields (DossierAnnotationPopover *self)
{
  DossierAnnotation *annotation = self->annotation;
  g_autofree char *tags = NULL;

  self->loading = TRUE;
  tags = annotation ? g_strjoinv (", ", (char **) dossier_annotation_get_tags (annotation)) : NULL;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            annotation ? dossier_annotation_get_note (annotation) : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_entry), tags ? tags : "");
  gtk_label_set_label (self->saved_label, annotation ? _("Saved") : "");
  self->loading = FALSE;

  mark_color (self, annotation ? (int) dossier_annotation_get_color (annotation) : -1);
  gtk_revealer_set_reveal_child (self->edit_revealer, annotation != NULL);
  fill_tag_completion (self);
}

/* A colour on a bare selection creates the highlight; on a highlight, recolours it. */
static void
on_color_clicked (GtkButton                *button,
                  DossierAnnotationPopover *self)
{
  DossierHighlightColor color = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "color"));
  g_autoptr(GError) error = NULL;

  g_settings_set_string (g_object_get_data (G_OBJECT (self), "settings"), "last-highlight-color",
                         dossier_highlight_color_to_string (color));
  if (self->annotation != NULL)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      write_changes (self, color);
      mark_color (self, color);
      return;
    }

  self->annotation = dossier_annotations_create (self->session, self->article, self->start,
                                                 self->end, color, NULL, NULL, &error);
  if (self->annotation == NULL)
    {
      gtk_label_set_label (self->saved_label, error->message);
      gtk_revealer_set_reveal_child (self->edit_revealer, TRUE);
      return;
    }

  load_fields (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
on_delete_clicked (DossierAnnotationPopover *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->annotation == NULL)
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  id = g_strdup (dossier_annotation_get_id (self->annotation));
  if (!dossier_annotations_delete (self->session, id, &error))
    {
      gtk_label_set_label (self->saved_label, error->message);
      return;
    }

  g_clear_object (&self->annotation);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[DELETED], 0, id);
}

/* Tags complete from the ones already used, for the tag being typed after the last comma. */
static gboolean
tag_matches (GtkEntryCompletion *completion,
             const char         *key,
             GtkTreeIter        *iter,
             gpointer            user_data)
{
  GtkTreeModel *model = gtk_entry_completion_get_model (completion);
  const char *last = strrchr (key, ',');
  g_autofree char *tag = NULL;
  g_autofree char *typed = g_strstrip (g_strdup (last ? last + 1 : key));
  g_autofree char *folded_tag = NULL;

  gtk_tree_model_get (model, iter, 0, &tag, -1);
  if (*typed == '\0' || tag == NULL)
    return FALSE;
  folded_tag = g_utf8_casefold (tag, -1);
  return g_str_has_prefix (folded_tag, typed);
}

static gboolean
on_tag_chosen (GtkEntryCompletion       *completion,
               GtkTreeModel             *model,
               GtkTreeIter              *iter,
               DossierAnnotationPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tags_entry));
  const char *last = strrchr (text, ',');
  g_autofree char *tag = NULL;
  g_autofree char *kept = g_strndup (text, last ? (gsize) (last - text + 1) : 0);
  g_autofree char *joined = NULL;

  gtk_tree_model_get (model, iter, 0, &tag, -1);
  joined = g_strdup_printf ("%s%s%s, ", kept, last ? " " : "", tag);
  gtk_editable_set_text (GTK_EDITABLE (self->tags_entry), joined);
  gtk_editable_set_position (GTK_EDITABLE (self->tags_entry), -1);
  return TRUE;
}

static void
fill_tag_completion (DossierAnnotationPopover *self)
{
  GtkEntryCompletion *completion = gtk_entry_get_completion (self->tags_entry);
  GtkListStore *store = GTK_LIST_STORE (gtk_entry_completion_get_model (completion));
  g_auto(GStrv) tags = self->session ? dossier_annotations_list_tags (self->session, NULL) : NULL;

  gtk_list_store_clear (store);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    gtk_list_store_insert_with_values (store, NULL, -1, 0, tags[i], -1);
}

static void
init_tag_completion (DossierAnnotationPopover *self)
{
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();
  g_autoptr(GtkListStore) store = gtk_list_store_new (1, G_TYPE_STRING);

  /* GtkEntryCompletion is deprecated from GTK 4.10, but it is what 4.8 offers. */
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (store));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_match_func (completion, tag_matches, NULL, NULL);
  gtk_entry_completion_set_inline_selection (completion, FALSE);
  g_signal_connect (completion, "match-selected", G_CALLBACK (on_tag_chosen), self);
  gtk_entry_set_completion (self->tags_entry, completion);
}

static void
dossier_annotation_popover_closed (GtkPopover *popover)
{
  dossier_annotation_popover_save (DOSSIER_ANNOTATION_POPOVER (popover));
}

static void
dossier_annotation_popover_dispose (GObject *object)
{
  DossierAnnotationPopover *self = (DossierAnnotationPopover *) object;

  dossier_annotation_popover_save (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ANNOTATION_POPOVER);
  g_clear_object (&self->session);
  g_clear_object (&self->annotation);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (dossier_annotation_popover_parent_class)->dispose (object);
}

static void
dossier_annotation_popover_class_init (DossierAnnotationPopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dossier_annotation_popover_dispose;
  GTK_POPOVER_CLASS (klass)->closed = dossier_annotation_popover_closed;

  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-annotation-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationPopover, color_box);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationPopover, delete_button);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationPopover, edit_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationPopover, note_placeholder);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationPopover, note_view);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationPopover, saved_label);
  gtk_widget_class_bind_template_child (widget_class, DossierAnnotationPopover, tags_entry);
}

static void
add_color_buttons (DossierAnnotationPopover *self)
{
  for (int i = 0; i < DOSSIER_N_HIGHLIGHT_COLORS; i++)
    {
      /* The chosen one has a check, not only a ring: see button.swatch in style.css. */
      GtkWidget *button = gtk_button_new_from_icon_name ("object-select-symbolic");
      g_autofree char *css = g_strdup_printf ("swatch-%s", dossier_highlight_color_to_string (i));
      g_autofree char *tooltip = g_strdup_printf (_("Highlight in %s (Alt+%d)"),
                                                  dossier_highlight_color_get_label (i), i + 1);

      gtk_widget_add_css_class (button, "swatch");
      gtk_widget_add_css_class (button, css);
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_set_visible (gtk_button_get_child (GTK_BUTTON (button)), FALSE);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      dossier_highlight_color_get_label (i), -1);
      g_object_set_data (G_OBJECT (button), "color", GINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (on_color_clicked), self);
      gtk_box_append (self->color_box, button);
      self->color_buttons[i] = button;
    }
}

static void
dossier_annotation_popover_init (DossierAnnotationPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_set_data_full (G_OBJECT (self), "settings", g_settings_new (APP_ID), g_object_unref);
  add_color_buttons (self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (on_note_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (on_edited), self);
  g_signal_connect_swapped (self->tags_entry, "changed", G_CALLBACK (on_edited), self);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (on_delete_clicked), self);
  init_tag_completion (self);
}

GtkWidget *
dossier_annotation_popover_new (void)
{
  return g_object_new (DOSSIER_TYPE_ANNOTATION_POPOVER, NULL);
}

void
dossier_annotation_popover_set_session (DossierAnnotationPopover *self,
                                        DossierAnnotations       *session)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self));

  g_set_object (&self->session, session);
}

/* Offers the colours for the characters [@start, @end) of @article. */
void
dossier_annotation_popover_edit_selection (DossierAnnotationPopover *self,
                                           DossierArticle           *article,
                                           guint                     start,
                                           guint                     end)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self));

  dossier_annotation_popover_save (self);
  g_set_object (&self->article, article);
  g_clear_object (&self->annotation);
  self->start = start;
  self->end = end;
  load_fields (self);
}

void
dossier_annotation_popover_edit (DossierAnnotationPopover *self,
                                 DossierAnnotation        *annotation)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self));

  dossier_annotation_popover_save (self);
  g_set_object (&self->annotation, annotation);
  load_fields (self);
}

DossierAnnotation *
dossier_annotation_popover_get_annotation (DossierAnnotationPopover *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self), NULL);

  return self->annotation;
}

GtkTextView *
dossier_annotation_popover_get_note_view (DossierAnnotationPopover *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self), NULL);

  return self->note_view;
}

GtkEntry *
dossier_annotation_popover_get_tags_entry (DossierAnnotationPopover *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION_POPOVER (self), NULL);

  return self->tags_entry;
}
