/* dossier-import-pipeline.c: an import's database-free work, on a thread of its own
 *
 * About a third of an import is work on the articles' texts that needs no database: the
 * text's hash (for the duplicate check), the entities it names, the dates it gives and the
 * kind of happening each dated sentence names. A worker thread does it a chunk of articles
 * ahead, while the importing thread writes the previous chunk's rows: the SQLite
 * connection stays on that thread alone (of the stores, the worker calls only functions
 * that take no database). The worker is never more than a few chunks ahead, so the
 * analyses of a large file do not pile up.
 *
 * What the worker touches is read-only while it runs: the importer's articles (their
 * hash is set once, atomically), the matcher (built before the articles are saved, from
 * the catalogue the file's own entities are already merged into), and the constant tables
 * of the date extractor and of the happenings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include "dossier-date-extractor.h"
#include "dossier-event-store.h"
#include "dossier-import-pipeline.h"

/* Chunks analysed and not yet taken, at most. */
#define CHUNKS_AHEAD 2

struct _DossierImportPipeline
{
  GPtrArray            *articles;     /* borrowed: they outlive the pipeline */
  guint                 chunk_size;
  DossierEntityMatcher *matcher;
  GCancellable         *cancellable;  /* nullable */
  GThread              *thread;

  GMutex                lock;
  GCond                 changed;
  GQueue                ready;        /* GArray of DossierImportAnalysis per chunk, in order */
  gboolean              finished;     /* the worker is done: all analysed, cancelled or told */
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

/* In the worker: the chunk starting at @first, or NULL when stopped or cancelled midway.
 * Every article is analysed, those the library turns out to have too: only the importing
 * thread can ask the database, and an unused analysis is cheap. */
static GArray *
analyse_chunk (DossierImportPipeline *self,
               guint                  first)
{
  guint end = MIN (first + self->chunk_size, self->articles->len);
  g_autoptr(GArray) analyses = g_array_sized_new (FALSE, FALSE, sizeof (DossierImportAnalysis),
                                                  end - first);

  g_array_set_clear_func (analyses, analysis_clear);
  for (guint i = first; i < end; i++)
    {
      DossierArticle *article = g_ptr_array_index (self->articles, i);
      const char *text = dossier_article_get_text (article);
      DossierImportAnalysis analysis;

      if (should_stop (self))
        return NULL;
      /* computed once and kept in the article, for the duplicate check */
      dossier_article_get_text_hash (article);
      analysis.matches = dossier_entity_matcher_find (self->matcher, text, -1);
      analysis.expressions = dossier_date_extract (text, dossier_article_get_published (article));
      analysis.happenings = dossier_event_store_guess_happenings (text, analysis.expressions);
      g_array_append_val (analyses, analysis);
    }

  return g_steal_pointer (&analyses);
}

static gpointer
run_worker (gpointer data)
{
  DossierImportPipeline *self = data;

  for (guint first = 0; first < self->articles->len; first += self->chunk_size)
    {
      GArray *analyses;

      if (!wait_for_room (self) || (analyses = analyse_chunk (self, first)) == NULL)
        break;
      g_mutex_lock (&self->lock);
      g_queue_push_tail (&self->ready, analyses);
      g_cond_broadcast (&self->changed);
      g_mutex_unlock (&self->lock);
    }

  g_mutex_lock (&self->lock);
  self->finished = TRUE;
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);
  return NULL;
}

/**
 * dossier_import_pipeline_start:
 * @articles: (element-type DossierArticle): to analyse, in this order; they must not
 *   change until dossier_import_pipeline_stop()
 * @matcher: the catalogue to find in them, final for the whole import
 * @cancellable: (nullable): stops the worker between two articles
 *
 * Starts a worker that analyses @articles @chunk_size at a time; take the chunks in order
 * with dossier_import_pipeline_next_chunk().
 */
DossierImportPipeline *
dossier_import_pipeline_start (GPtrArray            *articles,
                               guint                 chunk_size,
                               DossierEntityMatcher *matcher,
                               GCancellable         *cancellable)
{
  DossierImportPipeline *self;

  g_return_val_if_fail (articles != NULL && chunk_size > 0, NULL);
  g_return_val_if_fail (DOSSIER_IS_ENTITY_MATCHER (matcher), NULL);

  self = g_new0 (DossierImportPipeline, 1);
  self->articles = articles;
  self->chunk_size = chunk_size;
  self->matcher = g_object_ref (matcher);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_mutex_init (&self->lock);
  g_cond_init (&self->changed);
  g_queue_init (&self->ready);
  self->thread = g_thread_new ("dossier-import", run_worker, self);
  return self;
}

/**
 * dossier_import_pipeline_next_chunk:
 *
 * Waits for the next chunk's analyses.
 *
 * Returns: (transfer full) (nullable) (element-type DossierImportAnalysis): one per
 *   article of the chunk, in order; %NULL when the import was cancelled (or every chunk
 *   was taken)
 */
GArray *
dossier_import_pipeline_next_chunk (DossierImportPipeline *self)
{
  GArray *analyses;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  while (self->ready.length == 0 && !self->finished)
    g_cond_wait (&self->changed, &self->lock);
  analyses = g_queue_pop_head (&self->ready);
  g_cond_broadcast (&self->changed);
  g_mutex_unlock (&self->lock);
  return analyses;
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

  g_queue_clear_full (&self->ready, (GDestroyNotify) g_array_unref);
  g_clear_object (&self->matcher);
  g_clear_object (&self->cancellable);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->changed);
  g_free (self);
}
