/* dossier-library-private.h: what the files of DossierLibrary share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-library.h"

G_BEGIN_DECLS

struct _DossierLibrary
{
  GObject          parent_instance;

  DossierDatabase *db;
  gboolean         read_only;
  DossierDatabasePool *search_pool;   /* NULL until the first search */

  /* Pages of the timeline read in the background share one connection, opened on the
   * first: a connection a page, several opened at once, made each other wait ("database
   * is locked"). They are read by one thread of their own, the newest first (see
   * read_page() in dossier-library-read.c), made when the first page is asked for. */
  GThreadPool     *page_thread;
  gint             pages_asked;
  DossierDatabase *page_reader;     /* owned by page_thread */
};

DossierDatabaseMode _dossier_library_reader_mode (DossierLibrary *self);

/* Anchors the annotations of the article @id to its text as it is now, or makes them
 * orphans when @article is NULL (gone). In dossier-library-import.c. */
gboolean _dossier_library_anchor_annotations (DossierDatabase  *db,
                                              const char       *id,
                                              DossierArticle   *article,
                                              GError          **error);

G_END_DECLS
