/* test-window-library.c: the window over a bad library — damaged, read-only, full disk,
 * holding a 10 MB note
 *
 * Each case runs in its own process (g_test_trap_subprocess()), with its own
 * XDG_DATA_HOME, and starts the application as `dossier` does. With
 * DOSSIER_SCREENSHOT_DIR set, each case leaves a screenshot of what the user sees there
 * (ImageMagick's `import`).
 *
 * Runs under Xvfb (see tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>

#include "dossier-annotation-popover.h"
#include "dossier-application.h"
#include "dossier-article-view.h"
#include "dossier-column.h"
#include "dossier-test-gui.h"
#include "dossier-test-util.h"
#include "dossier-window.h"

#define RFA "rfa-2023-nucc-condemns-russia"

typedef enum
{
  PROBLEM_DAMAGED,
  PROBLEM_READ_ONLY,
  PROBLEM_DISK_FULL,
  PROBLEM_HUGE_NOTE,
} Problem;

static void
wait_idle (void)
{
  for (guint i = 0; i < 40; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

static char *
library_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "dossier", "library.db", NULL);
}

/* A library with one note, made by the command line as a user would have it. */
static void
make_library (void)
{
  g_autofree char *path = library_path ();
  const char *argv[] = { g_getenv ("DOSSIER_EXECUTABLE"), "annotate", RFA, "--quote", "Russia",
                         "--note", "saved before", NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status = -1;

  g_assert_true (dossier_test_run (argv, &out, &err, &status));
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* The note made by make_library(), now 10 MB on one line. */
static void
set_huge_note (void)
{
  g_autoptr(DossierLibrary) library = dossier_library_open_default (NULL);
  g_autoptr(DossierAnnotations) annotations = dossier_annotations_new (library);
  g_autoptr(GListModel) all = dossier_annotations_list (annotations, NULL, NULL);
  g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (all, 0);
  g_autofree char *note = g_strnfill (10 * 1024 * 1024, 'w');
  g_autoptr(GError) error = NULL;

  dossier_annotations_update (annotations, dossier_annotation_get_id (annotation),
                              DOSSIER_HIGHLIGHT_YELLOW, note, NULL, &error);
  g_assert_no_error (error);
}

static void
prepare (Problem problem)
{
  g_autofree char *path = library_path ();
  g_autofree char *folder = g_path_get_dirname (path);

  switch (problem)
    {
    case PROBLEM_DAMAGED:
      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, "not a database, only words, more than a header "
                                                "of them, so SQLite gives up on it", -1, NULL));
      break;
    case PROBLEM_READ_ONLY:
      g_assert_true (dossier_test_drop_file_override ());
      make_library ();
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      break;
    case PROBLEM_DISK_FULL:
      make_library ();
      g_setenv ("DOSSIER_TEST_DISK_FULL", "1", TRUE);
      break;
    case PROBLEM_HUGE_NOTE:
      make_library ();
      set_huge_note ();
      break;
    default:
      g_assert_not_reached ();
    }
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static void
screenshot (const char *name)
{
  const char *folder = g_getenv ("DOSSIER_SCREENSHOT_DIR");
  g_autofree char *path = NULL, *import = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int status = -1;

  if (folder == NULL)
    return;

  path = g_build_filename (folder, name, NULL);
  import = g_find_program_in_path ("import");
  g_assert_nonnull (import);
  {
    const char *argv[] = { import, "-window", "root", path, NULL };

    g_assert_true (dossier_test_run (argv, &out, &err, &status));
    g_assert_cmpint (status, ==, 0);
  }
}

/* Highlights the first words of the RFA article, as Alt+1 would; the library's count of
 * annotations after it. */
static void
try_highlight (DossierWindow *window)
{
  DossierColumn *column;
  DossierArticleView *view;
  GtkTextBuffer *buffer;
  GtkTextIter from, to;

  g_assert_true (dossier_window_open_article (window, RFA));
  wait_idle ();
  column = dossier_workspace_get_focused (dossier_window_get_workspace (window));
  view = dossier_column_get_article_view (column);
  buffer = gtk_text_view_get_buffer (dossier_article_view_get_text_view (view));
  dossier_article_view_get_iter_at (view, 0, &from);
  dossier_article_view_get_iter_at (view, 16, &to);
  gtk_text_buffer_select_range (buffer, &from, &to);
  gtk_widget_activate_action (GTK_WIDGET (column), "column.highlight-color", "i",
                              (int) DOSSIER_HIGHLIGHT_GREEN);
  wait_idle ();
}

static guint
count_annotations (DossierWindow *window)
{
  g_autoptr(GListModel) all = dossier_annotations_list (dossier_window_get_annotations (window),
                                                        NULL, NULL);

  return g_list_model_get_n_items (all);
}

static DossierWindow *
start_application (DossierApplication *app)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  /* One process per case: no bus name to hand from one to the next. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  wait_idle ();

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (DOSSIER_IS_WINDOW (window));
  gtk_window_set_default_size (window, 1100, 720);
  wait_idle ();
  return DOSSIER_WINDOW (window);
}

static void
assert_dialog (const char *heading,
               const char *fragment)
{
  g_autofree char *path = library_path ();
  AdwMessageDialog *dialog = find_dialog ();
  const char *body;

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, path));
  g_assert_nonnull (strstr (body, fragment));
}

static void
close_dialog (void)
{
  AdwMessageDialog *dialog = find_dialog ();

  adw_message_dialog_response (dialog, "close");
  gtk_window_close (GTK_WINDOW (dialog));
  wait_idle ();
  g_assert_null (find_dialog ());
}

/* Damaged: the window opens on a new library with the bundled articles, and says where the
 * old file was kept. */
static void
run_damaged (DossierWindow *window)
{
  assert_dialog ("Your Library Was Damaged", ".corrupt-");
  screenshot ("library-damaged.png");
  close_dialog ();
  g_assert_cmpuint (g_list_model_get_n_items (dossier_window_get_articles (window)), ==, 5);
  try_highlight (window);
  g_assert_cmpuint (count_annotations (window), ==, 1);
}

/* Read-only: the notes shown, the reason told with the path, a highlight refused in plain
 * words, and the file untouched. */
static void
run_read_only (DossierWindow *window)
{
  g_autofree char *path = library_path ();
  g_autofree char *before = dossier_test_read_file (path);
  g_autofree char *after = NULL;

  assert_dialog ("Changes Can’t Be Saved", "cannot be written (Permission denied)");
  screenshot ("library-read-only.png");
  close_dialog ();
  g_assert_cmpuint (g_list_model_get_n_items (dossier_window_get_articles (window)), ==, 5);
  g_assert_cmpuint (count_annotations (window), ==, 1);

  try_highlight (window);
  g_assert_cmpuint (count_annotations (window), ==, 1);
  g_assert_true (dossier_test_shows_text (GTK_WIDGET (window), "this change was not saved"));
  after = dossier_test_read_file (path);
  g_assert_true (g_str_equal (before, after));
  g_chmod (path, 0644);
}

/* The notes in the library now, one per line, in the order of their passages. */
static char *
dup_notes (DossierWindow *window)
{
  g_autoptr(GListModel) all = dossier_annotations_list (dossier_window_get_annotations (window),
                                                        NULL, NULL);
  GString *notes = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (all, i);

      g_string_append_printf (notes, "%s\n", dossier_annotation_get_note (annotation));
    }

  return g_string_free (notes, FALSE);
}

/* Full disk during a write: a small highlight may still fit, a long note does not; the
 * popover says so in plain words, and the note saved before is unchanged. */
static void
run_disk_full (DossierWindow *window)
{
  DossierColumn *column;
  DossierAnnotationPopover *popover;
  GtkTextBuffer *note;
  g_autofree char *big = g_strnfill (300000, 'n');
  g_autofree char *kept = NULL;

  g_assert_null (find_dialog ());
  g_assert_cmpuint (count_annotations (window), ==, 1);
  try_highlight (window);
  column = dossier_workspace_get_focused (dossier_window_get_workspace (window));
  {
    DossierArticleView *view = dossier_column_get_article_view (column);
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (dossier_article_view_get_text_view (view));
    GtkTextIter at;

    dossier_article_view_get_iter_at (view, 2, &at);
    gtk_text_buffer_place_cursor (buffer, &at);
  }
  gtk_widget_activate_action (GTK_WIDGET (column), "column.edit-note", NULL);
  wait_idle ();
  popover = DOSSIER_ANNOTATION_POPOVER (dossier_column_get_popover (column));
  g_assert_nonnull (dossier_annotation_popover_get_annotation (popover));

  note = gtk_text_view_get_buffer (dossier_annotation_popover_get_note_view (popover));
  gtk_text_buffer_set_text (note, "A long note: ", -1);
  gtk_text_buffer_insert_at_cursor (note, big, -1);
  dossier_annotation_popover_save (popover);
  wait_idle ();
  g_assert_true (dossier_test_shows_text (GTK_WIDGET (popover), "is full: this change was not saved"));
  g_assert_true (dossier_test_shows_text (GTK_WIDGET (popover), "Everything saved before it is kept"));
  screenshot ("library-disk-full.png");

  /* The new highlight (first in the text) has no note; the earlier note is as it was. */
  kept = dup_notes (window);
  g_assert_cmpstr (kept, ==, "\nsaved before\n");
  gtk_popover_popdown (GTK_POPOVER (popover));
  wait_idle ();
}

/* Whether some label under @widget begins with @prefix, and how long the longest is. */
static gsize
longest_label_with (GtkWidget  *widget,
                    const char *prefix)
{
  gsize longest = 0;

  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix))
    longest = g_utf8_strlen (gtk_label_get_label (GTK_LABEL (widget)), -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    longest = MAX (longest, longest_label_with (child, prefix));

  return longest;
}

/* A 10 MB note: the window starts (a label used to shape all of it first), the notes
 * page shows its beginning. */
static void
run_huge_note (DossierWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-notes", NULL);
  wait_idle ();
  g_assert_cmpuint (count_annotations (window), ==, 1);
  g_assert_cmpuint (longest_label_with (GTK_WIDGET (window), "wwww"), ==,
                    DOSSIER_ANNOTATION_SHOWN_CHARS + 1);
  screenshot ("library-huge-note.png");
}

static void
test_bad_library (gconstpointer data)
{
  Problem problem = GPOINTER_TO_INT (data);
  g_autoptr(DossierApplication) app = NULL;
  DossierWindow *window;

  if (!dossier_test_in_subprocess (FALSE))
    return;

  prepare (problem);
  app = dossier_application_new ();
  window = start_application (app);
  dossier_test_wait_loaded (window);
  if (problem == PROBLEM_DAMAGED)
    run_damaged (window);
  else if (problem == PROBLEM_READ_ONLY)
    run_read_only (window);
  else if (problem == PROBLEM_DISK_FULL)
    run_disk_full (window);
  else
    run_huge_note (window);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_idle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = dossier_test_gui_init (&argc, &argv, "window-library");
  int status;

  g_test_add_data_func ("/window-library/damaged-moved-aside", GINT_TO_POINTER (PROBLEM_DAMAGED),
                        test_bad_library);
  g_test_add_data_func ("/window-library/read-only-told", GINT_TO_POINTER (PROBLEM_READ_ONLY),
                        test_bad_library);
  g_test_add_data_func ("/window-library/disk-full-told", GINT_TO_POINTER (PROBLEM_DISK_FULL),
                        test_bad_library);
  g_test_add_data_func ("/window-library/ten-megabyte-note", GINT_TO_POINTER (PROBLEM_HUGE_NOTE),
                        test_bad_library);

  status = g_test_run ();
  dossier_test_remove_tree (home);
  return status;
}
