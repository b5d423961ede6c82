/* dossier-event-groups.c: which events of different articles tell one happening
 *
 * Part of the event store (dossier-event-store.c): the grouping, redone for the whole
 * library after a batch of rebuilds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-event-store"

#include "config.h"

#include "dossier-event-store.h"

/* Grouping
 *
 * Events of different articles tell one happening when their dates agree and their
 * sentences share an entity. It is done in two steps, so that a coarse date cannot chain
 * unrelated days together:
 *
 * 1. Events with the very same date (same day, or same month, or same year, or the same
 *    period) that share an entity form a group.
 * 2. A group dated to a month joins a group of one of its days, "February 2021" with
 *    "1 February 2021", only when exactly one day group of that month shares an entity
 *    with it: otherwise ("In July" next to reports of 4, 21 and 26 July) which day it
 *    belongs to is unknown, and it stays a happening of its own.
 *
 * A year alone says too little to tie a dated day to it: years group only with years.
 * Each group's key is its finest, earliest event's date and id. */

typedef struct
{
  gint64       id;
  gint64       article;
  DossierDate  date;
  int          end_key;        /* 0 for a point */
  char        *happening;
  char        *entities;       /* sorted entity ids, "3,17,42"; NULL for none */
  guint        group;          /* the row that represents its group */
  gboolean     conflict;
  char        *stored_key;     /* group_key and conflict as stored, so that only rows */
  gboolean     stored_conflict;   /* whose grouping changed are written */
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->happening);
  g_free (row->entities);
  g_free (row->stored_key);
}

/* Rows come finest first, then by date: a group's first row represents it. */
static gboolean
load_rows (DossierDatabase  *db,
           GArray           *rows,
           GError          **error)
{
  g_autoptr(DossierStatement) stmt = dossier_database_prepare (db,
    "SELECT e.id, e.article, e.date_key, e.precision, coalesce(e.end_key, 0), e.happening,"
    "       (SELECT group_concat(entity) FROM"
    "          (SELECT entity FROM event_entities WHERE event = e.id ORDER BY entity)),"
    "       e.group_key, e.conflict"
    " FROM events e ORDER BY e.precision DESC, e.date_key, e.article, e.phrase_start", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = { 0 };

      row.id = sqlite3_column_int64 (stmt, 0);
      row.article = sqlite3_column_int64 (stmt, 1);
      dossier_date_from_key (sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3),
                             &row.date);
      row.end_key = sqlite3_column_int (stmt, 4);
      row.happening = g_strdup (dossier_statement_column_text (stmt, 5));
      row.entities = g_strdup (dossier_statement_column_text (stmt, 6));
      row.stored_key = g_strdup (dossier_statement_column_text (stmt, 7));
      row.stored_conflict = sqlite3_column_int (stmt, 8) != 0;
      row.group = rows->len;
      g_array_append_val (rows, row);
    }

  return rc == SQLITE_DONE || dossier_database_set_error (db, rc, error);
}

static guint
find_group (GArray *rows,
            guint   i)
{
  while (g_array_index (rows, Row, i).group != i)
    {
      Row *row = &g_array_index (rows, Row, i);

      /* path halving keeps the chains short */
      row->group = g_array_index (rows, Row, row->group).group;
      i = row->group;
    }
  return i;
}

/* Joins the groups of rows @a and @b under the one that comes first. */
static void
join_groups (GArray *rows,
             guint   a,
             guint   b)
{
  guint ga = find_group (rows, a), gb = find_group (rows, b);

  g_array_index (rows, Row, MAX (ga, gb)).group = MIN (ga, gb);
}

/* Step 1: the same date and a shared entity. */
static void
group_same_dates (GArray *rows)
{
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_auto(GStrv) ids = row->entities ? g_strsplit (row->entities, ",", -1) : NULL;

      for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
        {
          char *key = g_strdup_printf ("%d:%d:%d:%s", dossier_date_to_key (&row->date),
                                       row->date.precision, row->end_key, ids[k]);
          gpointer seen = g_hash_table_lookup (first, key);

          if (seen != NULL)
            {
              join_groups (rows, GPOINTER_TO_UINT (seen) - 1, i);
              g_free (key);
            }
          else
            g_hash_table_insert (first, key, GUINT_TO_POINTER (i + 1));
        }
    }
}

/* Each group's entities, keyed by the group's representative row. */
static GHashTable *
collect_group_entities (GArray *rows)
{
  GHashTable *groups = g_hash_table_new_full (NULL, NULL, NULL,
                                              (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      gpointer group = GUINT_TO_POINTER (find_group (rows, i));
      GHashTable *entities = g_hash_table_lookup (groups, group);
      g_auto(GStrv) ids = row->entities ? g_strsplit (row->entities, ",", -1) : NULL;

      if (entities == NULL)
        {
          entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (groups, group, entities);
        }
      for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
        g_hash_table_add (entities, g_strdup (ids[k]));
    }

  return groups;
}

static gboolean
intersect (GHashTable *a,
           GHashTable *b)
{
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (g_hash_table_contains (b, id))
      return TRUE;
  return FALSE;
}

/* Day groups by month (year × 100 + month), for step 2. */
static GHashTable *
index_day_groups (GArray *rows)
{
  GHashTable *days = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *day = &g_array_index (rows, Row, i);
      gpointer month = GINT_TO_POINTER (day->date.year * 100 + day->date.month);
      GArray *groups;

      if (day->date.precision != DOSSIER_PRECISION_DAY || day->end_key != 0 || day->group != i)
        continue;
      if ((groups = g_hash_table_lookup (days, month)) == NULL)
        g_hash_table_insert (days, month, groups = g_array_new (FALSE, FALSE, sizeof (guint)));
      g_array_append_val (groups, i);
    }

  return days;
}

/* The only day group of @month's month that shares an entity with it, or -1. */
static int
only_day_group (GArray     *rows,
                GHashTable *entities,
                GHashTable *days,
                guint       month)
{
  const Row *m = &g_array_index (rows, Row, month);
  GArray *candidates = g_hash_table_lookup (days,
                                            GINT_TO_POINTER (m->date.year * 100 + m->date.month));
  GHashTable *own = g_hash_table_lookup (entities, GUINT_TO_POINTER (month));
  int found = -1;

  for (guint k = 0; candidates != NULL && k < candidates->len; k++)
    {
      guint day = g_array_index (candidates, guint, k);

      if (!intersect (g_hash_table_lookup (entities, GUINT_TO_POINTER (day)), own))
        continue;
      if (found >= 0)
        return -1;
      found = day;
    }

  return found;
}

/* Step 2: a month group joins its one day group. */
static void
attach_months_to_days (GArray *rows)
{
  g_autoptr(GHashTable) entities = NULL;
  g_autoptr(GHashTable) days = NULL;

  for (guint i = 0; i < rows->len; i++)
    g_array_index (rows, Row, i).group = find_group (rows, i);
  entities = collect_group_entities (rows);
  days = index_day_groups (rows);

  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      int day;

      if (row->group != i || row->date.precision != DOSSIER_PRECISION_MONTH || row->end_key)
        continue;
      if ((day = only_day_group (rows, entities, days, i)) >= 0)
        join_groups (rows, day, i);
    }

  for (guint i = 0; i < rows->len; i++)
    g_array_index (rows, Row, i).group = find_group (rows, i);
}

/* Conflicts: two events of different articles, in different groups, whose sentences name
 * the same kind of happening ("coup", "visit") among exactly the same entities, with
 * dates that cannot be the same day. Both are flagged; neither is judged right. */
static void
flag_conflicts (GArray *rows)
{
  g_autoptr(GHashTable) by_signature = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  GPtrArray *same;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      char *signature;

      if (row->happening == NULL || row->entities == NULL)
        continue;
      signature = g_strconcat (row->happening, "|", row->entities, NULL);
      if ((same = g_hash_table_lookup (by_signature, signature)) == NULL)
        g_hash_table_insert (by_signature, g_strdup (signature), same = g_ptr_array_new ());
      g_ptr_array_add (same, row);
      g_free (signature);
    }

  g_hash_table_iter_init (&iter, by_signature);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &same))
    for (guint i = 0; i < same->len; i++)
      for (guint j = i + 1; j < same->len; j++)
        {
          Row *a = g_ptr_array_index (same, i), *b = g_ptr_array_index (same, j);

          if (a->article != b->article && a->group != b->group
              && !dossier_date_matches (&a->date, &b->date))
            a->conflict = b->conflict = TRUE;
        }
}

static char *
group_key (const Row *first)
{
  g_autofree char *iso = dossier_date_to_iso (&first->date);

  return g_strdup_printf ("%s#%" G_GINT64_FORMAT, iso, first->id);
}

static gboolean
save_groups (DossierDatabase  *db,
             GArray           *rows,
             GError          **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      g_autofree char *key = group_key (&g_array_index (rows, Row, row->group));
      g_autoptr(DossierStatement) stmt = NULL;

      /* A batch of imports into a large library leaves most groups as they were. */
      if (g_strcmp0 (key, row->stored_key) == 0 && row->conflict == row->stored_conflict)
        continue;
      stmt = dossier_database_prepare (db,
        "UPDATE events SET group_key = ?2, conflict = ?3 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row->id);
      dossier_statement_bind_text (stmt, 2, key);
      sqlite3_bind_int (stmt, 3, row->conflict);
      if (!dossier_database_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * dossier_event_store_group:
 *
 * Reads every event of the library and works out its group and conflict flag, which
 * dossier_event_store_save_groups() stores: the reading needs no write lock, so another
 * connection may write meanwhile (an import merges the search index then).
 *
 * Returns: (transfer full): the grouping, or %NULL with @error set
 */
GArray *
dossier_event_store_group (DossierDatabase  *db,
                           GError          **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  g_array_set_clear_func (rows, row_clear);
  if (!load_rows (db, rows, error))
    return NULL;

  group_same_dates (rows);
  attach_months_to_days (rows);
  flag_conflicts (rows);
  return g_steal_pointer (&rows);
}

/**
 * dossier_event_store_save_groups:
 * @grouping: what dossier_event_store_group() gave
 *
 * Stores the groups that changed, inside the caller's transaction.
 */
gboolean
dossier_event_store_save_groups (DossierDatabase  *db,
                                 GArray           *grouping,
                                 GError          **error)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (grouping != NULL, FALSE);

  return save_groups (db, grouping, error);
}

/**
 * dossier_event_store_regroup:
 *
 * Recomputes every event's group and conflict flag across the library.
 */
gboolean
dossier_event_store_regroup (DossierDatabase  *db,
                             GError          **error)
{
  g_autoptr(GArray) grouping = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);

  return (grouping = dossier_event_store_group (db, error)) != NULL
         && save_groups (db, grouping, error);
}
