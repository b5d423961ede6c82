/* test-window-timeline.c: the window's timeline — an event opens its sentence, the rows
 * show what each event needs at a size of their own, few of them for a long timeline, and
 * the timeline can be hidden
 *
 * Runs under Xvfb (see tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "dossier-column.h"
#include "dossier-event-item.h"
#include "dossier-list-header.h"
#include "dossier-test-gui.h"
#include "dossier-test-util.h"
#include "dossier-timeline-pane.h"
#include "dossier-timeline-row.h"
#include "dossier-window.h"

#define POLYGRAPH "polygraph-2022-moscow-fuels-myanmar-war-machine"

/* Activating a timeline event opens its article in a column and marks its sentence. */
static void
test_event_opens_its_sentence (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_window (library);
  DossierTimelinePane *pane = dossier_window_get_timeline_pane (window);
  GListModel *rows = G_LIST_MODEL (dossier_timeline_pane_get_model (pane));
  const DossierEvent *event = NULL;
  DossierColumn *column;
  guint position = 0;

  gtk_window_present (GTK_WINDOW (window));
  /* An entity chosen by an earlier test is restored; start from the whole timeline. */
  dossier_window_choose_entity (window, NULL);
  dossier_test_wait_loaded (window);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 20);
  for (guint i = 0; i < g_list_model_get_n_items (rows) && event == NULL; i++)
    {
      /* The list's items may still wait for their page: this one is read at once. */
      g_autoptr(GObject) item = dossier_timeline_model_read_item (
        dossier_timeline_pane_get_model (pane), i);

      if (DOSSIER_IS_EVENT_ITEM (item)
          && g_str_equal (dossier_event_item_get_event (DOSSIER_EVENT_ITEM (item))->phrase,
                          "On August 3"))
        {
          event = dossier_event_copy (dossier_event_item_get_event (DOSSIER_EVENT_ITEM (item)));
          position = i;
        }
    }
  g_assert_nonnull (event);
  g_assert_cmpstr (event->article_id, ==, POLYGRAPH);

  dossier_timeline_pane_activate (pane, position);
  dossier_test_wait_frames ();
  column = dossier_workspace_get_focused (dossier_window_get_workspace (window));
  g_assert_cmpstr (dossier_article_get_id (dossier_column_get_article (column)), ==, POLYGRAPH);
  g_assert_true (dossier_test_tagged_exactly (dossier_column_get_article_view (column), "reveal",
                                              event->sentence_start, event->sentence_end));

  /* The entity filter reaches the timeline. */
  dossier_window_choose_entity (window, "Sergei Lavrov");
  dossier_test_wait_loaded (window);
  g_assert_cmpuint (dossier_timeline_model_get_n_events (dossier_timeline_pane_get_model (pane)),
                    <, g_list_model_get_n_items (rows));
  dossier_event_free ((DossierEvent *) event);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The text a label, an inscription or a menu button shows. */
static const char *
shown_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  return gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
}

/* The visible descendant of @widget of @type whose text (see shown_text()) is @text. */
static GtkWidget *
find_shown (GtkWidget  *widget,
            GType       type,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && g_strcmp0 (shown_text (child), text) == 0)
        return child;
      if ((found = find_shown (child, type, text)) != NULL)
        return found;
    }
  return NULL;
}

/* A row makes its conflict mark and its "reported by" button when an event needs them,
 * and hides them again for the next event it shows. */
static void
test_timeline_row_shows_what_it_needs (void)
{
  GtkWidget *row = g_object_ref_sink (dossier_timeline_row_new ());
  g_autoptr(DossierEvent) shared = dossier_event_new ();
  g_autoptr(DossierEvent) plain = dossier_event_new ();
  g_autoptr(DossierEventItem) shared_item = NULL;
  g_autoptr(DossierEventItem) plain_item = NULL;
  g_autofree char *date = NULL;
  g_autofree char *date_and_title = NULL;

  dossier_date_set (&shared->date, 2022, 8, 3);
  shared->text = g_strdup ("The minister arrived.");
  shared->group = g_strdup ("visit");
  shared->reported_by = 2;
  shared->conflict = TRUE;
  plain->date = shared->date;
  plain->text = g_strdup ("The minister left.");
  plain->article_title = g_strdup ("An article");
  shared_item = dossier_event_item_new (shared);
  plain_item = dossier_event_item_new (plain);
  /* The date and the article share a line; a group's row names no one article. */
  date = dossier_event_format_date (shared);
  date_and_title = g_strconcat (date, "\u2002\u2002An article", NULL);

  g_assert_null (find_shown (row, GTK_TYPE_MENU_BUTTON, "reported by 2 articles"));
  dossier_timeline_row_set_item (DOSSIER_TIMELINE_ROW (row), G_OBJECT (shared_item), NULL);
  g_assert_nonnull (find_shown (row, GTK_TYPE_MENU_BUTTON, "reported by 2 articles"));
  g_assert_nonnull (find_shown (row, GTK_TYPE_LABEL, "Dates differ"));
  g_assert_nonnull (find_shown (row, GTK_TYPE_INSCRIPTION, "The minister arrived."));
  g_assert_nonnull (find_shown (row, GTK_TYPE_INSCRIPTION, date));

  dossier_timeline_row_set_item (DOSSIER_TIMELINE_ROW (row), G_OBJECT (plain_item), NULL);
  g_assert_null (find_shown (row, GTK_TYPE_MENU_BUTTON, "reported by 2 articles"));
  g_assert_null (find_shown (row, GTK_TYPE_LABEL, "Dates differ"));
  g_assert_nonnull (find_shown (row, GTK_TYPE_INSCRIPTION, date_and_title));

  /* A month's heading is the row's own style, not the last event's bold date. */
  {
    g_autoptr(DossierListHeader) heading = dossier_list_header_new ("August 2022");
    GtkWidget *when;

    dossier_timeline_row_set_item (DOSSIER_TIMELINE_ROW (row), G_OBJECT (heading), NULL);
    when = find_shown (row, GTK_TYPE_INSCRIPTION, "August 2022");
    g_assert_nonnull (when);
    g_assert_null (gtk_inscription_get_attributes (GTK_INSCRIPTION (when)));
    dossier_timeline_row_set_item (DOSSIER_TIMELINE_ROW (row), G_OBJECT (plain_item), NULL);
  }

  /* An event read later fills the row it is bound to. */
  dossier_event_item_set_event (plain_item, shared);
  g_assert_nonnull (find_shown (row, GTK_TYPE_INSCRIPTION, "The minister arrived."));
  g_assert_nonnull (find_shown (row, GTK_TYPE_MENU_BUTTON, "reported by 2 articles"));

  /* Until then the row is blank: no "Undated", nor the last event's marks. */
  {
    g_autoptr(DossierEvent) waiting = dossier_event_new ();
    g_autoptr(DossierEventItem) waiting_item = dossier_event_item_new (waiting);

    dossier_timeline_row_set_item (DOSSIER_TIMELINE_ROW (row), G_OBJECT (waiting_item), NULL);
    g_assert_null (find_shown (row, GTK_TYPE_LABEL, "Undated"));
    g_assert_null (find_shown (row, GTK_TYPE_MENU_BUTTON, "reported by 2 articles"));
    g_assert_null (find_shown (row, GTK_TYPE_LABEL, "Dates differ"));
    g_assert_null (find_shown (row, GTK_TYPE_INSCRIPTION, "The minister arrived."));
    dossier_event_item_set_event (waiting_item, plain);
    g_assert_nonnull (find_shown (row, GTK_TYPE_INSCRIPTION, "The minister left."));
  }
  g_object_unref (row);
}

/* The timeline's menu item and header toggle show whether it is shown, and toggle it. */
static void
test_show_timeline_has_state (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_window (library);
  GtkWidget *pane = GTK_WIDGET (dossier_window_get_timeline_pane (window));
  gboolean shown = gtk_widget_get_visible (pane);
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window),
                                                                "show-timeline");

  g_assert_nonnull (state);
  g_assert_cmpint (g_variant_get_boolean (state), ==, shown);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-timeline", NULL));
  g_assert_cmpint (gtk_widget_get_visible (pane), ==, !shown);
  g_clear_pointer (&state, g_variant_unref);
  state = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-timeline");
  g_assert_cmpint (g_variant_get_boolean (state), ==, !shown);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
measure_both (GtkWidget *widget,
              int        for_width,
              int        sizes[4])
{
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &sizes[0], &sizes[1], NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, for_width, &sizes[2], &sizes[3],
                      NULL, NULL);
}

/* A row widget of the timeline. */
static gboolean
is_timeline_row (GtkWidget  *widget,
                 const char *unused,
                 const char *unused_too)
{
  return DOSSIER_IS_TIMELINE_ROW (widget);
}

/* Scrolling a long timeline rebinds every row widget the list keeps, at each jump: the
 * pane must keep about a screenful (GTK 4.8's list view kept 200, a grid keeps 30). */
static void
test_timeline_keeps_few_rows (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *pane = dossier_timeline_pane_new ();
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_event_free);
  guint n_rows;

  for (guint i = 0; i < 5000; i++)
    {
      DossierEvent *event = dossier_event_new ();

      dossier_date_set (&event->date, 2000 + i / 400, i / 40 % 10 + 1, i % 28 + 1);
      event->article_id = g_strdup_printf ("article-%u", i);
      event->article_title = g_strdup_printf ("Article %u", i);
      event->text = g_strdup_printf ("Event %u, reported in a sentence.", i);
      event->entities = g_new0 (char *, 1);
      g_ptr_array_add (events, event);
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), pane);
  dossier_timeline_pane_set_events (DOSSIER_TIMELINE_PANE (pane), events);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  dossier_test_wait_frames ();

  n_rows = dossier_test_count_widgets (window, is_timeline_row, NULL, NULL, FALSE);
  g_assert_cmpuint (n_rows, >=, 5);    /* the rows are shown at all */
  g_assert_cmpuint (n_rows, <=, 64);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A row's size comes from its design, not its text: the list measures every row it binds,
 * and measuring a whole sentence (and a title) laid out on one line was most of that. */
static void
test_timeline_row_size_ignores_its_text (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *short_row = dossier_timeline_row_new ();
  GtkWidget *long_row = dossier_timeline_row_new ();
  g_autoptr(DossierEvent) brief = dossier_event_new ();
  g_autoptr(DossierEvent) wordy = dossier_event_new ();
  g_autoptr(DossierEventItem) brief_item = NULL;
  g_autoptr(DossierEventItem) wordy_item = NULL;
  g_autoptr(GString) sentence = g_string_new (NULL);
  int short_sizes[4], long_sizes[4];

  for (guint i = 0; i < 40; i++)
    g_string_append (sentence, "The minister arrived at the border and spoke at length. ");
  dossier_date_set (&brief->date, 2022, 8, 3);
  brief->text = g_strdup ("It rained.");
  brief->article_title = g_strdup ("Rain");
  wordy->date = brief->date;
  wordy->text = g_strdup (sentence->str);
  wordy->article_title = g_strdup (sentence->str);
  brief_item = dossier_event_item_new (brief);
  wordy_item = dossier_event_item_new (wordy);

  gtk_box_append (GTK_BOX (box), short_row);
  gtk_box_append (GTK_BOX (box), long_row);
  gtk_window_set_child (GTK_WINDOW (window), box);
  dossier_timeline_row_set_item (DOSSIER_TIMELINE_ROW (short_row), G_OBJECT (brief_item), NULL);
  dossier_timeline_row_set_item (DOSSIER_TIMELINE_ROW (long_row), G_OBJECT (wordy_item), NULL);

  for (int width = -1; width <= 400; width += 401)
    {
      measure_both (short_row, width, short_sizes);
      measure_both (long_row, width, long_sizes);
      g_assert_cmpint (short_sizes[2], >, 0);
      for (guint i = 0; i < G_N_ELEMENTS (short_sizes); i++)
        g_assert_cmpint (short_sizes[i], ==, long_sizes[i]);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dossier_test_gui_init (&argc, &argv, "window-timeline");
  int status;

  g_test_add_func ("/window/event-opens-its-sentence", test_event_opens_its_sentence);
  g_test_add_func ("/window/timeline-row-shows-what-it-needs",
                   test_timeline_row_shows_what_it_needs);
  g_test_add_func ("/window/timeline-keeps-few-rows", test_timeline_keeps_few_rows);
  g_test_add_func ("/window/show-timeline-has-state", test_show_timeline_has_state);
  g_test_add_func ("/window/timeline-row-size-ignores-its-text",
                   test_timeline_row_size_ignores_its_text);

  status = g_test_run ();
  dossier_test_remove_tree (home);
  return status;
}
