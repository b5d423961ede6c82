/* dossier-search-split.c: a large scan of the matches shared between two threads
 *
 * A word found in most articles spends nearly all its search in one scan of its matches
 * (dossier-search-top.c), on one core. On a large library the rowids are cut into
 * N_PARTS parts. This thread scans the first; if that took long enough to be worth a
 * second core, a helper thread, on a second connection to the same file (WAL lets both
 * read at once), takes parts as this one does, each the next part nobody has taken, each
 * part into a collector of its own, and the collectors are merged. A short scan (a rare
 * word) is finished in one statement by this thread alone. A prefix query is not shared:
 * FTS5 would expand the prefix again for every part.
 *
 * This thread never waits for the helper: a helper without a core (an import, a build)
 * would hold the search up. Once no part is left to take, this thread takes back the
 * parts the helper has not finished, interrupts it and scans them itself; what the helper
 * finished is merged, the rest of its work thrown away. The helper is joined at the next
 * shared search (a search while it is still at work is made in one piece), or when the
 * connection is closed, and owns (or holds a reference to) everything it reads.
 *
 * The merge gives exactly what one scan gives: the scores are computed the same way with
 * the same figures, ties are broken by rowid, a lone phrase's idf waits for the sum of
 * the counts, and several phrases' idf are counted once for both threads.
 *
 * Both reads must see the same library. SQLite 3.40 as Debian builds it has no snapshot
 * API, so the helper first compares FTS5's averages and structure records, which every
 * write to the index changes, with those this thread's read sees; if an import committed
 * in between, it takes no part. The article lengths are made current beforehand, and
 * both threads use a copy of them that no later search changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-search-split"

#include "config.h"

#include <string.h>

#include "dossier-search-split.h"
#include "dossier-search-store-private.h"

/* Few enough that the statement's start (the MATCH expression parsed, each term looked
 * up) is small beside a part of a common word's scan; enough that a part is short. */
#define N_PARTS 16

/* The fewest matches in the first part for a second thread to help, see
 * is_worth_sharing (). */
#define MIN_PART_MATCHES 32

/* The averages record (id 1: rows and tokens) and the structure record (id 10: the
 * segments, written again by every transaction that changes the index). */
static const char index_state_sql[] =
  "SELECT group_concat (hex (block), ':') FROM articles_fts_data WHERE id IN (1, 10)";

/* Kept on the searching connection until the helper is joined. */
static const char pending_key[] = "dossier-search-split-pending";

/* For the tests: scans a helper was started for, parts taken back from it, and how long
 * it waits before each part it takes. */
static guint n_shared;
static guint n_taken_back;
static guint helper_delay_usec;

typedef enum
{
  PART_FREE,
  PART_MINE,       /* taken by the searching thread */
  PART_HELPER,     /* taken by the helper, not finished */
  PART_HELPED,     /* finished by the helper, merged into its collector */
  PART_TAKEN_BACK, /* taken back from the helper, scanned by the searching thread */
} PartState;

typedef struct
{
  /* Set before the helper starts, owned */
  DossierDatabase      *reader;    /* the second connection */
  char                 *match;
  char                 *state;     /* the index as the searching thread's read sees it */
  gint64                bounds[N_PARTS + 1];  /* part i: bounds[i] to bounds[i + 1] - 1 */
  GCancellable         *cancellable;
  GArray               *hidden;    /* the collectors point into it */
  DossierSearchLengths *lengths;   /* a copy, the collectors' */
  DossierSearchIdf     *idf;
  DossierSearchTop     *model;     /* what a part's collector is made like */
  GThread              *thread;
  gint                  finished;  /* atomic: the helper has returned */

  GMutex                mutex;     /* guards what follows */
  PartState             parts[N_PARTS];
  DossierSearchTop     *helped;    /* the parts the helper finished */
} Split;

static void
split_free (Split *split)
{
  if (split->thread != NULL)
    g_thread_join (split->thread);
  g_clear_object (&split->reader);
  g_free (split->match);
  g_free (split->state);
  g_clear_object (&split->cancellable);
  g_clear_pointer (&split->hidden, g_array_unref);
  g_clear_pointer (&split->model, _dossier_search_top_free);
  g_clear_pointer (&split->helped, _dossier_search_top_free);
  g_clear_pointer (&split->idf, _dossier_search_idf_free);
  g_clear_pointer (&split->lengths, _dossier_search_lengths_free);
  g_mutex_clear (&split->mutex);
  g_free (split);
}

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

/* The first part nobody has taken, now @state's, or -1. */
static int
take_part (Split     *split,
           PartState  state)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&split->mutex);

  for (int i = 0; i < N_PARTS; i++)
    if (split->parts[i] == PART_FREE)
      {
        split->parts[i] = state;
        return i;
      }

  return -1;
}

static gboolean
scan_part (Split             *split,
           DossierDatabase   *db,
           DossierSearchTop  *top,
           int                i,
           GError           **error)
{
  return _dossier_search_store_scan (db, split->match, top, split->bounds[i],
                                     split->bounds[i + 1] - 1, split->cancellable, error);
}

/* A part the helper finished counts, unless it was taken back meanwhile. */
static void
hand_in (Split            *split,
         int               i,
         DossierSearchTop *part)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&split->mutex);

  if (split->parts[i] != PART_HELPER)
    return;
  _dossier_search_top_merge (split->helped, part);
  split->parts[i] = PART_HELPED;
}

static void
help_with_parts (Split *split)
{
  int i;

  while ((i = take_part (split, PART_HELPER)) >= 0)
    {
      g_autoptr(DossierSearchTop) part = _dossier_search_top_new_like (split->model);
      g_autoptr(GError) error = NULL;

      if (helper_delay_usec > 0)
        g_usleep (helper_delay_usec);
      if (!scan_part (split, split->reader, part, i, &error))
        {
          g_debug ("Part %d left to the searching thread: %s", i, error->message);
          return;
        }
      hand_in (split, i, part);
    }
}

/* The helper thread, inside one read of its own. */
static gpointer
help_scan (gpointer data)
{
  Split *split = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  /* An interruption that came during the last helper's ROLLBACK left its read open. */
  dossier_database_rollback (split->reader);
  if (!dossier_database_exec (split->reader, "BEGIN", &error)
      || (state = read_index_state (split->reader, &error)) == NULL)
    g_debug ("Scanning on one thread: %s", error->message);
  else if (!g_str_equal (state, split->state))
    g_debug ("Scanning on one thread: the library changed since the search began");
  else
    help_with_parts (split);

  /* The searching thread's sqlite3_interrupt () may come during the ROLLBACK itself;
   * the second goes through (the flag is cleared when no statement runs). */
  dossier_database_rollback (split->reader);
  dossier_database_rollback (split->reader);
  g_atomic_int_set (&split->finished, TRUE);
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

  /* A read that has to wait (a rollback journal, a writer about to commit) would hold
   * the helper to no purpose: it gives up at once and leaves its parts. */
  sqlite3_busy_timeout (dossier_database_get_handle (reader), 0);
  g_object_set_data_full (G_OBJECT (db), key, reader, g_object_unref);
  return reader;
}

/* Starts the helper, if there can be one. */
static gboolean
start_helper (DossierDatabase *db,
              Split           *split)
{
  g_autoptr(GError) error = NULL;
  DossierDatabase *reader = reader_for (db);

  if (reader == NULL || (split->state = read_index_state (db, &error)) == NULL)
    return FALSE;

  split->reader = g_object_ref (reader);
  split->thread = g_thread_try_new ("dossier-search", help_scan, split, &error);
  if (split->thread == NULL)
    {
      g_debug ("Scanning on one thread: %s", error->message);
      return FALSE;
    }

  g_atomic_int_inc (&n_shared);
  return TRUE;
}

/* Once no part is free: what the helper finished, and the parts it has not, which the
 * searching thread then scans. */
static void
take_back (Split            *split,
           DossierSearchTop *mine,
           gboolean          taken_back[N_PARTS])
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&split->mutex);
  gboolean any = FALSE;

  _dossier_search_top_merge (mine, split->helped);
  for (int i = 0; i < N_PARTS; i++)
    {
      taken_back[i] = split->parts[i] == PART_HELPER;
      if (taken_back[i])
        {
          split->parts[i] = PART_TAKEN_BACK;
          g_atomic_int_inc (&n_taken_back);
        }
      any |= taken_back[i];
    }

  /* Its statement stops at its next step, whatever the helper does with it. */
  if (any)
    sqlite3_interrupt (dossier_database_get_handle (split->reader));
}

/* Every part but the first, with the helper. */
static gboolean
share_parts (DossierDatabase   *db,
             Split             *split,
             DossierSearchTop  *mine,
             GError           **error)
{
  gboolean taken_back[N_PARTS];
  int i;

  while ((i = take_part (split, PART_MINE)) >= 0)
    if (!scan_part (split, db, mine, i, error))
      return FALSE;

  take_back (split, mine, taken_back);
  for (i = 0; i < N_PARTS; i++)
    if (taken_back[i] && !scan_part (split, db, mine, i, error))
      return FALSE;

  return TRUE;
}

/* Part 0 is the first sixteenth of the rowids, the others share what is left from
 * @from, where the scan of part 0 stopped. */
static void
cut_in_parts (Split  *split,
              gint64  from,
              gint64  last)
{
  split->bounds[0] = G_MININT64;
  split->bounds[1] = from;
  for (int i = 2; i < N_PARTS; i++)
    split->bounds[i] = from + MAX (last - from + 1, 0) * (i - 1) / (N_PARTS - 1);
  split->bounds[N_PARTS] = G_MAXINT64;
}

/* Made like @top, with a copy of the current @lengths. */
static Split *
split_new (const char           *match,
           DossierSearchTop     *top,
           GArray               *hidden,
           DossierSearchLengths *lengths,
           GCancellable         *cancellable)
{
  Split *split = g_new0 (Split, 1);

  g_mutex_init (&split->mutex);
  split->match = g_strdup (match);
  split->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  split->hidden = g_array_ref (hidden);
  split->lengths = _dossier_search_lengths_copy (lengths);
  split->idf = _dossier_search_idf_new ();
  split->model = _dossier_search_top_new_like (top);
  _dossier_search_top_fix_lengths (split->model, split->lengths);
  _dossier_search_top_share_idf (split->model, split->idf);
  split->helped = _dossier_search_top_new_like (split->model);
  return split;
}

/* A second thread pays for a scan whose first part took @min_usec of CPU time, the
 * idf's counts left out, and had matches enough: with few, FTS5 would scan each part up
 * to the next match beyond it, which may be far. @min_usec 0: always, for the tests. */
static gboolean
is_worth_sharing (DossierSearchTop *mine,
                  gint64            spent,
                  guint             min_usec)
{
  return min_usec == 0
         || (spent >= min_usec && _dossier_search_top_get_n_matches (mine) >= MIN_PART_MATCHES);
}

/* After part 0, what is left from @resume: shared with the helper if @share and one can
 * start, else in one statement. */
static gboolean
scan_rest (DossierDatabase   *db,
           Split             *split,
           DossierSearchTop  *mine,
           gint64             resume,
           gint64             last,
           gboolean           share,
           GError           **error)
{
  if (share)
    {
      cut_in_parts (split, resume, last);
      if (start_helper (db, split))
        return share_parts (db, split, mine, error);
    }

  return _dossier_search_store_scan (db, split->match, mine, resume, G_MAXINT64,
                                     split->cancellable, error);
}

/* Whether the last helper is still at work on the second connection (it has no core):
 * this search is then made in one piece rather than wait for it. */
static gboolean
is_helping (DossierDatabase *db)
{
  Split *pending = g_object_get_data (G_OBJECT (db), pending_key);

  return pending != NULL && pending->thread != NULL && !g_atomic_int_get (&pending->finished);
}

/* Inside this connection's read: every match into @top, or *@done FALSE. */
static gboolean
collect_in_parts (DossierDatabase       *db,
                  const char            *match,
                  DossierSearchTop      *top,
                  GArray                *hidden,
                  DossierSearchLengths  *lengths,
                  guint                  min_usec,
                  GCancellable          *cancellable,
                  gboolean              *done,
                  GError               **error)
{
  g_autoptr(DossierSearchTop) mine = NULL;
  gint64 first, last, start, spent, resume;
  Split *split;

  /* Current as this read sees the library, or left for a scan in one piece to update. */
  if (!_dossier_search_lengths_is_current (lengths)
      || !_dossier_search_lengths_get_range (lengths, &first, &last))
    return TRUE;
  if (is_helping (db))
    return TRUE;

  /* The connection keeps it until the helper, if any, is joined: by the next search
   * shared with one, which replaces it, or when the connection is closed. */
  split = split_new (match, top, hidden, lengths, cancellable);
  g_object_set_data_full (G_OBJECT (db), pending_key, split, (GDestroyNotify) split_free);
  mine = _dossier_search_top_new_like (split->model);

  /* Part 0, the probe: scanned up to the first match from the second part on. */
  start = _dossier_search_thread_cpu_usec ();
  split->parts[0] = PART_MINE;
  _dossier_search_top_stop_from (mine, first + (last - first + 1) / N_PARTS);
  if (!_dossier_search_store_scan (db, match, mine, G_MININT64, G_MAXINT64, cancellable,
                                   error))
    return FALSE;
  resume = _dossier_search_top_get_stopped_at (mine);
  _dossier_search_top_stop_from (mine, G_MAXINT64);
  spent = _dossier_search_thread_cpu_usec () - start
          - _dossier_search_top_get_prepare_usec (mine);
  if (resume < 0 && min_usec == 0)
    resume = last + 1;  /* for the tests: a helper even with nothing left */
  if (resume >= 0
      && !scan_rest (db, split, mine, resume, last, is_worth_sharing (mine, spent, min_usec),
                     error))
    return FALSE;

  _dossier_search_top_merge (top, mine);
  *done = TRUE;
  return TRUE;
}

/**
 * _dossier_search_split_collect:
 * @hidden: the sorted rowids @top leaves out, which it points into
 * @lengths: the searching connection's article lengths
 * @prefix: whether @match has a prefix term
 * @min_rows: the fewest articles worth cutting the scan in parts for
 * @min_usec: the CPU time of the first part from which a helper thread joins in
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
                               GArray                *hidden,
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
  ok = collect_in_parts (db, match, top, hidden, lengths, min_usec, cancellable, done,
                         error);
  dossier_database_rollback (db);
  return ok;
}

/* For the tests: how many scans a helper thread was started for so far. */
guint
_dossier_search_split_get_n_shared (void)
{
  return g_atomic_int_get (&n_shared);
}

/* For the tests: how many parts the searching thread took back from a helper so far. */
guint
_dossier_search_split_get_n_taken_back (void)
{
  return g_atomic_int_get (&n_taken_back);
}

/* For the tests: waits for the last shared search's helper to finish. */
void
_dossier_search_split_join (DossierDatabase *db)
{
  g_object_set_data (G_OBJECT (db), pending_key, NULL);
}

/* For the tests: a helper that waits @usec before each part, as one without a core. */
void
_dossier_search_split_set_helper_delay (guint usec)
{
  helper_delay_usec = usec;
}
