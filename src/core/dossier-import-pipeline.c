/* dossier-import-pipeline.c: an import's database-free work, on a thread of its own
 *
 * About half of an import is work on the articles that needs no database: reading each
 * one from the file's JSON, the text's hash (for the duplicate check), the entities it
 * names, the dates it gives and the kind of happening each dated sentence names. A worker
 * thread does it a chunk of articles ahead, while the importing thread writes the previous
 * chunk's rows: the SQLite connection stays on that thread alone (of the stores, the
 * worker calls only functions that take no database). The worker is never more than a few
 * chunks ahead, so the articles and analyses of a large file do not pile up.
 *
 * What the worker touches is its own or read-only while it runs: the articles it reads
 * (dossier_importer_read_next() touches nothing the importing thread uses) or those the
 * importer read before (their hash is set once, atomically), the matcher (built before
 * the articles are saved, from the catalogue the file's own entities are already merged
 * into), and the constant tables of the date extractor and of the happenings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-date-extractor.h"
#include "dossier-event-store.h"
#include "dossier-import-pipeline.h"

/* Chunks analysed and not yet taken, at most. */
#define CHUNKS_AHEAD 2

struct _DossierImportPipeline
{
  DossierImporter      *importer;
  guint                 n_read;       /* articles the importer had read before */
  guint                 n_articles;   /* those and its unread ones */
  guint                 chunk_size;
  DossierEntityMatcher *matcher;
  GCancellable         *cancellable;  /* nullable */
  GThread              *thread;

  GMutex                lock;
  GCond                 changed;
  GQueue                ready;        /* DossierImportChunk, in order */
  guint                 n_taken;      /* articles the importing thread took */
  gboolean              finished;     /* the worker is done: all analysed, cancelled or told */
  GError               *error;        /* why the worker stopped early: a bad article */
  int                   stopping;     /* the importing thread wants no more; atomic */
};

static void
analysis_clear (gpointer data)
{
  DossierImportAnalysis *analysis = data;

  g_clear_pointer (&analysis->matches, g_array_unref);
  g_clear_pointer (&analysis->expressions, g_ptr_array_unref);
  g_clear_pointer (&analysis->happenings, g_ptr_array_unref);
}

void
dossier_import_chunk_free (DossierImportChunk *chunk)
{
  if (chunk == NULL)
    return;

  g_clear_pointer (&chunk->articles, g_ptr_array_unref);
  g_clear_pointer (&chunk->analyses, g_array_unref);
  g_free (chunk);
}

static gboolean
should_stop (DossierImportPipeline *self)
{
  return g_atomic_int_get (&self->stopping) || g_cancellable_is_cancelled (self->cancellable);
}

/* In the worker: FALSE when told to stop while the importing thread had enough ahead. */
static gboolean
wait_for_room (DossierImportPipeline *self)
{
  gboolean go_on;

  g_mutex_lock (&self->lock);
  while (self->ready.length >= CHUNKS_AHEAD && !g_atomic_int_get (&self->stopping))
    g_cond_wait (&self->changed, &self->lock);
  go_on = !g_atomic_int_get (&self->stopping);
  g_mutex_unlock (&self->lock);
  return go_on;
}

/* In the worker: article @i, read now if the importer had not read it yet. */
static DossierArticle *
take_article (DossierImportPipeline  *self,
              guint                   i,
              GError                **error)
{
  if (i < self->n_read)
    return g_object_ref (g_ptr_array_index (dossier_importer_get_articles (self->importer), i));

  return dossier_importer_read_next (self->importer, error);
}

/* In the worker: the chunk starting at @first, or NULL when stopped, cancelled or on a bad
 * article (@error set). Every article is analysed, those the library turns out to have
 * too: only the importing thread can ask the database, and an unused analysis is cheap. */
static DossierImportChunk *
analyse_chunk (DossierImportPipeline  *self,
               guint                   first,
               GError                **error)
{
  guint end = MIN (first + self->chunk_size, self->n_articles);
  g_autoptr(DossierImportChunk) chunk = g_new0 (DossierImportChunk, 1);

  chunk->articles = g_ptr_array_new_full (end - first, g_object_unref);
  chunk->analyses = g_array_sized_new (FALSE, FALSE, sizeof (DossierImportAnalysis),
                                       end - first);
  g_array_set_clear_func (chunk->analyses, analysis_clear);
  for (guint i = first; i < end; i++)
    {
      DossierArticle *article;
      DossierImportAnalysis analysis;
      const char *text;

      if (should_stop (self) || (article = take_article (self, i, error)) == NULL)
        return NULL;
      g_ptr_array_add (chunk->articles, article);
      text = dossier_article_get_text (article);
      /* computed once and kept in the article, for the duplicate check */
      dossier_article_get_text_hash (article);
      analysis.matches = dossier_entity_matcher_find (self->matcher, text, -1);
      analysis.expressions = dossier_date_extract (text, dossier_article_get_published (article));
      analysis.happenings = dossier_event_store_guess_happenings (text, analysis.expressions);
      g_array_append_val (chunk->analyses, analysis);
    }

  return g_steal_pointer (&chunk);
}

static gpointer
run_worker (gpointer data)
{
  DossierImportPipeline *self = data;
  GError *error = NULL;

  for (guint first = 0; first < self->n_articles; first += self->chunk_size)
    {
      DossierImportChunk *chunk;

      if (!wait_for_room (self) || (chunk = analyse_chunk (self, first, &error)) == NULL)
        break;
      g_mutex_lock (&self->lock);
      g_queue_push_tail (&self->ready, chunk);
      g_cond_broadcast (&self->changed);
      g_mutex_unlock (&self->lock);
    }

  g_mutex_lock (&self->lock);
  self->error = error;
  self->finished = TRUE;
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);
  return NULL;
}

/**
 * dossier_import_pipeline_start:
 * @importer: the file's importer: the articles it read, then those it has still to read
 *   (dossier_importer_read_next()), which only the worker may read until
 *   dossier_import_pipeline_stop()
 * @matcher: the catalogue to find in them, final for the whole import
 * @cancellable: (nullable): stops the worker between two articles
 *
 * Starts a worker that reads and analyses the articles @chunk_size at a time; take the
 * chunks in order with dossier_import_pipeline_next_chunk().
 */
DossierImportPipeline *
dossier_import_pipeline_start (DossierImporter      *importer,
                               guint                 chunk_size,
                               DossierEntityMatcher *matcher,
                               GCancellable         *cancellable)
{
  DossierImportPipeline *self;

  g_return_val_if_fail (DOSSIER_IS_IMPORTER (importer) && chunk_size > 0, NULL);
  g_return_val_if_fail (DOSSIER_IS_ENTITY_MATCHER (matcher), NULL);

  self = g_new0 (DossierImportPipeline, 1);
  self->importer = g_object_ref (importer);
  self->n_read = dossier_importer_get_articles (importer)->len;
  self->n_articles = self->n_read + dossier_importer_get_n_unread (importer);
  self->chunk_size = chunk_size;
  self->matcher = g_object_ref (matcher);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_mutex_init (&self->lock);
  g_cond_init (&self->changed);
  g_queue_init (&self->ready);
  self->thread = g_thread_new ("dossier-import", run_worker, self);
  return self;
}

/* How many articles the chunks hold in all, when none is bad. */
guint
dossier_import_pipeline_get_n_articles (DossierImportPipeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_articles;
}

/* After the last chunk: why the worker stopped early, if it did. */
static gboolean
set_stop_error (DossierImportPipeline  *self,
                GError                **error)
{
  if (self->n_taken == self->n_articles)
    return TRUE;
  if (self->error != NULL)
    g_propagate_error (error, g_steal_pointer (&self->error));
  else if (!g_cancellable_set_error_if_cancelled (self->cancellable, error))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Import cancelled"));
  return FALSE;
}

/**
 * dossier_import_pipeline_next_chunk:
 * @chunk: (out) (transfer full) (nullable): the next chunk's articles and their analyses,
 *   or %NULL after the last one
 *
 * Waits for the next chunk.
 *
 * Returns: %FALSE with @error set when an article could not be read or the import was
 *   cancelled
 */
gboolean
dossier_import_pipeline_next_chunk (DossierImportPipeline  *self,
                                    DossierImportChunk    **chunk,
                                    GError                **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->lock);
  while (self->ready.length == 0 && !self->finished)
    g_cond_wait (&self->changed, &self->lock);
  *chunk = g_queue_pop_head (&self->ready);
  if (*chunk != NULL)
    self->n_taken += (*chunk)->articles->len;
  else
    ok = set_stop_error (self, error);
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);
  return ok;
}

/* Tells the worker to stop, waits for it, and frees what it analysed for nothing. */
void
dossier_import_pipeline_stop (DossierImportPipeline *self)
{
  if (self == NULL)
    return;

  g_mutex_lock (&self->lock);
  g_atomic_int_set (&self->stopping, TRUE);
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);
  g_thread_join (self->thread);

  g_queue_clear_full (&self->ready, (GDestroyNotify) dossier_import_chunk_free);
  g_clear_error (&self->error);
  g_clear_object (&self->importer);
  g_clear_object (&self->matcher);
  g_clear_object (&self->cancellable);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->changed);
  g_free (self);
}
