/* test-import-util.h: what test-import.c and test-import-chunks.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "dossier-annotations.h"
#include "dossier-importer.h"
#include "dossier-library.h"
#include "dossier-test-util.h"

G_BEGIN_DECLS

#define POLYGRAPH "polygraph-2022-moscow-fuels-myanmar-war-machine"

typedef DossierTestLibrary Fixture;

/* One article in the import format, "test-one", with a credit, a heading and a quote. */
extern const char one_article[];
/* Three articles, one without an id, and three entities of their own. */
extern const char many_articles[];

/* Writes @contents (@length bytes, -1: a string) to @name in the fixture's folder. */
char                          *write_file        (Fixture              *fixture,
                                                  const char           *name,
                                                  const char           *contents,
                                                  gssize                length);
/* Imports, failing the test when the batch itself fails (a rejected file does not). */
DossierImportSummary          *import_paths      (Fixture              *fixture,
                                                  const char * const   *paths);
DossierImportSummary          *import_one        (Fixture              *fixture,
                                                  const char           *path);
DossierImportSummary          *import_text       (Fixture              *fixture,
                                                  const char           *name,
                                                  const char           *contents);
const DossierImportFileResult *file_result       (DossierImportSummary *summary,
                                                  guint                 index);
void                           assert_counts     (DossierImportSummary *summary,
                                                  guint                 imported,
                                                  guint                 present,
                                                  guint                 replaced,
                                                  guint                 rejected);

sqlite3                       *handle            (Fixture              *fixture);
gint64                         query_int         (Fixture              *fixture,
                                                  const char           *sql);
char                          *library_checksum  (Fixture              *fixture);
gint64                         count_articles    (Fixture              *fixture);
gint64                         count_matches     (Fixture              *fixture,
                                                  const char           *word);
DossierArticle                *load              (Fixture              *fixture,
                                                  const char           *id);
guint                          count_mentions_of (Fixture              *fixture,
                                                  const char           *article_id,
                                                  const char           *entity);

/* An annotation with a note on @quote of the article @id; only_annotation() gives it back. */
DossierAnnotations            *annotate          (Fixture              *fixture,
                                                  const char           *id,
                                                  const char           *quote);
DossierAnnotation             *only_annotation   (DossierAnnotations   *annotations);

G_END_DECLS
