/* dossier-timeline-model-pages.c: the events of a DossierTimelineModel's rows, a page of
 * keys at a time
 *
 * A page is PAGE_SIZE keys; only the events of a page that the rows show are read, and
 * only MAX_PAGES pages are kept, the last used. Read now, a page is read on the calling
 * thread; read in the background, a row's item comes at once with an empty event and gets
 * its own when the page comes, and the reads no row waits for any more are cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-timeline-model"

#include "config.h"

#include "dossier-timeline-model-private.h"

/* A row's item whose page is being read; not kept alive by the read: an item the list
 * dropped (its row scrolled away) needs no event. */
typedef struct
{
  GWeakRef item;               /* DossierEventItem */
  guint    index;              /* of its key */
} Waiter;

static void
waiter_free (Waiter *waiter)
{
  g_weak_ref_clear (&waiter->item);
  g_free (waiter);
}

/* A page being read, and the items waiting for it. */
typedef struct
{
  GPtrArray    *waiters;       /* Waiter */
  GCancellable *cancellable;
} PageWait;

static void
page_wait_free (PageWait *wait)
{
  g_cancellable_cancel (wait->cancellable);
  g_object_unref (wait->cancellable);
  g_ptr_array_unref (wait->waiters);
  g_free (wait);
}

static GPtrArray *
empty_page (GError *error)
{
  g_warning ("The timeline could not be read: %s", error->message);
  return g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_event_free);
}

static void
store_page (DossierTimelineModel *self,
            guint                 page,
            GPtrArray            *events)
{
  if (g_queue_get_length (&self->recent) >= MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), events);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
}

/* The keys of @page whose events the rows show, into @keys; how many. The others are not
 * read: a much-reported happening has thousands of events on consecutive keys, of which
 * the rows show one, and each one read counted the articles of its whole group again
 * (a page took 12 ms instead of 1). */
static guint
shown_keys (DossierTimelineModel *self,
            guint                 page,
            DossierEventKey       keys[PAGE_SIZE])
{
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, n_keys (self) - first);
  DossierEventKey all[PAGE_SIZE];
  guint kept = 0;

  dossier_event_keys_get (self->keys, first, n, all);
  for (guint i = 0; i < n; i++)
    if (gtk_bitset_contains (self->shown, first + i))
      keys[kept++] = all[i];
  return kept;
}

static GPtrArray *
fetch_page (DossierTimelineModel *self,
            guint                 page)
{
  DossierEventKey keys[PAGE_SIZE];
  guint n = shown_keys (self, page, keys);
  g_autoptr(GError) error = NULL;
  GPtrArray *events;

  events = dossier_library_load_events (self->library, keys, n, &error);
  store_page (self, page, events ? events : (events = empty_page (error)));
  return events;
}

/* A page held, now the last used; NULL when it is not. */
GPtrArray *
_dossier_timeline_model_held_page (DossierTimelineModel *self,
                                   guint                 page)
{
  GPtrArray *events = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (events != NULL)
    {
      g_queue_remove (&self->recent, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->recent, GUINT_TO_POINTER (page));
    }
  return events;
}

/* The event of the key at @index in its page, or NULL when it went from the library
 * since: a page short of an event removed meanwhile is searched by id, not by place. */
static const DossierEvent *
find_event (DossierTimelineModel *self,
            GPtrArray            *events,
            guint                 index)
{
  guint32 id = dossier_event_keys_get_id (self->keys, index);

  if (index % PAGE_SIZE < events->len
      && ((DossierEvent *) g_ptr_array_index (events, index % PAGE_SIZE))->id == id)
    return g_ptr_array_index (events, index % PAGE_SIZE);
  for (guint i = 0; i < events->len; i++)
    if (((DossierEvent *) g_ptr_array_index (events, i))->id == id)
      return g_ptr_array_index (events, i);
  return NULL;
}

/* The event of the key at @index, read now if its page is not held. */
const DossierEvent *
_dossier_timeline_model_event_at (DossierTimelineModel *self,
                                  guint                 index)
{
  GPtrArray *events;

  if (self->events != NULL)
    return g_ptr_array_index (self->events, dossier_event_keys_get_id (self->keys, index));

  if ((events = _dossier_timeline_model_held_page (self, index / PAGE_SIZE)) == NULL)
    events = fetch_page (self, index / PAGE_SIZE);
  return find_event (self, events, index);
}

typedef struct
{
  DossierTimelineModel *model;
  GCancellable         *reading;   /* the model's when the read started */
  guint                 page;
} PageRead;

/* The items waiting for @page get their events. */
static void
fulfil (DossierTimelineModel *self,
        guint                 page,
        GPtrArray            *events)
{
  PageWait *wait = NULL;

  if (!g_hash_table_steal_extended (self->waiting, GUINT_TO_POINTER (page), NULL,
                                    (gpointer *) &wait))
    return;
  for (guint i = 0; i < wait->waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (wait->waiters, i);
      g_autoptr(DossierEventItem) item = g_weak_ref_get (&waiter->item);
      const DossierEvent *event = item ? find_event (self, events, waiter->index) : NULL;
      g_autoptr(DossierEvent) gone = event ? NULL : dossier_event_new ();

      if (item != NULL)
        dossier_event_item_set_event (item, event ? event : gone);
    }
  page_wait_free (wait);
}

/* A page read in the background: the items waiting for it get their events. */
static void
on_page_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PageRead *read = user_data;
  g_autoptr(DossierTimelineModel) self = read->model;
  g_autoptr(GError) error = NULL;
  GPtrArray *events = dossier_library_load_events_finish (DOSSIER_LIBRARY (source), result,
                                                          &error);
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GCancellable) reading = read->reading;
  guint page = read->page;

  g_free (read);
  /* New keys meanwhile: the page no longer lines up, and no row waits for it. Cancelled:
   * no row waited for it any more. */
  if (reading != self->reading || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_pointer (&events, g_ptr_array_unref);
      return;
    }

  /* Read at once meanwhile (dossier_timeline_model_read_item()): that copy is kept. A
   * worker's connection may find the library busy with a write ("database is locked",
   * seen while the window starts): the page is then read here, as without a worker. */
  if (_dossier_timeline_model_held_page (self, page) != NULL)
    {
      g_clear_pointer (&events, g_ptr_array_unref);
      events = g_ptr_array_ref (_dossier_timeline_model_held_page (self, page));
    }
  else if (events != NULL)
    store_page (self, page, g_ptr_array_ref (events));
  else
    {
      g_debug ("Page %u read again on the main thread: %s", page, error->message);
      events = g_ptr_array_ref (fetch_page (self, page));
    }
  kept = events;
  fulfil (self, page, events);
}

static gboolean
anyone_waits (PageWait *wait)
{
  for (guint i = 0; i < wait->waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (wait->waiters, i);
      g_autoptr(GObject) item = g_weak_ref_get (&waiter->item);

      if (item != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_unwanted (gpointer key,
             gpointer value,
             gpointer user_data)
{
  guint page = GPOINTER_TO_UINT (key), asked = GPOINTER_TO_UINT (user_data);

  return (page + 1 < asked || page > asked + 1) && !anyone_waits (value);
}

/* Starts reading @page unless it is held or being read. The reads whose rows have all
 * gone, far from @page, are cancelled: a list scrolled far in one go asks for a page
 * every frame, and only the last are seen; read, they kept the worker as busy as the
 * window's thread (not started yet, they are skipped). */
static GPtrArray *
read_page (DossierTimelineModel *self,
           guint                 page)
{
  DossierEventKey keys[PAGE_SIZE];
  PageWait *wait;
  PageRead *read;
  guint n;

  if (page * PAGE_SIZE >= n_keys (self)
      || g_hash_table_contains (self->pages, GUINT_TO_POINTER (page)))
    return NULL;
  if ((wait = g_hash_table_lookup (self->waiting, GUINT_TO_POINTER (page))) != NULL)
    return wait->waiters;

  g_hash_table_foreach_remove (self->waiting, is_unwanted, GUINT_TO_POINTER (page));
  wait = g_new0 (PageWait, 1);
  wait->waiters = g_ptr_array_new_with_free_func ((GDestroyNotify) waiter_free);
  wait->cancellable = g_cancellable_new ();
  g_hash_table_insert (self->waiting, GUINT_TO_POINTER (page), wait);
  read = g_new0 (PageRead, 1);
  read->model = g_object_ref (self);
  read->reading = g_object_ref (self->reading);
  read->page = page;
  n = shown_keys (self, page, keys);
  dossier_library_load_events_async (self->library, keys, n, wait->cancellable, on_page_read,
                                     read);
  return wait->waiters;
}

/* An item for the key at @index that gets its event when its page comes; the next page
 * is read too, as a list scrolled down asks for it next. */
DossierEventItem *
_dossier_timeline_model_waiting_item (DossierTimelineModel *self,
                                      guint                 index)
{
  g_autoptr(DossierEvent) empty = dossier_event_new ();
  DossierEventItem *item = dossier_event_item_new (empty);
  GPtrArray *waiters = read_page (self, index / PAGE_SIZE);
  Waiter *waiter = g_new0 (Waiter, 1);

  g_weak_ref_init (&waiter->item, item);
  waiter->index = index;
  g_ptr_array_add (waiters, waiter);
  read_page (self, index / PAGE_SIZE + 1);
  return item;
}

/* A page holds the events its rows show (see shown_keys()): new keys or another range of
 * months show others, so the pages held and being read are dropped. */
void
_dossier_timeline_model_drop_pages (DossierTimelineModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  self->reading = g_cancellable_new ();
  g_hash_table_remove_all (self->waiting);
}

void
_dossier_timeline_model_init_pages (DossierTimelineModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->waiting = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_wait_free);
  self->reading = g_cancellable_new ();
}

/* How many events the model holds in memory: all of them when they were handed over,
 * otherwise the pages fetched and kept. */
guint
dossier_timeline_model_get_n_held (DossierTimelineModel *self)
{
  GHashTableIter iter;
  gpointer page;
  guint n = 0;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), 0);

  if (self->events != NULL)
    return self->events->len;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &page))
    n += ((GPtrArray *) page)->len;
  return n;
}
