/* dossier-application.c: the application: one library, one window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-application"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-application.h"
#include "dossier-link.h"
#include "dossier-preferences.h"
#include "dossier-window.h"

struct _DossierApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  DossierLibrary *library;
  GError         *library_error;
  char           *pending_open;   /* --open ID, for the first window */
  char           *library_notice; /* moved aside, or read-only: tell the user */
};

G_DEFINE_FINAL_TYPE (DossierApplication, dossier_application, ADW_TYPE_APPLICATION)

/* What opening the library in a thread of its own gives back. */
typedef struct
{
  DossierLibrary *library;
  char           *notice;
  GError         *error;
} LibraryOpening;

/* Said once, over the first window, in plain words with the paths: a damaged library was
 * moved aside, or the library can only be read. */
static void
tell_library_notice (DossierApplication *self,
                     GtkWindow          *window)
{
  g_autofree char *notice = g_steal_pointer (&self->library_notice);
  gboolean read_only = self->library != NULL && dossier_library_is_read_only (self->library);
  GtkWidget *dialog;

  if (notice == NULL)
    return;

  dialog = adw_message_dialog_new (window,
                                   read_only ? _("Changes Can’t Be Saved")
                                             : _("Your Library Was Damaged"),
                                   notice);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  _dossier_accessible_name_mnemonic_buttons (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static DossierWindow *
ensure_window (DossierApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (dossier_window_new (GTK_APPLICATION (self), self->library,
                                             self->library_error));

  gtk_window_present (window);
  tell_library_notice (self, window);
  return DOSSIER_WINDOW (window);
}

static void
dossier_application_activate (GApplication *application)
{
  DossierApplication *self = DOSSIER_APPLICATION (application);
  DossierWindow *window = ensure_window (self);
  g_autofree char *id = g_steal_pointer (&self->pending_open);

  if (id != NULL && !dossier_window_open_article (window, id))
    g_warning ("No article with id “%s”", id);
}

/* dossier://article/ID?start=N&end=M, from exported notes or the desktop. */
static void
dossier_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  DossierApplication *self = DOSSIER_APPLICATION (application);
  DossierWindow *window = ensure_window (self);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);
      g_autofree char *id = NULL;
      guint start, end;

      if (!dossier_link_parse (uri, &id, &start, &end))
        g_warning ("Not a Dossier link: %s", uri);
      else if (!dossier_window_open_passage (window, id, start, end))
        g_warning ("No article with id “%s”", id);
    }
}

static void
open_article_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  DossierApplication *self = DOSSIER_APPLICATION (user_data);
  const char *id = g_variant_get_string (parameter, NULL);

  if (!dossier_window_open_article (ensure_window (self), id))
    g_warning ("No article with id “%s”", id);
}

/* --open ID: a running Dossier opens the article; a first one opens with it. */
static int
dossier_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  DossierApplication *self = DOSSIER_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  const char *id = NULL;

  if (!g_variant_dict_lookup (options, "open", "&s", &id))
    return -1;

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("dossier: %s\n", error->message);
      return 1;
    }

  if (g_application_get_is_remote (application))
    {
      g_action_group_activate_action (G_ACTION_GROUP (application), "open-article",
                                      g_variant_new_string (id));
      return 0;
    }

  self->pending_open = g_strdup (id);
  return -1;
}

/* "Title — Outlet (date)" for each article of the bundled dossier, so the About window
 * credits the sources the app ships. */
static GStrv
dup_sources (DossierApplication *self)
{
  g_autoptr(DossierArticleList) articles = NULL;
  g_autoptr(GStrvBuilder) sources = g_strv_builder_new ();

  if (self->library != NULL)
    articles = dossier_library_list_articles (self->library, NULL);

  for (guint i = 0; articles && i < g_list_model_get_n_items (G_LIST_MODEL (articles)); i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (G_LIST_MODEL (articles), i);
      g_autofree char *byline = NULL;
      g_autofree char *source = NULL;

      if (dossier_article_get_origin (article) != DOSSIER_ORIGIN_BUNDLED)
        continue;
      byline = dossier_article_dup_byline (article);
      source = g_strdup_printf ("%s — %s", dossier_article_get_title (article), byline);
      g_strv_builder_add (sources, source);
    }

  return g_strv_builder_end (sources);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  DossierApplication *self = DOSSIER_APPLICATION (user_data);
  static const char *developers[] = { "The Dossier developers", NULL };
  g_auto(GStrv) sources = dup_sources (self);
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                "application-name", _("Dossier"),
                "application-icon", APP_ID,
                "developer-name", _("The Dossier developers"),
                "version", PACKAGE_VERSION,
                "comments", _("Read, compare and annotate a dossier of news articles, offline. "
                              "The bundled dossier gathers five articles on Russia’s support "
                              "to Myanmar’s military junta, 2021–2023; their text belongs to "
                              "their outlets and is quoted for research."),
                "developers", developers,
                "license-type", GTK_LICENSE_GPL_3_0,
                NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Sources of the bundled dossier"),
                                       (const char **) sources);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (application);

  /* Closing through the window saves its state on the way out. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GtkWidget *preferences =
    dossier_preferences_new (gtk_application_get_active_window (application));

  gtk_window_present (GTK_WINDOW (preferences));
}

/* The style the user chose in the preferences, over the system's. */
static void
apply_color_scheme (DossierApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
  { "open-article", open_article_action, "s" },
};

/* The window binds these keys itself; naming them here shows them in the menu. */
static void
set_window_accels (GtkApplication *application)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "win.show-timeline", { "F9", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.zoom-reset", { "<Control>0", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
}

static gpointer
open_library (gpointer data)
{
  LibraryOpening *opening = data;

  opening->library = dossier_library_open_default_or_recover (&opening->notice,
                                                              &opening->error);
  return NULL;
}

static void
dossier_application_startup (GApplication *application)
{
  DossierApplication *self = DOSSIER_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  LibraryOpening opening = { NULL, NULL, NULL };
  GThread *opener;

  /* Opening the library needs no display: SQLite, and on a first start the copy of the
   * bundled dossier. So it runs on another core while GTK opens the display and parses
   * its style sheets, which the first frame waits for anyway. */
  opener = g_thread_new ("dossier-open", open_library, &opening);
  G_APPLICATION_CLASS (dossier_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  set_window_accels (GTK_APPLICATION (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed::color-scheme",
                            G_CALLBACK (apply_color_scheme), self);
  apply_color_scheme (self);

  gtk_window_set_default_icon_name (APP_ID);
  g_thread_join (opener);
  self->library = opening.library;
  self->library_notice = opening.notice;
  self->library_error = opening.error;
  if (self->library == NULL)
    g_warning ("%s", self->library_error->message);
}

static void
dossier_application_finalize (GObject *object)
{
  DossierApplication *self = (DossierApplication *) object;

  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_error (&self->library_error);
  g_clear_pointer (&self->pending_open, g_free);
  g_clear_pointer (&self->library_notice, g_free);

  G_OBJECT_CLASS (dossier_application_parent_class)->finalize (object);
}

static void
dossier_application_class_init (DossierApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = dossier_application_finalize;
  app_class->activate = dossier_application_activate;
  app_class->open = dossier_application_open;
  app_class->handle_local_options = dossier_application_handle_local_options;
  app_class->startup = dossier_application_startup;
}

static const GOptionEntry options[] = {
  { "open", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open the article with this id"), N_("ID") },
  { NULL }
};

static void
dossier_application_init (DossierApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

DossierApplication *
dossier_application_new (void)
{
  return g_object_new (DOSSIER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/dossierapp/Dossier",
                       NULL);
}

DossierLibrary *
dossier_application_get_library (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);

  return self->library;
}
