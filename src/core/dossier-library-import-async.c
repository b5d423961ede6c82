/* dossier-library-import-async.c: an import run in a worker thread
 *
 * dossier_library_import_files() on a connection of the worker's own, its progress handed
 * back to the caller's main context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include "dossier-library.h"

typedef struct
{
  char                      *database_path;
  char                     **paths;
  DossierImportProgressFunc  progress;
  gpointer                   progress_data;
  GMainContext              *context;
} ImportTask;

typedef struct
{
  DossierImportProgressFunc  progress;
  gpointer                   progress_data;
  char                      *path;
  double                     fraction;
} ProgressCall;

static void
import_task_free (ImportTask *task)
{
  g_free (task->database_path);
  g_strfreev (task->paths);
  g_main_context_unref (task->context);
  g_free (task);
}

static void
progress_call_free (ProgressCall *call)
{
  g_free (call->path);
  g_free (call);
}

static gboolean
call_progress (gpointer data)
{
  ProgressCall *call = data;

  call->progress (call->path, call->fraction, call->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: hands the progress over to the thread that started the import. */
static void
forward_progress (const char *path,
                  double      fraction,
                  gpointer    user_data)
{
  ImportTask *task = user_data;
  ProgressCall *call = g_new0 (ProgressCall, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  call->progress = task->progress;
  call->progress_data = task->progress_data;
  call->path = g_strdup (path);
  call->fraction = fraction;
  /* Not g_main_context_invoke(): it would call back right here, in the worker, whenever
   * the caller's context is the global default one and happens to be free. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, call_progress, call, (GDestroyNotify) progress_call_free);
  g_source_attach (source, task->context);
}

/* The caller's connection belongs to its thread: the worker opens its own on the same
 * file, which write-ahead logging lets the window keep reading meanwhile. */
static void
import_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportTask *data = task_data;
  g_autoptr(DossierLibrary) library = NULL;
  DossierImportSummary *summary;
  GError *error = NULL;

  library = dossier_library_open (data->database_path, NULL, &error);
  summary = library == NULL ? NULL
            : dossier_library_import_files (library, (const char * const *) data->paths,
                                            data->progress ? forward_progress : NULL, data,
                                            cancellable, &error);
  if (summary == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, summary, (GDestroyNotify) dossier_import_summary_free);
}

/**
 * dossier_library_import_files_async:
 * @progress: (nullable): called on the thread-default main context of the caller;
 *   @progress_data must stay alive until @callback runs
 *
 * dossier_library_import_files() in a worker thread, on a connection of its own. Cancel
 * with @cancellable: the summary then has `cancelled` set and lists what was imported.
 * Annotation sessions and lists of the caller do not see the import by themselves: reload
 * them in @callback.
 */
void
dossier_library_import_files_async (DossierLibrary             *self,
                                    const char * const         *paths,
                                    DossierImportProgressFunc   progress,
                                    gpointer                    progress_data,
                                    GCancellable               *cancellable,
                                    GAsyncReadyCallback         callback,
                                    gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTask *data;

  g_return_if_fail (DOSSIER_IS_LIBRARY (self));
  g_return_if_fail (paths != NULL);

  data = g_new0 (ImportTask, 1);
  data->database_path = g_strdup (dossier_database_get_path (dossier_library_get_database (self)));
  data->paths = g_strdupv ((char **) paths);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_library_import_files_async);
  /* A cancelled batch still has a summary to give back. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) import_task_free);
  g_task_run_in_thread (task, import_in_thread);
}

/**
 * dossier_library_import_files_finish:
 *
 * Returns: (transfer full): the summary, or %NULL when the database could not be opened
 *   or failed
 */
DossierImportSummary *
dossier_library_import_files_finish (DossierLibrary  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
