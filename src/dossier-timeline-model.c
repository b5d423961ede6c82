/* dossier-timeline-model.c: the timeline as rows: month headings and events
 *
 * Holds every event once, as plain structs, and keeps an index of the rows the current
 * filter (an entity, a range of months) lets through, with a heading whenever the month
 * (or, for events known only to the year, the year) changes. Events of one group — one
 * happening reported by several articles — show as one row, the group's first event.
 * Items are made when a row asks for one, so the list stays light at 100,000 events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-timeline-model"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-event-item.h"
#include "dossier-list-header.h"
#include "dossier-timeline-model.h"

struct _DossierTimelineModel
{
  GObject    parent_instance;

  GPtrArray *events;     /* DossierEvent, in timeline order */
  GArray    *rows;       /* int: an index into events, or -1 - an index into headings */
  GPtrArray *headings;   /* char * */
  char      *entity;
  int        from_key;   /* YYYYMM00, 0 for no bound */
  int        to_key;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierTimelineModel, dossier_timeline_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
get_n_items (GListModel *model)
{
  return DOSSIER_TIMELINE_MODEL (model)->rows->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  DossierTimelineModel *self = DOSSIER_TIMELINE_MODEL (model);
  int row;

  if (position >= self->rows->len)
    return NULL;

  row = g_array_index (self->rows, int, position);
  if (row < 0)
    return dossier_list_header_new (g_ptr_array_index (self->headings, -1 - row));

  return dossier_event_item_new (g_ptr_array_index (self->events, row));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
dossier_timeline_model_finalize (GObject *object)
{
  DossierTimelineModel *self = (DossierTimelineModel *) object;

  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_pointer (&self->entity, g_free);

  G_OBJECT_CLASS (dossier_timeline_model_parent_class)->finalize (object);
}

static void
dossier_timeline_model_class_init (DossierTimelineModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_timeline_model_finalize;
}

static void
dossier_timeline_model_init (DossierTimelineModel *self)
{
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_event_free);
  self->rows = g_array_new (FALSE, FALSE, sizeof (int));
  self->headings = g_ptr_array_new_with_free_func (g_free);
}

DossierTimelineModel *
dossier_timeline_model_new (void)
{
  return g_object_new (DOSSIER_TYPE_TIMELINE_MODEL, NULL);
}

static gboolean
mentions_entity (const DossierEvent *event,
                 const char         *entity)
{
  return entity == NULL || (event->entities && g_strv_contains ((const char * const *) event->entities, entity));
}

/* The event's month as YYYYMM00; a year-only event spans its whole year. */
static gboolean
in_range (DossierTimelineModel *self,
          const DossierEvent   *event)
{
  int key = event->date.year * 10000 + event->date.month * 100;
  const DossierDate *last = event->end.precision ? &event->end : &event->date;
  int end_key = last->year * 10000 + (last->month ? last->month : 12) * 100;

  return (self->from_key == 0 || end_key >= self->from_key)
         && (self->to_key == 0 || key <= self->to_key);
}

static char *
heading_for (const DossierEvent *event)
{
  g_autoptr(GDateTime) dt = NULL;

  if (event->date.precision < DOSSIER_PRECISION_MONTH)
    return g_strdup_printf ("%d", event->date.year);

  dt = g_date_time_new_utc (event->date.year, event->date.month, 1, 0, 0, 0);
  /* TRANSLATORS: a month heading in the timeline, see g_date_time_format() */
  return g_date_time_format (dt, _("%B %Y"));
}

static void
rebuild (DossierTimelineModel *self)
{
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  guint removed = self->rows->len;
  int last_key = -1;

  g_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->headings, 0);
  for (guint i = 0; i < self->events->len; i++)
    {
      const DossierEvent *event = g_ptr_array_index (self->events, i);
      int key = event->date.year * 100 + (event->date.precision >= DOSSIER_PRECISION_MONTH
                                          ? event->date.month : 0);
      int row = i;

      if (!mentions_entity (event, self->entity) || !in_range (self, event))
        continue;
      if (event->group != NULL && event->reported_by > 1 && !g_hash_table_add (groups, event->group))
        continue;

      if (key != last_key)
        {
          int heading = -1 - (int) self->headings->len;

          g_ptr_array_add (self->headings, heading_for (event));
          g_array_append_val (self->rows, heading);
          last_key = key;
        }
      g_array_append_val (self->rows, row);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->rows->len);
}

/* Takes @events (element-type DossierEvent), in timeline order. */
void
dossier_timeline_model_set_events (DossierTimelineModel *self,
                                   GPtrArray            *events)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));

  g_clear_pointer (&self->events, g_ptr_array_unref);
  self->events = g_ptr_array_ref (events);
  rebuild (self);
}

/* Keeps only the events whose sentence names @entity; NULL keeps all. */
void
dossier_timeline_model_set_entity (DossierTimelineModel *self,
                                   const char           *entity)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));

  if (g_strcmp0 (self->entity, entity) == 0)
    return;

  g_free (self->entity);
  self->entity = g_strdup (entity);
  rebuild (self);
}

/* Keeps only events that may fall in the months [@from_month_key, @to_month_key], keys
 * written YYYYMM00; 0 leaves that end open. */
void
dossier_timeline_model_set_range (DossierTimelineModel *self,
                                  int                   from_month_key,
                                  int                   to_month_key)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));

  if (self->from_key == from_month_key && self->to_key == to_month_key)
    return;

  self->from_key = from_month_key;
  self->to_key = to_month_key;
  rebuild (self);
}

/* How many events the rows show (headings and grouped repeats not counted). */
guint
dossier_timeline_model_get_n_events (DossierTimelineModel *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), 0);

  return self->rows->len - self->headings->len;
}

/**
 * dossier_timeline_model_count_months:
 *
 * Events per month for the time axis, from the first month to the last that has any,
 * counting the events the entity filter keeps (but not the range: the axis is where the
 * range is chosen). Events known only to the year count in its January.
 *
 * Returns: (transfer full) (element-type guint): the counts, or an empty array
 */
static int
month_index (const DossierEvent *event)
{
  return event->date.year * 12 + MAX (event->date.month, 1) - 1;
}

GArray *
dossier_timeline_model_count_months (DossierTimelineModel *self,
                                     int                  *first_year,
                                     int                  *first_month)
{
  GArray *counts = g_array_new (FALSE, TRUE, sizeof (guint));
  int first = G_MAXINT, last = G_MININT;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), counts);

  for (guint i = 0; i < self->events->len; i++)
    {
      const DossierEvent *event = g_ptr_array_index (self->events, i);

      if (mentions_entity (event, self->entity))
        {
          first = MIN (first, month_index (event));
          last = MAX (last, month_index (event));
        }
    }

  *first_year = *first_month = 0;
  if (first > last)
    return counts;

  g_array_set_size (counts, last - first + 1);
  for (guint i = 0; i < self->events->len; i++)
    {
      const DossierEvent *event = g_ptr_array_index (self->events, i);

      if (mentions_entity (event, self->entity))
        g_array_index (counts, guint, month_index (event) - first)++;
    }

  *first_year = first / 12;
  *first_month = first % 12 + 1;
  return counts;
}

/**
 * dossier_timeline_model_get_group:
 *
 * Returns: (transfer container) (element-type DossierEvent): the events of @group, one per
 *   reporting article, in timeline order
 */
GPtrArray *
dossier_timeline_model_get_group (DossierTimelineModel *self,
                                  const char           *group)
{
  GPtrArray *events = g_ptr_array_new ();

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), events);

  for (guint i = 0; group != NULL && i < self->events->len; i++)
    {
      DossierEvent *event = g_ptr_array_index (self->events, i);

      if (g_strcmp0 (event->group, group) == 0)
        g_ptr_array_add (events, event);
    }

  return events;
}
