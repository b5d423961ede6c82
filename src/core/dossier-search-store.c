/* dossier-search-store.c: full-text search over the articles and entity names
 *
 * The only file that knows the SQL of search, with dossier-search-rank.c. Results are
 * ranked by FTS5's bm25, an occurrence in the title counting as five in the body, and a
 * query takes one of three paths. Words alone: FTS5 scans the matches and dossier_top()
 * keeps the best page of them (dossier-search-top.c), then the page's rows are read with
 * their snippets. Words and filters: dossier_top() scores every match, hands them over
 * best first, and the filters are checked a batch at a time until the page is full;
 * snippets are computed for the rows of the page alone. Both are in dossier-search-rank.c.
 * (With _dossier_search_store_set_collect_top (FALSE), for the tests, FTS5 ranks with
 * ORDER BY rank instead.) Filters alone: the articles are read newest first along their
 * date index. Every value, the MATCH expression included, is a bound parameter: the SQL
 * text never holds anything a person typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-search-store"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "dossier-search-store.h"
#include "dossier-search-store-private.h"

#define FROM_MATCHES \
  " FROM articles_fts f CROSS JOIN articles a ON a.id = f.rowid" \
  " WHERE articles_fts MATCH ?1 AND f.rank MATCH 'bm25(5.0, 1.0)'" FILTERS

/* Annotations (notes and tags) will be searched here too once they exist: a second
 * FTS5 table over them, its matches merged into the same pages by rank. */
static const char search_matches_sql[] =
  "SELECT a.uid, a.title, a.outlet, a.published_key, a.precision, -f.rank,"
  "  highlight (articles_fts, 0, ?2, ?3)," SNIPPET
  FROM_MATCHES
  " ORDER BY f.rank LIMIT ?10 OFFSET ?11";

static const char count_matches_sql[] =
  "SELECT count(*)" FROM_MATCHES;

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

fts5_api *
_dossier_search_fts5_api (DossierDatabase  *db,
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
  fts5_api *api = _dossier_search_fts5_api (db, error);
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

/* The ids of the entities called ?1, by their name or an alias, any case. */
#define ENTITIES_CALLED \
  "SELECT id FROM entities WHERE name = ?1 COLLATE NOCASE" \
  " UNION SELECT entity FROM aliases WHERE alias = ?1 COLLATE NOCASE"

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

  ids = entity_ids (db, ENTITIES_CALLED, name, error);
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

/* At most this many other spellings of one term: a handful per entity. */
#define MAX_SPELLINGS 12

/* The other names of the entities called @phrase, by their name or an alias, any case;
 * NULL for none, or on an error (the term is then searched as typed). */
static GPtrArray *
spellings_of (const char *phrase,
              gpointer    user_data)
{
  g_autoptr(DossierStatement) stmt = dossier_database_prepare (user_data,
    "WITH named (entity) AS (" ENTITIES_CALLED ")"
    " SELECT name FROM entities WHERE id IN named AND name <> ?1 COLLATE NOCASE"
    " UNION SELECT alias FROM aliases WHERE entity IN named AND alias <> ?1 COLLATE NOCASE"
    " LIMIT " G_STRINGIFY (MAX_SPELLINGS), NULL);
  g_autoptr(GPtrArray) spellings = g_ptr_array_new_with_free_func (g_free);

  if (stmt == NULL)
    return NULL;
  dossier_statement_bind_text (stmt, 1, phrase);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (spellings, g_strdup (dossier_statement_column_text (stmt, 0)));
  return spellings->len > 0 ? g_steal_pointer (&spellings) : NULL;
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

  /* A name finds its other spellings: the articles say Shoigu or Shoygu, the person is
   * the same (QA: "Shoygu" found one article, "Shoigu" two others). */
  dossier_search_query_add_spellings (query, spellings_of, db);
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

void
_dossier_search_bind_filters (DossierStatement *stmt,
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

  _dossier_search_bind_filters (stmt, search);
  dossier_statement_bind_text (stmt, PARAM_OPEN, dossier_search_query_get_open_mark (query));
  dossier_statement_bind_text (stmt, PARAM_CLOSE,
                               dossier_search_query_get_close_mark (query));
  sqlite3_bind_int64 (stmt, PARAM_LIMIT, limit);
  sqlite3_bind_int64 (stmt, PARAM_OFFSET, offset);
  return stmt;
}

DossierSearchResult *
_dossier_search_result_from_row (DossierStatement *stmt,
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

void
_dossier_search_watch_cancellable (DossierDatabase *db,
                                   GCancellable    *cancellable)
{
  if (cancellable != NULL)
    sqlite3_progress_handler (dossier_database_get_handle (db), 1000, is_cancelled,
                              cancellable);
}

void
_dossier_search_unwatch_cancellable (DossierDatabase *db,
                                     GCancellable    *cancellable)
{
  if (cancellable != NULL)
    sqlite3_progress_handler (dossier_database_get_handle (db), 0, NULL, NULL);
}

/* FALSE with @error set when the statement failed or was cancelled. */
gboolean
_dossier_search_check_step (DossierDatabase  *db,
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

  _dossier_search_watch_cancellable (db, cancellable);
  while (results->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (results,
                     _dossier_search_result_from_row (stmt, sqlite3_column_double (stmt, 5)));
  if (results->len == limit)
    rc = sqlite3_step (stmt);
  _dossier_search_unwatch_cancellable (db, cancellable);

  if (has_more != NULL)
    *has_more = rc == SQLITE_ROW;
  return _dossier_search_check_step (db, rc, cancellable, error);
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

  if (_dossier_search_can_collect_top (&search))
    return _dossier_search_find_top (db, query, &search, offset, limit, results, has_more,
                                     cancellable, error)
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

/* FTS5's merges while it writes: four segments of a level into one of the next, at
 * once when sixteen are waiting. During a file that the 'optimize' after the import
 * merges whole, none: FTS5's largest number of segments, a segment a chunk of 256
 * articles, is far beyond what a file under the importer's size limit writes. */
#define FTS5_AUTOMERGE       4
#define FTS5_CRISIS_MERGE    16
#define IMPORT_CRISIS_MERGE  1999

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
 * @n_articles: how many articles the file may add
 *
 * Gives the full-text index a larger in-memory index for one file's import, inside its
 * transaction. When the file alone adds enough for dossier_search_store_tidy_index() to
 * merge the whole index after the import, FTS5 does not merge segments while the file is
 * written: each of its merges wrote the index again, level by level, which the final
 * merge does once (at 10,000 articles, two fifths of the importing thread's work).
 * dossier_search_store_end_import() resets both before the commit; a rollback undoes
 * them with the rest.
 *
 * Returns: %FALSE with @error set when the database failed
 */
gboolean
dossier_search_store_begin_import (DossierDatabase  *db,
                                   gint64            n_articles,
                                   GError          **error)
{
  gint64 n_rows = 0;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (!set_fts_setting (db, "hashsize", IMPORT_HASH_BYTES, error)
      || !count_indexed (db, &n_rows, error))
    return FALSE;
  if (n_articles * TIDY_SHARE < n_rows + n_articles)
    return TRUE;

  return set_fts_setting (db, "automerge", 0, error)
         && set_fts_setting (db, "crisismerge", IMPORT_CRISIS_MERGE, error);
}

/**
 * dossier_search_store_end_import:
 *
 * Resets what dossier_search_store_begin_import() changed: FTS5's defaults for this
 * connection, and no row in the index's configuration table, as in a library that never
 * changed them (FTS5 reads a missing row as its default).
 *
 * Returns: %FALSE with @error set when the database failed
 */
gboolean
dossier_search_store_end_import (DossierDatabase  *db,
                                 GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  if (!set_fts_setting (db, "hashsize", FTS5_HASH_BYTES, error)
      || !set_fts_setting (db, "automerge", FTS5_AUTOMERGE, error)
      || !set_fts_setting (db, "crisismerge", FTS5_CRISIS_MERGE, error))
    return FALSE;
  stmt = dossier_database_prepare (db,
    "DELETE FROM articles_fts_config WHERE k IN ('hashsize', 'automerge', 'crisismerge')",
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

  _dossier_search_bind_filters (stmt, &search);
  _dossier_search_watch_cancellable (db, cancellable);
  rc = sqlite3_step (stmt);
  _dossier_search_unwatch_cancellable (db, cancellable);
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

/* Appends the plan of @sql to @plan, its parameters bound from @search: the filters too,
 * or with @filters FALSE the MATCH expression alone. */
gboolean
_dossier_search_explain (DossierDatabase  *db,
                         const char       *sql,
                         const Search     *search,
                         gboolean          filters,
                         GString          *plan,
                         GError          **error)
{
  g_autofree char *explained = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (dossier_database_get_handle (db), explained, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return dossier_database_set_error (db, rc, error);

  if (filters)
    _dossier_search_bind_filters (stmt, search);
  else
    dossier_statement_bind_text (stmt, PARAM_MATCH, search->match);
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

  if (_dossier_search_can_collect_top (&search))
    {
      if (!_dossier_search_explain_top (db, &search, plan, error))
        return NULL;
    }
  else if (!_dossier_search_explain (db, search.match ? search_matches_sql : search_filtered_sql,
                                     &search, TRUE, plan, error))
    return NULL;

  return g_string_free (g_steal_pointer (&plan), FALSE);
}
