/* dossier-event-store.c: the timeline's events, in the database
 *
 * The only file that knows the SQL of the events and event_entities tables. An article's
 * events are rebuilt from its text whenever it is saved, after its mentions: an event's
 * entities are those mentioned in its sentence. Grouping spans articles, so it is redone
 * once for the whole library after a batch of rebuilds (dossier-event-groups.c); reading
 * the timeline back is in dossier-event-list.c. Callers own the transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-event-store"

#include "config.h"

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
  const StagedEvent *row = dossier_staged_row (context, argv, EVENTS_POINTER,
                                               "staged_event: no such event");
  const DossierDateExpression *e;

  if (row == NULL)
    return;

  e = row->expression;
  switch (sqlite3_value_int (argv[2]))
    {
    case STAGED_ARTICLE: sqlite3_result_int64 (context, row->article); break;
    case STAGED_DATE_KEY: result_date (context, &e->date, TRUE); break;
    case STAGED_PRECISION: result_date (context, &e->date, FALSE); break;
    case STAGED_END_KEY: result_date (context, &e->end, TRUE); break;
    case STAGED_END_PRECISION: result_date (context, &e->end, FALSE); break;
    case STAGED_QUALIFIER:
      dossier_result_text (context, dossier_qualifier_to_string (e->qualifier));
      break;
    case STAGED_PHRASE: dossier_result_text (context, e->phrase); break;
    case STAGED_PHRASE_START: sqlite3_result_int (context, e->start); break;
    case STAGED_PHRASE_LENGTH: sqlite3_result_int (context, e->length); break;
    case STAGED_SENTENCE_START: sqlite3_result_int (context, e->sentence_start); break;
    case STAGED_SENTENCE_END: sqlite3_result_int (context, e->sentence_end); break;
    case STAGED_HAPPENING: dossier_result_text (context, row->happening); break;
    case STAGED_ID: sqlite3_result_int64 (context, row->id); break;
    case STAGED_GROUP_KEY: dossier_result_text (context, row->group_key); break;
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
  return dossier_database_insert_staged (db,
    DOSSIER_STAGED_ROWS
    " INSERT INTO events (article, date_key, precision, end_key, end_precision, qualifier,"
    "                     phrase, phrase_start, phrase_length, sentence_start, sentence_end,"
    "                     happening, id, group_key)"
    " SELECT " STAGED (0) ", " STAGED (1) ", " STAGED (2) ", " STAGED (3) ", " STAGED (4) ","
    "   " STAGED (5) ", " STAGED (6) ", " STAGED (7) ", " STAGED (8) ", " STAGED (9) ","
    "   " STAGED (10) ", " STAGED (11) ", " STAGED (12) ", " STAGED (13)
    " FROM staged", "staged_event", staged_event, staged, EVENTS_POINTER, error);
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
