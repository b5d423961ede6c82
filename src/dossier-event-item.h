/* dossier-event-item.h: a timeline event as a list item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "dossier-event.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EVENT_ITEM (dossier_event_item_get_type ())

G_DECLARE_FINAL_TYPE (DossierEventItem, dossier_event_item, DOSSIER, EVENT_ITEM, GObject)

DossierEventItem   *dossier_event_item_new       (const DossierEvent *event);
const DossierEvent *dossier_event_item_get_event (DossierEventItem   *self);
void                dossier_event_item_set_event (DossierEventItem   *self,
                                                  const DossierEvent *event);

G_END_DECLS
