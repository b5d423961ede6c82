/* dossier-event-list.c: the timeline read back: listed, streamed, as keys and pages
 *
 * Part of the event store (dossier-event-store.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-event-store"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-event-store.h"

/* What event_from_row() reads, e being the event and a its article. */
#define EVENT_COLUMNS_REPORTED(reported_by) \
  "e.id, a.uid, a.title, e.date_key, e.precision, e.end_key, e.end_precision," \
  " e.qualifier, e.phrase," \
  " substr (a.body, e.sentence_start + 1, e.sentence_end - e.sentence_start)," \
  " e.group_key, e.conflict," \
  " (SELECT group_concat (name, char (31)) FROM" \
  "    (SELECT n.name FROM event_entities x JOIN entities n ON n.id = x.entity" \
  "     WHERE x.event = e.id ORDER BY n.name))," \
  " " reported_by "," \
  " e.sentence_start, e.sentence_end"

/* Whether event e's sentence names the entity called @name (a parameter) or one of its
 * aliases; NULL lets every event through. */
#define EVENT_NAMES_ENTITY(name) \
  "(" name " IS NULL OR e.id IN (SELECT x.event FROM event_entities x WHERE x.entity IN" \
  "   (SELECT id FROM entities WHERE name = " name " COLLATE NOCASE" \
  "    UNION SELECT entity FROM aliases WHERE alias = " name " COLLATE NOCASE)))"

/* Oldest first; a year before its months, a month before its days. */
#define TIMELINE_ORDER \
  "e.date_key, e.precision, coalesce (e.end_key, 0), a.published_key, a.uid, e.phrase_start"

static void
date_from_columns (DossierStatement *stmt,
                   int               column,
                   DossierDate      *date)
{
  memset (date, 0, sizeof *date);
  if (sqlite3_column_type (stmt, column) != SQLITE_NULL)
    dossier_date_from_key (sqlite3_column_int (stmt, column),
                           sqlite3_column_int (stmt, column + 1), date);
}

static DossierEvent *
event_from_row (DossierStatement *stmt)
{
  DossierEvent *event = dossier_event_new ();
  const char *names = dossier_statement_column_text (stmt, 12);

  event->id = sqlite3_column_int64 (stmt, 0);
  event->article_id = g_strdup (dossier_statement_column_text (stmt, 1));
  event->article_title = g_strdup (dossier_statement_column_text (stmt, 2));
  date_from_columns (stmt, 3, &event->date);
  date_from_columns (stmt, 5, &event->end);
  dossier_qualifier_from_string (dossier_statement_column_text (stmt, 7), &event->qualifier);
  event->phrase = g_strdup (dossier_statement_column_text (stmt, 8));
  event->text = g_strdup (dossier_statement_column_text (stmt, 9));
  event->group = g_strdup (dossier_statement_column_text (stmt, 10));
  event->conflict = sqlite3_column_int (stmt, 11);
  event->entities = names ? g_strsplit (names, "\x1f", -1) : g_new0 (char *, 1);
  event->reported_by = sqlite3_column_int (stmt, 13);
  event->sentence_start = sqlite3_column_int (stmt, 14);
  event->sentence_end = sqlite3_column_int (stmt, 15);
  return event;
}

/* Whether @name is an entity's name or alias, in any case. */
static gboolean
entity_exists (DossierDatabase  *db,
               const char       *name,
               gboolean         *exists,
               GError          **error)
{
  g_autoptr(DossierStatement) stmt = dossier_database_prepare (db,
    "SELECT EXISTS (SELECT 1 FROM entities WHERE name = ?1 COLLATE NOCASE)"
    "    OR EXISTS (SELECT 1 FROM aliases WHERE alias = ?1 COLLATE NOCASE)", error);

  if (stmt == NULL)
    return FALSE;

  dossier_statement_bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return dossier_database_set_error (db, sqlite3_errcode (dossier_database_get_handle (db)),
                                       error);
  *exists = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* The day keys that bound a filter: from the first day of @from to the last of @to. */
static void
bind_bounds (DossierStatement  *stmt,
             const DossierDate *from,
             const DossierDate *to)
{
  GDate day;

  if (from != NULL)
    {
      dossier_date_get_first_day (from, &day);
      sqlite3_bind_int (stmt, 2, g_date_get_year (&day) * 10000 + g_date_get_month (&day) * 100
                                 + g_date_get_day (&day));
    }
  if (to != NULL)
    {
      dossier_date_get_last_day (to, &day);
      sqlite3_bind_int (stmt, 3, g_date_get_year (&day) * 10000 + g_date_get_month (&day) * 100
                                 + g_date_get_day (&day));
    }
}

static DossierStatement *
prepare_list (DossierDatabase  *db,
              GError          **error)
{
  /* An event is kept when its span (a year is all its days, a period runs to its end)
   * overlaps [from, to]. */
  return dossier_database_prepare (db,
    "SELECT " EVENT_COLUMNS_REPORTED ("0")
    " FROM events e JOIN articles a ON a.id = e.article"
    " WHERE a.hidden = 0"
    "   AND " EVENT_NAMES_ENTITY ("?1")
    "   AND (?2 IS NULL OR coalesce (e.end_key, e.date_key)"
    "        + CASE coalesce (e.end_precision, e.precision) WHEN 1 THEN 1231 WHEN 2 THEN 31"
    "          ELSE 0 END >= ?2)"
    "   AND (?3 IS NULL OR e.date_key <= ?3)"
    "   AND (?4 IS NULL OR e.group_key = ?4)"
    " ORDER BY " TIMELINE_ORDER, error);
}

/* The articles that report each group, counted once per group and listing: counting them
 * in the query counted a group again for each of its events, thousands for some, and made
 * most of the 53 s the timeline of 100,000 articles took. */
typedef struct
{
  DossierDatabase *db;
  GHashTable      *counts;   /* group key → count */
} ReportCounts;

static gboolean
count_reporting (ReportCounts  *self,
                 DossierEvent  *event,
                 GError       **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  gpointer count;

  if (event->group == NULL)
    return TRUE;
  if (g_hash_table_lookup_extended (self->counts, event->group, NULL, &count))
    {
      event->reported_by = GPOINTER_TO_UINT (count);
      return TRUE;
    }

  stmt = dossier_database_prepare (self->db,
    "SELECT count (DISTINCT article) FROM events WHERE group_key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  dossier_statement_bind_text (stmt, 1, event->group);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return dossier_database_set_error (self->db, sqlite3_errcode (sqlite3_db_handle (stmt)),
                                       error);
  event->reported_by = sqlite3_column_int (stmt, 0);
  g_hash_table_insert (self->counts, g_strdup (event->group),
                       GUINT_TO_POINTER (event->reported_by));
  return TRUE;
}

static gboolean
each_event (DossierDatabase    *db,
            const char         *entity,
            const DossierDate  *from,
            const DossierDate  *to,
            const char         *group,
            DossierEventFunc    func,
            gpointer            user_data,
            GError            **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ReportCounts reporting = { db, counts };
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  if ((stmt = prepare_list (db, error)) == NULL)
    return FALSE;
  dossier_statement_bind_text (stmt, 1, entity);
  bind_bounds (stmt, from, to);
  dossier_statement_bind_text (stmt, 4, group);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierEvent *event = event_from_row (stmt);

      if (!count_reporting (&reporting, event, error))
        {
          dossier_event_free (event);
          return FALSE;
        }
      func (event, user_data);
    }
  if (rc != SQLITE_DONE)
    return dossier_database_set_error (db, rc, error);

  return TRUE;
}

static void
add_to_array (DossierEvent *event,
              gpointer      user_data)
{
  g_ptr_array_add (user_data, event);
}

static GPtrArray *
list_events (DossierDatabase    *db,
             const char         *entity,
             const DossierDate  *from,
             const DossierDate  *to,
             const char         *group,
             GError            **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (
    (GDestroyNotify) dossier_event_free);

  if (!each_event (db, entity, from, to, group, add_to_array, events, error))
    return NULL;

  return g_steal_pointer (&events);
}

/* Whether @entity, when given, names an entity; an error says which name is unknown. */
static gboolean
check_entity (DossierDatabase  *db,
              const char       *entity,
              GError          **error)
{
  gboolean exists = TRUE;

  if (entity != NULL && !entity_exists (db, entity, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_NOT_FOUND,
                   _("No entity is called “%s” (see “dossier entities”)"), entity);
      return FALSE;
    }

  return TRUE;
}

/**
 * dossier_event_store_list:
 * @entity: (nullable): only events whose sentence mentions the entity with this name
 *   or alias, in any case
 * @from: (nullable): only events that may fall on or after the first day of @from
 * @to: (nullable): only events that may fall on or before the last day of @to
 *
 * Returns: (transfer full) (element-type DossierEvent): the timeline, oldest first; a
 *   year sorts before its months, a month before its days
 */
GPtrArray *
dossier_event_store_list (DossierDatabase    *db,
                          const char         *entity,
                          const DossierDate  *from,
                          const DossierDate  *to,
                          GError            **error)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if (!check_entity (db, entity, error))
    return NULL;

  return list_events (db, entity, from, to, NULL, error);
}

/**
 * dossier_event_store_foreach:
 * @func: (scope call): called with each event, which it owns, as soon as it is read
 *
 * dossier_event_store_list() without holding the timeline: for a listing of any length
 * that is written out as it comes.
 *
 * Returns: FALSE, with @error set, when the listing stopped on an error
 */
gboolean
dossier_event_store_foreach (DossierDatabase    *db,
                             const char         *entity,
                             const DossierDate  *from,
                             const DossierDate  *to,
                             DossierEventFunc    func,
                             gpointer            user_data,
                             GError            **error)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return check_entity (db, entity, error)
         && each_event (db, entity, from, to, NULL, func, user_data, error);
}

/**
 * dossier_event_store_list_group:
 * @group: a group key, as in #DossierEvent.group
 *
 * Returns: (transfer full) (element-type DossierEvent): the events that tell one
 *   happening, with the articles that report it; empty for an unknown group
 */
GPtrArray *
dossier_event_store_list_group (DossierDatabase  *db,
                                const char       *group,
                                GError          **error)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);
  g_return_val_if_fail (group != NULL, NULL);

  return list_events (db, NULL, NULL, NULL, group, error);
}

/* Keys: the timeline without its text */

/* Groups that several articles report show as one row, their first event; the group's
 * smallest event id names it. Every event is read, so events are read in table order, each
 * page once, not through an index that visits a page per event. The article's side comes
 * from an index that holds it whole: articles' rows carry their body before hidden, so
 * reading hidden from the table would read every body, once per event. */
static const char keys_sql[] =
  "WITH shared (group_key, first) AS"
  "  (SELECT group_key, min (id) FROM events NOT INDEXED WHERE group_key IS NOT NULL"
  "   GROUP BY group_key HAVING min (article) <> max (article))"
  " SELECT e.id, e.date_key, e.precision, e.end_key, e.end_precision, s.first"
  " FROM events e NOT INDEXED"
  " JOIN articles a INDEXED BY articles_for_timeline ON a.id = e.article"
  " LEFT JOIN shared s ON s.group_key = e.group_key"
  " WHERE a.hidden = 0 AND " EVENT_NAMES_ENTITY ("?1")
  " ORDER BY " TIMELINE_ORDER;

static DossierStatement *
prepare_keys (DossierDatabase  *db,
              GError          **error)
{
  return dossier_database_prepare (db, keys_sql, error);
}

static void
key_from_row (DossierStatement *stmt,
              DossierEventKey  *key)
{
  DossierDate date, end;

  key->id = sqlite3_column_int64 (stmt, 0);
  key->group = sqlite3_column_int64 (stmt, 5);
  date_from_columns (stmt, 1, &date);
  date_from_columns (stmt, 3, &end);
  dossier_event_key_set_dates (key, &date, &end);
}

/**
 * dossier_event_store_list_keys:
 * @entity: (nullable): only events whose sentence names this entity (name or alias)
 *
 * The timeline as dossier_event_store_list() orders it, one small key per event, for a
 * list that fetches the events it shows with dossier_event_store_load().
 *
 * Returns: (transfer full): the keys; NULL on error
 */
DossierEventKeys *
dossier_event_store_list_keys (DossierDatabase  *db,
                               const char       *entity,
                               GCancellable     *cancellable,
                               GError          **error)
{
  g_autoptr(DossierEventKeys) keys = dossier_event_keys_new ();
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if ((stmt = prepare_keys (db, error)) == NULL)
    return NULL;
  dossier_statement_bind_text (stmt, 1, entity);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierEventKey key;

      if (dossier_event_keys_get_length (keys) % 4096 == 0
          && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      key_from_row (stmt, &key);
      dossier_event_keys_append (keys, &key);
    }
  if (rc != SQLITE_DONE)
    {
      dossier_database_set_error (db, rc, error);
      return NULL;
    }

  dossier_event_keys_trim (keys);
  return g_steal_pointer (&keys);
}

/* The ids of @keys, as a JSON array. */
static char *
ids_to_json (const DossierEventKey *keys,
             guint                  n_keys)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n_keys; i++)
    g_string_append_printf (json, "%s%u", json->len > 1 ? "," : "", keys[i].id);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* The group of a key that is not shared is one article's, or none; the shared groups'
 * articles are counted after, once a group (see count_reporting()). */
static const char load_sql[] =
  "SELECT " EVENT_COLUMNS_REPORTED ("e.group_key IS NOT NULL")
  " FROM events e JOIN articles a ON a.id = e.article"
  " WHERE e.id IN (SELECT value FROM json_each (?1))";

/**
 * dossier_event_store_load:
 * @keys: (array length=n_keys): keys from dossier_event_store_list_keys()
 *
 * Returns: (transfer full) (element-type DossierEvent): the events of @keys, in their
 *   order; an event removed since its key was read is left out
 */
GPtrArray *
dossier_event_store_load (DossierDatabase        *db,
                          const DossierEventKey  *keys,
                          guint                   n_keys,
                          GError                **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                       (GDestroyNotify) dossier_event_free);
  g_autoptr(DossierStatement) stmt = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ReportCounts reporting = { db, counts };
  g_autofree char *json = ids_to_json (keys, n_keys);
  g_autoptr(GPtrArray) events = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), NULL);

  if ((stmt = dossier_database_prepare (db, load_sql, error)) == NULL)
    return NULL;
  dossier_statement_bind_text (stmt, 1, json);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierEvent *event = event_from_row (stmt);

      g_hash_table_insert (by_id, &event->id, event);
    }
  if (rc != SQLITE_DONE)
    return dossier_database_set_error (db, rc, error), NULL;

  events = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_event_free);
  for (guint i = 0; i < n_keys; i++)
    {
      gint64 id = keys[i].id;
      gpointer event = NULL;

      if (!g_hash_table_steal_extended (by_id, &id, NULL, &event))
        continue;
      g_ptr_array_add (events, event);
      if (keys[i].group != 0 && !count_reporting (&reporting, event, error))
        return NULL;
    }
  return g_steal_pointer (&events);
}

char *
_dossier_event_store_explain_keys (DossierDatabase  *db,
                                   GError          **error)
{
  g_autofree char *explained = g_strconcat ("EXPLAIN QUERY PLAN ", keys_sql, NULL);
  g_autoptr(GString) plan = g_string_new (NULL);
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  if ((stmt = dossier_database_prepare (db, explained, error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", dossier_statement_column_text (stmt, 3));
  if (rc != SQLITE_DONE)
    {
      dossier_database_set_error (db, rc, error);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&plan), FALSE);
}
