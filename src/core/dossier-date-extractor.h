/* dossier-date-extractor.h: the dates a news text gives, resolved against its publication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-date.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_QUALIFIER_NONE  = 0,
  DOSSIER_QUALIFIER_EARLY = 1,
  DOSSIER_QUALIFIER_MID   = 2,
  DOSSIER_QUALIFIER_LATE  = 3,
} DossierQualifier;

/* One dating expression; all offsets count characters of the text given to the
 * extractor. */
typedef struct
{
  char             *phrase;          /* as written: "In late January of this year" */
  guint             start;
  guint             length;
  guint             sentence_start;  /* the sentence around it: [start, end) */
  guint             sentence_end;
  DossierDate       date;            /* the day, month or year it names; a range's start */
  DossierDate       end;             /* a range's end; precision NONE for a point */
  DossierQualifier  qualifier;
} DossierDateExpression;

void        dossier_date_expression_free (DossierDateExpression *expression);
GPtrArray  *dossier_date_extract         (const char            *text,
                                          const DossierDate     *published);
const char *dossier_qualifier_to_string  (DossierQualifier       qualifier);
gboolean    dossier_qualifier_from_string (const char           *name,
                                           DossierQualifier     *qualifier);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierDateExpression, dossier_date_expression_free)

G_END_DECLS
