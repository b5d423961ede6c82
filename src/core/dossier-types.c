/* dossier-types.c: names of the shared enums, as they appear in files and on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-types"

#include "dossier-types.h"

static const char *block_kind_names[] = {
  "paragraph", "heading", "caption", "quote", "verdict", "credit",
};

static const char *entity_kind_names[] = {
  "person", "organization", "place", "equipment", "other",
};

static const char *precision_names[] = {
  "none", "year", "month", "day",
};

static gboolean
lookup_name (const char  *const *names,
             guint               n_names,
             const char         *name,
             guint              *index)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (names[i], name) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
dossier_block_kind_to_string (DossierBlockKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (block_kind_names), NULL);

  return block_kind_names[kind];
}

gboolean
dossier_block_kind_from_string (const char       *name,
                                DossierBlockKind *kind)
{
  guint index;

  if (!lookup_name (block_kind_names, G_N_ELEMENTS (block_kind_names), name, &index))
    return FALSE;

  *kind = (DossierBlockKind) index;
  return TRUE;
}

const char *
dossier_entity_kind_to_string (DossierEntityKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (entity_kind_names), NULL);

  return entity_kind_names[kind];
}

gboolean
dossier_entity_kind_from_string (const char        *name,
                                 DossierEntityKind *kind)
{
  guint index;

  /* British spelling too: the dossier's own sources write "organisation". */
  if (g_strcmp0 (name, "organisation") == 0)
    name = "organization";

  if (!lookup_name (entity_kind_names, G_N_ELEMENTS (entity_kind_names), name, &index))
    return FALSE;

  *kind = (DossierEntityKind) index;
  return TRUE;
}

const char *
dossier_precision_to_string (DossierPrecision precision)
{
  g_return_val_if_fail (precision < G_N_ELEMENTS (precision_names), NULL);

  return precision_names[precision];
}
