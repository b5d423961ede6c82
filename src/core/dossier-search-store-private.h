/* dossier-search-store-private.h: what the files of the search store share
 *
 * The statements' parameters and filters, the query as they take it, and the helpers
 * of dossier-search-store.c that the ranked path (dossier-search-rank.c) and the split
 * scan (dossier-search-split.c) use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-database.h"
#include "dossier-search-query.h"
#include "dossier-search-result.h"
#include "dossier-search-top.h"

G_BEGIN_DECLS

/* Parameters: ?1 the MATCH (or exclusion) expression, ?2 ?3 the marks, ?4 after, ?5 before,
 * ?6 outlet patterns, ?7–?9 entity groups, ?10 limit, ?11 offset. */
#define PARAM_MATCH    1
#define PARAM_OPEN     2
#define PARAM_CLOSE    3
#define PARAM_AFTER    4
#define PARAM_BEFORE   5
#define PARAM_OUTLETS  6
#define PARAM_ENTITIES 7
#define PARAM_LIMIT    10
#define PARAM_OFFSET   11

G_STATIC_ASSERT (DOSSIER_SEARCH_MAX_ENTITIES == PARAM_LIMIT - PARAM_ENTITIES);

/* Whether article a mentions one of the entity ids in the JSON array @group: an index
 * probe per article, made only for the rows FTS5 hands over until the page is full, which
 * is far cheaper than listing every article that mentions a frequent entity. */
#define MENTIONS(group) \
  "EXISTS (SELECT 1 FROM json_each (" group ") e, mentions m" \
  "        WHERE m.entity = e.value AND m.article = a.id)"

/* Hidden articles are looked up in their own small index rather than read from each row:
 * the hidden column sits after the body, and reading it would walk the body's overflow
 * pages for every result. The index is named: without statistics SQLite preferred the
 * timeline's covering index (migration 2) and read all of it, 5 ms a search at 100k and
 * 15–25 ms with a filter. A date known to the month or year matches when its period
 * overlaps the range. An entity group is the JSON array of the ids one entity: filter
 * stands for; the article must mention one of each group's. */
#define FILTERS \
  " AND a.id NOT IN (SELECT id FROM articles INDEXED BY articles_hidden WHERE hidden = 1)" \
  " AND (?4 IS NULL OR (a.precision > 0 AND CASE a.precision" \
  "        WHEN 1 THEN a.published_key + 1231 WHEN 2 THEN a.published_key + 31" \
  "        ELSE a.published_key END >= ?4))" \
  " AND (?5 IS NULL OR (a.precision > 0 AND a.published_key < ?5))" \
  " AND (?6 IS NULL OR EXISTS (SELECT 1 FROM json_each (?6) o" \
  "        WHERE a.outlet LIKE o.value ESCAPE '\\'))" \
  " AND (?7 IS NULL OR " MENTIONS ("?7") ")" \
  " AND (?8 IS NULL OR " MENTIONS ("?8") ")" \
  " AND (?9 IS NULL OR " MENTIONS ("?9") ")"

/* FTS5's snippet() scores every match against every other: a text with tens of thousands
 * of matches (a 10 MB one-line import) took minutes per search. Longer than any article
 * (100,000 characters, some 16,000 words), a text shows its beginning instead. */
#define SNIPPET \
  "  CASE WHEN length (a.body) <= 100000 THEN snippet (articles_fts, 1, ?2, ?3, '…', 24)" \
  "       ELSE substr (a.body, 1, 200) || '…' END"

/* A query as the statements take it. */
typedef struct
{
  char     *match;                                   /* NULL: filters only */
  char     *exclusion;                               /* with filters only */
  char     *outlets;                                 /* JSON array of LIKE patterns */
  char     *entities[DOSSIER_SEARCH_MAX_ENTITIES];   /* JSON arrays of entity ids */
  int       after_key;                               /* 0 when not given */
  int       before_key;
  gboolean  finds_nothing;
} Search;

static inline void
_dossier_search_clear (Search *search)
{
  g_clear_pointer (&search->match, g_free);
  g_clear_pointer (&search->exclusion, g_free);
  g_clear_pointer (&search->outlets, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (search->entities); i++)
    g_clear_pointer (&search->entities[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Search, _dossier_search_clear)

static inline gboolean
_dossier_search_is_filtered (const Search *search)
{
  return search->outlets != NULL || search->entities[0] != NULL
         || search->after_key != 0 || search->before_key != 0;
}

void                 _dossier_search_bind_filters        (DossierStatement    *stmt,
                                                          const Search        *search);
DossierSearchResult *_dossier_search_result_from_row     (DossierStatement    *stmt,
                                                          double               score);
void                 _dossier_search_watch_cancellable   (DossierDatabase     *db,
                                                          GCancellable        *cancellable);
void                 _dossier_search_unwatch_cancellable (DossierDatabase     *db,
                                                          GCancellable        *cancellable);
gboolean             _dossier_search_check_step          (DossierDatabase     *db,
                                                          int                  rc,
                                                          GCancellable        *cancellable,
                                                          GError             **error);
fts5_api            *_dossier_search_fts5_api            (DossierDatabase     *db,
                                                          GError             **error);
gboolean             _dossier_search_explain             (DossierDatabase     *db,
                                                          const char          *sql,
                                                          const Search        *search,
                                                          gboolean             filters,
                                                          GString             *plan,
                                                          GError             **error);

/* dossier-search-rank.c */
gboolean _dossier_search_can_collect_top (const Search        *search);
gboolean _dossier_search_find_top        (DossierDatabase     *db,
                                          DossierSearchQuery  *query,
                                          const Search        *search,
                                          guint                offset,
                                          guint                limit,
                                          GPtrArray           *results,
                                          gboolean            *has_more,
                                          GCancellable        *cancellable,
                                          GError             **error);
gboolean _dossier_search_explain_top     (DossierDatabase     *db,
                                          const Search        *search,
                                          GString             *plan,
                                          GError             **error);

gboolean _dossier_search_store_scan (DossierDatabase   *db,
                                     const char        *match,
                                     DossierSearchTop  *top,
                                     gint64             first,
                                     gint64             last,
                                     GCancellable      *cancellable,
                                     GError           **error);

G_END_DECLS
