/* dossier-note-row.c: one annotation, or an article's heading, in the notes view
 *
 * An annotation shows a bar in its highlight colour, the quote (three lines at most), the
 * note and the tags. One whose passage is lost ("Needs attention") says so instead of
 * pretending it can be opened, and names its article since it sits outside its group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-note-row"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-annotation-popover.h"
#include "dossier-note-row.h"
#include "dossier-template.h"

struct _DossierNoteRow
{
  GtkWidget   parent_instance;

  /* template widgets */
  GtkImage   *heading_icon;
  GtkLabel   *note_label;
  GtkLabel   *quote_label;
  GtkLabel   *reason_label;
  GtkWidget  *swatch;
  GtkLabel   *tags_label;
  GtkLabel   *title_label;
};

G_DEFINE_FINAL_TYPE (DossierNoteRow, dossier_note_row, GTK_TYPE_WIDGET)

static void
dossier_note_row_dispose (GObject *object)
{
  _dossier_template_dispose (GTK_WIDGET (object), DOSSIER_TYPE_NOTE_ROW);

  G_OBJECT_CLASS (dossier_note_row_parent_class)->dispose (object);
}

static void
dossier_note_row_class_init (DossierNoteRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dossier_note_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-note-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierNoteRow, heading_icon);
  gtk_widget_class_bind_template_child (widget_class, DossierNoteRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, DossierNoteRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, DossierNoteRow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, DossierNoteRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, DossierNoteRow, tags_label);
  gtk_widget_class_bind_template_child (widget_class, DossierNoteRow, title_label);
  gtk_widget_class_set_css_name (widget_class, "noterow");
}

static void
dossier_note_row_init (DossierNoteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_note_row_new (void)
{
  return g_object_new (DOSSIER_TYPE_NOTE_ROW, NULL);
}

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
set_swatch_color (DossierNoteRow *self,
                  int             color)
{
  for (int i = 0; i < DOSSIER_N_HIGHLIGHT_COLORS; i++)
    gtk_widget_remove_css_class (self->swatch, dossier_highlight_color_to_string (i));
  if (color >= 0)
    gtk_widget_add_css_class (self->swatch, dossier_highlight_color_to_string (color));
  gtk_widget_set_visible (self->swatch, color >= 0);
}

/* "#russia  #visits": one label wraps in a narrow sidebar where a box of pills would not. */
static void
show_tags (DossierNoteRow     *self,
           const char * const *tags)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_string_append_printf (text, "%s#%s", i > 0 ? "  " : "", tags[i]);
  set_text (self->tags_label, text->str);
}

void
dossier_note_row_show_heading (DossierNoteRow *self,
                               const char     *title,
                               gboolean        attention)
{
  g_return_if_fail (DOSSIER_IS_NOTE_ROW (self));

  set_swatch_color (self, -1);
  set_text (self->title_label, title);
  set_text (self->quote_label, NULL);
  set_text (self->note_label, NULL);
  show_tags (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->heading_icon), attention);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "orphan");
  gtk_widget_add_css_class (GTK_WIDGET (self), "header");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/* What a screen reader says for the row: the colour is not only a colour. */
static char *
describe (DossierAnnotation *annotation,
          gboolean           orphan)
{
  g_autofree char *tags = g_strjoinv (", ", (char **) dossier_annotation_get_tags (annotation));
  g_autofree char *quote = dossier_annotation_shorten_text (dossier_annotation_get_quote (annotation));
  g_autofree char *note = dossier_annotation_shorten_text (dossier_annotation_get_note (annotation));
  GString *text = g_string_new (NULL);

  /* TRANSLATORS: a note in the notes view, for screen readers: colour, then the quote */
  g_string_printf (text, _("%s highlight: “%s”"),
                   dossier_highlight_color_get_label (dossier_annotation_get_color (annotation)),
                   quote);
  if (*note != '\0')
    g_string_append_printf (text, _(". Note: %s"), note);
  if (*tags != '\0')
    g_string_append_printf (text, _(". Tags: %s"), tags);
  if (orphan)
    g_string_append_printf (text, ". %s", _("Passage not found"));
  return g_string_free (text, FALSE);
}

/* @article_title is shown for a lost passage only: the others sit under their article. */
void
dossier_note_row_show_annotation (DossierNoteRow    *self,
                                  DossierAnnotation *annotation,
                                  const char        *article_title)
{
  gboolean orphan;
  g_autofree char *label = NULL, *quote = NULL, *note = NULL;

  g_return_if_fail (DOSSIER_IS_NOTE_ROW (self));
  g_return_if_fail (DOSSIER_IS_ANNOTATION (annotation));

  orphan = dossier_annotation_get_anchor (annotation) == DOSSIER_ANCHOR_ORPHAN;
  set_swatch_color (self, dossier_annotation_get_color (annotation));
  set_text (self->title_label, orphan ? article_title : NULL);
  quote = dossier_annotation_shorten_text (dossier_annotation_get_quote (annotation));
  note = dossier_annotation_shorten_text (dossier_annotation_get_note (annotation));
  set_text (self->quote_label, quote);
  set_text (self->note_label, note);
  show_tags (self, dossier_annotation_get_tags (annotation));
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), orphan);
  gtk_widget_set_visible (GTK_WIDGET (self->heading_icon), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "header");
  if (orphan)
    gtk_widget_add_css_class (GTK_WIDGET (self), "orphan");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "orphan");

  label = describe (annotation, orphan);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}
