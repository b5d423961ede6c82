/* dossier-export.h: annotations written out as Markdown, HTML, Web Annotation JSON or CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-annotation.h"
#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_EXPORT_ERROR (dossier_export_error_quark ())

typedef enum
{
  DOSSIER_EXPORT_ERROR_WRITE,
} DossierExportError;

typedef enum
{
  DOSSIER_EXPORT_MARKDOWN,
  DOSSIER_EXPORT_HTML,
  DOSSIER_EXPORT_JSON,
  DOSSIER_EXPORT_CSV,
} DossierExportFormat;

GQuark      dossier_export_error_quark          (void);
gboolean    dossier_export_format_from_string   (const char           *name,
                                                 DossierExportFormat  *format);
const char *dossier_export_format_to_string     (DossierExportFormat   format);
const char *dossier_export_format_get_extension (DossierExportFormat   format);
const char *dossier_export_format_get_mime_type (DossierExportFormat   format);

char       *dossier_export_render               (DossierLibrary       *library,
                                                 GListModel           *annotations,
                                                 DossierExportFormat   format,
                                                 const char           *dossier_name,
                                                 GDateTime            *when,
                                                 GError              **error);
gboolean    dossier_export_write_file           (DossierLibrary       *library,
                                                 GListModel           *annotations,
                                                 DossierExportFormat   format,
                                                 const char           *dossier_name,
                                                 const char           *path,
                                                 GError              **error);
void        dossier_export_write_file_async     (DossierLibrary       *library,
                                                 GListModel           *annotations,
                                                 DossierExportFormat   format,
                                                 const char           *dossier_name,
                                                 const char           *path,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean    dossier_export_write_file_finish    (GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
