/* dossier-article-store.c: articles, their credits and blocks, in the database
 *
 * The only file that knows the SQL of the articles, credits and blocks tables. Callers own
 * the transaction: a save is one step of an import that commits or rolls back as a whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-article-store"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-article-store.h"

#define ARTICLE_COLUMNS \
  "uid, title, subtitle, outlet, url, published_key, precision, published_note, language, origin"

/* The articles of a save, handed to its one INSERT through a pointer parameter (a GArray
 * of the articles, the shape dossier_staged_row() reads) and read back column by column by
 * the SQL function staged_article(pointer, index, column). */
#define STAGED_POINTER "DossierStagedArticles"

enum
{
  STAGED_UID,
  STAGED_TITLE,
  STAGED_SUBTITLE,
  STAGED_OUTLET,
  STAGED_URL,
  STAGED_PUBLISHED_KEY,
  STAGED_PRECISION,
  STAGED_PUBLISHED_NOTE,
  STAGED_LANGUAGE,
  STAGED_ORIGIN,
  STAGED_BODY,
  STAGED_TEXT_HASH,
};

static void
staged_article (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  DossierArticle *const *row = dossier_staged_row (context, argv, STAGED_POINTER,
                                                    "staged_article: no such article");
  DossierArticle *article;

  if (row == NULL)
    return;

  article = *row;
  switch (sqlite3_value_int (argv[2]))
    {
    case STAGED_UID: dossier_result_text (context, dossier_article_get_id (article)); break;
    case STAGED_TITLE: dossier_result_text (context, dossier_article_get_title (article)); break;
    case STAGED_SUBTITLE:
      dossier_result_text (context, dossier_article_get_subtitle (article));
      break;
    case STAGED_OUTLET: dossier_result_text (context, dossier_article_get_outlet (article)); break;
    case STAGED_URL: dossier_result_text (context, dossier_article_get_url (article)); break;
    case STAGED_PUBLISHED_KEY:
      sqlite3_result_int (context, dossier_date_to_key (dossier_article_get_published (article)));
      break;
    case STAGED_PRECISION:
      sqlite3_result_int (context, dossier_article_get_published (article)->precision);
      break;
    case STAGED_PUBLISHED_NOTE:
      dossier_result_text (context, dossier_article_get_published_note (article));
      break;
    case STAGED_LANGUAGE:
      dossier_result_text (context, dossier_article_get_language (article));
      break;
    case STAGED_ORIGIN: sqlite3_result_int (context, dossier_article_get_origin (article)); break;
    case STAGED_BODY: dossier_result_text (context, dossier_article_get_text (article)); break;
    case STAGED_TEXT_HASH:
      dossier_result_text (context, dossier_article_get_text_hash (article));
      break;
    default: sqlite3_result_error (context, "staged_article: no such column", -1);
    }
}

#define STAGED(column) "staged_article (?1, n, " G_STRINGIFY (column) ")"

/* All the rows in one statement: FTS5 writes its pending terms out as a new index segment
 * at the end of every statement that has a statement journal, which an insert that fires
 * a trigger always has, so one INSERT per article made a segment per article and spent a
 * third of an import merging them. An upsert keeps the rowid, and with it the user's
 * hidden flag. */
static gboolean
save_article_rows (DossierDatabase  *db,
                   GPtrArray        *articles,
                   GError          **error)
{
  g_autoptr(GArray) staged = g_array_sized_new (FALSE, FALSE, sizeof (DossierArticle *),
                                                articles->len);

  g_array_append_vals (staged, articles->pdata, articles->len);
  return dossier_database_insert_staged (db,
    DOSSIER_STAGED_ROWS
    " INSERT INTO articles (" ARTICLE_COLUMNS ", body, text_hash)"
    " SELECT " STAGED (0) ", " STAGED (1) ", " STAGED (2) ", " STAGED (3) ", " STAGED (4) ","
    "   " STAGED (5) ", " STAGED (6) ", " STAGED (7) ", " STAGED (8) ", " STAGED (9) ","
    "   " STAGED (10) ", " STAGED (11)
    " FROM staged WHERE true ORDER BY n"
    " ON CONFLICT (uid) DO UPDATE SET"
    "   title = excluded.title, subtitle = excluded.subtitle, outlet = excluded.outlet,"
    "   url = excluded.url, published_key = excluded.published_key,"
    "   precision = excluded.precision, published_note = excluded.published_note,"
    "   language = excluded.language, origin = excluded.origin, body = excluded.body,"
    "   text_hash = excluded.text_hash",
    "staged_article", staged_article, staged, STAGED_POINTER, error);
}

static gboolean
delete_children (DossierDatabase  *db,
                 gint64            rowid,
                 GError          **error)
{
  static const char *const deletes[] = {
    "DELETE FROM credits WHERE article = ?1",
    "DELETE FROM blocks WHERE article = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      g_autoptr(DossierStatement) stmt = dossier_database_prepare (db, deletes[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      if (!dossier_database_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_credits (DossierDatabase  *db,
              DossierArticle   *article,
              gint64            rowid,
              GError          **error)
{
  GPtrArray *credits = dossier_article_get_credits (article);

  for (guint i = 0; i < credits->len; i++)
    {
      const DossierCredit *credit = g_ptr_array_index (credits, i);
      g_autoptr(DossierStatement) stmt = dossier_database_prepare (db,
        "INSERT INTO credits (article, position, role, name) VALUES (?1, ?2, ?3, ?4)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_int (stmt, 2, i);
      dossier_statement_bind_text (stmt, 3, credit->role);
      dossier_statement_bind_text (stmt, 4, credit->name);
      if (!dossier_database_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_blocks (DossierDatabase  *db,
             DossierArticle   *article,
             gint64            rowid,
             GError          **error)
{
  GPtrArray *blocks = dossier_article_get_blocks (article);

  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      DossierBlock *block = g_ptr_array_index (blocks, i);
      g_autoptr(DossierStatement) stmt = dossier_database_prepare (db,
        "INSERT INTO blocks (article, position, kind, start, length, attribution)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int (stmt, 3, dossier_block_get_kind (block));
      sqlite3_bind_int (stmt, 4, dossier_block_get_start (block));
      sqlite3_bind_int (stmt, 5, dossier_block_get_length (block));
      dossier_statement_bind_text (stmt, 6, dossier_block_get_attribution (block));
      if (!dossier_database_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * dossier_article_store_save_all:
 * @articles: (element-type DossierArticle): articles with ids, none twice
 * @rowids: (out caller-allocates) (array) (optional): @articles->len entries, each
 *   article's row, for the tables that point at it
 *
 * Inserts @articles, or replaces those with a known id, in the order of the array.
 * Runs inside the caller's transaction. Much quicker than one save per article for the
 * search index, which takes them in one go.
 */
gboolean
dossier_article_store_save_all (DossierDatabase  *db,
                                GPtrArray        *articles,
                                gint64           *rowids,
                                GError          **error)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (articles != NULL, FALSE);

  if (articles->len > 0 && !save_article_rows (db, articles, error))
    return FALSE;

  for (guint i = 0; i < articles->len; i++)
    {
      DossierArticle *article = g_ptr_array_index (articles, i);
      gboolean found = FALSE;
      gint64 row = 0;

      if (!dossier_article_store_lookup (db, dossier_article_get_id (article), &found, &row,
                                         NULL, error)
          || !delete_children (db, row, error)
          || !save_credits (db, article, row, error)
          || !save_blocks (db, article, row, error))
        return FALSE;
      g_assert (found);
      if (rowids != NULL)
        rowids[i] = row;
    }

  return TRUE;
}

/**
 * dossier_article_store_save:
 * @rowid: (out) (optional): the article's row, for the tables that point at it
 *
 * Inserts @article, or replaces the one with the same id. Runs inside the caller's
 * transaction.
 */
gboolean
dossier_article_store_save (DossierDatabase  *db,
                            DossierArticle   *article,
                            gint64           *rowid,
                            GError          **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  gint64 row = 0;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (dossier_article_get_id (article) != NULL, FALSE);

  g_ptr_array_add (one, article);
  if (!dossier_article_store_save_all (db, one, &row, error))
    return FALSE;

  if (rowid != NULL)
    *rowid = row;
  return TRUE;
}

static DossierArticle *
article_from_row (DossierStatement *stmt)
{
  DossierArticle *article = dossier_article_new ();
  DossierDate published = { 0 };

  dossier_date_from_key (sqlite3_column_int (stmt, 5), sqlite3_column_int (stmt, 6),
                         &published);
  g_object_set (article,
                "id", dossier_statement_column_text (stmt, 0),
                "title", dossier_statement_column_text (stmt, 1),
                "subtitle", dossier_statement_column_text (stmt, 2),
                "outlet", dossier_statement_column_text (stmt, 3),
                "url", dossier_statement_column_text (stmt, 4),
                "published", &published,
                "published-note", dossier_statement_column_text (stmt, 7),
                "language", dossier_statement_column_text (stmt, 8),
                "origin", sqlite3_column_int (stmt, 9),
                NULL);
  return article;
}

/* Step through @stmt; FALSE with @error set on a failure, TRUE at the end of the rows. */
static gboolean
finish_rows (DossierDatabase  *db,
             int               rc,
             GError          **error)
{
  if (rc != SQLITE_DONE)
    return dossier_database_set_error (db, rc, error);
  return TRUE;
}

static GPtrArray *
list_where_hidden (DossierDatabase  *db,
                   gboolean          hidden,
                   GError          **error)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  stmt = dossier_database_prepare (db,
    "SELECT " ARTICLE_COLUMNS " FROM articles WHERE hidden = ?1"
    " ORDER BY published_key, title", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, hidden ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (articles, article_from_row (stmt));

  if (!finish_rows (db, rc, error))
    return NULL;

  return g_steal_pointer (&articles);
}

/**
 * dossier_article_store_list:
 *
 * Returns: (transfer full) (element-type DossierArticle): every visible article's
 *   metadata, oldest first; bodies are loaded with dossier_article_store_load().
 */
GPtrArray *
dossier_article_store_list (DossierDatabase  *db,
                            GError          **error)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  return list_where_hidden (db, FALSE, error);
}

/**
 * dossier_article_store_list_hidden:
 *
 * Returns: (transfer full) (element-type DossierArticle): the hidden articles' metadata,
 *   oldest first, for a way to show them again
 */
GPtrArray *
dossier_article_store_list_hidden (DossierDatabase  *db,
                                   GError          **error)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  return list_where_hidden (db, TRUE, error);
}

/* listed_contains(text, needle): whether @needle, already case-folded, is in @text folded
 * alike; the library's filter, as the user types it. */
static void
listed_contains (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  const char *needle = (const char *) sqlite3_value_text (argv[1]);
  g_autofree char *folded = NULL;

  if (text == NULL || needle == NULL)
    {
      sqlite3_result_int (context, 0);
      return;
    }

  folded = g_utf8_casefold (text, -1);
  sqlite3_result_int (context, strstr (folded, needle) != NULL);
}

/**
 * dossier_article_store_list_rows:
 * @filter: (nullable): only the articles whose title or outlet holds this text, in any case
 *
 * The rows of the visible articles in the library's order (oldest first, then by title),
 * read from one index without touching the articles themselves.
 *
 * Returns: (transfer full) (element-type gint64): the rows, NULL on error or cancel
 */
GArray *
dossier_article_store_list_rows (DossierDatabase  *db,
                                 const char       *filter,
                                 GCancellable     *cancellable,
                                 GError          **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(DossierStatement) stmt = NULL;
  g_autofree char *needle = filter && *filter ? g_utf8_casefold (filter, -1) : NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!dossier_database_add_function (db, "listed_contains", 2, listed_contains, error))
    return NULL;
  stmt = dossier_database_prepare (db,
    "SELECT id FROM articles WHERE hidden = 0"
    " AND (?1 IS NULL OR listed_contains (title, ?1) OR listed_contains (outlet, ?1))"
    " ORDER BY published_key, title", error);
  if (stmt == NULL)
    return NULL;

  dossier_statement_bind_text (stmt, 1, needle);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rows, row);
      if (rows->len % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }

  if (!finish_rows (db, rc, error) || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&rows);
}

static void
append_row (GString *list,
            gint64   row)
{
  g_string_append_printf (list, "%s%" G_GINT64_FORMAT, list->len > 1 ? "," : "", row);
}

/**
 * dossier_article_store_load_rows:
 * @rows: (array length=n_rows): rows dossier_article_store_list_rows() gave
 * @articles: (array length=n_rows) (out caller-allocates) (transfer full): each row's
 *   article without its body, NULL where the row is gone or hidden since
 *
 * Reads a page of the library's list: one statement, a rowid lookup per article.
 */
gboolean
dossier_article_store_load_rows (DossierDatabase  *db,
                                 const gint64     *rows,
                                 guint             n_rows,
                                 DossierArticle  **articles,
                                 GError          **error)
{
  g_autoptr(GString) list = g_string_new ("[");
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (n_rows == 0 || (rows != NULL && articles != NULL), FALSE);

  for (guint i = 0; i < n_rows; i++)
    {
      articles[i] = NULL;
      append_row (list, rows[i]);
    }
  g_string_append_c (list, ']');

  stmt = dossier_database_prepare (db,
    "SELECT " ARTICLE_COLUMNS ", id FROM articles"
    " WHERE id IN (SELECT value FROM json_each (?1))"
    " AND id NOT IN (SELECT id FROM articles WHERE hidden = 1)", error);
  if (stmt == NULL)
    return FALSE;

  dossier_statement_bind_text (stmt, 1, list->str);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 10);

      for (guint i = 0; i < n_rows; i++)
        if (rows[i] == row && articles[i] == NULL)
          articles[i] = article_from_row (stmt);
    }

  return finish_rows (db, rc, error);
}

static gboolean
load_credits (DossierDatabase  *db,
              DossierArticle   *article,
              gint64            rowid,
              GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  stmt = dossier_database_prepare (db,
    "SELECT role, name FROM credits WHERE article = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rowid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    dossier_article_add_credit (article, dossier_statement_column_text (stmt, 0),
                                dossier_statement_column_text (stmt, 1));

  return finish_rows (db, rc, error);
}

/* Cuts each block's text out of the body by its character range. */
static gboolean
load_blocks (DossierDatabase  *db,
             DossierArticle   *article,
             gint64            rowid,
             const char       *body,
             GError          **error)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DossierStatement) stmt = NULL;
  const char *cursor = body;
  guint cursor_offset = 0;
  glong n_chars = g_utf8_strlen (body, -1);
  int rc;

  stmt = dossier_database_prepare (db,
    "SELECT kind, start, length, attribution FROM blocks WHERE article = ?1"
    " ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rowid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint start = sqlite3_column_int (stmt, 1), length = sqlite3_column_int (stmt, 2);
      g_autofree char *text = NULL;
      const char *from, *to;

      /* A damaged row must not send the walk past the end of the body. */
      if (start < cursor_offset || (glong) start + length > n_chars)
        {
          g_set_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_CORRUPT,
                       _("%s: article “%s” has a block outside its text"),
                       dossier_database_get_path (db), dossier_article_get_id (article));
          return FALSE;
        }

      /* Blocks come in order, so walking on from the last one keeps this linear. */
      from = g_utf8_offset_to_pointer (cursor, (glong) start - cursor_offset);
      to = g_utf8_offset_to_pointer (from, length);
      cursor = to;
      cursor_offset = start + length;

      text = g_strndup (from, to - from);
      g_ptr_array_add (blocks, dossier_block_new (sqlite3_column_int (stmt, 0), text,
                                                  dossier_statement_column_text (stmt, 3)));
    }

  if (!finish_rows (db, rc, error))
    return FALSE;

  dossier_article_set_blocks (article, blocks);
  return TRUE;
}

/**
 * dossier_article_store_load:
 *
 * Returns: (transfer full): the article with id @uid, its credits and its body; or
 *   %NULL and %DOSSIER_DB_ERROR_NOT_FOUND.
 */
DossierArticle *
dossier_article_store_load (DossierDatabase  *db,
                            const char       *uid,
                            GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_autofree char *body = NULL;
  gint64 rowid;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  stmt = dossier_database_prepare (db,
    "SELECT " ARTICLE_COLUMNS ", id, body FROM articles WHERE uid = ?1", error);
  if (stmt == NULL)
    return NULL;

  dossier_statement_bind_text (stmt, 1, uid);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (finish_rows (db, rc, error))
        g_set_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_NOT_FOUND,
                     _("No article with id “%s”"), uid);
      return NULL;
    }

  article = article_from_row (stmt);
  rowid = sqlite3_column_int64 (stmt, 10);
  body = g_strdup (dossier_statement_column_text (stmt, 11));
  dossier_statement_release (g_steal_pointer (&stmt));

  if (!load_credits (db, article, rowid, error)
      || !load_blocks (db, article, rowid, body, error))
    return NULL;

  return g_steal_pointer (&article);
}

gint64
dossier_article_store_count (DossierDatabase  *db,
                             GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), -1);

  stmt = dossier_database_prepare (db, "SELECT count(*) FROM articles WHERE hidden = 0", error);
  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      dossier_database_set_error (db, sqlite3_errcode (dossier_database_get_handle (db)), error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/* Deletes the article with id @uid; its blocks, credits, mentions and events go with it. */
gboolean
dossier_article_store_delete (DossierDatabase  *db,
                              const char       *uid,
                              GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  stmt = dossier_database_prepare (db, "DELETE FROM articles WHERE uid = ?1", error);
  if (stmt == NULL)
    return FALSE;

  dossier_statement_bind_text (stmt, 1, uid);
  return dossier_database_step_done (db, stmt, error);
}

/**
 * dossier_article_store_list_ids:
 *
 * Returns: (transfer full) (element-type utf8): the ids of every article from @origin,
 *   hidden ones included
 */
GPtrArray *
dossier_article_store_list_ids (DossierDatabase  *db,
                                DossierOrigin     origin,
                                GError          **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  stmt = dossier_database_prepare (db, "SELECT uid FROM articles WHERE origin = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, origin);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup (dossier_statement_column_text (stmt, 0)));

  if (!finish_rows (db, rc, error))
    return NULL;

  return g_steal_pointer (&ids);
}

/**
 * dossier_article_store_lookup:
 * @found: (out): whether an article has id @uid
 * @rowid: (out) (optional): its row
 * @origin: (out) (optional): where it came from
 *
 * Tells whether an article with id @uid exists, hidden ones included.
 */
gboolean
dossier_article_store_lookup (DossierDatabase  *db,
                              const char       *uid,
                              gboolean         *found,
                              gint64           *rowid,
                              DossierOrigin    *origin,
                              GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (uid != NULL && found != NULL, FALSE);

  stmt = dossier_database_prepare (db, "SELECT id, origin FROM articles WHERE uid = ?1", error);
  if (stmt == NULL)
    return FALSE;

  dossier_statement_bind_text (stmt, 1, uid);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (*found && rowid != NULL)
    *rowid = sqlite3_column_int64 (stmt, 0);
  if (*found && origin != NULL)
    *origin = sqlite3_column_int (stmt, 1);

  return *found || finish_rows (db, rc, error);
}

/**
 * dossier_article_store_dup_title:
 *
 * Returns: (transfer full) (nullable): the title of the visible article @uid; NULL when
 *   there is none (hidden, removed) or on error
 */
char *
dossier_article_store_dup_title (DossierDatabase  *db,
                                 const char       *uid,
                                 GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  stmt = dossier_database_prepare (db,
    "SELECT title FROM articles WHERE uid = ?1 AND hidden = 0", error);
  if (stmt == NULL)
    return NULL;

  dossier_statement_bind_text (stmt, 1, uid);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return g_strdup (dossier_statement_column_text (stmt, 0));

  finish_rows (db, rc, error);
  return NULL;
}

/**
 * dossier_article_store_find_same:
 * @uid: (out) (transfer full): the id of an article with the same title, outlet,
 *   publication date and text as @article, or %NULL when there is none
 *
 * The identity of an article's content, whatever its id: the same story imported twice
 * under two ids is still one story.
 */
gboolean
dossier_article_store_find_same (DossierDatabase  *db,
                                 DossierArticle   *article,
                                 char            **uid,
                                 GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  const DossierDate *published;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), FALSE);

  stmt = dossier_database_prepare (db,
    "SELECT uid FROM articles WHERE text_hash = ?1 AND title = ?2 AND outlet IS ?3"
    " AND published_key = ?4 AND precision = ?5 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;

  published = dossier_article_get_published (article);
  dossier_statement_bind_text (stmt, 1, dossier_article_get_text_hash (article));
  dossier_statement_bind_text (stmt, 2, dossier_article_get_title (article));
  dossier_statement_bind_text (stmt, 3, dossier_article_get_outlet (article));
  sqlite3_bind_int (stmt, 4, dossier_date_to_key (published));
  sqlite3_bind_int (stmt, 5, published->precision);

  rc = sqlite3_step (stmt);
  *uid = rc == SQLITE_ROW ? g_strdup (dossier_statement_column_text (stmt, 0)) : NULL;
  return *uid != NULL || finish_rows (db, rc, error);
}

/* Hides (or shows again) the article with id @uid; lists, counts and searches leave hidden
 * articles out, but their rows, mentions and events stay. */
gboolean
dossier_article_store_set_hidden (DossierDatabase  *db,
                                  const char       *uid,
                                  gboolean          hidden,
                                  GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (uid != NULL, FALSE);

  stmt = dossier_database_prepare (db, "UPDATE articles SET hidden = ?2 WHERE uid = ?1", error);
  if (stmt == NULL)
    return FALSE;

  dossier_statement_bind_text (stmt, 1, uid);
  sqlite3_bind_int (stmt, 2, hidden ? 1 : 0);
  return dossier_database_step_done (db, stmt, error);
}

static char *
fts_phrase (const char *words)
{
  g_autoptr(GString) phrase = g_string_new (words);

  g_string_replace (phrase, "\"", "\"\"", 0);
  g_string_prepend_c (phrase, '"');
  g_string_append_c (phrase, '"');
  return g_string_free (g_steal_pointer (&phrase), FALSE);
}

/**
 * dossier_article_store_list_ids_naming:
 * @words: a name, as a phrase
 * @ids: (element-type utf8): where to add the ids of the articles whose title or text
 *   holds @words, in any case and with or without accents — more articles than hold it
 *   exactly, never fewer
 */
gboolean
dossier_article_store_list_ids_naming (DossierDatabase  *db,
                                       const char       *words,
                                       GHashTable       *ids,
                                       GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  g_autofree char *phrase = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (words != NULL && ids != NULL, FALSE);

  stmt = dossier_database_prepare (db,
    "SELECT a.uid FROM articles_fts f JOIN articles a ON a.id = f.rowid"
    " WHERE articles_fts MATCH ?1", error);
  if (stmt == NULL)
    return FALSE;

  phrase = fts_phrase (words);
  dossier_statement_bind_text (stmt, 1, phrase);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, g_strdup (dossier_statement_column_text (stmt, 0)));

  return finish_rows (db, rc, error);
}
