/* dossier-search-store.h: full-text search over the articles and entity names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-database.h"
#include "dossier-entity.h"
#include "dossier-search-query.h"
#include "dossier-search-result.h"

G_BEGIN_DECLS

GPtrArray *dossier_search_store_find          (DossierDatabase     *db,
                                               DossierSearchQuery  *query,
                                               guint                offset,
                                               guint                limit,
                                               gboolean            *has_more,
                                               GCancellable        *cancellable,
                                               GError             **error);
gint64     dossier_search_store_count         (DossierDatabase     *db,
                                               DossierSearchQuery  *query,
                                               GCancellable        *cancellable,
                                               GError             **error);
GPtrArray *dossier_search_store_find_entities (DossierDatabase     *db,
                                               DossierSearchQuery  *query,
                                               guint                limit,
                                               GError             **error);
gboolean   dossier_search_store_tidy_index    (DossierDatabase     *db,
                                               gint64               n_new,
                                               GError             **error);
gboolean   dossier_search_store_begin_import  (DossierDatabase     *db,
                                               gint64               n_articles,
                                               GError             **error);
gboolean   dossier_search_store_end_import    (DossierDatabase     *db,
                                               GError             **error);

/* For tests and the benchmark */
void       _dossier_search_store_set_collect_top (gboolean           enabled);
void       _dossier_search_store_set_split       (guint              n_rows,
                                                  guint              usec);
void       _dossier_search_store_reset_split     (void);
/* For tests: the plan SQLite chooses for the page query, one line per step. */
char      *_dossier_search_store_explain      (DossierDatabase     *db,
                                               DossierSearchQuery  *query,
                                               GError             **error);

G_END_DECLS
