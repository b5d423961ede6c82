/* dossier-export.c: annotations written out as Markdown, HTML, Web Annotation JSON or CSV
 *
 * Gathers the annotations by article with each article's title, outlet and date, hands
 * them to one of the formats (dossier-export-*.c, each a pure function from that document
 * to text), and writes the result atomically: the text goes to a temporary file in the
 * same folder, is flushed to disk and renamed over the target, so a failure never leaves
 * a half-written file nor destroys the previous one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-export.h"
#include "dossier-export-private.h"

G_DEFINE_QUARK (dossier-export-error-quark, dossier_export_error)

typedef struct
{
  const char *name;
  const char *extension;
  const char *mime_type;
  char     *(*render) (const DossierExportDocument *document);
} FormatInfo;

static const FormatInfo formats[] = {
  [DOSSIER_EXPORT_MARKDOWN] = { "markdown", "md", "text/markdown", _dossier_export_markdown },
  [DOSSIER_EXPORT_HTML] = { "html", "html", "text/html", _dossier_export_html },
  [DOSSIER_EXPORT_JSON] = { "json", "jsonld", "application/ld+json", _dossier_export_json },
  [DOSSIER_EXPORT_CSV] = { "csv", "csv", "text/csv", _dossier_export_csv },
};

gboolean
dossier_export_format_from_string (const char          *name,
                                   DossierExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (name, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }

  return FALSE;
}

const char *
dossier_export_format_to_string (DossierExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return formats[format].name;
}

/* For the file chooser's suggested name. */
const char *
dossier_export_format_get_extension (DossierExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return formats[format].extension;
}

const char *
dossier_export_format_get_mime_type (DossierExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return formats[format].mime_type;
}

static void
section_free (DossierExportSection *section)
{
  g_free (section->article_id);
  g_clear_object (&section->article);
  g_ptr_array_unref (section->annotations);
  g_free (section);
}

static void
document_clear (DossierExportDocument *document)
{
  g_clear_pointer (&document->exported, g_free);
  g_clear_pointer (&document->sections, g_ptr_array_unref);
  g_clear_pointer (&document->annotations, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DossierExportDocument, document_clear)

static DossierExportSection *
section_new (DossierLibrary  *library,
             const char      *article_id,
             GError         **error)
{
  DossierExportSection *section = g_new0 (DossierExportSection, 1);
  g_autoptr(GError) local_error = NULL;

  section->article_id = g_strdup (article_id);
  section->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  section->article = dossier_library_load_article (library, article_id, &local_error);
  if (section->article == NULL
      && !g_error_matches (local_error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      section_free (section);
      return NULL;
    }

  return section;
}

/* Groups the annotations by article, in the order in which the articles first appear. */
static gboolean
gather (DossierExportDocument  *document,
        DossierLibrary         *library,
        GListModel             *annotations,
        GError                **error)
{
  g_autoptr(GHashTable) by_article = g_hash_table_new (g_str_hash, g_str_equal);

  document->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  document->annotations = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (annotations, i);
      const char *article_id = dossier_annotation_get_article_id (annotation);
      DossierExportSection *section = g_hash_table_lookup (by_article, article_id);

      if (section == NULL)
        {
          if ((section = section_new (library, article_id, error)) == NULL)
            return FALSE;
          g_ptr_array_add (document->sections, section);
          g_hash_table_insert (by_article, section->article_id, section);
        }
      g_ptr_array_add (section->annotations, g_object_ref (annotation));
    }

  /* The flat list follows the sections, so every format lists in the same order. */
  for (guint i = 0; i < document->sections->len; i++)
    {
      DossierExportSection *section = g_ptr_array_index (document->sections, i);

      for (guint j = 0; j < section->annotations->len; j++)
        g_ptr_array_add (document->annotations,
                         g_object_ref (g_ptr_array_index (section->annotations, j)));
    }

  return TRUE;
}

/**
 * dossier_export_render:
 * @annotations: a list of #DossierAnnotation (e.g. from dossier_annotations_list()):
 *   everything, one article or the current filter
 * @dossier_name: names the export (front matter, page title, collection label)
 * @when: (nullable): the export date; %NULL for now
 *
 * Returns: (transfer full): the text of the export, UTF-8
 */
char *
dossier_export_render (DossierLibrary       *library,
                       GListModel           *annotations,
                       DossierExportFormat   format,
                       const char           *dossier_name,
                       GDateTime            *when,
                       GError              **error)
{
  g_auto(DossierExportDocument) document = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (annotations), NULL);
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  utc = g_date_time_to_utc (when ? when : now);
  document.dossier_name = dossier_name ? dossier_name : _("Dossier");
  document.exported = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  if (!gather (&document, library, annotations, error))
    return NULL;

  return formats[format].render (&document);
}

/* Temporary file in the same folder, fsync, rename: the old file stays until the new one
 * is whole on disk. */
static gboolean
write_atomically (const char  *path,
                  const char  *text,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0666, &local_error))
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE,
                   _("Cannot write the export: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * dossier_export_write_file:
 *
 * Renders the export and replaces @path with it atomically (see dossier_export_render()).
 * On failure @path is left as it was.
 */
gboolean
dossier_export_write_file (DossierLibrary       *library,
                           GListModel           *annotations,
                           DossierExportFormat   format,
                           const char           *dossier_name,
                           const char           *path,
                           GError              **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  text = dossier_export_render (library, annotations, format, dossier_name, NULL, error);
  return text != NULL && write_atomically (path, text, error);
}

typedef struct
{
  DossierExportDocument  document;
  char                  *dossier_name;
  DossierExportFormat    format;
  char                  *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  document_clear (&job->document);
  g_free (job->dossier_name);
  g_free (job->path);
  g_free (job);
}

/* In a worker thread: only the gathered document is used, never the database. */
static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autofree char *text = formats[job->format].render (&job->document);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (write_atomically (job->path, text, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * dossier_export_write_file_async:
 *
 * Like dossier_export_write_file(), for the window: the annotations and their articles
 * are read from the database at once, on the calling thread; rendering and writing run
 * in a worker thread. Cancelling before the write starts leaves @path untouched.
 */
void
dossier_export_write_file_async (DossierLibrary       *library,
                                 GListModel           *annotations,
                                 DossierExportFormat   format,
                                 const char           *dossier_name,
                                 const char           *path,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  ExportJob *job = g_new0 (ExportJob, 1);
  GError *error = NULL;

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  g_return_if_fail (path != NULL);

  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_export_write_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  job->dossier_name = g_strdup (dossier_name ? dossier_name : _("Dossier"));
  job->document.dossier_name = job->dossier_name;
  job->document.exported = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  job->format = format;
  job->path = g_strdup (path);

  if (!gather (&job->document, library, annotations, &error))
    g_task_return_error (task, error);
  else
    g_task_run_in_thread (task, export_in_thread);
}

gboolean
dossier_export_write_file_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_export_write_file_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Shared by the formats */

char *
_dossier_export_section_title (const DossierExportSection *section)
{
  if (section->article == NULL)
    return g_strdup_printf (_("%s (no longer in the library)"), section->article_id);

  return g_strdup (dossier_article_get_title (section->article));
}

/* The article's publication date as precise as it is known, or "". */
char *
_dossier_export_section_date (const DossierExportSection *section)
{
  if (section->article == NULL)
    return g_strdup ("");

  return dossier_date_to_iso (dossier_article_get_published (section->article));
}

char *
_dossier_export_tags_text (DossierAnnotation *annotation)
{
  return g_strjoinv ("; ", (char **) dossier_annotation_get_tags (annotation));
}
