/* dossier-search-split.h: a large scan of the matches shared between two threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-database.h"
#include "dossier-search-lengths.h"
#include "dossier-search-top.h"

G_BEGIN_DECLS

gboolean _dossier_search_split_collect      (DossierDatabase       *db,
                                             const char            *match,
                                             gboolean               prefix,
                                             DossierSearchTop      *top,
                                             GArray                *hidden,
                                             DossierSearchLengths  *lengths,
                                             guint                  min_rows,
                                             guint                  min_usec,
                                             GCancellable          *cancellable,
                                             gboolean              *done,
                                             GError               **error);
guint    _dossier_search_split_get_n_shared (void);
guint    _dossier_search_split_get_n_taken_back (void);
void     _dossier_search_split_set_helper_delay (guint usec);
void     _dossier_search_split_join             (DossierDatabase *db);

G_END_DECLS
