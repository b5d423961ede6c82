/* test-search.c: finding articles and entities, on a small library of known articles,
 * and `dossier search` on the bundled dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>
#include <string.h>

#include "dossier-article-store.h"
#include "dossier-entity-store.h"
#include "dossier-importer.h"
#include "dossier-search-store.h"
#include "dossier-test-util.h"

typedef struct
{
  char            *dir;
  DossierDatabase *db;
} Fixture;

/* Which entity each fixture article mentions; the extraction that fills mentions is not
 * part of search, so the rows are written here. */
static const struct { const char *article; const char *entity; } fixture_mentions[] = {
  { "arms-phrase", "Sergei Shoigu" },
  { "arms-words", "Sergei Shoigu" },
  { "near-close", "Min Aung Hlaing" },
  { "near-close", "Vladimir Putin" },
  { "near-far", "Min Aung Hlaing" },
  { "near-far", "Vladimir Putin" },
};

static void
exec_sql (DossierDatabase *db,
          const char      *sql,
          const char      *first,
          const char      *second)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (dossier_database_get_handle (db), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (dossier_database_get_handle (db)), >, 0);
  sqlite3_finalize (stmt);
}

static void
store_fixture (DossierDatabase *db,
               DossierImporter *importer)
{
  GPtrArray *articles = dossier_importer_get_articles (importer);
  GPtrArray *entities = dossier_importer_get_entities (importer);
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_database_begin (db, &error));
  for (guint i = 0; i < entities->len; i++)
    g_assert_true (dossier_entity_store_save (db, g_ptr_array_index (entities, i),
                                              DOSSIER_ORIGIN_IMPORTED, &error));
  for (guint i = 0; i < articles->len; i++)
    g_assert_true (dossier_article_store_save (db, g_ptr_array_index (articles, i), NULL,
                                               &error));
  for (guint i = 0; i < G_N_ELEMENTS (fixture_mentions); i++)
    exec_sql (db,
              "INSERT INTO mentions (article, start, length, entity)"
              " SELECT a.id, e.id, 1, e.id FROM articles a, entities e"
              " WHERE a.uid = ?1 AND e.name = ?2",
              fixture_mentions[i].article, fixture_mentions[i].entity);
  exec_sql (db, "UPDATE articles SET hidden = 1 WHERE uid = ?1", "hidden", NULL);
  g_assert_true (dossier_database_commit (db, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autofree char *path = NULL;
  g_autofree char *source = dossier_test_data_path ("search-fixture.json");
  g_autoptr(GError) error = NULL;

  fixture->dir = dossier_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "search.db", NULL);
  fixture->db = dossier_database_open (path, DOSSIER_DATABASE_WRITABLE, &error);
  g_assert_no_error (error);

  dossier_importer_add_file (importer, source, &error);
  g_assert_no_error (error);
  store_fixture (fixture->db, importer);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  dossier_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GPtrArray *
find (Fixture    *fixture,
      const char *text,
      guint       offset,
      guint       limit,
      gboolean   *has_more)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new (text);
  g_autoptr(GError) error = NULL;
  GPtrArray *results;

  dossier_search_query_set_marks (query, "[", "]");
  results = dossier_search_store_find (fixture->db, query, offset, limit, has_more, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

/* The ids found, in order, comma-separated. */
static char *
ids_of (Fixture    *fixture,
        const char *text)
{
  g_autoptr(GPtrArray) results = find (fixture, text, 0, 50, NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < results->len; i++)
    g_strv_builder_add (ids, dossier_search_result_get_article_id (results->pdata[i]));

  strv = g_strv_builder_end (ids);
  return g_strjoinv (",", strv);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The ids found, sorted: for tests where the order is not the point. */
static char *
sorted_ids_of (Fixture    *fixture,
               const char *text)
{
  g_autofree char *ids = ids_of (fixture, text);
  g_auto(GStrv) strv = g_strsplit (ids, ",", -1);

  qsort (strv, g_strv_length (strv), sizeof (char *), compare_strings);
  return g_strjoinv (",", strv);
}

#define assert_finds(fixture, text, expected) \
  G_STMT_START { \
    g_autofree char *found_ = ids_of (fixture, text); \
    g_assert_cmpstr (found_, ==, expected); \
  } G_STMT_END

#define assert_finds_set(fixture, text, expected) \
  G_STMT_START { \
    g_autofree char *found_ = sorted_ids_of (fixture, text); \
    g_assert_cmpstr (found_, ==, expected); \
  } G_STMT_END

static void
test_words (Fixture *fixture, gconstpointer data)
{
  assert_finds_set (fixture, "helicopter", "heli-one,heli-three,heli-title");
  assert_finds_set (fixture, "helicopter landed", "heli-one,heli-three");
  assert_finds (fixture, "helicopter submarine", "");
  assert_finds (fixture, "secrets", "");
}

/* The title counts five times the body; more matches beat fewer. */
static void
test_ranking (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) results = find (fixture, "helicopter", 0, 10, NULL);

  assert_finds (fixture, "helicopter", "heli-title,heli-three,heli-one");
  g_assert_cmpfloat (dossier_search_result_get_score (results->pdata[0]), >,
                     dossier_search_result_get_score (results->pdata[1]));
  g_assert_cmpfloat (dossier_search_result_get_score (results->pdata[1]), >,
                     dossier_search_result_get_score (results->pdata[2]));
}

static void
test_phrase (Fixture *fixture, gconstpointer data)
{
  assert_finds (fixture, "\"arms deliveries\"", "arms-phrase");
  assert_finds_set (fixture, "arms deliveries", "arms-phrase,arms-words");
  assert_finds (fixture, "\"ARMS   Deliveries", "arms-phrase");
}

static void
test_prefix (Fixture *fixture, gconstpointer data)
{
  assert_finds_set (fixture, "helicop*", "heli-one,heli-three,heli-title");
  assert_finds_set (fixture, "deliver* arms", "arms-phrase,arms-words");
  assert_finds_set (fixture, "\"arms deliv\"*", "arms-phrase");
}

static void
test_or (Fixture *fixture, gconstpointer data)
{
  assert_finds_set (fixture, "Vladivostok OR Yangon", "arms-words,near-close");
  assert_finds_set (fixture, "port OR Vladivostok OR submarine", "arms-words,near-close");
  assert_finds_set (fixture, "Vladivostok or Yangon", "");
}

static void
test_exclusion (Fixture *fixture, gconstpointer data)
{
  assert_finds (fixture, "helicopter -Moscow", "heli-one");
  assert_finds (fixture, "helicopter NOT moscow", "heli-one");
  assert_finds (fixture, "helicopter -\"second helicopter\"", "heli-title,heli-one");
  /* Only exclusions and a filter: everything else that passes it, newest first. */
  assert_finds (fixture, "-putin after:2022-09", "arms-phrase,heli-three");
}

static void
test_near (Fixture *fixture, gconstpointer data)
{
  assert_finds (fixture, "Putin NEAR/3 Hlaing", "near-close");
  assert_finds_set (fixture, "Putin NEAR/100 Hlaing", "near-close,near-far");
  assert_finds_set (fixture, "Putin Hlaing", "near-close,near-far");
}

static void
test_case_and_diacritics (Fixture *fixture, gconstpointer data)
{
  assert_finds (fixture, "SOJGU", "arms-words");
  assert_finds (fixture, "šojgu", "arms-words");
  assert_finds (fixture, "naypyitaw", "heli-one");
}

static void
test_entity_filter (Fixture *fixture, gconstpointer data)
{
  /* By alias, any case, by a word of the name, quoted names; newest first with no words. */
  assert_finds (fixture, "entity:Shoygu", "arms-phrase,arms-words");
  assert_finds (fixture, "entity:shoigu", "arms-phrase,arms-words");
  assert_finds (fixture, "entity:sergei", "arms-phrase,arms-words");
  assert_finds_set (fixture, "entity:\"min aung hlaing\" spoke", "near-far");
  assert_finds_set (fixture, "entity:MAH entity:Putin", "near-close,near-far");
  assert_finds (fixture, "entity:MAH entity:Shoigu", "");
  assert_finds (fixture, "entity:Nobody", "");
  assert_finds (fixture, "deliveries entity:Nobody", "");
}

/* A name finds the entity's other spellings as words: no article says "Shoygu", one says
 * "Sergei Shoigu". Not a word's start (typed on purpose), nor inside NEAR, nor a word
 * that names nothing; the other spellings are marked in the snippet. */
static void
test_other_spellings (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) results = NULL;

  assert_finds (fixture, "Shoygu", "arms-phrase");
  assert_finds (fixture, "shoygu praised", "arms-phrase");
  assert_finds (fixture, "\"Sergei Shoygu\"", "");   /* not a name the catalogue knows */
  assert_finds (fixture, "Shoyg*", "");
  assert_finds (fixture, "Shoygu NEAR/3 praised", "");
  assert_finds (fixture, "Shoygu -cooperation", "");

  results = find (fixture, "Shoygu", 0, 1, NULL);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_nonnull (strstr (dossier_search_result_get_snippet (results->pdata[0]), "Shoigu]"));
}

static void
test_outlet_filter (Fixture *fixture, gconstpointer data)
{
  assert_finds (fixture, "helicopter outlet:irrawaddy", "heli-three,heli-one");
  assert_finds (fixture, "outlet:Reuters outlet:TASS", "arms-phrase,near-far,near-close");
  assert_finds (fixture, "outlet:\"Radio Free Asia\"", "heli-title");
  assert_finds (fixture, "outlet:%", "");
}

static void
test_date_filters (Fixture *fixture, gconstpointer data)
{
  assert_finds (fixture, "helicopter after:2022", "heli-title,heli-three");
  assert_finds (fixture, "helicopter before:2022-08", "heli-one");
  assert_finds (fixture, "helicopter before:2022-09", "heli-title,heli-one");
  /* Known to the month only: September 2022 may well be after the 15th. */
  assert_finds (fixture, "helicopter after:2022-09-15", "heli-three");
  assert_finds (fixture, "after:2022-09 before:2022-09-08", "near-close,heli-three");
}

static void
test_hidden_are_excluded (Fixture *fixture, gconstpointer data)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new ("secrets OR helicopter");
  g_autoptr(GError) error = NULL;

  assert_finds (fixture, "secrets", "");
  g_assert_cmpint (dossier_search_store_count (fixture->db, query, NULL, &error), ==, 3);
  g_assert_no_error (error);
}

static void
test_snippets_are_marked (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) results = find (fixture, "vladivostok putin", 0, 1, NULL);
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new ("helicopter");
  g_autoptr(GPtrArray) plain = NULL;
  DossierSearchResult *first;

  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (dossier_search_result_get_snippet (results->pdata[0]), ==,
                   "[Putin] met Min Aung Hlaing in [Vladivostok].");

  plain = dossier_search_store_find (fixture->db, query, 0, 1, NULL, NULL, NULL);
  first = plain->pdata[0];
  g_assert_cmpstr (dossier_search_result_get_marked_title (first), ==,
                   DOSSIER_SEARCH_MARK_OPEN "Helicopter" DOSSIER_SEARCH_MARK_CLOSE
                   " deal signed");
  g_assert_cmpstr (dossier_search_result_get_title (first), ==, "Helicopter deal signed");
  g_assert_cmpstr (dossier_search_result_get_outlet (first), ==, "Radio Free Asia");
  g_assert_cmpint (dossier_date_to_key (dossier_search_result_get_published (first)), ==,
                   20220803);
}

static void
test_paging (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new ("helicopter");
  gboolean has_more = FALSE;

  first = find (fixture, "helicopter", 0, 2, &has_more);
  g_assert_cmpuint (first->len, ==, 2);
  g_assert_true (has_more);

  second = find (fixture, "helicopter", 2, 2, &has_more);
  g_assert_cmpuint (second->len, ==, 1);
  g_assert_false (has_more);
  g_assert_cmpstr (dossier_search_result_get_article_id (second->pdata[0]), ==, "heli-one");

  g_assert_cmpint (dossier_search_store_count (fixture->db, query, NULL, NULL), ==, 3);
}

static void
test_cancelled (Fixture *fixture, gconstpointer data)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new ("helicopter");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  results = dossier_search_store_find (fixture->db, query, 0, 20, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (results);
  g_clear_error (&error);

  g_assert_cmpint (dossier_search_store_count (fixture->db, query, cancellable, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* The connection is left as it was: the next search runs. */
  g_clear_pointer (&results, g_ptr_array_unref);
  results = dossier_search_store_find (fixture->db, query, 0, 20, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 3);
}

static char *
entity_names_for (Fixture    *fixture,
                  const char *text)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new (text);
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  entities = dossier_search_store_find_entities (fixture->db, query, 10, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entities->len; i++)
    g_string_append_printf (names, "%s%s", i ? "," : "",
                            dossier_entity_get_name (entities->pdata[i]));

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
test_entity_names (Fixture *fixture, gconstpointer data)
{
  const struct { const char *text; const char *names; } cases[] = {
    { "shoi", "Sergei Shoigu" },
    { "Shoygu arms", "" },
    { "min aung", "Min Aung Hlaing" },
    { "mah", "Min Aung Hlaing" },
    { "putin OR shoigu", "Sergei Shoigu,Vladimir Putin" },
    { "\"\"", "" },
    { "entity:Putin", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *names = entity_names_for (fixture, cases[i].text);

      g_assert_cmpstr (names, ==, cases[i].names);
    }
}

/* FTS5 hands its rows over in rank order; nothing may sort them again. */
static void
test_query_plan (Fixture *fixture, gconstpointer data)
{
  static const char *const texts[] = {
    "helicopter",
    "\"arms deliveries\" -moscow",
    "helicop* OR aircraft",
    "putin NEAR/5 hlaing entity:MAH outlet:Reuters after:2022 before:2024",
    "helicopter entity:Shoigu entity:Putin entity:MAH",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(DossierSearchQuery) query = dossier_search_query_new (texts[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *plan = _dossier_search_store_explain (fixture->db, query, &error);

      g_assert_no_error (error);
      g_test_message ("%s:\n%s", texts[i], plan);
      g_assert_nonnull (strstr (plan, "SCAN f VIRTUAL TABLE"));
      g_assert_null (strstr (plan, "TEMP B-TREE"));
      g_assert_null (strstr (plan, "SCAN a\n"));
      /* The hidden articles come from their partial index, not from all the rows. */
      g_assert_nonnull (strstr (plan, "SCAN articles USING INDEX articles_hidden"));
      g_assert_null (strstr (plan, "articles_for_timeline"));
    }
}

/* Filters alone: the newest first, along the date index, not sorted afterwards. */
static void
test_filter_plan (Fixture *fixture, gconstpointer data)
{
  static const char *const texts[] = {
    "entity:Shoigu", "outlet:Reuters after:2022", "-helicopter before:2023",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(DossierSearchQuery) query = dossier_search_query_new (texts[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *plan = _dossier_search_store_explain (fixture->db, query, &error);

      g_assert_no_error (error);
      g_test_message ("%s:\n%s", texts[i], plan);
      g_assert_nonnull (strstr (plan, "SCAN a USING INDEX articles_by_date"));
      g_assert_null (strstr (plan, "TEMP B-TREE"));
    }
}

static const char *const hostile_texts[] = {
  "", " ", "\t\n\r", "\"", "\"\"", "\"\"\"", "'", "''", "(", ")", "()", "((", "))",
  "(helicopter", "helicopter)", "\"helicopter", "helicopter\"", "helicopter ()",
  "*", "**", "helicopter*", "*helicopter", "-", "--", "---", "-helicopter", "- helicopter",
  "NOT", "NOT helicopter", "OR", "AND", "NEAR", "NEAR/", "NEAR/5", "NEAR(", "NEAR(a b, 10)",
  "NEAR(helicopter landed)", "helicopter OR", "OR helicopter", "helicopter AND AND landed",
  "helicopter NOT", "helicopter NEAR", "a NEAR/-3 b", "title:helicopter", "body:x",
  "{title body}: helicopter", "^helicopter", "helicopter^", "col:", ":", "::", ":helicopter",
  "'; DROP TABLE articles; --", "\" OR 1=1 --", "helicopter' OR '1'='1",
  "SELECT * FROM articles", "articles_fts MATCH 'x'", "rank MATCH 'bm25(1)'",
  "🙂", "🙂 helicopter", "👩‍👩‍👧‍👦", "\xe2\x80\x8b", "\xef\xbb\xbf helicopter",
  "\x01\x02\x03", "helicopter\x07landed", "\xff\xfe invalid utf8 \xc3", "\\", "\\\"",
  "%", "_", "%helicopter%", "entity:", "entity:\"", "entity:\"\"", "entity:%", "outlet:",
  "outlet:\"", "after:", "before:", "after:never", "after:2022-02-30", "before:99999",
  "after:0000", "after:2022 before:2021", "entity:🙂", "Шойгу", "ШОЙГУ OR šojgu",
  "中国 军队",
  "مرحبا", "a b c d e f g h i j k l m n o p q r s t u v w x y z",
  "\"a\" \"b\" \"c\"", "-\"\"", "-()", "NOT NOT NOT", "OR OR OR", "\"NEAR\"", "near",
};

static void
check_hostile (Fixture    *fixture,
               const char *text)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new (text);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GError) error = NULL;

  results = dossier_search_store_find (fixture->db, query, 0, 20, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (results);
  g_assert_cmpint (dossier_search_store_count (fixture->db, query, NULL, &error), >=, results->len);
  g_assert_no_error (error);
  entities = dossier_search_store_find_entities (fixture->db, query, 5, &error);
  g_assert_no_error (error);
}

static void
test_hostile_inputs (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GString) huge = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (hostile_texts); i++)
    check_hostile (fixture, hostile_texts[i]);

  while (huge->len < 10000)
    g_string_append (huge, "helicopter \"( NEAR/2 -OR* ");
  check_hostile (fixture, huge->str);

  /* The best literal reading: stray syntax around a word still finds the word. */
  assert_finds_set (fixture, "(helicopter", "heli-one,heli-three,heli-title");
  assert_finds_set (fixture, "helicopter ()", "heli-one,heli-three,heli-title");
  assert_finds_set (fixture, "\"helicopter", "heli-one,heli-three,heli-title");
  assert_finds_set (fixture, "helicopter OR", "heli-one,heli-three,heli-title");
  assert_finds_set (fixture, "NEAR(helicopter landed)", "heli-one,heli-three");
  assert_finds_set (fixture, "title:helicopter", "");
  assert_finds (fixture, "\"", "");
  assert_finds (fixture, "'; DROP TABLE articles; --", "");
  assert_finds_set (fixture, "helicopter\x07landed", "heli-one,heli-three");
  g_assert_cmpint (dossier_article_store_count (fixture->db, NULL), ==, 7);
}

static int
run_cli (const char *const  *args,
         char              **out,
         char              **err)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  int status = -1;

  /* The isolated folders of this test, for the user library the command creates. */
  g_setenv ("XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_strv_builder_add (builder, g_getenv ("DOSSIER_EXECUTABLE"));
  g_strv_builder_add (builder, "search");
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);

  g_assert_true (dossier_test_run ((const char *const *) argv, out, err, &status));
  g_test_message ("exit %d, stderr: %s", status, *err);
  return status;
}

static void
test_cli_text (void)
{
  const char *args[] = { "Russia", "--limit", "2", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], "1\t"));
  g_assert_true (g_str_has_prefix (lines[1], "\t"));
  g_assert_nonnull (strstr (out, "«Russia»"));
  g_assert_true (g_str_has_prefix (lines[2], "2\t"));
}

static JsonObject *
parse_object (const char *text,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_cli_json (void)
{
  const char *args[] = { "--json", "Myanmar", "junta", "-zzzz", "NOT", "qqqq", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *root, *first, *markers;
  JsonArray *results;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  root = parse_object (out, parser);
  g_assert_cmpstr (json_object_get_string_member (root, "query"), ==,
                   "Myanmar junta -zzzz NOT qqqq");
  markers = json_object_get_object_member (root, "markers");
  g_assert_cmpstr (json_object_get_string_member (markers, "open"), ==, "«");
  results = json_object_get_array_member (root, "results");
  g_assert_cmpuint (json_array_get_length (results), >, 0);

  first = json_array_get_object_element (results, 0);
  g_assert_true (json_object_has_member (first, "article_id"));
  g_assert_true (json_object_has_member (first, "outlet"));
  g_assert_true (json_object_has_member (first, "published"));
  g_assert_cmpint (json_object_get_int_member (first, "rank"), ==, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (first, "snippet"), "»"));
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

static void
test_cli_bad_limit (void)
{
  const char *const cases[][4] = {
    { "--limit", "abc", "x", NULL },
    { "--limit", "0", "x", NULL },
    { "--limit=-5", "x", NULL },
    { "--limit", "99999999999", "x", NULL },
    { "--limit", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (cases[i], &out, &err), ==, 1);
      g_assert_true (g_str_has_prefix (err, "dossier: "));
      g_assert_cmpuint (count_lines (err), ==, 1);
      g_assert_cmpstr (out, ==, "");
    }
}

static void
test_cli_hostile (void)
{
  const char *const cases[][4] = {
    { "\"", NULL },
    { "-", "--", "NEAR(", NULL },
    { "'; DROP TABLE articles; --", NULL },
    { "title:x", "^", "{a b}", NULL },
    { "🙂", NULL },
    { "-junta", "OR", NULL },
    { "entity:\"Min Aung", NULL },
    { "\x01\x02", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (cases[i], &out, &err), ==, 0);
    }
}

static void
test_cli_needs_a_query (void)
{
  const char *args[] = { NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "dossier: "));
}

#define add_fixture_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_fixture_test ("/search/words", test_words);
  add_fixture_test ("/search/ranking", test_ranking);
  add_fixture_test ("/search/phrase", test_phrase);
  add_fixture_test ("/search/prefix", test_prefix);
  add_fixture_test ("/search/or", test_or);
  add_fixture_test ("/search/exclusion", test_exclusion);
  add_fixture_test ("/search/near", test_near);
  add_fixture_test ("/search/case-and-diacritics", test_case_and_diacritics);
  add_fixture_test ("/search/entity-filter", test_entity_filter);
  add_fixture_test ("/search/other-spellings", test_other_spellings);
  add_fixture_test ("/search/outlet-filter", test_outlet_filter);
  add_fixture_test ("/search/date-filters", test_date_filters);
  add_fixture_test ("/search/hidden-are-excluded", test_hidden_are_excluded);
  add_fixture_test ("/search/snippets-are-marked", test_snippets_are_marked);
  add_fixture_test ("/search/paging", test_paging);
  add_fixture_test ("/search/cancelled", test_cancelled);
  add_fixture_test ("/search/entity-names", test_entity_names);
  add_fixture_test ("/search/query-plan", test_query_plan);
  add_fixture_test ("/search/filter-plan", test_filter_plan);
  add_fixture_test ("/search/hostile-inputs", test_hostile_inputs);
  g_test_add_func ("/search/cli/text", test_cli_text);
  g_test_add_func ("/search/cli/json", test_cli_json);
  g_test_add_func ("/search/cli/bad-limit", test_cli_bad_limit);
  g_test_add_func ("/search/cli/hostile", test_cli_hostile);
  g_test_add_func ("/search/cli/needs-a-query", test_cli_needs_a_query);

  return g_test_run ();
}
