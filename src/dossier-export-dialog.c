/* dossier-export-dialog.c: choose a format and which notes, then where to write them
 *
 * The file is chosen with a GtkFileChooserNative, so that under Flatpak it goes through
 * the portal and we may write where the user said. The core writes it atomically off
 * the main thread; the window learns the outcome from the "exported" and "failed"
 * signals and tells the user with a toast, since this dialog is gone by then.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-export-dialog.h"

struct _DossierExportDialog
{
  AdwWindow                parent_instance;

  /* template widgets */
  GtkCheckButton          *all_check;
  AdwActionRow            *all_row;
  GtkCheckButton          *article_check;
  AdwActionRow            *article_row;
  GtkWidget               *content_box;
  GtkCheckButton          *csv_check;
  GtkWidget               *export_button;
  GtkCheckButton          *html_check;
  GtkCheckButton          *json_check;
  GtkCheckButton          *markdown_check;
  GtkCheckButton          *shown_check;
  AdwActionRow            *shown_row;

  /* owned */
  DossierAnnotations      *annotations;
  char                    *article_id;
  DossierAnnotationFilter  shown;        /* strings owned */
  gboolean                 has_shown;
  GtkNativeDialog         *chooser;
  GSettings               *settings;
  GCancellable            *cancellable;
  char                    *path;         /* being written */
  guint                    n_notes[DOSSIER_EXPORT_SCOPE_SHOWN + 1];
};

G_DEFINE_FINAL_TYPE (DossierExportDialog, dossier_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkCheckButton *
format_check (DossierExportDialog *self,
              DossierExportFormat  format)
{
  switch (format)
    {
    case DOSSIER_EXPORT_HTML: return self->html_check;
    case DOSSIER_EXPORT_JSON: return self->json_check;
    case DOSSIER_EXPORT_CSV:  return self->csv_check;
    case DOSSIER_EXPORT_MARKDOWN:
    default:                  return self->markdown_check;
    }
}

static GtkCheckButton *
scope_check (DossierExportDialog *self,
             DossierExportScope   scope)
{
  switch (scope)
    {
    case DOSSIER_EXPORT_SCOPE_ARTICLE: return self->article_check;
    case DOSSIER_EXPORT_SCOPE_SHOWN:   return self->shown_check;
    case DOSSIER_EXPORT_SCOPE_ALL:
    default:                           return self->all_check;
    }
}

/* The filter of a scope; its strings are borrowed from @self. */
static DossierAnnotationFilter
scope_filter (DossierExportDialog *self,
              DossierExportScope   scope)
{
  DossierAnnotationFilter filter = DOSSIER_ANNOTATION_FILTER_INIT;

  if (scope == DOSSIER_EXPORT_SCOPE_ARTICLE)
    filter.article_id = self->article_id;
  else if (scope == DOSSIER_EXPORT_SCOPE_SHOWN)
    filter = self->shown;
  return filter;
}

static GListModel *
list_scope (DossierExportDialog  *self,
            DossierExportScope    scope,
            GError              **error)
{
  DossierAnnotationFilter filter = scope_filter (self, scope);

  return dossier_annotations_list (self->annotations, &filter, error);
}

/* "12 notes" under each scope, so nobody exports an empty file by surprise. */
static void
show_count (DossierExportDialog *self,
            AdwActionRow        *row,
            DossierExportScope   scope,
            const char          *what)
{
  g_autoptr(GListModel) list = list_scope (self, scope, NULL);
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note",
                                                         "%u notes", n), n);
  g_autofree char *subtitle = NULL;

  subtitle = what != NULL ? g_strdup_printf ("%s · %s", what, count) : g_steal_pointer (&count);
  adw_action_row_set_subtitle (row, subtitle);
  self->n_notes[scope] = n;
}

static void
show_scopes (DossierExportDialog *self)
{
  g_autoptr(DossierArticle) article = NULL;
  DossierLibrary *library = dossier_annotations_get_library (self->annotations);

  show_count (self, self->all_row, DOSSIER_EXPORT_SCOPE_ALL, NULL);
  if (self->article_id != NULL)
    {
      article = dossier_library_load_article (library, self->article_id, NULL);
      show_count (self, self->article_row, DOSSIER_EXPORT_SCOPE_ARTICLE,
                  article != NULL ? dossier_article_get_title (article) : NULL);
    }
  if (self->has_shown)
    show_count (self, self->shown_row, DOSSIER_EXPORT_SCOPE_SHOWN, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->article_row), self->article_id != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->shown_row), self->has_shown);
}

/* An empty file helps nobody: "Export…" waits for a scope with notes in it. */
static void
update_export_button (DossierExportDialog *self)
{
  gboolean any = self->n_notes[dossier_export_dialog_get_scope (self)] > 0;

  gtk_widget_set_sensitive (self->export_button, any && self->path == NULL);
}

static void
set_busy (DossierExportDialog *self,
          gboolean             busy)
{
  gtk_widget_set_sensitive (self->content_box, !busy);
  update_export_button (self);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DossierExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_steal_pointer (&self->path);

  if (!dossier_export_write_file_finish (result, &error))
    {
      /* Cancelled means the dialog was closed: nobody is waiting for news. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, error);
    }
  else
    g_signal_emit (self, signals[EXPORTED], 0, path);

  set_busy (self, FALSE);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * dossier_export_dialog_export_to:
 * @path: the file to write (replaced atomically if it exists)
 *
 * Writes the chosen notes in the chosen format, as "Export…" does once a file is
 * chosen; then emits #DossierExportDialog::exported or ::failed and closes.
 */
void
dossier_export_dialog_export_to (DossierExportDialog *self,
                                 const char          *path)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->path == NULL);

  list = list_scope (self, dossier_export_dialog_get_scope (self), &error);
  if (list == NULL)
    {
      g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  /* Offered first next time: most people export to one format, again and again. */
  g_settings_set_string (self->settings, "export-format",
                         dossier_export_format_to_string (dossier_export_dialog_get_format (self)));
  self->path = g_strdup (path);
  set_busy (self, TRUE);
  dossier_export_write_file_async (dossier_annotations_get_library (self->annotations), list,
                                   dossier_export_dialog_get_format (self), NULL, path,
                                   self->cancellable, on_written, g_object_ref (self));
}

static void
on_chooser_response (GtkNativeDialog     *chooser,
                     int                  response,
                     DossierExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path != NULL)
    {
      dossier_export_dialog_export_to (self, path);
      return;
    }
  g_set_error (&error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE,
               _("Notes can only be exported to a folder on this computer"));
  g_signal_emit (self, signals[FAILED], 0, error);
}

static const char *
format_label (DossierExportFormat format)
{
  switch (format)
    {
    case DOSSIER_EXPORT_HTML: return _("HTML page");
    case DOSSIER_EXPORT_JSON: return _("Web Annotation JSON");
    case DOSSIER_EXPORT_CSV:  return _("CSV table");
    case DOSSIER_EXPORT_MARKDOWN:
    default:                  return _("Markdown text");
    }
}

static GtkFileFilter *
make_file_filter (DossierExportFormat format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, format_label (format));
  gtk_file_filter_add_mime_type (filter, dossier_export_format_get_mime_type (format));
  gtk_file_filter_add_suffix (filter, dossier_export_format_get_extension (format));
  return filter;
}

static void
on_export_clicked (DossierExportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = make_file_filter (dossier_export_dialog_get_format (self));
  g_autofree char *name = dossier_export_dialog_dup_suggested_name (self);
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL || self->path != NULL)
    return;

  /* No mnemonics: GTK 4.8's own file chooser names its buttons "_Export Export". */
  chooser = gtk_file_chooser_native_new (_("Export Notes"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("Export"), _("Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
dossier_export_dialog_dispose (GObject *object)
{
  DossierExportDialog *self = (DossierExportDialog *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
    }
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->annotations);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_export_dialog_parent_class)->dispose (object);
}

static void
dossier_export_dialog_finalize (GObject *object)
{
  DossierExportDialog *self = (DossierExportDialog *) object;

  g_free (self->article_id);
  g_free (self->path);
  g_free ((char *) self->shown.article_id);
  g_free ((char *) self->shown.tag);
  g_free ((char *) self->shown.text);

  G_OBJECT_CLASS (dossier_export_dialog_parent_class)->finalize (object);
}

static void
install_signals (GObjectClass *object_class)
{
  /**
   * DossierExportDialog::exported:
   * @path: the file written
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (object_class),
                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * DossierExportDialog::failed:
   * @error: what went wrong, in words for the user
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (object_class),
                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
dossier_export_dialog_class_init (DossierExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_export_dialog_dispose;
  object_class->finalize = dossier_export_dialog_finalize;
  install_signals (object_class);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, all_check);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, all_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, article_check);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, article_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, csv_check);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, html_check);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, json_check);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, markdown_check);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, shown_check);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, shown_row);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_export_dialog_init (DossierExportDialog *self)
{
  g_autofree char *format_name = NULL;
  DossierExportFormat format = DOSSIER_EXPORT_MARKDOWN;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  format_name = g_settings_get_string (self->settings, "export-format");
  if (dossier_export_format_from_string (format_name, &format))
    dossier_export_dialog_set_format (self, format);
  self->shown = (DossierAnnotationFilter) DOSSIER_ANNOTATION_FILTER_INIT;
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (on_export_clicked), self);
  g_signal_connect_swapped (self->all_check, "toggled", G_CALLBACK (update_export_button), self);
  g_signal_connect_swapped (self->article_check, "toggled", G_CALLBACK (update_export_button),
                            self);
  g_signal_connect_swapped (self->shown_check, "toggled", G_CALLBACK (update_export_button), self);
}

/**
 * dossier_export_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @article_id: (nullable): the current article, offered as a scope
 * @shown: (nullable): what the notes view shows, offered as a scope; copied
 */
DossierExportDialog *
dossier_export_dialog_new (GtkWindow                     *parent,
                           DossierAnnotations            *annotations,
                           const char                    *article_id,
                           const DossierAnnotationFilter *shown)
{
  DossierExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS (annotations), NULL);

  self = g_object_new (DOSSIER_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->annotations = g_object_ref (annotations);
  self->article_id = g_strdup (article_id);
  if (shown != NULL)
    {
      self->has_shown = TRUE;
      self->shown = *shown;
      self->shown.article_id = g_strdup (shown->article_id);
      self->shown.tag = g_strdup (shown->tag);
      self->shown.text = g_strdup (shown->text);
    }
  show_scopes (self);
  update_export_button (self);
  /* Enter exports, as the default button says; the window would focus Cancel, the first
   * button, otherwise (QA review). */
  if (gtk_widget_get_sensitive (self->export_button))
    gtk_window_set_focus (GTK_WINDOW (self), self->export_button);
  return self;
}

DossierExportFormat
dossier_export_dialog_get_format (DossierExportDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), DOSSIER_EXPORT_MARKDOWN);

  for (DossierExportFormat format = DOSSIER_EXPORT_MARKDOWN; format <= DOSSIER_EXPORT_CSV; format++)
    if (gtk_check_button_get_active (format_check (self, format)))
      return format;
  return DOSSIER_EXPORT_MARKDOWN;
}

void
dossier_export_dialog_set_format (DossierExportDialog *self,
                                  DossierExportFormat  format)
{
  g_return_if_fail (DOSSIER_IS_EXPORT_DIALOG (self));

  gtk_check_button_set_active (format_check (self, format), TRUE);
}

DossierExportScope
dossier_export_dialog_get_scope (DossierExportDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), DOSSIER_EXPORT_SCOPE_ALL);

  if (gtk_check_button_get_active (self->article_check) && self->article_id != NULL)
    return DOSSIER_EXPORT_SCOPE_ARTICLE;
  if (gtk_check_button_get_active (self->shown_check) && self->has_shown)
    return DOSSIER_EXPORT_SCOPE_SHOWN;
  return DOSSIER_EXPORT_SCOPE_ALL;
}

/* Returns: FALSE when the dialog was given no article or filter for @scope. */
gboolean
dossier_export_dialog_set_scope (DossierExportDialog *self,
                                 DossierExportScope   scope)
{
  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), FALSE);

  if ((scope == DOSSIER_EXPORT_SCOPE_ARTICLE && self->article_id == NULL)
      || (scope == DOSSIER_EXPORT_SCOPE_SHOWN && !self->has_shown))
    return FALSE;
  gtk_check_button_set_active (scope_check (self, scope), TRUE);
  return TRUE;
}

/* "dossier-notes.md", or the article's notes when only they are exported. */
char *
dossier_export_dialog_dup_suggested_name (DossierExportDialog *self)
{
  const char *extension;

  g_return_val_if_fail (DOSSIER_IS_EXPORT_DIALOG (self), NULL);

  extension = dossier_export_format_get_extension (dossier_export_dialog_get_format (self));
  if (dossier_export_dialog_get_scope (self) == DOSSIER_EXPORT_SCOPE_ARTICLE)
    return g_strdup_printf ("%s-notes.%s", self->article_id, extension);
  return g_strdup_printf ("dossier-notes.%s", extension);
}
