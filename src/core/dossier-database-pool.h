/* dossier-database-pool.h: connections to one library, kept for the worker threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-database.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DATABASE_POOL (dossier_database_pool_get_type ())

G_DECLARE_FINAL_TYPE (DossierDatabasePool, dossier_database_pool, DOSSIER, DATABASE_POOL, GObject)

DossierDatabasePool *dossier_database_pool_new       (const char           *path,
                                                      DossierDatabaseMode   mode,
                                                      guint                 max_idle);
DossierDatabase     *dossier_database_pool_take      (DossierDatabasePool  *self,
                                                      GError              **error);
void                 dossier_database_pool_give_back (DossierDatabasePool  *self,
                                                      DossierDatabase      *db);
guint                dossier_database_pool_get_n_idle (DossierDatabasePool *self);

G_END_DECLS
