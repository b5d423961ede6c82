/* dossier-entity-store.c: entities and their aliases, in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-entity-store"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-entity-store.h"

static gboolean
save_aliases (DossierDatabase  *db,
              DossierEntity    *entity,
              gint64            rowid,
              GError          **error)
{
  const char * const *aliases = dossier_entity_get_aliases (entity);

  for (guint i = 0; aliases[i] != NULL; i++)
    {
      g_autoptr(DossierStatement) stmt = dossier_database_prepare (db,
        "INSERT OR IGNORE INTO aliases (entity, alias) VALUES (?1, ?2)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      dossier_statement_bind_text (stmt, 2, aliases[i]);
      if (!dossier_database_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Inserts @entity or merges it into the one of the same name: its aliases are added to
 * the known ones, and a description replaces the old one only when it has one. */
gboolean
dossier_entity_store_save (DossierDatabase  *db,
                           DossierEntity    *entity,
                           DossierOrigin     origin,
                           GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  gint64 rowid;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (DOSSIER_IS_ENTITY (entity), FALSE);

  stmt = dossier_database_prepare (db,
    "INSERT INTO entities (name, kind, description, origin) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (name) DO UPDATE SET kind = excluded.kind,"
    "   description = coalesce (excluded.description, description)"
    " RETURNING id", error);
  if (stmt == NULL)
    return FALSE;

  dossier_statement_bind_text (stmt, 1, dossier_entity_get_name (entity));
  sqlite3_bind_int (stmt, 2, dossier_entity_get_kind (entity));
  dossier_statement_bind_text (stmt, 3, dossier_entity_get_description (entity));
  sqlite3_bind_int (stmt, 4, origin);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return dossier_database_set_error (db, sqlite3_errcode (dossier_database_get_handle (db)),
                                       error);

  rowid = sqlite3_column_int64 (stmt, 0);
  dossier_statement_release (g_steal_pointer (&stmt));
  return save_aliases (db, entity, rowid, error);
}

/**
 * dossier_entity_store_list:
 *
 * Returns: (transfer full) (element-type DossierEntity): every entity with its aliases,
 *   by name
 */
GPtrArray *
dossier_entity_store_list (DossierDatabase  *db,
                           GError          **error)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DossierStatement) stmt = NULL;
  DossierEntity *current = NULL;
  gint64 current_id = -1;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  stmt = dossier_database_prepare (db,
    "SELECT e.id, e.name, e.kind, e.description, a.alias FROM entities e"
    " LEFT JOIN aliases a ON a.entity = e.id ORDER BY e.name, e.id, a.alias", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_int64 (stmt, 0) != current_id)
        {
          current_id = sqlite3_column_int64 (stmt, 0);
          current = dossier_entity_new (dossier_statement_column_text (stmt, 1),
                                        sqlite3_column_int (stmt, 2));
          dossier_entity_set_description (current, dossier_statement_column_text (stmt, 3));
          g_ptr_array_add (entities, current);
        }
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        dossier_entity_add_alias (current, dossier_statement_column_text (stmt, 4));
    }

  if (rc != SQLITE_DONE)
    {
      dossier_database_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entities);
}

static gboolean
load_aliases (DossierDatabase  *db,
              DossierEntity    *entity,
              gint64            rowid,
              GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  stmt = dossier_database_prepare (db,
    "SELECT alias FROM aliases WHERE entity = ?1 ORDER BY alias", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rowid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    dossier_entity_add_alias (entity, dossier_statement_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    return dossier_database_set_error (db, rc, error);
  return TRUE;
}

/**
 * dossier_entity_store_find:
 * @name: a name or an alias, in any case (ASCII letters only are folded)
 *
 * An entity's own name wins over another's alias; of several entities sharing an alias,
 * the first by name is taken.
 *
 * Returns: (transfer full): the entity with its aliases, or %NULL and
 *   %DOSSIER_DB_ERROR_NOT_FOUND
 */
DossierEntity *
dossier_entity_store_find (DossierDatabase  *db,
                           const char       *name,
                           GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  g_autoptr(DossierEntity) entity = NULL;
  gint64 rowid;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = dossier_database_prepare (db,
    "SELECT id, name, kind, description FROM entities"
    " WHERE name = ?1 COLLATE NOCASE"
    "   OR id IN (SELECT entity FROM aliases WHERE alias = ?1 COLLATE NOCASE)"
    " ORDER BY (name = ?1 COLLATE NOCASE) DESC, name LIMIT 1", error);
  if (stmt == NULL)
    return NULL;

  dossier_statement_bind_text (stmt, 1, name);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        dossier_database_set_error (db, rc, error);
      else
        g_set_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_NOT_FOUND,
                     _("No entity is called “%s”"), name);
      return NULL;
    }

  rowid = sqlite3_column_int64 (stmt, 0);
  entity = dossier_entity_new (dossier_statement_column_text (stmt, 1),
                               sqlite3_column_int (stmt, 2));
  dossier_entity_set_description (entity, dossier_statement_column_text (stmt, 3));
  dossier_statement_release (g_steal_pointer (&stmt));

  if (!load_aliases (db, entity, rowid, error))
    return NULL;

  return g_steal_pointer (&entity);
}
