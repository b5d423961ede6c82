/* bench-search.c: how fast search answers on a large synthetic library
 *
 * Usage: bench-search [--articles N] [--rounds R] [--seed S] [--compare-sorting]
 *                     [--db LIBRARY] [--tsv FILE] [FOLDER]
 *
 * Builds a library of N generated articles (default 100,000) in FOLDER (default
 * $XDG_CACHE_HOME/dossier-bench), or reuses the one a previous run left there. Then runs a
 * fixed set of queries, each for its first page of 20 results with snippets, R rounds
 * (default 5) after one warm-up round, and prints p50 and p95 latency per query class and
 * overall. In between, it runs the same MATCH expressions as plain FTS5 queries (same
 * ranking, highlight and snippet, no joins or filters) through the sqlite3 command-line
 * tool on the same file, and prints the ratio Dossier / raw FTS5. --compare-sorting also
 * times every query the way FTS5 alone would rank it (ORDER BY rank, all matches sorted).
 * --db runs the same queries on an existing library instead (one `dossier import` made, for
 * tests/bench/run), and --tsv writes every timing, one line each, for a script to read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-search"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "dossier-article-store.h"
#include "bench-stats.h"
#include "dossier-corpus.h"
#include "dossier-entity-store.h"
#include "dossier-search-store.h"

#define PAGE_SIZE        20
#define ARTICLES_PER_TRANSACTION 10000
#define META_BENCH       "bench_corpus"

static int n_articles = 100000;
static int n_rounds = 5;
static int seed = 1;
static gboolean compare_sorting = FALSE;
static gboolean one_scan = FALSE;
static char **only_queries = NULL;
static char *library_path = NULL;
static char *tsv_path = NULL;

static const GOptionEntry entries[] = {
  { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles in the library (100000)", "N" },
  { "rounds", 0, 0, G_OPTION_ARG_INT, &n_rounds, "Timed rounds (5)", "R" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Corpus seed (1)", "S" },
  { "compare-sorting", 0, 0, G_OPTION_ARG_NONE, &compare_sorting,
    "Also time every query with FTS5 sorting all matches (ORDER BY rank)", NULL },
  { "one-scan", 0, 0, G_OPTION_ARG_NONE, &one_scan,
    "Scan the matches on one thread, never shared with a second", NULL },
  { "query", 0, 0, G_OPTION_ARG_STRING_ARRAY, &only_queries,
    "Time this query instead of the fixed set (repeatable)", "TEXT" },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &library_path,
    "Search this existing library instead of building one", "LIBRARY" },
  { "tsv", 0, 0, G_OPTION_ARG_FILENAME, &tsv_path,
    "Also write every timing to FILE, tab-separated", "FILE" },
  { NULL }
};

typedef struct
{
  const char *kind;
  const char *text;     /* NULL: a rare made-up word, filled in from the corpus */
} BenchQuery;

/* Ranks in dossier-corpus.c: military 51, Russia 120, junta 150, weapons 250, sanctions 400,
 * drone 700, embassy 900, helicopter 1500, pipeline 2500, ceasefire 4000, refinery 9000,
 * monsoon 12000, typhoon 20000. */
static BenchQuery fixed_queries[] = {
  { "common", "military" },
  { "common", "government" },
  { "common", "junta" },
  { "common", "Russia weapons" },
  { "common", "police report" },
  { "rare", "typhoon" },
  { "rare", "monsoon" },
  { "rare", "refinery" },
  { "rare", "ceasefire pipeline" },
  { "rare", NULL },
  { "phrase", "\"security forces\"" },
  { "phrase", "\"the military\"" },
  { "phrase", "\"junta said\"" },
  { "prefix", "heli*" },
  { "prefix", "sanct*" },
  { "prefix", "emb*" },
  { "prefix", "refin* pipeline" },
  { "or", "typhoon OR monsoon" },
  { "or", "drone OR helicopter" },
  { "or", "ceasefire OR sanctions" },
  { "exclusion", "junta -Russia" },
  { "exclusion", "helicopter -drone" },
  { "exclusion", "sanctions NOT embassy" },
  { "near", "drone NEAR/5 helicopter" },
  { "near", "junta NEAR Russia" },
  { "entity", "entity:Shoygu" },
  { "entity", "entity:Shoygu weapons" },
  { "entity", "entity:\"Min Aung Hlaing\" junta" },
  { "entity", "entity:Lavrov embassy" },
  { "date", "junta after:2022" },
  { "date", "helicopter before:2018" },
  { "date", "sanctions after:2020-03 before:2020-09" },
  { "date", "after:2024-06" },
  { "outlet", "junta outlet:Reuters" },
  { "outlet", "drone outlet:TASS" },
};

static gboolean
insert_mentions (DossierDatabase  *db,
                 gint64            article,
                 GArray           *mentions,
                 GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;

  /* Straight SQL: the mentions store belongs to entity extraction, not yet on this branch.
   * Entity ids are 1… in the order the corpus saved them. */
  stmt = dossier_database_prepare (db,
    "INSERT OR IGNORE INTO mentions (article, start, length, entity) VALUES (?1, ?2, ?3, ?4)",
    error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < mentions->len; i++)
    {
      DossierCorpusMention *mention = &g_array_index (mentions, DossierCorpusMention, i);

      sqlite3_bind_int64 (stmt, 1, article);
      sqlite3_bind_int (stmt, 2, mention->start);
      sqlite3_bind_int (stmt, 3, mention->length);
      sqlite3_bind_int (stmt, 4, mention->entity + 1);
      if (!dossier_database_step_done (db, stmt, error))
        return FALSE;
      sqlite3_reset (stmt);
    }

  return TRUE;
}

static gboolean
save_entities (DossierDatabase  *db,
               DossierCorpus    *corpus,
               GError          **error)
{
  GPtrArray *entities = dossier_corpus_get_entities (corpus);

  for (guint i = 0; i < entities->len; i++)
    if (!dossier_entity_store_save (db, g_ptr_array_index (entities, i),
                                    DOSSIER_ORIGIN_IMPORTED, error))
      return FALSE;

  return TRUE;
}

static gboolean
save_articles (DossierDatabase  *db,
               DossierCorpus    *corpus,
               GError          **error)
{
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (DossierCorpusMention));

  for (int i = 0; i < n_articles; i++)
    {
      g_autoptr(DossierArticle) article = NULL;
      gint64 rowid;

      if (i % ARTICLES_PER_TRANSACTION == 0
          && (i > 0 && !dossier_database_commit (db, error)))
        return FALSE;
      if (i % ARTICLES_PER_TRANSACTION == 0 && !dossier_database_begin (db, error))
        return FALSE;

      g_array_set_size (mentions, 0);
      article = dossier_corpus_next_article (corpus, mentions);
      dossier_article_set_origin (article, DOSSIER_ORIGIN_IMPORTED);
      if (!dossier_article_store_save (db, article, &rowid, error)
          || !insert_mentions (db, rowid, mentions, error))
        return FALSE;
      if ((i + 1) % ARTICLES_PER_TRANSACTION == 0)
        fprintf (stderr, "\r%d articles", i + 1);
    }

  fprintf (stderr, "\n");
  return dossier_database_commit (db, error);
}

static gboolean
build_library (const char     *path,
               DossierCorpus  *corpus,
               const char     *stamp,
               GError        **error)
{
  g_autoptr(DossierDatabase) db = NULL;
  gint64 start = g_get_monotonic_time ();

  g_unlink (path);
  db = dossier_database_open (path, DOSSIER_DATABASE_BUILD, error);
  if (db == NULL)
    return FALSE;

  if (!dossier_database_begin (db, error)
      || !save_entities (db, corpus, error)
      || !dossier_database_commit (db, error)
      || !save_articles (db, corpus, error)
      || !dossier_search_store_tidy_index (db, n_articles, error)
      || !dossier_database_set_meta (db, META_BENCH, stamp, error))
    {
      dossier_database_rollback (db);
      return FALSE;
    }

  printf ("Built %d articles and merged their index, as an import does, in %.1f s\n",
          n_articles, (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

/* The library as the window uses it (write-ahead log), built first unless a previous run
 * left the same one. */
static DossierDatabase *
open_library (const char     *path,
              DossierCorpus  *corpus,
              GError        **error)
{
  g_autofree char *stamp = g_strdup_printf ("%d articles, seed %d, index merged", n_articles,
                                            seed);
  g_autoptr(DossierDatabase) db = NULL;
  g_autofree char *found = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      db = dossier_database_open (path, DOSSIER_DATABASE_WRITABLE, NULL);
      found = db ? dossier_database_dup_meta (db, META_BENCH, NULL) : NULL;
    }

  if (g_strcmp0 (found, stamp) == 0)
    {
      printf ("Reusing %s (%s)\n", path, stamp);
      return g_steal_pointer (&db);
    }

  g_clear_object (&db);
  if (!build_library (path, corpus, stamp, error))
    return NULL;

  return dossier_database_open (path, DOSSIER_DATABASE_WRITABLE, error);
}

static BenchQuery *queries = fixed_queries;
static guint n_queries = G_N_ELEMENTS (fixed_queries);

typedef struct
{
  DossierDatabase *db;
  const char      *path;
  char            *sqlite3;     /* NULL when not installed */
  char            *script;      /* the raw FTS5 statements of one round */
  GPtrArray       *wall;        /* per query: GArray of milliseconds, one per round */
  GPtrArray       *cpu;
  GPtrArray       *thread_cpu;
  GPtrArray       *cpu_sorted;  /* with --compare-sorting */
  gboolean        *has_match;   /* per query: whether it has a raw counterpart */
  double           ours_wall;   /* on the queries with a raw counterpart */
  double           ours_cpu;
  double           raw_wall;
  double           raw_cpu;
  FILE            *tsv;         /* with --tsv */
} Bench;

static double
cpu_ms (clockid_t clock)
{
  struct timespec now;

  clock_gettime (clock, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

/* One timed search: reading the text, the page of results with snippets, has-more. */
static double
time_query (DossierDatabase *db,
            const char      *text,
            double          *process_ms,
            double          *thread_ms,
            guint           *n_results)
{
  double process_start = cpu_ms (CLOCK_PROCESS_CPUTIME_ID);
  double thread_start = cpu_ms (CLOCK_THREAD_CPUTIME_ID);
  gint64 start = g_get_monotonic_time ();
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new (text);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_more;

  results = dossier_search_store_find (db, query, 0, PAGE_SIZE, &has_more, NULL, &error);
  if (results == NULL)
    g_error ("%s: %s", text, error->message);

  *n_results = results->len;
  /* Of the whole process: a large search also runs on a second thread
   * (dossier-search-split.c); this thread's alone is its critical path. */
  *process_ms = cpu_ms (CLOCK_PROCESS_CPUTIME_ID) - process_start;
  *thread_ms = cpu_ms (CLOCK_THREAD_CPUTIME_ID) - thread_start;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gint64
count_matches (DossierDatabase *db,
               const char      *text)
{
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new (text);

  return dossier_search_store_count (db, query, NULL, NULL);
}

static void
print_class (const char *kind,
             GArray     *times)
{
  printf ("  %-10s %5u runs   p50 %7.2f ms   p95 %7.2f ms   max %7.2f ms\n", kind, times->len,
          bench_percentile (times, 0.5), bench_percentile (times, 0.95),
          bench_percentile (times, 1.0));
}

/* times[i] holds query i's timings, one per round. */
static void
print_report (const char *title,
              GPtrArray  *times)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  const char *kind = NULL;

  printf ("\n%s, first page of %d with snippets:\n", title, PAGE_SIZE);
  for (guint i = 0; i < n_queries; i++)
    {
      g_autoptr(GArray) of_kind = g_array_new (FALSE, FALSE, sizeof (double));

      if (g_strcmp0 (kind, queries[i].kind) == 0)
        continue;
      kind = queries[i].kind;
      for (guint j = i; j < n_queries; j++)
        if (g_str_equal (queries[j].kind, kind))
          g_array_append_vals (of_kind, ((GArray *) times->pdata[j])->data,
                               ((GArray *) times->pdata[j])->len);
      print_class (kind, of_kind);
      g_array_append_vals (all, of_kind->data, of_kind->len);
    }
  print_class ("overall", all);
}

static void
run_dossier_round (Bench *bench,
                   int    round)
{
  guint n_results;
  double cpu, thread_cpu;

  for (guint i = 0; i < n_queries; i++)
    {
      double wall = time_query (bench->db, queries[i].text, &cpu, &thread_cpu, &n_results);

      if (round < 0)
        {
          gint64 n_matches = count_matches (bench->db, queries[i].text);

          printf ("  %-40s %6" G_GINT64_FORMAT " matches %2u shown %8.2f ms (warm-up)\n",
                  queries[i].text, n_matches, n_results, wall);
          if (bench->tsv != NULL)
            fprintf (bench->tsv, "matches\t-1\t%u\t%s\t%d\t%" G_GINT64_FORMAT "\t\t%s\n", i,
                     queries[i].kind, bench->has_match[i], n_matches, queries[i].text);
          continue;
        }

      g_array_append_val (bench->wall->pdata[i], wall);
      g_array_append_val (bench->cpu->pdata[i], cpu);
      g_array_append_val (bench->thread_cpu->pdata[i], thread_cpu);
      if (bench->tsv != NULL)
        fprintf (bench->tsv, "dossier\t%d\t%u\t%s\t%d\t%.3f\t%.3f\t%s\n", round, i,
                 queries[i].kind, bench->has_match[i], wall, cpu, queries[i].text);
      if (bench->has_match[i])
        {
          bench->ours_wall += wall;
          bench->ours_cpu += cpu;
        }
    }
}

/* The same MATCH with the same ranking and snippets, as one plain FTS5 statement. */
static char *
raw_statement (const char *match)
{
  g_autoptr(GString) literal = g_string_new (NULL);

  for (const char *p = match; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (literal, '\'');
      g_string_append_c (literal, *p);
    }

  return g_strdup_printf ("SELECT rowid, -rank, highlight (articles_fts, 0, '[', ']'),"
                          " snippet (articles_fts, 1, '[', ']', '…', 24)"
                          " FROM articles_fts WHERE articles_fts MATCH '%s'"
                          " AND rank MATCH 'bm25(5.0, 1.0)' ORDER BY rank LIMIT %d;",
                          literal->str, PAGE_SIZE + 1);
}

/* One round of raw statements; filters alone have no raw counterpart. */
static void
write_script (Bench      *bench,
              const char *folder)
{
  g_autoptr(GString) text = g_string_new (".timer on\n.output /dev/null\n");
  g_autoptr(GError) error = NULL;

  bench->has_match = g_new0 (gboolean, n_queries);
  for (guint i = 0; i < n_queries; i++)
    {
      g_autoptr(DossierSearchQuery) query = dossier_search_query_new (queries[i].text);
      g_autofree char *match = dossier_search_query_dup_match (query, NULL, NULL);
      g_autofree char *statement = match ? raw_statement (match) : NULL;

      bench->has_match[i] = match != NULL;
      if (statement != NULL)
        g_string_append_printf (text, "%s\n", statement);
    }

  bench->script = g_build_filename (folder, "bench-raw.sql", NULL);
  if (!g_file_set_contents (bench->script, text->str, -1, &error))
    g_error ("%s", error->message);
}

/* Adds up sqlite3's ".timer on" lines: "Run Time: real 0.012 user 0.011 sys 0.001". */
static void
add_timer_lines (Bench      *bench,
                 const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      double real, user, sys;

      if (sscanf (lines[i], "Run Time: real %lf user %lf sys %lf", &real, &user, &sys) == 3)
        {
          bench->raw_wall += real * 1e3;
          bench->raw_cpu += (user + sys) * 1e3;
        }
    }
}

/* One sqlite3 process running one round of the raw statements. */
static void
run_raw_round (Bench *bench,
               int    round)
{
  g_autofree char *read = g_strdup_printf (".read %s", bench->script);
  const char *argv[] = { bench->sqlite3, "-batch", bench->path, read, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  if (bench->sqlite3 == NULL)
    return;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &status, &error))
    g_error ("%s: %s", bench->sqlite3, error->message);

  if (round >= 0)
    {
      double wall = bench->raw_wall, cpu = bench->raw_cpu;

      add_timer_lines (bench, out);
      if (bench->tsv != NULL)
        fprintf (bench->tsv, "raw\t%d\t\t\t\t%.3f\t%.3f\t\n", round,
                 bench->raw_wall - wall, bench->raw_cpu - cpu);
    }
}

/* The same queries with ORDER BY rank, CPU time only, for comparison. */
static void
run_sorted_round (Bench *bench)
{
  guint n_results;
  double cpu, thread_cpu;

  _dossier_search_store_set_collect_top (FALSE);
  for (guint i = 0; i < n_queries; i++)
    {
      time_query (bench->db, queries[i].text, &cpu, &thread_cpu, &n_results);
      g_array_append_val (bench->cpu_sorted->pdata[i], cpu);
    }
  _dossier_search_store_set_collect_top (TRUE);
}

static GPtrArray *
new_timings (void)
{
  GPtrArray *timings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < n_queries; i++)
    g_ptr_array_add (timings, g_array_new (FALSE, FALSE, sizeof (double)));

  return timings;
}

/* Rounds of ours and of raw FTS5 alternate, so both see the same load on the machine. */
static void
run_rounds (Bench *bench)
{
  bench->wall = new_timings ();
  bench->cpu = new_timings ();
  bench->thread_cpu = new_timings ();
  bench->cpu_sorted = new_timings ();

  for (int round = -1; round < n_rounds; round++)
    {
      run_dossier_round (bench, round);
      run_raw_round (bench, round);
      if (compare_sorting && round >= 0)
        run_sorted_round (bench);
    }
}

static void
print_comparison (Bench *bench)
{
  if (bench->sqlite3 == NULL)
    {
      printf ("\nsqlite3 is not installed (apt install sqlite3): no comparison with raw FTS5\n");
      return;
    }

  printf ("\nSame MATCH expressions as plain FTS5 in sqlite3 (.timer), %d rounds:\n", n_rounds);
  printf ("  raw FTS5   wall %8.1f ms   cpu %8.1f ms\n", bench->raw_wall, bench->raw_cpu);
  printf ("  Dossier    wall %8.1f ms   cpu %8.1f ms\n", bench->ours_wall, bench->ours_cpu);
  printf ("  Ratio Dossier / raw: wall %.2f, cpu %.2f\n", bench->ours_wall / bench->raw_wall,
          bench->ours_cpu / bench->raw_cpu);
}

static void
bench_clear (Bench *bench)
{
  g_clear_object (&bench->db);
  g_clear_pointer (&bench->sqlite3, g_free);
  g_clear_pointer (&bench->script, g_free);
  g_clear_pointer (&bench->wall, g_ptr_array_unref);
  g_clear_pointer (&bench->cpu, g_ptr_array_unref);
  g_clear_pointer (&bench->thread_cpu, g_ptr_array_unref);
  g_clear_pointer (&bench->cpu_sorted, g_ptr_array_unref);
  g_clear_pointer (&bench->has_match, g_free);
  g_clear_pointer (&bench->tsv, fclose);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bench, bench_clear)

/* The made-up word of rank 25,000, for the query left NULL in the table. */
static char *
fill_in_rare_word (DossierCorpus *corpus)
{
  char *rare = g_strdup (dossier_corpus_get_word (corpus, 25000));

  for (guint i = 0; i < n_queries; i++)
    if (queries[i].text == NULL)
      queries[i].text = rare;

  return rare;
}

/* --query: only the queries given, one class of their own, to profile one of them. */
static void
use_given_queries (void)
{
  if (only_queries == NULL)
    return;

  n_queries = g_strv_length (only_queries);
  queries = g_new0 (BenchQuery, n_queries);
  for (guint i = 0; i < n_queries; i++)
    queries[i] = (BenchQuery) { "given", only_queries[i] };
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[FOLDER]");
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Bench) bench = { 0 };
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *rare = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_articles < 1
      || n_rounds < 1)
    {
      fprintf (stderr, "bench-search: %s\n", error ? error->message : "bad arguments");
      return 1;
    }
  if (one_scan)
    _dossier_search_store_set_split (G_MAXUINT, 0);

  folder = argc > 1 ? g_strdup (argv[1])
                    : g_build_filename (g_get_user_cache_dir (), "dossier-bench", NULL);
  g_mkdir_with_parents (folder, 0700);
  path = g_build_filename (folder, "bench.db", NULL);

  use_given_queries ();
  corpus = dossier_corpus_new (seed, 700);
  rare = fill_in_rare_word (corpus);

  if (library_path != NULL)
    bench.db = dossier_database_open (library_path, DOSSIER_DATABASE_WRITABLE, &error);
  else
    bench.db = open_library (path, corpus, &error);
  if (tsv_path != NULL && (bench.tsv = fopen (tsv_path, "w")) == NULL)
    g_error ("%s: %s", tsv_path, g_strerror (errno));
  if (bench.db == NULL)
    {
      fprintf (stderr, "bench-search: %s\n", error->message);
      return 1;
    }

  bench.path = library_path ? library_path : path;
  bench.sqlite3 = g_find_program_in_path ("sqlite3");
  write_script (&bench, folder);
  run_rounds (&bench);
  print_report ("Dossier search, wall-clock", bench.wall);
  print_report ("Dossier search, CPU time of both searching threads", bench.cpu);
  print_report ("Dossier search, CPU time of the calling thread alone", bench.thread_cpu);
  if (compare_sorting)
    print_report ("The same with FTS5 sorting all matches (ORDER BY rank), CPU time",
                  bench.cpu_sorted);
  print_comparison (&bench);
  return 0;
}
