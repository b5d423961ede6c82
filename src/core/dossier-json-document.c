/* dossier-json-document.c: a parsed JSON file that remembers where each value stood
 *
 * json-glib keeps no positions in its tree, but tells where it is while it parses. We
 * note the byte offset of every object, array, member and element as it goes by, so that
 * "wrong type" and "missing field" errors found later can name a line and a column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-json-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-json-document.h"

struct _DossierJsonDocument
{
  GObject     parent_instance;

  JsonParser *parser;
  char       *filename;
  const char *data;          /* borrowed while parsing, copied afterwards */
  char       *data_copy;
  gsize       length;
  GArray     *line_starts;   /* gsize: byte offset of each line */
  GHashTable *offsets;       /* JsonObject/JsonArray/JsonNode → byte offset + 1 */
  GArray     *open_offsets;  /* gsize: where each open object or array began */
};

G_DEFINE_FINAL_TYPE (DossierJsonDocument, dossier_json_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (dossier-import-error-quark, dossier_import_error)

static void
dossier_json_document_finalize (GObject *object)
{
  DossierJsonDocument *self = (DossierJsonDocument *) object;

  g_clear_object (&self->parser);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->data_copy, g_free);
  g_clear_pointer (&self->line_starts, g_array_unref);
  g_clear_pointer (&self->offsets, g_hash_table_unref);
  g_clear_pointer (&self->open_offsets, g_array_unref);

  G_OBJECT_CLASS (dossier_json_document_parent_class)->finalize (object);
}

static void
dossier_json_document_class_init (DossierJsonDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_json_document_finalize;
}

static void
dossier_json_document_init (DossierJsonDocument *self)
{
  self->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->open_offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->offsets = g_hash_table_new (NULL, NULL);
}

static void
index_lines (DossierJsonDocument *self)
{
  gsize start = 0;

  g_array_append_val (self->line_starts, start);
  for (const char *p = self->data; (p = memchr (p, '\n', self->data + self->length - p)); p++)
    {
      start = p + 1 - self->data;
      g_array_append_val (self->line_starts, start);
    }
}

/* Byte offset → 1-based line and column (the column counts characters). */
static void
locate (DossierJsonDocument *self,
        gsize                offset,
        guint               *line,
        guint               *column)
{
  guint lo = 0, hi = self->line_starts->len;
  gsize line_start;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->line_starts, gsize, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }

  line_start = g_array_index (self->line_starts, gsize, lo);
  *line = lo + 1;
  *column = g_utf8_strlen (self->data + line_start, offset - line_start) + 1;
}

static gsize
parser_offset (DossierJsonDocument *self)
{
  guint line = json_parser_get_current_line (self->parser);
  guint pos = json_parser_get_current_pos (self->parser);
  gsize offset;

  if (line == 0 || line > self->line_starts->len)
    return 0;

  offset = g_array_index (self->line_starts, gsize, line - 1) + pos;
  return MIN (offset, self->length);
}

static void
remember (DossierJsonDocument *self,
          gconstpointer        key,
          gsize                offset)
{
  g_hash_table_insert (self->offsets, (gpointer) key, GSIZE_TO_POINTER (offset + 1));
}

static void
on_container_start (JsonParser          *parser,
                    DossierJsonDocument *self)
{
  /* The scanner has just read the opening bracket. */
  gsize offset = parser_offset (self);

  offset = offset > 0 ? offset - 1 : 0;
  g_array_append_val (self->open_offsets, offset);
}

static void
on_container_end (JsonParser          *parser,
                  gpointer             container,
                  DossierJsonDocument *self)
{
  guint last = self->open_offsets->len - 1;

  remember (self, container, g_array_index (self->open_offsets, gsize, last));
  g_array_set_size (self->open_offsets, last);
}

static void
on_object_member (JsonParser          *parser,
                  JsonObject          *object,
                  const char          *member,
                  DossierJsonDocument *self)
{
  remember (self, json_object_get_member (object, member), parser_offset (self));
}

static void
on_array_element (JsonParser          *parser,
                  JsonArray           *array,
                  int                  index,
                  DossierJsonDocument *self)
{
  remember (self, json_array_get_element (array, index), parser_offset (self));
}

static gboolean G_GNUC_PRINTF (5, 6)
fail_at (DossierJsonDocument  *self,
         GError              **error,
         DossierImportError    code,
         gsize                 offset,
         const char           *format,
         ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  locate (self, offset, &line, &column);
  g_set_error (error, DOSSIER_IMPORT_ERROR, code, "%s:%u:%u: %s",
               self->filename, line, column, message);
  return FALSE;
}

static gboolean
check_text (DossierJsonDocument  *self,
            GError              **error)
{
  const char *end;
  const char *nul = memchr (self->data, '\0', self->length);

  if (nul != NULL)
    return fail_at (self, error, DOSSIER_IMPORT_ERROR_NOT_UTF8, nul - self->data, "%s",
                    _("the file contains a NUL byte: it is not a text file"));

  if (!g_utf8_validate (self->data, self->length, &end))
    return fail_at (self, error, DOSSIER_IMPORT_ERROR_NOT_UTF8, end - self->data, "%s",
                    _("the file is not valid UTF-8 text"));

  return TRUE;
}

/* The UTF-16 unit the escape "\uXXXX" at @i names, or -1 when there is no such escape. */
static int
escaped_unit (DossierJsonDocument *self,
              gsize                i)
{
  int unit = 0;

  if (i + 6 > self->length || self->data[i] != '\\' || self->data[i + 1] != 'u')
    return -1;

  for (gsize j = i + 2; j < i + 6; j++)
    {
      int digit = g_ascii_xdigit_value (self->data[j]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }
  return unit;
}

/* Steps *@i over the escape at *@i, refusing a UTF-16 surrogate without its other half:
 * json-glib would turn it into bytes that are not UTF-8, into titles, bodies and error
 * messages that quote them. */
static gboolean
skip_escape (DossierJsonDocument  *self,
             gsize                *i,
             GError              **error)
{
  int unit = escaped_unit (self, *i);
  char next = *i + 1 < self->length ? self->data[*i + 1] : '\0';

  /* json-glib also reads octal escapes ("\777", one byte that is not UTF-8), and a short
   * "\ud8" as half a surrogate pair. */
  if (next == '\0' || strchr ("\"\\/bfnrtu", next) == NULL)
    return fail_at (self, error, DOSSIER_IMPORT_ERROR_SYNTAX, *i, "%s",
                    _("a backslash in a JSON string must start one of \\\" \\\\ \\/ \\b \\f "
                      "\\n \\r \\t \\uXXXX"));
  if (unit < 0 && next == 'u')
    return fail_at (self, error, DOSSIER_IMPORT_ERROR_SYNTAX, *i, "%s",
                    _("“\\u” must be followed by four hexadecimal digits"));

  if (unit >= 0xd800 && unit <= 0xdbff)
    {
      int low = escaped_unit (self, *i + 6);

      if (low >= 0xdc00 && low <= 0xdfff)
        {
          *i += 7;
          return TRUE;
        }
    }

  if (unit >= 0xd800 && unit <= 0xdfff)
    return fail_at (self, error, DOSSIER_IMPORT_ERROR_NOT_UTF8, *i,
                    _("“\\u%04X” is half of a UTF-16 surrogate pair, without the other half"),
                    (guint) unit);

  *i += 1;
  return TRUE;
}

/* Outside strings, JSON is made of these alone. json-glib also reads 'strings' and
 * comments, which could hide a quote from our scan, and with it nesting from the limit. */
static gboolean
is_json_outside_strings (char c)
{
  return g_ascii_isalnum (c) || (c != '\0' && strchr (" \t\r\n{}[]:,+-.", c) != NULL);
}

static gboolean
is_literal_char (char c)
{
  return g_ascii_isalnum (c) || c == '+' || c == '-' || c == '.';
}

/* Whether a value starts at @i, at the top: a string, a container, a number or one of
 * JSON's three words (other words are an error json-glib names better). */
static gboolean
starts_value (DossierJsonDocument *self,
              gsize                i)
{
  static const char *const words[] = { "true", "false", "null" };
  char c = self->data[i];
  gsize end = i;

  if (c == '"' || c == '[' || c == '{')
    return TRUE;
  if (!is_literal_char (c) || (i > 0 && is_literal_char (self->data[i - 1])))
    return FALSE;
  if (c == '-' || g_ascii_isdigit (c))
    return TRUE;

  while (end < self->length && is_literal_char (self->data[end]))
    end++;
  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    if (end - i == strlen (words[w]) && memcmp (self->data + i, words[w], end - i) == 0)
      return TRUE;
  return FALSE;
}

/* Counts nesting outside strings, so hostile input never reaches json-glib's recursion,
 * and checks the escapes inside them. json-glib reads a second value after the first, keeps
 * the first and leaks the second: one is all there may be. */
static gboolean
check_structure (DossierJsonDocument  *self,
                 GError              **error)
{
  gboolean in_string = FALSE;
  guint depth = 0, n_values = 0;

  for (gsize i = 0; i < self->length; i++)
    {
      char c = self->data[i];

      if (in_string)
        {
          if (c == '\\' && !skip_escape (self, &i, error))
            return FALSE;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (depth == 0 && starts_value (self, i) && ++n_values > 1)
        return fail_at (self, error, DOSSIER_IMPORT_ERROR_SYNTAX, i, "%s",
                        _("more follows the end of the JSON value"));
      else if (c == '"')
        in_string = TRUE;
      else if (!is_json_outside_strings (c))
        return fail_at (self, error, DOSSIER_IMPORT_ERROR_SYNTAX, i, "%s",
                        _("this character may only stand inside a string in JSON"));
      else if ((c == '[' || c == '{') && ++depth > DOSSIER_JSON_MAX_DEPTH)
        return fail_at (self, error, DOSSIER_IMPORT_ERROR_TOO_DEEP, i,
                        _("nesting deeper than %d levels"), DOSSIER_JSON_MAX_DEPTH);
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

static gboolean
parse (DossierJsonDocument  *self,
       GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;

  g_signal_connect (self->parser, "object-start", G_CALLBACK (on_container_start), self);
  g_signal_connect (self->parser, "array-start", G_CALLBACK (on_container_start), self);
  g_signal_connect (self->parser, "object-end", G_CALLBACK (on_container_end), self);
  g_signal_connect (self->parser, "array-end", G_CALLBACK (on_container_end), self);
  g_signal_connect (self->parser, "object-member", G_CALLBACK (on_object_member), self);
  g_signal_connect (self->parser, "array-element", G_CALLBACK (on_array_element), self);

  if (json_parser_load_from_data (self->parser, self->data, self->length, &local_error)
      && json_parser_get_root (self->parser) != NULL)
    return TRUE;

  if (local_error == NULL)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_SYNTAX,
                   _("%s: the file is empty"), self->filename);
      return FALSE;
    }

  /* json-glib says "<data>:LINE:COL: Parse error: …"; put the file's name in its place.
   * It cuts the token it quotes at a byte count, maybe inside a character. */
  message = g_utf8_make_valid (local_error->message, -1);
  if (g_str_has_prefix (message, "<data>:"))
    g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_SYNTAX, "%s%s",
                 self->filename, message + strlen ("<data>"));
  else
    g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_SYNTAX, "%s: %s",
                 self->filename, message);
  return FALSE;
}

/**
 * dossier_json_document_new:
 * @filename: the name errors give the file
 *
 * Parses @data. Refuses text that is not UTF-8 (or escapes half a UTF-16 surrogate pair),
 * nests deeper than %DOSSIER_JSON_MAX_DEPTH or is not JSON, with an error that names
 * @filename, the line and the column.
 */
DossierJsonDocument *
dossier_json_document_new (const char  *data,
                           gssize       length,
                           const char  *filename,
                           GError     **error)
{
  g_autoptr(DossierJsonDocument) self = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_JSON_DOCUMENT, NULL);
  self->parser = json_parser_new_immutable ();
  self->filename = g_strdup (filename ? filename : "<data>");
  self->data = data;
  self->length = length < 0 ? strlen (data) : (gsize) length;
  index_lines (self);

  if (!check_text (self, error) || !check_structure (self, error)
      || !parse (self, error))
    return NULL;

  g_signal_handlers_disconnect_by_data (self->parser, self);
  /* Keep our own copy: errors found after parsing still quote positions in it. @data ends
   * at @length with no NUL after it (a mapped file may end exactly on a page). */
  self->data_copy = g_malloc (self->length + 1);
  memcpy (self->data_copy, data, self->length);
  self->data_copy[self->length] = '\0';
  self->data = self->data_copy;

  return g_steal_pointer (&self);
}

JsonNode *
dossier_json_document_get_root (DossierJsonDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_JSON_DOCUMENT (self), NULL);

  return json_parser_get_root (self->parser);
}

const char *
dossier_json_document_get_filename (DossierJsonDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_JSON_DOCUMENT (self), NULL);

  return self->filename;
}

/* Where @where (an object, array, member node or element node) stood in the file. */
static gsize
offset_of (DossierJsonDocument *self,
           gconstpointer        where)
{
  gpointer stored = where ? g_hash_table_lookup (self->offsets, where) : NULL;

  return stored ? GPOINTER_TO_SIZE (stored) - 1 : 0;
}

/**
 * dossier_json_document_set_error:
 * @where: the JsonObject, JsonArray or member/element JsonNode the error is about
 *
 * Sets @error to "FILE:LINE:COL: message".
 */
void
dossier_json_document_set_error (DossierJsonDocument  *self,
                                 GError              **error,
                                 DossierImportError    code,
                                 gconstpointer         where,
                                 const char           *format,
                                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fail_at (self, error, code, offset_of (self, where), "%s", message);
}

static gsize member_offset (DossierJsonDocument *self, JsonNode *node, const char *member);

/**
 * dossier_json_document_set_member_error:
 *
 * Like dossier_json_document_set_error(), pointing at member @member of @object.
 */
void
dossier_json_document_set_member_error (DossierJsonDocument  *self,
                                        GError              **error,
                                        DossierImportError    code,
                                        JsonObject           *object,
                                        const char           *member,
                                        const char           *format,
                                        ...)
{
  g_autofree char *message = NULL;
  JsonNode *node = json_object_get_member (object, member);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fail_at (self, error, code,
           node ? member_offset (self, node, member) : offset_of (self, object), "%s", message);
}

/* The parser reports a member after reading its value; point at the member's name. */
static gsize
member_offset (DossierJsonDocument *self,
               JsonNode            *node,
               const char          *member)
{
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", member);
  gsize offset = offset_of (self, node), quoted_length = strlen (quoted);

  while (offset > 0)
    {
      offset--;
      if (self->data[offset] == '"' && offset + quoted_length <= self->length
          && memcmp (self->data + offset, quoted, quoted_length) == 0)
        return offset;
    }

  return offset_of (self, node);
}

static const char *
type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("a boolean");
    default:
      return _("a number");
    }
}

/* Finds @member in @object. Absent (or null, when optional) gives NULL and TRUE;
 * absent when required gives FALSE with an error pointing at @object. */
static gboolean
find_member (DossierJsonDocument  *self,
             JsonObject           *object,
             const char           *member,
             gboolean              required,
             JsonNode            **node,
             GError              **error)
{
  *node = json_object_get_member (object, member);

  if (*node != NULL && (required || !JSON_NODE_HOLDS_NULL (*node)))
    return TRUE;

  *node = NULL;
  if (!required)
    return TRUE;

  dossier_json_document_set_error (self, error, DOSSIER_IMPORT_ERROR_MISSING_FIELD, object,
                                   _("the required field “%s” is missing"), member);
  return FALSE;
}

static gboolean
wrong_member_type (DossierJsonDocument  *self,
                   JsonNode             *node,
                   const char           *member,
                   const char           *expected,
                   GError              **error)
{
  /* TRANSLATORS: field name, expected type, found type, e.g. “title” must be a string, not a number */
  return fail_at (self, error, DOSSIER_IMPORT_ERROR_WRONG_TYPE,
                  member_offset (self, node, member), _("“%s” must be %s, not %s"),
                  member, expected, type_name (node));
}

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* A string member; @value is borrowed from the document. */
gboolean
dossier_json_document_get_string (DossierJsonDocument  *self,
                                  JsonObject           *object,
                                  const char           *member,
                                  gboolean              required,
                                  const char          **value,
                                  GError              **error)
{
  JsonNode *node;

  *value = NULL;
  if (!find_member (self, object, member, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!holds_type (node, G_TYPE_STRING))
    return wrong_member_type (self, node, member, _("a string"), error);

  *value = json_node_get_string (node);
  return TRUE;
}

gboolean
dossier_json_document_get_int (DossierJsonDocument  *self,
                               JsonObject           *object,
                               const char           *member,
                               gboolean              required,
                               gint64               *value,
                               GError              **error)
{
  JsonNode *node;

  *value = 0;
  if (!find_member (self, object, member, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!holds_type (node, G_TYPE_INT64))
    return wrong_member_type (self, node, member, _("a whole number"), error);

  *value = json_node_get_int (node);
  return TRUE;
}

gboolean
dossier_json_document_get_array (DossierJsonDocument  *self,
                                 JsonObject           *object,
                                 const char           *member,
                                 gboolean              required,
                                 JsonArray           **value,
                                 GError              **error)
{
  JsonNode *node;

  *value = NULL;
  if (!find_member (self, object, member, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_member_type (self, node, member, _("an array"), error);

  *value = json_node_get_array (node);
  return TRUE;
}

/* Element @index of @array, which must be an object; @what names it in errors
 * ("article 3"). */
gboolean
dossier_json_document_get_object_element (DossierJsonDocument  *self,
                                          JsonArray            *array,
                                          guint                 index,
                                          const char           *what,
                                          JsonObject          **value,
                                          GError              **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_at (self, error, DOSSIER_IMPORT_ERROR_WRONG_TYPE, offset_of (self, node),
                    _("%s must be an object, not %s"), what, type_name (node));

  *value = json_node_get_object (node);
  return TRUE;
}

gboolean
dossier_json_document_get_string_element (DossierJsonDocument  *self,
                                          JsonArray            *array,
                                          guint                 index,
                                          const char           *what,
                                          const char          **value,
                                          GError              **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!holds_type (node, G_TYPE_STRING))
    return fail_at (self, error, DOSSIER_IMPORT_ERROR_WRONG_TYPE, offset_of (self, node),
                    _("%s must be a string, not %s"), what, type_name (node));

  *value = json_node_get_string (node);
  return TRUE;
}
