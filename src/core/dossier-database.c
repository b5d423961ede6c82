/* dossier-database.c: one SQLite connection, its schema and its prepared statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-database"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dossier-database.h"
#include "dossier-database-private.h"

struct _DossierDatabase
{
  GObject              parent_instance;

  sqlite3             *handle;
  char                *path;
  GHashTable          *statements;   /* SQL text → sqlite3_stmt */
  DossierDatabaseMode  mode;
  gboolean             opened;       /* errors from now on are about a change */
};

G_DEFINE_FINAL_TYPE (DossierDatabase, dossier_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (dossier-db-error-quark, dossier_db_error)

static void
dossier_database_finalize (GObject *object)
{
  DossierDatabase *self = (DossierDatabase *) object;

  /* Statements first: sqlite3_close() refuses while any is alive. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->handle, sqlite3_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (dossier_database_parent_class)->finalize (object);
}

static void
dossier_database_class_init (DossierDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_database_finalize;

  /* Memory statistics take a global mutex around every allocation, some tens of
   * thousands per imported article; nothing here reads them. Only possible before SQLite
   * is first used, which the first database is; later it is refused, harmlessly. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
dossier_database_init (DossierDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/* A -wal or -shm file that cannot be made fails as an I/O or open error; what the
 * system said tells a full disk or a read-only folder, which the user can fix. */
static DossierDbError
error_code_for_system (int rc,
                       int system_errno)
{
  if (system_errno == ENOSPC)
    return DOSSIER_DB_ERROR_FULL;
  if (system_errno == EACCES || system_errno == EPERM || system_errno == EROFS)
    return DOSSIER_DB_ERROR_READ_ONLY;

  return (rc & 0xff) == SQLITE_CANTOPEN ? DOSSIER_DB_ERROR_OPEN : DOSSIER_DB_ERROR_FAILED;
}

static DossierDbError
error_code_for (int rc,
                int system_errno)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return DOSSIER_DB_ERROR_CORRUPT;
    case SQLITE_FULL:
      return DOSSIER_DB_ERROR_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return DOSSIER_DB_ERROR_READ_ONLY;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      return error_code_for_system (rc, system_errno);
    default:
      return DOSSIER_DB_ERROR_FAILED;
    }
}

/* In plain words for the two errors a person can do something about; once the database
 * is open, an error is about a change, and says that what was saved before is kept. */
static char *
describe_error (DossierDatabase *self,
                DossierDbError   code,
                const char      *detail)
{
  if (code == DOSSIER_DB_ERROR_FULL && self->opened)
    return g_strdup_printf (_("The disk holding %s is full: this change was not saved. "
                              "Everything saved before it is kept; free some space and try "
                              "again."), self->path);
  if (code == DOSSIER_DB_ERROR_FULL)
    return g_strdup_printf (_("The disk holding %s is full (%s)"), self->path, detail);
  if (code == DOSSIER_DB_ERROR_READ_ONLY && self->opened)
    return g_strdup_printf (_("%s cannot be written (%s): this change was not saved. "
                              "Everything saved before it is kept."), self->path, detail);
  if (code == DOSSIER_DB_ERROR_READ_ONLY)
    return g_strdup_printf (_("%s cannot be written (%s)"), self->path, detail);

  /* TRANSLATORS: database file: what SQLite said */
  return g_strdup_printf (_("%s: %s"), self->path, detail);
}

/* Turns SQLite's last error into a GError that names the file; always returns FALSE so
 * callers can `return dossier_database_set_error (…)`. */
gboolean
dossier_database_set_error (DossierDatabase  *self,
                            int               rc,
                            GError          **error)
{
  const char *detail = self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc);
  int system_errno = self->handle ? sqlite3_system_errno (self->handle) : 0;
  DossierDbError code = error_code_for (rc, system_errno);
  g_autofree char *message = NULL;

  /* "No space left on device" says more to a person than SQLite's wording. */
  if ((code == DOSSIER_DB_ERROR_FULL || code == DOSSIER_DB_ERROR_READ_ONLY) && system_errno != 0)
    detail = g_strerror (system_errno);
  else if (rc == SQLITE_READONLY_DIRECTORY)
    detail = _("its folder is read-only");
  message = describe_error (self, code, detail);

  g_set_error_literal (error, DOSSIER_DB_ERROR, code, message);
  return FALSE;
}

/* A library that cannot be written is read as it is. Its write-ahead log may hold the
 * last changes, which an immutable open would not see; without a log, immutable needs no
 * -shm file either, so even a read-only folder opens. */
static const char *
read_only_query (const char          *path,
                 DossierDatabaseMode  mode)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf info;

  if (mode == DOSSIER_DATABASE_READ_ONLY_LIBRARY && g_stat (wal, &info) == 0 && info.st_size > 0)
    return "?mode=ro";

  return "?mode=ro&immutable=1";
}

static char *
open_name_for (const char          *path,
               DossierDatabaseMode  mode,
               int                 *flags)
{
  g_autofree char *uri = NULL;

  *flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  if (mode == DOSSIER_DATABASE_WRITABLE || mode == DOSSIER_DATABASE_BUILD)
    {
      *flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      return g_strdup (path);
    }

  /* immutable: no locks, no journal, nothing written beside the file, so the bundled
   * dossier opens from a read-only /app. */
  *flags |= SQLITE_OPEN_READONLY;
  uri = g_filename_to_uri (path, NULL, NULL);
  return uri ? g_strconcat (uri, read_only_query (path, mode), NULL) : NULL;
}

/* Tests make the disk full without filling one: the file may not grow any more. */
static gboolean
apply_test_disk_full (DossierDatabase  *self,
                      GError          **error)
{
  if (g_getenv ("DOSSIER_TEST_DISK_FULL") == NULL)
    return TRUE;

  return dossier_database_exec (self, "PRAGMA max_page_count = 1", error);
}

static gboolean
configure (DossierDatabase  *self,
           GError          **error)
{
  sqlite3_busy_timeout (self->handle, 5000);
  sqlite3_extended_result_codes (self->handle, TRUE);

  if (!dossier_database_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  switch (self->mode)
    {
    case DOSSIER_DATABASE_WRITABLE:
      /* WAL lets the window read while a write commits; synchronous=FULL makes each
       * committed transaction survive a power cut, not only a crash of Dossier. */
      return dossier_database_exec (self, "PRAGMA journal_mode = WAL", error)
             && dossier_database_exec (self, "PRAGMA synchronous = FULL", error)
             && apply_test_disk_full (self, error);
    case DOSSIER_DATABASE_BUILD:
      /* One self-contained file to install; nothing is left beside it. */
      return dossier_database_exec (self, "PRAGMA journal_mode = DELETE", error);
    case DOSSIER_DATABASE_READ_ONLY:
    case DOSSIER_DATABASE_READ_ONLY_LIBRARY:
    default:
      return TRUE;
    }
}

static gboolean
apply_migrations (DossierDatabase  *self,
                  int               from,
                  GError          **error)
{
  g_autofree char *set_version = NULL;

  if (!dossier_database_begin (self, error))
    return FALSE;

  for (guint i = from; i < _dossier_n_migrations; i++)
    {
      if (!dossier_database_exec (self, _dossier_migrations[i], error))
        {
          dossier_database_rollback (self);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %u", _dossier_n_migrations);
  if (!dossier_database_exec (self, set_version, error) || !dossier_database_commit (self, error))
    {
      dossier_database_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* SQLite quietly opens a file it may not write read-only; the user's library must be
 * writable, or be opened as DOSSIER_DATABASE_READ_ONLY_LIBRARY on purpose. */
static gboolean
check_writable (DossierDatabase  *self,
                GError          **error)
{
  if (self->mode != DOSSIER_DATABASE_WRITABLE || sqlite3_db_readonly (self->handle, "main") != 1)
    return TRUE;

  g_set_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_READ_ONLY,
               _("%s cannot be written (%s)"), self->path, g_strerror (EACCES));
  return FALSE;
}

/* Runs before anything is written, not even the journal mode: a file from a newer
 * Dossier, or one that is not a database, is left exactly as it is. */
static gboolean
check_readable (DossierDatabase  *self,
                GError          **error)
{
  int version = dossier_database_get_schema_version (self);

  if (version < 0)
    return dossier_database_set_error (self, sqlite3_extended_errcode (self->handle), error);

  if (version > (int) _dossier_n_migrations)
    {
      g_set_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_NEWER_SCHEMA,
                   _("%s was written by a newer version of Dossier (schema %d; this version "
                     "understands up to %u)"),
                   self->path, version, _dossier_n_migrations);
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (DossierDatabase  *self,
         GError          **error)
{
  int version = dossier_database_get_schema_version (self);

  if (version == (int) _dossier_n_migrations)
    return TRUE;

  if (self->mode == DOSSIER_DATABASE_READ_ONLY || self->mode == DOSSIER_DATABASE_READ_ONLY_LIBRARY)
    {
      g_set_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_NEWER_SCHEMA,
                   _("%s has schema %d, but this version of Dossier needs schema %u"),
                   self->path, version, _dossier_n_migrations);
      return FALSE;
    }

  return apply_migrations (self, version, error);
}

/**
 * dossier_database_open:
 * @path: the database file
 * @mode: how it is used
 *
 * Opens @path, creating it when @mode allows, and brings its schema up to date.
 * A file from a newer Dossier is refused and left untouched.
 */
DossierDatabase *
dossier_database_open (const char           *path,
                       DossierDatabaseMode   mode,
                       GError              **error)
{
  g_autoptr(DossierDatabase) self = NULL;
  g_autofree char *name = NULL;
  int flags, rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->mode = mode;

  name = open_name_for (path, mode, &flags);
  if (name == NULL)
    {
      g_set_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_OPEN,
                   _("%s: not a valid file name"), path);
      return NULL;
    }

  rc = sqlite3_open_v2 (name, &self->handle, flags, NULL);
  if (rc != SQLITE_OK)
    {
      dossier_database_set_error (self, rc, error);
      return NULL;
    }

  if (!check_writable (self, error) || !check_readable (self, error) || !configure (self, error)
      || !migrate (self, error))
    return NULL;

  self->opened = TRUE;
  return g_steal_pointer (&self);
}

/**
 * dossier_database_open_reader:
 *
 * Opens a second connection to the same file, in the same mode, for reading on another
 * thread while this one reads too (WAL lets both read at once). The schema is already
 * current, so nothing is written.
 */
DossierDatabase *
dossier_database_open_reader (DossierDatabase  *self,
                              GError          **error)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), NULL);

  return dossier_database_open (self->path, self->mode, error);
}

const char *
dossier_database_get_path (DossierDatabase *self)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), NULL);

  return self->path;
}

sqlite3 *
dossier_database_get_handle (DossierDatabase *self)
{
  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), NULL);

  return self->handle;
}

/* PRAGMA user_version, or -1 when the file cannot be read as a database. */
int
dossier_database_get_schema_version (DossierDatabase *self)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), -1);

  if (sqlite3_prepare_v2 (self->handle, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);

  sqlite3_finalize (stmt);
  return version;
}

/**
 * dossier_database_prepare:
 *
 * Returns: (transfer none): a cached statement, to be given back with
 *   dossier_statement_release() (a g_autoptr(DossierStatement) does it).
 */
DossierStatement *
dossier_database_prepare (DossierDatabase  *self,
                          const char       *sql,
                          GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      dossier_database_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * dossier_database_add_function:
 * @name: a static string
 *
 * Makes the SQL function @name, of @n_args arguments, known to this connection, once: a
 * second call with the same @name does nothing. Functions are direct-only (never run
 * from a trigger or view of the file) and take their data through pointer parameters.
 */
gboolean
dossier_database_add_function (DossierDatabase  *self,
                               const char       *name,
                               int               n_args,
                               DossierFunction   function,
                               GError          **error)
{
  g_autofree char *key = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), FALSE);

  key = g_strconcat ("dossier-database-function-", name, NULL);
  if (g_object_get_data (G_OBJECT (self), key) != NULL)
    return TRUE;

  rc = sqlite3_create_function_v2 (self->handle, name, n_args, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                   NULL, function, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return dossier_database_set_error (self, rc, error);

  g_object_set_data (G_OBJECT (self), key, GINT_TO_POINTER (TRUE));
  return TRUE;
}

/**
 * dossier_database_get_stamp:
 *
 * What the database holds now, to tell later whether anything was written since: SQLite's
 * PRAGMA data_version changes when another connection (another thread, the command line)
 * commits, and only then; this connection's own writes change its total changes. On an
 * error @stamp is %DOSSIER_DATABASE_STAMP_NONE, which equals no stamp read.
 */
gboolean
dossier_database_get_stamp (DossierDatabase      *self,
                            DossierDatabaseStamp *stamp,
                            GError              **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (stamp != NULL, FALSE);

  *stamp = DOSSIER_DATABASE_STAMP_NONE;
  if ((stmt = dossier_database_prepare (self, "PRAGMA data_version", error)) == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return dossier_database_set_error (self, rc, error);

  stamp->data_version = sqlite3_column_int64 (stmt, 0);
  stamp->total_changes = sqlite3_total_changes64 (self->handle);
  return TRUE;
}

/* Whether nothing was written between two stamps; never for one that was not read. */
gboolean
dossier_database_stamp_equal (const DossierDatabaseStamp *a,
                              const DossierDatabaseStamp *b)
{
  return a->data_version >= 0 && a->data_version == b->data_version
         && a->total_changes == b->total_changes;
}

/**
 * dossier_result_text:
 * @text: (nullable): the result; NULL gives SQL NULL
 *
 * A #DossierFunction's text result, not copied: for the staged rows of an import, whose
 * strings outlive the statement that reads them.
 */
void
dossier_result_text (sqlite3_context *context,
                     const char      *text)
{
  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, text, -1, SQLITE_STATIC);
}

/**
 * dossier_database_insert_staged:
 * @sql: the INSERT: DOSSIER_STAGED_ROWS, then a SELECT of @function_name (?1, n, column)
 *   for each column, FROM staged
 * @function: the staged_*() function that reads a column of a row (see
 *   dossier_staged_row())
 * @rows: the rows, bound as ?1 with @pointer_type; ?2 is their number. None: nothing is
 *   done (DOSSIER_STAGED_ROWS would still give the row 0)
 *
 * Saves @rows in one statement: a statement per row spent more on starting statements
 * (each with a statement journal, for its foreign keys and triggers) than on the rows.
 */
gboolean
dossier_database_insert_staged (DossierDatabase  *self,
                                const char       *sql,
                                const char       *function_name,
                                DossierFunction   function,
                                GArray           *rows,
                                const char       *pointer_type,
                                GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);

  if (rows->len == 0)
    return TRUE;
  if (!dossier_database_add_function (self, function_name, 3, function, error)
      || (stmt = dossier_database_prepare (self, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_pointer (stmt, 1, rows, pointer_type, NULL);
  sqlite3_bind_int64 (stmt, 2, rows->len);
  return dossier_database_step_done (self, stmt, error);
}

/**
 * dossier_staged_row:
 * @argv: the arguments of a staged_*() function: the rows, the row's index, the column
 * @pointer_type: the type the rows, a #GArray, were bound with as a pointer parameter
 * @no_such_row: the function's error when the rows are missing or have no such row
 *
 * A save hands the rows of its one INSERT to the SQL function that reads them back column
 * by column; this finds the row that function was asked for, checked against the rows it
 * was handed, so a wrong index is an SQL error and never a read past the array.
 *
 * Returns: (nullable): the row in the array, or NULL with the function's error set
 */
gconstpointer
dossier_staged_row (sqlite3_context  *context,
                    sqlite3_value   **argv,
                    const char       *pointer_type,
                    const char       *no_such_row)
{
  GArray *rows = sqlite3_value_pointer (argv[0], pointer_type);
  sqlite3_int64 index = sqlite3_value_int64 (argv[1]);

  if (rows == NULL || index < 0 || index >= rows->len)
    {
      sqlite3_result_error (context, no_such_row, -1);
      return NULL;
    }

  return rows->data + (gsize) index * g_array_get_element_size (rows);
}

/* For a connection that reads once and closes: a whole-table list, one search. Its pages
 * are read once, and the system's file cache keeps the file anyway; SQLite's 2 MiB cache
 * per connection, four or five of them at once while the window starts, was memory for
 * nothing. */
void
dossier_database_limit_cache (DossierDatabase *self)
{
  g_return_if_fail (DOSSIER_IS_DATABASE (self));

  dossier_database_exec (self, "PRAGMA cache_size = -256", NULL);
}

gboolean
dossier_database_exec (DossierDatabase  *self,
                       const char       *sql,
                       GError          **error)
{
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return dossier_database_set_error (self, rc, error);

  return TRUE;
}

/* The first column of the first row @sql gives, as an integer: a count, a largest id. */
gboolean
dossier_database_query_int64 (DossierDatabase  *self,
                              const char       *sql,
                              gint64           *value,
                              GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), FALSE);

  if ((stmt = dossier_database_prepare (self, sql, error)) == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return dossier_database_set_error (self, rc, error);

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* IMMEDIATE: take the write lock up front, so a transaction never fails half-way
 * because another connection started writing first. */
gboolean
dossier_database_begin (DossierDatabase  *self,
                        GError          **error)
{
  return dossier_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
dossier_database_commit (DossierDatabase  *self,
                         GError          **error)
{
  return dossier_database_exec (self, "COMMIT", error);
}

void
dossier_database_rollback (DossierDatabase *self)
{
  g_return_if_fail (DOSSIER_IS_DATABASE (self));

  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

/* Runs a statement that returns no rows. */
gboolean
dossier_database_step_done (DossierDatabase   *self,
                            DossierStatement  *stmt,
                            GError           **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return dossier_database_set_error (self, rc, error);

  return TRUE;
}

void
dossier_statement_release (DossierStatement *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* NULL binds SQL NULL; the text is copied, so temporaries are fine. */
void
dossier_statement_bind_text (DossierStatement *stmt,
                             int               index,
                             const char       *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

const char *
dossier_statement_column_text (DossierStatement *stmt,
                               int               column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* A value from the meta table, or NULL when @key has none. */
char *
dossier_database_dup_meta (DossierDatabase  *self,
                           const char       *key,
                           GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), NULL);

  stmt = dossier_database_prepare (self, "SELECT value FROM meta WHERE key = ?1", error);
  if (stmt == NULL)
    return NULL;

  dossier_statement_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup (dossier_statement_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    dossier_database_set_error (self, rc, error);

  return NULL;
}

gboolean
dossier_database_set_meta (DossierDatabase  *self,
                           const char       *key,
                           const char       *value,
                           GError          **error)
{
  g_autoptr(DossierStatement) stmt = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATABASE (self), FALSE);

  stmt = dossier_database_prepare (self,
    "INSERT INTO meta (key, value) VALUES (?1, ?2)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;

  dossier_statement_bind_text (stmt, 1, key);
  dossier_statement_bind_text (stmt, 2, value);
  return dossier_database_step_done (self, stmt, error);
}
