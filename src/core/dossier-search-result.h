/* dossier-search-result.h: one article found by a search, as a list row shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-date.h"
#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SEARCH_RESULT (dossier_search_result_get_type ())

G_DECLARE_FINAL_TYPE (DossierSearchResult, dossier_search_result, DOSSIER, SEARCH_RESULT, GObject)

DossierSearchResult *dossier_search_result_new              (const char          *article_id,
                                                             const char          *title,
                                                             const char          *outlet,
                                                             const DossierDate   *published);
const char          *dossier_search_result_get_article_id   (DossierSearchResult *self);
const char          *dossier_search_result_get_title        (DossierSearchResult *self);
const char          *dossier_search_result_get_outlet       (DossierSearchResult *self);
const DossierDate   *dossier_search_result_get_published    (DossierSearchResult *self);
double               dossier_search_result_get_score        (DossierSearchResult *self);
const char          *dossier_search_result_get_marked_title (DossierSearchResult *self);
const char          *dossier_search_result_get_snippet      (DossierSearchResult *self);

void                 _dossier_search_result_set_match       (DossierSearchResult *self,
                                                             double               score,
                                                             const char          *marked_title,
                                                             const char          *snippet);

G_END_DECLS
