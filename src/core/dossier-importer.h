/* dossier-importer.h: reads articles and entities from files in the import format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-json-document.h"
#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_IMPORTER (dossier_importer_get_type ())

/* The import format this Dossier writes and reads. */
#define DOSSIER_FORMAT_NAME    "dossier"
#define DOSSIER_FORMAT_VERSION 1
/* Files larger than this are refused before they are read. */
#define DOSSIER_IMPORT_MAX_FILE_SIZE (64 * 1024 * 1024)

G_DECLARE_FINAL_TYPE (DossierImporter, dossier_importer, DOSSIER, IMPORTER, GObject)

DossierImporter *dossier_importer_new          (void);
gboolean         dossier_importer_add_file     (DossierImporter  *self,
                                                const char       *path,
                                                GError          **error);
gboolean         dossier_importer_add_data     (DossierImporter  *self,
                                                const char       *data,
                                                gssize            length,
                                                const char       *filename,
                                                GError          **error);
gboolean         dossier_importer_open_file    (DossierImporter  *self,
                                                const char       *path,
                                                GError          **error);
guint            dossier_importer_get_n_unread (DossierImporter  *self);
DossierArticle  *dossier_importer_read_next    (DossierImporter  *self,
                                                GError          **error);
GPtrArray       *dossier_importer_get_articles (DossierImporter  *self);
GPtrArray       *dossier_importer_get_entities (DossierImporter  *self);

G_END_DECLS
