/* dossier-search-lengths.c: every article's length in tokens, for ranking many matches
 *
 * bm25 needs the length of each matching article. FTS5 reads it from its docsize table
 * with one B-tree lookup per match (xColumnSize), about 0.7 µs, which is most of the time
 * of ranking a word found in most articles. Here the whole table is read once into an
 * array indexed by rowid (about 1 ms per 10,000 articles, 4 bytes each), and read again
 * only when the database has changed since: another connection's commit changes PRAGMA
 * data_version, this connection's own writes change sqlite3_total_changes(). The lengths
 * are those FTS5 stores, so the ranking is exactly bm25's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-search-lengths"

#include "config.h"

#include "dossier-search-lengths.h"

/* A rowid with no row in the docsize table. */
#define NO_LENGTH G_MAXUINT32

/* Rowids far apart (many deleted articles) would make a sparse array; then FTS5's own
 * lookup is used instead. */
#define MAX_GAPS_PER_ROW 3

struct _DossierSearchLengths
{
  DossierDatabase *db;        /* not owned: it owns this */
  GArray          *lengths;   /* guint32 per rowid from first, NULL until read */
  gint64           first;
  DossierDatabaseStamp stamp;   /* the database's when the lengths were read */
};

DossierSearchLengths *
_dossier_search_lengths_new (DossierDatabase *db)
{
  DossierSearchLengths *self = g_new0 (DossierSearchLengths, 1);

  self->db = db;
  self->stamp = DOSSIER_DATABASE_STAMP_NONE;
  return self;
}

void
_dossier_search_lengths_free (DossierSearchLengths *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->lengths, g_array_unref);
  g_free (self);
}

/* The sum of the varints of one docsize row: one length per column. */
static guint32
sum_varints (const guint8 *data,
             int           size)
{
  guint64 sum = 0, value = 0;

  for (int i = 0; i < size; i++)
    {
      value = (value << 7) | (data[i] & 0x7f);
      if ((data[i] & 0x80) == 0)
        {
          sum += value;
          value = 0;
        }
    }

  return (guint32) MIN (sum, NO_LENGTH - 1);
}

static gboolean
read_lengths (DossierSearchLengths  *self,
              GError               **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (guint32));
  const guint32 none = NO_LENGTH;
  gint64 first = 0, n_rows = 0;
  int rc;

  stmt = dossier_database_prepare (self->db, "SELECT id, sz FROM articles_fts_docsize", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      guint32 length = sum_varints (sqlite3_column_blob (stmt, 1),
                                    sqlite3_column_bytes (stmt, 1));

      if (n_rows++ == 0)
        first = rowid;
      if (rowid - first > MAX_GAPS_PER_ROW * n_rows + 1024)
        {
          sqlite3_reset (stmt);
          return TRUE;  /* too sparse: self->lengths stays NULL */
        }
      while ((gint64) lengths->len < rowid - first)
        g_array_append_val (lengths, none);
      g_array_append_val (lengths, length);
    }
  if (rc != SQLITE_DONE)
    return dossier_database_set_error (self->db, rc, error);

  self->lengths = g_steal_pointer (&lengths);
  self->first = first;
  return TRUE;
}

/* Whether the lengths were read from the database as it is now (FALSE on errors). Call
 * it and the update inside the read of the search itself, so all see the same state. */
gboolean
_dossier_search_lengths_is_current (DossierSearchLengths *self)
{
  DossierDatabaseStamp now;

  return dossier_database_get_stamp (self->db, &now, NULL)
         && dossier_database_stamp_equal (&self->stamp, &now);
}

/* Reads the lengths again if the database changed since they were read. */
gboolean
_dossier_search_lengths_update (DossierSearchLengths  *self,
                                GError               **error)
{
  DossierDatabaseStamp now;

  if (!dossier_database_get_stamp (self->db, &now, error))
    return FALSE;
  if (dossier_database_stamp_equal (&self->stamp, &now))
    return TRUE;

  g_clear_pointer (&self->lengths, g_array_unref);
  self->stamp = DOSSIER_DATABASE_STAMP_NONE;
  if (!read_lengths (self, error))
    return FALSE;

  self->stamp = now;
  return TRUE;
}

/* The number of tokens of the article @rowid, as xColumnSize (-1) gives it, if known. */
gboolean
_dossier_search_lengths_lookup (DossierSearchLengths *self,
                                gint64                rowid,
                                int                  *n_tokens)
{
  guint32 length;

  if (self->lengths == NULL || rowid < self->first
      || rowid - self->first >= (gint64) self->lengths->len)
    return FALSE;

  length = g_array_index (self->lengths, guint32, rowid - self->first);
  if (length == NO_LENGTH)
    return FALSE;

  *n_tokens = (int) length;
  return TRUE;
}

/* The rowids the lengths were read for, first and last; FALSE when none were read. */
gboolean
_dossier_search_lengths_get_range (DossierSearchLengths *self,
                                   gint64               *first,
                                   gint64               *last)
{
  if (self->lengths == NULL || self->lengths->len == 0)
    return FALSE;

  *first = self->first;
  *last = self->first + self->lengths->len - 1;
  return TRUE;
}

/* The lengths as they are now, sharing their array, for collectors on other threads that
 * may outlive this search while this connection reads them again: only lookups and the
 * range may be asked of the copy. */
DossierSearchLengths *
_dossier_search_lengths_copy (DossierSearchLengths *self)
{
  DossierSearchLengths *copy = _dossier_search_lengths_new (NULL);

  copy->lengths = self->lengths ? g_array_ref (self->lengths) : NULL;
  copy->first = self->first;
  return copy;
}
