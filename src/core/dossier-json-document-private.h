/* dossier-json-document-private.h: what the files of DossierJsonDocument share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-json-document.h"

G_BEGIN_DECLS

struct _DossierJsonDocument
{
  GObject     parent_instance;

  JsonParser *parser;
  char       *filename;
  const char *data;          /* borrowed: errors found after parsing quote positions in it */
  gsize       length;
  GArray     *line_starts;   /* gsize: byte offset of each line */
  GHashTable *offsets;       /* JsonObject/JsonArray/JsonNode → byte offset + 1 */
  GArray     *open_offsets;  /* gsize: where each open object or array began, in parsed */

  /* What json-glib reads: data itself; or one article of it; or its outline, each
   * article left as "{}" to be read apart (see dossier_json_document_new_outline()). */
  const char *parsed;
  gsize       parsed_length;
  GArray     *parsed_lines;  /* gsize: byte offset of each line of parsed */
  GArray     *cuts;          /* Cut: where parsed and data stop lining up; NULL for none */
  GArray     *apart;         /* Span: the articles read apart; NULL when none are */
};

/* From parsed on, the text is data's from original on. */
typedef struct
{
  gsize parsed;
  gsize original;
} Cut;

/* An object of the root's "articles" array, its braces included. */
typedef struct
{
  gsize open;
  gsize close;
} Span;

gboolean _dossier_json_fail_at      (DossierJsonDocument  *self,
                                     GError              **error,
                                     DossierImportError    code,
                                     gsize                 offset,
                                     const char           *format,
                                     ...) G_GNUC_PRINTF (5, 6);
gboolean _dossier_json_check_text   (DossierJsonDocument  *self,
                                     GError              **error);
gboolean _dossier_json_check_syntax (DossierJsonDocument  *self,
                                     GError              **error);

G_END_DECLS
