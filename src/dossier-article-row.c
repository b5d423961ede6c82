/* dossier-article-row.c: one article in the library list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-article-row"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-article-row.h"
#include "dossier-template.h"

struct _DossierArticleRow
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkLabel       *byline_label;
  GtkLabel       *mentions_label;
  GtkLabel       *notes_label;
  GtkLabel       *title_label;

  /* owned */
  DossierArticle *article;
};

G_DEFINE_FINAL_TYPE (DossierArticleRow, dossier_article_row, GTK_TYPE_WIDGET)

static void
dossier_article_row_dispose (GObject *object)
{
  DossierArticleRow *self = (DossierArticleRow *) object;

  _dossier_template_dispose (GTK_WIDGET (self), DOSSIER_TYPE_ARTICLE_ROW);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (dossier_article_row_parent_class)->dispose (object);
}

static void
dossier_article_row_class_init (DossierArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_article_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierArticleRow, byline_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleRow, mentions_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleRow, notes_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleRow, title_label);
  gtk_widget_class_set_css_name (widget_class, "articlerow");
}

static void
dossier_article_row_init (DossierArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_article_row_new (void)
{
  return g_object_new (DOSSIER_TYPE_ARTICLE_ROW, NULL);
}

DossierArticle *
dossier_article_row_get_article (DossierArticleRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_ROW (self), NULL);

  return self->article;
}

void
dossier_article_row_set_article (DossierArticleRow *self,
                                 DossierArticle    *article)
{
  g_autofree char *byline = NULL;

  g_return_if_fail (DOSSIER_IS_ARTICLE_ROW (self));

  if (!g_set_object (&self->article, article))
    return;

  if (article == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->byline_label, "");
      return;
    }

  byline = dossier_article_dup_byline (article);
  gtk_label_set_label (self->title_label, dossier_article_get_title (article));
  gtk_label_set_label (self->byline_label, byline);
}

/* Marks the row when the chosen entity is mentioned in its article; 0 clears the mark. */
void
dossier_article_row_set_mentions (DossierArticleRow *self,
                                  guint              n_mentions)
{
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;

  g_return_if_fail (DOSSIER_IS_ARTICLE_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->mentions_label), n_mentions > 0);
  if (n_mentions == 0)
    return;

  count = g_strdup_printf ("%u", n_mentions);
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Mentions the chosen entity once",
                                          "Mentions the chosen entity %u times", n_mentions),
                             n_mentions);
  gtk_label_set_label (self->mentions_label, count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mentions_label), tooltip);
}

/* How many notes the user has in the article; 0 hides the count. */
void
dossier_article_row_set_notes (DossierArticleRow *self,
                               guint              n_notes)
{
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;

  g_return_if_fail (DOSSIER_IS_ARTICLE_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), n_notes > 0);
  if (n_notes == 0)
    return;

  /* TRANSLATORS: a pencil and the number of notes, on a library row */
  label = g_strdup_printf (_("✎ %u"), n_notes);
  tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n_notes),
                             n_notes);
  gtk_label_set_label (self->notes_label, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->notes_label), tooltip);
}
