/* bench-import.c: how fast a large file is imported into a fresh library
 *
 * Usage: bench-import [--articles N] [--words W] [--seed S] [--keep] [FOLDER]
 *
 * Writes N generated articles (default 10,000) of about W words (default 700) into one
 * import file with dossier-generate, imports it into a fresh library in FOLDER (default: a
 * temporary folder) through dossier_library_import_files() — reading, blocks, search
 * index, entity mentions, dated events and their grouping included — and prints articles
 * per second and the peak resident memory. Then it writes the same titles and texts as
 * INSERTs into a bare FTS5 table (same tokenizer), times `sqlite3 DB < FILE.sql` in one
 * transaction, and prints the ratio. Goals: at least 5,000 articles a second, at most
 * twice sqlite3's time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-import"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "dossier-importer.h"
#include "dossier-library.h"

static int n_articles = 10000;
static int n_words = 700;
static int seed = 1;
static gboolean keep = FALSE;

static const GOptionEntry entries[] = {
  { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles in the file (10000)", "N" },
  { "words", 0, 0, G_OPTION_ARG_INT, &n_words, "Words per article (700)", "W" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Corpus seed (1)", "S" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the files afterwards", NULL },
  { NULL }
};

/* User + system time of this process (RUSAGE_SELF) or of its waited-for children, in
 * seconds: on a loaded machine it says more than the wall clock. */
static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static void
run (const char * const *argv,
     const char         *stdin_path)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  if (stdin_path != NULL)
    g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL || !g_subprocess_wait_check (process, NULL, &error))
    g_error ("%s: %s", argv[0], error->message);
}

static char *
generate (const char *folder)
{
  g_autofree char *count = g_strdup_printf ("%d", n_articles);
  g_autofree char *words = g_strdup_printf ("%d", n_words);
  g_autofree char *seed_text = g_strdup_printf ("%d", seed);
  g_autofree char *per_file = g_strdup_printf ("%d", n_articles);
  char *path = g_build_filename (folder, "corpus.json", NULL);
  const char *argv[] = { DOSSIER_GENERATE, "--count", count, "--words", words, "--seed",
                         seed_text, "--per-file", per_file, path, NULL };

  run (argv, NULL);
  return path;
}

static double
import (const char *folder,
        const char *corpus,
        double     *cpu)
{
  g_autofree char *db_path = g_build_filename (folder, "library.db", NULL);
  const char *paths[] = { corpus, NULL };
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  library = dossier_library_open (db_path, dossier_library_get_default_bundled_path (), &error);
  if (library == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  *cpu = cpu_seconds (RUSAGE_SELF);
  summary = dossier_library_import_files (library, paths, NULL, NULL, NULL, &error);
  *cpu = cpu_seconds (RUSAGE_SELF) - *cpu;
  if (summary == NULL)
    g_error ("%s", error->message);
  if (summary->n_rejected > 0)
    g_error ("%s", ((DossierImportFileResult *) summary->files->pdata[0])->error->message);
  if (summary->n_imported != (guint) n_articles)
    g_error ("%u articles imported, %d expected", summary->n_imported, n_articles);

  return (g_get_monotonic_time () - start) / 1e6;
}

static void
append_quoted (GString    *sql,
               const char *text)
{
  g_string_append_c (sql, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '\'')
        g_string_append_c (sql, '\'');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '\'');
}

/* The same titles and flat texts the library indexed, as one transaction of INSERTs. */
static char *
write_sql (const char *folder,
           const char *corpus)
{
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, "raw.sql", NULL);
  GPtrArray *articles;

  if (!dossier_importer_add_file (importer, corpus, &error))
    g_error ("%s", error->message);

  g_string_append (sql, "CREATE VIRTUAL TABLE raw USING fts5 (title, body, "
                        "tokenize = 'unicode61 remove_diacritics 2');\nBEGIN;\n");
  articles = dossier_importer_get_articles (importer);
  for (guint i = 0; i < articles->len; i++)
    {
      DossierArticle *article = g_ptr_array_index (articles, i);

      g_string_append (sql, "INSERT INTO raw (title, body) VALUES (");
      append_quoted (sql, dossier_article_get_title (article));
      g_string_append (sql, ", ");
      append_quoted (sql, dossier_article_get_text (article));
      g_string_append (sql, ");\n");
    }
  g_string_append (sql, "COMMIT;\n");

  if (!g_file_set_contents (path, sql->str, sql->len, &error))
    g_error ("%s", error->message);
  return path;
}

static double
time_sqlite3 (const char *folder,
              const char *sql_path,
              double     *cpu)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autofree char *db_path = g_build_filename (folder, "raw.db", NULL);
  const char *argv[] = { sqlite3, "-batch", db_path, NULL };
  gint64 start;

  if (sqlite3 == NULL)
    return -1;

  start = g_get_monotonic_time ();
  *cpu = cpu_seconds (RUSAGE_CHILDREN);
  run (argv, sql_path);
  *cpu = cpu_seconds (RUSAGE_CHILDREN) - *cpu;
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
remove_files (const char *folder)
{
  static const char *const names[] = {
    "corpus.json", "library.db", "library.db-wal", "library.db-shm", "raw.sql", "raw.db",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[FOLDER]");
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *corpus = NULL;
  g_autofree char *sql_path = NULL;
  struct rusage usage;
  double seconds, raw_seconds, cpu, raw_cpu;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_articles < 1)
    g_error ("%s", error ? error->message : "--articles must be at least 1");

  folder = argc > 1 ? g_strdup (argv[1]) : g_dir_make_tmp ("bench-import-XXXXXX", &error);
  if (folder == NULL || g_mkdir_with_parents (folder, 0700) != 0)
    g_error ("no folder: %s", error ? error->message : argv[1]);

  corpus = generate (folder);
  seconds = import (folder, corpus, &cpu);
  getrusage (RUSAGE_SELF, &usage);
  printf ("Imported %d articles of about %d words in %.2f s: %.0f articles/s "
          "(goal: 5,000/s); CPU time %.2f s: %.0f articles/s\n", n_articles, n_words, seconds,
          n_articles / seconds, cpu, n_articles / cpu);
  printf ("Peak resident memory: %.0f MiB\n", usage.ru_maxrss / 1024.0);

  sql_path = write_sql (folder, corpus);
  raw_seconds = time_sqlite3 (folder, sql_path, &raw_cpu);
  if (raw_seconds < 0)
    printf ("sqlite3 is not installed (apt install sqlite3): no comparison\n");
  else
    printf ("sqlite3 into a bare FTS5 table: %.2f s (%.0f articles/s), CPU time %.2f s; "
            "Dossier / sqlite3 = %.2f, in CPU time %.2f (goal: at most 2)\n", raw_seconds,
            n_articles / raw_seconds, raw_cpu, seconds / raw_seconds, cpu / raw_cpu);

  if (!keep)
    remove_files (folder);
  return 0;
}
