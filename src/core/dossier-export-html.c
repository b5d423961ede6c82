/* dossier-export-html.c: annotations as one self-contained, printable HTML page
 *
 * No script, no external resource: the style sheet is inline, the highlights are <mark>
 * elements in their colours (kept when printing). Every piece of the user's or the
 * articles' text goes through g_markup_escape_text(), so a note holding "<b>" or
 * "</script>" is shown as those characters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-export-private.h"

/* Light highlight colours that keep black text readable, on screen and on paper. */
static const char style_sheet[] =
  ":root { color-scheme: light; }\n"
  "body { font: 16px/1.5 'Cantarell', 'Noto Serif', Georgia, serif; color: #1e1e1e;"
  " background: #fff; max-width: 46em; margin: 2em auto; padding: 0 1em; }\n"
  "header { border-bottom: 1px solid #ccc; margin-bottom: 2em; }\n"
  "h1 { font-size: 1.8em; margin-bottom: 0.2em; }\n"
  "h2 { font-size: 1.3em; margin: 2em 0 0.2em; break-after: avoid; }\n"
  ".byline, .exported, .meta { color: #5e5c64; font-size: 0.9em; }\n"
  ".annotation { margin: 1.2em 0; break-inside: avoid; }\n"
  "blockquote { margin: 0; padding-left: 1em; border-left: 4px solid #ccc; }\n"
  "mark { color: inherit; padding: 0 0.1em; }\n"
  ".note, blockquote { white-space: pre-wrap; }\n"
  ".note { margin: 0.4em 0 0; }\n"
  ".meta { margin: 0.2em 0 0; }\n"
  ".orphan { color: #c01c28; font-weight: bold; }\n"
  ".yellow { background: #fff19a; } blockquote.yellow { border-color: #e5a50a; }\n"
  ".green { background: #c5f2c0; } blockquote.green { border-color: #26a269; }\n"
  ".blue { background: #c4e0ff; } blockquote.blue { border-color: #1c71d8; }\n"
  ".pink { background: #ffd0e4; } blockquote.pink { border-color: #e01b7a; }\n"
  ".purple { background: #e3d0f7; } blockquote.purple { border-color: #813d9c; }\n"
  "blockquote { background: none; }\n"
  "@media print { body { margin: 0; max-width: none; } a { color: inherit; }"
  " * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }\n";

static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static void
append_meta (GString           *out,
             DossierAnnotation *annotation,
             const char        *color)
{
  g_autofree char *tags = _dossier_export_tags_text (annotation);
  g_autofree char *link = dossier_annotation_dup_link (annotation);

  g_string_append_printf (out, "<p class=\"meta\"><span class=\"color\">%s</span>", color);
  if (*tags != '\0')
    {
      /* <bdi>: a right-to-left override in a tag stops at its end, not at the link's. */
      g_string_append_printf (out, " · %s <bdi class=\"tags\">", _("Tags:"));
      append_text (out, tags);
      g_string_append (out, "</bdi>");
    }
  if (dossier_annotation_get_anchor (annotation) == DOSSIER_ANCHOR_ORPHAN)
    {
      g_string_append (out, " · <span class=\"orphan\">");
      append_text (out, _("Needs attention: the passage was not found"));
      g_string_append (out, "</span>");
    }
  g_string_append (out, " · <a href=\"");
  append_text (out, link);
  g_string_append_printf (out, "\">%s</a></p>\n", _("Open in Dossier"));
}

static void
append_annotation (GString           *out,
                   DossierAnnotation *annotation)
{
  const char *color = dossier_highlight_color_to_string (dossier_annotation_get_color (annotation));
  const char *note = dossier_annotation_get_note (annotation);

  g_string_append (out, "<div class=\"annotation\" id=\"");
  append_text (out, dossier_annotation_get_id (annotation));
  g_string_append_printf (out, "\">\n<blockquote class=\"%s\" dir=\"auto\"><mark class=\"%s\">",
                          color, color);
  append_text (out, dossier_annotation_get_quote (annotation));
  g_string_append (out, "</mark></blockquote>\n");
  if (*note != '\0')
    {
      g_string_append (out, "<p class=\"note\" dir=\"auto\">");
      append_text (out, note);
      g_string_append (out, "</p>\n");
    }
  append_meta (out, annotation, color);
  g_string_append (out, "</div>\n");
}

static void
append_section (GString                    *out,
                const DossierExportSection *section)
{
  g_autofree char *title = _dossier_export_section_title (section);
  g_autofree char *date = _dossier_export_section_date (section);
  const char *outlet = section->article ? dossier_article_get_outlet (section->article) : NULL;
  g_autofree char *byline = g_strjoin (" · ", outlet ? outlet : _("Unknown outlet"), date, NULL);

  g_string_append (out, "<section class=\"article\">\n<h2>");
  append_text (out, title);
  g_string_append (out, "</h2>\n<p class=\"byline\">");
  append_text (out, byline);
  g_string_append (out, "</p>\n");
  for (guint i = 0; i < section->annotations->len; i++)
    append_annotation (out, g_ptr_array_index (section->annotations, i));
  g_string_append (out, "</section>\n");
}

char *
_dossier_export_html (const DossierExportDocument *document)
{
  GString *out = g_string_new ("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");

  g_string_append (out, "<meta name=\"generator\" content=\"Dossier\">\n<title>");
  append_text (out, document->dossier_name);
  g_string_append_printf (out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>",
                          style_sheet);
  append_text (out, document->dossier_name);
  g_string_append (out, "</h1>\n<p class=\"exported\">");
  /* TRANSLATORS: export date (ISO 8601), number of annotations */
  g_string_append_printf (out, _("Exported %s · %u annotations"), document->exported,
                          document->annotations->len);
  g_string_append (out, "</p>\n</header>\n<main>\n");

  for (guint i = 0; i < document->sections->len; i++)
    append_section (out, g_ptr_array_index (document->sections, i));

  g_string_append (out, "</main>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
