/* dossier-json-document.c: a parsed JSON file that remembers where each value stood
 *
 * json-glib keeps no positions in its tree, but tells where it is while it parses. We
 * note the byte offset of every object, array, member and element as it goes by, so that
 * "wrong type" and "missing field" errors found later can name a line and a column.
 *
 * An import file can also be parsed as an outline (dossier_json_document_new_outline()):
 * its articles are checked but left out of the tree, each parsed later on its own, so
 * that a large file is never one tree and its articles can be read on another thread.
 * What json-glib then reads is not the file itself; Cuts map its offsets back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-json-document"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "dossier-json-document-private.h"

G_DEFINE_FINAL_TYPE (DossierJsonDocument, dossier_json_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (dossier-import-error-quark, dossier_import_error)

static void
dossier_json_document_finalize (GObject *object)
{
  DossierJsonDocument *self = (DossierJsonDocument *) object;

  g_clear_object (&self->parser);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->line_starts, g_array_unref);
  g_clear_pointer (&self->offsets, g_hash_table_unref);
  g_clear_pointer (&self->open_offsets, g_array_unref);
  g_clear_pointer (&self->parsed_lines, g_array_unref);
  g_clear_pointer (&self->cuts, g_array_unref);
  g_clear_pointer (&self->apart, g_array_unref);

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
  self->open_offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->offsets = g_hash_table_new (NULL, NULL);
}

static GArray *
index_lines (const char *text,
             gsize       length)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize start = 0;

  g_array_append_val (starts, start);
  for (const char *p = text; (p = memchr (p, '\n', text + length - p)); p++)
    {
      start = p + 1 - text;
      g_array_append_val (starts, start);
    }
  return starts;
}

/* An offset in parsed → the same place in data. */
static gsize
to_original (DossierJsonDocument *self,
             gsize                offset)
{
  guint lo = 0, hi;

  if (self->cuts == NULL || self->cuts->len == 0
      || offset < g_array_index (self->cuts, Cut, 0).parsed)
    return offset;

  hi = self->cuts->len;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->cuts, Cut, mid).parsed <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return g_array_index (self->cuts, Cut, lo).original
         + (offset - g_array_index (self->cuts, Cut, lo).parsed);
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

/* Where json-glib is in parsed: line and position → offset */
static gsize
parsed_offset (DossierJsonDocument *self,
               guint                line,
               guint                pos)
{
  gsize offset;

  if (line == 0 || line > self->parsed_lines->len)
    return 0;

  offset = g_array_index (self->parsed_lines, gsize, line - 1) + pos;
  return MIN (offset, self->parsed_length);
}

static gsize
parser_offset (DossierJsonDocument *self)
{
  return parsed_offset (self, json_parser_get_current_line (self->parser),
                        json_parser_get_current_pos (self->parser));
}

/* @offset is in parsed; kept as the place in data. */
static void
remember (DossierJsonDocument *self,
          gconstpointer        key,
          gsize                offset)
{
  offset = MIN (to_original (self, offset), self->length);
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

gboolean
_dossier_json_fail_at (DossierJsonDocument  *self,
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

/* json-glib says "<data>:LINE:COL: Parse error: …" of what it parsed; put the file's name
 * in its place, and the line and column in the file when that was not the file itself.
 * It cuts the token it quotes at a byte count, maybe inside a character. */
static void
set_parse_error (DossierJsonDocument  *self,
                 GError              **error,
                 const char           *message)
{
  g_autofree char *text = g_utf8_make_valid (message, -1);
  guint line = 0, pos = 0, column;
  int end = 0;

  if (!g_str_has_prefix (text, "<data>:"))
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_SYNTAX, "%s: %s",
                   self->filename, text);
      return;
    }

  if (self->parsed == self->data
      || sscanf (text, "<data>:%u:%u:%n", &line, &pos, &end) < 2 || end == 0)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_SYNTAX, "%s%s",
                   self->filename, text + strlen ("<data>"));
      return;
    }

  /* the column json-glib gives is the offending character's, from 1 */
  locate (self, MIN (to_original (self, parsed_offset (self, line, pos > 0 ? pos - 1 : 0)),
                     self->length),
          &line, &column);
  g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_SYNTAX, "%s:%u:%u:%s",
               self->filename, line, column, text + end);
}

static gboolean
parse (DossierJsonDocument  *self,
       GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean parsed;

  g_signal_connect (self->parser, "object-start", G_CALLBACK (on_container_start), self);
  g_signal_connect (self->parser, "array-start", G_CALLBACK (on_container_start), self);
  g_signal_connect (self->parser, "object-end", G_CALLBACK (on_container_end), self);
  g_signal_connect (self->parser, "array-end", G_CALLBACK (on_container_end), self);
  g_signal_connect (self->parser, "object-member", G_CALLBACK (on_object_member), self);
  g_signal_connect (self->parser, "array-element", G_CALLBACK (on_array_element), self);

  parsed = json_parser_load_from_data (self->parser, self->parsed, self->parsed_length,
                                       &local_error);
  g_signal_handlers_disconnect_by_data (self->parser, self);
  if (parsed && json_parser_get_root (self->parser) != NULL)
    return TRUE;

  if (local_error == NULL)
    g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_SYNTAX,
                 _("%s: the file is empty"), self->filename);
  else
    set_parse_error (self, error, local_error->message);
  return FALSE;
}

/* A document that threads read at once (an outline: see parse_apart()) is @shared and
 * parsed immutable. One that a single thread reads is not: sealing the tree hashes every
 * string in it, an article's whole body (2 % of the import worker's instructions). */
static DossierJsonDocument *
document_new (const char *data,
              gssize      length,
              const char *filename,
              gboolean    shared)
{
  DossierJsonDocument *self = g_object_new (DOSSIER_TYPE_JSON_DOCUMENT, NULL);

  self->parser = shared ? json_parser_new_immutable () : json_parser_new ();
  self->filename = g_strdup (filename ? filename : "<data>");
  self->data = data;
  self->length = length < 0 ? strlen (data) : (gsize) length;
  return self;
}

/* What json-glib reads of a file whose articles are read apart: the file with each of
 * them emptied to "{}". */
static char *
outline_text (DossierJsonDocument *self)
{
  GString *text = g_string_sized_new (64 * 1024);
  gsize from = 0;

  self->cuts = g_array_sized_new (FALSE, FALSE, sizeof (Cut), self->apart->len);
  for (guint i = 0; i < self->apart->len; i++)
    {
      const Span *span = &g_array_index (self->apart, Span, i);
      Cut cut;

      g_string_append_len (text, self->data + from, span->open + 1 - from);
      cut.parsed = text->len;
      cut.original = from = span->close;
      g_array_append_val (self->cuts, cut);
    }
  g_string_append_len (text, self->data + from, self->length - from);
  return g_string_free (text, FALSE);
}

/**
 * dossier_json_document_new:
 * @data: the text, which must outlive the document: a copy of a file of tens of
 *   megabytes would be as large again
 * @filename: the name errors give the file
 *
 * Parses @data. Refuses text that is not UTF-8, nests deeper than
 * %DOSSIER_JSON_MAX_DEPTH or is not JSON, with an error that names @filename, the line
 * and the column.
 */
DossierJsonDocument *
dossier_json_document_new (const char  *data,
                           gssize       length,
                           const char  *filename,
                           GError     **error)
{
  g_autoptr(DossierJsonDocument) self = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  self = document_new (data, length, filename, TRUE);
  self->line_starts = index_lines (self->data, self->length);
  self->parsed = self->data;
  self->parsed_length = self->length;
  self->parsed_lines = g_array_ref (self->line_starts);

  if (!_dossier_json_check_text (self, error)
      || !_dossier_json_check_syntax (self, error) || !parse (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * dossier_json_document_new_outline:
 *
 * Like dossier_json_document_new(), but the objects of the root object's "articles"
 * array are only checked, not parsed: each is an empty object in the tree, to be parsed
 * apart with dossier_json_document_parse_apart(). A 50 MB file is then never one tree,
 * and its articles can be read on another thread while the first ones are saved.
 */
DossierJsonDocument *
dossier_json_document_new_outline (const char  *data,
                                   gssize       length,
                                   const char  *filename,
                                   GError     **error)
{
  g_autoptr(DossierJsonDocument) self = NULL;
  g_autofree char *outline = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  self = document_new (data, length, filename, TRUE);
  self->line_starts = index_lines (self->data, self->length);
  self->apart = g_array_new (FALSE, FALSE, sizeof (Span));
  if (!_dossier_json_check_text (self, error)
      || !_dossier_json_check_syntax (self, error))
    return NULL;

  outline = outline_text (self);
  self->parsed = outline;
  self->parsed_length = strlen (outline);
  self->parsed_lines = index_lines (self->parsed, self->parsed_length);
  if (!parse (self, error))
    return NULL;

  /* Errors found later quote data, not the outline. */
  self->parsed = NULL;
  g_clear_pointer (&self->parsed_lines, g_array_unref);
  return g_steal_pointer (&self);
}

/* How many objects dossier_json_document_new_outline() left to parse apart. */
guint
dossier_json_document_get_n_apart (DossierJsonDocument *self)
{
  g_return_val_if_fail (DOSSIER_IS_JSON_DOCUMENT (self), 0);

  return self->apart != NULL ? self->apart->len : 0;
}

/**
 * dossier_json_document_parse_apart:
 * @n: which of the objects left apart, in the order of the file
 *
 * Parses one of the objects an outline left apart; only reads @self, so any one thread
 * may call it while another reads @self too.
 *
 * Returns: (transfer full): a document whose root is that object, its positions those
 *   of the whole file; %NULL with @error set when json-glib refuses it
 */
DossierJsonDocument *
dossier_json_document_parse_apart (DossierJsonDocument  *self,
                                   guint                 n,
                                   GError              **error)
{
  g_autoptr(DossierJsonDocument) part = NULL;
  const Span *span;
  Cut cut;

  g_return_val_if_fail (DOSSIER_IS_JSON_DOCUMENT (self), NULL);
  g_return_val_if_fail (n < dossier_json_document_get_n_apart (self), NULL);

  span = &g_array_index (self->apart, Span, n);
  part = document_new (self->data, self->length, self->filename, FALSE);
  part->line_starts = g_array_ref (self->line_starts);
  part->parsed = self->data + span->open;
  part->parsed_length = span->close + 1 - span->open;
  part->parsed_lines = index_lines (part->parsed, part->parsed_length);
  part->cuts = g_array_sized_new (FALSE, FALSE, sizeof (Cut), 1);
  cut.parsed = 0;
  cut.original = span->open;
  g_array_append_val (part->cuts, cut);

  if (!parse (part, error))
    return NULL;

  return g_steal_pointer (&part);
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

  _dossier_json_fail_at (self, error, code, offset_of (self, where), "%s", message);
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

  _dossier_json_fail_at (self, error, code,
                         node ? member_offset (self, node, member) : offset_of (self, object),
                         "%s", message);
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
  return _dossier_json_fail_at (self, error, DOSSIER_IMPORT_ERROR_WRONG_TYPE,
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
    return _dossier_json_fail_at (self, error, DOSSIER_IMPORT_ERROR_WRONG_TYPE,
                                  offset_of (self, node), _("%s must be an object, not %s"),
                                  what, type_name (node));

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
    return _dossier_json_fail_at (self, error, DOSSIER_IMPORT_ERROR_WRONG_TYPE,
                                  offset_of (self, node), _("%s must be a string, not %s"),
                                  what, type_name (node));

  *value = json_node_get_string (node);
  return TRUE;
}
