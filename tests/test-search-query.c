/* test-search-query.c: how typed text is read as a query and written for FTS5
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "dossier-search-query.h"

static char *
match_of (const char *text)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new (text);

  return dossier_search_query_dup_match (query, NULL, NULL);
}

static void
assert_match (const char *text,
              const char *expected)
{
  g_autofree char *match = match_of (text);

  g_assert_cmpstr (match, ==, expected);
}

static void
test_words_and_phrases (void)
{
  assert_match ("war", "\"war\"");
  assert_match ("Myanmar junta", "\"Myanmar\" AND \"junta\"");
  assert_match ("\"arms deliveries\" Russia", "\"arms deliveries\" AND \"Russia\"");
  assert_match ("junta junta", "\"junta\"");
  assert_match ("   ", NULL);
  assert_match ("", NULL);
}

static void
test_prefix (void)
{
  assert_match ("Shoi*", "\"Shoi\" *");
  assert_match ("\"Min Aung\"*", "\"Min Aung\" *");
  assert_match ("*", NULL);
  assert_match ("m*", "\"m\"");
  assert_match ("ŝo*", "\"ŝo\" *");
}

static void
test_or (void)
{
  assert_match ("Shoigu OR Shoygu visit", "(\"Shoigu\" OR \"Shoygu\") AND \"visit\"");
  assert_match ("a OR b OR c", "(\"a\" OR \"b\" OR \"c\")");
  /* Dangling or lower case: not an operator. */
  assert_match ("war OR", "\"war\"");
  assert_match ("OR war", "\"war\"");
  assert_match ("war or peace", "\"war\" AND \"or\" AND \"peace\"");
}

static void
test_exclusion (void)
{
  assert_match ("junta -Russia", "(\"junta\") NOT \"Russia\"");
  assert_match ("junta NOT Russia -\"arms sales\"",
                "(\"junta\") NOT (\"Russia\" OR \"arms sales\")");
  assert_match ("well-known", "\"well-known\"");
}

static void
test_exclusion_only (void)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new ("-Russia");
  g_autofree char *match = dossier_search_query_dup_match (query, NULL, NULL);
  g_autofree char *exclusion = dossier_search_query_dup_exclusion (query, NULL, NULL);

  g_assert_null (match);
  g_assert_cmpstr (exclusion, ==, "\"Russia\"");
  g_assert_false (dossier_search_query_is_empty (query));
}

static void
test_near (void)
{
  assert_match ("Putin NEAR Hlaing", "NEAR(\"Putin\" \"Hlaing\", 10)");
  assert_match ("Putin NEAR/3 \"Min Aung\" NEAR/5 visit",
                "NEAR(\"Putin\" \"Min Aung\" \"visit\", 5)");
  assert_match ("NEAR war", "\"war\"");
  assert_match ("war NEAR/999 peace", "NEAR(\"war\" \"peace\", 100)");
  assert_match ("war NEAR/x peace", "\"war\" AND \"NEAR/x\" AND \"peace\"");
}

static void
test_filters (void)
{
  g_autoptr(DossierSearchQuery) query =
    dossier_search_query_new ("arms entity:\"Min Aung Hlaing\" Entity:Shoygu outlet:RFA "
                              "after:2022 before:2023-08");
  g_autofree char *match = dossier_search_query_dup_match (query, NULL, NULL);
  GPtrArray *entities = dossier_search_query_get_entities (query);

  g_assert_cmpstr (match, ==, "\"arms\"");
  g_assert_cmpuint (entities->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (entities, 0), ==, "Min Aung Hlaing");
  g_assert_cmpstr (g_ptr_array_index (entities, 1), ==, "Shoygu");
  g_assert_cmpstr (g_ptr_array_index (dossier_search_query_get_outlets (query), 0), ==, "RFA");
  g_assert_cmpint (dossier_date_to_key (dossier_search_query_get_after (query)), ==, 20220000);
  g_assert_cmpint (dossier_date_to_key (dossier_search_query_get_before (query)), ==, 20230800);
  g_assert_true (dossier_search_query_has_filters (query));
}

static void
test_unusable_filters_are_words (void)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new ("after:yesterday title:x");

  assert_match ("after:yesterday title:x", "\"after yesterday\" AND \"title x\"");
  assert_match ("before:2022-13", "\"before 2022-13\"");
  assert_match ("entity:", "\"entity\"");
  g_assert_false (dossier_search_query_has_filters (query));
}

static void
test_quotes_are_escaped (void)
{
  assert_match ("say\"hello", "\"say\" AND \"hello\"");
  assert_match ("\"unclosed phrase", "\"unclosed phrase\"");
  assert_match ("a\"\"b", "\"a\" AND \"b\"");
  assert_match ("\"\"\"\"", NULL);
  assert_match ("-\"x", NULL);
}

static gboolean
keep_letters (const char *text,
              gpointer    user_data)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

static void
test_terms_without_tokens_are_dropped (void)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new ("war () -!! NEAR ,, \"...\"");
  g_autofree char *match = dossier_search_query_dup_match (query, keep_letters, NULL);

  g_assert_cmpstr (match, ==, "\"war\"");
}

static void
test_entity_filter_text (void)
{
  g_autofree char *text = dossier_search_entity_filter ("Min Aung Hlaing");
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new (text);
  GPtrArray *entities = dossier_search_query_get_entities (query);

  g_assert_cmpstr (text, ==, "entity:\"Min Aung Hlaing\"");
  g_assert_cmpuint (entities->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (entities, 0), ==, "Min Aung Hlaing");
}

static void
test_name_match (void)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new ("min aung -x");
  g_autofree char *match = dossier_search_query_dup_name_match (query, NULL, NULL);

  g_assert_cmpstr (match, ==, "\"min\" * AND \"aung\" *");
}

/* Whatever the text, the expression only holds our operators and quoted strings: strip
 * the quoted strings and what remains must be operators, parentheses, digits and commas. */
static void
assert_only_quoted (const char *match)
{
  GString *rest = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = match; *p != '\0'; p++)
    {
      if (*p == '"' && quoted && p[1] == '"')
        p++;
      else if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        g_string_append_c (rest, *p);
    }

  g_assert_false (quoted);
  for (char *word = strtok (rest->str, " (),*"); word; word = strtok (NULL, " (),*"))
    g_assert_true (g_str_equal (word, "AND") || g_str_equal (word, "OR")
                   || g_str_equal (word, "NOT") || g_str_equal (word, "NEAR")
                   || g_ascii_isdigit (word[0]));
  g_string_free (rest, TRUE);
}

static void
test_hostile_text_stays_quoted (void)
{
  static const char *const texts[] = {
    "\"", "\"\"", "\"\"\"", "(", ")", "((a)", "NEAR(", "NEAR(a b, 10)", "a:b", "{a b}: c",
    "^start", "title:x", "- -- ---", "* ** a*b*", "OR AND NOT NEAR", "a OR OR b",
    "'; DROP TABLE articles; --", "a\"b\"c\"", "\\\"", "col1 : x", "\x01\x02\x1f",
    "🙂 😀 \"🙂\"", "NOT", "NEAR/", "NEAR/-1 a", "a NEAR/0 b", "-\"a\" -\"b",
    "Šojgu Шойгу", "entity:\"", "outlet:\"\"", "after:", "before:\"2022\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(DossierSearchQuery) query = dossier_search_query_new (texts[i]);
      g_autofree char *match = dossier_search_query_dup_match (query, NULL, NULL);
      g_autofree char *exclusion = dossier_search_query_dup_exclusion (query, NULL, NULL);

      g_test_message ("%s → %s / %s", texts[i], match, exclusion);
      if (match != NULL)
        assert_only_quoted (match);
      if (exclusion != NULL)
        assert_only_quoted (exclusion);
    }
}

static void
test_long_text_is_bounded (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(DossierSearchQuery) query = NULL;
  g_autofree char *match = NULL;
  guint n_phrases = 0;

  for (guint i = 0; text->len < 10000; i++)
    g_string_append_printf (text, "word%u ", i);
  g_string_append_c (text, '"');
  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "x ");

  query = dossier_search_query_new (text->str);
  match = dossier_search_query_dup_match (query, NULL, NULL);
  for (const char *p = match; (p = strstr (p, " AND ")) != NULL; p++)
    n_phrases++;

  g_assert_cmpuint (n_phrases + 1, ==, DOSSIER_SEARCH_MAX_TERMS);
  g_assert_cmpuint (strlen (match), <, DOSSIER_SEARCH_MAX_TERMS * 24);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/search-query/words-and-phrases", test_words_and_phrases);
  g_test_add_func ("/search-query/prefix", test_prefix);
  g_test_add_func ("/search-query/or", test_or);
  g_test_add_func ("/search-query/exclusion", test_exclusion);
  g_test_add_func ("/search-query/exclusion-only", test_exclusion_only);
  g_test_add_func ("/search-query/near", test_near);
  g_test_add_func ("/search-query/filters", test_filters);
  g_test_add_func ("/search-query/unusable-filters-are-words", test_unusable_filters_are_words);
  g_test_add_func ("/search-query/quotes-are-escaped", test_quotes_are_escaped);
  g_test_add_func ("/search-query/terms-without-tokens-are-dropped",
                   test_terms_without_tokens_are_dropped);
  g_test_add_func ("/search-query/name-match", test_name_match);
  g_test_add_func ("/search-query/entity-filter-text", test_entity_filter_text);
  g_test_add_func ("/search-query/hostile-text-stays-quoted", test_hostile_text_stays_quoted);
  g_test_add_func ("/search-query/long-text-is-bounded", test_long_text_is_bounded);

  return g_test_run ();
}
