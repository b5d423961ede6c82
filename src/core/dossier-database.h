/* dossier-database.h: one SQLite connection, its schema and its prepared statements
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DATABASE (dossier_database_get_type ())
#define DOSSIER_DB_ERROR (dossier_db_error_quark ())

G_DECLARE_FINAL_TYPE (DossierDatabase, dossier_database, DOSSIER, DATABASE, GObject)

/* What the database held at a moment: see dossier_database_get_stamp(). */
typedef struct
{
  gint64 data_version;
  gint64 total_changes;
} DossierDatabaseStamp;

#define DOSSIER_DATABASE_STAMP_NONE ((DossierDatabaseStamp) { -1, -1 })

typedef enum
{
  DOSSIER_DB_ERROR_OPEN,
  DOSSIER_DB_ERROR_CORRUPT,
  DOSSIER_DB_ERROR_NEWER_SCHEMA,
  DOSSIER_DB_ERROR_READ_ONLY,
  DOSSIER_DB_ERROR_FULL,
  DOSSIER_DB_ERROR_NOT_FOUND,
  DOSSIER_DB_ERROR_FAILED,
} DossierDbError;

typedef enum
{
  /* The user's library: created on first use, write-ahead log. */
  DOSSIER_DATABASE_WRITABLE,
  /* The bundled dossier as installed: never written, safe on a read-only prefix. */
  DOSSIER_DATABASE_READ_ONLY,
  /* The bundled dossier while it is built: a single file, rollback journal. */
  DOSSIER_DATABASE_BUILD,
  /* The user's library when it cannot be written (read-only file or folder, full disk):
   * read as it is, its write-ahead log included; nothing is written. */
  DOSSIER_DATABASE_READ_ONLY_LIBRARY,
} DossierDatabaseMode;

/* A statement from the cache; releasing it resets it for the next user. */
typedef sqlite3_stmt DossierStatement;

GQuark            dossier_db_error_quark           (void);
DossierDatabase  *dossier_database_open            (const char           *path,
                                                    DossierDatabaseMode   mode,
                                                    GError              **error);
DossierDatabase  *dossier_database_open_reader     (DossierDatabase      *self,
                                                    GError              **error);
const char       *dossier_database_get_path        (DossierDatabase      *self);
sqlite3          *dossier_database_get_handle      (DossierDatabase      *self);
int               dossier_database_get_schema_version (DossierDatabase   *self);
DossierStatement *dossier_database_prepare         (DossierDatabase      *self,
                                                    const char           *sql,
                                                    GError              **error);
typedef void (*DossierFunction) (sqlite3_context *context,
                                 int              argc,
                                 sqlite3_value  **argv);

gboolean          dossier_database_add_function    (DossierDatabase      *self,
                                                    const char           *name,
                                                    int                   n_args,
                                                    DossierFunction       function,
                                                    GError              **error);
gboolean          dossier_database_get_stamp       (DossierDatabase      *self,
                                                    DossierDatabaseStamp *stamp,
                                                    GError              **error);
gboolean          dossier_database_stamp_equal     (const DossierDatabaseStamp *a,
                                                    const DossierDatabaseStamp *b);
void              dossier_result_text              (sqlite3_context      *context,
                                                    const char           *text);
/* The rows n = 0 … ?2 - 1 of a staged INSERT (see dossier_database_insert_staged()) */
#define DOSSIER_STAGED_ROWS \
  "WITH RECURSIVE staged (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM staged WHERE n + 1 < ?2)"

gboolean          dossier_database_insert_staged   (DossierDatabase      *self,
                                                    const char           *sql,
                                                    const char           *function_name,
                                                    DossierFunction       function,
                                                    GArray               *rows,
                                                    const char           *pointer_type,
                                                    GError              **error);
gconstpointer     dossier_staged_row               (sqlite3_context      *context,
                                                    sqlite3_value       **argv,
                                                    const char           *pointer_type,
                                                    const char           *no_such_row);
void              dossier_database_limit_cache     (DossierDatabase      *self);
gboolean          dossier_database_exec            (DossierDatabase      *self,
                                                    const char           *sql,
                                                    GError              **error);
gboolean          dossier_database_query_int64     (DossierDatabase      *self,
                                                    const char           *sql,
                                                    gint64               *value,
                                                    GError              **error);
gboolean          dossier_database_begin           (DossierDatabase      *self,
                                                    GError              **error);
gboolean          dossier_database_commit          (DossierDatabase      *self,
                                                    GError              **error);
void              dossier_database_rollback        (DossierDatabase      *self);
gboolean          dossier_database_step_done       (DossierDatabase      *self,
                                                    DossierStatement     *stmt,
                                                    GError              **error);
char             *dossier_database_dup_meta        (DossierDatabase      *self,
                                                    const char           *key,
                                                    GError              **error);
gboolean          dossier_database_set_meta        (DossierDatabase      *self,
                                                    const char           *key,
                                                    const char           *value,
                                                    GError              **error);
gboolean          dossier_database_set_error       (DossierDatabase      *self,
                                                    int                   rc,
                                                    GError              **error);

void              dossier_statement_release        (DossierStatement     *stmt);
void              dossier_statement_bind_text      (DossierStatement     *stmt,
                                                    int                   index,
                                                    const char           *text);
const char       *dossier_statement_column_text    (DossierStatement     *stmt,
                                                    int                   column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierStatement, dossier_statement_release)

G_END_DECLS
