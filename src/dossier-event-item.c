/* dossier-event-item.c: a timeline event as a list item
 *
 * The timeline model keeps its events as plain structs and wraps one in an item only when
 * a row asks for it, so 100,000 events cost no 100,000 objects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-event-item"

#include "dossier-event-item.h"

struct _DossierEventItem
{
  GObject       parent_instance;

  DossierEvent *event;
};

G_DEFINE_FINAL_TYPE (DossierEventItem, dossier_event_item, G_TYPE_OBJECT)

static void
dossier_event_item_finalize (GObject *object)
{
  DossierEventItem *self = (DossierEventItem *) object;

  g_clear_pointer (&self->event, dossier_event_free);

  G_OBJECT_CLASS (dossier_event_item_parent_class)->finalize (object);
}

static void
dossier_event_item_class_init (DossierEventItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_event_item_finalize;
}

static void
dossier_event_item_init (DossierEventItem *self)
{
}

DossierEventItem *
dossier_event_item_new (const DossierEvent *event)
{
  DossierEventItem *self = g_object_new (DOSSIER_TYPE_EVENT_ITEM, NULL);

  self->event = dossier_event_copy (event);
  return self;
}

const DossierEvent *
dossier_event_item_get_event (DossierEventItem *self)
{
  g_return_val_if_fail (DOSSIER_IS_EVENT_ITEM (self), NULL);

  return self->event;
}
