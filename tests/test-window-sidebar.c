/* test-window-sidebar.c: the sidebar's library and search — filtering the library,
 * opening an article from it or its row's menu, importing into it, opening a search
 * result and finding words in an article
 *
 * Runs under Xvfb (see tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "dossier-annotations.h"
#include "dossier-column.h"
#include "dossier-search-pane.h"
#include "dossier-search-result.h"
#include "dossier-sidebar.h"
#include "dossier-test-gui.h"
#include "dossier-test-util.h"
#include "dossier-window.h"

#define POLYGRAPH "polygraph-2022-moscow-fuels-myanmar-war-machine"
#define RFA "rfa-2023-nucc-condemns-russia"

/* The library's filter entry: the sidebar's first search entry, not the search pane's. */
static GtkEditable *
find_filter_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return GTK_EDITABLE (widget);
  if (DOSSIER_IS_SEARCH_PANE (widget))
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found = find_filter_entry (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
filter_library (DossierWindow *window,
                const char    *text)
{
  GtkEditable *entry = find_filter_entry (GTK_WIDGET (dossier_window_get_sidebar (window)));

  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, text);
  /* Without waiting for the entry's typing delay */
  g_signal_emit_by_name (entry, "search-changed");
  dossier_test_wait_loaded (window);
  dossier_test_wait_idle ();
}

static guint
count_holding (DossierLibrary *library,
               const char     *needle)
{
  g_autoptr(DossierArticleList) all = dossier_library_list_articles (library, NULL);
  g_autofree char *folded = g_utf8_casefold (needle, -1);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (G_LIST_MODEL (all), i);
      g_autofree char *title = g_utf8_casefold (dossier_article_get_title (article), -1);
      g_autofree char *outlet = g_utf8_casefold (dossier_article_get_outlet (article), -1);

      n += strstr (title, folded) != NULL || strstr (outlet, folded) != NULL;
    }

  return n;
}

static const char *
selected_id (DossierWindow *window)
{
  GtkSingleSelection *shown = GTK_SINGLE_SELECTION (dossier_window_get_articles (window));
  DossierArticle *article = gtk_single_selection_get_selected_item (shown);

  return article ? dossier_article_get_id (article) : NULL;
}

/* The filter keeps the articles whose title or outlet holds its text, in any case; the
 * article being read stays selected through it. */
static void
test_library_filter (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_window (library);
  GListModel *articles = dossier_window_get_articles (window);
  guint expected = count_holding (library, "radio FREE");

  g_assert_true (dossier_window_open_article (window, RFA));
  dossier_test_wait_idle ();
  g_assert_cmpstr (selected_id (window), ==, RFA);

  filter_library (window, "radio FREE");
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, 5);
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, expected);
  g_assert_cmpstr (selected_id (window), ==, RFA);

  g_assert_false (dossier_test_shows_text (GTK_WIDGET (window), "No Matching Articles"));
  filter_library (window, "no article says zqxjv");
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 0);
  g_assert_null (selected_id (window));
  /* a blank list would look broken */
  g_assert_true (dossier_test_shows_text (GTK_WIDGET (window), "No Matching Articles"));

  filter_library (window, "");
  g_assert_false (dossier_test_shows_text (GTK_WIDGET (window), "No Matching Articles"));
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 5);
  g_assert_cmpstr (selected_id (window), ==, RFA);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Enter on an article opens it, the selected one too: in the folded layout, back in the
 * library, choosing the article of the focused column again must lead back to it. */
static void
test_library_activate_opens (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_window (library);
  DossierSidebar *sidebar = dossier_window_get_sidebar (window);
  GListModel *articles = dossier_sidebar_get_shown_articles (sidebar);
  GtkWidget *list = dossier_test_find_child (GTK_WIDGET (sidebar), GTK_TYPE_GRID_VIEW, NULL);
  g_autoptr(DossierArticle) second = g_list_model_get_item (articles, 1);
  DossierColumn *column;

  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "activate", 1);
  dossier_test_wait_frames ();
  column = dossier_workspace_get_focused (dossier_window_get_workspace (window));
  g_assert_nonnull (column);
  g_assert_cmpstr (dossier_article_get_id (dossier_column_get_article (column)), ==,
                   dossier_article_get_id (second));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
note_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_free (*(char **) user_data);
  *(char **) user_data = g_variant_dup_string (parameter, NULL);
}

/* A row's menu closes before the item chosen in it activates its action, which is found
 * from the menu up: the menu must still be in the window then (unparented at once, its
 * Open, Open Beside and Remove… did nothing). */
static void
test_article_menu_reaches_window (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = gtk_label_new ("An article");
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) remove = g_simple_action_new ("remove-article", G_VARIANT_TYPE_STRING);
  g_autofree char *removed = NULL;
  GtkWidget *menu;

  g_signal_connect (remove, "activate", G_CALLBACK (note_activated), &removed);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (remove));
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (actions));
  gtk_window_set_child (GTK_WINDOW (window), row);
  gtk_window_present (GTK_WINDOW (window));
  DOSSIER_TEST_WAIT_WHILE (!gtk_widget_get_mapped (row));

  menu = _dossier_sidebar_popup_article_menu (row, "imported-1", FALSE, 5, 5);
  gtk_popover_popdown (GTK_POPOVER (menu));
  g_assert_true (gtk_widget_get_parent (menu) == row);
  g_assert_true (gtk_widget_activate_action (menu, "win.remove-article", "s", "imported-1"));
  g_assert_cmpstr (removed, ==, "imported-1");

  /* and it goes once the item had its turn */
  DOSSIER_TEST_WAIT_WHILE (gtk_widget_get_first_child (row) != NULL
                           && GTK_IS_POPOVER (gtk_widget_get_last_child (row)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Types a query, waits for the worker thread, opens the first article found: its column
 * has the matched words marked. */
static void
test_search_opens_a_result (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_window (library);
  DossierSearchPane *pane = dossier_sidebar_get_search_pane (dossier_window_get_sidebar (window));
  GListModel *results = dossier_search_pane_get_results (pane);
  g_autoptr(GObject) first = NULL;
  DossierColumn *column;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint position = 0;

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  dossier_search_pane_set_text (pane, "");
  /* an empty page says what it is for */
  g_assert_true (dossier_test_shows_text (GTK_WIDGET (pane), "Search the Dossier"));
  dossier_search_pane_set_text (pane, "Shoygu OR Shoigu \"defence minister");
  while (dossier_search_pane_is_busy (pane) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (dossier_test_shows_text (GTK_WIDGET (pane), "Search the Dossier"));

  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  /* Entities come first; take the first article. */
  while (!DOSSIER_IS_SEARCH_RESULT ((first = g_list_model_get_item (results, position))))
    {
      g_clear_object (&first);
      position++;
    }

  dossier_search_pane_activate (pane, position);
  dossier_test_wait_idle ();
  column = dossier_workspace_get_focused (dossier_window_get_workspace (window));
  g_assert_cmpstr (dossier_article_get_id (dossier_column_get_article (column)), ==,
                   dossier_search_result_get_article_id (DOSSIER_SEARCH_RESULT (first)));
  g_assert_cmpuint (dossier_column_get_n_found (column), >, 0);

  /* The user's notes are searched too. */
  {
    g_autoptr(DossierArticle) article = dossier_library_load_article (library, RFA, NULL);
    g_autoptr(DossierAnnotation) note =
      dossier_annotations_create (dossier_window_get_annotations (window), article, 0, 10,
                                  DOSSIER_HIGHLIGHT_PINK, "a quokka memo", NULL, NULL);
    gboolean found = FALSE;

    g_assert_nonnull (note);
    dossier_search_pane_set_text (pane, "quokka memo");
    deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    while (dossier_search_pane_is_busy (pane) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    for (guint i = 0; i < g_list_model_get_n_items (results); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (results, i);

        found |= DOSSIER_IS_ANNOTATION (item);
      }
    g_assert_true (found);
  }

  /* Hostile input is just text: no error, no crash. */
  dossier_search_pane_set_text (pane, "\"unbalanced ( OR NEAR( title:x ^ {a b} '; DROP TABLE articles;--");
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (dossier_search_pane_is_busy (pane) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (dossier_search_pane_is_busy (pane));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Find in an article: every match marked, stepping counts "n of m". */
static void
test_find_in_article (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  DossierWindow *window = dossier_test_new_window (library);
  DossierColumn *column;
  guint n;

  dossier_window_open_article (window, POLYGRAPH);
  column = dossier_workspace_find (dossier_window_get_workspace (window), POLYGRAPH);
  dossier_column_find (column, "lavrov");
  n = dossier_column_get_n_found (column);
  g_assert_cmpuint (n, ==, 7);
  gtk_widget_activate_action (GTK_WIDGET (column), "column.find-next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (column), "column.find-previous", NULL);
  gtk_widget_activate_action (GTK_WIDGET (column), "column.find-previous", NULL);
  g_assert_cmpint (dossier_column_get_current_found (column), ==, (int) n - 1);
  dossier_column_find (column, "zzyzx qwertyuiop");
  g_assert_cmpuint (dossier_column_get_n_found (column), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An imported text file shows in the library, with its entities and dates, while the
 * window stays responsive; a bad file in the same batch is refused on its own. */
static void
test_import_in_the_window (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *good = g_build_filename (dir, "visit.txt", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  const char *paths[] = { good, bad, NULL };
  DossierWindow *window = dossier_test_new_window (library);
  GListModel *articles = dossier_window_get_articles (window);
  guint before = g_list_model_get_n_items (articles);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  g_autoptr(GPtrArray) mentions = NULL;

  g_assert_true (g_file_set_contents (good,
    "Lavrov visits Naypyitaw again\nPublished: 2024-03-10\nSource: Test Wire\n\n"
    "On March 4, Sergei Lavrov met Min Aung Hlaing in Naypyitaw.\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "{\"format\": \"dossier\", \"version\": ", -1, NULL));

  gtk_window_present (GTK_WINDOW (window));
  dossier_window_import_files (window, paths);
  g_assert_true (dossier_window_is_importing (window));
  while (dossier_window_is_importing (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (dossier_window_is_importing (window));
  dossier_test_wait_loaded (window);
  dossier_test_wait_idle ();

  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, before + 1);
  {
    g_autoptr(DossierArticle) last = g_list_model_get_item (articles, before);

    g_assert_cmpstr (dossier_article_get_title (last), ==, "Lavrov visits Naypyitaw again");
    mentions = dossier_library_list_mentions (library, dossier_article_get_id (last), NULL);
    g_assert_cmpuint (mentions->len, >=, 3);
    g_assert_true (dossier_library_remove_article (library, dossier_article_get_id (last), TRUE,
                                                   NULL));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_remove_tree (dir);
}

/* Two notes as the JSON export writes them: one on a bundled article, one on an article
 * this library does not have. */
#define NOTES_EXPORT \
  "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"AnnotationCollection\",\n" \
  " \"first\": {\"type\": \"AnnotationPage\", \"items\": [\n" \
  "  {\"id\": \"urn:uuid:0c3e1b52-8f0e-4c53-9d0e-5a8f7f6b1a01\", \"type\": \"Annotation\",\n" \
  "   \"body\": [{\"type\": \"TextualBody\", \"purpose\": \"commenting\",\n" \
  "             \"value\": \"Ties\"}],\n" \
  "   \"target\": {\"source\": \"dossier://article/" RFA "\",\n" \
  "    \"selector\": [{\"type\": \"TextQuoteSelector\", \"exact\": \"Russia\"}]}},\n" \
  "  {\"id\": \"urn:uuid:0c3e1b52-8f0e-4c53-9d0e-5a8f7f6b1a02\", \"type\": \"Annotation\",\n" \
  "   \"body\": [{\"type\": \"TextualBody\", \"purpose\": \"commenting\",\n" \
  "             \"value\": \"Gone\"}],\n" \
  "   \"target\": {\"source\": \"dossier://article/not-in-this-library\",\n" \
  "    \"selector\": [{\"type\": \"TextQuoteSelector\", \"exact\": \"Moscow\"}]}}]}}\n"

static guint
count_notes (DossierWindow *window)
{
  g_autoptr(GListModel) all = dossier_annotations_list (dossier_window_get_annotations (window),
                                                        NULL, NULL);

  return g_list_model_get_n_items (all);
}

static void
import_and_wait (DossierWindow      *window,
                 const char * const *paths)
{
  dossier_window_import_files (window, paths);
  DOSSIER_TEST_WAIT_WHILE (dossier_window_is_importing (window));
  dossier_test_wait_frames ();
}

/* The app's own notes export, chosen with Import…, is imported as notes (QA: it was refused
 * for a missing “format”): the toast counts them and those whose article is missing; the
 * same file again updates them, never duplicates; a broken one is listed as refused. */
static void
test_import_notes_in_the_window (void)
{
  g_autoptr(DossierLibrary) library = dossier_test_open_library ();
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *notes = g_build_filename (dir, "notes.json", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken-notes.json", NULL);
  const char *paths[] = { notes, NULL };
  const char *broken_paths[] = { broken, NULL };
  DossierWindow *window = dossier_test_new_window (library);
  guint before;
  GtkWidget *dialog, *row;

  g_assert_true (g_file_set_contents (notes, NOTES_EXPORT, -1, NULL));
  g_assert_true (g_file_set_contents (broken, "{\"type\": \"AnnotationCollection\",\n"
                                      " \"items\": [{\"type\": \"Annotation\"}]}", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_loaded (window);
  before = count_notes (window);

  import_and_wait (window, paths);
  g_assert_null (dossier_test_find_message_dialog ());
  g_assert_cmpuint (count_notes (window), ==, before + 2);
  g_assert_true (dossier_test_shows_text (GTK_WIDGET (window),
                                          "2 notes imported, 1 under “Needs attention”"));
  g_assert_false (dossier_test_shows_text (GTK_WIDGET (window), "articles imported"));
  {
    g_autoptr(DossierAnnotation) note = dossier_annotations_lookup (
      dossier_window_get_annotations (window), "0c3e1b52-8f0e-4c53-9d0e-5a8f7f6b1a01", NULL);

    g_assert_nonnull (note);
    g_assert_cmpstr (dossier_annotation_get_note (note), ==, "Ties");
    g_assert_cmpint (dossier_annotation_get_anchor (note), !=, DOSSIER_ANCHOR_ORPHAN);
  }

  /* A window of its own, for its toast not to wait behind the first one. */
  gtk_window_destroy (GTK_WINDOW (window));
  window = dossier_test_new_window (library);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_loaded (window);
  import_and_wait (window, paths);
  g_assert_cmpuint (count_notes (window), ==, before + 2);
  g_assert_true (dossier_test_shows_text (GTK_WIDGET (window),
                                          "2 notes imported (0 new, 2 updated)"));

  import_and_wait (window, broken_paths);
  g_assert_cmpuint (count_notes (window), ==, before + 2);
  dialog = dossier_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  row = dossier_test_find_child (dialog, ADW_TYPE_ACTION_ROW, NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "broken-notes.json");
  g_test_message ("%s", adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "Line 2, column "));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dossier_annotations_delete (dossier_window_get_annotations (window),
                              "0c3e1b52-8f0e-4c53-9d0e-5a8f7f6b1a01", NULL);
  dossier_annotations_delete (dossier_window_get_annotations (window),
                              "0c3e1b52-8f0e-4c53-9d0e-5a8f7f6b1a02", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dossier_test_gui_init (&argc, &argv, "window-sidebar");
  int status;

  g_test_add_func ("/window/library-filter", test_library_filter);
  g_test_add_func ("/window/article-menu-reaches-window", test_article_menu_reaches_window);
  g_test_add_func ("/window/library-activate-opens", test_library_activate_opens);
  g_test_add_func ("/window/search-opens-a-result", test_search_opens_a_result);
  g_test_add_func ("/window/find-in-article", test_find_in_article);
  g_test_add_func ("/window/import-in-the-window", test_import_in_the_window);
  g_test_add_func ("/window/import-notes-in-the-window", test_import_notes_in_the_window);

  status = g_test_run ();
  dossier_test_remove_tree (home);
  return status;
}
