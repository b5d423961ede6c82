/* dossier-library.h: the bundled dossier and the user's own data, seen as one library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-article-list.h"
#include "dossier-database.h"
#include "dossier-database-pool.h"
#include "dossier-event.h"
#include "dossier-event-keys.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIBRARY (dossier_library_get_type ())

/* meta keys */
#define DOSSIER_META_CONTENT_HASH "content_hash"   /* in the bundled database */
#define DOSSIER_META_BUNDLED_HASH "bundled_hash"   /* in the user's: what it was synced from */

G_DECLARE_FINAL_TYPE (DossierLibrary, dossier_library, DOSSIER, LIBRARY, GObject)

/* What importing one file did. Nothing of a file with an error was imported. */
typedef struct
{
  char   *path;
  guint   n_imported;   /* new articles */
  guint   n_present;    /* articles the library already had (same id or same content) */
  guint   n_replaced;   /* articles whose text or metadata changed under the same id */
  guint   n_entities;   /* entities read from the file, new or merged */
  GError *error;        /* why it was rejected; G_IO_ERROR_CANCELLED when cancelled */
} DossierImportFileResult;

/* What a batch did: the files in the order given (those a cancel kept from being read
 * are left out), and the sums of their counts. */
typedef struct
{
  GPtrArray *files;     /* DossierImportFileResult */
  guint      n_imported;
  guint      n_present;
  guint      n_replaced;
  guint      n_rejected;   /* files */
  gboolean   cancelled;
} DossierImportSummary;

/* @fraction: how much of the batch is done, 0 to 1; @path: the file being read */
typedef void (*DossierImportProgressFunc) (const char *path,
                                           double      fraction,
                                           gpointer    user_data);

const char         *dossier_library_get_default_bundled_path (void);
char               *dossier_library_dup_default_user_path    (void);

DossierLibrary     *dossier_library_open                     (const char      *user_path,
                                                              const char      *bundled_path,
                                                              GError         **error);
DossierLibrary     *dossier_library_open_default             (GError         **error);
DossierLibrary     *dossier_library_open_default_or_recover  (char           **notice,
                                                              GError         **error);
gboolean            dossier_library_is_read_only             (DossierLibrary  *self);
DossierDatabasePool *dossier_library_get_search_pool        (DossierLibrary  *self);
DossierDatabase    *dossier_library_get_database             (DossierLibrary  *self);
DossierArticleList *dossier_library_list_articles            (DossierLibrary  *self,
                                                              GError         **error);
DossierArticle     *dossier_library_load_article             (DossierLibrary  *self,
                                                              const char      *id,
                                                              GError         **error);
char               *dossier_library_dup_article_title        (DossierLibrary  *self,
                                                              const char      *id,
                                                              GError         **error);

GPtrArray          *dossier_library_list_entities            (DossierLibrary  *self,
                                                              GError         **error);
GPtrArray          *dossier_library_list_mentions            (DossierLibrary  *self,
                                                              const char      *article_id,
                                                              GError         **error);
GHashTable         *dossier_library_articles_mentioning      (DossierLibrary  *self,
                                                              const char      *entity,
                                                              GError         **error);

GPtrArray          *dossier_library_count_entity_articles    (DossierLibrary  *self,
                                                              const char      *entity,
                                                              GError         **error);
GPtrArray          *dossier_library_list_companions          (DossierLibrary  *self,
                                                              const char      *entity,
                                                              GError         **error);

GPtrArray          *dossier_library_list_events              (DossierLibrary  *self,
                                                              GError         **error);
GPtrArray          *dossier_library_load_events              (DossierLibrary         *self,
                                                              const DossierEventKey  *keys,
                                                              guint                   n_keys,
                                                              GError                **error);
GPtrArray          *dossier_library_list_event_group         (DossierLibrary  *self,
                                                              const char      *group,
                                                              GError         **error);

void                dossier_library_list_event_keys_async    (DossierLibrary       *self,
                                                              const char           *entity,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
DossierEventKeys   *dossier_library_list_event_keys_finish   (DossierLibrary       *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
void                dossier_library_load_events_async        (DossierLibrary        *self,
                                                              const DossierEventKey *keys,
                                                              guint                  n_keys,
                                                              GCancellable          *cancellable,
                                                              GAsyncReadyCallback    callback,
                                                              gpointer               user_data);
GPtrArray          *dossier_library_load_events_finish       (DossierLibrary       *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
void                dossier_library_list_article_rows_async  (DossierLibrary       *self,
                                                              const char           *filter,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GArray             *dossier_library_list_article_rows_finish (DossierLibrary       *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
gboolean            dossier_library_load_article_rows        (DossierLibrary       *self,
                                                              const gint64         *rows,
                                                              guint                 n_rows,
                                                              DossierArticle      **articles,
                                                              GError              **error);
gboolean            dossier_library_find_article_row         (DossierLibrary       *self,
                                                              const char           *id,
                                                              gint64               *row);
void                dossier_library_list_entities_async      (DossierLibrary       *self,
                                                              GCancellable         *cancellable,
                                                              GAsyncReadyCallback   callback,
                                                              gpointer              user_data);
GPtrArray          *dossier_library_list_entities_finish     (DossierLibrary       *self,
                                                              GAsyncResult         *result,
                                                              GError              **error);
void                dossier_library_articles_mentioning_async  (DossierLibrary      *self,
                                                                const char          *entity,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
GHashTable         *dossier_library_articles_mentioning_finish (DossierLibrary       *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);
void                dossier_library_count_entity_articles_async  (DossierLibrary      *self,
                                                                  const char          *entity,
                                                                  GCancellable        *cancellable,
                                                                  GAsyncReadyCallback  callback,
                                                                  gpointer             user_data);
GPtrArray          *dossier_library_count_entity_articles_finish (DossierLibrary       *self,
                                                                  GAsyncResult         *result,
                                                                  GError              **error);
void                dossier_library_list_companions_async  (DossierLibrary      *self,
                                                            const char          *entity,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GPtrArray          *dossier_library_list_companions_finish (DossierLibrary       *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

void                  dossier_import_summary_free        (DossierImportSummary       *summary);
char                 *dossier_import_summary_describe    (const DossierImportSummary *summary);

DossierImportSummary *dossier_library_import_files       (DossierLibrary             *self,
                                                          const char * const         *paths,
                                                          DossierImportProgressFunc   progress,
                                                          gpointer                    progress_data,
                                                          GCancellable               *cancellable,
                                                          GError                    **error);
void                  dossier_library_import_files_async (DossierLibrary             *self,
                                                          const char * const         *paths,
                                                          DossierImportProgressFunc   progress,
                                                          gpointer                    progress_data,
                                                          GCancellable               *cancellable,
                                                          GAsyncReadyCallback         callback,
                                                          gpointer                    user_data);
DossierImportSummary *dossier_library_import_files_finish (DossierLibrary            *self,
                                                           GAsyncResult              *result,
                                                           GError                   **error);
gboolean              dossier_library_remove_article     (DossierLibrary             *self,
                                                          const char                 *id,
                                                          gboolean                    keep_annotations,
                                                          GError                    **error);
gboolean              dossier_library_unhide_article     (DossierLibrary             *self,
                                                          const char                 *id,
                                                          GError                    **error);
DossierArticleList   *dossier_library_list_hidden_articles (DossierLibrary           *self,
                                                            GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierImportSummary, dossier_import_summary_free)

G_END_DECLS
