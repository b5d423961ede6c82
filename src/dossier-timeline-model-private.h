/* dossier-timeline-model-private.h: what the files of DossierTimelineModel share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-event-item.h"
#include "dossier-timeline-model.h"

G_BEGIN_DECLS

/* Rows fetched at once, and how many such pages stay: a screenful is well under one. */
#define PAGE_SIZE 64
#define MAX_PAGES 16

struct _DossierTimelineModel
{
  GObject         parent_instance;

  /* the source: a library, or events in memory */
  DossierLibrary *library;
  GPtrArray      *events;      /* DossierEvent, in timeline order; NULL with a library */
  GCancellable   *loading;     /* while the keys are read */

  DossierEventKeys *keys;      /* of the events the entity filter keeps, in order */
  GHashTable     *pages;       /* page of keys → GPtrArray of DossierEvent */
  GQueue          recent;      /* page numbers, the last used first */
  gboolean        in_background;
  GHashTable     *waiting;     /* page being read → PageWait */
  GCancellable   *reading;     /* names the current keys' reads */

  /* The rows: a heading, then the events of its month. Not an array of rows: 900,000
   * of them took 4 MB; the keys shown are a set, a heading's row is found by search. */
  GtkBitset      *shown;       /* indices into keys of the events the rows show */
  GArray         *headings;    /* int: YYYYMM, MM 00 for a year */
  GArray         *heading_rows; /* guint: the row of each heading, rising */
  char           *entity;
  int             from_key;    /* YYYYMM00, 0 for no bound */
  int             to_key;
};

static inline guint
n_keys (DossierTimelineModel *self)
{
  return dossier_event_keys_get_length (self->keys);
}

/* In dossier-timeline-model-pages.c */
void                _dossier_timeline_model_init_pages   (DossierTimelineModel *self);
void                _dossier_timeline_model_drop_pages   (DossierTimelineModel *self);
GPtrArray          *_dossier_timeline_model_held_page    (DossierTimelineModel *self,
                                                          guint                 page);
const DossierEvent *_dossier_timeline_model_event_at     (DossierTimelineModel *self,
                                                          guint                 index);
DossierEventItem   *_dossier_timeline_model_waiting_item (DossierTimelineModel *self,
                                                          guint                 index);

G_END_DECLS
