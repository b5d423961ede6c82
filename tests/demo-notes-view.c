/* demo-notes-view.c: the notes view and the export dialog in windows, to look at them
 *
 * Not a test: `build/tests/demo-notes-view` fills a throwaway library with a dozen notes
 * on three articles (and one whose article is gone) and shows the notes view at sidebar
 * width. Arguments: `dialog` shows the export dialog over it, `yellow` filters by colour,
 * `empty` shows the empty state. ADW_DEBUG_COLOR_SCHEME=prefer-dark shows the dark style.
 * Run it from the build tree with DOSSIER_BUNDLED_DATABASE=build/data/dossier.db.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "dossier-article-store.h"
#include "dossier-export-dialog.h"
#include "dossier-notes-view.h"

static void
load_app_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/dossierapp/Dossier/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The first sentence of the article's @n-th block: a passage someone would mark. */
static void
note (DossierAnnotations    *annotations,
      const char            *article_id,
      guint                  n,
      DossierHighlightColor  color,
      const char            *text,
      const char            *tags)
{
  DossierLibrary *library = dossier_annotations_get_library (annotations);
  g_autoptr(DossierArticle) article = dossier_library_load_article (library, article_id, NULL);
  g_auto(GStrv) tag_list = g_strsplit (tags, ",", -1);
  g_autoptr(DossierAnnotation) created = NULL;
  DossierBlock *block;
  const char *body, *stop;
  guint start, end;

  block = g_ptr_array_index (dossier_article_get_blocks (article), n);
  body = dossier_block_get_text (block);
  stop = strstr (body, ". ");
  start = dossier_block_get_start (block);
  end = stop ? start + g_utf8_pointer_to_offset (body, stop + 1) : dossier_block_get_end (block);
  created = dossier_annotations_create (annotations, article, start, end, color, text,
                                        (const char * const *) tag_list, NULL);
  if (created == NULL)
    g_warning ("No note on block %u of %s", n, article_id);
}

static void
fill (DossierAnnotations *annotations)
{
  const char *owp = "owp-2021-russia-commits-military-ties-junta";
  const char *polygraph = "polygraph-2022-moscow-fuels-myanmar-war-machine";
  const char *rfa = "rfa-2023-nucc-condemns-russia";
  const char *dvb = "dvb-2022-junta-sides-with-russia-on-ukraine";

  note (annotations, owp, 1, DOSSIER_HIGHLIGHT_YELLOW, "First public pledge of military ties.",
        "russia,military");
  note (annotations, owp, 3, DOSSIER_HIGHLIGHT_BLUE, "", "visits");
  note (annotations, dvb, 2, DOSSIER_HIGHLIGHT_PINK, "Compare with the UN vote in March.",
        "ukraine");
  note (annotations, polygraph, 1, DOSSIER_HIGHLIGHT_GREEN,
        "Lavrov’s visit: check the date against the DVB piece, which puts it a day later.",
        "russia,visits,to-check");
  note (annotations, polygraph, 4, DOSSIER_HIGHLIGHT_PURPLE, "Arms sales figures — source?",
        "arms");
  note (annotations, polygraph, 6, DOSSIER_HIGHLIGHT_YELLOW, "", "");
  note (annotations, rfa, 1, DOSSIER_HIGHLIGHT_GREEN, "The NUCC’s own words.", "nucc,russia");
  note (annotations, rfa, 3, DOSSIER_HIGHLIGHT_BLUE, "Quote for the summary.", "");
}

/* Its article leaves the library: the note stays, under "Needs attention". */
static void
orphan_one (DossierAnnotations *annotations)
{
  const char *gone = "unknown-2022-junta-chief-visit-fortifies-russia-ties";
  DossierLibrary *library = dossier_annotations_get_library (annotations);

  note (annotations, gone, 1, DOSSIER_HIGHLIGHT_PINK, "Was this ever confirmed?", "to-check");
  dossier_article_store_delete (dossier_library_get_database (library), gone, NULL);
  dossier_annotations_anchor_all (annotations, NULL);
}

/* What the window's toast will say. */
static void
on_exported (DossierExportDialog *dialog,
             const char          *path)
{
  g_print ("Notes exported to %s\n", path);
}

static void
on_failed (DossierExportDialog *dialog,
           const GError        *error)
{
  g_print ("Export failed: %s\n", error->message);
}

static GtkWidget *
notes_window (DossierAnnotations *annotations,
              gboolean            yellow)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = dossier_notes_view_new ();
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Notes", NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), view);
  gtk_widget_add_css_class (box, "sidebar-demo");
  gtk_widget_set_vexpand (view, TRUE);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 1180);
  dossier_notes_view_set_annotations (DOSSIER_NOTES_VIEW (view), annotations);
  if (yellow)
    dossier_notes_view_set_color_filter (DOSSIER_NOTES_VIEW (view), DOSSIER_HIGHLIGHT_YELLOW);
  return window;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-demo-XXXXXX", NULL);
  g_autofree char *user_path = g_build_filename (dir, "user.db", NULL);
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierAnnotations) annotations = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  const char *mode = argc > 1 ? argv[1] : "";
  GtkWidget *window;

  g_set_application_name ("Dossier");
  adw_init ();
  load_app_style ();
  library = dossier_library_open (user_path, dossier_library_get_default_bundled_path (), &error);
  if (library == NULL)
    g_error ("%s", error->message);
  annotations = dossier_annotations_new (library);
  if (!g_str_equal (mode, "empty"))
    {
      fill (annotations);
      orphan_one (annotations);
    }

  window = notes_window (annotations, g_str_equal (mode, "yellow"));
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (g_main_loop_quit), loop);
  gtk_window_present (GTK_WINDOW (window));
  if (g_str_equal (mode, "dialog"))
    {
      DossierAnnotationFilter shown = DOSSIER_ANNOTATION_FILTER_INIT;
      DossierExportDialog *dialog;

      shown.color = DOSSIER_HIGHLIGHT_YELLOW;
      dialog = dossier_export_dialog_new (GTK_WINDOW (window), annotations,
                                          "polygraph-2022-moscow-fuels-myanmar-war-machine", &shown);
      g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), NULL);
      g_signal_connect (dialog, "failed", G_CALLBACK (on_failed), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_main_loop_run (loop);
  return 0;
}
