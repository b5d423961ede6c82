/* dossier-web-annotation.h: annotations as W3C Web Annotations (JSON-LD), both ways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "dossier-annotation.h"

G_BEGIN_DECLS

#define DOSSIER_WEB_ANNOTATION_CONTEXT "http://www.w3.org/ns/anno.jsonld"
#define DOSSIER_ARTICLE_URI_PREFIX "dossier://article/"

JsonNode  *dossier_web_annotation_build      (GPtrArray   *annotations,
                                              const char  *label,
                                              const char  *generated);
GPtrArray *dossier_web_annotation_read       (const char  *data,
                                              gssize       length,
                                              const char  *filename,
                                              GError     **error);
GPtrArray *dossier_web_annotation_read_file  (const char  *path,
                                              GError     **error);
gboolean   dossier_web_annotation_is_collection (JsonObject *object);

G_END_DECLS
