/* dossier-web-annotation.c: annotations as W3C Web Annotations (JSON-LD), both ways
 *
 * The file is an AnnotationCollection whose first (and only) AnnotationPage holds one
 * Annotation per highlight:
 *
 *   id          "urn:uuid:…", the annotation's stable id
 *   motivation  "commenting" when there is a note, else "highlighting"
 *   body        TextualBody items: the note (purpose "commenting"), each tag (purpose
 *               "tagging"), and the highlight colour (purpose "highlighting", value one of
 *               yellow, green, blue, pink, purple) — all within the anno.jsonld vocabulary,
 *               so any JSON-LD processor keeps the colour
 *   target      source "dossier://article/ARTICLE_ID" with a TextQuoteSelector (exact,
 *               prefix, suffix) and a TextPositionSelector (start, end: characters into
 *               the article's flat text)
 *   created, modified   ISO 8601 UTC
 *
 * Reading is strict and all-or-nothing: every problem is reported with the file, line
 * and column by DossierJsonDocument, and a file with any problem yields nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-web-annotation"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-json-document.h"
#include "dossier-web-annotation.h"

#define UUID_URN_PREFIX "urn:uuid:"

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_textual_body (JsonBuilder *builder,
                  const char  *purpose,
                  const char  *value)
{
  json_builder_begin_object (builder);
  add_member (builder, "type", "TextualBody");
  add_member (builder, "purpose", purpose);
  add_member (builder, "value", value);
  if (g_str_equal (purpose, "commenting"))
    add_member (builder, "format", "text/plain");
  json_builder_end_object (builder);
}

static void
add_bodies (JsonBuilder       *builder,
            DossierAnnotation *annotation)
{
  const char *note = dossier_annotation_get_note (annotation);
  const char * const *tags = dossier_annotation_get_tags (annotation);

  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  if (*note != '\0')
    add_textual_body (builder, "commenting", note);
  for (guint i = 0; tags[i] != NULL; i++)
    add_textual_body (builder, "tagging", tags[i]);
  add_textual_body (builder, "highlighting",
                    dossier_highlight_color_to_string (dossier_annotation_get_color (annotation)));
  json_builder_end_array (builder);
}

static void
add_selectors (JsonBuilder       *builder,
               DossierAnnotation *annotation)
{
  json_builder_set_member_name (builder, "selector");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_member (builder, "type", "TextQuoteSelector");
  add_member (builder, "exact", dossier_annotation_get_quote (annotation));
  add_member (builder, "prefix", dossier_annotation_get_prefix (annotation));
  add_member (builder, "suffix", dossier_annotation_get_suffix (annotation));
  json_builder_end_object (builder);
  json_builder_begin_object (builder);
  add_member (builder, "type", "TextPositionSelector");
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, dossier_annotation_get_start (annotation));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, dossier_annotation_get_end (annotation));
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static void
add_target (JsonBuilder       *builder,
            DossierAnnotation *annotation)
{
  g_autofree char *article = g_uri_escape_string (dossier_annotation_get_article_id (annotation),
                                                  NULL, FALSE);
  g_autofree char *source = g_strconcat (DOSSIER_ARTICLE_URI_PREFIX, article, NULL);

  json_builder_set_member_name (builder, "target");
  json_builder_begin_object (builder);
  add_member (builder, "source", source);
  add_selectors (builder, annotation);
  json_builder_end_object (builder);
}

static void
add_annotation (JsonBuilder       *builder,
                DossierAnnotation *annotation)
{
  const char *id = dossier_annotation_get_id (annotation);
  g_autofree char *uri = g_uuid_string_is_valid (id) ? g_strconcat (UUID_URN_PREFIX, id, NULL)
                                                     : g_strdup (id);

  json_builder_begin_object (builder);
  add_member (builder, "id", uri);
  add_member (builder, "type", "Annotation");
  add_member (builder, "motivation",
              *dossier_annotation_get_note (annotation) ? "commenting" : "highlighting");
  add_member (builder, "created", dossier_annotation_get_created (annotation));
  add_member (builder, "modified", dossier_annotation_get_modified (annotation));
  add_bodies (builder, annotation);
  add_target (builder, annotation);
  json_builder_end_object (builder);
}

/**
 * dossier_web_annotation_build:
 * @annotations: (element-type DossierAnnotation)
 * @label: the collection's label, e.g. the dossier's name
 * @generated: when, ISO 8601
 *
 * Returns: (transfer full): an AnnotationCollection holding @annotations
 */
JsonNode *
dossier_web_annotation_build (GPtrArray  *annotations,
                              const char *label,
                              const char *generated)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_member (builder, "@context", DOSSIER_WEB_ANNOTATION_CONTEXT);
  add_member (builder, "type", "AnnotationCollection");
  add_member (builder, "label", label);
  add_member (builder, "generated", generated);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, annotations->len);
  json_builder_set_member_name (builder, "first");
  json_builder_begin_object (builder);
  add_member (builder, "type", "AnnotationPage");
  json_builder_set_member_name (builder, "startIndex");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < annotations->len; i++)
    add_annotation (builder, g_ptr_array_index (annotations, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Reading */

typedef struct
{
  DossierJsonDocument *document;
  GHashTable          *seen_ids;
} Reader;

static gboolean
invalid (Reader      *reader,
         GError     **error,
         JsonObject  *object,
         const char  *member,
         const char  *message)
{
  dossier_json_document_set_member_error (reader->document, error,
                                          DOSSIER_IMPORT_ERROR_INVALID_VALUE, object, member,
                                          "%s", message);
  return FALSE;
}

/* An object member: required members must be objects. */
static gboolean
get_object (Reader      *reader,
            JsonObject  *object,
            const char  *member,
            JsonObject **value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      *value = json_node_get_object (node);
      return TRUE;
    }

  if (node == NULL)
    dossier_json_document_set_error (reader->document, error,
                                     DOSSIER_IMPORT_ERROR_MISSING_FIELD, object,
                                     _("the required field “%s” is missing"), member);
  else
    dossier_json_document_set_member_error (reader->document, error,
                                            DOSSIER_IMPORT_ERROR_WRONG_TYPE, object, member,
                                            _("“%s” must be an object"), member);
  return FALSE;
}

/* A member that may be one object or an array of them, as JSON-LD allows: as a list. */
static gboolean
get_objects (Reader      *reader,
             JsonObject  *object,
             const char  *member,
             GPtrArray   *objects,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_ptr_array_add (objects, json_node_get_object (node));
      return TRUE;
    }
  if (!dossier_json_document_get_array (reader->document, object, member, TRUE, &array, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *what = g_strdup_printf (_("item %u of “%s”"), i + 1, member);
      JsonObject *element;

      if (!dossier_json_document_get_object_element (reader->document, array, i, what,
                                                     &element, error))
        return FALSE;
      g_ptr_array_add (objects, element);
    }

  return TRUE;
}

static gboolean
expect_type (Reader      *reader,
             JsonObject  *object,
             const char  *expected,
             GError     **error)
{
  const char *type;

  if (!dossier_json_document_get_string (reader->document, object, "type", TRUE, &type, error))
    return FALSE;
  if (g_str_equal (type, expected))
    return TRUE;

  dossier_json_document_set_member_error (reader->document, error,
                                          DOSSIER_IMPORT_ERROR_UNSUPPORTED, object, "type",
                                          _("“type” must be “%s”, not “%s”"), expected, type);
  return FALSE;
}

/* A TextualBody: the note, a tag or the colour, by its purpose. */
static gboolean
read_body (Reader             *reader,
           JsonObject         *body,
           DossierAnnotation  *annotation,
           GPtrArray          *tags,
           GString            *note,
           GError            **error)
{
  const char *purpose, *value;
  DossierHighlightColor color;

  if (!expect_type (reader, body, "TextualBody", error)
      || !dossier_json_document_get_string (reader->document, body, "purpose", FALSE, &purpose,
                                            error)
      || !dossier_json_document_get_string (reader->document, body, "value", TRUE, &value,
                                            error))
    return FALSE;

  if (g_strcmp0 (purpose, "tagging") == 0)
    g_ptr_array_add (tags, (char *) value);
  else if (g_strcmp0 (purpose, "highlighting") != 0)
    g_string_append_printf (note, "%s%s", note->len ? "\n\n" : "", value);
  else if (dossier_highlight_color_from_string (value, &color))
    dossier_annotation_set_color (annotation, color);
  else
    return invalid (reader, error, body, "value",
                    _("a highlighting body must name a colour: yellow, green, blue, pink or "
                      "purple"));

  return TRUE;
}

static gboolean
read_bodies (Reader             *reader,
             JsonObject         *object,
             DossierAnnotation  *annotation,
             GError            **error)
{
  g_autoptr(GPtrArray) bodies = g_ptr_array_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  g_autoptr(GString) note = g_string_new (NULL);

  if (!get_objects (reader, object, "body", bodies, error))
    return FALSE;

  for (guint i = 0; i < bodies->len; i++)
    if (!read_body (reader, g_ptr_array_index (bodies, i), annotation, tags, note, error))
      return FALSE;

  dossier_annotation_set_note (annotation, note->str);
  dossier_annotation_set_tags (annotation, (const char * const *) tags->pdata);
  return TRUE;
}

static gboolean
read_quote_selector (Reader             *reader,
                     JsonObject         *selector,
                     DossierAnnotation  *annotation,
                     GError            **error)
{
  const char *exact, *prefix, *suffix;

  if (!dossier_json_document_get_string (reader->document, selector, "exact", TRUE, &exact,
                                         error)
      || !dossier_json_document_get_string (reader->document, selector, "prefix", FALSE,
                                            &prefix, error)
      || !dossier_json_document_get_string (reader->document, selector, "suffix", FALSE,
                                            &suffix, error))
    return FALSE;
  if (*exact == '\0')
    return invalid (reader, error, selector, "exact", _("the quote must not be empty"));

  g_object_set (annotation, "quote", exact, "prefix", prefix, "suffix", suffix, NULL);
  return TRUE;
}

static gboolean
read_position_selector (Reader             *reader,
                        JsonObject         *selector,
                        DossierAnnotation  *annotation,
                        GError            **error)
{
  gint64 start, end;

  if (!dossier_json_document_get_int (reader->document, selector, "start", TRUE, &start, error)
      || !dossier_json_document_get_int (reader->document, selector, "end", TRUE, &end, error))
    return FALSE;
  if (start < 0 || end < start || end > G_MAXINT)
    return invalid (reader, error, selector, "end",
                    _("a position needs 0 ≤ start ≤ end"));

  dossier_annotation_set_range (annotation, start, end);
  return TRUE;
}

/* Selectors of other types are skipped: another tool may add its own. */
static gboolean
read_selectors (Reader             *reader,
                JsonObject         *target,
                DossierAnnotation  *annotation,
                GError            **error)
{
  g_autoptr(GPtrArray) selectors = g_ptr_array_new ();
  gboolean has_quote = FALSE;

  if (!get_objects (reader, target, "selector", selectors, error))
    return FALSE;

  for (guint i = 0; i < selectors->len; i++)
    {
      JsonObject *selector = g_ptr_array_index (selectors, i);
      const char *type;

      if (!dossier_json_document_get_string (reader->document, selector, "type", TRUE, &type,
                                             error))
        return FALSE;
      if (g_str_equal (type, "TextQuoteSelector"))
        has_quote = TRUE;
      if ((g_str_equal (type, "TextQuoteSelector")
           && !read_quote_selector (reader, selector, annotation, error))
          || (g_str_equal (type, "TextPositionSelector")
              && !read_position_selector (reader, selector, annotation, error)))
        return FALSE;
    }

  return has_quote || invalid (reader, error, target, "selector",
                               _("the target needs a TextQuoteSelector"));
}

/* The article id from "dossier://article/ID"; NULL when the source is not one. */
static char *
article_from_source (const char *source)
{
  g_autofree char *path = NULL;

  if (!g_str_has_prefix (source, DOSSIER_ARTICLE_URI_PREFIX))
    return NULL;

  path = g_strdup (source + strlen (DOSSIER_ARTICLE_URI_PREFIX));
  path[strcspn (path, "?#")] = '\0';
  return *path ? g_uri_unescape_string (path, NULL) : NULL;
}

static gboolean
read_target (Reader       *reader,
             JsonObject   *item,
             JsonObject  **target,
             char        **article_id,
             GError      **error)
{
  const char *source;

  if (!get_object (reader, item, "target", target, error)
      || !dossier_json_document_get_string (reader->document, *target, "source", TRUE, &source,
                                            error))
    return FALSE;

  *article_id = article_from_source (source);
  if (*article_id != NULL)
    return TRUE;

  return invalid (reader, error, *target, "source",
                  _("the source must be a “dossier://article/ID” link"));
}

/* An ISO 8601 time, normalised to UTC; @fallback when absent. */
static gboolean
read_time (Reader      *reader,
           JsonObject  *item,
           const char  *member,
           const char  *fallback,
           char       **value,
           GError     **error)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) utc = NULL;
  const char *text;

  if (!dossier_json_document_get_string (reader->document, item, member, FALSE, &text, error))
    return FALSE;
  if (text == NULL)
    {
      *value = g_strdup (fallback);
      return TRUE;
    }

  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return invalid (reader, error, item, member,
                    _("not an ISO 8601 date and time with a time zone"));

  utc = g_date_time_to_utc (time);
  *value = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  return TRUE;
}

static gboolean
read_id (Reader      *reader,
         JsonObject  *item,
         const char **id,
         GError     **error)
{
  if (!dossier_json_document_get_string (reader->document, item, "id", TRUE, id, error))
    return FALSE;
  if (g_str_has_prefix (*id, UUID_URN_PREFIX))
    *id += strlen (UUID_URN_PREFIX);
  if (**id == '\0')
    return invalid (reader, error, item, "id", _("the id must not be empty"));
  if (!g_hash_table_add (reader->seen_ids, (char *) *id))
    return invalid (reader, error, item, "id", _("another annotation in this file has this id"));

  return TRUE;
}

static gboolean
read_times (Reader             *reader,
            JsonObject         *item,
            DossierAnnotation  *annotation,
            GError            **error)
{
  g_autofree char *now = dossier_annotation_now_iso ();
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;

  if (!read_time (reader, item, "created", now, &created, error)
      || !read_time (reader, item, "modified", created, &modified, error))
    return FALSE;

  g_object_set (annotation, "created", created, "modified", modified, NULL);
  return TRUE;
}

static DossierAnnotation *
read_annotation (Reader      *reader,
                 JsonObject  *item,
                 GError     **error)
{
  g_autoptr(DossierAnnotation) annotation = NULL;
  g_autofree char *article_id = NULL;
  JsonObject *target;
  const char *id;

  if (!expect_type (reader, item, "Annotation", error)
      || !read_id (reader, item, &id, error)
      || !read_target (reader, item, &target, &article_id, error))
    return NULL;

  /* No text hash: the next anchoring checks the passage against the article. */
  annotation = dossier_annotation_new (id, article_id);
  if (!read_selectors (reader, target, annotation, error)
      || !read_bodies (reader, item, annotation, error)
      || !read_times (reader, item, annotation, error))
    return NULL;

  return g_steal_pointer (&annotation);
}

/* The Annotations: in first.items as we write them, or in items directly. */
static gboolean
find_items (Reader      *reader,
            JsonObject  *root,
            JsonArray  **items,
            GError     **error)
{
  JsonObject *page;

  if (json_object_has_member (root, "items"))
    return dossier_json_document_get_array (reader->document, root, "items", TRUE, items,
                                            error);

  return get_object (reader, root, "first", &page, error)
         && dossier_json_document_get_array (reader->document, page, "items", TRUE, items,
                                             error);
}

static gboolean
read_collection (Reader      *reader,
                 GPtrArray   *annotations,
                 GError     **error)
{
  JsonNode *root = dossier_json_document_get_root (reader->document);
  JsonArray *items;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      dossier_json_document_set_error (reader->document, error,
                                       DOSSIER_IMPORT_ERROR_WRONG_TYPE, NULL,
                                       _("the file must hold an AnnotationCollection object"));
      return FALSE;
    }

  if (!expect_type (reader, json_node_get_object (root), "AnnotationCollection", error)
      || !find_items (reader, json_node_get_object (root), &items, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *what = g_strdup_printf (_("annotation %u"), i + 1);
      JsonObject *item;
      DossierAnnotation *annotation;

      if (!dossier_json_document_get_object_element (reader->document, items, i, what, &item,
                                                     error)
          || (annotation = read_annotation (reader, item, error)) == NULL)
        return FALSE;
      g_ptr_array_add (annotations, annotation);
    }

  return TRUE;
}

/**
 * dossier_web_annotation_is_collection:
 * @object: the root object of a JSON file
 *
 * Whether @object says it is a Web Annotation collection, such as the notes the JSON
 * export writes: its “type” is “AnnotationCollection”, or its “@context” is the Web
 * Annotation one. It says nothing of whether the collection is valid.
 */
gboolean
dossier_web_annotation_is_collection (JsonObject *object)
{
  JsonNode *type, *context;

  g_return_val_if_fail (object != NULL, FALSE);

  type = json_object_get_member (object, "type");
  context = json_object_get_member (object, "@context");
  return (type != NULL && JSON_NODE_HOLDS_VALUE (type)
          && g_strcmp0 (json_node_get_string (type), "AnnotationCollection") == 0)
         || (context != NULL && JSON_NODE_HOLDS_VALUE (context)
             && g_strcmp0 (json_node_get_string (context), DOSSIER_WEB_ANNOTATION_CONTEXT) == 0);
}

/**
 * dossier_web_annotation_read:
 * @filename: names the data in errors
 *
 * Returns: (transfer full) (element-type DossierAnnotation): every annotation of the
 *   collection in @data, or %NULL and an error naming the file, line and column
 */
GPtrArray *
dossier_web_annotation_read (const char  *data,
                             gssize       length,
                             const char  *filename,
                             GError     **error)
{
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(DossierJsonDocument) document = NULL;
  Reader reader;

  g_return_val_if_fail (data != NULL, NULL);

  document = dossier_json_document_new (data, length, filename, error);
  if (document == NULL)
    return NULL;

  reader.document = document;
  reader.seen_ids = seen_ids;
  if (!read_collection (&reader, annotations, error))
    return NULL;

  return g_steal_pointer (&annotations);
}

GPtrArray *
dossier_web_annotation_read_file (const char  *path,
                                  GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_READ, "%s",
                   local_error->message);
      return NULL;
    }

  name = g_filename_display_name (path);
  return dossier_web_annotation_read (data, length, name, error);
}
