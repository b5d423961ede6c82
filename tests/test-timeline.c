/* test-timeline.c: events in the database, their groups and conflicts, `dossier timeline`
 *
 * Three articles of our own: two on a cyclone that flooded a city (which disagree on the
 * day it struck) and one on an election, with mentions inserted by hand, since finding
 * them is the mention finder's job. Then the bundled dossier, and the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>

#include "dossier-article-store.h"
#include "dossier-date-extractor.h"
#include "dossier-event-store.h"
#include "dossier-library.h"
#include "dossier-test-util.h"

static const char flood_a[] =
  "Cyclone Idai’s storm surge hit Beira on March 14. The Red Cross said on March 18 that "
  "90% of the city was damaged.\n\n"
  "The government will open a reconstruction fund in May. Beira last flooded this badly "
  "in 2000.";

static const char flood_b[] =
  "Weeks after the storm of Cyclone Idai reached Beira on March 15, 2019, aid is still "
  "short. The Red Cross appeal of March 18 has raised half its target.\n\n"
  "On Monday, the WFP said it needed more trucks. Older residents compare it with the "
  "2000 floods in Beira.";

static const char vote_c[] =
  "Ukraine’s parliament debated the electoral law on March 18. Voters went to the polls on "
  "March 31, and the runoff will be held on April 21.";

typedef struct
{
  char            *dir;
  DossierDatabase *db;
} Fixture;

static void
add_article (Fixture    *f,
             const char *id,
             const char *published,
             const char *text)
{
  g_autoptr(DossierArticle) article = dossier_article_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);
  g_autoptr(GError) error = NULL;
  DossierDate date;
  gint64 rowid;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    g_ptr_array_add (blocks, dossier_block_new (DOSSIER_BLOCK_PARAGRAPH, paragraphs[i], NULL));
  g_assert_true (dossier_date_parse (published, &date));
  dossier_article_set_id (article, id);
  dossier_article_set_title (article, id);
  dossier_article_set_published (article, &date);
  dossier_article_set_blocks (article, blocks);

  g_assert_true (dossier_article_store_save (f->db, article, &rowid, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_article_get_text (article), ==, text);
}

static void
exec (Fixture    *f,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  dossier_database_exec (f->db, sql, &error);
  g_assert_no_error (error);
}

/* Every whole occurrence of @name in the article @uid mentions entity @entity. */
static void
add_mentions (Fixture    *f,
              const char *uid,
              const char *text,
              const char *name,
              int         entity)
{
  for (const char *p = strstr (text, name); p != NULL; p = strstr (p + 1, name))
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO mentions (article, start, length, entity)"
        " SELECT id, %ld, %ld, %d FROM articles WHERE uid = '%s'",
        g_utf8_pointer_to_offset (text, p), g_utf8_strlen (name, -1), entity, uid);

      exec (f, sql);
    }
}

static void
rebuild_all (Fixture *f)
{
  static const char * const ids[] = { "flood-a", "flood-b", "vote-c" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(DossierArticle) article = dossier_article_store_load (f->db, ids[i], &error);
      g_autoptr(DossierStatement) stmt = dossier_database_prepare (f->db,
        "SELECT id FROM articles WHERE uid = ?1", &error);

      g_assert_no_error (error);
      dossier_statement_bind_text (stmt, 1, ids[i]);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_true (dossier_event_store_rebuild (f->db, sqlite3_column_int64 (stmt, 0), article,
                                                  &error));
      g_assert_no_error (error);
    }

  g_assert_true (dossier_event_store_regroup (f->db, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = dossier_test_make_tmpdir ();
  path = g_build_filename (f->dir, "test.db", NULL);
  f->db = dossier_database_open (path, DOSSIER_DATABASE_WRITABLE, &error);
  g_assert_no_error (error);

  add_article (f, "flood-a", "2019-03", flood_a);
  add_article (f, "flood-b", "2019-04-02", flood_b);
  add_article (f, "vote-c", "2019-04", vote_c);
  exec (f, "INSERT INTO entities (id, name, kind) VALUES (1, 'Cyclone Idai', 4),"
           " (2, 'Beira', 2), (3, 'Red Cross', 1), (4, 'World Food Programme', 1),"
           " (5, 'Ukraine', 2);"
           "INSERT INTO aliases (entity, alias) VALUES (1, 'Idai'), (4, 'WFP');");
  add_mentions (f, "flood-a", flood_a, "Cyclone Idai", 1);
  add_mentions (f, "flood-a", flood_a, "Beira", 2);
  add_mentions (f, "flood-a", flood_a, "Red Cross", 3);
  add_mentions (f, "flood-b", flood_b, "Cyclone Idai", 1);
  add_mentions (f, "flood-b", flood_b, "Beira", 2);
  add_mentions (f, "flood-b", flood_b, "Red Cross", 3);
  add_mentions (f, "flood-b", flood_b, "WFP", 4);
  add_mentions (f, "vote-c", vote_c, "Ukraine", 5);
  rebuild_all (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  dossier_test_remove_tree (f->dir);
  g_free (f->dir);
}

static GPtrArray *
list (Fixture    *f,
      const char *entity,
      const char *from,
      const char *to)
{
  g_autoptr(GError) error = NULL;
  DossierDate from_date, to_date;
  GPtrArray *events;

  g_assert_true (from == NULL || dossier_date_parse (from, &from_date));
  g_assert_true (to == NULL || dossier_date_parse (to, &to_date));
  events = dossier_event_store_list (f->db, entity, from ? &from_date : NULL,
                                     to ? &to_date : NULL, &error);
  g_assert_no_error (error);
  return events;
}

static DossierEvent *
find_event (GPtrArray  *events,
            const char *article,
            const char *phrase)
{
  for (guint i = 0; i < events->len; i++)
    {
      DossierEvent *event = g_ptr_array_index (events, i);

      if (g_str_equal (event->article_id, article) && g_str_equal (event->phrase, phrase))
        return event;
    }

  g_test_message ("no event “%s” in %s", phrase, article);
  g_assert_not_reached ();
}

static void
assert_iso (DossierEvent *event,
            const char   *iso)
{
  g_autofree char *got = dossier_event_dup_iso (event);

  g_assert_cmpstr (got, ==, iso);
}

static void
test_sentence_and_entities (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) events = list (f, NULL, NULL, NULL);
  DossierEvent *hit = find_event (events, "flood-a", "on March 14");
  DossierEvent *fund = find_event (events, "flood-a", "in May");
  const char * const hit_entities[] = { "Beira", "Cyclone Idai", NULL };

  g_assert_cmpuint (events->len, ==, 11);
  assert_iso (hit, "2019-03-14");
  g_assert_cmpstr (hit->text, ==, "Cyclone Idai’s storm surge hit Beira on March 14.");
  g_assert_cmpstrv (hit->entities, hit_entities);
  g_assert_cmpstr (hit->article_title, ==, "flood-a");

  /* "will open … in May": the May after publication, in a sentence without entities */
  assert_iso (fund, "2019-05");
  g_assert_cmpuint (g_strv_length (fund->entities), ==, 0);

  assert_iso (find_event (events, "flood-b", "On Monday"), "2019-04-01");
  assert_iso (find_event (events, "vote-c", "on April 21"), "2019-04-21");
}

static void
test_sorted_chronologically (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) events = list (f, NULL, NULL, NULL);

  for (guint i = 1; i < events->len; i++)
    {
      DossierEvent *a = g_ptr_array_index (events, i - 1), *b = g_ptr_array_index (events, i);

      g_assert_cmpint (dossier_date_compare (&a->date, &b->date), <=, 0);
    }
  assert_iso (g_ptr_array_index (events, 0), "2000");
}

static void
test_groups_across_articles (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) events = list (f, NULL, NULL, NULL);
  DossierEvent *appeal_a = find_event (events, "flood-a", "on March 18");
  DossierEvent *appeal_b = find_event (events, "flood-b", "March 18");
  DossierEvent *debate = find_event (events, "vote-c", "on March 18");
  DossierEvent *flood_2000_a = find_event (events, "flood-a", "in 2000");
  DossierEvent *flood_2000_b = find_event (events, "flood-b", "2000");

  /* same day, a shared entity (the Red Cross): one happening, reported by two articles */
  g_assert_cmpstr (appeal_a->group, ==, appeal_b->group);
  g_assert_cmpuint (appeal_a->reported_by, ==, 2);
  /* same day, no shared entity: another happening */
  g_assert_cmpstr (debate->group, !=, appeal_a->group);
  g_assert_cmpuint (debate->reported_by, ==, 1);
  {
    g_autoptr(GPtrArray) group = dossier_event_store_list_group (f->db, appeal_a->group, NULL);

    g_assert_cmpuint (group->len, ==, 2);
    g_assert_cmpstr (((DossierEvent *) g_ptr_array_index (group, 0))->article_id, ==, "flood-a");
    g_assert_cmpstr (((DossierEvent *) g_ptr_array_index (group, 1))->article_id, ==, "flood-b");
  }
  /* years group with years */
  g_assert_cmpstr (flood_2000_a->group, ==, flood_2000_b->group);
  g_assert_cmpuint (flood_2000_b->reported_by, ==, 2);
}

static void
test_conflicting_dates (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) events = list (f, NULL, NULL, NULL);
  DossierEvent *hit_a = find_event (events, "flood-a", "on March 14");
  DossierEvent *hit_b = find_event (events, "flood-b", "on March 15, 2019");

  /* the same storm among the same entities, dated a day apart */
  g_assert_true (hit_a->conflict);
  g_assert_true (hit_b->conflict);
  g_assert_cmpstr (hit_a->group, !=, hit_b->group);
  g_assert_false (find_event (events, "flood-a", "on March 18")->conflict);
  g_assert_false (find_event (events, "vote-c", "on March 31")->conflict);
}

static void
add_and_rebuild (Fixture    *f,
                 const char *id,
                 gint64      rowid,
                 const char *text,
                 const char *name,
                 int         entity)
{
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  add_article (f, id, "2019-06", text);
  add_mentions (f, id, text, name, entity);
  article = dossier_article_store_load (f->db, id, &error);
  g_assert_true (dossier_event_store_rebuild (f->db, rowid, article, &error));
  g_assert_true (dossier_event_store_regroup (f->db, &error));
  g_assert_no_error (error);
}

/* "March 2019" joins the group of a day in March when it is the only one that shares an
 * entity with it; when several do, which day it means is unknown and it stays apart. */
static void
test_month_joins_only_day (Fixture       *f,
                           gconstpointer  data)
{
  static const char tents[] = "The Red Cross ran out of tents in March 2019.";
  static const char aid[] = "Aid to Beira was slow in March 2019.";
  g_autoptr(GPtrArray) events = NULL;
  DossierEvent *month, *appeal;

  add_and_rebuild (f, "flood-d", 4, tents, "Red Cross", 3);
  add_and_rebuild (f, "flood-e", 5, aid, "Beira", 2);
  events = list (f, NULL, NULL, NULL);

  month = find_event (events, "flood-d", "in March 2019");
  appeal = find_event (events, "flood-a", "on March 18");
  g_assert_cmpstr (month->group, ==, appeal->group);
  g_assert_cmpuint (appeal->reported_by, ==, 3);

  /* Beira: the storm of 14 March and of 15 March */
  month = find_event (events, "flood-e", "in March 2019");
  g_assert_cmpstr (month->group, !=, find_event (events, "flood-a", "on March 14")->group);
  g_assert_cmpstr (month->group, !=, find_event (events, "flood-b", "on March 15, 2019")->group);
  g_assert_cmpuint (month->reported_by, ==, 1);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) march = list (f, NULL, "2019-03-15", "2019-03");
  g_autoptr(GPtrArray) idai = list (f, "idai", NULL, NULL);
  g_autoptr(GPtrArray) year = list (f, NULL, "2019", "2019");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) unknown = NULL;

  /* 15, 18 (three times) and 31 March */
  g_assert_cmpuint (march->len, ==, 5);
  /* by alias, in any case: the storm in both articles */
  g_assert_cmpuint (idai->len, ==, 2);
  for (guint i = 0; i < idai->len; i++)
    {
      DossierEvent *event = g_ptr_array_index (idai, i);

      g_assert_true (g_strv_contains ((const char * const *) event->entities, "Cyclone Idai"));
    }
  g_assert_cmpuint (year->len, ==, 9);

  unknown = dossier_event_store_list (f->db, "Atlantis", NULL, NULL, &error);
  g_assert_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_NOT_FOUND);
  g_assert_null (unknown);
}

static void
take_event (DossierEvent *event,
            gpointer      user_data)
{
  g_ptr_array_add (user_data, event);
}

/* The streamed listing hands out the list's events one at a time, in its order, each with
 * how many articles report its happening (counted once per group, not per event). */
static void
test_foreach_streams_list (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) events = list (f, NULL, NULL, NULL);
  g_autoptr(GPtrArray) streamed = g_ptr_array_new_with_free_func (
    (GDestroyNotify) dossier_event_free);
  g_autoptr(GError) error = NULL;
  guint shared = 0;

  g_assert_true (dossier_event_store_foreach (f->db, NULL, NULL, NULL, take_event, streamed,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (streamed->len, ==, events->len);
  for (guint i = 0; i < events->len; i++)
    {
      DossierEvent *listed = g_ptr_array_index (events, i);
      DossierEvent *event = g_ptr_array_index (streamed, i);

      g_assert_cmpint (event->id, ==, listed->id);
      g_assert_cmpstr (event->group, ==, listed->group);
      g_assert_cmpuint (event->reported_by, ==, listed->reported_by);
      if (event->group == NULL)
        g_assert_cmpuint (event->reported_by, ==, 0);
      else
        g_assert_cmpuint (event->reported_by, >=, 1);
      shared += event->reported_by > 1;
    }
  /* both March 18 reports and both 2000 floods */
  g_assert_cmpuint (shared, >=, 4);

  g_assert_false (dossier_event_store_foreach (f->db, "Atlantis", NULL, NULL, take_event,
                                               streamed, &error));
  g_assert_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_NOT_FOUND);
  g_assert_cmpuint (streamed->len, ==, events->len);
}

static void
test_rebuild_replaces (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) before = list (f, NULL, NULL, NULL);
  g_autoptr(GPtrArray) after = NULL;

  rebuild_all (f);
  after = list (f, NULL, NULL, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpuint (find_event (after, "flood-b", "March 18")->reported_by, ==, 2);
}

/* Every row of @sql, one line each. */
static char *
dump (Fixture    *f,
      const char *sql)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStatement) stmt = dossier_database_prepare (f->db, sql, &error);

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (rows, "%s|", dossier_statement_column_text (stmt, i));
      g_string_append_c (rows, '\n');
    }
  return g_string_free (g_steal_pointer (&rows), FALSE);
}

static char *
dump_events (Fixture *f)
{
  g_autofree char *events = dump (f, "SELECT * FROM events ORDER BY id");
  g_autofree char *entities = dump (f, "SELECT * FROM event_entities ORDER BY event, entity");

  return g_strconcat (events, entities, NULL);
}

/* The articles' events saved in one statement (as an import saves a chunk) are the rows
 * one save per article gives (as the fixture's rebuild did): ids, entities, groups. */
static void
test_save_all_same_rows (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const ids[] = { "flood-a", "flood-b", "vote-c" };
  g_autofree char *one_by_one = dump_events (f);
  g_autofree char *all_at_once = NULL;
  GPtrArray *expressions[G_N_ELEMENTS (ids)], *happenings[G_N_ELEMENTS (ids)];
  DossierArticle *articles[G_N_ELEMENTS (ids)];
  gint64 rowids[G_N_ELEMENTS (ids)];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const char *text;
      gboolean found = FALSE;

      articles[i] = dossier_article_store_load (f->db, ids[i], &error);
      g_assert_true (dossier_article_store_lookup (f->db, ids[i], &found, &rowids[i], NULL,
                                                   &error));
      text = dossier_article_get_text (articles[i]);
      expressions[i] = dossier_date_extract (text, dossier_article_get_published (articles[i]));
      happenings[i] = dossier_event_store_guess_happenings (text, expressions[i]);
    }

  g_assert_true (dossier_event_store_save_all (f->db, G_N_ELEMENTS (ids), rowids, expressions,
                                               happenings, &error));
  g_assert_true (dossier_event_store_regroup (f->db, &error));
  g_assert_no_error (error);
  all_at_once = dump_events (f);
  g_assert_cmpstr (all_at_once, ==, one_by_one);
  /* the fixture's mentions give events entities: the comparison is not of empty tables */
  g_assert_nonnull (strstr (all_at_once, "|5|\n"));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_ptr_array_unref (expressions[i]);
      g_ptr_array_unref (happenings[i]);
      g_object_unref (articles[i]);
    }
}

static void
test_happening (void)
{
  g_assert_cmpstr (dossier_event_guess_happening ("The Elections were held."), ==, "election");
  g_assert_cmpstr (dossier_event_guess_happening ("New sanctions followed the coup."), ==,
                   "sanction");
  g_assert_cmpstr (dossier_event_guess_happening ("Talks on the treaty"), ==, "talks");
  g_assert_null (dossier_event_guess_happening ("Nothing happened; visitors came."));
}

/* The bundled dossier, copied into a fresh library: a handful of its dates, checked by
 * hand against the articles. */
static void
test_bundled_dossier (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  static const struct
  {
    const char *article;
    const char *phrase;
    const char *iso;
    const char *qualifier;
  } expected[] = {
    { "polygraph-2022-moscow-fuels-myanmar-war-machine", "On August 3", "2022-08-03", NULL },
    { "polygraph-2022-moscow-fuels-myanmar-war-machine", "As of August 5", "2022-08-05", NULL },
    { "polygraph-2022-moscow-fuels-myanmar-war-machine", "March 27", "2021-03-27", NULL },
    { "polygraph-2022-moscow-fuels-myanmar-war-machine", "the previous day", "2021-03-26", NULL },
    { "polygraph-2022-moscow-fuels-myanmar-war-machine", "later this month", "2022-08", NULL },
    { "polygraph-2022-moscow-fuels-myanmar-war-machine", "next year", "2023", NULL },
    { "polygraph-2022-moscow-fuels-myanmar-war-machine", "2014", "2014", NULL },
    { "dvb-2022-junta-sides-with-russia-on-ukraine", "in June of 2021", "2021-06", NULL },
    { "dvb-2022-junta-sides-with-russia-on-ukraine", "In late January of this year", "2022-01",
      "late" },
    { "dvb-2022-junta-sides-with-russia-on-ukraine", "June", "2021-06", NULL },
    { "rfa-2023-nucc-condemns-russia", "In February", "2023-02", NULL },
    { "rfa-2023-nucc-condemns-russia", "June 10", "2023-06-10", NULL },
    { "rfa-2023-nucc-condemns-russia", "2022", "2022", NULL },
    { "rfa-2023-nucc-condemns-russia", "Feb. 1, 2021", "2021-02-01", NULL },
    { "unknown-2022-junta-chief-visit-fortifies-russia-ties", "in June last year", "2021-06",
      NULL },
    { "unknown-2022-junta-chief-visit-fortifies-russia-ties", "on Monday", "2022-09", NULL },
    { "owp-2021-russia-commits-military-ties-junta", "from 1999 to 2018", "1999/2018", NULL },
    { "owp-2021-russia-commits-military-ties-junta", "in late June", "2021-06", "late" },
  };

  library = dossier_test_open_library_in (dir, g_getenv ("DOSSIER_BUNDLED_DATABASE"));
  events = dossier_event_store_list (dossier_library_get_database (library), NULL, NULL, NULL,
                                     &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      DossierEvent *event = find_event (events, expected[i].article, expected[i].phrase);

      assert_iso (event, expected[i].iso);
      g_assert_cmpstr (dossier_qualifier_to_string (event->qualifier), ==, expected[i].qualifier);
    }

  g_clear_object (&library);
  dossier_test_remove_tree (dir);
}

static void
run_dossier (const char * const *args,
             char              **out,
             char              **err,
             int                *status)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;

  /* The child's library goes in this test's own data folder. */
  g_setenv ("XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_strv_builder_add (builder, g_getenv ("DOSSIER_EXECUTABLE"));
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  g_assert_true (dossier_test_run ((const char * const *) argv, out, err, status));
}

static JsonArray *
run_json (const char * const *args,
          JsonParser         *parser)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  run_dossier (args, &out, &err, &status);
  g_test_message ("stderr: %s", err);
  g_assert_cmpint (status, ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_array (json_parser_get_root (parser));
}

static void
test_cli_json (void)
{
  const char * const all[] = { "timeline", "--json", NULL };
  const char * const later[] = { "timeline", "--from", "2023", "--json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) later_parser = json_parser_new ();
  JsonArray *events = run_json (all, parser);
  JsonArray *events_2023 = run_json (later, later_parser);
  gboolean found = FALSE;
  const char *previous = "";

  g_assert_cmpuint (json_array_get_length (events), >, 30);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      const char *date = json_object_get_string_member (event, "date");

      g_assert_cmpstr (previous, <=, date);
      previous = date;
      g_assert_true (json_object_has_member (event, "reported_by"));
      g_assert_true (json_object_has_member (event, "entities"));
      g_assert_true (json_object_has_member (event, "group"));
      g_assert_nonnull (json_object_get_string_member (event, "text"));
      if (g_str_equal (json_object_get_string_member (event, "phrase"), "On August 3"))
        {
          found = TRUE;
          g_assert_cmpstr (date, ==, "2022-08-03");
          g_assert_cmpstr (json_object_get_string_member (event, "precision"), ==, "day");
          g_assert_cmpstr (json_object_get_string_member (event, "article_title"), ==,
                           "Moscow Fuels Myanmar War Machine, Then Claims to Bring Peace");
        }
    }
  g_assert_true (found);

  g_assert_cmpuint (json_array_get_length (events_2023), ==, 3);
  {
    const char * const none[] = { "timeline", "--from", "2100", "--json", NULL };
    g_autoptr(JsonParser) none_parser = json_parser_new ();

    g_assert_cmpuint (json_array_get_length (run_json (none, none_parser)), ==, 0);
  }
  for (guint i = 0; i < json_array_get_length (events_2023); i++)
    g_assert_true (g_str_has_prefix (json_object_get_string_member (
      json_array_get_object_element (events_2023, i), "date"), "2023"));
}

static void
test_cli_text (void)
{
  const char * const args[] = { "timeline", "--from", "2022-08-03", "--to", "2022-08-03", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  run_dossier (args, &out, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "\n2022-08-03\t“On August 3”\t"
                                 "polygraph-2022-moscow-fuels-myanmar-war-machine\n"));
  g_assert_nonnull (strstr (out, "Russian Foreign Minister Sergey Lavrov made an official"));
  /* a year or a month may hold that day too, and sorts before its days */
  g_assert_true (g_str_has_prefix (out, "2022\t“2022”\trfa-2023-nucc-condemns-russia\n"));
  g_assert_nonnull (strstr (out, "2022-08\t“later this month”"));
  g_assert_true (strstr (out, "2022-08\t“later this month”")
                 < strstr (out, "“On August 3”"));
  g_assert_null (strstr (out, "2022-08-05"));
}

/* --entity takes a name or an alias, in any case. */
static void
test_cli_entity (void)
{
  const char * const args[] = { "timeline", "--entity", "lavrov", "--json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *events = run_json (args, parser);

  g_assert_cmpuint (json_array_get_length (events), >=, 3);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      JsonArray *entities = json_object_get_array_member (event, "entities");
      gboolean named = FALSE;

      for (guint k = 0; k < json_array_get_length (entities); k++)
        named = named || g_str_equal (json_array_get_string_element (entities, k),
                                      "Sergei Lavrov");
      g_assert_true (named);
    }
}

static void
test_cli_errors (void)
{
  const char * const bad_from[] = { "timeline", "--from", "August 2022", NULL };
  const char * const bad_to[] = { "timeline", "--to", "2022-13", NULL };
  const char * const reversed[] = { "timeline", "--from", "2023", "--to", "2022", NULL };
  const char * const unknown[] = { "timeline", "--entity", "Atlantis", NULL };
  const char * const extra[] = { "timeline", "now", NULL };
  const char * const *cases[] = { bad_from, bad_to, reversed, unknown, extra };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      run_dossier (cases[i], &out, &err, &status);
      g_assert_cmpint (status, ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "dossier: "));
      /* one line */
      g_assert_cmpstr (strchr (err, '\n'), ==, err + strlen (err) - 1);
    }
}

#define ADD_FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  ADD_FIXTURE_TEST ("/timeline/event-has-sentence-and-entities", test_sentence_and_entities);
  ADD_FIXTURE_TEST ("/timeline/sorted-chronologically", test_sorted_chronologically);
  ADD_FIXTURE_TEST ("/timeline/groups-across-articles", test_groups_across_articles);
  ADD_FIXTURE_TEST ("/timeline/conflicting-dates-flagged", test_conflicting_dates);
  ADD_FIXTURE_TEST ("/timeline/month-joins-only-day", test_month_joins_only_day);
  ADD_FIXTURE_TEST ("/timeline/filters", test_filters);
  ADD_FIXTURE_TEST ("/timeline/rebuild-replaces", test_rebuild_replaces);
  ADD_FIXTURE_TEST ("/timeline/foreach-streams-list", test_foreach_streams_list);
  ADD_FIXTURE_TEST ("/timeline/save-all-same-rows", test_save_all_same_rows);
  g_test_add_func ("/timeline/happening-kind", test_happening);
  g_test_add_func ("/timeline/bundled-dossier", test_bundled_dossier);
  g_test_add_func ("/timeline/cli-json", test_cli_json);
  g_test_add_func ("/timeline/cli-text", test_cli_text);
  g_test_add_func ("/timeline/cli-entity", test_cli_entity);
  g_test_add_func ("/timeline/cli-errors", test_cli_errors);

  return g_test_run ();
}
