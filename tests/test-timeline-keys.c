/* test-timeline-keys.c: the timeline's compact keys and the pages of events they load
 *
 * The keys of the bundled dossier's events against dossier_event_store_list(), the query
 * plan that keeps them from reading article bodies, pages loaded whole in any order, in a
 * worker thread too; and the compact key store on random keys as a large library gives
 * them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-event-store.h"
#include "dossier-library.h"
#include "dossier-test-util.h"

static DossierLibrary *
open_bundled (const char *dir)
{
  return dossier_test_open_library_in (dir, g_getenv ("DOSSIER_BUNDLED_DATABASE"));
}

/* The keys list the events dossier_event_store_list() lists, in its order; a group that
 * several articles report has one name, other events none. */
static void
test_keys_follow_list (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autoptr(DossierLibrary) library = open_bundled (dir);
  DossierDatabase *db = dossier_library_get_database (library);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = dossier_event_store_list (db, NULL, NULL, NULL, &error);
  g_autoptr(DossierEventKeys) keys = dossier_event_store_list_keys (db, NULL, NULL, &error);
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_shared = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (dossier_event_keys_get_length (keys), >, 20);
  g_assert_cmpuint (dossier_event_keys_get_length (keys), ==, events->len);
  for (guint i = 0; i < events->len; i++)
    {
      DossierEventKey got, *key = &got;
      const DossierEvent *event = g_ptr_array_index (events, i);
      DossierEventKey expected = { 0 };

      dossier_event_keys_get (keys, i, 1, &got);
      g_assert_cmpint (key->id, ==, event->id);
      dossier_event_key_set_dates (&expected, &event->date, &event->end);
      g_assert_cmpint (key->month, ==, expected.month);
      g_assert_cmpint (key->last_month, ==, expected.last_month);
      g_assert_cmpint (key->group != 0, ==, event->group != NULL && event->reported_by > 1);
      if (key->group == 0)
        continue;
      n_shared++;
      if (!g_hash_table_contains (groups, event->group))
        g_hash_table_insert (groups, event->group, GINT_TO_POINTER ((int) key->group));
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (groups, event->group)), ==,
                       key->group);
    }
  g_assert_cmpuint (n_shared, >, 0);
  dossier_test_remove_tree (dir);
}

/* The keys join every event to its article through an index that holds what they read:
 * reading the article's row instead reads its body, which made the keys of 100,000
 * articles take minutes. */
static void
test_keys_plan (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autoptr(DossierLibrary) library = open_bundled (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = _dossier_event_store_explain_keys (dossier_library_get_database (library),
                                                             &error);

  g_assert_no_error (error);
  g_test_message ("%s", plan);
  g_assert_nonnull (strstr (plan, "SEARCH a USING COVERING INDEX articles_for_timeline"));
  g_assert_null (strstr (plan, "SEARCH a USING INTEGER PRIMARY KEY"));
  g_assert_null (strstr (plan, "SCAN a\n"));
  g_assert_null (strstr (plan, "count(DISTINCT)"));
  dossier_test_remove_tree (dir);
}

/* A page of keys loads its events whole, in the keys' order, whatever order is asked. */
static void
test_load_page (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autoptr(DossierLibrary) library = open_bundled (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = dossier_library_list_events (library, &error);
  g_autoptr(DossierEventKeys) keys =
    dossier_event_store_list_keys (dossier_library_get_database (library), NULL, NULL, &error);
  DossierEventKey page[3];
  g_autoptr(GPtrArray) loaded = NULL;
  const guint picks[3] = { 9, 2, 5 };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (picks); i++)
    dossier_event_keys_get (keys, picks[i], 1, &page[i]);
  loaded = dossier_library_load_events (library, page, G_N_ELEMENTS (page), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (picks); i++)
    {
      const DossierEvent *want = g_ptr_array_index (events, picks[i]);
      const DossierEvent *got = g_ptr_array_index (loaded, i);

      g_assert_cmpint (got->id, ==, want->id);
      g_assert_cmpstr (got->text, ==, want->text);
      g_assert_cmpstr (got->article_id, ==, want->article_id);
      g_assert_cmpuint (got->reported_by, ==, want->reported_by);
      g_assert_cmpuint (g_strv_length (got->entities), ==, g_strv_length (want->entities));
    }
  dossier_test_remove_tree (dir);
}

static void
on_keys (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  DossierEventKeys **keys = user_data;
  g_autoptr(GError) error = NULL;

  *keys = dossier_library_list_event_keys_finish (DOSSIER_LIBRARY (source), result, &error);
  g_assert_no_error (error);
}

/* Read in a worker thread, on its own connection, with an entity as in the CLI. */
static void
test_keys_in_background (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autoptr(DossierLibrary) library = open_bundled (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lavrov = dossier_event_store_list (dossier_library_get_database (library),
                                                          "lavrov", NULL, NULL, &error);
  DossierEventKeys *keys = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (lavrov->len, >, 0);
  dossier_library_list_event_keys_async (library, "lavrov", NULL, on_keys, &keys);
  while (keys == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (dossier_event_keys_get_length (keys), ==, lavrov->len);
  for (guint i = 0; i < lavrov->len; i++)
    g_assert_cmpint (dossier_event_keys_get_id (keys, i), ==,
                     ((DossierEvent *) g_ptr_array_index (lavrov, i))->id);
  dossier_event_keys_unref (keys);
  dossier_test_remove_tree (dir);
}

/* Random keys in timeline order, as a large library gives them: months rising, a period
 * now and then (also reaching back to a year-only date's December), some groups. */
static GArray *
random_keys (GRand *rand,
             guint  n)
{
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (DossierEventKey));
  int year = 1948, month = 0;

  for (guint i = 0; i < n; i++)
    {
      DossierEventKey key = { .id = g_rand_int_range (rand, 1, G_MAXINT32) };

      if (g_rand_int_range (rand, 0, 8) == 0 && ++month > 12)
        month = 0, year++;
      key.month = year * 10000 + month * 100;
      key.last_month = month == 0 ? year * 10000 + 1200 : key.month;
      if (g_rand_int_range (rand, 0, 10) == 0)
        key.last_month = (year + g_rand_int_range (rand, 0, 30)) * 10000 + 1100;
      if (g_rand_int_range (rand, 0, 5) == 0)
        key.group = g_rand_int_range (rand, 1, G_MAXINT32);
      g_array_append_val (keys, key);
    }
  return keys;
}

/* The compact keys give back every key as it was appended, from any starting point, in
 * far less than the 16 bytes a key takes whole. */
static void
test_event_keys_compact (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);
  g_autoptr(GArray) whole = random_keys (rand, 20000);
  g_autoptr(DossierEventKeys) keys = dossier_event_keys_new ();
  DossierEventKeysIter iter;
  DossierEventKey key, page[64];
  guint n = 0;

  for (guint i = 0; i < whole->len; i++)
    dossier_event_keys_append (keys, &g_array_index (whole, DossierEventKey, i));
  dossier_event_keys_trim (keys);
  g_assert_cmpuint (dossier_event_keys_get_length (keys), ==, whole->len);
  g_assert_cmpuint (dossier_event_keys_get_size (keys), <, whole->len * 8);

  dossier_event_keys_iter_init (&iter, keys, 0);
  for (; dossier_event_keys_iter_next (&iter, &key); n++)
    g_assert_cmpmem (&key, sizeof key, &g_array_index (whole, DossierEventKey, n), sizeof key);
  g_assert_cmpuint (n, ==, whole->len);

  for (guint round = 0; round < 200; round++)
    {
      guint first = g_rand_int_range (rand, 0, whole->len - G_N_ELEMENTS (page) + 1);

      dossier_event_keys_get (keys, first, G_N_ELEMENTS (page), page);
      g_assert_cmpmem (page, sizeof page, &g_array_index (whole, DossierEventKey, first),
                       sizeof page);
      g_assert_cmpuint (dossier_event_keys_get_id (keys, first), ==, page[0].id);
    }
  dossier_event_keys_iter_init (&iter, keys, whole->len);
  g_assert_false (dossier_event_keys_iter_next (&iter, &key));
}

/* No keys: nothing to give, and nothing breaks. */
static void
test_event_keys_empty (void)
{
  g_autoptr(DossierEventKeys) keys = dossier_event_keys_new ();
  DossierEventKeysIter iter;
  DossierEventKey key;

  dossier_event_keys_trim (keys);
  dossier_event_keys_iter_init (&iter, keys, 0);
  g_assert_false (dossier_event_keys_iter_next (&iter, &key));
  dossier_event_keys_get (keys, 0, 0, &key);
  g_assert_cmpuint (dossier_event_keys_get_length (keys), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/timeline/keys-follow-list", test_keys_follow_list);
  g_test_add_func ("/timeline/event-keys-compact", test_event_keys_compact);
  g_test_add_func ("/timeline/event-keys-empty", test_event_keys_empty);
  g_test_add_func ("/timeline/load-page", test_load_page);
  g_test_add_func ("/timeline/keys-plan", test_keys_plan);
  g_test_add_func ("/timeline/keys-in-background", test_keys_in_background);

  return g_test_run ();
}
