/* fuzz-search-query.c: the search box's language, translated to FTS5, from arbitrary text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz.h"

#include "dossier-database.h"
#include "dossier-search-query.h"
#include "dossier-search-store.h"

/* One empty library in memory for the whole run: SQLite still parses every MATCH
 * expression against it, so a query the translator turns into bad FTS5 fails here. */
static DossierDatabase *
library (void)
{
  static DossierDatabase *db;
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    db = dossier_database_open (":memory:", DOSSIER_DATABASE_BUILD, &error);
  g_assert_no_error (error);
  return db;
}

/* The text is what a person types, so valid UTF-8 (the entry and the command line check
 * it); a NUL ends it as it would in the entry. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
  g_autoptr(DossierSearchQuery) query = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_more;

  fuzz_make_warnings_fatal ();
  query = dossier_search_query_new (text);

  found = dossier_search_store_find (library (), query, 0, 10, &has_more, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (dossier_search_store_count (library (), query, NULL, &error), ==, 0);
  g_assert_no_error (error);
  entities = dossier_search_store_find_entities (library (), query, 5, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entities);
  return 0;
}
