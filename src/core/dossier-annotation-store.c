/* dossier-annotation-store.c: annotations and their tags, in the user's database
 *
 * The only file that knows the SQL of the annotations and annotation_tags tables. Unlike
 * the article store, each change here is its own transaction, committed before the call
 * returns: annotations are the user's work, and there is no save button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-annotation-store"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-annotation-store.h"

#define ANNOTATION_COLUMNS \
  "a.id, a.article_uid, a.start_offset, a.end_offset, a.quote, a.prefix, a.suffix," \
  " a.text_hash, a.color, a.note, a.anchor, a.created, a.modified"

static gboolean
fail_step (DossierDatabase  *db,
           GError          **error)
{
  return dossier_database_set_error (db, sqlite3_errcode (dossier_database_get_handle (db)),
                                     error);
}

static gboolean
save_row (DossierDatabase    *db,
          DossierAnnotation  *annotation,
          GError            **error)
{
  g_autoptr(DossierStatement) stmt = dossier_database_prepare (db,
    "INSERT INTO annotations (id, article_uid, start_offset, end_offset, quote, prefix,"
    "   suffix, text_hash, color, note, anchor, created, modified)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    " ON CONFLICT (id) DO UPDATE SET"
    "   article_uid = excluded.article_uid, start_offset = excluded.start_offset,"
    "   end_offset = excluded.end_offset, quote = excluded.quote, prefix = excluded.prefix,"
    "   suffix = excluded.suffix, text_hash = excluded.text_hash, color = excluded.color,"
    "   note = excluded.note, anchor = excluded.anchor, created = excluded.created,"
    "   modified = excluded.modified", error);

  if (stmt == NULL)
    return FALSE;

  dossier_statement_bind_text (stmt, 1, dossier_annotation_get_id (annotation));
  dossier_statement_bind_text (stmt, 2, dossier_annotation_get_article_id (annotation));
  sqlite3_bind_int64 (stmt, 3, dossier_annotation_get_start (annotation));
  sqlite3_bind_int64 (stmt, 4, dossier_annotation_get_end (annotation));
  dossier_statement_bind_text (stmt, 5, dossier_annotation_get_quote (annotation));
  dossier_statement_bind_text (stmt, 6, dossier_annotation_get_prefix (annotation));
  dossier_statement_bind_text (stmt, 7, dossier_annotation_get_suffix (annotation));
  dossier_statement_bind_text (stmt, 8, dossier_annotation_get_text_hash (annotation));
  dossier_statement_bind_text (stmt, 9, dossier_highlight_color_to_string (
                                          dossier_annotation_get_color (annotation)));
  dossier_statement_bind_text (stmt, 10, dossier_annotation_get_note (annotation));
  sqlite3_bind_int (stmt, 11, dossier_annotation_get_anchor (annotation));
  dossier_statement_bind_text (stmt, 12, dossier_annotation_get_created (annotation));
  dossier_statement_bind_text (stmt, 13, dossier_annotation_get_modified (annotation));
  return dossier_database_step_done (db, stmt, error);
}

static gboolean
save_tags (DossierDatabase    *db,
           DossierAnnotation  *annotation,
           GError            **error)
{
  const char * const *tags = dossier_annotation_get_tags (annotation);
  g_autoptr(DossierStatement) clear = dossier_database_prepare (db,
    "DELETE FROM annotation_tags WHERE annotation = ?1", error);

  if (clear == NULL)
    return FALSE;
  dossier_statement_bind_text (clear, 1, dossier_annotation_get_id (annotation));
  if (!dossier_database_step_done (db, clear, error))
    return FALSE;

  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autoptr(DossierStatement) stmt = dossier_database_prepare (db,
        "INSERT INTO annotation_tags (annotation, tag, position) VALUES (?1, ?2, ?3)", error);

      if (stmt == NULL)
        return FALSE;
      dossier_statement_bind_text (stmt, 1, dossier_annotation_get_id (annotation));
      dossier_statement_bind_text (stmt, 2, tags[i]);
      sqlite3_bind_int (stmt, 3, i);
      if (!dossier_database_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_one (DossierDatabase    *db,
          DossierAnnotation  *annotation,
          GError            **error)
{
  return save_row (db, annotation, error) && save_tags (db, annotation, error);
}

/**
 * dossier_annotation_store_save_all:
 * @annotations: (element-type DossierAnnotation)
 *
 * Inserts each annotation, or replaces the one with the same id, in one transaction:
 * all are saved, or none.
 */
gboolean
dossier_annotation_store_save_all (DossierDatabase  *db,
                                   GPtrArray        *annotations,
                                   GError          **error)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (annotations != NULL, FALSE);

  if (!dossier_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < annotations->len; i++)
    if (!save_one (db, g_ptr_array_index (annotations, i), error))
      {
        dossier_database_rollback (db);
        return FALSE;
      }

  if (!dossier_database_commit (db, error))
    {
      dossier_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

/* Inserts @annotation, or replaces the one with its id; committed when this returns. */
gboolean
dossier_annotation_store_save (DossierDatabase    *db,
                               DossierAnnotation  *annotation,
                               GError            **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (annotation), FALSE);

  g_ptr_array_add (one, annotation);
  return dossier_annotation_store_save_all (db, one, error);
}

/* Deleting an id that is not there is not an error: the outcome is the same. */
gboolean
dossier_annotation_store_delete (DossierDatabase  *db,
                                 const char       *id,
                                 GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  /* A single statement is a transaction of its own; the tags go by ON DELETE CASCADE. */
  stmt = dossier_database_prepare (db, "DELETE FROM annotations WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  dossier_statement_bind_text (stmt, 1, id);
  return dossier_database_step_done (db, stmt, error);
}

static gboolean
load_tags (DossierDatabase    *db,
           DossierAnnotation  *annotation,
           GError            **error)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  g_autoptr(DossierStatement) stmt = dossier_database_prepare (db,
    "SELECT tag FROM annotation_tags WHERE annotation = ?1 ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  dossier_statement_bind_text (stmt, 1, dossier_annotation_get_id (annotation));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tags, g_strdup (dossier_statement_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    return dossier_database_set_error (db, rc, error);

  dossier_annotation_set_tags (annotation, (const char * const *) tags->pdata);
  return TRUE;
}

static DossierAnnotation *
annotation_from_row (DossierStatement *stmt)
{
  DossierAnnotation *annotation;
  DossierHighlightColor color = DOSSIER_HIGHLIGHT_YELLOW;

  annotation = dossier_annotation_new (dossier_statement_column_text (stmt, 0),
                                       dossier_statement_column_text (stmt, 1));
  /* The CHECK constraint keeps the colour known; yellow covers a damaged row. */
  dossier_highlight_color_from_string (dossier_statement_column_text (stmt, 8), &color);
  dossier_annotation_set_range (annotation, sqlite3_column_int64 (stmt, 2),
                                MAX (sqlite3_column_int64 (stmt, 2),
                                     sqlite3_column_int64 (stmt, 3)));
  g_object_set (annotation,
                "quote", dossier_statement_column_text (stmt, 4),
                "prefix", dossier_statement_column_text (stmt, 5),
                "suffix", dossier_statement_column_text (stmt, 6),
                "text-hash", dossier_statement_column_text (stmt, 7),
                "color", color,
                "note", dossier_statement_column_text (stmt, 9),
                "anchor", CLAMP (sqlite3_column_int (stmt, 10), 0, DOSSIER_ANCHOR_ORPHAN),
                "created", dossier_statement_column_text (stmt, 11),
                "modified", dossier_statement_column_text (stmt, 12),
                NULL);
  return annotation;
}

/* Reads the rows of @stmt, then each one's tags. */
static GPtrArray *
collect (DossierDatabase   *db,
         DossierStatement  *stmt,
         GError           **error)
{
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (annotations, annotation_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      dossier_database_set_error (db, rc, error);
      return NULL;
    }
  dossier_statement_release (stmt);

  for (guint i = 0; i < annotations->len; i++)
    if (!load_tags (db, g_ptr_array_index (annotations, i), error))
      return NULL;

  return g_steal_pointer (&annotations);
}

/**
 * dossier_annotation_store_load:
 *
 * Returns: (transfer full): the annotation with @id, or %NULL and
 *   %DOSSIER_DB_ERROR_NOT_FOUND
 */
DossierAnnotation *
dossier_annotation_store_load (DossierDatabase  *db,
                               const char       *id,
                               GError          **error)
{
  DossierStatement *stmt;
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  stmt = dossier_database_prepare (db,
    "SELECT " ANNOTATION_COLUMNS " FROM annotations a WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  dossier_statement_bind_text (stmt, 1, id);
  found = collect (db, stmt, error);
  dossier_statement_release (stmt);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_NOT_FOUND,
                   _("No annotation with id “%s”"), id);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (found, 0));
}

gboolean
dossier_annotation_store_exists (DossierDatabase  *db,
                                 const char       *id,
                                 gboolean         *exists,
                                 GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  stmt = dossier_database_prepare (db, "SELECT 1 FROM annotations WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  dossier_statement_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *exists = rc == SQLITE_ROW;
  return rc == SQLITE_ROW || rc == SQLITE_DONE || fail_step (db, error);
}

/**
 * dossier_annotation_store_list:
 * @filter: (nullable): which ones; %NULL for all
 *
 * Returns: (transfer full) (element-type DossierAnnotation): the matching annotations,
 *   grouped by article (oldest article first; articles that are gone last), in the
 *   order of their passages
 */
GPtrArray *
dossier_annotation_store_list (DossierDatabase                *db,
                               const DossierAnnotationFilter  *filter,
                               GError                        **error)
{
  DossierAnnotationFilter all = DOSSIER_ANNOTATION_FILTER_INIT;
  DossierStatement *stmt;
  GPtrArray *found;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  filter = filter ? filter : &all;
  stmt = dossier_database_prepare (db,
    "SELECT " ANNOTATION_COLUMNS " FROM annotations a"
    " LEFT JOIN articles ar ON ar.uid = a.article_uid"
    " WHERE (?1 IS NULL OR a.article_uid = ?1)"
    "   AND (?2 IS NULL OR a.color = ?2)"
    "   AND (?3 IS NULL OR EXISTS (SELECT 1 FROM annotation_tags t"
    "                              WHERE t.annotation = a.id AND t.tag = ?3))"
    "   AND (?4 IS NULL OR instr (lower (a.quote), lower (?4)) > 0"
    "                   OR instr (lower (a.note), lower (?4)) > 0)"
    "   AND (?5 = 0 OR a.anchor = 2)"
    " ORDER BY ar.id IS NULL, ar.published_key, ar.title, a.article_uid,"
    "   a.start_offset, a.end_offset, a.created, a.id", error);
  if (stmt == NULL)
    return NULL;

  dossier_statement_bind_text (stmt, 1, filter->article_id);
  dossier_statement_bind_text (stmt, 2, filter->color >= 0
                                        ? dossier_highlight_color_to_string (filter->color)
                                        : NULL);
  dossier_statement_bind_text (stmt, 3, filter->tag);
  dossier_statement_bind_text (stmt, 4, filter->text && *filter->text ? filter->text : NULL);
  sqlite3_bind_int (stmt, 5, filter->orphans_only);
  found = collect (db, stmt, error);
  dossier_statement_release (stmt);
  return found;
}

/**
 * dossier_annotation_store_list_tags:
 *
 * Returns: (transfer full): every tag in use, the most used first, for completion
 */
GStrv
dossier_annotation_store_list_tags (DossierDatabase  *db,
                                    GError          **error)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  stmt = dossier_database_prepare (db,
    "SELECT tag FROM annotation_tags GROUP BY tag ORDER BY count(*) DESC, tag", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tags, g_strdup (dossier_statement_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      dossier_database_set_error (db, rc, error);
      return NULL;
    }

  return (GStrv) g_ptr_array_steal (tags, NULL);
}

/**
 * dossier_annotation_store_count_by_article:
 *
 * Returns: (transfer full) (element-type utf8 guint): article id → number of annotations,
 *   for the articles that have any
 */
GHashTable *
dossier_annotation_store_count_by_article (DossierDatabase  *db,
                                           GError          **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  stmt = dossier_database_prepare (db,
    "SELECT article_uid, count(*) FROM annotations GROUP BY article_uid", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, g_strdup (dossier_statement_column_text (stmt, 0)),
                         GUINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      dossier_database_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&counts);
}
