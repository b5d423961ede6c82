/* dossier-json-document.h: a parsed JSON file that remembers where each value stood
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_JSON_DOCUMENT (dossier_json_document_get_type ())
#define DOSSIER_IMPORT_ERROR (dossier_import_error_quark ())

/* Deeper nesting than this is refused before json-glib sees it: json-glib 1.6 recurses
 * once per level and has no limit of its own. */
#define DOSSIER_JSON_MAX_DEPTH 64

typedef enum
{
  DOSSIER_IMPORT_ERROR_NOT_UTF8,
  DOSSIER_IMPORT_ERROR_SYNTAX,
  DOSSIER_IMPORT_ERROR_TOO_DEEP,
  DOSSIER_IMPORT_ERROR_TOO_LARGE,
  DOSSIER_IMPORT_ERROR_WRONG_TYPE,
  DOSSIER_IMPORT_ERROR_MISSING_FIELD,
  DOSSIER_IMPORT_ERROR_INVALID_VALUE,
  DOSSIER_IMPORT_ERROR_UNSUPPORTED,
  DOSSIER_IMPORT_ERROR_READ,
  DOSSIER_IMPORT_ERROR_NOTES,      /* a notes export (Web Annotations), not articles */
} DossierImportError;

G_DECLARE_FINAL_TYPE (DossierJsonDocument, dossier_json_document, DOSSIER, JSON_DOCUMENT, GObject)

GQuark               dossier_import_error_quark         (void);
DossierJsonDocument *dossier_json_document_new          (const char           *data,
                                                         gssize                length,
                                                         const char           *filename,
                                                         GError              **error);
DossierJsonDocument *dossier_json_document_new_outline  (const char           *data,
                                                         gssize                length,
                                                         const char           *filename,
                                                         GError              **error);
guint                dossier_json_document_get_n_apart  (DossierJsonDocument  *self);
DossierJsonDocument *dossier_json_document_parse_apart  (DossierJsonDocument  *self,
                                                         guint                 n,
                                                         GError              **error);
JsonNode            *dossier_json_document_get_root     (DossierJsonDocument  *self);
const char          *dossier_json_document_get_filename (DossierJsonDocument  *self);
void                 dossier_json_document_set_error    (DossierJsonDocument  *self,
                                                         GError              **error,
                                                         DossierImportError    code,
                                                         gconstpointer         where,
                                                         const char           *format,
                                                         ...) G_GNUC_PRINTF (5, 6);
void                 dossier_json_document_set_member_error (DossierJsonDocument  *self,
                                                             GError              **error,
                                                             DossierImportError    code,
                                                             JsonObject           *object,
                                                             const char           *member,
                                                             const char           *format,
                                                             ...) G_GNUC_PRINTF (6, 7);
gboolean             dossier_json_document_get_string   (DossierJsonDocument  *self,
                                                         JsonObject           *object,
                                                         const char           *member,
                                                         gboolean              required,
                                                         const char          **value,
                                                         GError              **error);
gboolean             dossier_json_document_get_int      (DossierJsonDocument  *self,
                                                         JsonObject           *object,
                                                         const char           *member,
                                                         gboolean              required,
                                                         gint64               *value,
                                                         GError              **error);
gboolean             dossier_json_document_get_array    (DossierJsonDocument  *self,
                                                         JsonObject           *object,
                                                         const char           *member,
                                                         gboolean              required,
                                                         JsonArray           **value,
                                                         GError              **error);
gboolean             dossier_json_document_get_object_element (DossierJsonDocument  *self,
                                                               JsonArray            *array,
                                                               guint                 index,
                                                               const char           *what,
                                                               JsonObject          **value,
                                                               GError              **error);
gboolean             dossier_json_document_get_string_element (DossierJsonDocument  *self,
                                                               JsonArray            *array,
                                                               guint                 index,
                                                               const char           *what,
                                                               const char          **value,
                                                               GError              **error);

G_END_DECLS
