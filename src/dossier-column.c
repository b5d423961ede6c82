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

#include "dossier-column.h"
#include "dossier-mention-store.h"

struct _DossierColumn
{
  GtkWidget           parent_instance;

  /* template widgets */
  DossierArticleView *article_view;
  GtkLabel           *byline_label;
  GtkBox             *header;
  GtkBox             *mention_box;
  GtkLabel           *mention_label;
  GtkLabel           *status_label;
  GtkLabel           *title_label;

  /* owned */
  GPtrArray          *mentions;   /* DossierMention, every entity's */
  GArray             *chosen;     /* guint: indices into mentions of the chosen entity */
  int                 current;    /* index into chosen, -1 before the first step */
  gboolean            focused;
};

G_DEFINE_FINAL_TYPE (DossierColumn, dossier_column, GTK_TYPE_WIDGET)

enum {
  CLOSE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_mention_label (DossierColumn *self)
{
  g_autofree char *label = NULL;

  if (self->chosen->len == 0)
    label = g_strdup (_("No mentions"));
  else if (self->current < 0)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions",
                                          self->chosen->len), self->chosen->len);
  else
    /* TRANSLATORS: the mention shown, of how many: "2 of 5" */
    label = g_strdup_printf (_("%d of %u"), self->current + 1, self->chosen->len);

  gtk_label_set_label (self->mention_label, label);
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
  description = dossier_article_view_get_highlight_at (self->article_view, &iter);
  gtk_label_set_label (self->status_label, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), description != NULL);
}

static void
dossier_column_dispose (GObject *object)
{
  DossierColumn *self = (DossierColumn *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_COLUMN);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_clear_pointer (&self->chosen, g_array_unref);

  G_OBJECT_CLASS (dossier_column_parent_class)->dispose (object);
}

static void
dossier_column_class_init (DossierColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_column_dispose;

  signals[CLOSE_REQUESTED] = g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);

  g_type_ensure (DOSSIER_TYPE_ARTICLE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-column.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, article_view);
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, byline_label);
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, header);
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, mention_box);
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, mention_label);
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, status_label);
  gtk_widget_class_bind_template_child (widget_class, DossierColumn, title_label);

  gtk_widget_class_install_action (widget_class, "column.next-mention", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "column.previous-mention", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "column.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, 0, "column.next-mention", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, GDK_SHIFT_MASK,
                                       "column.previous-mention", NULL);
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
  byline = dossier_article_dup_byline (article);
  gtk_label_set_label (self->title_label, dossier_article_get_title (article));
  gtk_label_set_label (self->byline_label, byline);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), dossier_article_get_title (article));

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

  dossier_article_view_clear_highlights (self->article_view);
  g_array_set_size (self->chosen, 0);
  self->current = -1;
  gtk_widget_set_visible (GTK_WIDGET (self->mention_box), entity != NULL);
  if (entity == NULL || self->mentions == NULL)
    {
      update_mention_label (self);
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
      dossier_article_view_add_highlight (self->article_view, tag, mention->start,
                                          mention->start + mention->length, description);
    }

  update_mention_label (self);
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

  if (self->current < 0)
    self->current = direction > 0 ? 0 : n - 1;
  else
    self->current = ((self->current + direction) % n + n) % n;

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
