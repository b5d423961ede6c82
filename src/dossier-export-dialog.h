/* dossier-export-dialog.h: choose a format and which notes, then where to write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-annotations.h"
#include "dossier-export.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EXPORT_DIALOG (dossier_export_dialog_get_type ())

/* Which notes are exported. */
typedef enum
{
  DOSSIER_EXPORT_SCOPE_ALL,
  DOSSIER_EXPORT_SCOPE_ARTICLE,   /* the current article's */
  DOSSIER_EXPORT_SCOPE_SHOWN,     /* those the notes view shows */
} DossierExportScope;

G_DECLARE_FINAL_TYPE (DossierExportDialog, dossier_export_dialog, DOSSIER, EXPORT_DIALOG, AdwWindow)

DossierExportDialog *dossier_export_dialog_new        (GtkWindow                     *parent,
                                                       DossierAnnotations            *annotations,
                                                       const char                    *article_id,
                                                       const DossierAnnotationFilter *shown);
DossierExportFormat  dossier_export_dialog_get_format (DossierExportDialog           *self);
void                 dossier_export_dialog_set_format (DossierExportDialog           *self,
                                                       DossierExportFormat            format);
DossierExportScope   dossier_export_dialog_get_scope  (DossierExportDialog           *self);
gboolean             dossier_export_dialog_set_scope  (DossierExportDialog           *self,
                                                       DossierExportScope             scope);
char                *dossier_export_dialog_dup_suggested_name (DossierExportDialog   *self);
void                 dossier_export_dialog_export_to  (DossierExportDialog           *self,
                                                       const char                    *path);

G_END_DECLS
