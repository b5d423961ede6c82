/* dossier-event-item.c: a timeline event as a list item
 *
 * The timeline model keeps its events as plain structs and wraps one in an item only when
 * a row asks for it, so 100,000 events cost no 100,000 objects. An item whose event is
 * still being read holds an empty one until dossier_event_item_set_event() (notify::event).
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

enum {
  PROP_0,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DossierEventItem, dossier_event_item, G_TYPE_OBJECT)

static void
dossier_event_item_finalize (GObject *object)
{
  DossierEventItem *self = (DossierEventItem *) object;

  g_clear_pointer (&self->event, dossier_event_free);

  G_OBJECT_CLASS (dossier_event_item_parent_class)->finalize (object);
}

static void
dossier_event_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierEventItem *self = DOSSIER_EVENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_boxed (value, self->event);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_event_item_class_init (DossierEventItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_event_item_finalize;
  object_class->get_property = dossier_event_item_get_property;

  properties[PROP_EVENT] =
    g_param_spec_boxed ("event", NULL, NULL, DOSSIER_TYPE_EVENT,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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

/* The event read at last, for an item made while it was being read. */
void
dossier_event_item_set_event (DossierEventItem   *self,
                              const DossierEvent *event)
{
  g_return_if_fail (DOSSIER_IS_EVENT_ITEM (self));
  g_return_if_fail (event != NULL);

  g_clear_pointer (&self->event, dossier_event_free);
  self->event = dossier_event_copy (event);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}
