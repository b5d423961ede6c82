/* dossier-event-store.c: the timeline's events, in the database
 *
 * The only file that knows the SQL of the events and event_entities tables. An article's
 * events are rebuilt from its text whenever it is saved, after its mentions: an event's
 * entities are those mentioned in its sentence. Grouping spans articles, so it is redone
 * once for the whole library after a batch of rebuilds. Callers own the transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-event-store"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-event-store.h"

static gboolean
delete_events (DossierDatabase  *db,
               gint64            article_rowid,
               GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;

  /* event_entities follow by ON DELETE CASCADE */
  stmt = dossier_database_prepare (db, "DELETE FROM events WHERE article = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, article_rowid);
  return dossier_database_step_done (db, stmt, error);
}

/* The key of the group of an event alone, the same as group_key() gives it. */
static char *
lone_group_key (gint64             id,
                const DossierDate *date)
{
  g_autofree char *iso = NULL;
  DossierDate stored;

  dossier_date_from_key (dossier_date_to_key (date), date->precision, &stored);
  iso = dossier_date_to_iso (&stored);
  return g_strdup_printf ("%s#%" G_GINT64_FORMAT, iso, id);
}

/* The last event's id, 0 for none: the next ones are given the ids SQLite would give. */
static gboolean
last_event_id (DossierDatabase  *db,
               gint64           *id,
               GError          **error)
{
  return dossier_database_query_int64 (db, "SELECT coalesce (max (id), 0) FROM events", id,
                                       error);
}

/* The events of a save, read by its one INSERT through staged_event(pointer, index,
 * column), in the order of the INSERT's columns. */
#define EVENTS_POINTER "DossierStagedEvents"

typedef struct
{
  gint64                       article;
  gint64                       id;
  const DossierDateExpression *expression;
  const char                  *happening;
  char                        *group_key;
} StagedEvent;

enum
{
  STAGED_ARTICLE,
  STAGED_DATE_KEY,
  STAGED_PRECISION,
  STAGED_END_KEY,
  STAGED_END_PRECISION,
  STAGED_QUALIFIER,
  STAGED_PHRASE,
  STAGED_PHRASE_START,
  STAGED_PHRASE_LENGTH,
  STAGED_SENTENCE_START,
  STAGED_SENTENCE_END,
  STAGED_HAPPENING,
  STAGED_ID,
  STAGED_GROUP_KEY,
};

static void
staged_event_clear (gpointer data)
{
  g_free (((StagedEvent *) data)->group_key);
}

/* The strings outlive the statement, so they are not copied. */
static void
result_text (sqlite3_context *context,
             const char      *text)
{
  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, text, -1, SQLITE_STATIC);
}

/* A date without precision is stored as NULL, key and precision alike. */
static void
result_date (sqlite3_context   *context,
             const DossierDate *date,
             gboolean           key)
{
  if (date->precision == DOSSIER_PRECISION_NONE)
    sqlite3_result_null (context);
  else
    sqlite3_result_int (context, key ? dossier_date_to_key (date) : (int) date->precision);
}

static void
staged_event (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  GArray *staged = sqlite3_value_pointer (argv[0], EVENTS_POINTER);
  sqlite3_int64 index = sqlite3_value_int64 (argv[1]);
  const StagedEvent *row;
  const DossierDateExpression *e;

  if (staged == NULL || index < 0 || index >= staged->len)
    {
      sqlite3_result_error (context, "staged_event: no such event", -1);
      return;
    }

  row = &g_array_index (staged, StagedEvent, index);
  e = row->expression;
  switch (sqlite3_value_int (argv[2]))
    {
    case STAGED_ARTICLE: sqlite3_result_int64 (context, row->article); break;
    case STAGED_DATE_KEY: result_date (context, &e->date, TRUE); break;
    case STAGED_PRECISION: result_date (context, &e->date, FALSE); break;
    case STAGED_END_KEY: result_date (context, &e->end, TRUE); break;
    case STAGED_END_PRECISION: result_date (context, &e->end, FALSE); break;
    case STAGED_QUALIFIER: result_text (context, dossier_qualifier_to_string (e->qualifier)); break;
    case STAGED_PHRASE: result_text (context, e->phrase); break;
    case STAGED_PHRASE_START: sqlite3_result_int (context, e->start); break;
    case STAGED_PHRASE_LENGTH: sqlite3_result_int (context, e->length); break;
    case STAGED_SENTENCE_START: sqlite3_result_int (context, e->sentence_start); break;
    case STAGED_SENTENCE_END: sqlite3_result_int (context, e->sentence_end); break;
    case STAGED_HAPPENING: result_text (context, row->happening); break;
    case STAGED_ID: sqlite3_result_int64 (context, row->id); break;
    case STAGED_GROUP_KEY: result_text (context, row->group_key); break;
    default: sqlite3_result_error (context, "staged_event: no such column", -1);
    }
}

#define STAGED(column) "staged_event (?1, n, " G_STRINGIFY (column) ")"

/* All the events in one statement: one per event spent more on starting statements (each
 * with a statement journal, for its foreign key) than on the rows. Each row brings its
 * own id, so the order they come in does not matter: no ORDER BY, whose sort cost more
 * than the statements it saved. */
static gboolean
insert_events (DossierDatabase  *db,
               GArray           *staged,
               GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;

  if (!dossier_database_add_function (db, "staged_event", 3, staged_event, error))
    return FALSE;

  stmt = dossier_database_prepare (db,
    "WITH RECURSIVE staged (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM staged WHERE n + 1 < ?2)"
    " INSERT INTO events (article, date_key, precision, end_key, end_precision, qualifier,"
    "                     phrase, phrase_start, phrase_length, sentence_start, sentence_end,"
    "                     happening, id, group_key)"
    " SELECT " STAGED (0) ", " STAGED (1) ", " STAGED (2) ", " STAGED (3) ", " STAGED (4) ","
    "   " STAGED (5) ", " STAGED (6) ", " STAGED (7) ", " STAGED (8) ", " STAGED (9) ","
    "   " STAGED (10) ", " STAGED (11) ", " STAGED (12) ", " STAGED (13)
    " FROM staged", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_pointer (stmt, 1, staged, EVENTS_POINTER, NULL);
  sqlite3_bind_int64 (stmt, 2, staged->len);
  return dossier_database_step_done (db, stmt, error);
}

#undef STAGED

/* Each new event's entities: those whose mentions start inside its sentence. The new
 * events are those after @last, so one statement serves every article of the save. */
static gboolean
insert_event_entities (DossierDatabase  *db,
                       gint64            last,
                       GError          **error)
{
  g_autoptr(DossierStatement) stmt = dossier_database_prepare (db,
    "INSERT OR IGNORE INTO event_entities (event, entity)"
    " SELECT e.id, m.entity FROM events e JOIN mentions m ON m.article = e.article"
    "   AND m.start >= e.sentence_start AND m.start < e.sentence_end"
    " WHERE e.id > ?1", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, last);
  return dossier_database_step_done (db, stmt, error);
}

/* Where a character offset of the text is, walking on from the last one found when it
 * lies ahead: expressions come in text order, and walking from the start of the text for
 * each of them made long articles quadratic. */
typedef struct
{
  const char *text;
  const char *pointer;
  guint       offset;
} TextCursor;

static const char *
cursor_seek (TextCursor *cursor,
             guint       offset)
{
  if (offset < cursor->offset)
    {
      cursor->pointer = cursor->text;
      cursor->offset = 0;
    }

  cursor->pointer = g_utf8_offset_to_pointer (cursor->pointer, offset - cursor->offset);
  cursor->offset = offset;
  return cursor->pointer;
}

static const char *
guess_happening (TextCursor                  *cursor,
                 const DossierDateExpression *e)
{
  const char *start = cursor_seek (cursor, e->sentence_start);
  const char *end = g_utf8_offset_to_pointer (start, e->sentence_end - e->sentence_start);
  g_autofree char *sentence = g_strndup (start, end - start);

  return dossier_event_guess_happening (sentence);
}

/**
 * dossier_event_store_guess_happenings:
 * @text: the article's flat text
 * @expressions: (element-type DossierDateExpression): what dossier_date_extract() found
 *   in @text
 *
 * Needs no database, so an import does it on another thread with the extraction.
 *
 * Returns: (transfer container) (element-type utf8): for each expression, the kind of
 *   happening its sentence names (see dossier_event_guess_happening()), or %NULL
 */
GPtrArray *
dossier_event_store_guess_happenings (const char *text,
                                      GPtrArray  *expressions)
{
  GPtrArray *happenings = g_ptr_array_sized_new (expressions->len);
  TextCursor cursor = { text, text, 0 };

  for (guint i = 0; i < expressions->len; i++)
    g_ptr_array_add (happenings, (char *) guess_happening (&cursor,
                                                           g_ptr_array_index (expressions, i)));

  return happenings;
}

/* An event starts as a group of its own, with the key regrouping gives an event alone, so
 * that regrouping a large import rewrites only the events that joined another (a fifth of
 * them at 100,000 articles). The ids are those SQLite would give, after @last. */
static void
stage_events (GArray     *staged,
              gint64      article_rowid,
              GPtrArray  *expressions,
              GPtrArray  *happenings,
              gint64      last)
{
  for (guint i = 0; i < expressions->len; i++)
    {
      const DossierDateExpression *e = g_ptr_array_index (expressions, i);
      StagedEvent row = { article_rowid, last + staged->len + 1, e,
                          g_ptr_array_index (happenings, i), NULL };

      row.group_key = lone_group_key (row.id, &e->date);
      g_array_append_val (staged, row);
    }
}

/**
 * dossier_event_store_save_all:
 * @n_articles: how many articles the arrays describe
 * @article_rowids: (array length=n_articles): the articles' rows (see
 *   dossier_article_store_save_all())
 * @expressions: (array length=n_articles): for each article, the #DossierDateExpression
 *   dossier_date_extract() found in its flat text, against its publication date
 * @happenings: (array length=n_articles): for each article, what
 *   dossier_event_store_guess_happenings() gave for its expressions
 *
 * Replaces the events of each article with its expressions, inside the caller's
 * transaction: the same rows as one dossier_event_store_save() per article, in one
 * INSERT. Run it after the articles' mentions are stored.
 */
gboolean
dossier_event_store_save_all (DossierDatabase   *db,
                              guint              n_articles,
                              const gint64      *article_rowids,
                              GPtrArray * const *expressions,
                              GPtrArray * const *happenings,
                              GError           **error)
{
  g_autoptr(GArray) staged = g_array_new (FALSE, FALSE, sizeof (StagedEvent));
  gint64 last = 0;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (n_articles == 0 || (article_rowids != NULL && expressions != NULL
                                            && happenings != NULL), FALSE);

  g_array_set_clear_func (staged, staged_event_clear);
  for (guint i = 0; i < n_articles; i++)
    {
      g_return_val_if_fail (expressions[i]->len == happenings[i]->len, FALSE);
      if (!delete_events (db, article_rowids[i], error))
        return FALSE;
    }

  if (!last_event_id (db, &last, error))
    return FALSE;
  for (guint i = 0; i < n_articles; i++)
    stage_events (staged, article_rowids[i], expressions[i], happenings[i], last);

  return staged->len == 0
         || (insert_events (db, staged, error) && insert_event_entities (db, last, error));
}

/**
 * dossier_event_store_save:
 * @article_rowid: the article's row (see dossier_article_store_save())
 * @expressions: (element-type DossierDateExpression): what dossier_date_extract() found in
 *   the article's flat text, against its publication date
 * @happenings: (element-type utf8): what dossier_event_store_guess_happenings() gave for
 *   @expressions
 *
 * Replaces the events of the article with @expressions, inside the caller's transaction.
 * Run it after the article's mentions are stored.
 */
gboolean
dossier_event_store_save (DossierDatabase  *db,
                          gint64            article_rowid,
                          GPtrArray        *expressions,
                          GPtrArray        *happenings,
                          GError          **error)
{
  g_return_val_if_fail (expressions != NULL && happenings != NULL, FALSE);
  g_return_val_if_fail (expressions->len == happenings->len, FALSE);

  return dossier_event_store_save_all (db, 1, &article_rowid, &expressions, &happenings, error);
}

/**
 * dossier_event_store_rebuild:
 * @article_rowid: the article's row (see dossier_article_store_save())
 *
 * Replaces the events of @article with those its text dates now, resolved against its
 * publication date. Run it after the article's mentions are stored, and
 * dossier_event_store_regroup() after the last article of a batch.
 */
gboolean
dossier_event_store_rebuild (DossierDatabase  *db,
                             gint64            article_rowid,
                             DossierArticle   *article,
                             GError          **error)
{
  const char *text;
  g_autoptr(GPtrArray) expressions = NULL;
  g_autoptr(GPtrArray) happenings = NULL;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), FALSE);

  text = dossier_article_get_text (article);
  expressions = dossier_date_extract (text, dossier_article_get_published (article));
  happenings = dossier_event_store_guess_happenings (text, expressions);
  return dossier_event_store_save (db, article_rowid, expressions, happenings, error);
}

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

/* Listing */

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
