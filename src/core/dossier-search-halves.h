/* dossier-search-halves.h: a scan of the matches in two halves, on two threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-database.h"
#include "dossier-search-lengths.h"
#include "dossier-search-top.h"

G_BEGIN_DECLS

gboolean _dossier_search_halves_collect (DossierDatabase       *db,
                                         const char            *match,
                                         DossierSearchTop      *top,
                                         DossierSearchLengths  *lengths,
                                         guint                  min_rows,
                                         GCancellable          *cancellable,
                                         gboolean              *done,
                                         GError               **error);
guint    _dossier_search_halves_get_n_split (void);

G_END_DECLS
