/* dossier-schema.c: the database schema, as a list of migrations
 *
 * Each entry takes a database from one PRAGMA user_version to the next. Released entries
 * are never edited: a change to the schema is a new entry at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-database-private.h"

static const char migration_1[] =
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT"
  ") WITHOUT ROWID;"

  /* uid is the article's stable id, the one files, links and annotations use; id is only
   * the rowid the FTS index and the child tables point at. */
  "CREATE TABLE articles ("
  "  id             INTEGER PRIMARY KEY,"
  "  uid            TEXT NOT NULL UNIQUE,"
  "  title          TEXT NOT NULL,"
  "  subtitle       TEXT,"
  "  outlet         TEXT,"
  "  url            TEXT,"
  "  published_key  INTEGER NOT NULL,"
  "  precision      INTEGER NOT NULL,"
  "  published_note TEXT,"
  "  language       TEXT,"
  "  body           TEXT NOT NULL,"
  "  text_hash      TEXT NOT NULL,"
  "  origin         INTEGER NOT NULL DEFAULT 0,"
  "  hidden         INTEGER NOT NULL DEFAULT 0,"
  "  added          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
  ");"
  "CREATE INDEX articles_by_date ON articles (published_key, title);"

  "CREATE TABLE credits ("
  "  article  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  role     TEXT NOT NULL,"
  "  name     TEXT NOT NULL,"
  "  PRIMARY KEY (article, position)"
  ") WITHOUT ROWID;"

  /* A block's text is not stored twice: it is body[start, start + length), in characters. */
  "CREATE TABLE blocks ("
  "  article     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  position    INTEGER NOT NULL,"
  "  kind        INTEGER NOT NULL,"
  "  start       INTEGER NOT NULL,"
  "  length      INTEGER NOT NULL,"
  "  attribution TEXT,"
  "  PRIMARY KEY (article, position)"
  ") WITHOUT ROWID;"

  "CREATE TABLE entities ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL UNIQUE,"
  "  kind        INTEGER NOT NULL,"
  "  description TEXT,"
  "  origin      INTEGER NOT NULL DEFAULT 0"
  ");"

  "CREATE TABLE aliases ("
  "  entity INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,"
  "  alias  TEXT NOT NULL,"
  "  PRIMARY KEY (entity, alias)"
  ") WITHOUT ROWID;"

  "CREATE TABLE mentions ("
  "  article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  start   INTEGER NOT NULL,"
  "  length  INTEGER NOT NULL,"
  "  entity  INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (article, start)"
  ") WITHOUT ROWID;"
  "CREATE INDEX mentions_by_entity ON mentions (entity, article);"

  "CREATE TABLE events ("
  "  id             INTEGER PRIMARY KEY,"
  "  article        INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  date_key       INTEGER NOT NULL,"
  "  precision      INTEGER NOT NULL,"
  "  end_key        INTEGER,"
  "  end_precision  INTEGER,"
  "  qualifier      TEXT,"
  "  phrase         TEXT NOT NULL,"
  "  phrase_start   INTEGER NOT NULL,"
  "  phrase_length  INTEGER NOT NULL,"
  "  sentence_start INTEGER NOT NULL,"
  "  sentence_end   INTEGER NOT NULL,"
  "  group_key      TEXT"
  ");"
  "CREATE INDEX events_by_date ON events (date_key, article);"
  "CREATE INDEX events_by_article ON events (article);"

  "CREATE TABLE event_entities ("
  "  event  INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
  "  entity INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (event, entity)"
  ") WITHOUT ROWID;"
  "CREATE INDEX event_entities_by_entity ON event_entities (entity);"

  /* External content: the text lives once, in articles; triggers keep the index in step. */
  "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
  "  title, body,"
  "  content = 'articles', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles BEGIN"
  "  INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);"
  "END;"
  "CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, title, body)"
  "    VALUES ('delete', old.id, old.title, old.body);"
  "END;"
  "CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, body ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, title, body)"
  "    VALUES ('delete', old.id, old.title, old.body);"
  "  INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);"
  "END;"

  /* timeline */
  /* happening: the kind of happening the event's sentence names ("coup", "visit"), so
   * two datings of one happening can be told from two happenings; conflict: 1 when
   * another article dates the same kind of happening among the same entities otherwise. */
  "ALTER TABLE events ADD COLUMN happening TEXT;"
  "ALTER TABLE events ADD COLUMN conflict INTEGER NOT NULL DEFAULT 0;"
  "CREATE INDEX events_by_group ON events (group_key);"


  /* annotations */
  /* Highlights and notes. They name their article by its stable uid, not its rowid, and
   * carry no foreign key to it: an annotation outlives a refresh or removal of its article
   * and is then kept as an orphan, never dropped. Offsets are characters into the flat
   * text; quote, prefix (32 characters before) and suffix (32 after) let it be found again
   * when the text changes. text_hash is the hash of the text it was last anchored on, NULL
   * when unknown (imported, or its article gone). anchor: 0 ok, 1 moved, 2 orphan.
   * Timestamps are ISO 8601 UTC. */
  "CREATE TABLE annotations ("
  "  id           TEXT PRIMARY KEY,"
  "  article_uid  TEXT NOT NULL,"
  "  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),"
  "  end_offset   INTEGER NOT NULL CHECK (end_offset >= start_offset),"
  "  quote        TEXT NOT NULL,"
  "  prefix       TEXT NOT NULL DEFAULT '',"
  "  suffix       TEXT NOT NULL DEFAULT '',"
  "  text_hash    TEXT,"
  "  color        TEXT NOT NULL"
  "    CHECK (color IN ('yellow', 'green', 'blue', 'pink', 'purple')),"
  "  note         TEXT NOT NULL DEFAULT '',"
  "  anchor       INTEGER NOT NULL DEFAULT 0 CHECK (anchor IN (0, 1, 2)),"
  "  created      TEXT NOT NULL,"
  "  modified     TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE INDEX annotations_by_article ON annotations (article_uid, start_offset);"
  "CREATE TABLE annotation_tags ("
  "  annotation TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,"
  "  tag        TEXT NOT NULL,"
  "  position   INTEGER NOT NULL,"
  "  PRIMARY KEY (annotation, tag)"
  ") WITHOUT ROWID;"
  "CREATE INDEX annotation_tags_by_tag ON annotation_tags (tag);"


  /* search */
  /* Entity names and aliases, one row each, folded like the articles, so a query can offer
   * the entities it names and entity:NAME can find "Sergei Shoigu" from "shoigu". */
  /* The few hidden articles, which every search leaves out. */
  "CREATE INDEX articles_hidden ON articles (id) WHERE hidden = 1;"
  "CREATE VIRTUAL TABLE entity_names_fts USING fts5 ("
  "  name, entity UNINDEXED,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER entity_names_after_insert AFTER INSERT ON entities BEGIN"
  "  INSERT INTO entity_names_fts (name, entity) VALUES (new.name, new.id);"
  "END;"
  "CREATE TRIGGER entity_names_after_rename AFTER UPDATE OF name ON entities BEGIN"
  "  DELETE FROM entity_names_fts WHERE entity = old.id AND name = old.name;"
  "  INSERT INTO entity_names_fts (name, entity) VALUES (new.name, new.id);"
  "END;"
  "CREATE TRIGGER entity_names_after_delete AFTER DELETE ON entities BEGIN"
  "  DELETE FROM entity_names_fts WHERE entity = old.id;"
  "END;"
  "CREATE TRIGGER alias_names_after_insert AFTER INSERT ON aliases BEGIN"
  "  INSERT INTO entity_names_fts (name, entity) VALUES (new.alias, new.entity);"
  "END;"
  "CREATE TRIGGER alias_names_after_delete AFTER DELETE ON aliases BEGIN"
  "  DELETE FROM entity_names_fts WHERE entity = old.entity AND name = old.alias;"
  "END;"


  /* import */
  /* An import recognises a story it already has under another id by its text, title,
   * outlet and date: the hash narrows that to a row or two. */
  "CREATE INDEX articles_by_text_hash ON articles (text_hash);";

/* The timeline's keys join every event to its article for hidden, published_key and
 * uid: this index holds those whole, so the join never reads a row, and with it the body
 * that comes before hidden. */
static const char migration_2[] =
  "CREATE INDEX articles_for_timeline ON articles (id, hidden, published_key, uid);";

/* The library's list: the visible articles in date and title order, filtered on title and
 * outlet, from this index alone. Through articles_by_date, every one of 100,000 rows was
 * read for hidden, which comes after the body (236 ms); from here, 10 ms. */
static const char migration_3[] =
  "CREATE INDEX articles_listed ON articles (hidden, published_key, title, outlet);";

/* A timeline row tells how many articles report its happening: a count of the group's
 * articles, and some groups hold thousands of events. With the article in the index the
 * count reads the index alone, not a row per event (300 ms → 16 ms for a page of 64 at
 * 100,000 articles). */
static const char migration_4[] =
  "DROP INDEX events_by_group;"
  "CREATE INDEX events_by_group ON events (group_key, article);";

const char * const _dossier_migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
};

const guint _dossier_n_migrations = G_N_ELEMENTS (_dossier_migrations);
