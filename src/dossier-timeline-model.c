/* dossier-timeline-model.c: the timeline as rows: month headings and events
 *
 * The model holds one small key per event (id, months, group: DossierEventKeys) and an
 * index of the rows the current filter (an entity, a range of months) lets through, with
 * a heading whenever the month (or, for events known only to the year, the year) changes.
 * Events of one group — one happening reported by several articles — show as one row,
 * the group's first event.
 *
 * The events themselves come from a library, a page of keys at a time as the list asks
 * for them (only the events of that page the rows show), and only a few pages are kept: a library of 100,000 articles has about
 * 900,000 events, too many to hold. The keys are read in a worker thread, so setting the
 * library or the entity returns at once; the "loading" property says when they arrive.
 * With dossier_timeline_model_set_read_in_background() the pages are read in a worker
 * too: a row whose page is not there yet gets an item with an empty event, filled in
 * (notify::event) when the page comes, so that scrolling never waits for SQL.
 * Tests and benchmarks may hand the model events in memory instead.
 *
 * This file makes the rows; their events are read and kept by the page in
 * dossier-timeline-model-pages.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-timeline-model"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "dossier-list-header.h"
#include "dossier-timeline-model-private.h"

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierTimelineModel, dossier_timeline_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}


static guint
n_rows (DossierTimelineModel *self)
{
  return gtk_bitset_get_size (self->shown) + self->headings->len;
}

static guint
get_n_items (GListModel *model)
{
  return n_rows (DOSSIER_TIMELINE_MODEL (model));
}

/* How many headings come at or before @position. */
static guint
headings_up_to (DossierTimelineModel *self,
                guint                 position)
{
  guint low = 0, high = self->heading_rows->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->heading_rows, guint, middle) <= position)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

static char *
heading_text (int heading)
{
  g_autoptr(GDateTime) dt = NULL;

  if (heading % 100 == 0)
    return g_strdup_printf ("%d", heading / 100);

  dt = g_date_time_new_utc (heading / 100, heading % 100, 1, 0, 0, 0);
  /* TRANSLATORS: a month heading in the timeline, see g_date_time_format() */
  return g_date_time_format (dt, _("%B %Y"));
}

static gpointer
make_item (DossierTimelineModel *self,
           guint                 position,
           gboolean              wait)
{
  g_autofree char *text = NULL;
  g_autoptr(DossierEvent) gone = NULL;
  const DossierEvent *event;
  guint headings, row;

  if (position >= n_rows (self))
    return NULL;

  headings = headings_up_to (self, position);
  if (headings > 0 && g_array_index (self->heading_rows, guint, headings - 1) == position)
    {
      text = heading_text (g_array_index (self->headings, int, headings - 1));
      return dossier_list_header_new (text);
    }
  row = gtk_bitset_get_nth (self->shown, position - headings);

  if (!wait && self->in_background && self->events == NULL
      && _dossier_timeline_model_held_page (self, row / PAGE_SIZE) == NULL)
    return _dossier_timeline_model_waiting_item (self, row);

  if ((event = _dossier_timeline_model_event_at (self, row)) == NULL)
    event = gone = dossier_event_new ();
  return dossier_event_item_new (event);
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  return make_item (DOSSIER_TIMELINE_MODEL (model), position, FALSE);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
dossier_timeline_model_dispose (GObject *object)
{
  DossierTimelineModel *self = (DossierTimelineModel *) object;

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (dossier_timeline_model_parent_class)->dispose (object);
}

static void
dossier_timeline_model_finalize (GObject *object)
{
  DossierTimelineModel *self = (DossierTimelineModel *) object;

  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->keys, dossier_event_keys_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->waiting, g_hash_table_unref);
  g_queue_clear (&self->recent);
  g_clear_pointer (&self->shown, gtk_bitset_unref);
  g_clear_pointer (&self->headings, g_array_unref);
  g_clear_pointer (&self->heading_rows, g_array_unref);
  g_clear_pointer (&self->entity, g_free);

  G_OBJECT_CLASS (dossier_timeline_model_parent_class)->finalize (object);
}

static void
dossier_timeline_model_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierTimelineModel *self = DOSSIER_TIMELINE_MODEL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, dossier_timeline_model_is_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_model_class_init (DossierTimelineModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_timeline_model_dispose;
  object_class->finalize = dossier_timeline_model_finalize;
  object_class->get_property = dossier_timeline_model_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_timeline_model_init (DossierTimelineModel *self)
{
  self->keys = dossier_event_keys_new ();
  _dossier_timeline_model_init_pages (self);
  self->shown = gtk_bitset_new_empty ();
  self->headings = g_array_new (FALSE, FALSE, sizeof (int));
  self->heading_rows = g_array_new (FALSE, FALSE, sizeof (guint));
}

DossierTimelineModel *
dossier_timeline_model_new (void)
{
  return g_object_new (DOSSIER_TYPE_TIMELINE_MODEL, NULL);
}

static gboolean
in_range (DossierTimelineModel  *self,
          const DossierEventKey *key)
{
  return (self->from_key == 0 || key->last_month >= self->from_key)
         && (self->to_key == 0 || key->month <= self->to_key);
}

/* One bit per group id, for the groups already shown: 900,000 events of 100,000 articles
 * fall in 740,000 groups, and a hash set of them took 8 MB for as long as a rebuild lasts;
 * the ids are row ids, so this takes max id / 8 bytes (110 KB). */
static guint8 *
new_group_bits (DossierTimelineModel *self)
{
  DossierEventKeysIter iter;
  DossierEventKey key;
  guint32 last = 0;

  dossier_event_keys_iter_init (&iter, self->keys, 0);
  while (dossier_event_keys_iter_next (&iter, &key))
    last = MAX (last, key.group);

  return g_malloc0 (last / 8 + 1);
}

/* Whether @group was seen before; it is from now on. */
static gboolean
group_seen (guint8  *bits,
            guint32  group)
{
  gboolean seen = (bits[group / 8] >> (group % 8)) & 1;

  bits[group / 8] |= 1 << (group % 8);
  return seen;
}


static void
rebuild (DossierTimelineModel *self)
{
  g_autofree guint8 *groups = new_group_bits (self);
  guint removed = n_rows (self);
  int last_heading = -1;
  DossierEventKeysIter iter;
  DossierEventKey key;

  _dossier_timeline_model_drop_pages (self);
  gtk_bitset_remove_all (self->shown);
  g_array_set_size (self->headings, 0);
  g_array_set_size (self->heading_rows, 0);
  dossier_event_keys_iter_init (&iter, self->keys, 0);
  for (guint index = 0; dossier_event_keys_iter_next (&iter, &key); index++)
    {
      int heading = key.month / 100;

      if (!in_range (self, &key))
        continue;
      if (key.group != 0 && group_seen (groups, key.group))
        continue;

      if (heading != last_heading)
        {
          guint row = n_rows (self);

          g_array_append_val (self->headings, heading);
          g_array_append_val (self->heading_rows, row);
          last_heading = heading;
        }
      gtk_bitset_add (self->shown, index);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, n_rows (self));
}

/* New keys: the pages fetched for the old ones no longer line up. */
static void
take_keys (DossierTimelineModel *self,
           DossierEventKeys     *keys)
{
  g_clear_pointer (&self->keys, dossier_event_keys_unref);
  self->keys = keys;
  rebuild (self);
}

static gboolean
mentions_entity (const DossierEvent *event,
                 const char         *entity)
{
  return entity == NULL
         || (event->entities && g_strv_contains ((const char * const *) event->entities, entity));
}

/* Keys for events in memory: the id is the event's index; a group several articles
 * report is named by its first event, plus one so that it is never 0. */
static DossierEventKeys *
keys_from_events (DossierTimelineModel *self)
{
  DossierEventKeys *keys = dossier_event_keys_new ();
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->events->len; i++)
    {
      const DossierEvent *event = g_ptr_array_index (self->events, i);
      DossierEventKey key = { .id = i };

      if (!mentions_entity (event, self->entity))
        continue;
      if (event->group != NULL && event->reported_by > 1)
        {
          if (!g_hash_table_contains (groups, event->group))
            g_hash_table_insert (groups, event->group, GUINT_TO_POINTER (i + 1));
          key.group = GPOINTER_TO_UINT (g_hash_table_lookup (groups, event->group));
        }
      dossier_event_key_set_dates (&key, &event->date, &event->end);
      dossier_event_keys_append (keys, &key);
    }

  return keys;
}

static void
set_loading (DossierTimelineModel *self,
             GCancellable         *loading)
{
  gboolean was_loading = self->loading != NULL;

  g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, loading);
  if (was_loading != (loading != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_keys_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DossierTimelineModel) self = user_data;
  g_autoptr(GError) error = NULL;
  DossierEventKeys *keys = dossier_library_list_event_keys_finish (DOSSIER_LIBRARY (source),
                                                                    result, &error);

  /* Replaced by a newer read (another entity, another library): that one will do. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_task_get_cancellable (G_TASK (result)) != self->loading)
    {
      g_clear_pointer (&keys, dossier_event_keys_unref);
      return;
    }

  if (keys == NULL)
    {
      g_warning ("The timeline could not be read: %s", error->message);
      keys = dossier_event_keys_new ();
    }
  take_keys (self, keys);
  set_loading (self, NULL);
}

static void
reload (DossierTimelineModel *self)
{
  g_autoptr(GCancellable) loading = NULL;

  if (self->events != NULL)
    {
      take_keys (self, keys_from_events (self));
      return;
    }
  if (self->library == NULL)
    return;

  loading = g_cancellable_new ();
  set_loading (self, loading);
  dossier_library_list_event_keys_async (self->library, self->entity, loading, on_keys_read,
                                         g_object_ref (self));
}

/* Takes @events (element-type DossierEvent), in timeline order, and keeps them all. */
void
dossier_timeline_model_set_events (DossierTimelineModel *self,
                                   GPtrArray            *events)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));
  g_return_if_fail (events != NULL);

  set_loading (self, NULL);
  g_clear_object (&self->library);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  self->events = g_ptr_array_ref (events);
  reload (self);
}

/* Shows the timeline of @library, read in the background (see "loading"), and fetches
 * the events as the rows are asked for. */
void
dossier_timeline_model_set_library (DossierTimelineModel *self,
                                    DossierLibrary       *library)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));
  g_return_if_fail (DOSSIER_IS_LIBRARY (library));

  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_set_object (&self->library, library);
  reload (self);
}

/* Whether the keys are being read: the rows are the previous ones until they come. */
gboolean
dossier_timeline_model_is_loading (DossierTimelineModel *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), FALSE);

  return self->loading != NULL;
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
  reload (self);
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

  return gtk_bitset_get_size (self->shown);
}

static int
month_index (const DossierEventKey *key)
{
  return key->month / 10000 * 12 + MAX (key->month / 100 % 100, 1) - 1;
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
GArray *
dossier_timeline_model_count_months (DossierTimelineModel *self,
                                     int                  *first_year,
                                     int                  *first_month)
{
  GArray *counts = g_array_new (FALSE, TRUE, sizeof (guint));
  int first = G_MAXINT, last = G_MININT;
  DossierEventKeysIter iter;
  DossierEventKey key;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), counts);

  dossier_event_keys_iter_init (&iter, self->keys, 0);
  while (dossier_event_keys_iter_next (&iter, &key))
    {
      first = MIN (first, month_index (&key));
      last = MAX (last, month_index (&key));
    }

  *first_year = *first_month = 0;
  if (first > last)
    return counts;

  g_array_set_size (counts, last - first + 1);
  dossier_event_keys_iter_init (&iter, self->keys, 0);
  while (dossier_event_keys_iter_next (&iter, &key))
    g_array_index (counts, guint, month_index (&key) - first)++;

  *first_year = first / 12;
  *first_month = first % 12 + 1;
  return counts;
}

/**
 * dossier_timeline_model_get_group:
 *
 * Returns: (transfer full) (element-type DossierEvent): the events of @group, one per
 *   reporting article, in timeline order
 */
GPtrArray *
dossier_timeline_model_get_group (DossierTimelineModel *self,
                                  const char           *group)
{
  GPtrArray *events = NULL;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), NULL);

  if (self->library != NULL && group != NULL)
    events = dossier_library_list_event_group (self->library, group, NULL);
  if (events == NULL)
    events = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_event_free);

  for (guint i = 0; self->events != NULL && group != NULL && i < self->events->len; i++)
    {
      DossierEvent *event = g_ptr_array_index (self->events, i);

      if (g_strcmp0 (event->group, group) == 0)
        g_ptr_array_add (events, dossier_event_copy (event));
    }

  return events;
}

/* Whether rows whose page is not held wait for it in the background (see the top). */
void
dossier_timeline_model_set_read_in_background (DossierTimelineModel *self,
                                               gboolean              in_background)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));

  self->in_background = in_background;
}

/**
 * dossier_timeline_model_read_item:
 *
 * The item at @position as g_list_model_get_item() gives it, but with its event read
 * now if its page is not held, even when pages are read in the background.
 *
 * Returns: (transfer full) (nullable): the item
 */
GObject *
dossier_timeline_model_read_item (DossierTimelineModel *self,
                                  guint                 position)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), NULL);

  return make_item (self, position, TRUE);
}
