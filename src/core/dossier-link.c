/* dossier-link.c: dossier: links to an article or a passage of it
 *
 * dossier://article/ID opens an article; ?start=N&end=M (character offsets into its
 * text) selects a passage. Exported notes use these links to lead back to their source.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-link"

#include <gio/gio.h>

#include "dossier-link.h"

char *
dossier_link_build (const char *article_id,
                    guint       start,
                    guint       end)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (article_id != NULL, NULL);

  escaped = g_uri_escape_string (article_id, NULL, FALSE);
  if (start == 0 && end == 0)
    return g_strdup_printf (DOSSIER_LINK_SCHEME "://article/%s", escaped);

  return g_strdup_printf (DOSSIER_LINK_SCHEME "://article/%s?start=%u&end=%u", escaped, start,
                          end);
}

static gboolean
parse_offset (GHashTable *params,
              const char *name,
              guint      *value)
{
  const char *text = g_hash_table_lookup (params, name);
  guint64 parsed;

  *value = 0;
  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &parsed, NULL))
    return FALSE;

  *value = (guint) parsed;
  return TRUE;
}

/* FALSE for anything that is not a well-formed dossier: link; an absent passage gives
 * 0 and 0. */
gboolean
dossier_link_parse (const char  *uri,
                    char       **article_id,
                    guint       *start,
                    guint       *end)
{
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GHashTable) params = NULL;
  const char *path;

  g_return_val_if_fail (article_id != NULL && start != NULL && end != NULL, FALSE);

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL || g_strcmp0 (g_uri_get_scheme (parsed), DOSSIER_LINK_SCHEME) != 0
      || g_strcmp0 (g_uri_get_host (parsed), "article") != 0)
    return FALSE;

  path = g_uri_get_path (parsed);
  if (path == NULL || path[0] != '/' || path[1] == '\0')
    return FALSE;

  if (g_uri_get_query (parsed) != NULL)
    {
      params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, NULL);
      if (params == NULL || !parse_offset (params, "start", start)
          || !parse_offset (params, "end", end) || *end < *start)
        return FALSE;
    }
  else
    *start = *end = 0;

  *article_id = g_strdup (path + 1);
  return TRUE;
}
