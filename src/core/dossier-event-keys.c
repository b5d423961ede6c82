/* dossier-event-keys.c: the keys of a long timeline, held in little memory
 *
 * A library of 100,000 articles has about 900,000 events, and the timeline keeps a key
 * for each (DossierEventKey: id, group, first and last month, 16 bytes: 14.8 MB). Most of
 * that repeats: the keys come in timeline order, so their months change a few thousand
 * times; the last month is the first one's own for every event but a period; and only
 * events of a group several articles report have a group. So this holds the ids, one
 * entry per change of month, and the periods' ends and the groups as exceptions (index,
 * value), sorted by index since they are appended in order: about 5 bytes a key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-event-keys"

#include "config.h"

#include "dossier-event-keys.h"

/* The month of the keys from @first on, up to the next run's first. */
typedef struct
{
  guint32 first;
  gint32  month;
} MonthRun;

/* A value of the key at @index that the rule would not give. */
typedef struct
{
  guint32 index;
  guint32 value;
} Exception;

/* A growing array that can be trimmed to its length (GArray cannot before GLib 2.76). */
typedef struct
{
  gpointer data;
  guint    len;
  guint    alloc;
} Vector;

struct _DossierEventKeys
{
  Vector ids;       /* guint32 per key */
  Vector months;    /* MonthRun, at each change of month */
  Vector periods;   /* Exception: the last month of a key whose last month is not its own */
  Vector groups;    /* Exception: the group of a key in a group several articles report */
};

G_DEFINE_BOXED_TYPE (DossierEventKeys, dossier_event_keys, dossier_event_keys_ref,
                     dossier_event_keys_unref)

static gpointer
vector_push (Vector *vector,
             gsize   size)
{
  if (vector->len == vector->alloc)
    {
      vector->alloc = MAX (64, vector->alloc * 2);
      vector->data = g_realloc_n (vector->data, vector->alloc, size);
    }
  return (char *) vector->data + size * vector->len++;
}

static void
vector_trim (Vector *vector,
             gsize   size)
{
  vector->alloc = vector->len;
  vector->data = g_realloc_n (vector->data, MAX (vector->alloc, 1), size);
}

static void
keys_free (DossierEventKeys *self)
{
  g_free (self->ids.data);
  g_free (self->months.data);
  g_free (self->periods.data);
  g_free (self->groups.data);
}

DossierEventKeys *
dossier_event_keys_new (void)
{
  return g_atomic_rc_box_new0 (DossierEventKeys);
}

DossierEventKeys *
dossier_event_keys_ref (DossierEventKeys *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
dossier_event_keys_unref (DossierEventKeys *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) keys_free);
}

/* The last month of a point in time: its own month, or December of a year-only date. */
static gint32
own_last_month (gint32 month)
{
  return month / 100 % 100 == 0 ? month + 1200 : month;
}

static void
push_exception (Vector  *vector,
                guint32  index,
                guint32  value)
{
  Exception *exception = vector_push (vector, sizeof (Exception));

  exception->index = index;
  exception->value = value;
}

/* Adds @key after the others; in timeline order, months change least often. */
void
dossier_event_keys_append (DossierEventKeys      *self,
                           const DossierEventKey *key)
{
  guint32 index = self->ids.len;
  MonthRun *last = self->months.len ? &((MonthRun *) self->months.data)[self->months.len - 1]
                                    : NULL;

  g_return_if_fail (self != NULL && key != NULL);

  *(guint32 *) vector_push (&self->ids, sizeof (guint32)) = key->id;
  if (last == NULL || last->month != key->month)
    {
      MonthRun *run = vector_push (&self->months, sizeof (MonthRun));

      run->first = index;
      run->month = key->month;
    }
  if (key->last_month != own_last_month (key->month))
    push_exception (&self->periods, index, key->last_month);
  if (key->group != 0)
    push_exception (&self->groups, index, key->group);
}

/* Gives back the room kept for more keys, once all are there. */
void
dossier_event_keys_trim (DossierEventKeys *self)
{
  g_return_if_fail (self != NULL);

  vector_trim (&self->ids, sizeof (guint32));
  vector_trim (&self->months, sizeof (MonthRun));
  vector_trim (&self->periods, sizeof (Exception));
  vector_trim (&self->groups, sizeof (Exception));
}

guint
dossier_event_keys_get_length (DossierEventKeys *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->ids.len;
}

/* The bytes the keys take, for benchmarks and tests. */
gsize
dossier_event_keys_get_size (DossierEventKeys *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return sizeof *self + self->ids.alloc * sizeof (guint32)
         + self->months.alloc * sizeof (MonthRun)
         + (self->periods.alloc + self->groups.alloc) * sizeof (Exception);
}

/* The first exception at or after @index. */
static guint
first_exception (const Vector *vector,
                 guint         index)
{
  const Exception *exceptions = vector->data;
  guint low = 0, high = vector->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (exceptions[middle].index < index)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

/* The run holding the key at @index: the last one starting at or before it. */
static guint
run_of (const Vector *vector,
        guint         index)
{
  const MonthRun *runs = vector->data;
  guint low = 0, high = vector->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (runs[middle].first <= index)
        low = middle + 1;
      else
        high = middle;
    }
  return low - 1;
}

/* The exception's value when @cursor is at the key @index (and past it then), else
 * @otherwise. */
static guint32
take_exception (const Vector *vector,
                guint        *cursor,
                guint         index,
                guint32       otherwise)
{
  const Exception *exceptions = vector->data;

  if (*cursor < vector->len && exceptions[*cursor].index == index)
    return exceptions[(*cursor)++].value;
  return otherwise;
}

/* Sets @iter before the key at @first: each dossier_event_keys_iter_next() then gives
 * the next key, in constant time. */
void
dossier_event_keys_iter_init (DossierEventKeysIter *iter,
                              DossierEventKeys     *keys,
                              guint                 first)
{
  g_return_if_fail (iter != NULL && keys != NULL);

  iter->keys = keys;
  iter->index = MIN (first, keys->ids.len);
  iter->run = keys->months.len ? run_of (&keys->months, iter->index) : 0;
  iter->period = first_exception (&keys->periods, iter->index);
  iter->group = first_exception (&keys->groups, iter->index);
}

/* Fills @key with the next key; FALSE past the last. */
gboolean
dossier_event_keys_iter_next (DossierEventKeysIter *iter,
                              DossierEventKey      *key)
{
  DossierEventKeys *self = iter->keys;
  const MonthRun *runs = self->months.data;
  guint i = iter->index;

  if (i >= self->ids.len)
    return FALSE;

  while (iter->run + 1 < self->months.len && runs[iter->run + 1].first <= i)
    iter->run++;
  key->id = ((guint32 *) self->ids.data)[i];
  key->month = runs[iter->run].month;
  key->last_month = take_exception (&self->periods, &iter->period, i,
                                    own_last_month (key->month));
  key->group = take_exception (&self->groups, &iter->group, i, 0);
  iter->index++;
  return TRUE;
}

/**
 * dossier_event_keys_get:
 * @keys: (out caller-allocates) (array length=n_keys): where the keys go
 *
 * The keys from @first to @first + @n_keys - 1, whole.
 */
void
dossier_event_keys_get (DossierEventKeys *self,
                        guint             first,
                        guint             n_keys,
                        DossierEventKey  *keys)
{
  DossierEventKeysIter iter;

  g_return_if_fail (self != NULL);
  g_return_if_fail (first <= self->ids.len && n_keys <= self->ids.len - first);

  dossier_event_keys_iter_init (&iter, self, first);
  for (guint i = 0; i < n_keys; i++)
    dossier_event_keys_iter_next (&iter, &keys[i]);
}

/* The id of the key at @index. */
guint32
dossier_event_keys_get_id (DossierEventKeys *self,
                           guint             index)
{
  g_return_val_if_fail (self != NULL && index < self->ids.len, 0);

  return ((guint32 *) self->ids.data)[index];
}
