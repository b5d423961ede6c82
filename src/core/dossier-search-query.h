/* dossier-search-query.h: what a person typed in the search field, read as a query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-date.h"
#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SEARCH_QUERY (dossier_search_query_get_type ())

/* Default match markers: private-use characters that no article contains, for a widget to
 * turn into highlighting. */
#define DOSSIER_SEARCH_MARK_OPEN  "\xee\x80\x80"   /* U+E000 */
#define DOSSIER_SEARCH_MARK_CLOSE "\xee\x80\x81"   /* U+E001 */

/* Beyond these the rest of a query is ignored: they bound the work one query can cause. */
#define DOSSIER_SEARCH_MAX_TERMS       32
#define DOSSIER_SEARCH_MAX_TERM_BYTES  256
#define DOSSIER_SEARCH_MAX_ENTITIES    3
#define DOSSIER_SEARCH_MAX_OUTLETS     8
#define DOSSIER_SEARCH_MIN_PREFIX      2      /* characters before a '*' */
#define DOSSIER_SEARCH_DEFAULT_NEAR    10
#define DOSSIER_SEARCH_MAX_NEAR        100

G_DECLARE_FINAL_TYPE (DossierSearchQuery, dossier_search_query, DOSSIER, SEARCH_QUERY, GObject)

/* Whether a term's text gives the full-text index anything to look up (the store asks its
 * tokenizer); terms without any are left out of the MATCH expression. */
typedef gboolean (*DossierSearchTermFilter) (const char *text,
                                             gpointer    user_data);

DossierSearchQuery *dossier_search_query_new             (const char          *text);
const char         *dossier_search_query_get_text        (DossierSearchQuery  *self);
gboolean            dossier_search_query_is_empty        (DossierSearchQuery  *self);
gboolean            dossier_search_query_has_terms       (DossierSearchQuery  *self);
gboolean            dossier_search_query_has_filters     (DossierSearchQuery  *self);

const char         *dossier_search_query_get_open_mark   (DossierSearchQuery  *self);
const char         *dossier_search_query_get_close_mark  (DossierSearchQuery  *self);
void                dossier_search_query_set_marks       (DossierSearchQuery  *self,
                                                          const char          *open_mark,
                                                          const char          *close_mark);

char               *dossier_search_query_dup_match       (DossierSearchQuery  *self,
                                                          DossierSearchTermFilter keep,
                                                          gpointer             user_data);
char               *dossier_search_query_dup_exclusion   (DossierSearchQuery  *self,
                                                          DossierSearchTermFilter keep,
                                                          gpointer             user_data);
char               *dossier_search_query_dup_name_match  (DossierSearchQuery  *self,
                                                          DossierSearchTermFilter keep,
                                                          gpointer             user_data);

/* The other spellings of @phrase (an entity's other names), or %NULL for none. */
typedef GPtrArray *(*DossierSearchSpellingsFunc) (const char *phrase,
                                                  gpointer    user_data);

void                dossier_search_query_add_spellings   (DossierSearchQuery  *self,
                                                          DossierSearchSpellingsFunc spellings,
                                                          gpointer             user_data);

GPtrArray          *dossier_search_query_get_entities    (DossierSearchQuery  *self);
GPtrArray          *dossier_search_query_get_outlets     (DossierSearchQuery  *self);
const DossierDate  *dossier_search_query_get_after       (DossierSearchQuery  *self);
const DossierDate  *dossier_search_query_get_before      (DossierSearchQuery  *self);

char               *dossier_search_quote                 (const char          *text);
char               *dossier_search_entity_filter         (const char          *name);

G_END_DECLS
