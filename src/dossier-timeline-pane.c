/* dossier-timeline-pane.c: the time axis above the list of dated events
 *
 * The list follows the chosen entity (set by the window) and the range dragged on the
 * axis. Activating an event opens its article at the sentence, through the window's
 * win.open-passage action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-timeline-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-event-item.h"
#include "dossier-timeline-pane.h"
#include "dossier-timeline-row.h"
#include "dossier-template.h"

struct _DossierTimelinePane
{
  GtkWidget             parent_instance;

  /* template widgets */
  DossierTimeAxis      *axis;
  GtkButton            *clear_range_button;
  GtkGridView          *event_grid;
  GtkSpinner           *spinner;
  GtkStack             *stack;
  GtkLabel             *summary_label;

  /* owned */
  DossierTimelineModel *model;
  char                 *entity;
};

G_DEFINE_FINAL_TYPE (DossierTimelinePane, dossier_timeline_pane, GTK_TYPE_WIDGET)

static void
update_summary (DossierTimelinePane *self)
{
  guint n = dossier_timeline_model_get_n_events (self->model);
  gboolean loading = dossier_timeline_model_is_loading (self->model);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event",
                                                         "%u events", n), n);
  g_autofree char *range = dossier_time_axis_dup_selection_text (self->axis);
  g_autoptr(GString) summary = g_string_new (count);

  if (loading)
    g_string_assign (summary, _("Reading the timeline…"));
  else if (self->entity != NULL)
    /* TRANSLATORS: appended to "12 events": whose sentences name this entity */
    g_string_append_printf (summary, _(" naming %s"), self->entity);
  if (range != NULL && dossier_time_axis_get_has_selection (self->axis))
    g_string_append_printf (summary, " · %s", range);

  gtk_label_set_label (self->summary_label, summary->str);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_range_button),
                          dossier_time_axis_get_has_selection (self->axis));
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_stack_set_visible_child_name (self->stack, loading ? "loading" : n > 0 ? "list" : "empty");
}

static void
update_axis (DossierTimelinePane *self)
{
  int first_year, first_month;
  g_autoptr(GArray) counts = dossier_timeline_model_count_months (self->model, &first_year,
                                                                   &first_month);

  dossier_time_axis_set_counts (self->axis, (const guint *) counts->data, counts->len,
                                first_year, first_month);
}

/* Keys read: a new timeline, or the entity's. */
static void
on_loading_changed (DossierTimelinePane *self)
{
  if (!dossier_timeline_model_is_loading (self->model))
    update_axis (self);
  update_summary (self);
}

static void
on_range_changed (DossierTimelinePane *self)
{
  int from_year, from_month, to_year, to_month;

  if (dossier_time_axis_get_selection (self->axis, &from_year, &from_month, &to_year, &to_month))
    dossier_timeline_model_set_range (self->model, from_year * 10000 + from_month * 100,
                                      to_year * 10000 + to_month * 100);
  else
    dossier_timeline_model_set_range (self->model, 0, 0);

  update_summary (self);
}

static void
on_clear_range (DossierTimelinePane *self)
{
  dossier_time_axis_clear_selection (self->axis);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           DossierTimelinePane      *self)
{
  gtk_list_item_set_child (item, dossier_timeline_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          DossierTimelinePane      *self)
{
  GObject *object = gtk_list_item_get_item (item);

  dossier_timeline_row_set_item (DOSSIER_TIMELINE_ROW (gtk_list_item_get_child (item)), object,
                                 self->model);
  gtk_list_item_set_activatable (item, DOSSIER_IS_EVENT_ITEM (object));
  _dossier_accessible_name_cell (item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            DossierTimelinePane      *self)
{
  dossier_timeline_row_set_item (DOSSIER_TIMELINE_ROW (gtk_list_item_get_child (item)), NULL,
                                 NULL);
}

static void
on_activate (GtkGridView         *grid,
             guint                position,
             DossierTimelinePane *self)
{
  dossier_timeline_pane_activate (self, position);
}

static void
dossier_timeline_pane_dispose (GObject *object)
{
  DossierTimelinePane *self = (DossierTimelinePane *) object;
  _dossier_template_dispose (GTK_WIDGET (self), DOSSIER_TYPE_TIMELINE_PANE);
  /* A read of the keys under way keeps the model alive past the pane. */
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->entity, g_free);

  G_OBJECT_CLASS (dossier_timeline_pane_parent_class)->dispose (object);
}

static void
dossier_timeline_pane_class_init (DossierTimelinePaneClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dossier_timeline_pane_dispose;

  g_type_ensure (DOSSIER_TYPE_TIME_AXIS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-timeline-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTimelinePane, axis);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelinePane, clear_range_button);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelinePane, event_grid);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelinePane, spinner);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelinePane, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelinePane, summary_label);
  gtk_widget_class_set_css_name (widget_class, "timelinepane");
}

static void
dossier_timeline_pane_init (DossierTimelinePane *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = dossier_timeline_model_new ();
  dossier_timeline_model_set_read_in_background (self->model, TRUE);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_grid_view_set_factory (self->event_grid, factory);
  gtk_grid_view_set_model (self->event_grid, GTK_SELECTION_MODEL (selection));
  g_signal_connect (self->event_grid, "activate", G_CALLBACK (on_activate), self);
  g_signal_connect_swapped (self->model, "notify::loading", G_CALLBACK (on_loading_changed), self);
  g_signal_connect_swapped (self->axis, "selection-changed", G_CALLBACK (on_range_changed), self);
  g_signal_connect_swapped (self->clear_range_button, "clicked", G_CALLBACK (on_clear_range), self);
  update_summary (self);
}

GtkWidget *
dossier_timeline_pane_new (void)
{
  return g_object_new (DOSSIER_TYPE_TIMELINE_PANE, NULL);
}

/* @events: (element-type DossierEvent) (transfer none): the whole timeline, in order */
void
dossier_timeline_pane_set_events (DossierTimelinePane *self,
                                  GPtrArray           *events)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_PANE (self));

  dossier_timeline_model_set_events (self->model, events);
  update_axis (self);
  update_summary (self);
}

/* The timeline of @library, read in the background: a spinner shows until it is. */
void
dossier_timeline_pane_set_library (DossierTimelinePane *self,
                                   DossierLibrary      *library)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_PANE (self));

  dossier_timeline_model_set_library (self->model, library);
  update_summary (self);
}

/* Only the events whose sentence names @entity (NULL: all); the axis counts them too. */
void
dossier_timeline_pane_set_entity (DossierTimelinePane *self,
                                  const char          *entity)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_PANE (self));

  g_free (self->entity);
  self->entity = g_strdup (entity);
  dossier_timeline_model_set_entity (self->model, entity);
  update_axis (self);
  update_summary (self);
}

DossierTimelineModel *
dossier_timeline_pane_get_model (DossierTimelinePane *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_PANE (self), NULL);

  return self->model;
}

DossierTimeAxis *
dossier_timeline_pane_get_axis (DossierTimelinePane *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_PANE (self), NULL);

  return self->axis;
}

/* Opens the event at @position at its sentence, as a click or Enter on it does. */
void
dossier_timeline_pane_activate (DossierTimelinePane *self,
                                guint                position)
{
  g_autoptr(GObject) item = dossier_timeline_model_read_item (self->model, position);
  const DossierEvent *event;

  if (!DOSSIER_IS_EVENT_ITEM (item))
    return;

  event = dossier_event_item_get_event (DOSSIER_EVENT_ITEM (item));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-passage", "(suu)", event->article_id,
                              event->sentence_start, event->sentence_end);
}
