/* test-timeline-model.c: the window's timeline model over a library, without a display
 *
 * The model over a library reads small keys in the background and fetches events by
 * page; the same model over the same events held in memory is the reference.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dossier-event-item.h"
#include "dossier-list-header.h"
#include "dossier-library.h"
#include "dossier-test-util.h"
#include "dossier-timeline-model.h"

typedef struct
{
  DossierTestLibrary base;
  guint              n_changes;
  guint              removed;
  guint              added;
} Fixture;

/* 400 generated articles: about 1,800 timeline rows, many more than the pages the model keeps. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *corpus = NULL;
  const char *paths[2] = { NULL, NULL };
  g_autoptr(DossierImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  f->base.dir = dossier_test_make_tmpdir ();
  corpus = g_build_filename (f->base.dir, "corpus.json", NULL);
  dossier_test_generate_corpus (corpus, "400", "5");
  f->base.library = dossier_test_open_library_in (f->base.dir, NULL);
  paths[0] = corpus;
  summary = dossier_library_import_files (f->base.library, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->n_imported, ==, 400);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  dossier_test_library_tear_down (&f->base, data);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  f->n_changes++;
  f->removed = removed;
  f->added = added;
  g_assert_cmpuint (position, ==, 0);
}

static void
wait_loaded (DossierTimelineModel *model)
{
  DOSSIER_TEST_WAIT_WHILE (dossier_timeline_model_is_loading (model));
}

/* The model over the fixture's library, its keys read (and its pages too, if
 * @in_background) in the background. */
static DossierTimelineModel *
model_loaded (Fixture  *f,
              gboolean  in_background)
{
  DossierTimelineModel *model = dossier_timeline_model_new ();

  dossier_timeline_model_set_read_in_background (model, in_background);
  dossier_timeline_model_set_library (model, f->base.library);
  wait_loaded (model);
  return model;
}

static DossierTimelineModel *
model_in_memory (Fixture *f)
{
  DossierTimelineModel *model = dossier_timeline_model_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = dossier_library_list_events (f->base.library, &error);

  g_assert_no_error (error);
  dossier_timeline_model_set_events (model, events);
  return model;
}

/* Row by row the same headings and the same events, text included. */
static void
assert_same_rows (GListModel *paged,
                  GListModel *reference)
{
  guint n = g_list_model_get_n_items (reference);

  g_assert_cmpuint (g_list_model_get_n_items (paged), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) got = g_list_model_get_item (paged, i);
      g_autoptr(GObject) want = g_list_model_get_item (reference, i);

      g_assert_true (G_OBJECT_TYPE (got) == G_OBJECT_TYPE (want));
      if (DOSSIER_IS_EVENT_ITEM (want))
        {
          const DossierEvent *a = dossier_event_item_get_event (DOSSIER_EVENT_ITEM (got));
          const DossierEvent *b = dossier_event_item_get_event (DOSSIER_EVENT_ITEM (want));

          g_assert_cmpint (a->id, ==, b->id);
          g_assert_cmpstr (a->text, ==, b->text);
          g_assert_cmpuint (a->reported_by, ==, b->reported_by);
        }
    }
}

/* The keys come in the background with one items-changed; the rows, fetched by page,
 * are those of the whole timeline held in memory. */
static void
test_pages_match_memory (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(DossierTimelineModel) paged = dossier_timeline_model_new ();
  g_autoptr(DossierTimelineModel) reference = model_in_memory (f);

  g_signal_connect (paged, "items-changed", G_CALLBACK (on_items_changed), f);
  dossier_timeline_model_set_library (paged, f->base.library);
  g_assert_true (dossier_timeline_model_is_loading (paged));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paged)), ==, 0);
  wait_loaded (paged);

  g_assert_cmpuint (f->n_changes, ==, 1);
  g_assert_cmpuint (f->removed, ==, 0);
  g_assert_cmpuint (f->added, ==, g_list_model_get_n_items (G_LIST_MODEL (reference)));
  g_assert_cmpuint (dossier_timeline_model_get_n_events (paged), >, 1500);
  g_assert_cmpuint (dossier_timeline_model_get_n_events (paged), ==,
                    dossier_timeline_model_get_n_events (reference));
  assert_same_rows (G_LIST_MODEL (paged), G_LIST_MODEL (reference));

  /* Read end to end, it still holds only a few pages. */
  g_assert_cmpuint (dossier_timeline_model_get_n_held (paged), <=, 16 * 64);
  g_assert_cmpuint (dossier_timeline_model_get_n_held (reference), >, 1500);
}

/* The rows, computed here from the library's own timeline: the first event of each group
 * several articles report, and a heading before the first event of each month (or of
 * each year, for events known only to the year). */
static void
test_rows_follow_timeline (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(DossierTimelineModel) model = model_loaded (f, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = dossier_library_list_events (f->base.library, &error);
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  guint row = 0, n_headings = 0;
  int last = -1;

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      const DossierEvent *event = g_ptr_array_index (events, i);
      int month = event->date.year * 100 + event->date.month;
      g_autoptr(GObject) item = NULL;

      if (event->group != NULL && event->reported_by > 1
          && !g_hash_table_add (groups, event->group))
        continue;
      if (month != last)
        {
          g_autoptr(GObject) heading = g_list_model_get_item (G_LIST_MODEL (model), row++);
          g_autofree char *year = g_strdup_printf ("%d", event->date.year);

          g_assert_true (DOSSIER_IS_LIST_HEADER (heading));
          if (event->date.month == 0)
            g_assert_cmpstr (dossier_list_header_get_title (DOSSIER_LIST_HEADER (heading)), ==,
                             year);
          else
            g_assert_true (g_str_has_suffix (dossier_list_header_get_title (DOSSIER_LIST_HEADER (heading)),
                                             year));
          last = month;
          n_headings++;
        }
      item = g_list_model_get_item (G_LIST_MODEL (model), row++);
      g_assert_true (DOSSIER_IS_EVENT_ITEM (item));
      g_assert_cmpint (dossier_event_item_get_event (DOSSIER_EVENT_ITEM (item))->id, ==,
                       event->id);
    }
  g_assert_cmpuint (n_headings, >, 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, row);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), row));
}

static void
on_event_read (GObject    *item,
               GParamSpec *pspec,
               guint      *n_read)
{
  (*n_read)++;
}

/* Read in the background, a row's item comes at once with an empty event, and gets its
 * own when its page is read: then the rows are those of the timeline in memory. */
static void
test_pages_read_in_background (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(DossierTimelineModel) paged = model_loaded (f, TRUE);
  g_autoptr(DossierTimelineModel) reference = model_in_memory (f);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_events = 0, n_read = 0;

  for (guint i = 0; i < 200; i++)
    {
      GObject *item = g_list_model_get_item (G_LIST_MODEL (paged), i);

      g_ptr_array_add (items, item);
      if (!DOSSIER_IS_EVENT_ITEM (item))
        continue;
      n_events++;
      g_assert_null (dossier_event_item_get_event (DOSSIER_EVENT_ITEM (item))->text);
      g_signal_connect (item, "notify::event", G_CALLBACK (on_event_read), &n_read);
    }
  g_assert_cmpuint (n_events, >, 100);
  while (n_read < n_events)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GObject) want = g_list_model_get_item (G_LIST_MODEL (reference), i);
      GObject *got = g_ptr_array_index (items, i);

      if (DOSSIER_IS_EVENT_ITEM (want))
        g_assert_cmpstr (dossier_event_item_get_event (DOSSIER_EVENT_ITEM (got))->text, ==,
                         dossier_event_item_get_event (DOSSIER_EVENT_ITEM (want))->text);
    }
  /* The pages read stay: asked again, the rows come whole. */
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GObject) again = g_list_model_get_item (G_LIST_MODEL (paged), i);

      if (DOSSIER_IS_EVENT_ITEM (again))
        g_assert_nonnull (dossier_event_item_get_event (DOSSIER_EVENT_ITEM (again))->text);
    }
}

static void
assert_same_counts (DossierTimelineModel *paged,
                    DossierTimelineModel *reference)
{
  int year_a, month_a, year_b, month_b;
  g_autoptr(GArray) a = dossier_timeline_model_count_months (paged, &year_a, &month_a);
  g_autoptr(GArray) b = dossier_timeline_model_count_months (reference, &year_b, &month_b);
  guint total = 0;

  g_assert_cmpuint (a->len, >, 12);
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpint (year_a, ==, year_b);
  g_assert_cmpint (month_a, ==, month_b);
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_cmpuint (g_array_index (a, guint, i), ==, g_array_index (b, guint, i));
      total += g_array_index (a, guint, i);
    }
  g_assert_cmpuint (total, >=, dossier_timeline_model_get_n_events (paged));
}

/* An entity read again in the background, a range of months filtered in memory: the
 * rows and the axis counts agree with the model in memory. */
static void
test_filters_and_counts (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(DossierTimelineModel) paged = model_loaded (f, FALSE);
  g_autoptr(DossierTimelineModel) reference = model_in_memory (f);
  guint all;

  assert_same_counts (paged, reference);
  all = dossier_timeline_model_get_n_events (paged);

  dossier_timeline_model_set_range (paged, 20190100, 20201200);
  dossier_timeline_model_set_range (reference, 20190100, 20201200);
  g_assert_cmpuint (dossier_timeline_model_get_n_events (paged), <, all);
  assert_same_rows (G_LIST_MODEL (paged), G_LIST_MODEL (reference));

  g_signal_connect (paged, "items-changed", G_CALLBACK (on_items_changed), f);
  dossier_timeline_model_set_entity (paged, "Sergei Shoigu");
  dossier_timeline_model_set_entity (reference, "Sergei Shoigu");
  g_assert_true (dossier_timeline_model_is_loading (paged));
  wait_loaded (paged);
  g_assert_cmpuint (f->n_changes, ==, 1);
  g_assert_cmpuint (dossier_timeline_model_get_n_events (paged), >, 0);
  assert_same_rows (G_LIST_MODEL (paged), G_LIST_MODEL (reference));

  dossier_timeline_model_set_range (paged, 0, 0);
  dossier_timeline_model_set_range (reference, 0, 0);
  assert_same_counts (paged, reference);
}

static gboolean
on_quiet_tick (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the model has held the same events for 300 ms. */
static void
wait_reads_settled (DossierTimelineModel *model)
{
  guint held = G_MAXUINT, quiet = 0;

  while (quiet < 6)
    {
      gboolean ticked = FALSE;

      g_timeout_add (50, on_quiet_tick, &ticked);
      while (!ticked)
        g_main_context_iteration (NULL, TRUE);
      quiet = dossier_timeline_model_get_n_held (model) == held ? quiet + 1 : 0;
      held = dossier_timeline_model_get_n_held (model);
    }
}

/* Rows asked for and dropped before their pages come, as a list scrolled far in one go
 * does, cost no read of their pages (but for the one already being read): only the last
 * rows asked for, still shown, get their events. */
static void
test_dropped_rows_not_read (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(DossierTimelineModel) paged = model_loaded (f, TRUE);
  g_autoptr(GObject) last = NULL;
  guint n, n_read = 0;

  n = g_list_model_get_n_items (G_LIST_MODEL (paged));
  g_assert_cmpuint (n, >, 1500);
  /* Ten rows far apart, each dropped at once, then one kept. */
  for (guint i = 0; i < 10; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (paged), i * 150));
  last = g_list_model_get_item (G_LIST_MODEL (paged), n - 2);
  g_assert_true (DOSSIER_IS_EVENT_ITEM (last));
  g_signal_connect (last, "notify::event", G_CALLBACK (on_event_read), &n_read);
  while (n_read == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (dossier_event_item_get_event (DOSSIER_EVENT_ITEM (last))->text);

  /* The last row's page, the one after it, and the first dropped, read before the rest were
   * asked for: at most three pages of 64, where the ten dropped rows' pages and the pages
   * after them would be twenty. */
  wait_reads_settled (paged);
  g_assert_cmpuint (dossier_timeline_model_get_n_held (paged), <=, 3 * 64);
}

/* A page holds only the events its rows show: not the events of a range of months left
 * out, nor the repeats of a happening several articles report, shown once. */
static void
test_pages_hold_shown_events (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(DossierTimelineModel) paged = model_loaded (f, FALSE);
  g_autoptr(DossierTimelineModel) reference = model_in_memory (f);
  guint n;

  dossier_timeline_model_set_range (paged, 20190300, 20190500);
  dossier_timeline_model_set_range (reference, 20190300, 20190500);
  n = g_list_model_get_n_items (G_LIST_MODEL (paged));
  g_assert_cmpuint (dossier_timeline_model_get_n_events (paged), >, 10);
  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (paged), i));
  g_assert_cmpuint (dossier_timeline_model_get_n_held (paged), ==,
                    dossier_timeline_model_get_n_events (paged));

  /* The events of another range are read anew, with the text and counts of each. */
  dossier_timeline_model_set_range (paged, 20180100, 20201200);
  dossier_timeline_model_set_range (reference, 20180100, 20201200);
  assert_same_rows (G_LIST_MODEL (paged), G_LIST_MODEL (reference));
}

/* Two entities chosen in a row: only the last one's keys are shown. */
static void
test_newer_read_wins (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(DossierTimelineModel) paged = dossier_timeline_model_new ();
  g_autoptr(DossierTimelineModel) reference = model_in_memory (f);

  dossier_timeline_model_set_entity (paged, "Sergei Shoigu");
  dossier_timeline_model_set_library (paged, f->base.library);
  dossier_timeline_model_set_entity (paged, NULL);
  wait_loaded (paged);
  g_assert_cmpuint (dossier_timeline_model_get_n_events (paged), ==,
                    dossier_timeline_model_get_n_events (reference));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/timeline-model/pages-match-memory", Fixture, NULL, fixture_set_up,
              test_pages_match_memory, fixture_tear_down);
  g_test_add ("/timeline-model/rows-follow-timeline", Fixture, NULL, fixture_set_up,
              test_rows_follow_timeline, fixture_tear_down);
  g_test_add ("/timeline-model/pages-read-in-background", Fixture, NULL, fixture_set_up,
              test_pages_read_in_background, fixture_tear_down);
  g_test_add ("/timeline-model/filters-and-counts", Fixture, NULL, fixture_set_up,
              test_filters_and_counts, fixture_tear_down);
  g_test_add ("/timeline-model/pages-hold-shown-events", Fixture, NULL, fixture_set_up,
              test_pages_hold_shown_events, fixture_tear_down);
  g_test_add ("/timeline-model/dropped-rows-not-read", Fixture, NULL, fixture_set_up,
              test_dropped_rows_not_read, fixture_tear_down);
  g_test_add ("/timeline-model/newer-read-wins", Fixture, NULL, fixture_set_up,
              test_newer_read_wins, fixture_tear_down);

  return g_test_run ();
}
