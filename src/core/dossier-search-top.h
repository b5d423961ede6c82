/* dossier-search-top.h: the best matches of a full-text query, kept while FTS5 scans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "dossier-search-lengths.h"

G_BEGIN_DECLS

/* The FTS5 auxiliary function: dossier_top(articles_fts, ?) with a pointer bound as
 * DOSSIER_SEARCH_TOP_POINTER. */
#define DOSSIER_SEARCH_TOP_FUNCTION "dossier_top"
#define DOSSIER_SEARCH_TOP_POINTER  "dossier-search-top"

typedef struct _DossierSearchTop DossierSearchTop;
typedef struct _DossierSearchIdf DossierSearchIdf;

int               _dossier_search_top_register  (fts5_api         *api);
DossierSearchTop *_dossier_search_top_new       (guint                 capacity,
                                                 DossierSearchLengths *lengths);
DossierSearchTop *_dossier_search_top_new_like  (DossierSearchTop     *self);
void              _dossier_search_top_free      (DossierSearchTop *self);
void              _dossier_search_top_set_hidden (DossierSearchTop *self,
                                                  const gint64     *hidden,
                                                  guint             n_hidden);
void              _dossier_search_top_fix_lengths (DossierSearchTop     *self,
                                                   DossierSearchLengths *fixed);
void              _dossier_search_top_share_idf (DossierSearchTop *self,
                                                 DossierSearchIdf *shared);
void              _dossier_search_top_merge     (DossierSearchTop *self,
                                                 DossierSearchTop *other);
int               _dossier_search_top_get_error (DossierSearchTop *self);
gint64            _dossier_search_top_get_prepare_usec (DossierSearchTop *self);
void              _dossier_search_top_stop_from (DossierSearchTop *self,
                                                 gint64            rowid);
gint64            _dossier_search_top_get_stopped_at (DossierSearchTop *self);
gint64            _dossier_search_top_get_n_matches (DossierSearchTop *self);
guint             _dossier_search_top_finish    (DossierSearchTop *self);
gboolean          _dossier_search_top_pop       (DossierSearchTop *self,
                                                 gint64           *rowid,
                                                 double           *score);
gint64            _dossier_search_top_get_rowid (DossierSearchTop *self,
                                                 guint             index);
double            _dossier_search_top_get_score (DossierSearchTop *self,
                                                 guint             index);

gint64            _dossier_search_thread_cpu_usec (void);

DossierSearchIdf *_dossier_search_idf_new       (void);
void              _dossier_search_idf_free      (DossierSearchIdf *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierSearchTop, _dossier_search_top_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierSearchIdf, _dossier_search_idf_free)

G_END_DECLS
