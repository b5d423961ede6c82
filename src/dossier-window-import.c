/* dossier-window-import.c: bring the user's own articles in, and take them out
 *
 * Import… (or files dropped on the window) runs in a worker thread with its own
 * connection, showing progress and a Cancel button; the window stays usable, and a toast
 * sums up. Files that were refused are listed with the reason, in plain words. Removing
 * an imported article asks first, and asks what to do with its notes; a bundled article
 * is hidden instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-json-document.h"
#include "dossier-window-private.h"

/* The refused files' list scrolls beyond this height, in pixels. */
#define REFUSALS_MAX_HEIGHT 360

/* "Line 3, column 5: expected a value", or the message as it is: what a refused file's
 * error says, without the file's path it starts with (its row shows the file). */
static char *
describe_refusal (const char   *path,
                  const GError *error)
{
  g_autofree char *display = g_filename_display_name (path);
  const char *rest = error->message;
  guint line, column;
  int end = 0;

  if (g_str_has_prefix (rest, display) && rest[strlen (display)] == ':')
    rest += strlen (display) + 1;
  while (*rest == ' ')
    rest++;
  if (sscanf (rest, "%u:%u:%n", &line, &column, &end) == 2 && end > 0)
    {
      rest += end;
      while (*rest == ' ')
        rest++;
      /* TRANSLATORS: where in a refused file, and what is wrong there */
      return g_strdup_printf (_("Line %u, column %u: %s"), line, column, rest);
    }
  return g_strdup (rest);
}

/* A refused file's row: its name, then why, left-aligned; the whole path in the tooltip. */
static GtkWidget *
refusal_row (const DossierImportFileResult *file)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *display = g_filename_display_name (file->path);
  g_autofree char *name = g_path_get_basename (display);
  g_autofree char *reason = describe_refusal (file->path, file->error);
  g_autofree char *title = g_markup_escape_text (name, -1);
  g_autofree char *subtitle = g_markup_escape_text (reason, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, display);
  return row;
}

/* AdwMessageDialog 1.2 sizes itself with its extra child's height for no width in
 * particular: the rows' natural height with the reasons unwrapped, which cut the second
 * row mid-sentence (QA review). Once the list has its width, it gets the height its rows
 * need there (up to REFUSALS_MAX_HEIGHT, then it scrolls), and the dialog grows to it. */
static gboolean
fit_refusals (GtkWidget     *scrolled,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  GtkWidget *list = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  int width = gtk_widget_get_width (scrolled);
  int natural;

  if (width <= 0)
    return G_SOURCE_CONTINUE;

  gtk_widget_measure (list, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                              MIN (natural, REFUSALS_MAX_HEIGHT));
  return G_SOURCE_REMOVE;
}

/* The files that were refused, one row each (QA review: a centred block of full paths
 * and messages was hard to read). */
static void
show_rejected (DossierWindow              *self,
               const DossierImportSummary *summary)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled;
  GtkWidget *dialog;
  guint n = 0;

  g_object_ref_sink (list);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < summary->files->len; i++)
    {
      const DossierImportFileResult *file = g_ptr_array_index (summary->files, i);

      if (file->error == NULL || g_error_matches (file->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        continue;
      gtk_list_box_append (GTK_LIST_BOX (list), refusal_row (file));
      n++;
    }
  if (n == 0)
    {
      g_object_unref (list);
      return;
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled),
                                              REFUSALS_MAX_HEIGHT);
  gtk_widget_add_tick_callback (scrolled, fit_refusals, NULL, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  g_object_unref (list);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Some Files Were Not Imported"),
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "Nothing of this file was imported.",
                                                "Nothing of these files was imported.", n));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, -1);
  _dossier_accessible_name_mnemonic_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  /* Close first, not the first row (mapping the dialog focused it): Return closes the
   * dialog, Tab reaches the rows. */
  gtk_widget_grab_focus (gtk_window_get_default_widget (GTK_WINDOW (dialog)));
}

/* A batch after its articles: the notes files found in it are imported one after the
 * other, by the same core call as `dossier import-notes`, then the batch is summed up. */
typedef struct
{
  DossierWindow        *window;    /* owned */
  DossierImportSummary *summary;   /* owned */
  guint                 next;      /* the file of summary->files to look at next */
  guint                 n_notes_files;
  guint                 n_notes;   /* added or updated */
  guint                 n_updated;
  guint                 n_orphans;
} Batch;

static void
batch_free (Batch *batch)
{
  g_clear_object (&batch->window);
  g_clear_pointer (&batch->summary, dossier_import_summary_free);
  g_free (batch);
}

static gboolean
is_refused (const DossierImportFileResult *file)
{
  return file->error != NULL && !g_error_matches (file->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* "3 notes imported (1 new, 2 updated), 1 under “Needs attention”" */
static void
describe_notes (const Batch *batch,
                GString     *text)
{
  guint n_new = batch->n_notes - batch->n_updated;

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u note imported",
                                             "%u notes imported", batch->n_notes),
                          batch->n_notes);
  if (batch->n_updated > 0)
    /* TRANSLATORS: after "3 notes imported": the notes that were new, and those that
     * replaced a note with the same id (the same file imported again) */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " (%u new, %u updated)",
                                               " (%u new, %u updated)", batch->n_updated),
                            n_new, batch->n_updated);
  if (batch->n_orphans > 0)
    /* TRANSLATORS: notes whose passage was not found, most often because their article
     * is not in the library; "Needs attention" is the group of the notes list they are in */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u under “Needs attention”",
                                               ", %u under “Needs attention”", batch->n_orphans),
                            batch->n_orphans);
}

/* What the toast says: the articles' counts when a file of articles was read, the notes'
 * when a notes file was; NULL when every file was refused, which the dialog says. */
static char *
describe_batch (const Batch *batch)
{
  const DossierImportSummary *summary = batch->summary;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_read = 0;

  if (summary->cancelled)
    return g_strdup (_("Import cancelled"));

  for (guint i = 0; i < summary->files->len; i++)
    if (!is_refused (g_ptr_array_index (summary->files, i)))
      n_read++;
  if (n_read > batch->n_notes_files)
    {
      g_autofree char *articles = dossier_import_summary_describe (summary);

      g_string_append (text, articles);
    }
  if (batch->n_notes_files > 0)
    {
      if (text->len > 0)
        /* TRANSLATORS: between "2 articles imported" and "3 notes imported" */
        g_string_append (text, _("; "));
      describe_notes (batch, text);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
finish_batch (Batch *batch)
{
  DossierWindow *self = batch->window;
  g_autofree char *message = describe_batch (batch);

  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_bar, FALSE);
  _dossier_window_update_actions (self);
  if (message != NULL)
    _dossier_window_toast (self, message);
  show_rejected (self, batch->summary);
  _dossier_window_reload (self);
}

static void import_next_notes (Batch *batch);

static void
on_notes_imported (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Batch *batch = user_data;
  DossierImportFileResult *file = g_ptr_array_index (batch->summary->files, batch->next);
  g_autoptr(GError) error = NULL;
  guint added = 0, updated = 0, orphans = 0;

  g_clear_error (&file->error);
  if (dossier_annotations_import_file_finish (DOSSIER_ANNOTATIONS (source), result, &added,
                                              &updated, &orphans, &error))
    {
      batch->summary->n_rejected--;
      batch->n_notes_files++;
      batch->n_notes += added + updated;
      batch->n_updated += updated;
      batch->n_orphans += orphans;
    }
  else
    {
      /* Its own reason now: where the collection is not valid, or that it was cancelled. */
      batch->summary->cancelled |= g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      file->error = g_steal_pointer (&error);
    }

  batch->next++;
  import_next_notes (batch);
}

static void
import_next_notes (Batch *batch)
{
  DossierWindow *self = batch->window;
  GPtrArray *files = batch->summary->files;

  /* The window went while the articles were read (its dispose cancelled the import and let
   * go of the annotations): nothing to import into, nor to show. */
  if (self->annotations == NULL)
    {
      batch_free (batch);
      return;
    }

  for (; batch->next < files->len && !batch->summary->cancelled; batch->next++)
    {
      DossierImportFileResult *file = g_ptr_array_index (files, batch->next);

      if (g_error_matches (file->error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NOTES))
        {
          g_autofree char *name = g_path_get_basename (file->path);

          gtk_label_set_label (self->import_label, name);
          dossier_annotations_import_file_async (self->annotations, file->path,
                                                 self->import_cancellable, on_notes_imported,
                                                 batch);
          return;
        }
    }

  finish_batch (batch);
  batch_free (batch);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(DossierImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  Batch *batch;

  summary = dossier_library_import_files_finish (DOSSIER_LIBRARY (source), result, &error);
  /* A window gone meanwhile (its dispose let go of the annotations) has nothing to show. */
  if (summary == NULL && self->annotations == NULL)
    return;
  if (summary == NULL)
    {
      g_clear_object (&self->import_cancellable);
      gtk_revealer_set_reveal_child (self->import_bar, FALSE);
      _dossier_window_update_actions (self);
      _dossier_window_toast (self, error->message);
      return;
    }

  /* The notes after the articles, so that notes on articles of the same batch find them. */
  batch = g_new0 (Batch, 1);
  batch->window = g_steal_pointer (&self);
  batch->summary = g_steal_pointer (&summary);
  import_next_notes (batch);
}

static void
on_import_progress (const char *path,
                    double      fraction,
                    gpointer    user_data)
{
  DossierWindow *self = user_data;
  g_autofree char *name = path ? g_path_get_basename (path) : NULL;

  gtk_progress_bar_set_fraction (self->import_progress, fraction);
  if (name != NULL)
    gtk_label_set_label (self->import_label, name);
}

/* Imports @paths in a worker thread; one import at a time. */
void
_dossier_window_import (DossierWindow      *self,
                        const char * const *paths)
{
  if (self->library == NULL || paths == NULL || paths[0] == NULL)
    return;

  if (self->import_cancellable != NULL)
    {
      _dossier_window_toast (self, _("An import is already running"));
      return;
    }

  self->import_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_label_set_label (self->import_label, _("Importing…"));
  gtk_revealer_set_reveal_child (self->import_bar, TRUE);
  /* The window outlives the import: it cancels it when it goes. */
  dossier_library_import_files_async (self->library, paths, on_import_progress, self,
                                      self->import_cancellable, on_import_done,
                                      g_object_ref (self));
  _dossier_window_update_actions (self);
}

static GStrv
paths_of (GListModel *files)
{
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_strv_builder_add (paths, path);
    }

  return g_strv_builder_end (paths);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     DossierWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_auto(GStrv) paths = paths_of (files);

      _dossier_window_import (self, (const char * const *) paths);
    }

  g_object_unref (chooser);
}

static GtkFileFilter *
importable_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Articles (JSON, text, Markdown)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_filter_add_suffix (filter, "markdown");
  return filter;
}

/* GtkFileChooserNative goes through the portal in a sandbox: no file access is needed. */
static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = importable_filter ();

  /* No mnemonics, nor GTK's default "_Cancel": GTK 4.8's own file chooser names its
   * buttons "_Import Import" over AT-SPI. */
  chooser = gtk_file_chooser_native_new (_("Import Articles"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("Import"), _("Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_cancellable_cancel (DOSSIER_WINDOW (widget)->import_cancellable);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DossierWindow *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_strv_builder_add (paths, path);
    }

  strv = g_strv_builder_end (paths);
  _dossier_window_import (self, (const char * const *) strv);
  return strv[0] != NULL;
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    DossierWindow    *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "article-id");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "cancel"))
    return;

  if (!dossier_library_remove_article (self->library, id, !g_str_equal (response, "delete-notes"),
                                       &error))
    {
      _dossier_window_toast (self, error->message);
      return;
    }

  while (dossier_workspace_find (self->workspace, id) != NULL)
    dossier_workspace_close_column (self->workspace, dossier_workspace_find (self->workspace, id));
  _dossier_window_reload (self);
}

/* Asks before removing: an imported article goes, with or without its notes; a bundled
 * one is only hidden (`dossier unhide` brings it back). */
static void
remove_article_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(DossierArticle) article = NULL;
  g_autofree char *body = NULL;
  gboolean bundled;
  GtkWidget *dialog;
  guint position;

  if (!dossier_article_pages_find (self->articles, id, &position))
    return;

  article = g_list_model_get_item (G_LIST_MODEL (self->articles), position);

  bundled = dossier_article_get_origin (article) == DOSSIER_ORIGIN_BUNDLED;
  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   bundled ? _("Hide This Article?") : _("Remove This Article?"),
                                   NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (bundled)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "keep-notes", _("_Hide"));
  else
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "keep-notes",
                                       _("Remove, _Keep Notes"));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "delete-notes",
                                       _("Remove with _Notes"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete-notes",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  /* The title first: the body given to the dialog was replaced, and the question did not
   * say which article it was about. */
  body = g_strdup_printf ("“%s”\n\n%s", dossier_article_get_title (article),
                          bundled ? _("A bundled article is hidden from the library, not "
                                      "deleted; your notes on it are kept.")
                                  : _("Notes you keep stay under “Needs attention” in "
                                      "the notes, with their quotes."));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  g_object_set_data_full (G_OBJECT (dialog), "article-id", g_strdup (id), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_remove_response), self);
  _dossier_accessible_name_mnemonic_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_dossier_window_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.remove-article", "s", remove_article_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import",
                                       NULL);
}

void
_dossier_window_init_import (DossierWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
