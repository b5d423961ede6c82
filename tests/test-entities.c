/* test-entities.c: the bundled catalogue found in the bundled articles, what the stored
 * mentions add up to, and the `entities` and `entity` commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>
#include <string.h>

#include "dossier-article-store.h"
#include "dossier-entity-store.h"
#include "dossier-library.h"
#include "dossier-mention-store.h"
#include "dossier-test-util.h"

typedef DossierTestLibrary Fixture;

static DossierDatabase *
fixture_db (Fixture *fixture)
{
  return dossier_library_get_database (fixture->library);
}

static const DossierMentionCount *
find_count (GPtrArray  *counts,
            const char *name)
{
  for (guint i = 0; i < counts->len; i++)
    {
      const DossierMentionCount *count = g_ptr_array_index (counts, i);

      if (g_strcmp0 (count->name, name) == 0)
        return count;
    }

  return NULL;
}

/* Everything issue 3 lists by name is in the catalogue and found in the articles. */
static void
test_bundled_entities_are_found (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const char * const expected[] = {
    "Min Aung Hlaing", "Soe Win", "Zaw Min Tun", "Vladimir Putin", "Sergei Shoigu",
    "Sergei Lavrov", "Maria Zakharova", "Alexander Fomin", "Aung San Suu Kyi", "Duwa Lashi La",
    "Wunna Maung Lwin", "Aung Thu Nyein", "Than Soe Naing", "Radio Free Asia",
    "Voice of America", "Democratic Voice of Burma", "The Irrawaddy", "Nikkei Asia",
    "Asia Times", "Sputnik", "Reuters", "Agence France-Presse",
    "Stockholm International Peace Research Institute",
    "Assistance Association for Political Prisoners", "Justice for Myanmar", "Myanmar Witness",
    "International Crisis Group", "National Unity Government",
    "National Unity Consultative Council", "State Administration Council",
    "National League for Democracy", "Tatmadaw", "People's Defense Force", "UN Security Council",
    "UN General Assembly", "Association of Southeast Asian Nations", "Myanmar", "Russia", "China",
    "Ukraine", "Naypyitaw", "Yangon", "Moscow", "Vladivostok", "Bangkok", "Crimea",
    "Thilawa port", "Yak-130", "MiG-29", "Su-30", "Mi-35 Hind", "Pantsir-S1", "Orlan-10E",
    "BRDM-2M", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = dossier_mention_store_count_entities (fixture_db (fixture),
                                                                      &error);

  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, >=, 75);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      const DossierMentionCount *count = find_count (counts, expected[i]);

      g_test_message ("%s", expected[i]);
      g_assert_nonnull (count);
      g_assert_cmpuint (count->n_mentions, >, 0);
    }
}

/* The text each mention covers, mapped to its entity, for one article. */
static GHashTable *
mentions_by_text (Fixture    *fixture,
                  const char *article_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArticle) article = dossier_library_load_article (fixture->library,
                                                                    article_id, &error);
  g_autoptr(GPtrArray) mentions = NULL;
  GHashTable *found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_no_error (error);
  mentions = dossier_mention_store_list (fixture_db (fixture), article_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, >, 0);

  for (guint i = 0; i < mentions->len; i++)
    {
      const DossierMention *mention = g_ptr_array_index (mentions, i);

      g_hash_table_insert (found,
                           dossier_article_dup_text_range (article, mention->start,
                                                           mention->start + mention->length),
                           g_strdup (mention->entity));
    }

  return found;
}

static void
test_spellings_resolve (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GHashTable) polygraph =
    mentions_by_text (fixture, "polygraph-2022-moscow-fuels-myanmar-war-machine");
  g_autoptr(GHashTable) owp =
    mentions_by_text (fixture, "owp-2021-russia-commits-military-ties-junta");
  g_autoptr(GHashTable) unknown =
    mentions_by_text (fixture, "unknown-2022-junta-chief-visit-fortifies-russia-ties");
  g_autoptr(GHashTable) rfa = mentions_by_text (fixture, "rfa-2023-nucc-condemns-russia");

  g_assert_cmpstr (g_hash_table_lookup (owp, "Sergei Shoygu"), ==, "Sergei Shoigu");
  g_assert_cmpstr (g_hash_table_lookup (polygraph, "Sergey Shoigu"), ==, "Sergei Shoigu");
  g_assert_cmpstr (g_hash_table_lookup (polygraph, "Alekaandr Fomin"), ==, "Alexander Fomin");
  g_assert_cmpstr (g_hash_table_lookup (polygraph, "Fomin"), ==, "Alexander Fomin");
  g_assert_cmpstr (g_hash_table_lookup (polygraph, "Lavrov"), ==, "Sergei Lavrov");
  g_assert_cmpstr (g_hash_table_lookup (polygraph, "Naypyidaw"), ==, "Naypyitaw");
  g_assert_cmpstr (g_hash_table_lookup (polygraph, "AAPP"), ==,
                   "Assistance Association for Political Prisoners");
  g_assert_cmpstr (g_hash_table_lookup (polygraph, "Myanmar Witness"), ==, "Myanmar Witness");
  g_assert_cmpstr (g_hash_table_lookup (unknown, "Senior General Aung Hlaing"), ==,
                   "Min Aung Hlaing");
  g_assert_cmpstr (g_hash_table_lookup (unknown, "Suu Kyi"), ==, "Aung San Suu Kyi");
  g_assert_cmpstr (g_hash_table_lookup (rfa, "Sr. Gen. Min Aung Hlaing"), ==, "Min Aung Hlaing");
  g_assert_cmpstr (g_hash_table_lookup (rfa, "NUCC"), ==, "National Unity Consultative Council");
  g_assert_cmpstr (g_hash_table_lookup (rfa, "Putin"), ==, "Vladimir Putin");
}

/* "Myanmar Witness" is an organisation: no Myanmar mention sits inside it. */
static void
test_no_mention_inside_another (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mentions = dossier_mention_store_list (fixture_db (fixture),
    "polygraph-2022-moscow-fuels-myanmar-war-machine", &error);
  guint witnesses = 0;

  g_assert_no_error (error);
  for (guint i = 1; i < mentions->len; i++)
    {
      const DossierMention *before = g_ptr_array_index (mentions, i - 1);
      const DossierMention *mention = g_ptr_array_index (mentions, i);

      g_assert_cmpuint (before->start + before->length, <=, mention->start);
      if (g_str_equal (mention->entity, "Myanmar Witness"))
        {
          witnesses++;
          g_assert_cmpuint (mention->length, ==, strlen ("Myanmar Witness"));
        }
    }
  g_assert_cmpuint (witnesses, ==, 2);
}

static void
assert_counted (GPtrArray  *counts,
                const char *name,
                guint       n_mentions,
                guint       n_articles)
{
  const DossierMentionCount *count = find_count (counts, name);

  g_test_message ("%s", name);
  g_assert_nonnull (count);
  g_assert_cmpuint (count->n_mentions, ==, n_mentions);
  g_assert_cmpuint (count->n_articles, ==, n_articles);
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = dossier_mention_store_count_entities (fixture_db (fixture),
                                                                      &error);
  g_autoptr(GPtrArray) articles = NULL;

  g_assert_no_error (error);
  assert_counted (counts, "Sergei Lavrov", 7, 1);
  assert_counted (counts, "Sergei Shoigu", 3, 3);
  assert_counted (counts, "Alexander Fomin", 3, 1);
  assert_counted (counts, "Myanmar Witness", 2, 1);
  assert_counted (counts, "Min Aung Hlaing", 13, 5);
  assert_counted (counts, "State Administration Council", 2, 1);

  /* Most mentioned first. */
  for (guint i = 1; i < counts->len; i++)
    g_assert_cmpuint (((DossierMentionCount *) g_ptr_array_index (counts, i - 1))->n_mentions,
                      >=, ((DossierMentionCount *) g_ptr_array_index (counts, i))->n_mentions);

  articles = dossier_mention_store_count_articles (fixture_db (fixture), "Sergei Lavrov", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  assert_counted (articles, "polygraph-2022-moscow-fuels-myanmar-war-machine", 7, 1);
}

static void
assert_companion (GPtrArray  *companions,
                  const char *name,
                  guint       n_blocks,
                  guint       n_articles)
{
  const DossierMentionCount *count = find_count (companions, name);

  g_test_message ("%s", name);
  g_assert_nonnull (count);
  g_assert_cmpuint (count->n_blocks, ==, n_blocks);
  g_assert_cmpuint (count->n_articles, ==, n_articles);
}

static void
test_cooccurrence (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) shoigu = NULL;
  g_autoptr(GPtrArray) witness = NULL;

  shoigu = dossier_mention_store_count_companions (fixture_db (fixture), "Sergei Shoigu", &error);
  g_assert_no_error (error);
  /* "…who met with Min Aung Hlaing in Moscow", "…welcomed Min Aung Hlaing…, Sergei Shoigu" */
  assert_companion (shoigu, "Min Aung Hlaing", 2, 3);
  assert_companion (shoigu, "Moscow", 2, 3);
  /* Always "the Russian defence minister", never "Russia", in his paragraphs. */
  assert_companion (shoigu, "Russia", 0, 3);
  g_assert_null (find_count (shoigu, "Sergei Shoigu"));

  witness = dossier_mention_store_count_companions (fixture_db (fixture), "Myanmar Witness",
                                                    &error);
  g_assert_no_error (error);
  assert_companion (witness, "Yak-130", 1, 1);
  assert_companion (witness, "Su-30", 1, 1);
  assert_companion (witness, "Sergei Lavrov", 0, 1);
  g_assert_null (find_count (witness, "Vladimir Putin"));
  /* Most shared blocks first. */
  g_assert_cmpuint (((DossierMentionCount *) g_ptr_array_index (witness, 0))->n_blocks, >=, 1);
}

/* Opening the library again does not copy, and so does not count twice. */
static void
test_reopen_keeps_counts (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = NULL;

  g_clear_object (&fixture->library);
  fixture->library = dossier_test_open_library_in (fixture->dir,
                                                   dossier_library_get_default_bundled_path ());

  counts = dossier_mention_store_count_entities (fixture_db (fixture), &error);
  g_assert_no_error (error);
  assert_counted (counts, "Sergei Lavrov", 7, 1);
}

static void
test_find_by_alias (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierEntity) shoigu = dossier_entity_store_find (fixture_db (fixture), "shoygu",
                                                               &error);
  g_autoptr(DossierEntity) nobody = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (dossier_entity_get_name (shoigu), ==, "Sergei Shoigu");
  g_assert_true (g_strv_contains (dossier_entity_get_aliases (shoigu), "Sergey Shoigu"));
  g_assert_cmpint (dossier_entity_get_kind (shoigu), ==, DOSSIER_ENTITY_PERSON);

  nobody = dossier_entity_store_find (fixture_db (fixture), "Nobody Atall", &error);
  g_assert_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_NOT_FOUND);
  g_assert_null (nobody);
}

static DossierArticle *
make_article (const char *text)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_object_unref);
  DossierArticle *article = dossier_article_new ();
  DossierDate published;

  g_ptr_array_add (blocks, dossier_block_new (DOSSIER_BLOCK_PARAGRAPH, text, NULL));
  dossier_date_parse ("2024-05", &published);
  dossier_article_set_id (article, "football");
  dossier_article_set_title (article, "Football");
  dossier_article_set_published (article, &published);
  dossier_article_set_blocks (article, blocks);
  return article;
}

static void
save_entities (DossierDatabase *db,
               GPtrArray       *entities)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < entities->len; i++)
    {
      dossier_entity_store_save (db, g_ptr_array_index (entities, i), DOSSIER_ORIGIN_IMPORTED,
                                 &error);
      g_assert_no_error (error);
    }
}

/* A rebuild replaces what an earlier catalogue found. */
static void
test_rebuild_replaces (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(DossierArticle) article = make_article ("Ещё: Messi left Miami for Orlando.");
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DossierEntityMatcher) both = NULL;
  g_autoptr(DossierEntityMatcher) one = NULL;
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rowid = 0;

  db = dossier_database_open (path, DOSSIER_DATABASE_WRITABLE, &error);
  g_assert_no_error (error);
  g_ptr_array_add (entities, dossier_entity_new ("Orlando", DOSSIER_ENTITY_PLACE));
  g_ptr_array_add (entities, dossier_entity_new ("Lionel Messi", DOSSIER_ENTITY_PERSON));
  dossier_entity_add_alias (g_ptr_array_index (entities, 1), "Messi");
  save_entities (db, entities);
  both = dossier_entity_matcher_new (entities);
  g_ptr_array_remove_index (entities, 1);
  one = dossier_entity_matcher_new (entities);

  g_assert_true (dossier_article_store_save (db, article, &rowid, &error));
  g_assert_true (dossier_mention_store_rebuild (db, rowid, article, both, &error));
  mentions = dossier_mention_store_list (db, "football", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, ==, 2);
  /* "Ещё: " is five characters, nine bytes. */
  g_assert_cmpuint (((DossierMention *) g_ptr_array_index (mentions, 0))->start, ==, 5);
  g_clear_pointer (&mentions, g_ptr_array_unref);

  g_assert_true (dossier_mention_store_rebuild (db, rowid, article, one, &error));
  mentions = dossier_mention_store_list (db, "football", &error);
  g_assert_cmpuint (mentions->len, ==, 1);
  g_assert_cmpstr (((DossierMention *) g_ptr_array_index (mentions, 0))->entity, ==, "Orlando");

  g_clear_object (&db);
  dossier_test_remove_tree (dir);
}

/* The mentions in each article, "start+length:name …". */
static char *
describe_mentions (DossierDatabase *db,
                   const char      *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mentions = dossier_mention_store_list (db, id, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < mentions->len; i++)
    {
      DossierMention *mention = g_ptr_array_index (mentions, i);

      g_string_append_printf (text, "%u+%u:%s ", mention->start, mention->length,
                              mention->entity);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Several articles' mentions saved in one statement, as an import saves a chunk, are
 * those of one save per article; an entity the database lacks is left out of both. */
static void
test_save_all_same_rows (void)
{
  static const char * const texts[] = {
    "Messi left Miami for Orlando.", "No one here.", "Orlando, then Atlantis: Messi again.",
  };
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DossierEntityMatcher) matcher = NULL;
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GArray *matches[G_N_ELEMENTS (texts)];
  char *one_by_one[G_N_ELEMENTS (texts)];
  gint64 rowids[G_N_ELEMENTS (texts)];

  db = dossier_database_open (path, DOSSIER_DATABASE_WRITABLE, &error);
  g_assert_no_error (error);
  g_ptr_array_add (entities, dossier_entity_new ("Orlando", DOSSIER_ENTITY_PLACE));
  g_ptr_array_add (entities, dossier_entity_new ("Lionel Messi", DOSSIER_ENTITY_PERSON));
  dossier_entity_add_alias (g_ptr_array_index (entities, 1), "Messi");
  save_entities (db, entities);
  /* known to the matcher only */
  g_ptr_array_add (entities, dossier_entity_new ("Atlantis", DOSSIER_ENTITY_PLACE));
  matcher = dossier_entity_matcher_new (entities);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(DossierArticle) article = make_article (texts[i]);
      g_autofree char *id = g_strdup_printf ("article-%u", i);

      dossier_article_set_id (article, id);
      g_assert_true (dossier_article_store_save (db, article, &rowids[i], &error));
      matches[i] = dossier_entity_matcher_find (matcher, texts[i], -1);
      g_assert_true (dossier_mention_store_save (db, rowids[i], matches[i], &error));
      g_assert_no_error (error);
      one_by_one[i] = describe_mentions (db, id);
    }
  g_assert_cmpstr (one_by_one[2], ==, "0+7:Orlando 24+5:Lionel Messi ");

  g_assert_true (dossier_mention_store_save_all (db, G_N_ELEMENTS (texts), rowids, matches,
                                                 &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *id = g_strdup_printf ("article-%u", i);
      g_autofree char *all_at_once = describe_mentions (db, id);

      g_assert_cmpstr (all_at_once, ==, one_by_one[i]);
      g_free (one_by_one[i]);
      g_array_unref (matches[i]);
    }

  g_clear_object (&db);
  dossier_test_remove_tree (dir);
}

/* Runs `dossier ARGS…`; returns its standard output and checks the exit status. */
/* Runs `dossier ARGS…`; returns its standard output and checks the exit status. The child
 * gets this test case's isolated data folder, which GLib keeps to itself (the environment
 * says /dev/null). */
static char *
run_dossier (const char * const *args,
             int                 expected_status,
             char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME",
                                         g_get_user_data_dir (), TRUE);
  char *out = NULL;
  int status = -1;

  g_ptr_array_add (argv, (char *) g_getenv ("DOSSIER_EXECUTABLE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (dossier_test_run_env ((const char * const *) argv->pdata, envp, &out, err,
                                       &status));
  if (status != expected_status && err != NULL)
    g_test_message ("stderr: %s", *err);
  g_assert_cmpint (status, ==, expected_status);
  return out;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_cli_entities (void)
{
  static const char * const text_args[] = { "entities", NULL };
  static const char * const json_args[] = { "entities", "--kind", "equipment", "--json", NULL };
  g_autofree char *text = run_dossier (text_args, 0, NULL);
  g_autofree char *json = run_dossier (json_args, 0, NULL);
  g_autoptr(JsonNode) root = parse_json (json);
  JsonArray *array = json_node_get_array (root);
  gint64 previous = G_MAXINT64;

  g_assert_true (g_str_has_prefix (text, "Myanmar\tplace\t"));
  g_assert_nonnull (strstr (text, "\nSergei Lavrov\tperson\t7\t1\tLavrov; Sergey Lavrov\n"));

  g_assert_cmpuint (json_array_get_length (array), ==, 7);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entity = json_array_get_object_element (array, i);

      g_assert_cmpstr (json_object_get_string_member (entity, "kind"), ==, "equipment");
      g_assert_cmpint (json_object_get_int_member (entity, "mentions"), <=, previous);
      previous = json_object_get_int_member (entity, "mentions");
    }
}

static void
test_cli_entity (void)
{
  static const char * const text_args[] = { "entity", "shoygu", NULL };
  static const char * const json_args[] = { "entity", "--json", "Senior", "General", "Aung",
                                            "Hlaing", NULL };
  g_autofree char *text = run_dossier (text_args, 0, NULL);
  g_autofree char *json = run_dossier (json_args, 0, NULL);
  g_autoptr(JsonNode) root = parse_json (json);
  JsonObject *object = json_node_get_object (root);
  JsonArray *companions = json_object_get_array_member (object, "cooccurring");

  g_assert_true (g_str_has_prefix (text, "Sergei Shoigu (person)\n"));
  g_assert_nonnull (strstr (text, "Mentions: 3 in 3 articles\n"));
  g_assert_nonnull (strstr (text, "     2    3  Min Aung Hlaing (person)\n"));

  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Min Aung Hlaing");
  g_assert_cmpint (json_object_get_int_member (object, "mentions"), ==, 13);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "articles")),
                    ==, 5);
  g_assert_cmpuint (json_array_get_length (companions), >, 10);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (companions, 0),
                                                  "kind"), !=, NULL);
}

static void
assert_fails (const char * const *args,
              const char         *in_message)
{
  g_autofree char *err = NULL;
  g_autofree char *out = run_dossier (args, 1, &err);

  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, in_message));
  /* One line. */
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
}

static void
test_cli_errors (void)
{
  static const char * const unknown[] = { "entity", "Nobody", "Atall", NULL };
  static const char * const no_name[] = { "entity", NULL };
  static const char * const bad_kind[] = { "entities", "--kind", "weapon", NULL };
  static const char * const extra[] = { "entities", "Russia", NULL };

  assert_fails (unknown, "Nobody Atall");
  assert_fails (no_name, "entity");
  assert_fails (bad_kind, "weapon");
  assert_fails (extra, "entities");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) DOSSIER_TEST_ADD_WITH_LIBRARY ("/entities/" path, func)
  ADD ("bundled-entities-are-found", test_bundled_entities_are_found);
  ADD ("spellings-resolve", test_spellings_resolve);
  ADD ("no-mention-inside-another", test_no_mention_inside_another);
  ADD ("counts", test_counts);
  ADD ("cooccurrence", test_cooccurrence);
  ADD ("reopen-keeps-counts", test_reopen_keeps_counts);
  ADD ("find-by-alias", test_find_by_alias);
#undef ADD
  g_test_add_func ("/entities/rebuild-replaces", test_rebuild_replaces);
  g_test_add_func ("/entities/save-all-same-rows", test_save_all_same_rows);
  g_test_add_func ("/entities/cli/entities", test_cli_entities);
  g_test_add_func ("/entities/cli/entity", test_cli_entity);
  g_test_add_func ("/entities/cli/errors", test_cli_errors);

  return g_test_run ();
}
