/* dossier-export-private.h: what the export formats share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-annotation.h"
#include "dossier-article.h"

G_BEGIN_DECLS

/* One article's annotations, in the order of their passages. */
typedef struct
{
  char           *article_id;
  DossierArticle *article;       /* NULL when the article is gone */
  GPtrArray      *annotations;   /* DossierAnnotation */
} DossierExportSection;

typedef struct
{
  const char *dossier_name;
  char       *exported;          /* ISO 8601 UTC */
  GPtrArray  *sections;          /* DossierExportSection */
  GPtrArray  *annotations;       /* every DossierAnnotation, in section order */
} DossierExportDocument;

char *_dossier_export_section_title   (const DossierExportSection  *section);
char *_dossier_export_section_date    (const DossierExportSection  *section);
char *_dossier_export_tags_text       (DossierAnnotation           *annotation);

char *_dossier_export_markdown        (const DossierExportDocument *document);
char *_dossier_export_html            (const DossierExportDocument *document);
char *_dossier_export_json            (const DossierExportDocument *document);
char *_dossier_export_csv             (const DossierExportDocument *document);

G_END_DECLS
