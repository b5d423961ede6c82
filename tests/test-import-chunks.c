/* test-import-chunks.c: a file's articles saved a chunk at a time while a worker reads
 * ahead, cancelled midway, rejected for an article of a later chunk, and imported off the
 * main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "test-import-util.h"

/* An article of the format, its text made of @word so that each one is its own story. */
static void
append_article (GString    *json,
                const char *id,
                const char *word)
{
  const char *comma = g_str_has_suffix (json->str, "[\n") ? "" : ",\n";

  g_string_append_printf (json, "%s{\"id\": \"%s\", \"title\": \"On %s\", "
                          "\"published\": \"2021-03-04\", \"body\": \"The %s was seen "
                          "in Yangon on 2 March 2021.\"}", comma, id, word, word);
}

/* A file of @n stories, "story-0" about "@prefix0" and on, without its closing "]}". */
static GString *
stories (guint       n,
         const char *prefix)
{
  GString *json = g_string_new ("{\"format\": \"dossier\", \"version\": 1, "
                                "\"articles\": [\n");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("story-%u", i);
      g_autofree char *word = g_strdup_printf ("%s%u", prefix, i);

      append_article (json, id, word);
    }

  return json;
}

/* Articles are saved a few hundred at a time: a story given twice in one file, under two
 * ids, is still one story, in the same chunk of the file or in another. */
static void
test_same_story_in_one_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GString) json = stories (600, "zebra");
  g_autoptr(DossierImportSummary) summary = NULL;

  append_article (json, "story-0-again", "zebra0");     /* the chunk after story-0's */
  append_article (json, "story-599-again", "zebra599"); /* story-599's own chunk */
  g_string_append (json, "]}\n");

  summary = import_text (fixture, "many.json", json->str);
  assert_counts (summary, 600, 2, 0, 0);
  g_assert_cmpint (count_articles (fixture), ==, 605);
  g_assert_cmpint (count_matches (fixture, "zebra599"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM events e JOIN articles a"
                                       " ON a.id = e.article WHERE a.origin = 1"), ==, 600);
  /* The index taken in bulk agrees with the articles it indexes. */
  g_assert_cmpint (sqlite3_exec (handle (fixture), "INSERT INTO articles_fts (articles_fts)"
                                 " VALUES ('integrity-check')", NULL, NULL, NULL), ==, SQLITE_OK);
}

/* The file's own entity, listed after the articles, is found in every chunk of them: the
 * worker that matches a chunk while the previous one is saved uses the whole catalogue. */
static void
test_own_entity_in_every_chunk (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GString) json = stories (600, "Quillon Varga and zebra");
  g_autoptr(DossierImportSummary) summary = NULL;
  const char *ids[] = { "story-0", "story-255", "story-256", "story-511", "story-512",
                        "story-599" };

  g_string_append (json, "],\n \"entities\": [{\"name\": \"Quillon Varga\", "
                   "\"kind\": \"person\"}]}\n");

  summary = import_text (fixture, "own-entity.json", json->str);
  assert_counts (summary, 600, 0, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpuint (count_mentions_of (fixture, ids[i], "Quillon Varga"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(DISTINCT m.article) FROM mentions m"
                                       " JOIN entities e ON e.id = m.entity"
                                       " WHERE e.name = 'Quillon Varga'"), ==, 600);
  /* and the events of their sentences know it */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM event_entities ee"
                                       " JOIN entities e ON e.id = ee.entity"
                                       " WHERE e.name = 'Quillon Varga'"), ==, 600);
}

/* A file that changes the text of one article and brings the old text under another id:
 * the old text is not in the library anymore once the file is in, so it is a new story. */
static void
test_old_text_under_new_id (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GString) first = g_string_new ("{\"format\": \"dossier\", \"version\": 1, "
                                           "\"articles\": [\n");
  g_autoptr(GString) second = g_string_new (first->str);
  g_autoptr(DossierImportSummary) before = NULL;
  g_autoptr(DossierImportSummary) after = NULL;

  append_article (first, "changing", "walrus");
  g_string_append (first, "]}\n");
  append_article (second, "changing", "narwhal");
  append_article (second, "moved", "walrus");
  g_string_append (second, "]}\n");

  before = import_text (fixture, "before.json", first->str);
  assert_counts (before, 1, 0, 0, 0);
  after = import_text (fixture, "after.json", second->str);
  assert_counts (after, 1, 0, 1, 0);
  g_assert_cmpint (count_matches (fixture, "walrus"), ==, 1);
  g_assert_cmpint (count_matches (fixture, "narwhal"), ==, 1);
}

/* Cancelling and running off the main thread */

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "one.json", one_article, -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = library_checksum (fixture);
  g_autofree char *after = NULL;
  g_autoptr(DossierImportSummary) summary = NULL;
  const char *paths[] = { path, path, NULL };

  g_cancellable_cancel (cancellable);
  summary = dossier_library_import_files (fixture->library, paths, NULL, NULL, cancellable, NULL);
  g_assert_nonnull (summary);
  g_assert_true (summary->cancelled);
  g_assert_cmpuint (summary->files->len, ==, 1);
  g_assert_error (file_result (summary, 0)->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_counts (summary, 0, 0, 0, 0);
  after = library_checksum (fixture);
  g_assert_cmpstr (before, ==, after);
}

/* The threads of this process now. */
static guint
count_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

typedef struct
{
  GCancellable *cancellable;
  double        at;            /* cancels once the progress is this far */
  guint         n_after;       /* progress reports after the cancel */
} CancelAt;

static void
cancel_at (const char *path,
           double      fraction,
           gpointer    user_data)
{
  CancelAt *cancel = user_data;

  if (g_cancellable_is_cancelled (cancel->cancellable))
    cancel->n_after++;
  else if (fraction >= cancel->at)
    g_cancellable_cancel (cancel->cancellable);
}

/* Cancelled while its articles are being saved, a chunk of them written and the worker
 * analysing the next ones: the file imports nothing and the worker is gone. */
static void
test_cancelled_midway (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GString) json = stories (1000, "zebra");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelAt cancel = { cancellable, 0.65, 0 };
  g_autofree char *before = library_checksum (fixture);
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DossierImportSummary) summary = NULL;
  const char *paths[2] = { NULL, NULL };
  guint threads = count_threads ();

  g_string_append (json, "]}\n");
  paths[0] = path = write_file (fixture, "many.json", json->str, -1);

  summary = dossier_library_import_files (fixture->library, paths, cancel_at, &cancel,
                                          cancellable, NULL);
  g_assert_nonnull (summary);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_true (summary->cancelled);
  g_assert_error (file_result (summary, 0)->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_counts (summary, 0, 0, 0, 0);
  /* the batch's last report, and nothing of the file after the cancel */
  g_assert_cmpuint (cancel.n_after, <=, 1);
  after = library_checksum (fixture);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_threads (), ==, threads);
}

/* A bad article in the second chunk, the worker ahead waiting to hand over the next ones:
 * the file imports nothing and the worker is gone. */
static void
test_bad_article_in_a_later_chunk (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GString) json = stories (1200, "zebra");
  g_autofree char *before = library_checksum (fixture);
  g_autofree char *after = NULL;
  g_autoptr(DossierImportSummary) summary = NULL;
  guint threads = count_threads ();

  g_string_replace (json, "\"story-300\"", "\"" POLYGRAPH "\"", 1);
  g_string_append (json, "]}\n");

  summary = import_text (fixture, "bundled-id.json", json->str);
  g_assert_error (file_result (summary, 0)->error, DOSSIER_IMPORT_ERROR,
                  DOSSIER_IMPORT_ERROR_INVALID_VALUE);
  assert_counts (summary, 0, 0, 0, 1);
  after = library_checksum (fixture);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_threads (), ==, threads);
}

/* The articles of a large file are read on the worker's thread while the first chunks are
 * saved: one it cannot read, far into the file, still rejects the whole file, with its line
 * (each story is on a line of its own, story-0 on the second). */
static void
test_unreadable_article_in_a_later_chunk (Fixture       *fixture,
                                          gconstpointer  data)
{
  static const struct
  {
    const char *from, *to, *message;
  } cases[] = {
    { "\"title\": \"On zebra700\"", "\"title\": 700", "late.json:702:" },
    { "\"title\": \"On zebra701\",", "\"title\": \"On zebra701\"", "late.json:703:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) json = stories (1200, "zebra");
      g_autofree char *before = library_checksum (fixture);
      g_autofree char *after = NULL;
      g_autoptr(DossierImportSummary) summary = NULL;
      const GError *error;

      g_assert_cmpuint (g_string_replace (json, cases[i].from, cases[i].to, 1), ==, 1);
      g_string_append (json, "]}\n");

      summary = import_text (fixture, "late.json", json->str);
      assert_counts (summary, 0, 0, 0, 1);
      error = file_result (summary, 0)->error;
      g_assert_true (error != NULL && error->domain == DOSSIER_IMPORT_ERROR);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("“%s” does not say “%s”", error->message, cases[i].message);
      after = library_checksum (fixture);
      g_assert_cmpstr (before, ==, after);
    }
}

typedef struct
{
  GMainLoop            *loop;
  GThread              *main_thread;
  guint                 n_progress;
  double                last_fraction;
  DossierImportSummary *summary;
} AsyncRun;

static void
on_progress (const char *path,
             double      fraction,
             gpointer    user_data)
{
  AsyncRun *run = user_data;

  g_assert_true (g_thread_self () == run->main_thread);
  g_assert_cmpfloat (fraction, >=, run->last_fraction);
  run->last_fraction = fraction;
  run->n_progress++;
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncRun *run = user_data;
  g_autoptr(GError) error = NULL;

  run->summary = dossier_library_import_files_finish (DOSSIER_LIBRARY (source), result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (run->loop);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *one = write_file (fixture, "one.json", one_article, -1);
  g_autofree char *many = write_file (fixture, "many.json", many_articles, -1);
  const char *paths[] = { one, many, NULL };
  AsyncRun run = { g_main_loop_new (NULL, FALSE), g_thread_self (), 0, 0, NULL };

  dossier_library_import_files_async (fixture->library, paths, on_progress, &run, NULL,
                                      on_imported, &run);
  g_main_loop_run (run.loop);

  g_assert_nonnull (run.summary);
  assert_counts (run.summary, 4, 0, 0, 0);
  g_assert_cmpuint (run.n_progress, >, 1);
  g_assert_cmpfloat (run.last_fraction, ==, 1.0);
  /* The caller's own connection sees the worker's import. */
  g_assert_cmpint (count_articles (fixture), ==, 9);
  dossier_import_summary_free (run.summary);
  g_main_loop_unref (run.loop);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD DOSSIER_TEST_ADD_WITH_LIBRARY
  ADD ("/import/same-story-twice-in-one-file", test_same_story_in_one_file);
  ADD ("/import/own-entity-in-every-chunk", test_own_entity_in_every_chunk);
  ADD ("/import/old-text-under-a-new-id", test_old_text_under_new_id);
  ADD ("/import/cancelled", test_cancelled);
  ADD ("/import/cancelled-midway-with-the-worker", test_cancelled_midway);
  ADD ("/import/bad-article-in-a-later-chunk", test_bad_article_in_a_later_chunk);
  ADD ("/import/unreadable-article-in-a-later-chunk",
       test_unreadable_article_in_a_later_chunk);
  ADD ("/import/async-with-progress", test_async);
#undef ADD

  return g_test_run ();
}
