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

/* One event of a long timeline, without its text: what a list needs to place it and
 * filter it by month; the event itself is fetched when its row is shown. 16 bytes, so
 * that 900,000 events take 14 MB: event ids are row ids, far below 2^32. */
typedef struct
{
  guint32 id;          /* the event's id in the database (or an index, for lists in memory) */
  guint32 group;       /* shows as one row with the others of this group; 0: on its own */
  int     month;       /* YYYYMM00 of its date; MM is 00 for a date known only to the year */
  int     last_month;  /* YYYYMM00 of the last month it may fall in */
} DossierEventKey;

GType         dossier_event_get_type        (void) G_GNUC_CONST;
DossierEvent *dossier_event_new             (void);
DossierEvent *dossier_event_copy            (const DossierEvent *event);
void          dossier_event_free            (DossierEvent       *event);
char         *dossier_event_dup_iso         (const DossierEvent *event);
char         *dossier_event_format_date     (const DossierEvent *event);
const char   *dossier_event_guess_happening (const char         *sentence);
void          dossier_event_key_set_dates   (DossierEventKey    *key,
                                             const DossierDate  *date,
                                             const DossierDate  *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierEvent, dossier_event_free)

G_END_DECLS
