/* dossier-column.c: one article in the reading area, with its own header and scrolling
 *
 * A column shows an article and, when an entity is chosen, marks its mentions and steps
 * through them. It knows nothing of the database: the window hands it the article and
 * the article's mentions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-column"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-annotation-popover.h"
#include "dossier-column-private.h"
#include "dossier-mention-store.h"


G_DEFINE_FINAL_TYPE (DossierColumn, dossier_column, GTK_TYPE_WIDGET)

enum {
  CLOSE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Below this width the header and the find bar give their counts in short: four columns
 * in 1,400 pixels (three in 1,100) left "2 m…" of "2 mentions", a title of two letters, and
 * a find bar of "…" beside an entry of two characters (QA). */
#define NARROW_WIDTH 360

/* In a narrow column only the numbers show, "2" or "2/5"; the whole count is in the
 * tooltip and what a screen reader says. */
static void
update_mention_label (DossierColumn *self)
{
  g_autofree char *label = NULL;
  g_autofree char *brief = NULL;

  if (self->chosen->len == 0)
    {
      label = g_strdup (_("No mentions"));
      brief = g_strdup ("0");
    }
  else if (self->current < 0)
    {
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions",
                                            self->chosen->len), self->chosen->len);
      brief = g_strdup_printf ("%u", self->chosen->len);
    }
  else
    {
      /* TRANSLATORS: the mention shown, of how many: "2 of 5" */
      label = g_strdup_printf (_("%d of %u"), self->current + 1, self->chosen->len);
      /* TRANSLATORS: the mention shown, of how many, in a narrow column: "2/5" */
      brief = g_strdup_printf (_("%d/%u"), self->current + 1, self->chosen->len);
    }

  gtk_label_set_label (self->mention_label, self->narrow ? brief : label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mention_label), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mention_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "column.next-mention", self->chosen->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "column.previous-mention",
                                 self->chosen->len > 0);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  dossier_column_move_to_mention (DOSSIER_COLUMN (widget),
                                  g_str_equal (action_name, "column.next-mention") ? 1 : -1);
}

/* F3 and Shift+F3 step through what the column marks: the chosen entity's mentions, or
 * else the find bar's matches. */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierColumn *self = DOSSIER_COLUMN (widget);
  int direction = g_str_equal (action_name, "column.next") ? 1 : -1;

  if (self->chosen->len > 0)
    dossier_column_move_to_mention (self, direction);
  else
    _dossier_column_find_step (self, direction);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE_REQUESTED], 0);
}

/* Keyboard readers hear what the caret is on: the status line says which entity. */
static void
on_cursor_moved (DossierColumn *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_article_view_get_text_view (self->article_view));
  const char *description;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  description = dossier_article_view_get_highlight_at (self->article_view, &iter,
                                                       DOSSIER_HIGHLIGHT_GROUP_ENTITY, NULL);
  gtk_label_set_label (self->status_label, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), description != NULL);
}

static void init_annotations (DossierColumn *self);
static void load_annotations (DossierColumn *self);

static void
dossier_column_dispose (GObject *object)
{
  DossierColumn *self = (DossierColumn *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_COLUMN);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_clear_pointer (&self->chosen, g_array_unref);
  g_clear_pointer (&self->found, g_array_unref);
  g_clear_pointer (&self->find_words, g_free);
  g_clear_pointer (&self->found_text, g_free);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_clear_object (&self->annotations);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_column_parent_class)->dispose (object);
}

/* The column lays out its own children, top to bottom, the article taking the height left:
 * its width is needed before the header is laid out (set_narrow), which a layout manager
 * would not tell, its size_allocate never called. */
static void
dossier_column_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation,
                          orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                          &child_minimum, &child_natural, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          *minimum += child_minimum;
          *natural += child_natural;
        }
      else
        {
          *minimum = MAX (*minimum, child_minimum);
          *natural = MAX (*natural, child_natural);
        }
    }
}

static GtkSizeRequestMode
dossier_column_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Before the header and the find bar are laid out in @width: their labels are measured
 * afresh, and the column's own width does not depend on them. */
static void
set_narrow (DossierColumn *self,
            gboolean       narrow)
{
  if (self->narrow == narrow)
    return;

  self->narrow = narrow;
  update_mention_label (self);
  _dossier_column_place_find_label (self);
}

static void
dossier_column_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  DossierColumn *self = DOSSIER_COLUMN (widget);
  GtkWidget *article = GTK_WIDGET (self->article_view);
  int y = 0, article_minimum;

  set_narrow (self, width < NARROW_WIDTH);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_natural;

      if (child == article || !gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_natural, NULL,
                          NULL);
      gtk_widget_allocate (child, width, child_natural, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
      y += child_natural;
    }
  gtk_widget_measure (article, GTK_ORIENTATION_VERTICAL, width, &article_minimum, NULL, NULL,
                      NULL);
  gtk_widget_allocate (article, width, MAX (height - y, article_minimum), -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));

  /* The popover is ours to place. */
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static DossierHighlightColor
last_color (DossierColumn *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "last-highlight-color");
  DossierHighlightColor color = DOSSIER_HIGHLIGHT_YELLOW;

  dossier_highlight_color_from_string (name, &color);
  return color;
}

static void
highlight_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierColumn *self = DOSSIER_COLUMN (widget);
  DossierHighlightColor color = parameter ? (DossierHighlightColor) g_variant_get_int32 (parameter)
                                          : last_color (self);
  guint start, end;

  if (color >= DOSSIER_N_HIGHLIGHT_COLORS || self->session == NULL)
    return;
  /* Without a selection the key did nothing the user could see: say why, and keep the
   * colour the next Ctrl+H uses (QA review: Alt+2 silently changed it). */
  if (!dossier_article_view_get_selection (self->article_view, &start, &end))
    {
      gtk_widget_activate_action (widget, "win.show-message", "s", _("Select text to highlight"));
      return;
    }
  g_settings_set_string (self->settings, "last-highlight-color",
                         dossier_highlight_color_to_string (color));
  dossier_column_highlight_selection (self, color);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  dossier_column_edit_annotation_at_cursor (DOSSIER_COLUMN (widget));
}

static void
dossier_column_class_init (DossierColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_column_dispose;
  widget_class->get_request_mode = dossier_column_get_request_mode;
  widget_class->measure = dossier_column_measure;
  widget_class->size_allocate = dossier_column_size_allocate;

  signals[CLOSE_REQUESTED] = g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);

  g_type_ensure (DOSSIER_TYPE_ARTICLE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-column.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, article_view);
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, byline_label);
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, close_button);
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, find_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, find_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, find_label);
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, header);
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, mention_box);
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, mention_label);
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, status_label);
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, title_label);

  gtk_widget_class_install_action (widget_class, "column.next-mention", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "column.previous-mention", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "column.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "column.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "column.close", NULL, close_action);
  _dossier_column_class_init_find (widget_class);
  gtk_widget_class_install_action (widget_class, "column.highlight", NULL, highlight_action);
  gtk_widget_class_install_action (widget_class, "column.highlight-color", "i", highlight_action);
  gtk_widget_class_install_action (widget_class, "column.edit-note", NULL, edit_note_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "column.highlight", NULL);
  for (int i = 0; i < DOSSIER_N_HIGHLIGHT_COLORS; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "column.highlight-color", "i", i);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "column.edit-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, 0, "column.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, GDK_SHIFT_MASK,
                                       "column.previous", NULL);
  gtk_widget_class_set_css_name (widget_class, "column");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_column_init (DossierColumn *self)
{
  GtkTextView *text_view;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  self->current = -1;
  self->settings = g_settings_new (APP_ID);
  init_annotations (self);
  _dossier_column_init_find (self);
  text_view = dossier_article_view_get_text_view (self->article_view);
  g_signal_connect_object (gtk_text_view_get_buffer (text_view), "notify::cursor-position",
                           G_CALLBACK (on_cursor_moved), self, G_CONNECT_SWAPPED);
  update_mention_label (self);
}

GtkWidget *
dossier_column_new (void)
{
  return g_object_new (DOSSIER_TYPE_COLUMN, NULL);
}

DossierArticle *
dossier_column_get_article (DossierColumn *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLUMN (self), NULL);

  return dossier_article_view_get_article (self->article_view);
}

DossierArticleView *
dossier_column_get_article_view (DossierColumn *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLUMN (self), NULL);

  return self->article_view;
}

/**
 * dossier_column_set_article:
 * @article: an article with its body
 * @mentions: (element-type DossierMention) (nullable): its mentions, in text order
 */
void
dossier_column_set_article (DossierColumn  *self,
                            DossierArticle *article,
                            GPtrArray      *mentions)
{
  g_autofree char *byline = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (DOSSIER_IS_COLUMN (self));
  g_return_if_fail (DOSSIER_IS_ARTICLE (article));

  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  self->mentions = mentions ? g_ptr_array_ref (mentions) : NULL;
  g_array_set_size (self->chosen, 0);
  self->current = -1;

  dossier_article_view_set_article (self->article_view, article);
  load_annotations (self);
  _dossier_column_reset_find (self);
  byline = dossier_article_dup_byline (article);
  gtk_label_set_label (self->title_label, dossier_article_get_title (article));
  gtk_label_set_label (self->byline_label, byline);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), dossier_article_get_title (article));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->byline_label), byline);

  label = g_strdup_printf (_("Column: %s"), dossier_article_get_title (article));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  update_mention_label (self);
}

static char *
describe (DossierEntity *entity)
{
  /* TRANSLATORS: an entity and its kind, e.g. "Sergei Shoigu — Person" */
  return g_strdup_printf (_("%s — %s"), dossier_entity_get_name (entity),
                          dossier_entity_kind_get_label (dossier_entity_get_kind (entity)));
}

/**
 * dossier_column_set_entity:
 * @entity: (nullable): the chosen entity, or %NULL to clear
 *
 * Marks every mention of @entity, in the style of its kind.
 */
void
dossier_column_set_entity (DossierColumn *self,
                           DossierEntity *entity)
{
  g_autofree char *tag = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (DOSSIER_IS_COLUMN (self));

  dossier_article_view_clear_highlights (self->article_view, DOSSIER_HIGHLIGHT_GROUP_ENTITY);
  g_array_set_size (self->chosen, 0);
  self->current = -1;
  gtk_widget_set_visible (GTK_WIDGET (self->mention_box), entity != NULL);
  if (entity == NULL || self->mentions == NULL)
    {
      update_mention_label (self);
      /* The status line named the mention under the caret: it is no longer marked. */
      on_cursor_moved (self);
      return;
    }

  tag = g_strconcat ("mention-", dossier_entity_kind_to_string (dossier_entity_get_kind (entity)),
                     NULL);
  description = describe (entity);
  for (guint i = 0; i < self->mentions->len; i++)
    {
      const DossierMention *mention = g_ptr_array_index (self->mentions, i);

      if (g_strcmp0 (mention->entity, dossier_entity_get_name (entity)) != 0)
        continue;
      g_array_append_val (self->chosen, i);
      dossier_article_view_add_highlight (self->article_view, DOSSIER_HIGHLIGHT_GROUP_ENTITY, tag,
                                          mention->start, mention->start + mention->length,
                                          description, NULL);
    }

  update_mention_label (self);
  on_cursor_moved (self);
}

guint
dossier_column_get_n_mentions (DossierColumn *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLUMN (self), 0);

  return self->chosen->len;
}

/* Which of the chosen entity's mentions was stepped to last; -1 for none yet. */
int
dossier_column_get_current_mention (DossierColumn *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLUMN (self), -1);

  return self->current;
}

/* Steps to the next (@direction 1) or previous (-1) mention, wrapping around, and
 * scrolls to it and flashes it. */
void
dossier_column_move_to_mention (DossierColumn *self,
                                int            direction)
{
  const DossierMention *mention;
  int n;

  g_return_if_fail (DOSSIER_IS_COLUMN (self));

  n = self->chosen->len;
  if (n == 0)
    return;

  self->current = _dossier_column_step_index (self->current, n, direction);

  mention = g_ptr_array_index (self->mentions, g_array_index (self->chosen, guint, self->current));
  dossier_article_view_reveal_range (self->article_view, mention->start,
                                     mention->start + mention->length);
  update_mention_label (self);
}

gboolean
dossier_column_get_focused (DossierColumn *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLUMN (self), FALSE);

  return self->focused;
}

/* The focused column is where "Open" puts an article; it is marked in its header. */
void
dossier_column_set_focused (DossierColumn *self,
                            gboolean       focused)
{
  g_return_if_fail (DOSSIER_IS_COLUMN (self));

  self->focused = !!focused;
  if (focused)
    gtk_widget_add_css_class (GTK_WIDGET (self), "focused");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "focused");
}

/* The annotation layer: highlights of this article's annotations, the popover over a
 * selection or a highlight, and the keys that highlight without it. */

static void
show_annotations (DossierColumn *self)
{
  guint n = self->annotations ? g_list_model_get_n_items (self->annotations) : 0;

  dossier_article_view_clear_highlights (self->article_view, DOSSIER_HIGHLIGHT_GROUP_ANNOTATION);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (self->annotations, i);
      g_autofree char *tag = NULL;
      g_autofree char *note = dossier_annotation_shorten_text (dossier_annotation_get_note (annotation));

      if (dossier_annotation_get_anchor (annotation) == DOSSIER_ANCHOR_ORPHAN)
        continue;
      tag = g_strconcat ("annotation-",
                         dossier_highlight_color_to_string (dossier_annotation_get_color (annotation)),
                         NULL);
      dossier_article_view_add_highlight (self->article_view, DOSSIER_HIGHLIGHT_GROUP_ANNOTATION,
                                          tag, dossier_annotation_get_start (annotation),
                                          dossier_annotation_get_end (annotation),
                                          *note ? note : _("Highlight"),
                                          dossier_annotation_get_id (annotation));
    }
}

/* Asks the session for this article's annotations, re-anchored to its current text. */
static void
load_annotations (DossierColumn *self)
{
  DossierArticle *article = dossier_column_get_article (self);
  DossierAnnotationFilter filter = DOSSIER_ANNOTATION_FILTER_INIT;
  g_autoptr(GError) error = NULL;

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_clear_object (&self->annotations);
  if (self->session == NULL || article == NULL)
    return;

  if (!dossier_annotations_anchor_article (self->session, article, &error))
    g_warning ("%s", error->message);
  g_clear_error (&error);

  filter.article_id = dossier_article_get_id (article);
  self->annotations = dossier_annotations_list (self->session, &filter, &error);
  if (self->annotations == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  g_signal_connect_swapped (self->annotations, "items-changed", G_CALLBACK (show_annotations), self);
  show_annotations (self);
}

void
dossier_column_set_session (DossierColumn      *self,
                            DossierAnnotations *session)
{
  g_return_if_fail (DOSSIER_IS_COLUMN (self));

  if (!g_set_object (&self->session, session))
    return;

  dossier_annotation_popover_set_session (DOSSIER_ANNOTATION_POPOVER (self->popover), session);
  load_annotations (self);
}

GtkWidget *
dossier_column_get_popover (DossierColumn *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLUMN (self), NULL);

  return self->popover;
}

/* Points the popover at the text between two buffer positions. */
static void
point_popover_at (DossierColumn     *self,
                  const GtkTextIter *from,
                  const GtkTextIter *to)
{
  GtkTextView *text_view = dossier_article_view_get_text_view (self->article_view);
  GdkRectangle start, end, rect;
  double x, y;

  gtk_text_view_get_iter_location (text_view, from, &start);
  gtk_text_view_get_iter_location (text_view, to, &end);
  gdk_rectangle_union (&start, &end, &rect);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y,
                                         &rect.x, &rect.y);
  gtk_widget_translate_coordinates (GTK_WIDGET (text_view), GTK_WIDGET (self), rect.x, rect.y,
                                    &x, &y);
  rect.x = x;
  rect.y = y;
  rect.width = MAX (rect.width, 1);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
}

static void
popup_for_selection (DossierColumn *self,
                     guint          start,
                     guint          end)
{
  GtkTextIter from, to;

  dossier_article_view_get_iter_at (self->article_view, start, &from);
  dossier_article_view_get_iter_at (self->article_view, end, &to);
  point_popover_at (self, &from, &to);
  dossier_annotation_popover_edit_selection (DOSSIER_ANNOTATION_POPOVER (self->popover),
                                             dossier_column_get_article (self), start, end);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

gboolean
_dossier_column_popup_annotation (DossierColumn *self,
                                  const char    *id)
{
  g_autoptr(DossierAnnotation) annotation = NULL;
  GtkTextIter from, to;

  if (self->session == NULL
      || (annotation = dossier_annotations_lookup (self->session, id, NULL)) == NULL)
    return FALSE;

  dossier_article_view_get_iter_at (self->article_view, dossier_annotation_get_start (annotation),
                                    &from);
  dossier_article_view_get_iter_at (self->article_view, dossier_annotation_get_end (annotation),
                                    &to);
  point_popover_at (self, &from, &to);
  dossier_annotation_popover_edit (DOSSIER_ANNOTATION_POPOVER (self->popover), annotation);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  return TRUE;
}

/* The id of the highlight at (@x, @y) of the text view, or NULL. */
const char *
_dossier_column_annotation_at (DossierColumn *self,
                               double         x,
                               double         y)
{
  GtkTextView *text_view = dossier_article_view_get_text_view (self->article_view);
  const char *id = NULL;
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (text_view, &iter, bx, by)
      && dossier_article_view_get_highlight_at (self->article_view, &iter,
                                                DOSSIER_HIGHLIGHT_GROUP_ANNOTATION, &id))
    return id;
  return NULL;
}

/* A released click: over a selection offer to highlight it; on a highlight edit it. */
static void
on_text_released (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  DossierColumn   *self)
{
  const char *id = NULL;
  guint start, end;

  if (self->session == NULL)
    return;

  if (dossier_article_view_get_selection (self->article_view, &start, &end))
    {
      popup_for_selection (self, start, end);
      return;
    }

  if ((id = _dossier_column_annotation_at (self, x, y)) != NULL)
    _dossier_column_popup_annotation (self, id);
}

/* After a highlight is made of the selection, the selection goes, caret at its end: left
 * over the new highlight, it hid the colour just chosen. */
static void
deselect (DossierColumn *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (
    dossier_article_view_get_text_view (self->article_view));
  GtkTextIter start, end;

  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    gtk_text_buffer_place_cursor (buffer, &end);
}

/* The popover held the keyboard focus: closed by Escape, it left it nowhere, and the
 * column's keys (Alt+1…5, Ctrl+H, Tab) no longer reached it (QA). Unless a widget outside
 * took the focus, it goes back to the text, the selection as it was. */
static void
give_focus_back (DossierColumn *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (root == NULL || self->article_view == NULL)
    return;
  if (focus == NULL || !gtk_widget_get_mapped (focus) || focus == self->popover
      || gtk_widget_is_ancestor (focus, self->popover))
    gtk_widget_grab_focus (GTK_WIDGET (dossier_article_view_get_text_view (self->article_view)));
}

/* The popover made a highlight of the selection (or edited one): the selection is done. */
static void
on_popover_closed (DossierColumn *self)
{
  if (dossier_annotation_popover_get_annotation (DOSSIER_ANNOTATION_POPOVER (self->popover))
      != NULL)
    deselect (self);
  give_focus_back (self);
  _dossier_column_pass_click (self);
}

static void
on_annotation_deleted (DossierColumn *self,
                       const char    *id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.annotation-deleted", NULL);
}

static void
init_annotations (DossierColumn *self)
{
  GtkTextView *text_view = dossier_article_view_get_text_view (self->article_view);
  GtkGesture *click = gtk_gesture_click_new ();

  self->popover = dossier_annotation_popover_new ();
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  g_signal_connect_swapped (self->popover, "deleted", G_CALLBACK (on_annotation_deleted), self);
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (on_popover_closed), self);

  g_signal_connect (click, "released", G_CALLBACK (on_text_released), self);
  gtk_widget_add_controller (GTK_WIDGET (text_view), GTK_EVENT_CONTROLLER (click));
}

/**
 * dossier_column_highlight_selection:
 *
 * Highlights the selected text in @color, saved at once, as the Ctrl+H and Alt+1…5 keys
 * do. FALSE when nothing of the article's text is selected.
 */
gboolean
dossier_column_highlight_selection (DossierColumn         *self,
                                    DossierHighlightColor  color)
{
  g_autoptr(DossierAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  guint start, end;

  g_return_val_if_fail (DOSSIER_IS_COLUMN (self), FALSE);

  if (self->session == NULL || !dossier_article_view_get_selection (self->article_view, &start, &end))
    return FALSE;

  annotation = dossier_annotations_create (self->session, dossier_column_get_article (self), start,
                                           end, color, NULL, NULL, &error);
  if (annotation == NULL)
    {
      /* A full disk or a read-only library: the user must know the highlight is not kept. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", error->message);
      return FALSE;
    }

  deselect (self);
  return TRUE;
}

/* Ctrl+Shift+N: the note of the highlight at the caret, or a new one for the selection. */
void
dossier_column_edit_annotation_at_cursor (DossierColumn *self)
{
  GtkTextBuffer *buffer;
  const char *id = NULL;
  GtkTextIter iter;
  guint start, end;

  g_return_if_fail (DOSSIER_IS_COLUMN (self));

  if (self->session == NULL)
    return;

  if (dossier_article_view_get_selection (self->article_view, &start, &end))
    {
      popup_for_selection (self, start, end);
      return;
    }

  buffer = gtk_text_view_get_buffer (dossier_article_view_get_text_view (self->article_view));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if (dossier_article_view_get_highlight_at (self->article_view, &iter,
                                             DOSSIER_HIGHLIGHT_GROUP_ANNOTATION, &id))
    _dossier_column_popup_annotation (self, id);
}

/* This article's annotations, in text order, kept up to date; NULL without a session. */
GListModel *
dossier_column_get_annotations (DossierColumn *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLUMN (self), NULL);

  return self->annotations;
}

/* Whether (@x, @y), in the column's own coordinates, is on its × button. */
gboolean
dossier_column_close_button_contains (DossierColumn *self,
                                      double         x,
                                      double         y)
{
  graphene_rect_t bounds;

  g_return_val_if_fail (DOSSIER_IS_COLUMN (self), FALSE);

  return gtk_widget_get_mapped (self->close_button)
         && gtk_widget_compute_bounds (self->close_button, GTK_WIDGET (self), &bounds)
         && graphene_rect_contains_point (&bounds, &GRAPHENE_POINT_INIT (x, y));
}
