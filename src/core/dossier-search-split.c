/* dossier-search-split.c: a large scan of the matches shared between two threads
 *
 * A word found in most articles spends nearly all its search in one scan of its matches
 * (dossier-search-top.c), on one core. On a large library the rowids are cut into
 * N_PARTS parts. This thread scans the first; if that took long enough to be worth a
 * second core, a second thread, on a second connection to the same file (WAL lets both
 * read at once), takes parts as this one does, each the next part nobody has taken, each
 * thread into its own collector, and the two collectors are merged. A busy second core
 * (an import, a build) costs at most the part it is slow on: this thread takes all the
 * others. A short scan (a rare word) is finished in one statement by this thread alone.
 * A prefix query is not split: FTS5 would expand the prefix again for every part.
 *
 * The merge gives exactly what one scan gives: the scores are computed the same way with
 * the same figures, ties are broken by rowid, a lone phrase's idf waits for the sum of
 * the counts, and several phrases' idf are counted once for both threads.
 *
 * Both reads must see the same library. SQLite 3.40 as Debian builds it has no snapshot
 * API, so the second thread first compares FTS5's averages and structure records, which
 * every write to the index changes, with those this thread's read sees; if an import
 * committed in between, it leaves every part to this thread. The article lengths are
 * brought up to date beforehand: neither thread reads them again while the other uses
 * them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-search-split"

#include "config.h"

#include <time.h>

#include "dossier-search-split.h"
#include "dossier-search-store-private.h"

/* Few enough that the statement's start (the MATCH expression parsed, each term looked
 * up) is small beside a part of a common word's scan; enough that a part is short. */
#define N_PARTS 16

/* The averages record (id 1: rows and tokens) and the structure record (id 10: the
 * segments, written again by every transaction that changes the index). */
static const char index_state_sql[] =
  "SELECT group_concat (hex (block), ':') FROM articles_fts_data WHERE id IN (1, 10)";

/* Scans shared with a second thread, for the tests. */
static guint n_shared;

typedef struct
{
  /* Set before the second thread starts */
  DossierDatabase  *reader;       /* the second connection, borrowed */
  const char       *match;
  const char       *state;        /* the index as this thread's read sees it */
  gint64            bounds[N_PARTS + 1];   /* part i: bounds[i] to bounds[i + 1] - 1 */
  GCancellable     *cancellable;

  gint              next_part;    /* atomic: the next part nobody has taken */

  /* The second thread's */
  DossierSearchTop *top;
  GError           *error;
  gboolean          failed;       /* a part it took is unread */
} Split;

static void
split_clear (Split *split)
{
  g_clear_pointer (&split->top, _dossier_search_top_free);
  g_clear_error (&split->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Split, split_clear)

static char *
read_index_state (DossierDatabase  *db,
                  GError          **error)
{
  g_autoptr(DossierStatement) stmt = dossier_database_prepare (db, index_state_sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      dossier_database_set_error (db, rc, error);
      return NULL;
    }

  return g_strdup (dossier_statement_column_text (stmt, 0));
}

/* Scans the parts nobody has taken yet, one at a time, into @top. */
static gboolean
take_parts (Split             *split,
            DossierDatabase   *db,
            DossierSearchTop  *top,
            GError           **error)
{
  for (;;)
    {
      int i = g_atomic_int_add (&split->next_part, 1);

      if (i >= N_PARTS)
        return TRUE;
      if (!_dossier_search_store_scan (db, split->match, top, split->bounds[i],
                                       split->bounds[i + 1] - 1, split->cancellable, error))
        return FALSE;
    }
}

/* The second thread, inside one read of its own. */
static gpointer
help_scan (gpointer data)
{
  Split *split = data;
  g_autofree char *state = NULL;

  if (!dossier_database_exec (split->reader, "BEGIN", &split->error)
      || (state = read_index_state (split->reader, &split->error)) == NULL)
    g_debug ("Scanning on one thread: %s", split->error->message);
  else if (!g_str_equal (state, split->state))
    g_debug ("Scanning on one thread: the library changed since the search began");
  else
    split->failed = !take_parts (split, split->reader, split->top, &split->error);

  dossier_database_rollback (split->reader);
  return NULL;
}

/* The second connection, opened at the first shared scan and kept with the first. */
static DossierDatabase *
reader_for (DossierDatabase *db)
{
  static const char key[] = "dossier-search-split-reader";
  DossierDatabase *reader = g_object_get_data (G_OBJECT (db), key);
  g_autoptr(GError) error = NULL;

  if (reader != NULL)
    return reader;

  reader = dossier_database_open_reader (db, &error);
  if (reader == NULL)
    {
      g_debug ("Scanning on one thread, no second connection: %s", error->message);
      return NULL;
    }

  g_object_set_data_full (G_OBJECT (db), key, reader, g_object_unref);
  return reader;
}

static gint64
thread_cpu_usec (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* Starts the second thread, if there can be one; NULL if not. */
static GThread *
start_helper (DossierDatabase  *db,
              Split            *split,
              char            **state)
{
  g_autoptr(GError) error = NULL;
  GThread *thread;

  if ((split->reader = reader_for (db)) == NULL
      || (*state = read_index_state (db, &error)) == NULL)
    return NULL;

  split->state = *state;
  thread = g_thread_try_new ("dossier-search", help_scan, split, &error);
  if (thread == NULL)
    g_debug ("Scanning on one thread: %s", error->message);
  return thread;
}

/* After the first part: the rest shared with a second thread when the first part took
 * @min_usec or more, else in one statement. */
static gboolean
scan_rest (DossierDatabase   *db,
           Split             *split,
           DossierSearchTop  *top,
           gboolean           worth_sharing,
           GError           **error)
{
  g_autofree char *state = NULL;
  GThread *thread = worth_sharing ? start_helper (db, split, &state) : NULL;
  gboolean ok;

  if (thread == NULL)
    {
      g_atomic_int_set (&split->next_part, N_PARTS);
      return _dossier_search_store_scan (db, split->match, top, split->bounds[1], G_MAXINT64,
                                         split->cancellable, error);
    }

  ok = take_parts (split, db, top, error);
  if (!ok)
    g_atomic_int_set (&split->next_part, N_PARTS);  /* the other thread stops too */
  g_thread_join (thread);
  if (ok)
    g_atomic_int_inc (&n_shared);
  return ok;
}

static void
cut_in_parts (Split  *split,
              gint64  first,
              gint64  last)
{
  split->bounds[0] = G_MININT64;
  for (int i = 1; i < N_PARTS; i++)
    split->bounds[i] = first + (last - first + 1) * i / N_PARTS;
  split->bounds[N_PARTS] = G_MAXINT64;
}

/* Inside this connection's read: every match into @top, or *@done FALSE. */
static gboolean
collect_in_parts (DossierDatabase       *db,
                  const char            *match,
                  DossierSearchTop      *top,
                  DossierSearchLengths  *lengths,
                  guint                  min_usec,
                  GCancellable          *cancellable,
                  gboolean              *done,
                  GError               **error)
{
  g_autoptr(DossierSearchIdf) idf = _dossier_search_idf_new ();
  g_autoptr(DossierSearchTop) mine = _dossier_search_top_new_like (top);
  g_auto(Split) split = { NULL, match, NULL, { 0 }, cancellable, 1, NULL, NULL, FALSE };
  gint64 first, last, start;

  /* Current as this read sees the library, or left for a scan in one piece to update. */
  if (!_dossier_search_lengths_is_current (lengths)
      || !_dossier_search_lengths_get_range (lengths, &first, &last))
    return TRUE;

  _dossier_search_top_fix_lengths (mine, TRUE);
  _dossier_search_top_share_idf (mine, idf);
  split.top = _dossier_search_top_new_like (mine);
  cut_in_parts (&split, first, last);

  start = thread_cpu_usec ();
  if (!_dossier_search_store_scan (db, match, mine, split.bounds[0], split.bounds[1] - 1,
                                   cancellable, error)
      || !scan_rest (db, &split, mine, thread_cpu_usec () - start >= min_usec, error))
    return FALSE;

  if (split.failed)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_debug ("Scanning again in one piece: %s", split.error->message);
      return TRUE;
    }

  _dossier_search_top_merge (top, mine);
  _dossier_search_top_merge (top, split.top);
  *done = TRUE;
  return TRUE;
}

/**
 * _dossier_search_split_collect:
 * @lengths: the searching connection's article lengths
 * @prefix: whether @match has a prefix term
 * @min_rows: the fewest articles worth cutting the scan in parts for
 * @min_usec: the CPU time of the first part from which a second thread helps
 * @done: (out): whether @top now holds every match; if not, the caller scans in one piece
 *
 * Feeds @top every match of @match, on two threads when the scan is long enough.
 *
 * Returns: %FALSE with @error set when the search failed or was cancelled
 */
gboolean
_dossier_search_split_collect (DossierDatabase       *db,
                               const char            *match,
                               gboolean               prefix,
                               DossierSearchTop      *top,
                               DossierSearchLengths  *lengths,
                               guint                  min_rows,
                               guint                  min_usec,
                               GCancellable          *cancellable,
                               gboolean              *done,
                               GError               **error)
{
  sqlite3 *handle = dossier_database_get_handle (db);
  const char *file = sqlite3_db_filename (handle, "main");
  gint64 first, last;
  gboolean ok;

  /* A second connection sees nothing of a database in memory, nor the changes of a
   * transaction of the caller's. */
  *done = FALSE;
  if (prefix || !sqlite3_get_autocommit (handle) || file == NULL || *file == '\0'
      || !_dossier_search_lengths_get_range (lengths, &first, &last)
      || last - first + 1 < (gint64) min_rows)
    return TRUE;

  if (!dossier_database_exec (db, "BEGIN", error))
    return FALSE;
  ok = collect_in_parts (db, match, top, lengths, min_usec, cancellable, done, error);
  dossier_database_rollback (db);
  return ok;
}

/* For the tests: how many scans a second thread helped with so far. */
guint
_dossier_search_split_get_n_shared (void)
{
  return g_atomic_int_get (&n_shared);
}
