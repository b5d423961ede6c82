/* dossier-export-markdown.c: annotations as a Markdown (CommonMark) document
 *
 * YAML front matter (dossier, exported, annotations), a "##" section per article with its
 * outlet and date, and for each annotation a block quote of the passage, the note, then
 * the colour, the tags and a dossier:// link back to the passage.
 *
 * The user's text never becomes structure: Markdown punctuation is escaped with a
 * backslash wherever it could start something (emphasis, code, links, HTML, headings),
 * and at the start of a line also what would start a list, a rule or a setext heading;
 * leading indentation is dropped so a note never turns into a code block. A note holding
 * "---", backticks or "#" thus stays a paragraph of text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-export-private.h"

/* Escaped wherever they appear. */
#define MARKDOWN_INLINE_SPECIALS "\\`*_[]<>#|~&!"
/* Escaped at the start of a line (they start lists, rules and setext headings). */
#define MARKDOWN_LINE_SPECIALS "-+="

/* A run of digits followed by "." or ")" at the start of a line starts an ordered list;
 * returns the length of the run when it does. */
static gsize
ordered_list_marker (const char *line,
                     gsize       length)
{
  gsize digits = 0;

  while (digits < length && g_ascii_isdigit (line[digits]))
    digits++;

  return digits > 0 && digits < length && (line[digits] == '.' || line[digits] == ')')
         ? digits : 0;
}

static void
escape_line (GString    *out,
             const char *line,
             gsize       length)
{
  gsize list_digits;

  while (length > 0 && (*line == ' ' || *line == '\t'))
    line++, length--;

  list_digits = ordered_list_marker (line, length);
  for (gsize i = 0; i < length; i++)
    {
      gboolean at_start = i == 0 && strchr (MARKDOWN_LINE_SPECIALS, line[i]) != NULL;

      if (line[i] == '\r')
        continue;
      if ((line[i] != '\0' && strchr (MARKDOWN_INLINE_SPECIALS, line[i]) != NULL)
          || at_start || (list_digits > 0 && i == list_digits))
        g_string_append_c (out, '\\');
      g_string_append_c (out, line[i]);
    }
}

/* Appends @text line by line, each line after @line_prefix ("> " in a block quote). */
static void
append_escaped (GString    *out,
                const char *text,
                const char *line_prefix)
{
  const char *line = text;

  for (;;)
    {
      const char *end = strchr (line, '\n');
      gsize length = end ? (gsize) (end - line) : strlen (line);

      g_string_append (out, line_prefix);
      escape_line (out, line, length);
      /* A block quote's blank line must keep its ">" or the quote would end. */
      if (out->len > 0 && out->str[out->len - 1] == ' ' && length == 0)
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
      if (end == NULL)
        break;
      line = end + 1;
    }
}

/* One line of text: line breaks become spaces. */
static void
append_inline (GString    *out,
               const char *text)
{
  g_autofree char *flat = g_strdelimit (g_strdup (text), "\r\n", ' ');

  escape_line (out, flat, strlen (flat));
}

/* A YAML double-quoted scalar: control characters are not allowed raw in it. */
static void
append_yaml_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\n' || *p == '\r')
        g_string_append (out, *p == '\n' ? "\\n" : "\\r");
      else if ((guchar) *p < 0x20 || *p == 0x7f)
        g_string_append_printf (out, "\\x%02x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation
 * forms) and the explicit direction marks, embeddings, overrides and isolates. */
static gboolean
is_bidi_sensitive (gunichar c)
{
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF)
         || (c >= 0xFE70 && c <= 0xFEFF) || (c >= 0x10800 && c <= 0x10FFF)
         || (c >= 0x1E800 && c <= 0x1EFFF) || c == 0x061C || c == 0x200E || c == 0x200F
         || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static gboolean
needs_isolate (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (is_bidi_sensitive (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* A tag with right-to-left text, or with an override (U+202E) it never closes, goes
 * between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: it cannot reorder the other
 * tags or the link after them, as the isolate's end closes whatever the tag opened. */
static void
append_tags (GString           *out,
             DossierAnnotation *annotation)
{
  const char * const *tags = dossier_annotation_get_tags (annotation);

  for (guint i = 0; tags[i] != NULL; i++)
    {
      gboolean isolate = needs_isolate (tags[i]);

      g_string_append (out, i > 0 ? "; " : "");
      g_string_append (out, isolate ? "\u2068" : "");
      append_inline (out, tags[i]);
      g_string_append (out, isolate ? "\u2069" : "");
    }
}

static void
append_annotation (GString           *out,
                   DossierAnnotation *annotation)
{
  g_autofree char *link = dossier_annotation_dup_link (annotation);
  const char * const *tags = dossier_annotation_get_tags (annotation);
  const char *note = dossier_annotation_get_note (annotation);
  DossierHighlightColor color = dossier_annotation_get_color (annotation);

  append_escaped (out, dossier_annotation_get_quote (annotation), "> ");
  g_string_append_c (out, '\n');
  if (*note != '\0')
    {
      append_escaped (out, note, "");
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "*%s* %s", _("Colour:"), dossier_highlight_color_to_string (color));
  if (tags[0] != NULL)
    {
      g_string_append_printf (out, " · *%s* ", _("Tags:"));
      append_tags (out, annotation);
    }
  if (dossier_annotation_get_anchor (annotation) == DOSSIER_ANCHOR_ORPHAN)
    g_string_append_printf (out, " · **%s**", _("Needs attention: the passage was not found"));
  g_string_append_printf (out, " · [%s](%s)\n\n", _("Open in Dossier"), link);
}

static void
append_section (GString                    *out,
                const DossierExportSection *section)
{
  g_autofree char *title = _dossier_export_section_title (section);
  g_autofree char *date = _dossier_export_section_date (section);
  const char *outlet = section->article ? dossier_article_get_outlet (section->article) : NULL;
  g_autofree char *byline = g_strjoin (" · ", outlet ? outlet : _("Unknown outlet"), date, NULL);

  g_string_append (out, "## ");
  append_inline (out, title);
  g_string_append (out, "\n\n*");
  append_inline (out, byline);
  g_string_append (out, "*\n\n");

  for (guint i = 0; i < section->annotations->len; i++)
    append_annotation (out, g_ptr_array_index (section->annotations, i));
}

char *
_dossier_export_markdown (const DossierExportDocument *document)
{
  GString *out = g_string_new ("---\ndossier: ");

  append_yaml_string (out, document->dossier_name);
  g_string_append_printf (out, "\nexported: %s\nannotations: %u\n---\n\n# ",
                          document->exported, document->annotations->len);
  append_inline (out, document->dossier_name);
  g_string_append (out, "\n\n");

  for (guint i = 0; i < document->sections->len; i++)
    append_section (out, g_ptr_array_index (document->sections, i));

  return g_string_free (out, FALSE);
}
