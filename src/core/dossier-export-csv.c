/* dossier-export-csv.c: annotations as CSV, one row each (RFC 4180, UTF-8)
 *
 * Columns: article, date, quote, note, colour, tags, created, modified. Records end in
 * CRLF; a field holding a comma, a double quote or a line break is quoted, with its
 * quotes doubled. A field that a spreadsheet would read as a formula (starting with
 * = + - @, a tab or a carriage return) gets a leading apostrophe, so opening the file
 * never runs anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include <string.h>

#include "dossier-export-private.h"

#define CSV_FORMULA_STARTS "=+-@\t\r"

static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  gboolean formula = value[0] != '\0' && strchr (CSV_FORMULA_STARTS, value[0]) != NULL;
  gboolean quoted = strpbrk (value, ",\"\r\n") != NULL;

  if (quoted)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quoted)
    g_string_append_c (out, '"');
  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_row (GString                    *out,
            const DossierExportSection *section,
            DossierAnnotation          *annotation)
{
  g_autofree char *title = _dossier_export_section_title (section);
  g_autofree char *date = _dossier_export_section_date (section);
  g_autofree char *tags = _dossier_export_tags_text (annotation);

  append_field (out, title, FALSE);
  append_field (out, date, FALSE);
  append_field (out, dossier_annotation_get_quote (annotation), FALSE);
  append_field (out, dossier_annotation_get_note (annotation), FALSE);
  append_field (out, dossier_highlight_color_to_string (dossier_annotation_get_color (annotation)),
                FALSE);
  append_field (out, tags, FALSE);
  append_field (out, dossier_annotation_get_created (annotation), FALSE);
  append_field (out, dossier_annotation_get_modified (annotation), TRUE);
}

char *
_dossier_export_csv (const DossierExportDocument *document)
{
  /* The header is data for other programs: not translated. */
  GString *out = g_string_new ("article,date,quote,note,colour,tags,created,modified\r\n");

  for (guint i = 0; i < document->sections->len; i++)
    {
      const DossierExportSection *section = g_ptr_array_index (document->sections, i);

      for (guint j = 0; j < section->annotations->len; j++)
        append_row (out, section, g_ptr_array_index (section->annotations, j));
    }

  return g_string_free (out, FALSE);
}
