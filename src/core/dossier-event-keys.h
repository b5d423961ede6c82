/* dossier-event-keys.h: the keys of a long timeline, held in little memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-event.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EVENT_KEYS (dossier_event_keys_get_type ())

typedef struct _DossierEventKeys DossierEventKeys;

typedef struct
{
  /*< private >*/
  DossierEventKeys *keys;
  guint             index;
  guint             run;
  guint             period;
  guint             group;
} DossierEventKeysIter;

GType             dossier_event_keys_get_type   (void) G_GNUC_CONST;
DossierEventKeys *dossier_event_keys_new        (void);
DossierEventKeys *dossier_event_keys_ref        (DossierEventKeys      *self);
void              dossier_event_keys_unref      (DossierEventKeys      *self);
void              dossier_event_keys_append     (DossierEventKeys      *self,
                                                 const DossierEventKey *key);
void              dossier_event_keys_trim       (DossierEventKeys      *self);
guint             dossier_event_keys_get_length (DossierEventKeys      *self);
void              dossier_event_keys_get        (DossierEventKeys      *self,
                                                 guint                  first,
                                                 guint                  n_keys,
                                                 DossierEventKey       *keys);
guint32           dossier_event_keys_get_id     (DossierEventKeys      *self,
                                                 guint                  index);
gsize             dossier_event_keys_get_size   (DossierEventKeys      *self);

void              dossier_event_keys_iter_init  (DossierEventKeysIter  *iter,
                                                 DossierEventKeys      *keys,
                                                 guint                  first);
gboolean          dossier_event_keys_iter_next  (DossierEventKeysIter  *iter,
                                                 DossierEventKey       *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierEventKeys, dossier_event_keys_unref)

G_END_DECLS
