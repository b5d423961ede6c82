/* dossier-event.h: one dated happening of the timeline, as one article tells it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-date-extractor.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EVENT (dossier_event_get_type ())

struct _DossierEvent
{
  gint64            id;
  char             *article_id;     /* the article's stable id */
  char             *article_title;
  DossierDate       date;
  DossierDate       end;            /* a period's end; precision NONE for a point */
  DossierQualifier  qualifier;
  char             *phrase;         /* the dating words as written */
  char             *text;           /* the sentence that holds them */
  GStrv             entities;       /* names of the entities the sentence mentions */
  char             *group;          /* events of one group tell one happening */
  guint             reported_by;    /* how many articles report the group */
  gboolean          conflict;       /* another article dates this happening otherwise */
  guint             sentence_start; /* the sentence, as character offsets into the text */
  guint             sentence_end;
};

GType         dossier_event_get_type        (void) G_GNUC_CONST;
DossierEvent *dossier_event_new             (void);
DossierEvent *dossier_event_copy            (const DossierEvent *event);
void          dossier_event_free            (DossierEvent       *event);
char         *dossier_event_dup_iso         (const DossierEvent *event);
char         *dossier_event_format_date     (const DossierEvent *event);
const char   *dossier_event_guess_happening (const char         *sentence);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierEvent, dossier_event_free)

G_END_DECLS
