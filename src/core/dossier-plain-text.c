/* dossier-plain-text.c: an article from a plain-text or Markdown file
 *
 * The file is one article:
 *
 *     # The title                    (the first non-empty line; "# " only in Markdown)
 *     Published: 2022-08-05          (required: YYYY, YYYY-MM or YYYY-MM-DD)
 *     Source: Example News           (optional: the outlet)
 *     URL: https://example.org/a     (optional)
 *     ID: example-2022-story         (optional: without it the id is derived from the
 *                                     content, so a corrected text is a new article)
 *
 *     First paragraph, which may be
 *     wrapped over several lines.
 *
 *     Second paragraph.
 *
 * Header lines follow the title, in any order, and end at the first other line. Paragraphs
 * are separated by blank lines. In Markdown a line starting with # is a heading and a
 * paragraph whose lines start with > a quote; other markup is kept as written.
 *
 * The publication date is required, as in the JSON format: a file's modification date says
 * when it was saved, not when the story was published, and the timeline resolves "on
 * Monday" against it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-plain-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-json-document.h"
#include "dossier-plain-text.h"
#include "dossier-utf8.h"

typedef struct
{
  const char  *filename;
  char       **lines;
  guint        next;   /* the first line not read yet */
} Reader;

static gboolean G_GNUC_PRINTF (6, 7)
fail_at (const char          *filename,
         GError             **error,
         DossierImportError   code,
         guint                line,
         guint                column,
         const char          *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, DOSSIER_IMPORT_ERROR, code, "%s:%u:%u: %s", filename, line, column,
               message);
  return FALSE;
}

/* 1-based line and column (in characters) of a byte offset into valid text before it. */
static void
locate (const char *data,
        gsize       offset,
        guint      *line,
        guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *p = data; (p = memchr (p, '\n', data + offset - p)) != NULL; p++)
    {
      (*line)++;
      line_start = p + 1;
    }
  *column = g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

static gboolean
check_text (const char  *data,
            gsize        length,
            const char  *filename,
            GError     **error)
{
  const char *nul = memchr (data, '\0', length);
  const char *end;
  guint line, column;

  if (nul != NULL)
    {
      locate (data, nul - data, &line, &column);
      return fail_at (filename, error, DOSSIER_IMPORT_ERROR_NOT_UTF8, line, column, "%s",
                      _("the file contains a NUL byte: it is not a text file"));
    }

  if (!dossier_utf8_validate (data, length, &end))
    {
      locate (data, end - data, &line, &column);
      return fail_at (filename, error, DOSSIER_IMPORT_ERROR_NOT_UTF8, line, column, "%s",
                      _("the file is not valid UTF-8 text"));
    }

  return TRUE;
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static char *
strip_heading_marks (const char *line)
{
  while (*line == '#')
    line++;

  return g_strstrip (g_strdup (line));
}

static gboolean
read_title (Reader          *reader,
            gboolean         markdown,
            DossierArticle  *article,
            GError         **error)
{
  g_autofree char *title = NULL;

  while (reader->lines[reader->next] != NULL && is_blank (reader->lines[reader->next]))
    reader->next++;

  if (reader->lines[reader->next] == NULL)
    return fail_at (reader->filename, error, DOSSIER_IMPORT_ERROR_MISSING_FIELD, 1, 1, "%s",
                    _("the file is empty: its first line should be the article’s title"));

  title = markdown ? strip_heading_marks (reader->lines[reader->next])
                   : g_strstrip (g_strdup (reader->lines[reader->next]));
  if (*title == '\0')
    return fail_at (reader->filename, error, DOSSIER_IMPORT_ERROR_MISSING_FIELD,
                    reader->next + 1, 1, "%s", _("the title is empty"));

  dossier_article_set_title (article, title);
  reader->next++;
  return TRUE;
}

/* "Published: 2022-08", or FALSE with @key NULL when @line is no header line. */
static gboolean
split_header (const char  *line,
              char       **key,
              char       **value)
{
  static const char *const keys[] = { "published", "source", "url", "id" };
  const char *colon = strchr (line, ':');
  g_autofree char *name = NULL;

  *key = *value = NULL;
  if (colon == NULL)
    return FALSE;

  name = g_strstrip (g_strndup (line, colon - line));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_ascii_strcasecmp (name, keys[i]) == 0)
      {
        *key = g_strdup (keys[i]);
        *value = g_strstrip (g_strdup (colon + 1));
        return TRUE;
      }

  return FALSE;
}

static gboolean
read_published (Reader          *reader,
                const char      *value,
                DossierArticle  *article,
                GError         **error)
{
  const char *line = reader->lines[reader->next];
  DossierDate published = { 0 };

  if (!dossier_date_parse (value, &published))
    return fail_at (reader->filename, error, DOSSIER_IMPORT_ERROR_INVALID_VALUE,
                    reader->next + 1, g_utf8_strlen (line, strstr (line, value) - line) + 1,
                    _("“Published” must be a real date written YYYY, YYYY-MM or YYYY-MM-DD, "
                      "not “%s”"), value);

  dossier_article_set_published (article, &published);
  return TRUE;
}

static gboolean
read_headers (Reader          *reader,
              DossierArticle  *article,
              GError         **error)
{
  guint first = reader->next;
  gboolean dated = FALSE;
  const char *line;

  for (; (line = reader->lines[reader->next]) != NULL; reader->next++)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (!split_header (line, &key, &value))
        break;
      if (g_str_equal (key, "published") && !read_published (reader, value, article, error))
        return FALSE;
      dated = dated || g_str_equal (key, "published");
      if (g_str_equal (key, "source"))
        dossier_article_set_outlet (article, *value ? value : NULL);
      else if (g_str_equal (key, "url"))
        dossier_article_set_url (article, *value ? value : NULL);
      else if (g_str_equal (key, "id") && *value)
        dossier_article_set_id (article, value);
    }

  if (!dated)
    return fail_at (reader->filename, error, DOSSIER_IMPORT_ERROR_MISSING_FIELD, first + 1, 1,
                    "%s", _("the publication date is missing: add a line “Published: YYYY-MM-DD” "
                      "(or YYYY-MM, or YYYY) right under the title"));
  return TRUE;
}

/* A Markdown paragraph whose every line starts with ">" is a quote. */
static gboolean
is_quote (char **lines,
          guint  n_lines)
{
  for (guint i = 0; i < n_lines; i++)
    if (g_strchug (lines[i])[0] != '>')
      return FALSE;

  return TRUE;
}

static void
add_paragraph (GPtrArray  *blocks,
               GPtrArray  *lines,
               gboolean    markdown)
{
  gboolean quote = markdown && is_quote ((char **) lines->pdata, lines->len);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      g_autofree char *stripped = g_strstrip (g_strdup (quote ? line + 1 : line));

      if (text->len > 0 && *stripped)
        g_string_append_c (text, ' ');
      g_string_append (text, stripped);
    }

  if (text->len > 0)
    g_ptr_array_add (blocks, dossier_block_new (quote ? DOSSIER_BLOCK_QUOTE
                                                      : DOSSIER_BLOCK_PARAGRAPH, text->str, NULL));
  g_ptr_array_set_size (lines, 0);
}

static void
add_heading (GPtrArray  *blocks,
             const char *line)
{
  g_autofree char *text = strip_heading_marks (g_strchug ((char *) line));

  if (*text)
    g_ptr_array_add (blocks, dossier_block_new (DOSSIER_BLOCK_HEADING, text, NULL));
}

static gboolean
read_body (Reader          *reader,
           gboolean         markdown,
           DossierArticle  *article,
           GError         **error)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  const char *line;

  for (; (line = reader->lines[reader->next]) != NULL; reader->next++)
    {
      gboolean heading = markdown && g_str_has_prefix (g_strchug ((char *) line), "#");

      if (is_blank (line) || heading)
        add_paragraph (blocks, lines, markdown);
      if (heading)
        add_heading (blocks, line);
      else if (!is_blank (line))
        g_ptr_array_add (lines, (char *) line);
    }
  add_paragraph (blocks, lines, markdown);

  if (blocks->len == 0)
    return fail_at (reader->filename, error, DOSSIER_IMPORT_ERROR_MISSING_FIELD,
                    reader->next, 1, "%s",
                    _("the article has no text: paragraphs follow the title and its "
                      "header lines"));

  dossier_article_set_blocks (article, blocks);
  return TRUE;
}

/* .txt and .md (and .markdown) files are read as plain text; anything else as JSON. */
gboolean
dossier_plain_text_is_text_file (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".md")
         || g_str_has_suffix (lower, ".markdown");
}

/**
 * dossier_plain_text_read:
 * @filename: how errors name the file
 * @markdown: whether "# " marks headings (and the title)
 *
 * Returns: (transfer full): the article the text holds, with an id derived from its
 *   content, or %NULL and an error naming the file, line and column.
 */
DossierArticle *
dossier_plain_text_read (const char  *data,
                         gsize        length,
                         const char  *filename,
                         gboolean     markdown,
                         GError     **error)
{
  g_autoptr(DossierArticle) article = dossier_article_new ();
  g_autoptr(GString) text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *id = NULL;
  Reader reader = { filename, NULL, 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!check_text (data, length, filename, error))
    return NULL;

  text = g_string_new_len (data, length);
  g_string_replace (text, "\r\n", "\n", 0);
  /* A byte-order mark is no part of the title. */
  if (g_str_has_prefix (text->str, "\xef\xbb\xbf"))
    g_string_erase (text, 0, 3);
  reader.lines = lines = g_strsplit (text->str, "\n", -1);

  if (!read_title (&reader, markdown, article, error)
      || !read_headers (&reader, article, error)
      || !read_body (&reader, markdown, article, error))
    return NULL;

  if (dossier_article_get_id (article) == NULL)
    {
      id = dossier_article_derive_id (article);
      dossier_article_set_id (article, id);
    }
  dossier_article_set_origin (article, DOSSIER_ORIGIN_IMPORTED);
  return g_steal_pointer (&article);
}
