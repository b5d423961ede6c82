/* dossier-search-lengths.h: every article's length in tokens, for ranking many matches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dossier-database.h"

G_BEGIN_DECLS

typedef struct _DossierSearchLengths DossierSearchLengths;

DossierSearchLengths *_dossier_search_lengths_new    (DossierDatabase      *db);
void                  _dossier_search_lengths_free   (DossierSearchLengths *self);
gboolean              _dossier_search_lengths_is_current (DossierSearchLengths *self);
gboolean              _dossier_search_lengths_update (DossierSearchLengths *self,
                                                      GError              **error);
gboolean              _dossier_search_lengths_lookup (DossierSearchLengths *self,
                                                      gint64                rowid,
                                                      int                  *n_tokens);
gboolean              _dossier_search_lengths_get_range (DossierSearchLengths *self,
                                                         gint64               *first,
                                                         gint64               *last);
DossierSearchLengths *_dossier_search_lengths_copy   (DossierSearchLengths *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierSearchLengths, _dossier_search_lengths_free)

G_END_DECLS
