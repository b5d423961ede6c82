/* dossier-search-top.c: the best matches of a full-text query, kept while FTS5 scans
 *
 * ORDER BY rank makes FTS5 (3.40) rank every match and sort them all before it returns
 * the first row; for a word found in most articles the sort costs as much as the ranking.
 * Here FTS5 calls dossier_top() once per match, in rowid order, and the function keeps
 * only the best offset + limit + 1 in a heap, or, for a search with filters, keeps them
 * all to hand them over best first. The score is FTS5's own bm25, computed the same way
 * (same constants, same sums in the same order), with each article's length read from
 * dossier-search-lengths.c rather than looked up a match at a time, so the order of the
 * results is the one ORDER BY rank gives; test-search-ranking checks the two against each
 * other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-search-top"

#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "dossier-search-top.h"

/* As bm25(5.0, 1.0) in dossier-search-store.c: title, body. */
static const double column_weights[] = { 5.0, 1.0 };

/* Reading every article's length again (dossier-search-lengths.c) costs about a seventh
 * of looking up one a match; it is worth it from one match in eight articles, and is done
 * when the scan reaches that many. */
#define MANY_MATCHES 8

#define BM25_K1 1.2
#define BM25_B  0.75

typedef struct
{
  double score;     /* higher is better: -rank */
  gint64 rowid;
} Entry;

/* The idf of a query of several phrases, shared by the collectors of the parts of a
 * shared scan (dossier-search-split.c): each phrase's articles are counted once, by
 * whichever collector claims it first, and the others wait for what they did not claim. */
typedef enum
{
  PHRASE_UNCLAIMED,
  PHRASE_COUNTING,
  PHRASE_COUNTED,
} PhraseState;

struct _DossierSearchIdf
{
  GMutex       mutex;
  GCond        counted;
  int          n_phrases;   /* 0 until the first collector is ready */
  PhraseState *states;
  double      *idf;
  int          error;
};

struct _DossierSearchTop
{
  Entry   *heap;          /* see keep () */
  guint    capacity;      /* 0: unbounded */
  guint    allocated;
  guint    n_entries;
  gboolean popping;
  int      error;
  DossierSearchLengths *lengths;  /* not owned; NULL: FTS5's own lookup for each match */
  gboolean lengths_fixed;         /* read before the scan, used as they are, or not */
  DossierSearchIdf *shared_idf;   /* not owned, or NULL */

  const gint64 *hidden;   /* sorted rowids the search leaves out, not owned */
  guint         n_hidden;

  /* Per query, computed at the first row */
  gboolean      ready;
  int           n_phrases;
  sqlite3_int64 n_rows;
  double        average_length;
  double       *idf;
  gboolean      idf_deferred;
  double       *frequencies;

  gint64        n_matches;        /* so far, hidden ones included */
  gint64        prepare_usec;     /* CPU time, mostly the idf's counts */

  /* The scan stops at the first match from this rowid on, noted in stopped_at */
  gint64        stop_from;
  gint64        stopped_at;
  gboolean      reading_lengths;
};

DossierSearchTop *
_dossier_search_top_new (guint                 capacity,
                         DossierSearchLengths *lengths)
{
  DossierSearchTop *self = g_new0 (DossierSearchTop, 1);

  self->lengths = lengths;
  self->capacity = capacity;
  self->allocated = capacity;
  self->heap = g_new (Entry, self->allocated);
  self->stop_from = G_MAXINT64;
  self->stopped_at = -1;
  return self;
}

void
_dossier_search_top_free (DossierSearchTop *self)
{
  if (self == NULL)
    return;

  g_free (self->heap);
  g_free (self->idf);
  g_free (self->frequencies);
  g_free (self);
}

/* The CPU time the first match took before its scoring (the idf's counts), which tells
 * nothing of how long the scan of the other matches takes. */
gint64
_dossier_search_top_get_prepare_usec (DossierSearchTop *self)
{
  return self->prepare_usec;
}

/* FTS5 checks a scan's last rowid only once it has found the next match, which for a
 * phrase or NEAR with few matches may be far beyond; a scan that stops at the first match
 * from @rowid on lets the next scan start exactly there. G_MAXINT64: never stops. */
void
_dossier_search_top_stop_from (DossierSearchTop *self,
                               gint64            rowid)
{
  self->stop_from = rowid;
  self->stopped_at = -1;
}

/* Where the last scan stopped (see above), or -1 if it went to its end. */
gint64
_dossier_search_top_get_stopped_at (DossierSearchTop *self)
{
  return self->stopped_at;
}

/* The matches seen so far, hidden ones included. */
gint64
_dossier_search_top_get_n_matches (DossierSearchTop *self)
{
  return self->n_matches;
}

/* An SQLite error code from the scan, or SQLITE_OK. */
int
_dossier_search_top_get_error (DossierSearchTop *self)
{
  return self->error;
}

/* Whether a goes before b at the root of a heap. */
typedef gboolean (*Before) (const Entry *a,
                            const Entry *b);

static gboolean
is_worse (const Entry *a,
          const Entry *b)
{
  return a->score < b->score || (a->score == b->score && a->rowid > b->rowid);
}

static gboolean
is_better (const Entry *a,
           const Entry *b)
{
  return is_worse (b, a);
}

static void
swap (Entry *a,
      Entry *b)
{
  Entry tmp = *a;

  *a = *b;
  *b = tmp;
}

static void
sift_down (Entry  *heap,
           guint   n,
           guint   i,
           Before  before)
{
  for (;;)
    {
      guint first = i, left = 2 * i + 1, right = 2 * i + 2;

      if (left < n && before (&heap[left], &heap[first]))
        first = left;
      if (right < n && before (&heap[right], &heap[first]))
        first = right;
      if (first == i)
        return;
      swap (&heap[i], &heap[first]);
      i = first;
    }
}

static void
sift_up (Entry *heap,
         guint  i)
{
  while (i > 0 && is_worse (&heap[i], &heap[(i - 1) / 2]))
    {
      swap (&heap[i], &heap[(i - 1) / 2]);
      i = (i - 1) / 2;
    }
}

/* Bounded, the worst kept entry is at the root, to be replaced by a better one; unbounded,
 * every match is kept, in no order until the first pop. */
static void
keep (DossierSearchTop *self,
      double            score,
      gint64            rowid)
{
  Entry entry = { score, rowid };

  if (self->capacity == 0)
    {
      if (self->n_entries == self->allocated)
        {
          self->allocated = MAX (2 * self->allocated, 1024);
          self->heap = g_renew (Entry, self->heap, self->allocated);
        }
      self->heap[self->n_entries++] = entry;
    }
  else if (self->n_entries < self->capacity)
    {
      self->heap[self->n_entries] = entry;
      sift_up (self->heap, self->n_entries++);
    }
  else if (is_worse (&self->heap[0], &entry))
    {
      self->heap[0] = entry;
      sift_down (self->heap, self->n_entries, 0, is_worse);
    }
}

static double
idf_for (sqlite3_int64 n_rows,
         gint64        n_hits)
{
  double idf = log ((n_rows - n_hits + 0.5) / (n_hits + 0.5));

  return idf <= 0.0 ? 1e-6 : idf;
}

static gboolean
is_hidden (DossierSearchTop *self,
           gint64            rowid)
{
  guint low = 0, high = self->n_hidden;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (self->hidden[middle] < rowid)
        low = middle + 1;
      else
        high = middle;
    }

  return low < self->n_hidden && self->hidden[low] == rowid;
}

static int
count_row (const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           void                   *user_data)
{
  (*(gint64 *) user_data)++;
  return SQLITE_OK;
}

/* The idf of phrase @i: a scan of its articles. */
static int
count_phrase_articles (DossierSearchTop       *self,
                       const Fts5ExtensionApi *api,
                       Fts5Context            *fts,
                       int                     i,
                       double                 *idf)
{
  gint64 n_hits = 0;
  int rc = api->xQueryPhrase (fts, i, &n_hits, count_row);

  *idf = idf_for (self->n_rows, n_hits);
  return rc;
}

/* Under the mutex: a phrase nobody counts yet, or -1. */
static int
claim_phrase (DossierSearchIdf *shared)
{
  for (int i = 0; shared->error == SQLITE_OK && i < shared->n_phrases; i++)
    if (shared->states[i] == PHRASE_UNCLAIMED)
      {
        shared->states[i] = PHRASE_COUNTING;
        return i;
      }

  return -1;
}

static gboolean
is_counting (DossierSearchIdf *shared)
{
  for (int i = 0; i < shared->n_phrases; i++)
    if (shared->states[i] == PHRASE_COUNTING)
      return TRUE;

  return FALSE;
}

/* Counts the phrases the other half has not claimed, then waits for those it has: a
 * collector only waits for a count under way, so neither waits for ever. */
static int
share_idf (DossierSearchTop       *self,
           const Fts5ExtensionApi *api,
           Fts5Context            *fts)
{
  DossierSearchIdf *shared = self->shared_idf;
  int i, rc;

  g_mutex_lock (&shared->mutex);
  if (shared->n_phrases == 0)
    {
      shared->n_phrases = self->n_phrases;
      shared->states = g_new0 (PhraseState, self->n_phrases);
      shared->idf = g_new0 (double, self->n_phrases);
    }
  g_assert (shared->n_phrases == self->n_phrases);

  while ((i = claim_phrase (shared)) >= 0)
    {
      double idf = 0.0;

      g_mutex_unlock (&shared->mutex);
      rc = count_phrase_articles (self, api, fts, i, &idf);
      g_mutex_lock (&shared->mutex);
      shared->idf[i] = idf;
      shared->states[i] = PHRASE_COUNTED;
      if (rc != SQLITE_OK)
        shared->error = rc;
      g_cond_broadcast (&shared->counted);
    }
  while (is_counting (shared))
    g_cond_wait (&shared->counted, &shared->mutex);

  memcpy (self->idf, shared->idf, self->n_phrases * sizeof (double));
  rc = shared->error;
  g_mutex_unlock (&shared->mutex);
  return rc;
}

/* Reading every article's length pays once many articles match; an error only leaves the
 * lookups to FTS5. */
static void
use_lengths (DossierSearchTop *self)
{
  g_autoptr(GError) error = NULL;

  if (!_dossier_search_lengths_update (self->lengths, &error))
    {
      g_debug ("Ranking without the lengths: %s", error->message);
      self->lengths = NULL;
    }
  self->reading_lengths = self->lengths != NULL;
}

/* What bm25 needs once a query: the average length and each phrase's idf. The idf of a
 * query of one phrase is left for the end: it only scales every score alike, and the
 * phrase's count of articles is then the number of matches, counted while scanning,
 * instead of a scan of its own. */
static int
prepare (DossierSearchTop       *self,
         const Fts5ExtensionApi *api,
         Fts5Context            *fts)
{
  sqlite3_int64 n_tokens = 0;
  int rc;

  self->n_phrases = api->xPhraseCount (fts);
  self->idf = g_new0 (double, self->n_phrases);
  self->frequencies = g_new0 (double, self->n_phrases);

  rc = api->xRowCount (fts, &self->n_rows);
  if (rc == SQLITE_OK)
    rc = api->xColumnTotalSize (fts, -1, &n_tokens);
  self->average_length = self->n_rows > 0 ? (double) n_tokens / (double) self->n_rows : 1.0;

  /* Read for an earlier search and still current: they cost nothing more. */
  if (!self->lengths_fixed)
    self->reading_lengths = self->lengths != NULL
                            && _dossier_search_lengths_is_current (self->lengths);

  self->idf_deferred = self->n_phrases == 1;
  if (self->idf_deferred)
    self->idf[0] = 1.0;
  else if (rc == SQLITE_OK && self->shared_idf != NULL)
    rc = share_idf (self, api, fts);
  for (int i = 0; rc == SQLITE_OK && !self->idf_deferred && self->shared_idf == NULL
                  && i < self->n_phrases; i++)
    rc = count_phrase_articles (self, api, fts, i, &self->idf[i]);

  self->ready = TRUE;
  return rc;
}

/* A phrase's occurrences in the current row, weighted by column. The positions come
 * straight from the phrase's position list, as xInst's do, without the merged array of
 * every phrase's instances that xInstCount builds. */
static int
count_phrase (const Fts5ExtensionApi *api,
              Fts5Context            *fts,
              int                     phrase,
              double                 *frequency)
{
  Fts5PhraseIter iter;
  int column = -1, offset = 0;
  int rc = api->xPhraseFirst (fts, phrase, &iter, &column, &offset);

  *frequency = 0.0;
  while (rc == SQLITE_OK && column >= 0)
    {
      *frequency += column < (int) G_N_ELEMENTS (column_weights) ? column_weights[column] : 1.0;
      api->xPhraseNext (fts, &iter, &column, &offset);
    }

  return rc;
}

/* FTS5's bm25 for the current row, positive. */
static int
score_row (DossierSearchTop       *self,
           const Fts5ExtensionApi *api,
           Fts5Context            *fts,
           gint64                  rowid,
           double                 *score)
{
  int n_tokens = 0;
  double length;
  int rc = SQLITE_OK;

  for (int i = 0; rc == SQLITE_OK && i < self->n_phrases; i++)
    rc = count_phrase (api, fts, i, &self->frequencies[i]);
  if (rc == SQLITE_OK
      && (!self->reading_lengths
          || !_dossier_search_lengths_lookup (self->lengths, rowid, &n_tokens)))
    rc = api->xColumnSize (fts, -1, &n_tokens);

  length = n_tokens;
  *score = 0.0;
  for (int i = 0; rc == SQLITE_OK && i < self->n_phrases; i++)
    *score += self->idf[i] * ((self->frequencies[i] * (BM25_K1 + 1.0))
                              / (self->frequencies[i]
                                 + BM25_K1 * (1 - BM25_B
                                              + BM25_B * length / self->average_length)));
  return rc;
}

/* This thread's CPU time so far: what a scan costs whatever else the machine runs. */
gint64
_dossier_search_thread_cpu_usec (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
top_function (const Fts5ExtensionApi  *api,
              Fts5Context             *fts,
              sqlite3_context         *context,
              int                      n_values,
              sqlite3_value          **values)
{
  DossierSearchTop *self = n_values > 0
    ? sqlite3_value_pointer (values[0], DOSSIER_SEARCH_TOP_POINTER) : NULL;
  gint64 rowid = api->xRowid (fts);
  double score = 0.0;
  int rc = SQLITE_OK;

  if (self == NULL)
    {
      sqlite3_result_error (context, "dossier_top: no collector", -1);
      return;
    }
  /* Uncounted: the scan that goes on from there sees it. */
  if (rowid >= self->stop_from)
    {
      self->stopped_at = rowid;
      sqlite3_result_error (context, "dossier_top: stopped", -1);
      return;
    }

  if (!self->ready)
    {
      gint64 start = _dossier_search_thread_cpu_usec ();

      rc = prepare (self, api, fts);
      self->prepare_usec = _dossier_search_thread_cpu_usec () - start;
    }
  if (++self->n_matches * MANY_MATCHES >= self->n_rows && !self->reading_lengths
      && self->lengths != NULL && !self->lengths_fixed)
    use_lengths (self);
  if (rc == SQLITE_OK && !is_hidden (self, rowid))
    {
      rc = score_row (self, api, fts, rowid, &score);
      if (rc == SQLITE_OK)
        keep (self, score, rowid);
    }

  if (rc != SQLITE_OK)
    {
      self->error = rc;
      sqlite3_result_error_code (context, rc);
      return;
    }
  sqlite3_result_null (context);
}

/* Makes dossier_top() known to the connection's FTS5; once per connection. */
int
_dossier_search_top_register (fts5_api *api)
{
  return api->xCreateFunction (api, DOSSIER_SEARCH_TOP_FUNCTION, NULL, top_function, NULL);
}

/* The rowids to leave out, sorted, which must outlive the scan. */
void
_dossier_search_top_set_hidden (DossierSearchTop *self,
                                const gint64     *hidden,
                                guint             n_hidden)
{
  self->hidden = hidden;
  self->n_hidden = n_hidden;
}

/* For a scan shared between threads (dossier-search-split.c): @fixed, not owned, is a
 * copy of current lengths (_dossier_search_lengths_copy()), used as it is. */
void
_dossier_search_top_fix_lengths (DossierSearchTop     *self,
                                 DossierSearchLengths *fixed)
{
  self->lengths = fixed;
  self->lengths_fixed = TRUE;
  self->reading_lengths = fixed != NULL;
}

/* A collector for another part of a shared scan: same capacity, lengths, hidden rowids
 * and shared idf. */
DossierSearchTop *
_dossier_search_top_new_like (DossierSearchTop *self)
{
  DossierSearchTop *other = _dossier_search_top_new (self->capacity, self->lengths);

  _dossier_search_top_set_hidden (other, self->hidden, self->n_hidden);
  other->lengths_fixed = self->lengths_fixed;
  other->reading_lengths = self->reading_lengths;
  other->shared_idf = self->shared_idf;
  return other;
}

/* The idf @shared, not owned, is worked out by whichever collector needs it first. */
void
_dossier_search_top_share_idf (DossierSearchTop *self,
                               DossierSearchIdf *shared)
{
  self->shared_idf = shared;
}

/* Takes in what @other kept scanning another part of the rowids, as if this collector
 * had seen every match: the idf of a lone phrase waits for the sum of the counts. */
void
_dossier_search_top_merge (DossierSearchTop *self,
                           DossierSearchTop *other)
{
  g_assert (!self->popping && !other->popping);

  if (!self->ready && other->ready)
    {
      self->n_rows = other->n_rows;
      self->idf_deferred = other->idf_deferred;
      self->ready = TRUE;
    }
  self->n_matches += other->n_matches;
  if (self->error == SQLITE_OK)
    self->error = other->error;
  for (guint i = 0; i < other->n_entries; i++)
    keep (self, other->heap[i].score, other->heap[i].rowid);
}

DossierSearchIdf *
_dossier_search_idf_new (void)
{
  DossierSearchIdf *self = g_new0 (DossierSearchIdf, 1);

  g_mutex_init (&self->mutex);
  g_cond_init (&self->counted);
  return self;
}

void
_dossier_search_idf_free (DossierSearchIdf *self)
{
  if (self == NULL)
    return;

  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->counted);
  g_free (self->states);
  g_free (self->idf);
  g_free (self);
}

/* A lone phrase's scores, kept without its idf, get it now: the same factor for all. */
static void
apply_idf (DossierSearchTop *self)
{
  double idf;

  if (!self->idf_deferred)
    return;

  idf = idf_for (self->n_rows, self->n_matches);
  for (guint i = 0; i < self->n_entries; i++)
    self->heap[i].score = idf * self->heap[i].score;
  self->idf_deferred = FALSE;
}

/* Bounded: sorts what was kept, best first; returns how many there are. */
guint
_dossier_search_top_finish (DossierSearchTop *self)
{
  guint n = self->n_entries;

  g_assert (self->capacity > 0);

  apply_idf (self);

  /* Heap sort: the worst goes to the end, one at a time. */
  while (n > 1)
    {
      swap (&self->heap[0], &self->heap[--n]);
      sift_down (self->heap, n, 0, is_worse);
    }

  return self->n_entries;
}

/* Unbounded: takes the best match left, so that only as many are ordered as are taken.
 * Returns FALSE when none is left. */
gboolean
_dossier_search_top_pop (DossierSearchTop *self,
                         gint64           *rowid,
                         double           *score)
{
  g_assert (self->capacity == 0);

  if (!self->popping)
    {
      apply_idf (self);
      for (guint i = self->n_entries / 2; i > 0; i--)
        sift_down (self->heap, self->n_entries, i - 1, is_better);
      self->popping = TRUE;
    }

  if (self->n_entries == 0)
    return FALSE;

  *rowid = self->heap[0].rowid;
  *score = self->heap[0].score;
  self->heap[0] = self->heap[--self->n_entries];
  sift_down (self->heap, self->n_entries, 0, is_better);
  return TRUE;
}

gint64
_dossier_search_top_get_rowid (DossierSearchTop *self,
                               guint             index)
{
  g_assert (index < self->n_entries);

  return self->heap[index].rowid;
}

double
_dossier_search_top_get_score (DossierSearchTop *self,
                               guint             index)
{
  g_assert (index < self->n_entries);

  return self->heap[index].score;
}
