/* dossier-search-rank.c: a search of words, ranked while FTS5 scans its matches
 *
 * Part of the search store (dossier-search-store.c). Without filters, the best matches
 * are kept as FTS5 scans (dossier-search-top.c) rather than all sorted; then the page's
 * rows alone are read again, with snippets. With filters, every match is scored while
 * FTS5 scans, and the best are checked against the filters a batch at a time until the
 * page is full. A common word's scan is shared with a second thread on large libraries
 * (dossier-search-split.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-search-store"

#include "config.h"

#include "dossier-search-lengths.h"
#include "dossier-search-split.h"
#include "dossier-search-store.h"
#include "dossier-search-store-private.h"
#include "dossier-search-top.h"

/* Without filters, the best matches are kept as FTS5 scans (see dossier-search-top.c)
 * rather than all sorted; then the page's rows alone are read again, with snippets. With
 * filters, the sorted query is faster: it reads articles only until the page is full,
 * where checking a filter before scoring would read the article of every match (measured
 * with bench-search --compare-sorting: twice as slow on dates and outlets). */
/* Called from WHERE, the function runs inside one step: 6 % fewer instructions for a word
 * in 76,000 articles than a row handed back to C for each match (callgrind). */
/* ?3 ?4: the rowids to scan, all of them or a part (dossier-search-split.c). */
static const char collect_top_sql[] =
  "SELECT count(*) FROM articles_fts f"
  " WHERE articles_fts MATCH ?1 AND f.rowid BETWEEN ?3 AND ?4"
  "   AND " DOSSIER_SEARCH_TOP_FUNCTION " (articles_fts, ?2) NOT NULL";

/* The collector leaves the hidden articles out itself, so that it sees every match. */
static const char hidden_sql[] =
  "SELECT id FROM articles INDEXED BY articles_hidden WHERE hidden = 1 ORDER BY id";

#define READ_TOP \
  "SELECT a.uid, a.title, a.outlet, a.published_key, a.precision, f.rowid," \
  "  highlight (articles_fts, 0, ?2, ?3)," SNIPPET \
  " FROM articles_fts f CROSS JOIN articles a ON a.id = f.rowid" \
  " WHERE articles_fts MATCH ?1"

/* FTS5 looks each rowid of the page up in its index, a few microseconds each, where
 * checking the list row by row would scan every match again. */
static const char read_top_sql[] =
  READ_TOP " AND f.rowid IN (SELECT value FROM json_each (?4))";

/* But each lookup expands a prefix term again, which costs as much as a scan of its
 * matches ("heli*": 20 lookups 9–13 ms, one scan 3 ms); with a prefix, the matches between
 * the page's first and last rowids are scanned once, and the list checked row by row. */
static const char scan_top_sql[] =
  READ_TOP " AND f.rowid BETWEEN ?5 AND ?6 AND f.rowid + 0 IN (SELECT value FROM json_each (?4))";

/* ?1 the candidates, best first, as a JSON array; the order is kept. */
static const char check_filters_sql[] =
  "SELECT a.id FROM json_each (?1) j CROSS JOIN articles a ON a.id = j.value"
  " WHERE 1" FILTERS;

static gboolean collect_top = TRUE;

/* Libraries of fewer articles are scanned by one thread: at 20,000 the commonest word
 * takes some 3 ms, which a second thread would not shorten by much. Nor is a scan whose
 * first sixteenth took less than SPLIT_USEC of CPU time (the idf's counts left out), so
 * under 5 ms in all: sharing costs 1–2 ms of CPU time in all (a thread, a read, a
 * statement a part), which "drone NEAR/5 helicopter" (2 ms) did not win back. */
#define SPLIT_ROWS 20000
#define SPLIT_USEC 300
static guint split_rows = SPLIT_ROWS;
static guint split_usec = SPLIT_USEC;

/* Words are ranked while FTS5 scans (dossier-search-top.c), filters or not. */
gboolean
_dossier_search_can_collect_top (const Search *search)
{
  return collect_top && search->match != NULL;
}

static gboolean
register_top_function (DossierDatabase  *db,
                       GError          **error)
{
  static const char key[] = "dossier-search-top-function";
  fts5_api *api;
  int rc;

  if (g_object_get_data (G_OBJECT (db), key) != NULL)
    return TRUE;
  if ((api = _dossier_search_fts5_api (db, error)) == NULL)
    return FALSE;
  if ((rc = _dossier_search_top_register (api)) != SQLITE_OK)
    return dossier_database_set_error (db, rc, error);

  g_object_set_data (G_OBJECT (db), key, GINT_TO_POINTER (TRUE));
  return TRUE;
}

/* One per connection, read again when the library changes. */
static DossierSearchLengths *
lengths_for (DossierDatabase *db)
{
  static const char key[] = "dossier-search-lengths";
  DossierSearchLengths *lengths = g_object_get_data (G_OBJECT (db), key);

  if (lengths == NULL)
    {
      lengths = _dossier_search_lengths_new (db);
      g_object_set_data_full (G_OBJECT (db), key, lengths,
                              (GDestroyNotify) _dossier_search_lengths_free);
    }

  return lengths;
}

/* The hidden articles' rowids, in order. */
static GArray *
read_hidden (DossierDatabase  *db,
             GError          **error)
{
  g_autoptr(DossierStatement) stmt = dossier_database_prepare (db, hidden_sql, error);
  g_autoptr(GArray) hidden = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (hidden, rowid);
    }
  if (rc != SQLITE_DONE)
    {
      dossier_database_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&hidden);
}

/* Whether the MATCH expression has a prefix term, which dossier-search-query.c writes as
 * "text" *. A phrase holding those characters only costs the scan. */
static gboolean
has_prefix (const Search *search)
{
  return strstr (search->match, "\" *") != NULL;
}

/* Feeds @top the matches of @match between rowids @first and @last. Called on the
 * connection's own thread, @db being the searching connection or the second one a split
 * scan reads the other half with. */
gboolean
_dossier_search_store_scan (DossierDatabase   *db,
                            const char        *match,
                            DossierSearchTop  *top,
                            gint64             first,
                            gint64             last,
                            GCancellable      *cancellable,
                            GError           **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  if (!register_top_function (db, error)
      || (stmt = dossier_database_prepare (db, collect_top_sql, error)) == NULL)
    return FALSE;

  dossier_statement_bind_text (stmt, 1, match);
  sqlite3_bind_pointer (stmt, 2, top, DOSSIER_SEARCH_TOP_POINTER, NULL);
  sqlite3_bind_int64 (stmt, 3, first);
  sqlite3_bind_int64 (stmt, 4, last);
  _dossier_search_watch_cancellable (db, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  _dossier_search_unwatch_cancellable (db, cancellable);

  /* Stopped on purpose (_dossier_search_top_stop_from ()). */
  if (rc == SQLITE_ERROR && _dossier_search_top_get_stopped_at (top) >= 0)
    return TRUE;
  return _dossier_search_check_step (db, rc, cancellable, error);
}

/* A common word's scan is shared between two threads when it can be
 * (dossier-search-split.c), else made in one piece. */
static gboolean
collect (DossierDatabase   *db,
         const Search      *search,
         DossierSearchTop  *top,
         GCancellable      *cancellable,
         GError           **error)
{
  g_autoptr(GArray) hidden = NULL;
  gboolean done = FALSE;

  if ((hidden = read_hidden (db, error)) == NULL)
    return FALSE;

  _dossier_search_top_set_hidden (top, (const gint64 *) hidden->data, hidden->len);
  if (!_dossier_search_split_collect (db, search->match, has_prefix (search), top, hidden,
                                      lengths_for (db), split_rows, split_usec, cancellable,
                                      &done, error))
    return FALSE;

  return done || _dossier_search_store_scan (db, search->match, top, G_MININT64, G_MAXINT64,
                                             cancellable, error);
}

/* Matches best first, as many as the page needs. */
typedef struct
{
  GArray *rowids;   /* gint64 */
  GArray *scores;   /* double */
} Ranked;

static void
ranked_init (Ranked *ranked)
{
  ranked->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ranked->scores = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
ranked_clear (Ranked *ranked)
{
  g_clear_pointer (&ranked->rowids, g_array_unref);
  g_clear_pointer (&ranked->scores, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Ranked, ranked_clear)

static void
ranked_add (Ranked *ranked,
            gint64  rowid,
            double  score)
{
  g_array_append_val (ranked->rowids, rowid);
  g_array_append_val (ranked->scores, score);
}

/* Some rowids as a JSON array, for json_each (). */
static char *
json_rowids (const gint64 *rowids,
             guint         n)
{
  GString *ids = g_string_new ("[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", rowids[i]);
  g_string_append_c (ids, ']');
  return g_string_free (ids, FALSE);
}

/* Reads the rows of the page, which come in rowid order, into their place by score. */
static gboolean
read_top (DossierDatabase     *db,
          DossierSearchQuery  *query,
          const Search        *search,
          const Ranked        *ranked,
          guint                from,
          guint                to,
          GPtrArray           *results,
          GError             **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  g_autoptr(GHashTable) places = g_hash_table_new (g_int64_hash, g_int64_equal);
  const gint64 *rowids = &g_array_index (ranked->rowids, gint64, 0);
  g_autofree char *ids = json_rowids (rowids + from, to - from);
  gint64 first = G_MAXINT64, last = G_MININT64;
  int rc;

  stmt = dossier_database_prepare (db, has_prefix (search) ? scan_top_sql : read_top_sql,
                                   error);
  if (stmt == NULL)
    return FALSE;

  g_ptr_array_set_size (results, to - from);
  for (guint i = from; i < to; i++)
    {
      g_hash_table_insert (places, (gpointer) &rowids[i], GUINT_TO_POINTER (i));
      first = MIN (first, rowids[i]);
      last = MAX (last, rowids[i]);
    }
  sqlite3_bind_int64 (stmt, 5, first);
  sqlite3_bind_int64 (stmt, 6, last);

  dossier_statement_bind_text (stmt, 1, search->match);
  dossier_statement_bind_text (stmt, PARAM_OPEN, dossier_search_query_get_open_mark (query));
  dossier_statement_bind_text (stmt, PARAM_CLOSE,
                               dossier_search_query_get_close_mark (query));
  dossier_statement_bind_text (stmt, 4, ids);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 5);
      guint i = GPOINTER_TO_UINT (g_hash_table_lookup (places, &rowid));

      double score = g_array_index (ranked->scores, double, i);

      results->pdata[i - from] = _dossier_search_result_from_row (stmt, score);
    }

  /* An import on another connection may have removed an article between the two reads. */
  for (guint i = results->len; i > 0; i--)
    if (results->pdata[i - 1] == NULL)
      g_ptr_array_steal_index (results, i - 1);
  return _dossier_search_check_step (db, rc, NULL, error);
}

/* Without filters: the best offset + limit + 1, kept while FTS5 scanned. */
static void
take_top (DossierSearchTop *top,
          Ranked           *ranked)
{
  guint n = _dossier_search_top_finish (top);

  for (guint i = 0; i < n; i++)
    ranked_add (ranked, _dossier_search_top_get_rowid (top, i),
                _dossier_search_top_get_score (top, i));
}

/* Adds the candidates that pass the filters, in their order. */
static gboolean
check_filters (DossierDatabase  *db,
               const Search     *search,
               const Ranked     *candidates,
               Ranked           *ranked,
               GError          **error)
{
  g_autoptr(DossierStatement) stmt = dossier_database_prepare (db, check_filters_sql, error);
  g_autoptr(GHashTable) scores = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *ids = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < candidates->rowids->len; i++)
    g_hash_table_insert (scores, &g_array_index (candidates->rowids, gint64, i),
                         &g_array_index (candidates->scores, double, i));

  ids = json_rowids ((const gint64 *) candidates->rowids->data, candidates->rowids->len);
  _dossier_search_bind_filters (stmt, search);
  dossier_statement_bind_text (stmt, 1, ids);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      ranked_add (ranked, rowid, *(double *) g_hash_table_lookup (scores, &rowid));
    }

  return _dossier_search_check_step (db, rc, NULL, error);
}

/* With filters: every match was scored while FTS5 scanned; the best are checked against
 * the filters a batch at a time, each batch twice the last, until the page is full, so a
 * filter is only checked for the matches that could be shown. */
static gboolean
take_filtered (DossierDatabase  *db,
               const Search     *search,
               DossierSearchTop *top,
               guint             wanted,
               Ranked           *ranked,
               GCancellable     *cancellable,
               GError          **error)
{
  gboolean more = TRUE;
  guint batch = 2 * wanted;

  while (more && ranked->rowids->len < wanted)
    {
      g_auto(Ranked) candidates = { 0 };
      gint64 rowid;
      double score;

      ranked_init (&candidates);
      while (candidates.rowids->len < batch
             && (more = _dossier_search_top_pop (top, &rowid, &score)))
        ranked_add (&candidates, rowid, score);
      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !check_filters (db, search, &candidates, ranked, error))
        return FALSE;
      batch = MIN (2 * batch, 8192);
    }

  return TRUE;
}

/* The best @wanted matches that pass the filters, best first. */
static gboolean
rank (DossierDatabase  *db,
      const Search     *search,
      guint             wanted,
      Ranked           *ranked,
      GCancellable     *cancellable,
      GError          **error)
{
  gboolean filtered = _dossier_search_is_filtered (search);
  g_autoptr(DossierSearchTop) top = _dossier_search_top_new (filtered ? 0 : wanted,
                                                             lengths_for (db));

  if (!collect (db, search, top, cancellable, error))
    return FALSE;
  if (filtered)
    return take_filtered (db, search, top, wanted, ranked, cancellable, error);

  take_top (top, ranked);
  return TRUE;
}

gboolean
_dossier_search_find_top (DossierDatabase     *db,
                          DossierSearchQuery  *query,
                          const Search        *search,
                          guint                offset,
                          guint                limit,
                          GPtrArray           *results,
                          gboolean            *has_more,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_auto(Ranked) ranked = { 0 };
  guint wanted = MIN ((guint64) offset + limit + 1, G_MAXUINT);
  guint n, to;

  ranked_init (&ranked);
  if (!rank (db, search, wanted, &ranked, cancellable, error))
    return FALSE;

  n = ranked.rowids->len;
  to = MIN ((guint64) offset + limit, n);
  if (has_more != NULL)
    *has_more = n > to;
  if (n <= offset)
    return TRUE;

  return read_top (db, query, search, &ranked, offset, to, results, error);
}

/* For tests and the benchmark: a scan is shared with a second thread on libraries of
 * @n_rows articles or more (G_MAXUINT: never) when its first part took @usec of CPU time
 * or more (0: always). */
void
_dossier_search_store_set_split (guint n_rows,
                                 guint usec)
{
  split_rows = n_rows;
  split_usec = usec;
}

void
_dossier_search_store_reset_split (void)
{
  _dossier_search_store_set_split (SPLIT_ROWS, SPLIT_USEC);
}

/* For tests and the benchmark: FALSE makes every search sort with ORDER BY rank. */
void
_dossier_search_store_set_collect_top (gboolean enabled)
{
  collect_top = enabled;
}

/* The plans of the statements a ranked search runs, for tests. */
gboolean
_dossier_search_explain_top (DossierDatabase  *db,
                             const Search     *search,
                             GString          *plan,
                             GError          **error)
{
  return register_top_function (db, error)
         && _dossier_search_explain (db, hidden_sql, search, FALSE, plan, error)
         && _dossier_search_explain (db, collect_top_sql, search, FALSE, plan, error)
         && (!_dossier_search_is_filtered (search)
             || _dossier_search_explain (db, check_filters_sql, search, TRUE, plan, error))
         && _dossier_search_explain (db, has_prefix (search) ? scan_top_sql : read_top_sql,
                                     search, FALSE, plan, error);
}
