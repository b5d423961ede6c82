/* dossier-search-store-private.h: what the split scan shares with the search store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-database.h"
#include "dossier-search-top.h"

G_BEGIN_DECLS

gboolean _dossier_search_store_scan (DossierDatabase   *db,
                                     const char        *match,
                                     DossierSearchTop  *top,
                                     gint64             first,
                                     gint64             last,
                                     GCancellable      *cancellable,
                                     GError           **error);

G_END_DECLS
