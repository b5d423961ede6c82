/* bench-queries.c: how fast a library answers the window's timeline and entity queries
 *
 * Usage: bench-queries [--rounds R] [--entity NAME] [--tsv FILE] LIBRARY [BUNDLED]
 *
 * Opens an existing library (one `dossier import` made; BUNDLED defaults to
 * $DOSSIER_BUNDLED_DATABASE) the way the window does, then times, one warm-up round and R
 * timed rounds (default 5), the calls behind what the window shows: the article list, the
 * whole timeline, the timeline of one entity and of one year, the entity list with its
 * counts, the articles that mention an entity and the entities named with it. Prints
 * min/median/max per query in milliseconds, and with --tsv every timing, one line each
 * (round -1: the warm-up), written at once so a caller that gives up still has them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-queries"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-stats.h"
#include "dossier-entity-store.h"
#include "dossier-event-store.h"
#include "dossier-library.h"

static int n_rounds = 5;
static char *entity_text = NULL;
static char *tsv_path = NULL;

static const GOptionEntry entries[] = {
  { "rounds", 0, 0, G_OPTION_ARG_INT, &n_rounds, "Timed rounds (5)", "R" },
  { "entity", 0, 0, G_OPTION_ARG_STRING, &entity_text,
    "The entity of the entity queries, by name or alias (Shoygu)", "NAME" },
  { "tsv", 0, 0, G_OPTION_ARG_FILENAME, &tsv_path, "Also write every timing to FILE", "FILE" },
  { NULL }
};

typedef struct
{
  DossierLibrary *library;
  char           *entity;     /* the entity's name */
} Subject;

/* Each query returns how many things it found, or -1 with @error set. */
typedef gint64 (*QueryFunc) (Subject *subject, GError **error);

static gint64
length_or_error (GPtrArray *array)
{
  gint64 n = array ? (gint64) array->len : -1;

  g_clear_pointer (&array, g_ptr_array_unref);
  return n;
}

static gint64
query_articles (Subject *subject, GError **error)
{
  g_autoptr(DossierArticleList) list = dossier_library_list_articles (subject->library, error);

  return list ? (gint64) g_list_model_get_n_items (G_LIST_MODEL (list)) : -1;
}

static gint64
query_timeline (Subject *subject, GError **error)
{
  return length_or_error (dossier_library_list_events (subject->library, error));
}

static gint64
query_timeline_entity (Subject *subject, GError **error)
{
  return length_or_error (dossier_event_store_list (
    dossier_library_get_database (subject->library), subject->entity, NULL, NULL, error));
}

static gint64
query_timeline_year (Subject *subject, GError **error)
{
  DossierDate from, to;

  dossier_date_parse ("2022-01-01", &from);
  dossier_date_parse ("2022-12-31", &to);
  return length_or_error (dossier_event_store_list (
    dossier_library_get_database (subject->library), NULL, &from, &to, error));
}

static gint64
query_entities (Subject *subject, GError **error)
{
  return length_or_error (dossier_library_list_entities (subject->library, error));
}

static gint64
query_mentioning (Subject *subject, GError **error)
{
  g_autoptr(GHashTable) articles = dossier_library_articles_mentioning (subject->library,
                                                                        subject->entity, error);

  return articles ? (gint64) g_hash_table_size (articles) : -1;
}

static gint64
query_companions (Subject *subject, GError **error)
{
  return length_or_error (dossier_library_list_companions (subject->library, subject->entity,
                                                           error));
}

static const struct
{
  const char *name;
  QueryFunc   run;
} queries[] = {
  { "articles", query_articles },
  { "entities", query_entities },
  { "entity-articles", query_mentioning },
  { "entity-companions", query_companions },
  { "timeline-entity", query_timeline_entity },
  { "timeline-year", query_timeline_year },
  { "timeline", query_timeline },   /* last: the slowest, which a caller may give up on */
};

static double
time_one (Subject *subject,
          guint    i,
          gint64  *n_found)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;

  *n_found = queries[i].run (subject, &error);
  if (*n_found < 0)
    g_error ("%s: %s", queries[i].name, error->message);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
run_query (Subject *subject,
           guint    i,
           FILE    *tsv)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 n_found;
  double ms;

  ms = time_one (subject, i, &n_found);
  if (tsv != NULL)
    {
      fprintf (tsv, "%s\t-1\t%.3f\t%" G_GINT64_FORMAT "\n", queries[i].name, ms, n_found);
      fflush (tsv);
    }
  for (int round = 0; round < n_rounds; round++)
    {
      ms = time_one (subject, i, &n_found);
      g_array_append_val (times, ms);
      if (tsv != NULL)
        {
          fprintf (tsv, "%s\t%d\t%.3f\t%" G_GINT64_FORMAT "\n", queries[i].name, round, ms,
                   n_found);
          fflush (tsv);
        }
    }

  printf ("  %-18s %8" G_GINT64_FORMAT " found   min %8.2f   median %8.2f   max %8.2f ms\n",
          queries[i].name, n_found, bench_percentile (times, 0), bench_percentile (times, 0.5),
          bench_percentile (times, 1));
}

static char *
find_entity_name (DossierLibrary *library)
{
  g_autoptr(DossierEntity) entity = NULL;
  g_autoptr(GError) error = NULL;

  entity = dossier_entity_store_find (dossier_library_get_database (library),
                                      entity_text ? entity_text : "Shoygu", &error);
  if (entity == NULL)
    g_error ("entity %s: %s", entity_text ? entity_text : "Shoygu",
             error ? error->message : "not found");

  return g_strdup (dossier_entity_get_name (entity));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("LIBRARY [BUNDLED]");
  g_autoptr(GError) error = NULL;
  g_autofree char *entity = NULL;
  Subject subject = { 0 };
  const char *bundled;
  FILE *tsv = NULL;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2 || n_rounds < 1)
    {
      fprintf (stderr, "bench-queries: %s\n", error ? error->message : "usage: LIBRARY [BUNDLED]");
      return 1;
    }

  bundled = argc > 2 ? argv[2] : dossier_library_get_default_bundled_path ();
  start = g_get_monotonic_time ();
  if ((subject.library = dossier_library_open (argv[1], bundled, &error)) == NULL)
    g_error ("%s: %s", argv[1], error->message);
  printf ("  %-18s opened in %.2f ms\n", "library", (g_get_monotonic_time () - start) / 1000.0);

  entity = find_entity_name (subject.library);
  subject.entity = entity;
  if (tsv_path != NULL && (tsv = fopen (tsv_path, "w")) == NULL)
    g_error ("%s: %s", tsv_path, g_strerror (errno));

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    run_query (&subject, i, tsv);

  g_clear_pointer (&tsv, fclose);
  g_clear_object (&subject.library);
  return 0;
}
