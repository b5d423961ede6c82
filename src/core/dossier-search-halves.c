/* dossier-search-halves.c: a scan of the matches in two halves, on two threads
 *
 * A word found in most articles spends nearly all its search in one scan of its matches
 * (dossier-search-top.c), on one core. On a large library the scan is split at the middle
 * rowid: this thread reads the lower half on the searching connection while a second
 * thread reads the upper half on a second connection to the same file (WAL lets both
 * read at once), each half into its own collector, and the two are merged. The merge
 * gives exactly what one scan gives: the scores are computed the same way with the same
 * figures, ties are broken by rowid, a lone phrase's idf waits for the sum of both
 * counts, and the idf of several phrases is counted once for both (each phrase by
 * whichever half gets to it first).
 *
 * Both reads must see the same library. SQLite 3.40 as Debian builds it has no snapshot
 * API, so each read notes FTS5's averages and structure records, which every write to
 * the index changes; if an import committed between the two starts, the search is made
 * again in one scan. The article lengths are brought up to date beforehand: neither thread
 * reads them again while the other uses them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-search-halves"

#include "config.h"

#include "dossier-search-halves.h"
#include "dossier-search-store-private.h"

/* The averages record (id 1: rows and tokens) and the structure record (id 10: the
 * segments, written again by every transaction that changes the index). */
static const char index_state_sql[] =
  "SELECT group_concat (hex (block), ':') FROM articles_fts_data WHERE id IN (1, 10)";

/* Scans made in two halves, for the tests. */
static guint n_split_scans;

/* The upper half, read on the second thread. */
typedef struct
{
  DossierDatabase  *db;           /* the second connection, borrowed */
  const char       *match;
  DossierSearchTop *top;
  gint64            first;
  GCancellable     *cancellable;
  char             *state;
  GError           *error;
  gboolean          ok;
} Half;

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

/* Inside one read, so that the state noted is the state scanned. */
static gpointer
scan_upper_half (gpointer data)
{
  Half *half = data;

  half->ok = dossier_database_exec (half->db, "BEGIN", &half->error)
             && (half->state = read_index_state (half->db, &half->error)) != NULL
             && _dossier_search_store_scan (half->db, half->match, half->top, half->first,
                                            G_MAXINT64, half->cancellable, &half->error);
  dossier_database_rollback (half->db);
  return NULL;
}

/* The second connection, opened at the first split scan and kept with the first. */
static DossierDatabase *
reader_for (DossierDatabase *db)
{
  static const char key[] = "dossier-search-halves-reader";
  DossierDatabase *reader = g_object_get_data (G_OBJECT (db), key);
  g_autoptr(GError) error = NULL;

  if (reader != NULL)
    return reader;

  reader = dossier_database_open_reader (db, &error);
  if (reader == NULL)
    {
      g_debug ("Searching in one scan, no second connection: %s", error->message);
      return NULL;
    }

  g_object_set_data_full (G_OBJECT (db), key, reader, g_object_unref);
  return reader;
}

/* Whether splitting can pay and keep the results: a large library, in a file (a second
 * connection sees nothing of a database in memory), and no transaction of the caller's
 * whose changes the second connection would not see. */
static DossierDatabase *
reader_if_worth_it (DossierDatabase      *db,
                    DossierSearchLengths *lengths,
                    guint                 min_rows)
{
  sqlite3 *handle = dossier_database_get_handle (db);
  const char *file = sqlite3_db_filename (handle, "main");
  gint64 first, last;

  if (!sqlite3_get_autocommit (handle) || file == NULL || *file == '\0'
      || !_dossier_search_lengths_get_range (lengths, &first, &last)
      || last - first + 1 < (gint64) min_rows)
    return NULL;

  return reader_for (db);
}

/* Runs the two halves, the lower one on this thread; *@started FALSE when no thread
 * could be made. */
static gboolean
scan_halves (DossierDatabase   *db,
             Half              *upper,
             DossierSearchTop  *lower,
             GCancellable      *cancellable,
             gboolean          *started,
             GError           **error)
{
  g_autoptr(GError) thread_error = NULL;
  GThread *thread;
  gboolean ok;

  thread = g_thread_try_new ("dossier-search", scan_upper_half, upper, &thread_error);
  *started = thread != NULL;
  if (thread == NULL)
    {
      g_debug ("Searching in one scan: %s", thread_error->message);
      return TRUE;
    }

  ok = _dossier_search_store_scan (db, upper->match, lower, G_MININT64, upper->first - 1,
                                   cancellable, error);
  g_thread_join (thread);
  return ok;
}

/* After both halves: FALSE with @error set when the search failed or was cancelled. */
static gboolean
check_upper_half (Half          *upper,
                  const char    *state,
                  GCancellable  *cancellable,
                  gboolean      *same,
                  GError       **error)
{
  *same = upper->ok && g_strcmp0 (state, upper->state) == 0;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!upper->ok)
    g_debug ("Searching in one scan, the upper half failed: %s", upper->error->message);
  else if (!*same)
    g_debug ("Searching in one scan, the library changed between the halves' reads");
  return TRUE;
}

static void
half_clear (Half *half)
{
  g_clear_pointer (&half->top, _dossier_search_top_free);
  g_clear_pointer (&half->state, g_free);
  g_clear_error (&half->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Half, half_clear)

/* Both halves into @top; *@done FALSE (and TRUE returned) when the scan is better made
 * in one piece, @top then untouched. */
static gboolean
collect_halves (DossierDatabase       *db,
                DossierDatabase       *reader,
                const char            *match,
                DossierSearchTop      *top,
                DossierSearchLengths  *lengths,
                GCancellable          *cancellable,
                gboolean              *done,
                GError               **error)
{
  g_autoptr(DossierSearchIdf) idf = _dossier_search_idf_new ();
  g_autoptr(DossierSearchTop) lower = _dossier_search_top_new_like (top);
  g_autofree char *state = NULL;
  g_auto(Half) upper = { reader, match, NULL, 0, cancellable, NULL, NULL, FALSE };
  gint64 first, last;
  gboolean started = FALSE, same = FALSE;

  if ((state = read_index_state (db, error)) == NULL)
    return FALSE;
  /* Current as this read sees the library, or left for a scan in one piece to update. */
  if (!_dossier_search_lengths_is_current (lengths)
      || !_dossier_search_lengths_get_range (lengths, &first, &last))
    return TRUE;

  _dossier_search_top_fix_lengths (lower, TRUE);
  _dossier_search_top_share_idf (lower, idf);
  upper.top = _dossier_search_top_new_like (lower);
  upper.first = first + (last - first) / 2 + 1;
  if (!scan_halves (db, &upper, lower, cancellable, &started, error)
      || (started && !check_upper_half (&upper, state, cancellable, &same, error)))
    return FALSE;
  if (!same)
    return TRUE;

  _dossier_search_top_merge (top, lower);
  _dossier_search_top_merge (top, upper.top);
  g_atomic_int_inc (&n_split_scans);
  *done = TRUE;
  return TRUE;
}

/**
 * _dossier_search_halves_collect:
 * @lengths: the searching connection's article lengths
 * @min_rows: the fewest articles worth splitting the scan for
 * @done: (out): whether @top now holds every match; if not, the caller scans in one piece
 *
 * Feeds @top every match of @match, in two halves at once when the library is large.
 *
 * Returns: %FALSE with @error set when the search failed or was cancelled
 */
gboolean
_dossier_search_halves_collect (DossierDatabase       *db,
                                const char            *match,
                                DossierSearchTop      *top,
                                DossierSearchLengths  *lengths,
                                guint                  min_rows,
                                GCancellable          *cancellable,
                                gboolean              *done,
                                GError               **error)
{
  DossierDatabase *reader = reader_if_worth_it (db, lengths, min_rows);
  gboolean ok;

  *done = FALSE;
  if (reader == NULL)
    return TRUE;

  if (!dossier_database_exec (db, "BEGIN", error))
    return FALSE;
  ok = collect_halves (db, reader, match, top, lengths, cancellable, done, error);
  dossier_database_rollback (db);
  return ok;
}

/* For the tests: how many scans were made in two halves so far. */
guint
_dossier_search_halves_get_n_split (void)
{
  return g_atomic_int_get (&n_split_scans);
}
