/* dossier-search-store.c: full-text search over the articles and entity names
 *
 * The only file that knows the SQL of search. Results are ranked by FTS5's bm25, an
 * occurrence in the title counting as five in the body, and a query takes one of three
 * paths. Words alone: FTS5 scans the matches and dossier_top() keeps the best page of
 * them (dossier-search-top.c), then the page's rows are read with their snippets. Words
 * and filters: dossier_top() scores every match, hands them over best first, and the
 * filters are checked a batch at a time until the page is full; snippets are computed for
 * the rows of the page alone. (With _dossier_search_store_set_collect_top (FALSE), for
 * the tests, FTS5 ranks with ORDER BY rank instead.)
 * Filters alone: the articles are read newest first along their date index. Every value,
 * the MATCH expression included, is a bound parameter: the SQL text never holds anything
 * a person typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-search-store"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "dossier-search-split.h"
#include "dossier-search-store.h"
#include "dossier-search-store-private.h"
#include "dossier-search-top.h"

/* Parameters: ?1 the MATCH (or exclusion) expression, ?2 ?3 the marks, ?4 after, ?5 before,
 * ?6 outlet patterns, ?7–?9 entity groups, ?10 limit, ?11 offset. */
#define PARAM_MATCH    1
#define PARAM_OPEN     2
#define PARAM_CLOSE    3
#define PARAM_AFTER    4
#define PARAM_BEFORE   5
#define PARAM_OUTLETS  6
#define PARAM_ENTITIES 7
#define PARAM_LIMIT    10
#define PARAM_OFFSET   11

G_STATIC_ASSERT (DOSSIER_SEARCH_MAX_ENTITIES == PARAM_LIMIT - PARAM_ENTITIES);

/* Whether article a mentions one of the entity ids in the JSON array @group: an index
 * probe per article, made only for the rows FTS5 hands over until the page is full, which
 * is far cheaper than listing every article that mentions a frequent entity. */
#define MENTIONS(group) \
  "EXISTS (SELECT 1 FROM json_each (" group ") e, mentions m" \
  "        WHERE m.entity = e.value AND m.article = a.id)"

/* Hidden articles are looked up in their own small index rather than read from each row:
 * the hidden column sits after the body, and reading it would walk the body's overflow
 * pages for every result. The index is named: without statistics SQLite preferred the
 * timeline's covering index (migration 2) and read all of it, 5 ms a search at 100k and
 * 15–25 ms with a filter. A date known to the month or year matches when its period
 * overlaps the range. An entity group is the JSON array of the ids one entity: filter
 * stands for; the article must mention one of each group's. */
#define FILTERS \
  " AND a.id NOT IN (SELECT id FROM articles INDEXED BY articles_hidden WHERE hidden = 1)" \
  " AND (?4 IS NULL OR (a.precision > 0 AND CASE a.precision" \
  "        WHEN 1 THEN a.published_key + 1231 WHEN 2 THEN a.published_key + 31" \
  "        ELSE a.published_key END >= ?4))" \
  " AND (?5 IS NULL OR (a.precision > 0 AND a.published_key < ?5))" \
  " AND (?6 IS NULL OR EXISTS (SELECT 1 FROM json_each (?6) o" \
  "        WHERE a.outlet LIKE o.value ESCAPE '\\'))" \
  " AND (?7 IS NULL OR " MENTIONS ("?7") ")" \
  " AND (?8 IS NULL OR " MENTIONS ("?8") ")" \
  " AND (?9 IS NULL OR " MENTIONS ("?9") ")"

#define FROM_MATCHES \
  " FROM articles_fts f CROSS JOIN articles a ON a.id = f.rowid" \
  " WHERE articles_fts MATCH ?1 AND f.rank MATCH 'bm25(5.0, 1.0)'" FILTERS

/* FTS5's snippet() scores every match against every other: a text with tens of thousands
 * of matches (a 10 MB one-line import) took minutes per search. Longer than any article
 * (100,000 characters, some 16,000 words), a text shows its beginning instead. */
#define SNIPPET \
  "  CASE WHEN length (a.body) <= 100000 THEN snippet (articles_fts, 1, ?2, ?3, '…', 24)" \
  "       ELSE substr (a.body, 1, 200) || '…' END"

/* Annotations (notes and tags) will be searched here too once they exist: a second
 * FTS5 table over them, its matches merged into the same pages by rank. */
static const char search_matches_sql[] =
  "SELECT a.uid, a.title, a.outlet, a.published_key, a.precision, -f.rank,"
  "  highlight (articles_fts, 0, ?2, ?3)," SNIPPET
  FROM_MATCHES
  " ORDER BY f.rank LIMIT ?10 OFFSET ?11";

static const char count_matches_sql[] =
  "SELECT count(*)" FROM_MATCHES;

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

/* ?1 is what the query excludes, or NULL. */
#define FROM_FILTERED \
  " FROM articles a" \
  " WHERE (?1 IS NULL OR a.id NOT IN (SELECT rowid FROM articles_fts" \
  "        WHERE articles_fts MATCH ?1))" FILTERS

static const char search_filtered_sql[] =
  "SELECT a.uid, a.title, a.outlet, a.published_key, a.precision, 0.0, a.title,"
  "  substr (a.body, 1, 200)"
  FROM_FILTERED
  " ORDER BY a.published_key DESC, a.title DESC LIMIT ?10 OFFSET ?11";

static const char count_filtered_sql[] =
  "SELECT count(*)" FROM_FILTERED;

/* A query as the statements take it. */
typedef struct
{
  char     *match;                                   /* NULL: filters only */
  char     *exclusion;                               /* with filters only */
  char     *outlets;                                 /* JSON array of LIKE patterns */
  char     *entities[DOSSIER_SEARCH_MAX_ENTITIES];   /* JSON arrays of entity ids */
  int       after_key;                               /* 0 when not given */
  int       before_key;
  gboolean  finds_nothing;
} Search;

static void
search_clear (Search *search)
{
  g_clear_pointer (&search->match, g_free);
  g_clear_pointer (&search->exclusion, g_free);
  g_clear_pointer (&search->outlets, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (search->entities); i++)
    g_clear_pointer (&search->entities[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Search, search_clear)

/* The articles' own tokenizer, to know which terms give FTS5 anything to look up: a term
 * of punctuation or symbols alone would be an empty phrase, and an empty phrase matches
 * nothing, which would empty the results of "war ()" for no reason. */
typedef struct
{
  fts5_tokenizer  methods;
  Fts5Tokenizer  *tokenizer;
} Tokenizer;

static void
tokenizer_clear (Tokenizer *tokenizer)
{
  if (tokenizer->tokenizer != NULL)
    tokenizer->methods.xDelete (tokenizer->tokenizer);
  tokenizer->tokenizer = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tokenizer, tokenizer_clear)

static fts5_api *
fts5_api_for (DossierDatabase  *db,
              GError          **error)
{
  g_autoptr(DossierStatement) stmt = dossier_database_prepare (db, "SELECT fts5 (?1)", error);
  fts5_api *api = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
  if (sqlite3_step (stmt) != SQLITE_ROW || api == NULL)
    dossier_database_set_error (db, sqlite3_errcode (dossier_database_get_handle (db)), error);

  return api;
}

static gboolean
tokenizer_init (Tokenizer        *tokenizer,
                DossierDatabase  *db,
                GError          **error)
{
  /* The same options as articles_fts in dossier-schema.c. */
  const char *options[] = { "remove_diacritics", "2" };
  fts5_api *api = fts5_api_for (db, error);
  void *user_data = NULL;
  int rc;

  if (api == NULL)
    return FALSE;

  rc = api->xFindTokenizer (api, "unicode61", &user_data, &tokenizer->methods);
  if (rc == SQLITE_OK)
    rc = tokenizer->methods.xCreate (user_data, options, G_N_ELEMENTS (options),
                                     &tokenizer->tokenizer);
  if (rc != SQLITE_OK)
    return dossier_database_set_error (db, rc, error);

  return TRUE;
}

static int
stop_at_first_token (void       *context,
                     int         flags,
                     const char *token,
                     int         length,
                     int         start,
                     int         end)
{
  *(gboolean *) context = TRUE;
  return SQLITE_DONE;
}

static gboolean
has_tokens (const char *text,
            gpointer    user_data)
{
  Tokenizer *tokenizer = user_data;
  gboolean found = FALSE;

  tokenizer->methods.xTokenize (tokenizer->tokenizer, &found, FTS5_TOKENIZE_QUERY,
                                text, strlen (text), stop_at_first_token);
  return found;
}

/* LIKE patterns for the outlet: filters, "%name%" with LIKE's own characters escaped. */
static char *
outlet_patterns (GPtrArray *outlets)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (outlets->len == 0)
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < outlets->len; i++)
    {
      GString *pattern = g_string_new ("%");

      for (const char *p = g_ptr_array_index (outlets, i); *p != '\0'; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
      g_string_append_c (pattern, '%');
      json_builder_add_string_value (builder, pattern->str);
      g_string_free (pattern, TRUE);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Ids of the entities @sql finds for @name, as a JSON array; "[]" for none. */
static char *
entity_ids (DossierDatabase  *db,
            const char       *sql,
            const char       *name,
            GError          **error)
{
  g_autoptr(DossierStatement) stmt = dossier_database_prepare (db, sql, error);
  g_autoptr(GString) ids = g_string_new ("[");
  int rc;

  if (stmt == NULL)
    return NULL;

  dossier_statement_bind_text (stmt, 1, name);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "",
                            (gint64) sqlite3_column_int64 (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      dossier_database_set_error (db, rc, error);
      return NULL;
    }

  g_string_append_c (ids, ']');
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* The entities called @name, by their name or an alias, any case; failing that, those
 * with @name among the words of a name or alias ("Shoigu" for "Sergei Shoigu"). */
static char *
resolve_entity (DossierDatabase  *db,
                const char       *name,
                GError          **error)
{
  g_autofree char *ids = NULL;
  g_autofree char *phrase = NULL;

  ids = entity_ids (db,
    "SELECT id FROM entities WHERE name = ?1 COLLATE NOCASE"
    " UNION SELECT entity FROM aliases WHERE alias = ?1 COLLATE NOCASE", name, error);
  if (ids == NULL || !g_str_equal (ids, "[]"))
    return g_steal_pointer (&ids);

  phrase = dossier_search_quote (name);
  return entity_ids (db,
    "SELECT DISTINCT entity FROM entity_names_fts WHERE entity_names_fts MATCH ?1",
    phrase, error);
}

static gboolean
resolve_entities (DossierDatabase     *db,
                  DossierSearchQuery  *query,
                  Search              *search,
                  GError             **error)
{
  GPtrArray *names = dossier_search_query_get_entities (query);

  for (guint i = 0; i < names->len && i < G_N_ELEMENTS (search->entities); i++)
    {
      search->entities[i] = resolve_entity (db, g_ptr_array_index (names, i), error);
      if (search->entities[i] == NULL)
        return FALSE;
      /* An entity nobody knows is mentioned by no article. */
      if (g_str_equal (search->entities[i], "[]"))
        search->finds_nothing = TRUE;
    }

  return TRUE;
}

static gboolean
search_init (Search              *search,
             DossierDatabase     *db,
             DossierSearchQuery  *query,
             GError             **error)
{
  g_auto(Tokenizer) tokenizer = { { 0 }, NULL };
  const DossierDate *after = dossier_search_query_get_after (query);
  const DossierDate *before = dossier_search_query_get_before (query);

  if (!tokenizer_init (&tokenizer, db, error))
    return FALSE;

  search->match = dossier_search_query_dup_match (query, has_tokens, &tokenizer);
  if (search->match == NULL)
    search->exclusion = dossier_search_query_dup_exclusion (query, has_tokens, &tokenizer);
  search->finds_nothing = search->match == NULL && search->exclusion == NULL
                          && !dossier_search_query_has_filters (query);

  search->outlets = outlet_patterns (dossier_search_query_get_outlets (query));
  search->after_key = after ? dossier_date_to_key (after) : 0;
  search->before_key = before ? dossier_date_to_key (before) : 0;

  return resolve_entities (db, query, search, error);
}

static void
bind_optional_int (DossierStatement *stmt,
                   int               index,
                   int               value)
{
  if (value != 0)
    sqlite3_bind_int (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_filters (DossierStatement *stmt,
              const Search     *search)
{
  dossier_statement_bind_text (stmt, PARAM_MATCH, search->match ? search->match
                                                                : search->exclusion);
  bind_optional_int (stmt, PARAM_AFTER, search->after_key);
  bind_optional_int (stmt, PARAM_BEFORE, search->before_key);
  dossier_statement_bind_text (stmt, PARAM_OUTLETS, search->outlets);
  for (guint i = 0; i < G_N_ELEMENTS (search->entities); i++)
    dossier_statement_bind_text (stmt, PARAM_ENTITIES + i, search->entities[i]);
}

static DossierStatement *
prepare_page (DossierDatabase     *db,
              const Search        *search,
              DossierSearchQuery  *query,
              guint                offset,
              guint                limit,
              GError             **error)
{
  DossierStatement *stmt;

  stmt = dossier_database_prepare (db, search->match ? search_matches_sql
                                                     : search_filtered_sql, error);
  if (stmt == NULL)
    return NULL;

  bind_filters (stmt, search);
  dossier_statement_bind_text (stmt, PARAM_OPEN, dossier_search_query_get_open_mark (query));
  dossier_statement_bind_text (stmt, PARAM_CLOSE,
                               dossier_search_query_get_close_mark (query));
  sqlite3_bind_int64 (stmt, PARAM_LIMIT, limit);
  sqlite3_bind_int64 (stmt, PARAM_OFFSET, offset);
  return stmt;
}

static DossierSearchResult *
result_from_row (DossierStatement *stmt,
                 double            score)
{
  DossierSearchResult *result;
  DossierDate published = { 0 };

  dossier_date_from_key (sqlite3_column_int (stmt, 3), sqlite3_column_int (stmt, 4),
                         &published);
  result = dossier_search_result_new (dossier_statement_column_text (stmt, 0),
                                      dossier_statement_column_text (stmt, 1),
                                      dossier_statement_column_text (stmt, 2),
                                      &published);
  _dossier_search_result_set_match (result, score,
                                    dossier_statement_column_text (stmt, 6),
                                    dossier_statement_column_text (stmt, 7));
  return result;
}

/* While a statement runs, SQLite asks this every few thousand steps whether to stop; a
 * query typed over is abandoned at once, even in the middle of ranking. */
static int
is_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

static void
watch_cancellable (DossierDatabase *db,
                   GCancellable    *cancellable)
{
  if (cancellable != NULL)
    sqlite3_progress_handler (dossier_database_get_handle (db), 1000, is_cancelled,
                              cancellable);
}

static void
unwatch_cancellable (DossierDatabase *db,
                     GCancellable    *cancellable)
{
  if (cancellable != NULL)
    sqlite3_progress_handler (dossier_database_get_handle (db), 0, NULL, NULL);
}

/* FALSE with @error set when the statement failed or was cancelled. */
static gboolean
check_step (DossierDatabase  *db,
            int               rc,
            GCancellable     *cancellable,
            GError          **error)
{
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return dossier_database_set_error (db, rc, error);
}

/* Steps through the page; one row past it tells whether there is a next one. */
static gboolean
read_page (DossierDatabase   *db,
           DossierStatement  *stmt,
           guint              limit,
           GPtrArray         *results,
           gboolean          *has_more,
           GCancellable      *cancellable,
           GError           **error)
{
  int rc = SQLITE_DONE;

  watch_cancellable (db, cancellable);
  while (results->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (results, result_from_row (stmt, sqlite3_column_double (stmt, 5)));
  if (results->len == limit)
    rc = sqlite3_step (stmt);
  unwatch_cancellable (db, cancellable);

  if (has_more != NULL)
    *has_more = rc == SQLITE_ROW;
  return check_step (db, rc, cancellable, error);
}

static gboolean
is_filtered (const Search *search)
{
  return search->outlets != NULL || search->entities[0] != NULL
         || search->after_key != 0 || search->before_key != 0;
}

/* Words are ranked while FTS5 scans (dossier-search-top.c), filters or not. */
static gboolean
can_collect_top (const Search *search)
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
  if ((api = fts5_api_for (db, error)) == NULL)
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
  watch_cancellable (db, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  unwatch_cancellable (db, cancellable);

  /* Stopped on purpose (_dossier_search_top_stop_from ()). */
  if (rc == SQLITE_ERROR && _dossier_search_top_get_stopped_at (top) >= 0)
    return TRUE;
  return check_step (db, rc, cancellable, error);
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

      results->pdata[i - from] = result_from_row (stmt, g_array_index (ranked->scores,
                                                                       double, i));
    }

  /* An import on another connection may have removed an article between the two reads. */
  for (guint i = results->len; i > 0; i--)
    if (results->pdata[i - 1] == NULL)
      g_ptr_array_steal_index (results, i - 1);
  return check_step (db, rc, NULL, error);
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
  bind_filters (stmt, search);
  dossier_statement_bind_text (stmt, 1, ids);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      ranked_add (ranked, rowid, *(double *) g_hash_table_lookup (scores, &rowid));
    }

  return check_step (db, rc, NULL, error);
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
  gboolean filtered = is_filtered (search);
  g_autoptr(DossierSearchTop) top = _dossier_search_top_new (filtered ? 0 : wanted,
                                                             lengths_for (db));

  if (!collect (db, search, top, cancellable, error))
    return FALSE;
  if (filtered)
    return take_filtered (db, search, top, wanted, ranked, cancellable, error);

  take_top (top, ranked);
  return TRUE;
}

static gboolean
find_top (DossierDatabase     *db,
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

/**
 * dossier_search_store_find:
 * @offset: how many results to skip (the pages before)
 * @limit: the most results to return
 * @has_more: (out) (optional): whether results follow this page
 * @cancellable: (nullable): stops the search, with %G_IO_ERROR_CANCELLED
 *
 * Finds the visible articles @query asks for: the best matches first, or the newest
 * first for a query of filters only. A query with nothing to search for finds nothing.
 *
 * Returns: (transfer full) (element-type DossierSearchResult): one page of results
 */
GPtrArray *
dossier_search_store_find (DossierDatabase     *db,
                           DossierSearchQuery  *query,
                           guint                offset,
                           guint                limit,
                           gboolean            *has_more,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DossierStatement) stmt = NULL;
  g_auto(Search) search = { 0 };

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DOSSIER_IS_SEARCH_QUERY (query), NULL);

  if (has_more != NULL)
    *has_more = FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || !search_init (&search, db, query, error))
    return NULL;
  if (search.finds_nothing || limit == 0)
    return g_steal_pointer (&results);

  if (can_collect_top (&search))
    return find_top (db, query, &search, offset, limit, results, has_more, cancellable, error)
           ? g_steal_pointer (&results) : NULL;

  stmt = prepare_page (db, &search, query, offset, MIN (limit, G_MAXUINT - 1) + 1, error);
  if (stmt == NULL
      || !read_page (db, stmt, limit, results, has_more, cancellable, error))
    return NULL;

  return g_steal_pointer (&results);
}

/* An import that adds at least an eighth of the library merges the whole index; one
 * that adds fewer merges as many pages as it wrote, about a page an article, times two.
 * Either costs at most about a fifth of the import's own time (bench-import: 0.3 s of
 * CPU for 10,000 articles into an empty library, 4 s at 100,000). */
#define TIDY_SHARE          8
#define TIDY_PAGES_PER_NEW  2

static gboolean
count_indexed (DossierDatabase  *db,
               gint64           *n_rows,
               GError          **error)
{
  return dossier_database_query_int64 (db, "SELECT count(*) FROM articles_fts_docsize", n_rows,
                                       error);
}

/**
 * dossier_search_store_tidy_index:
 * @n_new: how many articles were just added or changed
 *
 * Merges the segments of the full-text index after an import. FTS5 writes a segment
 * each time its in-memory index fills, and merges them only four of a level at a time,
 * so an imported library has some twenty; each query term is looked up in every one.
 * Merged into one, searches take about a quarter less time (bench-search, 100,000
 * articles). A large import merges the whole index at once; a small one does the part
 * of an incremental merge its size pays for, and the next imports carry it on.
 *
 * Returns: %FALSE with @error set when the database failed
 */
gboolean
dossier_search_store_tidy_index (DossierDatabase  *db,
                                 gint64            n_new,
                                 GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  gint64 n_rows = 0;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (n_new <= 0)
    return TRUE;
  if (!count_indexed (db, &n_rows, error))
    return FALSE;
  if (n_new * TIDY_SHARE >= n_rows)
    return dossier_database_exec (db,
      "INSERT INTO articles_fts (articles_fts) VALUES ('optimize')", error);

  /* A negative number of pages: merge segments of every level into one. */
  stmt = dossier_database_prepare (db,
    "INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, -MIN (n_new * TIDY_PAGES_PER_NEW, G_MAXINT32));
  return dossier_database_step_done (db, stmt, error);
}

/* 16 MiB of pending terms during an import: with FTS5's default of 1 MiB, the 256
 * articles of one INSERT are written out as several small segments, which merging then
 * reads and writes again. */
#define IMPORT_HASH_BYTES  (16 * 1024 * 1024)
#define FTS5_HASH_BYTES    (1024 * 1024)

static gboolean
set_fts_setting (DossierDatabase  *db,
                 const char       *key,
                 gint64            value,
                 GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;

  stmt = dossier_database_prepare (db,
    "INSERT INTO articles_fts (articles_fts, rank) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, value);
  return dossier_database_step_done (db, stmt, error);
}

/**
 * dossier_search_store_begin_import:
 *
 * Gives the full-text index a larger in-memory index for one file's import, inside its
 * transaction. dossier_search_store_end_import() resets it before the commit; a rollback
 * undoes it with the rest.
 *
 * Returns: %FALSE with @error set when the database failed
 */
gboolean
dossier_search_store_begin_import (DossierDatabase  *db,
                                   GError          **error)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  return set_fts_setting (db, "hashsize", IMPORT_HASH_BYTES, error);
}

/**
 * dossier_search_store_end_import:
 *
 * Resets what dossier_search_store_begin_import() changed: FTS5's default for this
 * connection, and no row in the index's configuration table, as in a library that never
 * changed it (FTS5 reads a missing row as its default).
 *
 * Returns: %FALSE with @error set when the database failed
 */
gboolean
dossier_search_store_end_import (DossierDatabase  *db,
                                 GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (!set_fts_setting (db, "hashsize", FTS5_HASH_BYTES, error))
    return FALSE;
  stmt = dossier_database_prepare (db, "DELETE FROM articles_fts_config WHERE k = 'hashsize'",
                                   error);
  return stmt != NULL && dossier_database_step_done (db, stmt, error);
}

/**
 * dossier_search_store_count:
 * @cancellable: (nullable): stops the count, with %G_IO_ERROR_CANCELLED
 *
 * Returns: how many visible articles @query finds, or -1 with @error set
 */
gint64
dossier_search_store_count (DossierDatabase     *db,
                            DossierSearchQuery  *query,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  g_auto(Search) search = { 0 };
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), -1);
  g_return_val_if_fail (DOSSIER_IS_SEARCH_QUERY (query), -1);

  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || !search_init (&search, db, query, error))
    return -1;
  if (search.finds_nothing)
    return 0;

  stmt = dossier_database_prepare (db, search.match ? count_matches_sql : count_filtered_sql,
                                   error);
  if (stmt == NULL)
    return -1;

  bind_filters (stmt, &search);
  watch_cancellable (db, cancellable);
  rc = sqlite3_step (stmt);
  unwatch_cancellable (db, cancellable);
  if (rc != SQLITE_ROW)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        dossier_database_set_error (db, rc, error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

static DossierEntity *
entity_from_row (DossierStatement *stmt)
{
  DossierEntity *entity = dossier_entity_new (dossier_statement_column_text (stmt, 0),
                                              sqlite3_column_int (stmt, 1));

  dossier_entity_set_description (entity, dossier_statement_column_text (stmt, 2));
  return entity;
}

/**
 * dossier_search_store_find_entities:
 *
 * Finds the entities whose name or an alias has words starting with each of the query's
 * terms, so that the window can offer "entity:NAME" for them.
 *
 * Returns: (transfer full) (element-type DossierEntity): the best matches first
 */
GPtrArray *
dossier_search_store_find_entities (DossierDatabase     *db,
                                    DossierSearchQuery  *query,
                                    guint                limit,
                                    GError             **error)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DossierStatement) stmt = NULL;
  g_auto(Tokenizer) tokenizer = { { 0 }, NULL };
  g_autofree char *match = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);
  g_return_val_if_fail (DOSSIER_IS_SEARCH_QUERY (query), NULL);

  if (!tokenizer_init (&tokenizer, db, error))
    return NULL;
  match = dossier_search_query_dup_name_match (query, has_tokens, &tokenizer);
  if (match == NULL)
    return g_steal_pointer (&entities);

  stmt = dossier_database_prepare (db,
    "SELECT e.name, e.kind, e.description, min (n.rank) AS best"
    " FROM entity_names_fts n CROSS JOIN entities e ON e.id = n.entity"
    " WHERE entity_names_fts MATCH ?1"
    " GROUP BY e.id ORDER BY best, e.name LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;

  dossier_statement_bind_text (stmt, 1, match);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entities, entity_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      dossier_database_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entities);
}

static gboolean
explain (DossierDatabase  *db,
         const char       *sql,
         const Search     *search,
         GString          *plan,
         GError          **error)
{
  g_autofree char *explained = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (dossier_database_get_handle (db), explained, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return dossier_database_set_error (db, rc, error);

  if (sql == read_top_sql || sql == scan_top_sql || sql == collect_top_sql)
    dossier_statement_bind_text (stmt, PARAM_MATCH, search->match);
  else
    bind_filters (stmt, search);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", dossier_statement_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return TRUE;
}

char *
_dossier_search_store_explain (DossierDatabase     *db,
                               DossierSearchQuery  *query,
                               GError             **error)
{
  g_autoptr(GString) plan = g_string_new (NULL);
  g_auto(Search) search = { 0 };

  if (!search_init (&search, db, query, error))
    return NULL;

  if (can_collect_top (&search))
    {
      if (!register_top_function (db, error)
          || !explain (db, hidden_sql, &search, plan, error)
          || !explain (db, collect_top_sql, &search, plan, error)
          || (is_filtered (&search)
              && !explain (db, check_filters_sql, &search, plan, error))
          || !explain (db, has_prefix (&search) ? scan_top_sql : read_top_sql, &search, plan,
                       error))
        return NULL;
    }
  else if (!explain (db, search.match ? search_matches_sql : search_filtered_sql, &search,
                     plan, error))
    return NULL;

  return g_string_free (g_steal_pointer (&plan), FALSE);
}
