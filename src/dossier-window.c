/* dossier-window.c: the main window
 *
 * The sidebar (library and entities) on the left; on the right the reading area of one to
 * four columns, a bar for the chosen entity, and the timeline pane below. On a narrow
 * screen sidebar and reading area fold into one, with a back button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-entity-details.h"
#include "dossier-mention-store.h"
#include "dossier-window-private.h"

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
save_columns (DossierWindow *self)
{
  guint n = dossier_workspace_get_n_columns (self->workspace);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  GVariantBuilder positions;
  int focused = 0;

  g_variant_builder_init (&positions, G_VARIANT_TYPE ("au"));
  for (guint i = 0; i < n; i++)
    {
      DossierColumn *column = dossier_workspace_get_column (self->workspace, i);
      DossierArticle *article = dossier_column_get_article (column);

      if (article == NULL)
        continue;
      if (column == dossier_workspace_get_focused (self->workspace))
        focused = i;
      g_strv_builder_add (ids, dossier_article_get_id (article));
      g_variant_builder_add (&positions, "u", dossier_article_view_get_top_offset (
                               dossier_column_get_article_view (column)));
    }

  strv = g_strv_builder_end (ids);
  g_settings_set_strv (self->settings, "open-columns", (const char * const *) strv);
  g_settings_set_value (self->settings, "column-positions", g_variant_builder_end (&positions));
  g_settings_set_int (self->settings, "focused-column", focused);
}

static void
save_state (DossierWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (self->library != NULL)
    {
      save_columns (self);
      g_settings_set_string (self->settings, "sidebar-view",
                             dossier_sidebar_get_view (self->sidebar));
      g_settings_set_string (self->settings, "chosen-entity",
                             self->chosen ? dossier_entity_get_name (self->chosen) : "");
    }
  g_settings_set_boolean (self->settings, "timeline-visible",
                          gtk_widget_get_visible (GTK_WIDGET (self->timeline_pane)));
  g_settings_set_int (self->settings, "timeline-position",
                      gtk_paned_get_position (self->timeline_paned));
  g_settings_set_double (self->settings, "font-scale", self->font_scale);
  g_settings_apply (self->settings);
}

static gboolean
dossier_window_close_request (GtkWindow *window)
{
  save_state (DOSSIER_WINDOW (window));

  return GTK_WINDOW_CLASS (dossier_window_parent_class)->close_request (window);
}

static void
update_title (DossierWindow *self)
{
  DossierColumn *column = dossier_workspace_get_focused (self->workspace);
  DossierArticle *article = column ? dossier_column_get_article (column) : NULL;

  adw_window_title_set_title (self->content_title,
                              article ? dossier_article_get_title (article) : "");
  adw_window_title_set_subtitle (self->content_title,
                                 article ? dossier_article_get_outlet (article) : NULL);
  dossier_sidebar_select_article (self->sidebar, article ? dossier_article_get_id (article) : NULL);
}

void
_dossier_window_toast (DossierWindow *self,
                       const char    *message)
{
  _dossier_accessible_add_toast (self->toast_overlay, adw_toast_new (message));
}

static DossierColumn *
column_for (DossierWindow *self,
            gboolean       beside)
{
  DossierColumn *column = dossier_workspace_get_focused (self->workspace);

  if (column != NULL && !beside)
    return column;

  column = dossier_workspace_add_column (self->workspace);
  if (column == NULL)
    _dossier_window_toast (self, _("At most four articles fit side by side: close a column "
                                   "first (Ctrl+W)"));
  return column;
}

/* Opens @id in the focused column, or in a new one @beside it; an article that is
 * already open has its column focused instead. */
gboolean
_dossier_window_open (DossierWindow *self,
                      const char    *id,
                      gboolean       beside)
{
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GError) error = NULL;
  DossierColumn *column;

  if (self->library == NULL)
    return FALSE;

  if ((column = dossier_workspace_find (self->workspace, id)) != NULL)
    {
      dossier_workspace_focus_column (self->workspace, column);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      return TRUE;
    }

  article = dossier_library_load_article (self->library, id, &error);
  if (article == NULL)
    {
      _dossier_window_toast (self, error->message);
      return FALSE;
    }

  if ((column = column_for (self, beside)) == NULL)
    return FALSE;

  mentions = dossier_library_list_mentions (self->library, id, NULL);
  dossier_column_set_session (column, self->annotations);
  dossier_column_set_article (column, article, mentions);
  dossier_article_view_set_reading_width (dossier_column_get_article_view (column),
                                          g_settings_get_int (self->settings, "reading-width"));
  dossier_column_set_entity (column, self->chosen);
  update_title (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return TRUE;
}

static DossierEntity *
find_entity (DossierWindow *self,
             const char    *name)
{
  for (guint i = 0; self->entities != NULL && i < self->entities->len; i++)
    {
      DossierEntity *entity = g_ptr_array_index (self->entities, i);

      if (g_strcmp0 (dossier_entity_get_name (entity), name) == 0)
        return entity;
    }

  return NULL;
}

static void
show_entity_bar (DossierWindow *self)
{
  DossierEntity *entity = self->chosen;
  g_autofree char *counts = NULL;
  GtkWidget *details;

  gtk_revealer_set_reveal_child (self->entity_bar, entity != NULL);
  if (entity == NULL)
    return;

  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions",
                                         dossier_entity_get_n_mentions (entity)),
                            dossier_entity_get_n_mentions (entity));
  gtk_label_set_label (self->entity_kind_label,
                       dossier_entity_kind_get_label (dossier_entity_get_kind (entity)));
  gtk_label_set_label (self->entity_name_label, dossier_entity_get_name (entity));
  gtk_label_set_label (self->entity_count_label, counts);

  details = dossier_entity_details_new (self->library, entity);
  gtk_popover_set_child (self->entity_details_popover, details);
}

/* The chosen entity's articles, counted in a worker (62 ms at 100,000 articles), reach the
 * library's rows: each shows how often it names the entity. */
static void
on_entity_articles_counted (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) articles =
    dossier_library_articles_mentioning_finish (DOSSIER_LIBRARY (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->counting);
  if (articles == NULL)
    {
      g_warning ("Could not count the chosen entity's articles: %s", error->message);
      return;
    }

  dossier_sidebar_set_chosen_entity (self->sidebar, self->chosen, articles);
}

/* Chooses the entity called @name, or clears the choice when @name is NULL, empty, or
 * already chosen: its mentions are marked in every column, the library marks the
 * articles that mention it once they are counted. */
void
_dossier_window_choose_entity (DossierWindow *self,
                               const char    *name)
{
  DossierEntity *entity = name && *name ? find_entity (self, name) : NULL;

  if (entity != NULL && entity == self->chosen)
    entity = NULL;

  g_set_object (&self->chosen, entity);
  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  if (entity != NULL)
    {
      self->counting = g_cancellable_new ();
      dossier_library_articles_mentioning_async (self->library, dossier_entity_get_name (entity),
                                                 self->counting, on_entity_articles_counted,
                                                 g_object_ref (self));
    }

  for (guint i = 0; i < dossier_workspace_get_n_columns (self->workspace); i++)
    dossier_column_set_entity (dossier_workspace_get_column (self->workspace, i), entity);
  dossier_sidebar_set_chosen_entity (self->sidebar, entity, NULL);
  dossier_timeline_pane_set_entity (self->timeline_pane,
                                    entity ? dossier_entity_get_name (entity) : NULL);
  show_entity_bar (self);
  _dossier_window_update_actions (self);
}

/* The reading font (preferences) at the reading size (Ctrl+plus/minus), as CSS. */
static void
update_font_css (DossierWindow *self)
{
  g_autofree char *font = g_settings_get_string (self->settings, "reading-font");
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  g_autofree char *family = NULL;
  g_autofree char *css = NULL;
  char size[G_ASCII_DTOSTR_BUF_SIZE];
  double base = 12.5;

  if (*font && pango_font_description_get_size (description) > 0)
    base = pango_font_description_get_size (description) / (double) PANGO_SCALE;
  if (*font && pango_font_description_get_family (description) != NULL)
    family = g_strdup_printf ("font-family: \"%s\";", pango_font_description_get_family (description));

  /* The locale must not turn 13.5 into "13,5" in CSS. */
  g_ascii_formatd (size, sizeof size, "%.2f", base * self->font_scale);
  css = g_strdup_printf ("textview.reading { font-size: %spt; %s }", size, family ? family : "");
  gtk_css_provider_load_from_data (self->zoom_css, css, -1);
}

void
_dossier_window_set_font_scale (DossierWindow *self,
                                double         scale)
{
  self->font_scale = CLAMP (scale, 0.6, 2.5);
  update_font_css (self);
  _dossier_window_update_actions (self);
}

static void
apply_reading_width (DossierWindow *self)
{
  int width = g_settings_get_int (self->settings, "reading-width");

  for (guint i = 0; i < dossier_workspace_get_n_columns (self->workspace); i++)
    dossier_article_view_set_reading_width (
      dossier_column_get_article_view (dossier_workspace_get_column (self->workspace, i)), width);
}

/* Until the user moves it, the divider leaves the timeline two fifths of the paned's real
 * size, once that is known (the window's saved size is not it: a first start in a large
 * window gave the timeline half of it), or only its minimum in a small window, where
 * the articles need the room more (QA: at 800 × 600 they got 230 pixels). */
#define SMALL_TIMELINE 240   /* pixels: less than this is better given to the articles */

static void
place_divider_first (DossierWindow *self)
{
  GtkWidget *paned = GTK_WIDGET (self->timeline_paned);
  gboolean across = gtk_orientable_get_orientation (GTK_ORIENTABLE (paned))
                    == GTK_ORIENTATION_HORIZONTAL;
  int size = across ? gtk_widget_get_width (paned) : gtk_widget_get_height (paned);
  int max = 0;

  g_object_get (paned, "max-position", &max, NULL);
  if (size <= 0 || max <= 0 || max == G_MAXINT)
    return;
  g_signal_handlers_disconnect_by_func (paned, place_divider_first, self);
  gtk_paned_set_position (self->timeline_paned,
                          size * 2 / 5 < SMALL_TIMELINE ? max : MIN (size * 3 / 5, max));
}

/* Places the divider at the paned's next allocation (once: the handler goes then). */
static void
place_divider_when_sized (DossierWindow *self)
{
  g_signal_handlers_disconnect_by_func (self->timeline_paned, place_divider_first, self);
  g_signal_connect_swapped (self->timeline_paned, "notify::max-position",
                            G_CALLBACK (place_divider_first), self);
}

static void
apply_timeline_placement (DossierWindow *self)
{
  g_autofree char *placement = g_settings_get_string (self->settings, "timeline-placement");
  gboolean right = g_str_equal (placement, "right");

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->timeline_paned),
                                  right ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_size_request (GTK_WIDGET (self->timeline_pane), right ? 360 : -1, right ? -1 : 200);
}

/* The divider's position is in pixels along the paned: one from the other placement
 * means nothing, so the timeline gets its first share again. */
static void
on_timeline_placement_changed (DossierWindow *self)
{
  apply_timeline_placement (self);
  place_divider_when_sized (self);
}

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = (DossierWindow *) object;

  if (self->zoom_css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->zoom_css));
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  g_clear_object (&self->zoom_css);
  g_clear_object (&self->chosen);
  g_clear_pointer (&self->entities, g_ptr_array_unref);
  g_clear_object (&self->articles);
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_clear_object (&self->annotations);
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

  g_type_ensure (DOSSIER_TYPE_SIDEBAR);
  g_type_ensure (DOSSIER_TYPE_TIMELINE_PANE);
  g_type_ensure (DOSSIER_TYPE_WORKSPACE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, entity_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, entity_count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, entity_details_popover);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, entity_kind_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, entity_name_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, library_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, timeline_pane);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, timeline_paned);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, workspace);

  _dossier_window_class_init_actions (widget_class);
  _dossier_window_class_init_import (widget_class);
}

static void
dossier_window_init (DossierWindow *self)
{
  g_autoptr(GPropertyAction) show_timeline = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  restore_size (self);

  self->zoom_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->zoom_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  _dossier_window_set_font_scale (self, g_settings_get_double (self->settings, "font-scale"));

  gtk_widget_set_visible (GTK_WIDGET (self->timeline_pane),
                          g_settings_get_boolean (self->settings, "timeline-visible"));
  /* The menu item and the header's toggle show whether the timeline is shown: an action
   * with the pane's visibility as its state, which F9 and they toggle. */
  show_timeline = g_property_action_new ("show-timeline", self->timeline_pane, "visible");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_timeline));
  if (g_settings_get_int (self->settings, "timeline-position") > 0)
    gtk_paned_set_position (self->timeline_paned,
                            g_settings_get_int (self->settings, "timeline-position"));
  else
    place_divider_when_sized (self);

  g_signal_connect_swapped (self->settings, "changed::reading-font",
                            G_CALLBACK (update_font_css), self);
  g_signal_connect_swapped (self->settings, "changed::reading-width",
                            G_CALLBACK (apply_reading_width), self);
  g_signal_connect_swapped (self->settings, "changed::timeline-placement",
                            G_CALLBACK (on_timeline_placement_changed), self);
  apply_timeline_placement (self);
  _dossier_window_init_actions (self);
  _dossier_window_init_import (self);
  _dossier_window_init_marks (self);
  g_signal_connect_swapped (self->workspace, "notify::focused", G_CALLBACK (update_title), self);
  g_signal_connect_swapped (self->workspace, "notify::n-columns",
                            G_CALLBACK (_dossier_window_update_actions), self);
  _dossier_window_update_actions (self);
}

static void
show_library_error (DossierWindow *self,
                    const GError  *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->library_stack, "error");
}

static void
restore_columns (DossierWindow *self)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, "open-columns");
  g_autoptr(GVariant) saved = g_settings_get_value (self->settings, "column-positions");
  int focused = g_settings_get_int (self->settings, "focused-column");
  gsize n_positions;
  const guint32 *positions = g_variant_get_fixed_array (saved, &n_positions, sizeof (guint32));
  DossierColumn *column;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      /* An article gone since (hidden, removed) is skipped, not an error. */
      if (!_dossier_window_open (self, ids[i], TRUE))
        continue;
      column = dossier_workspace_get_focused (self->workspace);
      if (i < n_positions)
        dossier_article_view_scroll_to_offset (dossier_column_get_article_view (column),
                                               positions[i]);
    }

  column = dossier_workspace_get_column (self->workspace, MAX (focused, 0));
  if (column != NULL)
    dossier_workspace_focus_column (self->workspace, column);
}

static void
update_note_counts (DossierWindow *self)
{
  g_autoptr(GHashTable) counts = dossier_annotations_count_by_article (self->annotations, NULL);

  dossier_sidebar_set_note_counts (self->sidebar, counts);
}

static void
restore_state (DossierWindow *self)
{
  g_autofree char *view = g_settings_get_string (self->settings, "sidebar-view");
  g_autofree char *entity = g_settings_get_string (self->settings, "chosen-entity");

  self->restored = TRUE;
  dossier_sidebar_set_view (self->sidebar, view);
  if (*entity != '\0')
    _dossier_window_choose_entity (self, entity);
  /* Articles opened while the lists were read (--open, a link) are not pushed aside. */
  if (dossier_workspace_get_n_columns (self->workspace) == 0)
    restore_columns (self);
}

/* One list read: when the last is in, the last session's state can be restored. */
static void
list_read (DossierWindow *self)
{
  if (--self->n_reading > 0)
    return;

  g_clear_object (&self->reading);
  if (!self->restored)
    restore_state (self);
  _dossier_window_update_actions (self);
}

/* Whether a read's result is to be dropped: replaced by a newer read (after an import),
 * the window gone, or the library unreadable. */
static gboolean
read_failed (DossierWindow *self,
             GAsyncResult  *result,
             GError        *error)
{
  if (self->reading == NULL || g_task_get_cancellable (G_TASK (result)) != self->reading)
    return TRUE;
  if (error == NULL)
    return FALSE;

  show_library_error (self, error);
  list_read (self);
  return TRUE;
}

static void
on_articles_read (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  dossier_article_pages_reload_finish (DOSSIER_ARTICLE_PAGES (source), result, &error);
  if (read_failed (self, result, error))
    return;

  list_read (self);
}

static void
on_entities_read (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *entities = dossier_library_list_entities_finish (DOSSIER_LIBRARY (source),
                                                              result, &error);

  if (read_failed (self, result, error))
    return;

  g_clear_pointer (&self->entities, g_ptr_array_unref);
  self->entities = entities;
  dossier_sidebar_set_entities (self->sidebar, entities);
  list_read (self);
}

/* The whole-table lists (articles, entities with their counts, the timeline) are read in
 * worker threads, so the window shows at once however large the library. */
static void
read_lists (DossierWindow *self)
{
  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  self->reading = g_cancellable_new ();
  self->n_reading = 2;
  dossier_article_pages_reload_async (self->articles, self->reading, on_articles_read,
                                      g_object_ref (self));
  dossier_library_list_entities_async (self->library, self->reading, on_entities_read,
                                       g_object_ref (self));
  dossier_timeline_pane_set_library (self->timeline_pane, self->library);
}

static void
on_first_paint (GdkFrameClock *clock,
                DossierWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  if (self->reading == NULL && self->n_reading > 0)
    read_lists (self);
}

/* The lists are read once the window has painted its first frame: on two cores the
 * workers, and taking in 100,000 articles on the main thread, would hold that frame back. */
static void
read_after_first_frame (GtkWidget *widget,
                        gpointer   user_data)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_first_paint), widget, 0);
}

/* Back in the window, the notes may have changed elsewhere (`dossier annotate`, a second
 * Dossier): its lists are read again if so, and the Notes page agrees with the columns. */
static void
on_active_changed (DossierWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->annotations != NULL)
    dossier_annotations_reload (self->annotations);
}

static void
load_library (DossierWindow *self)
{
  self->articles = dossier_article_pages_new (self->library);
  self->entities = g_ptr_array_new_with_free_func (g_object_unref);
  dossier_sidebar_set_articles (self->sidebar, self->articles);
  dossier_sidebar_set_entities (self->sidebar, self->entities);
  dossier_search_pane_set_library (dossier_sidebar_get_search_pane (self->sidebar), self->library);
  dossier_search_pane_set_annotations (dossier_sidebar_get_search_pane (self->sidebar),
                                       self->annotations);
  dossier_notes_view_set_annotations (dossier_sidebar_get_notes_view (self->sidebar),
                                      self->annotations);
  g_signal_connect_swapped (self->annotations, "changed", G_CALLBACK (update_note_counts), self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed), NULL);
  update_note_counts (self);
  self->n_reading = 2;
  g_signal_connect (self, "realize", G_CALLBACK (read_after_first_frame), NULL);
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
  self->annotations = dossier_annotations_new (library);
  g_signal_connect_swapped (self->annotations, "notify::can-undo",
                            G_CALLBACK (_dossier_window_update_actions), self);
  g_signal_connect_swapped (self->annotations, "notify::can-redo",
                            G_CALLBACK (_dossier_window_update_actions), self);
  load_library (self);
  _dossier_window_update_actions (self);
  return self;
}

/* Opens the article with @id in the focused column; FALSE when there is no such article. */
gboolean
dossier_window_open_article (DossierWindow *self,
                             const char    *id)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  return _dossier_window_open (self, id, FALSE);
}

/* Opens the article with @id in a new column beside the others. */
gboolean
dossier_window_open_beside (DossierWindow *self,
                            const char    *id)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  return _dossier_window_open (self, id, TRUE);
}

/* Opens (or focuses) the article with @id and reveals the characters [@start, @end) of
 * its text, as links and timeline events do. */
gboolean
_dossier_window_open_passage (DossierWindow *self,
                              const char    *id,
                              guint          start,
                              guint          end,
                              gboolean       beside)
{
  DossierColumn *column;

  if (!_dossier_window_open (self, id, beside))
    return FALSE;

  column = dossier_workspace_find (self->workspace, id);
  dossier_article_view_reveal_range (dossier_column_get_article_view (column), start, end);
  return TRUE;
}

/* Opens a search result: its article, with the words it matched found and marked. */
gboolean
_dossier_window_open_found (DossierWindow *self,
                            const char    *id,
                            const char    *words)
{
  DossierColumn *column;

  if (!_dossier_window_open (self, id, FALSE))
    return FALSE;

  column = dossier_workspace_find (self->workspace, id);
  if (words != NULL && *words != '\0')
    dossier_column_find (column, words);
  return TRUE;
}

gboolean
dossier_window_open_passage (DossierWindow *self,
                             const char    *id,
                             guint          start,
                             guint          end)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  return _dossier_window_open_passage (self, id, start, end, FALSE);
}

/* Chooses (or, when chosen already, clears) the entity called @name. */
void
dossier_window_choose_entity (DossierWindow *self,
                              const char    *name)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  _dossier_window_choose_entity (self, name);
}

DossierEntity *
dossier_window_get_chosen_entity (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->chosen;
}

/* The library list as shown, for tests. */
GListModel *
dossier_window_get_articles (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->library ? dossier_sidebar_get_shown_articles (self->sidebar) : NULL;
}

DossierSidebar *
dossier_window_get_sidebar (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->sidebar;
}

DossierWorkspace *
dossier_window_get_workspace (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->workspace;
}

DossierTimelinePane *
dossier_window_get_timeline_pane (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->timeline_pane;
}

/* The annotations session, shared by the columns and the notes view. */
DossierAnnotations *
dossier_window_get_annotations (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);

  return self->annotations;
}

/* After an import or a removal: the lists, the entities, the timeline and the note
 * counts read again; open columns stay. */
void
_dossier_window_reload (DossierWindow *self)
{
  if (self->library == NULL)
    return;

  dossier_annotations_anchor_all (self->annotations, NULL);
  update_note_counts (self);
  read_lists (self);
}

/* Imports @paths as Import… does, in the background; for tests and --import. */
void
dossier_window_import_files (DossierWindow      *self,
                             const char * const *paths)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  _dossier_window_import (self, paths);
}

gboolean
dossier_window_is_importing (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  return self->import_cancellable != NULL;
}

/* Whether the lists or the timeline are still being read, for tests waiting on them. */
gboolean
dossier_window_is_loading (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  return self->reading != NULL || self->n_reading > 0 || self->counting != NULL
         || (self->articles != NULL && dossier_article_pages_is_loading (self->articles))
         || dossier_timeline_model_is_loading (dossier_timeline_pane_get_model (self->timeline_pane));
}
