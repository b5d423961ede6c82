/* test-search-ranking.c: the best matches kept while FTS5 scans are those ORDER BY rank
 * gives, on a generated library large enough for ties, long doclists and every operator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "dossier-article-store.h"
#include "dossier-corpus.h"
#include "dossier-search-split.h"
#include "dossier-search-store.h"
#include "dossier-test-util.h"

#define N_ARTICLES 1500
#define PAGE       40

typedef struct
{
  char            *dir;
  DossierDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new (3, 150);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = dossier_test_make_tmpdir ();
  path = g_build_filename (fixture->dir, "ranking.db", NULL);
  fixture->db = dossier_database_open (path, DOSSIER_DATABASE_BUILD, &error);
  g_assert_no_error (error);

  g_assert_true (dossier_database_begin (fixture->db, &error));
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autoptr(DossierArticle) article = dossier_corpus_next_article (corpus, NULL);

      g_assert_true (dossier_article_store_save (fixture->db, article, NULL, &error));
    }
  g_assert_true (dossier_database_commit (fixture->db, &error));
  g_assert_no_error (error);
}

/* Every scan is shared with a second thread (dossier-search-split.c) whatever the
 * library's size and the scan's length. */
static void
fixture_set_up_split (Fixture       *fixture,
                       gconstpointer  data)
{
  fixture_set_up (fixture, data);
  _dossier_search_store_set_split (1, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  _dossier_search_store_reset_split ();
  g_clear_object (&fixture->db);
  dossier_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GPtrArray *
find (Fixture    *fixture,
      const char *text,
      gboolean    collect_top,
      guint       offset,
      gboolean   *has_more)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new (text);
  g_autoptr(GError) error = NULL;
  GPtrArray *results;

  _dossier_search_store_set_collect_top (collect_top);
  results = dossier_search_store_find (fixture->db, query, offset, PAGE, has_more, NULL,
                                       &error);
  _dossier_search_store_set_collect_top (TRUE);
  g_assert_no_error (error);
  return results;
}

static double
score_at (GPtrArray *results,
          guint      i)
{
  return dossier_search_result_get_score (g_ptr_array_index (results, i));
}

static gboolean
is_unique (GPtrArray *results,
           guint      i)
{
  return (i == 0 || score_at (results, i - 1) != score_at (results, i))
         && (i + 1 == results->len || score_at (results, i + 1) != score_at (results, i));
}

/* Same scores in the same order; same articles wherever a score is not tied with the
 * page's last one, which either order may cut differently. */
static void
assert_same_page (GPtrArray *kept,
                  GPtrArray *sorted)
{
  double last;

  g_assert_cmpuint (kept->len, ==, sorted->len);
  if (kept->len == 0)
    return;

  last = score_at (sorted, sorted->len - 1);
  for (guint i = 0; i < kept->len; i++)
    {
      DossierSearchResult *a = g_ptr_array_index (kept, i);
      DossierSearchResult *b = g_ptr_array_index (sorted, i);

      g_assert_cmpfloat_with_epsilon (score_at (kept, i), score_at (sorted, i),
                                      1e-9 * fabs (score_at (sorted, i)));
      if (score_at (sorted, i) > last && is_unique (sorted, i))
        g_assert_cmpstr (dossier_search_result_get_article_id (a), ==,
                         dossier_search_result_get_article_id (b));
    }
}

static void
assert_same_as_order_by_rank (Fixture           *fixture,
                              const char *const *texts,
                              guint              n_texts)
{
  for (guint i = 0; i < n_texts; i++)
    for (guint offset = 0; offset <= PAGE; offset += PAGE)
      {
        gboolean more_kept = FALSE, more_sorted = FALSE;
        g_autoptr(GPtrArray) kept = find (fixture, texts[i], TRUE, offset, &more_kept);
        g_autoptr(GPtrArray) sorted = find (fixture, texts[i], FALSE, offset, &more_sorted);

        g_test_message ("%s @%u: %u results", texts[i], offset, kept->len);
        assert_same_page (kept, sorted);
        g_assert_cmpint (more_kept, ==, more_sorted);
      }
}

static void
test_same_as_order_by_rank (Fixture *fixture, gconstpointer data)
{
  static const char *const texts[] = {
    "the", "military", "junta", "Russia weapons", "typhoon", "helicopter", "\"the military\"",
    "\"security forces\"", "heli*", "sanct*", "drone OR helicopter", "junta -Russia",
    "sanctions NOT embassy", "junta NEAR Russia", "of the and to", "Shoigu OR Putin",
    "military -\"the military\"", "junta after:2020", "military outlet:Reuters",
    /* Filters that pass few of the matches: several batches of candidates. */
    "the outlet:TASS after:2024-10", "military before:2015-03", "the outlet:nowhere",
  };

  assert_same_as_order_by_rank (fixture, texts, G_N_ELEMENTS (texts));
}

static void
save_articles (DossierDatabase *db,
               DossierCorpus   *corpus,
               guint            n)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierArticle) article = dossier_corpus_next_article (corpus, NULL);

      g_assert_true (dossier_article_store_save (db, article, NULL, &error));
      g_assert_no_error (error);
    }
}

/* A title much longer than before: the same rowid, another length. */
static void
lengthen_title (DossierDatabase *db,
                const char      *uid)
{
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  article = dossier_article_store_load (db, uid, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 60; i++)
    g_string_append (title, "a much longer title ");
  dossier_article_set_title (article, title->str);
  g_assert_true (dossier_article_store_save (db, article, NULL, &error));
  g_assert_no_error (error);
}

/* The best "military" matches: deleted, hidden, made longer or left. */
static void
change_best_matches (Fixture *fixture)
{
  g_autoptr(GPtrArray) best = find (fixture, "military", TRUE, 0, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (best->len, ==, PAGE);
  for (guint i = 0; i < 15; i++)
    {
      const char *uid = dossier_search_result_get_article_id (best->pdata[i]);

      if (i % 3 == 0)
        g_assert_true (dossier_article_store_delete (fixture->db, uid, &error));
      else if (i % 3 == 1)
        g_assert_true (dossier_article_store_set_hidden (fixture->db, uid, TRUE, &error));
      else
        lengthen_title (fixture->db, uid);
      g_assert_no_error (error);
    }
}

/* The lengths kept for ranking (dossier-search-lengths.c) follow every change to the
 * library, made on the searching connection or on another one, and hidden articles count
 * for the idf as FTS5 counts them. */
static void
test_same_after_changes (Fixture *fixture, gconstpointer data)
{
  static const char *const texts[] = {
    "the", "military", "\"the military\"", "Russia weapons", "junta after:2020",
  };
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new (4, 150);
  g_autoptr(DossierDatabase) other = NULL;
  g_autoptr(GPtrArray) best = NULL;
  g_autoptr(GError) error = NULL;

  assert_same_as_order_by_rank (fixture, texts, G_N_ELEMENTS (texts));

  change_best_matches (fixture);
  save_articles (fixture->db, corpus, 50);
  assert_same_as_order_by_rank (fixture, texts, G_N_ELEMENTS (texts));

  other = dossier_database_open (dossier_database_get_path (fixture->db),
                                 DOSSIER_DATABASE_WRITABLE, &error);
  g_assert_no_error (error);
  best = find (fixture, "military", TRUE, 0, NULL);
  g_assert_true (dossier_database_begin (other, &error));
  save_articles (other, corpus, 300);
  for (guint i = 0; i < 5; i++)
    lengthen_title (other, dossier_search_result_get_article_id (best->pdata[i]));
  g_assert_true (dossier_database_commit (other, &error));
  assert_same_as_order_by_rank (fixture, texts, G_N_ELEMENTS (texts));
}

static gint64
count_segments (DossierDatabase *db)
{
  g_autoptr(DossierStatement) stmt = dossier_database_prepare (db,
    "SELECT count (DISTINCT rowid >> 37) FROM articles_fts_data WHERE rowid >> 37 > 0", NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Merging the index after an import, in part or whole, changes no result. */
static void
test_tidy_index (Fixture *fixture, gconstpointer data)
{
  static const char *const texts[] = { "the", "military", "\"the military\"", "heli*" };
  g_autoptr(DossierCorpus) corpus = dossier_corpus_new (5, 150);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GError) error = NULL;
  gint64 n_segments;

  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (dossier_database_begin (fixture->db, &error));
      save_articles (fixture->db, corpus, 100);
      g_assert_true (dossier_database_commit (fixture->db, &error));
    }
  n_segments = count_segments (fixture->db);
  g_assert_cmpint (n_segments, >, 1);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_ptr_array_add (before, find (fixture, texts[i], TRUE, 0, NULL));

  g_assert_true (dossier_search_store_tidy_index (fixture->db, 100, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_segments (fixture->db), >=, 1);
  g_assert_true (dossier_search_store_tidy_index (fixture->db, N_ARTICLES, &error));
  g_assert_cmpint (count_segments (fixture->db), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) after = find (fixture, texts[i], TRUE, 0, NULL);

      assert_same_page (after, before->pdata[i]);
    }
  assert_same_as_order_by_rank (fixture, texts, G_N_ELEMENTS (texts));
}

/* Pages follow one another without a gap or a repeat, ties included. */
static void
test_pages_are_consistent (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new ("military");
  gint64 count = dossier_search_store_count (fixture->db, query, NULL, NULL);
  gboolean has_more = TRUE;
  guint offset = 0;

  while (has_more)
    {
      g_autoptr(GPtrArray) page = find (fixture, "military", TRUE, offset, &has_more);

      for (guint i = 0; i < page->len; i++)
        {
          const char *id = dossier_search_result_get_article_id (page->pdata[i]);

          g_assert_true (g_hash_table_add (seen, g_strdup (id)));
        }
      offset += page->len;
    }

  g_assert_cmpint (g_hash_table_size (seen), ==, count);
  g_assert_cmpint (count, >, 10 * PAGE);
}

/* The same page, exactly: the same articles in the same order, ties included. */
static void
assert_identical_pages (GPtrArray *a,
                        GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_cmpstr (dossier_search_result_get_article_id (a->pdata[i]), ==,
                       dossier_search_result_get_article_id (b->pdata[i]));
      g_assert_cmpfloat (score_at (a, i), ==, score_at (b, i));
    }
}

/* One page, however the scan is made. */
static GPtrArray *
find_any_way (DossierDatabase *db,
              const char      *text,
              guint            offset,
              gboolean        *has_more)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new (text);
  g_autoptr(GError) error = NULL;
  GPtrArray *results;

  results = dossier_search_store_find (db, query, offset, PAGE, has_more, NULL, &error);
  g_assert_no_error (error);
  return results;
}

/* One page, the scan shared with a second thread (or not); asserts which it was. */
static GPtrArray *
find_split (DossierDatabase *db,
            const char      *text,
            gboolean         split,
            guint            offset,
            gboolean        *has_more)
{
  guint n_shared;
  GPtrArray *results;

  /* A helper still at work makes the next search scan in one piece. */
  _dossier_search_split_join (db);
  n_shared = _dossier_search_split_get_n_shared ();

  _dossier_search_store_set_split (split ? 1 : G_MAXUINT, 0);
  results = find_any_way (db, text, offset, has_more);
  /* A prefix would be expanded again for every part: never shared. */
  g_assert_cmpuint (_dossier_search_split_get_n_shared (), ==,
                    n_shared + (split && strchr (text, '*') == NULL ? 1 : 0));
  return results;
}

static void
assert_split_same_as_one_scan (DossierDatabase *db)
{
  static const char *const texts[] = {
    "the", "military", "junta", "Russia weapons", "typhoon", "\"the military\"",
    "heli*", "drone OR helicopter", "junta -Russia", "junta NEAR Russia", "of the and to",
    "junta after:2020", "military outlet:Reuters", "the outlet:TASS after:2024-10",
  };
  static const guint offsets[] = { 0, PAGE, 7 * PAGE };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (guint j = 0; j < G_N_ELEMENTS (offsets); j++)
      {
        gboolean more_one = FALSE, more_split = FALSE;
        g_autoptr(GPtrArray) one = NULL;
        g_autoptr(GPtrArray) split = NULL;

        /* The first search brings the lengths up to date, which a split needs. */
        one = find_split (db, texts[i], FALSE, offsets[j], &more_one);
        split = find_split (db, texts[i], TRUE, offsets[j], &more_split);
        g_test_message ("%s @%u: %u results", texts[i], offsets[j], one->len);
        assert_identical_pages (split, one);
        g_assert_cmpint (more_split, ==, more_one);
      }
}

/* A library large enough to cut in parts, a first part too short to share: the scan
 * stops after the first part and goes on from exactly there, alone. */
static void
test_split_first_part_alone (Fixture *fixture, gconstpointer data)
{
  static const char *const texts[] = {
    "the", "military", "typhoon", "\"the military\"", "drone NEAR/5 helicopter",
    "junta after:2020",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (guint offset = 0; offset <= PAGE; offset += PAGE)
      {
        gboolean more_one = FALSE, more_alone = FALSE;
        g_autoptr(GPtrArray) one = find_split (fixture->db, texts[i], FALSE, offset, &more_one);
        g_autoptr(GPtrArray) alone = NULL;
        guint n_shared = _dossier_search_split_get_n_shared ();

        _dossier_search_store_set_split (1, G_MAXUINT);
        alone = find_any_way (fixture->db, texts[i], offset, &more_alone);
        g_assert_cmpuint (_dossier_search_split_get_n_shared (), ==, n_shared);
        assert_identical_pages (alone, one);
        g_assert_cmpint (more_alone, ==, more_one);
      }
}

/* A scan shared between two threads gives what one scan gives, page for page, with
 * hidden articles, on a rollback journal and in WAL. */
static void
test_split_same_as_one_scan (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) best = find_split (fixture->db, "military", FALSE, 0, NULL);
  g_autofree char *path = g_strdup (dossier_database_get_path (fixture->db));
  g_autoptr(DossierDatabase) wal = NULL;
  g_autoptr(GError) error = NULL;

  assert_split_same_as_one_scan (fixture->db);

  for (guint i = 0; i < best->len; i += 3)
    g_assert_true (dossier_article_store_set_hidden (fixture->db,
      dossier_search_result_get_article_id (best->pdata[i]), TRUE, &error));
  g_assert_no_error (error);
  assert_split_same_as_one_scan (fixture->db);

  g_clear_object (&fixture->db);
  wal = dossier_database_open (path, DOSSIER_DATABASE_WRITABLE, &error);
  g_assert_no_error (error);
  assert_split_same_as_one_scan (wal);
}

/* A helper without a core (here, one that waits a second before each part) holds no search
 * up, neither its own nor the next: the searching thread takes its parts back, the next
 * search is made in one piece, and the pages are still exact. The helper may start only
 * once the searching thread has taken every part of so small a library: searches are
 * made until one had a part taken back. */
static void
test_split_slow_helper (Fixture *fixture, gconstpointer data)
{
  static const char *const texts[] = { "the", "military", "Russia weapons", "junta after:2020" };
  guint n_taken_back = _dossier_search_split_get_n_taken_back ();

  for (guint i = 0; i < 40 && _dossier_search_split_get_n_taken_back () == n_taken_back; i++)
    {
      const char *text = texts[i % G_N_ELEMENTS (texts)];
      g_autoptr(GPtrArray) one = find_split (fixture->db, text, FALSE, PAGE, NULL);
      g_autoptr(GPtrArray) shared = NULL;
      g_autoptr(GPtrArray) next = NULL;
      gint64 start = g_get_monotonic_time ();

      /* Waiting for one part would take the whole second; the searches themselves take
       * milliseconds, a few tens under the sanitizers on a loaded machine. */
      _dossier_search_split_set_helper_delay (G_USEC_PER_SEC);
      shared = find_split (fixture->db, text, TRUE, PAGE, NULL);
      next = find_any_way (fixture->db, text, PAGE, NULL);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 800000);
      _dossier_search_split_set_helper_delay (0);
      assert_identical_pages (shared, one);
      assert_identical_pages (next, one);
    }

  g_assert_cmpuint (_dossier_search_split_get_n_taken_back (), >, n_taken_back);
}

/* A search cancelled at any moment, on either thread, stops with G_IO_ERROR_CANCELLED or
 * finishes with the right page; it never hangs. */
static gpointer
cancel_later (gpointer data)
{
  g_usleep (g_random_int_range (0, 3000));
  g_cancellable_cancel (data);
  return NULL;
}

static void
test_split_cancelled (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) expected = find_split (fixture->db, "the", FALSE, 0, NULL);
  guint n_cancelled = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(DossierSearchQuery) query = dossier_search_query_new (i % 2 ? "the" : "of the");
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GPtrArray) results = NULL;
      g_autoptr(GError) error = NULL;
      GThread *thread = g_thread_new ("cancel", cancel_later, cancellable);

      _dossier_search_store_set_split (1, 0);
      results = dossier_search_store_find (fixture->db, query, 0, PAGE, NULL, cancellable,
                                           &error);
      g_thread_join (thread);
      if (results == NULL)
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          n_cancelled++;
        }
      else if (i % 2)
        assert_identical_pages (results, expected);
    }
  g_test_message ("%u of 40 cancelled", n_cancelled);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/search-ranking/same-as-order-by-rank", Fixture, NULL, fixture_set_up,
              test_same_as_order_by_rank, fixture_tear_down);
  g_test_add ("/search-ranking/same-after-changes", Fixture, NULL, fixture_set_up,
              test_same_after_changes, fixture_tear_down);
  g_test_add ("/search-ranking/tidy-index", Fixture, NULL, fixture_set_up,
              test_tidy_index, fixture_tear_down);
  g_test_add ("/search-ranking/pages-are-consistent", Fixture, NULL, fixture_set_up,
              test_pages_are_consistent, fixture_tear_down);
  g_test_add ("/search-ranking/split/same-as-one-scan", Fixture, NULL, fixture_set_up,
              test_split_same_as_one_scan, fixture_tear_down);
  g_test_add ("/search-ranking/split/cancelled", Fixture, NULL, fixture_set_up,
              test_split_cancelled, fixture_tear_down);
  g_test_add ("/search-ranking/split/slow-helper", Fixture, NULL, fixture_set_up,
              test_split_slow_helper, fixture_tear_down);
  g_test_add ("/search-ranking/split/first-part-alone", Fixture, NULL, fixture_set_up,
              test_split_first_part_alone, fixture_tear_down);
  g_test_add ("/search-ranking/split/same-as-order-by-rank", Fixture, NULL,
              fixture_set_up_split, test_same_as_order_by_rank, fixture_tear_down);
  g_test_add ("/search-ranking/split/same-after-changes", Fixture, NULL,
              fixture_set_up_split, test_same_after_changes, fixture_tear_down);
  g_test_add ("/search-ranking/split/pages-are-consistent", Fixture, NULL,
              fixture_set_up_split, test_pages_are_consistent, fixture_tear_down);

  return g_test_run ();
}
