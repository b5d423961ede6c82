/* dossier-importer.c: reads articles and entities from files in the import format
 *
 * A file is read whole and checked whole before anything of it is kept: one bad article
 * rejects its file, so an import never stores half a file. The library's import reads a
 * large file's articles one after the other instead (dossier_importer_open_file()), on
 * another thread while the first ones are saved, and rejects the file when one is bad.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-importer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-article.h"
#include "dossier-entity.h"
#include "dossier-importer.h"
#include "dossier-plain-text.h"
#include "dossier-web-annotation.h"

struct _DossierImporter
{
  GObject    parent_instance;

  GPtrArray *articles;   /* DossierArticle */
  GPtrArray *entities;   /* DossierEntity */

  /* The file dossier_importer_open_file() opened, while articles of it are left to read */
  GMappedFile *file;
  struct _FileImport *open;
  JsonArray  *unread;      /* its "articles", of which those from next on are unread */
  guint       next;
  guint       next_apart;  /* the next of the objects its outline left apart */
};

/* What one file yields, kept apart until the whole file has been checked. */
typedef struct _FileImport
{
  DossierJsonDocument *document;
  GPtrArray           *articles;
  GPtrArray           *entities;
  GHashTable          *ids;   /* article ids seen in this file */
} FileImport;

static void file_import_free (FileImport *import);

G_DEFINE_FINAL_TYPE (DossierImporter, dossier_importer, G_TYPE_OBJECT)

static void
dossier_importer_finalize (GObject *object)
{
  DossierImporter *self = (DossierImporter *) object;

  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_clear_pointer (&self->entities, g_ptr_array_unref);
  g_clear_pointer (&self->open, file_import_free);
  g_clear_pointer (&self->file, g_mapped_file_unref);

  G_OBJECT_CLASS (dossier_importer_parent_class)->finalize (object);
}

static void
dossier_importer_class_init (DossierImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_importer_finalize;
}

static void
dossier_importer_init (DossierImporter *self)
{
  self->articles = g_ptr_array_new_with_free_func (g_object_unref);
  self->entities = g_ptr_array_new_with_free_func (g_object_unref);
}

DossierImporter *
dossier_importer_new (void)
{
  return g_object_new (DOSSIER_TYPE_IMPORTER, NULL);
}

static void
file_import_clear (FileImport *import)
{
  g_clear_object (&import->document);
  g_clear_pointer (&import->articles, g_ptr_array_unref);
  g_clear_pointer (&import->entities, g_ptr_array_unref);
  g_clear_pointer (&import->ids, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FileImport, file_import_clear)

static void
file_import_free (FileImport *import)
{
  file_import_clear (import);
  g_free (import);
}

static gboolean
invalid_member (FileImport  *import,
                GError     **error,
                JsonObject  *object,
                const char  *member,
                const char  *message)
{
  dossier_json_document_set_member_error (import->document, error,
                                          DOSSIER_IMPORT_ERROR_INVALID_VALUE, object, member,
                                          "%s", message);
  return FALSE;
}

static gboolean
invalid (FileImport    *import,
         GError       **error,
         gconstpointer  where,
         const char    *message)
{
  dossier_json_document_set_error (import->document, error, DOSSIER_IMPORT_ERROR_INVALID_VALUE,
                                   where, "%s", message);
  return FALSE;
}

/* Strips Unicode white space (no-break spaces too, which web pages leave behind) from
 * both ends of @text, in place. */
static char *
strip_unicode (char *text)
{
  char *start = text, *end = text + strlen (text);

  while (*start && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  *end = '\0';
  memmove (text, start, end - start + 1);
  return text;
}

/* Trimmed, with Windows line ends gone; NULL when nothing is left. */
static char *
clean_text (const char *text)
{
  g_autoptr(GString) cleaned = NULL;

  if (text == NULL)
    return NULL;

  cleaned = g_string_new (text);
  g_string_replace (cleaned, "\r\n", "\n", 0);
  strip_unicode (cleaned->str);
  cleaned->len = strlen (cleaned->str);
  if (cleaned->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&cleaned), FALSE);
}

/* Plain-text body: paragraphs are separated by blank lines; a single line break inside a
 * paragraph is only wrapping, and becomes a space. */
static GPtrArray *
blocks_from_body (const char *body)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
  g_autoptr(GString) paragraph = g_string_new (NULL);

  for (guint i = 0; ; i++)
    {
      g_autofree char *line = lines[i] ? strip_unicode (g_strdup (lines[i])) : NULL;

      if (line != NULL && *line != '\0')
        {
          if (paragraph->len > 0)
            g_string_append_c (paragraph, ' ');
          g_string_append (paragraph, line);
          continue;
        }

      if (paragraph->len > 0)
        g_ptr_array_add (blocks, dossier_block_new (DOSSIER_BLOCK_PARAGRAPH, paragraph->str, NULL));
      g_string_truncate (paragraph, 0);

      if (line == NULL)
        break;
    }

  return blocks;
}

static gboolean
read_block (FileImport  *import,
            JsonArray   *array,
            guint        index,
            GPtrArray   *blocks,
            GError     **error)
{
  g_autofree char *what = g_strdup_printf (_("block %u"), index + 1);
  g_autofree char *text = NULL;
  const char *kind_name, *raw_text, *attribution;
  DossierBlockKind kind;
  JsonObject *object;

  if (!dossier_json_document_get_object_element (import->document, array, index, what,
                                                 &object, error)
      || !dossier_json_document_get_string (import->document, object, "kind", TRUE,
                                            &kind_name, error)
      || !dossier_json_document_get_string (import->document, object, "text", TRUE,
                                            &raw_text, error)
      || !dossier_json_document_get_string (import->document, object, "attribution", FALSE,
                                            &attribution, error))
    return FALSE;

  if (!dossier_block_kind_from_string (kind_name, &kind))
    return invalid_member (import, error, object, "kind",
                           _("a block’s “kind” must be paragraph, heading, caption, quote, verdict "
                      "or credit"));

  text = clean_text (raw_text);
  if (text == NULL)
    return invalid (import, error, object, _("a block’s “text” is empty"));

  g_ptr_array_add (blocks, dossier_block_new (kind, text, attribution));
  return TRUE;
}

static gboolean
read_body (FileImport      *import,
           JsonObject      *object,
           DossierArticle  *article,
           GError         **error)
{
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *body = NULL;
  const char *raw_body;
  JsonArray *array;

  if (!dossier_json_document_get_string (import->document, object, "body", FALSE, &raw_body,
                                         error)
      || !dossier_json_document_get_array (import->document, object, "blocks", FALSE, &array,
                                           error))
    return FALSE;

  if ((raw_body == NULL) == (array == NULL))
    return invalid (import, error, object,
                    _("an article needs its text as either “body” or “blocks” (one of them)"));

  if (array != NULL)
    {
      blocks = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!read_block (import, array, i, blocks, error))
          return FALSE;
    }
  else if ((body = clean_text (raw_body)) != NULL)
    blocks = blocks_from_body (body);

  if (blocks == NULL || blocks->len == 0)
    return invalid (import, error, object, _("the article has no text"));

  dossier_article_set_blocks (article, blocks);
  return TRUE;
}

static gboolean
read_credits (FileImport      *import,
              JsonObject      *object,
              DossierArticle  *article,
              GError         **error)
{
  JsonArray *array;

  if (!dossier_json_document_get_array (import->document, object, "credits", FALSE, &array,
                                        error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *what = g_strdup_printf (_("credit %u"), i + 1);
      const char *role, *name;
      JsonObject *credit;

      if (!dossier_json_document_get_object_element (import->document, array, i, what,
                                                     &credit, error)
          || !dossier_json_document_get_string (import->document, credit, "role", TRUE,
                                                &role, error)
          || !dossier_json_document_get_string (import->document, credit, "name", TRUE,
                                                &name, error))
        return FALSE;

      dossier_article_add_credit (article, role, name);
    }

  return TRUE;
}

static gboolean
read_published (FileImport      *import,
                JsonObject      *object,
                DossierArticle  *article,
                GError         **error)
{
  DossierDate published = { 0 };
  const char *text;

  if (!dossier_json_document_get_string (import->document, object, "published", TRUE, &text,
                                         error))
    return FALSE;

  if (!dossier_date_parse (text, &published))
    {
      g_autofree char *message =
        g_strdup_printf (_("“published” must be a real date written YYYY, YYYY-MM or "
                           "YYYY-MM-DD, not “%s”"), text);

      return invalid_member (import, error, object, "published", message);
    }

  dossier_article_set_published (article, &published);
  return TRUE;
}

static gboolean
read_metadata (FileImport      *import,
               JsonObject      *object,
               DossierArticle  *article,
               GError         **error)
{
  static const char *const optional[] = {
    "id", "subtitle", "outlet", "url", "published_note", "language",
  };
  g_autofree char *title = NULL;
  const char *value;

  if (!dossier_json_document_get_string (import->document, object, "title", TRUE, &value,
                                         error))
    return FALSE;
  if ((title = clean_text (value)) == NULL)
    return invalid_member (import, error, object, "title", _("the “title” is empty"));
  dossier_article_set_title (article, title);

  for (guint i = 0; i < G_N_ELEMENTS (optional); i++)
    {
      g_autofree char *cleaned = NULL;
      g_autofree char *property = g_strdelimit (g_strdup (optional[i]), "_", '-');

      if (!dossier_json_document_get_string (import->document, object, optional[i], FALSE,
                                             &value, error))
        return FALSE;
      cleaned = clean_text (value);
      g_object_set (article, property, cleaned, NULL);
    }

  return TRUE;
}

/* The article in @object, read through @import's document. */
static DossierArticle *
read_article (FileImport  *import,
              JsonObject  *object,
              GError     **error)
{
  g_autoptr(DossierArticle) article = dossier_article_new ();

  if (!read_metadata (import, object, article, error)
      || !read_published (import, object, article, error)
      || !read_credits (import, object, article, error)
      || !read_body (import, object, article, error))
    return NULL;

  if (dossier_article_get_id (article) == NULL)
    {
      g_autofree char *id = dossier_article_derive_id (article);

      dossier_article_set_id (article, id);
    }

  if (!g_hash_table_add (import->ids, g_strdup (dossier_article_get_id (article))))
    {
      g_autofree char *message = g_strdup_printf (_("the id “%s” is used twice in this file"),
                                                  dossier_article_get_id (article));

      invalid (import, error, object, message);
      return NULL;
    }

  dossier_article_set_origin (article, DOSSIER_ORIGIN_IMPORTED);
  return g_steal_pointer (&article);
}

/* Element @index of the "articles" array; an object the outline left apart is parsed
 * now, through a document of its own. */
static DossierArticle *
read_element (FileImport  *import,
              JsonArray   *array,
              guint        index,
              guint       *next_apart,
              GError     **error)
{
  g_autofree char *what = g_strdup_printf (_("article %u"), index + 1);
  g_autoptr(DossierJsonDocument) part = NULL;
  FileImport view = { 0 };
  JsonObject *object;

  if (!dossier_json_document_get_object_element (import->document, array, index, what,
                                                 &object, error))
    return NULL;
  if (*next_apart >= dossier_json_document_get_n_apart (import->document))
    return read_article (import, object, error);

  if ((part = dossier_json_document_parse_apart (import->document, (*next_apart)++,
                                                 error)) == NULL)
    return NULL;
  view.document = part;
  view.ids = import->ids;
  return read_article (&view, json_node_get_object (dossier_json_document_get_root (part)),
                       error);
}

static gboolean
read_aliases (FileImport     *import,
              JsonObject     *object,
              DossierEntity  *entity,
              GError        **error)
{
  JsonArray *array;

  if (!dossier_json_document_get_array (import->document, object, "aliases", FALSE, &array,
                                        error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *what = g_strdup_printf (_("alias %u"), i + 1);
      g_autofree char *alias = NULL;
      const char *value;

      if (!dossier_json_document_get_string_element (import->document, array, i, what, &value,
                                                     error))
        return FALSE;
      if ((alias = clean_text (value)) != NULL)
        dossier_entity_add_alias (entity, alias);
    }

  return TRUE;
}

static gboolean
read_entity (FileImport  *import,
             JsonArray   *array,
             guint        index,
             GError     **error)
{
  g_autoptr(DossierEntity) entity = NULL;
  g_autofree char *what = g_strdup_printf (_("entity %u"), index + 1);
  g_autofree char *name = NULL;
  const char *raw_name, *kind_name, *description;
  DossierEntityKind kind = DOSSIER_ENTITY_OTHER;
  JsonObject *object;

  if (!dossier_json_document_get_object_element (import->document, array, index, what,
                                                 &object, error)
      || !dossier_json_document_get_string (import->document, object, "name", TRUE, &raw_name,
                                            error)
      || !dossier_json_document_get_string (import->document, object, "kind", FALSE,
                                            &kind_name, error)
      || !dossier_json_document_get_string (import->document, object, "description", FALSE,
                                            &description, error))
    return FALSE;

  if ((name = clean_text (raw_name)) == NULL)
    return invalid (import, error, object, _("an entity’s “name” is empty"));
  if (kind_name != NULL && !dossier_entity_kind_from_string (kind_name, &kind))
    return invalid_member (import, error, object, "kind",
                           _("an entity’s “kind” must be person, organization, place, equipment "
                      "or other"));

  entity = dossier_entity_new (name, kind);
  dossier_entity_set_description (entity, description);
  if (!read_aliases (import, object, entity, error))
    return FALSE;

  g_ptr_array_add (import->entities, g_steal_pointer (&entity));
  return TRUE;
}

static gboolean
read_header (FileImport  *import,
             JsonObject  *root,
             GError     **error)
{
  const char *format;
  gint64 version;

  if (!dossier_json_document_get_string (import->document, root, "format", TRUE, &format,
                                         error)
      || !dossier_json_document_get_int (import->document, root, "version", TRUE, &version,
                                         error))
    return FALSE;

  if (g_strcmp0 (format, DOSSIER_FORMAT_NAME) != 0)
    return invalid_member (import, error, root, "format", _("“format” must be “dossier”"));

  if (version != DOSSIER_FORMAT_VERSION)
    {
      dossier_json_document_set_member_error (import->document, error,
                                              DOSSIER_IMPORT_ERROR_UNSUPPORTED, root, "version",
                                              _("format version %lld is not "
                                                "supported: this Dossier reads version %d"),
                                              (long long) version, DOSSIER_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* The header and the entities; @articles is the array of articles, left to read. */
static gboolean
read_outline (FileImport  *import,
              JsonArray  **articles,
              GError     **error)
{
  JsonNode *root = dossier_json_document_get_root (import->document);
  JsonArray *entities;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return invalid (import, error, NULL,
                    _("a Dossier file is a JSON object with “format”, “version” and "
                      "“articles”"));

  object = json_node_get_object (root);
  /* Our own notes export is JSON too: say what it is rather than that “format” is missing. */
  if (!json_object_has_member (object, "format") && dossier_web_annotation_is_collection (object))
    {
      dossier_json_document_set_error (import->document, error, DOSSIER_IMPORT_ERROR_NOTES, NULL,
                                       _("this file holds notes (Web Annotations), not "
                                         "articles"));
      return FALSE;
    }
  if (!read_header (import, object, error)
      || !dossier_json_document_get_array (import->document, object, "articles", FALSE,
                                           articles, error)
      || !dossier_json_document_get_array (import->document, object, "entities", FALSE,
                                           &entities, error))
    return FALSE;

  if (*articles == NULL && entities == NULL)
    return invalid (import, error, object, _("the file has neither “articles” nor “entities”"));

  for (guint i = 0; entities != NULL && i < json_array_get_length (entities); i++)
    if (!read_entity (import, entities, i, error))
      return FALSE;

  return TRUE;
}

static gboolean
open_document (FileImport  *import,
               const char  *data,
               gssize       length,
               const char  *filename,
               JsonArray  **articles,
               GError     **error)
{
  import->document = dossier_json_document_new_outline (data, length, filename, error);
  if (import->document == NULL)
    return FALSE;

  import->articles = g_ptr_array_new_with_free_func (g_object_unref);
  import->entities = g_ptr_array_new_with_free_func (g_object_unref);
  import->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return read_outline (import, articles, error);
}

static void
keep_all (GPtrArray *into,
          GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (into, g_object_ref (g_ptr_array_index (from, i)));
}

/**
 * dossier_importer_add_data:
 * @filename: how errors name the data
 *
 * Reads one file's worth of import-format JSON. On error nothing of it is kept.
 */
gboolean
dossier_importer_add_data (DossierImporter  *self,
                           const char       *data,
                           gssize            length,
                           const char       *filename,
                           GError          **error)
{
  g_auto(FileImport) import = { 0 };
  JsonArray *articles = NULL;
  guint next_apart = 0;

  g_return_val_if_fail (DOSSIER_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!open_document (&import, data, length, filename, &articles, error))
    return FALSE;

  for (guint i = 0; articles != NULL && i < json_array_get_length (articles); i++)
    {
      DossierArticle *article = read_element (&import, articles, i, &next_apart, error);

      if (article == NULL)
        return FALSE;
      g_ptr_array_add (import.articles, article);
    }

  keep_all (self->articles, import.articles);
  keep_all (self->entities, import.entities);
  return TRUE;
}

static gboolean
add_text (DossierImporter  *self,
          GMappedFile      *file,
          const char       *display,
          GError          **error)
{
  const char *data = g_mapped_file_get_contents (file);
  g_autofree char *path = g_ascii_strdown (display, -1);
  DossierArticle *article;

  article = dossier_plain_text_read (data ? data : "", g_mapped_file_get_length (file), display,
                                     !g_str_has_suffix (path, ".txt"), error);
  if (article == NULL)
    return FALSE;

  g_ptr_array_add (self->articles, article);
  return TRUE;
}

static GMappedFile *
map_file (const char  *path,
          const char  *display,
          GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_READ, "%s: %s", display,
                   local_error->message);
      return NULL;
    }

  if (g_mapped_file_get_length (file) > DOSSIER_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                   _("%s: the file is larger than the %d MiB an import may be"), display,
                   DOSSIER_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  return g_steal_pointer (&file);
}

static void
close_open (DossierImporter *self)
{
  self->unread = NULL;
  g_clear_pointer (&self->open, file_import_free);
  g_clear_pointer (&self->file, g_mapped_file_unref);
}

/**
 * dossier_importer_open_file:
 *
 * Reads @path like dossier_importer_add_file(), but leaves the articles of an
 * import-format file to dossier_importer_read_next(): its entities are read, and the
 * whole file is checked to be JSON, none of it nesting too deep.
 */
gboolean
dossier_importer_open_file (DossierImporter  *self,
                            const char       *path,
                            GError          **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autofree char *display = NULL;
  FileImport *import;
  JsonArray *articles = NULL;

  g_return_val_if_fail (DOSSIER_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  if ((file = map_file (path, display, error)) == NULL)
    return FALSE;
  if (dossier_plain_text_is_text_file (path))
    return add_text (self, file, display, error);

  close_open (self);
  import = g_new0 (FileImport, 1);
  /* An empty file maps to NULL contents. */
  if (!open_document (import, g_mapped_file_get_contents (file)
                                ? g_mapped_file_get_contents (file) : "",
                      g_mapped_file_get_length (file), display, &articles, error))
    {
      file_import_free (import);
      return FALSE;
    }

  keep_all (self->entities, import->entities);
  self->file = g_steal_pointer (&file);
  self->open = import;
  self->unread = articles;
  self->next = self->next_apart = 0;
  return TRUE;
}

/* How many articles of the opened file dossier_importer_read_next() has still to read. */
guint
dossier_importer_get_n_unread (DossierImporter *self)
{
  g_return_val_if_fail (DOSSIER_IS_IMPORTER (self), 0);

  return self->unread != NULL ? json_array_get_length (self->unread) - self->next : 0;
}

/**
 * dossier_importer_read_next:
 *
 * Reads the next article of the file dossier_importer_open_file() opened. It touches
 * nothing else of @self, so another thread may call it while this one uses the entities
 * and the articles read before. After an error there is nothing more to read.
 *
 * Returns: (transfer full): the article, not added to dossier_importer_get_articles();
 *   %NULL with @error set when it is not valid
 */
DossierArticle *
dossier_importer_read_next (DossierImporter  *self,
                            GError          **error)
{
  DossierArticle *article;

  g_return_val_if_fail (DOSSIER_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (dossier_importer_get_n_unread (self) > 0, NULL);

  article = read_element (self->open, self->unread, self->next, &self->next_apart, error);
  self->next = article != NULL ? self->next + 1 : json_array_get_length (self->unread);
  return article;
}

/* Reads @path — import-format JSON, or one article as plain text or Markdown (see
 * dossier-plain-text.c) when its name ends in .txt, .md or .markdown — refusing files over
 * %DOSSIER_IMPORT_MAX_FILE_SIZE before loading them. */
gboolean
dossier_importer_add_file (DossierImporter  *self,
                           const char       *path,
                           GError          **error)
{
  guint n_articles, n_entities;

  g_return_val_if_fail (DOSSIER_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  n_articles = self->articles->len;
  n_entities = self->entities->len;
  if (!dossier_importer_open_file (self, path, error))
    return FALSE;

  while (dossier_importer_get_n_unread (self) > 0)
    {
      DossierArticle *article = dossier_importer_read_next (self, error);

      if (article == NULL)
        {
          g_ptr_array_set_size (self->articles, n_articles);
          g_ptr_array_set_size (self->entities, n_entities);
          close_open (self);
          return FALSE;
        }
      g_ptr_array_add (self->articles, article);
    }

  close_open (self);
  return TRUE;
}

/**
 * dossier_importer_get_articles:
 *
 * Returns: (transfer none) (element-type DossierArticle): every article read so far
 */
GPtrArray *
dossier_importer_get_articles (DossierImporter *self)
{
  g_return_val_if_fail (DOSSIER_IS_IMPORTER (self), NULL);

  return self->articles;
}

/**
 * dossier_importer_get_entities:
 *
 * Returns: (transfer none) (element-type DossierEntity): every entity read so far
 */
GPtrArray *
dossier_importer_get_entities (DossierImporter *self)
{
  g_return_val_if_fail (DOSSIER_IS_IMPORTER (self), NULL);

  return self->entities;
}
