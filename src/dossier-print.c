/* dossier-print.c: an article on paper, with its highlights and notes
 *
 * The article becomes one Pango layout as wide as the page — title, byline, the body
 * with its highlights in their colours and a numbered marker after each annotated
 * passage — followed by the notes, numbered to match. Pages break between lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-print"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-print.h"

struct _DossierPrint
{
  GtkPrintOperation  parent_instance;

  DossierArticle    *article;
  GListModel        *annotations;   /* DossierAnnotation */
  PangoLayout       *layout;
  GArray            *page_starts;   /* int: first line of each page */
};

G_DEFINE_FINAL_TYPE (DossierPrint, dossier_print, GTK_TYPE_PRINT_OPERATION)

static const char *
paper_colour (DossierHighlightColor color)
{
  static const char *colours[] = { "#fbf3a7", "#c4f2cd", "#c6dcf7", "#fbd0e2", "#e3d3f7" };

  return colours[MIN ((guint) color, G_N_ELEMENTS (colours) - 1)];
}

static void
append_escaped_range (GString    *markup,
                      const char *text,
                      guint       start,
                      guint       end)
{
  const char *from = g_utf8_offset_to_pointer (text, start);
  const char *to = g_utf8_offset_to_pointer (text, end);
  g_autofree char *escaped = g_markup_escape_text (from, to - from);

  g_string_append (markup, escaped);
}

static void
append_body (DossierPrint *self,
             GString      *markup)
{
  const char *text = dossier_article_get_text (self->article);
  guint n = self->annotations ? g_list_model_get_n_items (self->annotations) : 0;
  guint done = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (self->annotations, i);
      guint start = dossier_annotation_get_start (annotation);
      guint end = dossier_annotation_get_end (annotation);

      if (dossier_annotation_get_anchor (annotation) == DOSSIER_ANCHOR_ORPHAN || start < done)
        continue;
      append_escaped_range (markup, text, done, start);
      g_string_append_printf (markup, "<span background=\"%s\">",
                              paper_colour (dossier_annotation_get_color (annotation)));
      append_escaped_range (markup, text, start, end);
      g_string_append_printf (markup, "</span><sup><b>%u</b></sup>", i + 1);
      done = end;
    }
  append_escaped_range (markup, text, done, dossier_article_get_n_chars (self->article));
}

static void
append_notes (DossierPrint *self,
              GString      *markup)
{
  guint n = self->annotations ? g_list_model_get_n_items (self->annotations) : 0;

  if (n == 0)
    return;

  g_string_append_printf (markup, "\n\n<big><b>%s</b></big>\n", _("Notes"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (self->annotations, i);
      g_autofree char *quote = g_markup_escape_text (dossier_annotation_get_quote (annotation), -1);
      g_autofree char *note = g_markup_escape_text (dossier_annotation_get_note (annotation), -1);
      g_autofree char *tags = g_strjoinv (", ", (char **) dossier_annotation_get_tags (annotation));
      g_autofree char *escaped_tags = g_markup_escape_text (tags, -1);

      g_string_append_printf (markup, "\n<b>%u.</b> <i>“%s”</i>", i + 1, quote);
      if (*note)
        g_string_append_printf (markup, "\n%s", note);
      if (*tags)
        g_string_append_printf (markup, "\n<small>%s %s</small>", _("Tags:"), escaped_tags);
      g_string_append_c (markup, '\n');
    }
}

static char *
build_markup (DossierPrint *self)
{
  GString *markup = g_string_new (NULL);
  g_autofree char *title = g_markup_escape_text (dossier_article_get_title (self->article), -1);
  g_autofree char *byline = dossier_article_dup_byline (self->article);
  g_autofree char *escaped_byline = g_markup_escape_text (byline, -1);

  g_string_append_printf (markup, "<span size=\"x-large\" weight=\"bold\">%s</span>\n"
                                  "<small>%s</small>\n\n", title, escaped_byline);
  append_body (self, markup);
  append_notes (self, markup);
  return g_string_free (markup, FALSE);
}

static void
dossier_print_begin_print (GtkPrintOperation *operation,
                           GtkPrintContext   *context)
{
  DossierPrint *self = DOSSIER_PRINT (operation);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Serif 11");
  g_autofree char *markup = build_markup (self);
  double page_height = gtk_print_context_get_height (context);
  double used = 0;
  int zero = 0;

  self->layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_font_description (self->layout, font);
  pango_layout_set_width (self->layout, gtk_print_context_get_width (context) * PANGO_SCALE);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (self->layout, markup, -1);

  g_array_append_val (self->page_starts, zero);
  for (int i = 0; i < pango_layout_get_line_count (self->layout); i++)
    {
      PangoRectangle logical;

      pango_layout_line_get_extents (pango_layout_get_line_readonly (self->layout, i), NULL,
                                     &logical);
      if (used + logical.height / (double) PANGO_SCALE > page_height)
        {
          g_array_append_val (self->page_starts, i);
          used = 0;
        }
      used += logical.height / (double) PANGO_SCALE;
    }

  gtk_print_operation_set_n_pages (operation, self->page_starts->len);
}

static void
dossier_print_draw_page (GtkPrintOperation *operation,
                         GtkPrintContext   *context,
                         int                page)
{
  DossierPrint *self = DOSSIER_PRINT (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  int first = g_array_index (self->page_starts, int, page);
  int last = page + 1 < (int) self->page_starts->len
             ? g_array_index (self->page_starts, int, page + 1)
             : pango_layout_get_line_count (self->layout);
  double y = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int i = first; i < last; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (self->layout, i);
      PangoRectangle logical;

      pango_layout_line_get_extents (line, NULL, &logical);
      cairo_move_to (cr, logical.x / (double) PANGO_SCALE,
                     y - logical.y / (double) PANGO_SCALE);
      pango_cairo_show_layout_line (cr, line);
      y += logical.height / (double) PANGO_SCALE;
    }
}

static void
dossier_print_finalize (GObject *object)
{
  DossierPrint *self = (DossierPrint *) object;

  g_clear_object (&self->article);
  g_clear_object (&self->annotations);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->page_starts, g_array_unref);

  G_OBJECT_CLASS (dossier_print_parent_class)->finalize (object);
}

static void
dossier_print_class_init (DossierPrintClass *klass)
{
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dossier_print_finalize;
  print_class->begin_print = dossier_print_begin_print;
  print_class->draw_page = dossier_print_draw_page;
}

static void
dossier_print_init (DossierPrint *self)
{
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (int));
}

/* @annotations: (nullable): the article's, in text order */
DossierPrint *
dossier_print_new (DossierArticle *article,
                   GListModel     *annotations)
{
  DossierPrint *self = g_object_new (DOSSIER_TYPE_PRINT, NULL);
  g_autofree char *name = g_strdup_printf ("%s.pdf", dossier_article_get_title (article));

  self->article = g_object_ref (article);
  self->annotations = annotations ? g_object_ref (annotations) : NULL;
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), dossier_article_get_title (article));
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  g_strdelimit (name, "/", '-');
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (self), name);
  return self;
}
