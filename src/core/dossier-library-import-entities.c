/* dossier-library-import-entities.c: a file's entities merged into the catalogue
 *
 * An entity the catalogue knows by its name or one of its aliases keeps its name and kind
 * and takes the file's other names; one it does not know is added. The names it learns
 * tell which articles the import must analyse again (see dossier-library-import.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-library"

#include "config.h"

#include "dossier-entity-store.h"
#include "dossier-library-import-private.h"

/* The known entity @entity is, by its name or one of its aliases, or NULL. */
static gboolean
find_known (DossierDatabase  *db,
            DossierEntity    *entity,
            DossierEntity   **known,
            GError          **error)
{
  const char * const *aliases = dossier_entity_get_aliases (entity);
  g_autoptr(GError) local_error = NULL;

  *known = dossier_entity_store_find (db, dossier_entity_get_name (entity), &local_error);
  for (guint i = 0; *known == NULL && aliases[i] != NULL; i++)
    {
      if (!g_error_matches (local_error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_NOT_FOUND))
        break;
      g_clear_error (&local_error);
      *known = dossier_entity_store_find (db, aliases[i], &local_error);
    }

  if (*known != NULL || g_error_matches (local_error, DOSSIER_DB_ERROR,
                                         DOSSIER_DB_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Adds @entity's names to @known's, and those @known did not have to @learnt. */
static void
merge_into (DossierEntity *known,
            DossierEntity *entity,
            GPtrArray     *learnt)
{
  const char * const *aliases = dossier_entity_get_aliases (entity);
  guint before = g_strv_length ((char **) dossier_entity_get_aliases (known));
  const char * const *merged;

  dossier_entity_add_alias (known, dossier_entity_get_name (entity));
  for (guint i = 0; aliases[i] != NULL; i++)
    dossier_entity_add_alias (known, aliases[i]);
  if (dossier_entity_get_description (entity) != NULL)
    dossier_entity_set_description (known, dossier_entity_get_description (entity));

  merged = dossier_entity_get_aliases (known);
  for (guint i = before; merged[i] != NULL; i++)
    g_ptr_array_add (learnt, g_strdup (merged[i]));
}

static void
learn_all (DossierEntity *entity,
           GPtrArray     *learnt)
{
  const char * const *aliases = dossier_entity_get_aliases (entity);

  g_ptr_array_add (learnt, g_strdup (dossier_entity_get_name (entity)));
  for (guint i = 0; aliases[i] != NULL; i++)
    g_ptr_array_add (learnt, g_strdup (aliases[i]));
}

/* The known entity keeps its name and kind: the catalogue's reading of it wins. */
static gboolean
save_entity (Batch          *batch,
             DossierEntity  *entity,
             GPtrArray      *learnt,
             GError        **error)
{
  g_autoptr(DossierEntity) known = NULL;

  if (!find_known (batch->db, entity, &known, error))
    return FALSE;

  if (known == NULL)
    {
      learn_all (entity, learnt);
      return dossier_entity_store_save (batch->db, entity, DOSSIER_ORIGIN_IMPORTED, error);
    }

  merge_into (known, entity, learnt);
  return dossier_entity_store_save (batch->db, known, DOSSIER_ORIGIN_IMPORTED, error);
}

static gboolean
load_matcher (Batch   *batch,
              GError **error)
{
  g_autoptr(GPtrArray) entities = dossier_entity_store_list (batch->db, error);

  if (entities == NULL)
    return FALSE;

  g_clear_object (&batch->matcher);
  batch->matcher = dossier_entity_matcher_new (entities);
  return TRUE;
}

/* Saves the file's @entities, merged with the known ones, and rebuilds the batch's
 * matcher when the catalogue changed. @learnt: the names and aliases the catalogue did
 * not know before */
gboolean
_dossier_import_save_entities (Batch      *batch,
                               GPtrArray  *entities,
                               GPtrArray  *learnt,
                               GError    **error)
{
  for (guint i = 0; i < entities->len; i++)
    if (!save_entity (batch, g_ptr_array_index (entities, i), learnt, error))
      return FALSE;

  if (learnt->len > 0 || batch->matcher == NULL)
    return load_matcher (batch, error);
  return TRUE;
}
