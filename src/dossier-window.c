/* dossier-window.c: the main window
 *
 * A library of articles on the left, the chosen article on the right; on a narrow screen
 * the two fold into one and a back button returns to the library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-article-row.h"
#include "dossier-article-view.h"
#include "dossier-window.h"

struct _DossierWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  GtkListView        *article_list;
  DossierArticleView *article_view;
  AdwWindowTitle     *content_title;
  AdwStatusPage      *error_page;
  AdwLeaflet         *leaflet;
  GtkStack           *library_stack;

  /* owned */
  DossierLibrary     *library;
  GtkSingleSelection *selection;
  GSettings          *settings;
};

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

static void
restore_size (DossierWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_state (DossierWindow *self)
{
  DossierArticle *article = dossier_article_view_get_article (self->article_view);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "last-article",
                         article ? dossier_article_get_id (article) : "");
  g_settings_apply (self->settings);
}

static gboolean
dossier_window_close_request (GtkWindow *window)
{
  save_state (DOSSIER_WINDOW (window));

  return GTK_WINDOW_CLASS (dossier_window_parent_class)->close_request (window);
}

static void
show_article (DossierWindow  *self,
              DossierArticle *summary)
{
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  article = dossier_library_load_article (self->library, dossier_article_get_id (summary),
                                          &error);
  if (article == NULL)
    {
      g_warning ("%s", error->message);
      adw_window_title_set_title (self->content_title, _("The article could not be read"));
      adw_window_title_set_subtitle (self->content_title, error->message);
      return;
    }

  dossier_article_view_set_article (self->article_view, article);
  adw_window_title_set_title (self->content_title, dossier_article_get_title (article));
  adw_window_title_set_subtitle (self->content_title, dossier_article_get_outlet (article));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_selection_changed (DossierWindow *self)
{
  DossierArticle *article = gtk_single_selection_get_selected_item (self->selection);

  if (article != NULL)
    show_article (self, article);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  gtk_list_item_set_child (item, dossier_article_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  DossierArticle *article = gtk_list_item_get_item (item);
  g_autofree char *byline = dossier_article_dup_byline (article);
  g_autofree char *label = g_strdup_printf ("%s, %s", dossier_article_get_title (article),
                                            byline);

  dossier_article_row_set_article (DOSSIER_ARTICLE_ROW (gtk_list_item_get_child (item)), article);
  /* The row is what a screen reader lands on; give it the whole line to read. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  dossier_article_row_set_article (DOSSIER_ARTICLE_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
show_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_list));
}

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = (DossierWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_window_parent_class)->dispose (object);
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dossier_window_dispose;
  window_class->close_request = dossier_window_close_request;

  g_type_ensure (DOSSIER_TYPE_ARTICLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, article_list);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, library_stack);

  gtk_widget_class_install_action (widget_class, "win.show-library", NULL, show_library_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.show-library", NULL);
}

static void
dossier_window_init (DossierWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  restore_size (self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->article_list, factory);
}

static void
show_library_error (DossierWindow *self,
                    const GError  *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->library_stack, "error");
}

static void
load_articles (DossierWindow *self)
{
  g_autoptr(DossierArticleList) articles = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  articles = dossier_library_list_articles (self->library, &error);
  if (articles == NULL)
    {
      show_library_error (self, error);
      return;
    }

  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&articles)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->article_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (on_selection_changed), self);

  last = g_settings_get_string (self->settings, "last-article");
  if (*last != '\0')
    dossier_window_open_article (self, last);
}

/**
 * dossier_window_new:
 * @application: (nullable): NULL only in tests
 * @library: (nullable): the library to show
 * @library_error: (nullable): why there is no library
 */
DossierWindow *
dossier_window_new (GtkApplication *application,
                    DossierLibrary *library,
                    const GError   *library_error)
{
  DossierWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (library != NULL || library_error != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_WINDOW, "application", application, NULL);
  if (library == NULL)
    {
      show_library_error (self, library_error);
      return self;
    }

  self->library = g_object_ref (library);
  load_articles (self);
  return self;
}

/* Selects and shows the article with @id; FALSE when the library has none. */
gboolean
dossier_window_open_article (DossierWindow *self,
                             const char    *id)
{
  GListModel *articles;
  guint position;

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  if (self->selection == NULL)
    return FALSE;

  articles = gtk_single_selection_get_model (self->selection);
  if (dossier_article_list_find (DOSSIER_ARTICLE_LIST (articles), id, &position) == NULL)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/* Opens the article with @id and reveals the characters [@start, @end) of its text. */
gboolean
dossier_window_open_passage (DossierWindow *self,
                             const char    *id,
                             guint          start,
                             guint          end)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  if (!dossier_window_open_article (self, id))
    return FALSE;

  dossier_article_view_reveal_range (self->article_view, start, end);
  return TRUE;
}

/* The library list as shown, for tests and the command line's --open. */
GListModel *
dossier_window_get_articles (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->selection ? G_LIST_MODEL (self->selection) : NULL;
}

DossierArticleView *
dossier_window_get_article_view (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->article_view;
}
