/* dossier-export-json.c: annotations as a W3C Web Annotation collection (JSON-LD)
 *
 * The model itself is in dossier-web-annotation.c, which also reads it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include "dossier-export-private.h"
#include "dossier-web-annotation.h"

char *
_dossier_export_json (const DossierExportDocument *document)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  root = dossier_web_annotation_build (document->annotations, document->dossier_name,
                                       document->exported);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}
