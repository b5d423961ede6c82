/* dossier-event-store.h: the timeline's events, in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "dossier-article.h"
#include "dossier-database.h"
#include "dossier-event.h"
#include "dossier-event-keys.h"

G_BEGIN_DECLS

/* Called with an event that it then owns (dossier_event_free() it). */
typedef void (*DossierEventFunc) (DossierEvent *event,
                                  gpointer      user_data);

GPtrArray *dossier_event_store_guess_happenings (const char     *text,
                                                 GPtrArray      *expressions);
gboolean   dossier_event_store_save_all   (DossierDatabase    *db,
                                           guint               n_articles,
                                           const gint64       *article_rowids,
                                           GPtrArray * const  *expressions,
                                           GPtrArray * const  *happenings,
                                           GError            **error);
gboolean   dossier_event_store_save       (DossierDatabase    *db,
                                           gint64              article_rowid,
                                           GPtrArray          *expressions,
                                           GPtrArray          *happenings,
                                           GError            **error);
gboolean   dossier_event_store_rebuild    (DossierDatabase    *db,
                                           gint64              article_rowid,
                                           DossierArticle     *article,
                                           GError            **error);
gboolean   dossier_event_store_regroup    (DossierDatabase    *db,
                                           GError            **error);
GArray    *dossier_event_store_group      (DossierDatabase    *db,
                                           GError            **error);
gboolean   dossier_event_store_save_groups (DossierDatabase   *db,
                                            GArray            *grouping,
                                            GError           **error);
GPtrArray *dossier_event_store_list       (DossierDatabase    *db,
                                           const char         *entity,
                                           const DossierDate  *from,
                                           const DossierDate  *to,
                                           GError            **error);
gboolean   dossier_event_store_foreach    (DossierDatabase    *db,
                                           const char         *entity,
                                           const DossierDate  *from,
                                           const DossierDate  *to,
                                           DossierEventFunc    func,
                                           gpointer            user_data,
                                           GError            **error);
GPtrArray *dossier_event_store_list_group (DossierDatabase    *db,
                                           const char         *group,
                                           GError            **error);
DossierEventKeys *dossier_event_store_list_keys (DossierDatabase    *db,
                                                 const char         *entity,
                                                 GCancellable       *cancellable,
                                                 GError            **error);
GPtrArray *dossier_event_store_load       (DossierDatabase        *db,
                                           const DossierEventKey  *keys,
                                           guint                   n_keys,
                                           GError                **error);

/* For tests: the plan SQLite chooses for dossier_event_store_list_keys(), one line a step. */
char      *_dossier_event_store_explain_keys (DossierDatabase  *db,
                                              GError          **error);

G_END_DECLS
