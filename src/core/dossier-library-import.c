/* dossier-library-import.c: growing the library from the user's files
 *
 * Each file is checked whole, then saved in one transaction while its articles are read
 * (see save_articles()): a bad file imports nothing and the batch goes on with the next.
 * Imported articles go through the same chain as the bundled ones (blocks and search
 * index, entity mentions, dated events), against the whole catalogue: the bundled
 * entities, those of earlier imports and the file's own, which merge with known ones by
 * name or alias. Events are regrouped once, after the batch.
 *
 * An article the library already has — the same id, or the same title, outlet, date and
 * text under another id — is not imported twice; a changed article under a known id
 * replaces the old one and its annotations are anchored again. Bundled articles are never
 * replaced by an import.
 *
 * The file's entities are merged into the catalogue in dossier-library-import-entities.c,
 * dossier-library-import-async.c runs an import in a worker thread, and
 * dossier-library-remove.c shrinks the library again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dossier-anchor.h"
#include "dossier-annotation-store.h"
#include "dossier-article-store.h"
#include "dossier-event-store.h"
#include "dossier-import-pipeline.h"
#include "dossier-importer.h"
#include "dossier-library-import-private.h"
#include "dossier-library-private.h"
#include "dossier-mention-store.h"
#include "dossier-search-store.h"

/* SQLite's page cache during an import, in KiB. With the default 2 MiB a large file's
 * transaction spills index pages to the write-ahead log again and again. */
#define IMPORT_CACHE_KIB 131072

/* Progress is reported when it moved by at least this much, so a window is not flooded. */
#define PROGRESS_STEP 0.005


typedef enum
{
  OUTCOME_NEW,
  OUTCOME_PRESENT,
  OUTCOME_REPLACED,
} Outcome;

static void
file_result_free (DossierImportFileResult *result)
{
  g_free (result->path);
  g_clear_error (&result->error);
  g_free (result);
}

void
dossier_import_summary_free (DossierImportSummary *summary)
{
  if (summary == NULL)
    return;

  g_ptr_array_unref (summary->files);
  g_free (summary);
}

/**
 * dossier_import_summary_describe:
 *
 * Returns: (transfer full): one line for a person, such as "12 articles imported,
 *   2 already present, 1 replaced"; the rejected files are not in it
 */
char *
dossier_import_summary_describe (const DossierImportSummary *summary)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (summary != NULL, NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u article imported",
                                             "%u articles imported", summary->n_imported),
                          summary->n_imported);
  if (summary->n_present > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u already present",
                                               ", %u already present", summary->n_present),
                            summary->n_present);
  if (summary->n_replaced > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u replaced",
                                               ", %u replaced", summary->n_replaced),
                            summary->n_replaced);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
report (Batch      *batch,
        const char *path,
        double      file_fraction,
        guint64     file_bytes,
        gboolean    force)
{
  double fraction;

  if (batch->progress == NULL || batch->total_bytes == 0)
    return;

  fraction = (batch->done_bytes + file_fraction * file_bytes) / (double) batch->total_bytes;
  if (!force && fraction - batch->last_fraction < PROGRESS_STEP)
    return;

  batch->last_fraction = fraction;
  batch->progress (path, MIN (fraction, 1.0), batch->progress_data);
}

static guint64
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (guint64) buf.st_size : 0;
}

/* Articles */

static gboolean
analyse (Batch           *batch,
         DossierArticle  *article,
         gint64           rowid,
         GError         **error)
{
  return dossier_mention_store_rebuild (batch->db, rowid, article, batch->matcher, error)
         && dossier_event_store_rebuild (batch->db, rowid, article, error);
}

/* Articles are saved a chunk at a time: the chunk's rows in one statement, which the
 * search index takes in one go (see dossier_article_store_save_all()), then the mentions
 * and the events of them all, a statement each. A chunk is about as much text as FTS5
 * gathers before it writes an index segment anyway, and keeps the progress moving. The
 * mentions and events of the next chunk are found meanwhile on another thread (see
 * dossier-import-pipeline.c). */
#define CHUNK_ARTICLES 256

typedef struct
{
  guint       first;       /* the position of its first article in the file */
  GArray     *analyses;    /* DossierImportAnalysis of each article from first on */
  GPtrArray  *articles;    /* to save, new or replaced; borrowed */
  GArray     *outcomes;    /* Outcome, one per article */
  GArray     *positions;   /* guint, each one's index in the file */
  GHashTable *contents;    /* content_key() of the articles */
  GHashTable *replaced;    /* ids of the replaced ones; borrowed */
} Chunk;

static void
chunk_init (Chunk  *chunk,
            guint   first,
            GArray *analyses)
{
  chunk->first = first;
  chunk->analyses = analyses;
  chunk->articles = g_ptr_array_new ();
  chunk->outcomes = g_array_new (FALSE, FALSE, sizeof (Outcome));
  chunk->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  chunk->contents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  chunk->replaced = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
chunk_clear (Chunk *chunk)
{
  g_clear_pointer (&chunk->analyses, g_array_unref);
  g_clear_pointer (&chunk->articles, g_ptr_array_unref);
  g_clear_pointer (&chunk->outcomes, g_array_unref);
  g_clear_pointer (&chunk->positions, g_array_unref);
  g_clear_pointer (&chunk->contents, g_hash_table_unref);
  g_clear_pointer (&chunk->replaced, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Chunk, chunk_clear)

/* What dossier_article_store_find_same() compares, for the articles of a chunk that the
 * database does not have yet: the same story twice in one file is still one story. */
static char *
content_key (DossierArticle *article)
{
  const DossierDate *published = dossier_article_get_published (article);
  const char *outlet = dossier_article_get_outlet (article);

  return g_strdup_printf ("%s\x1f%d\x1f%d\x1f%c%s\x1f%s",
                          dossier_article_get_text_hash (article),
                          dossier_date_to_key (published), published->precision,
                          outlet != NULL ? '+' : '-', outlet != NULL ? outlet : "",
                          dossier_article_get_title (article));
}

/* An article of the chunk being replaced is not the same story as its old text anymore. */
static gboolean
classify (Batch           *batch,
          Chunk           *chunk,
          DossierArticle  *article,
          const char      *display,
          Outcome         *outcome,
          GError         **error)
{
  const char *id = dossier_article_get_id (article);
  g_autofree char *same = NULL;
  DossierOrigin origin = DOSSIER_ORIGIN_IMPORTED;
  gboolean found = FALSE;

  if (!dossier_article_store_find_same (batch->db, article, &same, error))
    return FALSE;
  if (same != NULL && g_hash_table_contains (chunk->replaced, same))
    g_clear_pointer (&same, g_free);
  if (same == NULL && !dossier_article_store_lookup (batch->db, id, &found, NULL, &origin, error))
    return FALSE;

  if (found && origin == DOSSIER_ORIGIN_BUNDLED)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_INVALID_VALUE,
                   _("%s: the article “%s” has the id of an article of the bundled dossier, "
                     "which an import cannot replace; give it another id"), display, id);
      return FALSE;
    }

  *outcome = same != NULL ? OUTCOME_PRESENT : found ? OUTCOME_REPLACED : OUTCOME_NEW;
  return TRUE;
}

/* Adds the article at @position of the file to @chunk, unless the library has it. */
static gboolean
stage_article (Batch                    *batch,
               Chunk                    *chunk,
               DossierArticle           *article,
               guint                     position,
               DossierImportFileResult  *result,
               const char               *display,
               GError                  **error)
{
  g_autofree char *key = content_key (article);
  Outcome outcome = OUTCOME_PRESENT;

  if (!g_hash_table_contains (chunk->contents, key)
      && !classify (batch, chunk, article, display, &outcome, error))
    return FALSE;

  if (outcome == OUTCOME_PRESENT)
    {
      result->n_present++;
      return TRUE;
    }

  g_hash_table_add (chunk->contents, g_steal_pointer (&key));
  if (outcome == OUTCOME_REPLACED)
    g_hash_table_add (chunk->replaced, (char *) dossier_article_get_id (article));
  g_ptr_array_add (chunk->articles, article);
  g_array_append_val (chunk->outcomes, outcome);
  g_array_append_val (chunk->positions, position);
  return TRUE;
}

/* What the worker found in the chunk's articles, stored: the mentions of them all in one
 * statement, then their events in another (see dossier_mention_store_save_all()). */
static gboolean
store_analyses (Batch         *batch,
                Chunk         *chunk,
                const gint64  *rowids,
                GError       **error)
{
  guint n = chunk->articles->len;
  g_autofree GArray **matches = g_new (GArray *, n + 1);
  g_autofree GPtrArray **expressions = g_new (GPtrArray *, n + 1);
  g_autofree GPtrArray **happenings = g_new (GPtrArray *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      guint position = g_array_index (chunk->positions, guint, i);
      DossierImportAnalysis *analysis = &g_array_index (chunk->analyses, DossierImportAnalysis,
                                                        position - chunk->first);

      matches[i] = analysis->matches;
      expressions[i] = analysis->expressions;
      happenings[i] = analysis->happenings;
    }

  return dossier_mention_store_save_all (batch->db, n, rowids, matches, error)
         && dossier_event_store_save_all (batch->db, n, rowids, expressions, happenings, error);
}

static gboolean
save_chunk (Batch                    *batch,
            Chunk                    *chunk,
            DossierImportFileResult  *result,
            guint                     n_articles,
            guint64                   bytes,
            GPtrArray                *saved,
            GError                  **error)
{
  g_autofree gint64 *rowids = g_new (gint64, chunk->articles->len + 1);

  if (!dossier_article_store_save_all (batch->db, chunk->articles, rowids, error)
      || g_cancellable_set_error_if_cancelled (batch->cancellable, error)
      || !store_analyses (batch, chunk, rowids, error))
    return FALSE;

  for (guint i = 0; i < chunk->articles->len; i++)
    {
      DossierArticle *article = g_ptr_array_index (chunk->articles, i);
      guint position = g_array_index (chunk->positions, guint, i);

      /* a cancel from a progress report stops the file at once */
      if (g_cancellable_set_error_if_cancelled (batch->cancellable, error))
        return FALSE;
      if (g_array_index (chunk->outcomes, Outcome, i) == OUTCOME_REPLACED)
        result->n_replaced++;
      else
        result->n_imported++;
      /* Only these are kept to the end of the file: a large file's are not all held. */
      if (g_hash_table_contains (batch->annotated, dossier_article_get_id (article)))
        g_ptr_array_add (saved, g_object_ref (article));
      report (batch, result->path, 0.5 + 0.5 * (position + 1) / n_articles, bytes, FALSE);
    }

  return TRUE;
}

/* A catalogue that learnt new names changes what the other articles mention, and with
 * it their events' entities. Only articles whose text has one of the names (as the search
 * index, which folds case and accents, finds them: a few too many, never too few) are read
 * again, so a small import into a large library stays quick. They are looked up before
 * the file's articles are written: the index then holds only the library's, merged, not
 * also the file's in the segments they are being written in (each name was looked up in
 * every one of them, 0.3 G instructions at 10,000 articles). */
static gboolean
find_naming (Batch       *batch,
             GPtrArray   *learnt,
             GHashTable  *ids,
             GError     **error)
{
  for (guint i = 0; i < learnt->len; i++)
    if (!dossier_article_store_list_ids_naming (batch->db, g_ptr_array_index (learnt, i), ids,
                                                error))
      return FALSE;

  return TRUE;
}

/* The articles of @ids, found by find_naming(), but those of the file (@skip), which were
 * analysed with the new catalogue as they were saved. */
static gboolean
reanalyse_others (Batch       *batch,
                  GHashTable  *ids,
                  GHashTable  *skip,
                  GError     **error)
{
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      g_autoptr(DossierArticle) article = NULL;
      gboolean found;
      gint64 rowid;

      if (g_hash_table_contains (skip, id))
        continue;
      if ((article = dossier_article_store_load (batch->db, id, error)) == NULL
          || !dossier_article_store_lookup (batch->db, id, &found, &rowid, NULL, error)
          || !analyse (batch, article, rowid, error))
        return FALSE;
    }

  return TRUE;
}

/* One file being saved, for its chunks. */
typedef struct
{
  DossierImportFileResult *result;
  const char              *display;
  guint64                  bytes;
  guint                    n_articles;
  GPtrArray               *saved;       /* see save_chunk() */
  GHashTable              *own;         /* the ids of its articles */
} FileSave;

/* Stages the articles of @next, which start at @first in the file, and saves them. */
static gboolean
save_next (Batch               *batch,
           FileSave            *file,
           DossierImportChunk  *next,
           guint                first,
           GError             **error)
{
  g_auto(Chunk) chunk = { 0 };

  chunk_init (&chunk, first, g_array_ref (next->analyses));
  for (guint i = 0; i < next->articles->len; i++)
    {
      DossierArticle *article = g_ptr_array_index (next->articles, i);

      g_hash_table_add (file->own, g_strdup (dossier_article_get_id (article)));
      if (g_cancellable_set_error_if_cancelled (batch->cancellable, error)
          || !stage_article (batch, &chunk, article, first + i, file->result, file->display,
                             error))
        return FALSE;
    }

  return save_chunk (batch, &chunk, file->result, file->n_articles, file->bytes, file->saved,
                     error);
}

/* Those it read and those still to read. */
static guint
count_file_articles (DossierImporter *importer)
{
  return dossier_importer_get_articles (importer)->len + dossier_importer_get_n_unread (importer);
}

/* The articles are read from the file on the worker's thread too, a chunk ahead, so the
 * JSON of a large file is parsed while the first articles are saved. The worker's
 * pipeline is stopped and joined on every way out, a cancelled one too. */
static gboolean
save_articles (Batch            *batch,
               DossierImporter  *importer,
               FileSave         *file,
               GError          **error)
{
  g_autoptr(DossierImportPipeline) pipeline = NULL;
  guint first = 0;

  if (count_file_articles (importer) == 0)
    return TRUE;

  pipeline = dossier_import_pipeline_start (importer, CHUNK_ARTICLES, batch->matcher,
                                            batch->cancellable);
  file->n_articles = dossier_import_pipeline_get_n_articles (pipeline);
  while (TRUE)
    {
      g_autoptr(DossierImportChunk) next = NULL;

      if (!dossier_import_pipeline_next_chunk (pipeline, &next, error))
        return FALSE;
      if (next == NULL)
        return TRUE;
      if (!save_next (batch, file, next, first, error))
        return FALSE;
      first += next->articles->len;
    }
}

/* Everything of one file, inside its transaction. */
static gboolean
save_file (Batch                    *batch,
           DossierImporter          *importer,
           DossierImportFileResult  *result,
           const char               *display,
           guint64                   bytes,
           GPtrArray                *saved,
           GError                  **error)
{
  GPtrArray *entities = dossier_importer_get_entities (importer);
  g_autoptr(GPtrArray) learnt = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) naming = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  FileSave file = { result, display, bytes, 0, saved, own };

  if (!_dossier_import_save_entities (batch, entities, learnt, error)
      || !find_naming (batch, learnt, naming, error)
      || !save_articles (batch, importer, &file, error))
    return FALSE;

  result->n_entities = entities->len;
  return reanalyse_others (batch, naming, own, error);
}

/* Annotations */

/* Anchors the annotations of the article @id to its text as it is now, or makes them
 * orphans when @article is NULL (gone). */
gboolean
_dossier_library_anchor_annotations (DossierDatabase  *db,
                                     const char       *id,
                                     DossierArticle   *article,
                                     GError          **error)
{
  DossierAnnotationFilter filter = DOSSIER_ANNOTATION_FILTER_INIT;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);

  filter.article_id = id;
  if ((annotations = dossier_annotation_store_list (db, &filter, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < annotations->len; i++)
    if (dossier_anchor_apply (g_ptr_array_index (annotations, i), article))
      g_ptr_array_add (changed, g_object_ref (g_ptr_array_index (annotations, i)));

  return changed->len == 0 || dossier_annotation_store_save_all (db, changed, error);
}

/* After the file's transaction, the saved articles that have annotations: each
 * annotation change is a transaction of its own. An annotation this misses is anchored
 * when its article is next loaded (its hash differs). */
static gboolean
anchor_saved (DossierDatabase  *db,
              GPtrArray        *saved,
              GError          **error)
{
  for (guint i = 0; i < saved->len; i++)
    {
      DossierArticle *article = g_ptr_array_index (saved, i);

      if (!_dossier_library_anchor_annotations (db, dossier_article_get_id (article), article,
                                                error))
        return FALSE;
    }

  return TRUE;
}

/* Files */

static void
reject (DossierImportFileResult *result,
        GError                  *error)
{
  result->n_imported = result->n_present = result->n_replaced = result->n_entities = 0;
  result->error = error;
}

static DossierImportFileResult *
import_file (Batch      *batch,
             const char *path)
{
  DossierImportFileResult *result = g_new0 (DossierImportFileResult, 1);
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *display = g_filename_display_name (path);
  guint64 bytes = file_size (path);
  GError *error = NULL;

  result->path = g_strdup (path);
  report (batch, path, 0, bytes, TRUE);
  g_clear_pointer (&batch->annotated, g_hash_table_unref);
  if (!dossier_importer_open_file (importer, path, &error)
      || g_cancellable_set_error_if_cancelled (batch->cancellable, &error)
      || !dossier_database_begin (batch->db, &error))
    {
      reject (result, error);
      return result;
    }

  if ((batch->annotated = dossier_annotation_store_count_by_article (batch->db, &error)) == NULL
      || !dossier_search_store_begin_import (batch->db, count_file_articles (importer), &error)
      || !save_file (batch, importer, result, display, bytes, saved, &error)
      || !dossier_search_store_end_import (batch->db, &error)
      || !dossier_database_commit (batch->db, &error))
    {
      dossier_database_rollback (batch->db);
      reject (result, error);
      return result;
    }

  batch->saved_any = batch->saved_any || result->n_imported + result->n_replaced > 0;
  if (!anchor_saved (batch->db, saved, &error))
    {
      g_warning ("%s", error->message);
      g_clear_error (&error);
    }
  return result;
}

static void
add_result (DossierImportSummary    *summary,
            DossierImportFileResult *result)
{
  summary->n_imported += result->n_imported;
  summary->n_present += result->n_present;
  summary->n_replaced += result->n_replaced;
  if (result->error != NULL && g_error_matches (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    summary->cancelled = TRUE;
  else if (result->error != NULL)
    summary->n_rejected++;
  g_ptr_array_add (summary->files, result);
}

typedef struct
{
  char   *path;
  gint64  n_new;
} Tidy;

/* Searches read a merged full-text index faster; a failure here loses nothing. */
static void
tidy_index (DossierDatabase *db,
            gint64           n_new)
{
  g_autoptr(GError) error = NULL;

  if (!dossier_search_store_tidy_index (db, n_new, &error))
    g_warning ("Could not merge the search index: %s", error->message);
}

static gpointer
tidy_in_thread (gpointer data)
{
  Tidy *tidy = data;
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = dossier_database_open (tidy->path, DOSSIER_DATABASE_WRITABLE, &error);
  if (db == NULL)
    g_warning ("Could not merge the search index: %s", error->message);
  else
    tidy_index (db, tidy->n_new);

  g_free (tidy->path);
  g_free (tidy);
  return NULL;
}

/* The search index is merged on a connection of its own, on another thread, while this
 * one reads the events and works out their groups: at 10,000 articles each takes a few
 * tenths of a second. The groups are written once the index is merged, so neither
 * connection waits for the other's write lock. */
static gboolean
regroup_and_tidy (Batch                 *batch,
                  DossierImportSummary  *summary,
                  GError               **error)
{
  const char *path = dossier_database_get_path (batch->db);
  gint64 n_new = summary->n_imported + summary->n_replaced;
  g_autoptr(GArray) grouping = NULL;
  GThread *thread = NULL;

  /* A database that is not a file of its own (":memory:") has no second connection. */
  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      Tidy *tidy = g_new0 (Tidy, 1);

      tidy->path = g_strdup (path);
      tidy->n_new = n_new;
      thread = g_thread_new ("dossier-tidy", tidy_in_thread, tidy);
    }
  else
    tidy_index (batch->db, n_new);

  grouping = dossier_event_store_group (batch->db, error);
  if (thread != NULL)
    g_thread_join (thread);
  if (grouping == NULL || !dossier_database_begin (batch->db, error))
    return FALSE;

  if (!dossier_event_store_save_groups (batch->db, grouping, error)
      || !dossier_database_commit (batch->db, error))
    {
      dossier_database_rollback (batch->db);
      return FALSE;
    }

  return TRUE;
}

/**
 * dossier_library_import_files:
 * @paths: (array zero-terminated=1): files in the import format (JSON), or plain text
 *   (.txt) or Markdown (.md) articles
 * @progress: (nullable) (scope call): told how far the batch is, on the calling thread
 * @cancellable: (nullable): stops the batch between two articles; the file being read
 *   then imports nothing, those before it stay imported
 *
 * Imports @paths one after the other, each file in one transaction: a file with any error
 * imports nothing, is listed with its error and the batch goes on. Runs on the thread
 * that uses @self; dossier_library_import_files_async() runs it off the main thread.
 *
 * Returns: (transfer full): what each file gave, or %NULL when the database failed while
 *   regrouping the timeline after the files were saved
 */
DossierImportSummary *
dossier_library_import_files (DossierLibrary             *self,
                              const char * const         *paths,
                              DossierImportProgressFunc   progress,
                              gpointer                    progress_data,
                              GCancellable               *cancellable,
                              GError                    **error)
{
  g_autoptr(DossierImportSummary) summary = g_new0 (DossierImportSummary, 1);
  Batch batch = { dossier_library_get_database (self), NULL, cancellable, progress,
                  progress_data, 0, 0, 0, FALSE, NULL };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  summary->files = g_ptr_array_new_with_free_func ((GDestroyNotify) file_result_free);
  dossier_database_exec (batch.db, "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KIB), NULL);
  dossier_database_exec (batch.db, "PRAGMA temp_store = MEMORY", NULL);
  for (guint i = 0; paths[i] != NULL; i++)
    batch.total_bytes += file_size (paths[i]);

  for (guint i = 0; paths[i] != NULL && !summary->cancelled; i++)
    {
      add_result (summary, import_file (&batch, paths[i]));
      batch.done_bytes += file_size (paths[i]);
    }

  g_clear_object (&batch.matcher);
  g_clear_pointer (&batch.annotated, g_hash_table_unref);
  dossier_database_exec (batch.db, "PRAGMA cache_size = -2000", NULL);
  if (batch.saved_any && !regroup_and_tidy (&batch, summary, error))
    return NULL;

  report (&batch, NULL, 0, 0, TRUE);
  return g_steal_pointer (&summary);
}
