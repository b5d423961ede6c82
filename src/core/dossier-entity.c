/* dossier-entity.c: a person, organisation, place or piece of equipment the articles name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-entity"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-entity.h"

struct _DossierEntity
{
  GObject           parent_instance;

  char             *name;
  char             *description;
  GPtrArray        *aliases;   /* char *, NULL-terminated */
  DossierEntityKind kind;
  guint             n_mentions;
  guint             n_articles;
};

G_DEFINE_FINAL_TYPE (DossierEntity, dossier_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_DESCRIPTION,
  PROP_N_MENTIONS,
  PROP_N_ARTICLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_entity_finalize (GObject *object)
{
  DossierEntity *self = (DossierEntity *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->aliases, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_entity_parent_class)->finalize (object);
}

static void
dossier_entity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierEntity *self = DOSSIER_ENTITY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_N_MENTIONS:
      g_value_set_uint (value, self->n_mentions);
      break;
    case PROP_N_ARTICLES:
      g_value_set_uint (value, self->n_articles);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_entity_class_init (DossierEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_entity_finalize;
  object_class->get_property = dossier_entity_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, DOSSIER_ENTITY_PERSON, DOSSIER_ENTITY_OTHER,
                      DOSSIER_ENTITY_OTHER, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MENTIONS] =
    g_param_spec_uint ("n-mentions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ARTICLES] =
    g_param_spec_uint ("n-articles", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_entity_init (DossierEntity *self)
{
  self->aliases = g_ptr_array_new_null_terminated (2, g_free, TRUE);
}

DossierEntity *
dossier_entity_new (const char        *name,
                    DossierEntityKind  kind)
{
  DossierEntity *self;

  g_return_val_if_fail (name != NULL && *name != '\0', NULL);

  self = g_object_new (DOSSIER_TYPE_ENTITY, NULL);
  self->name = g_strdup (name);
  self->kind = kind;
  return self;
}

const char *
dossier_entity_get_name (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), NULL);

  return self->name;
}

DossierEntityKind
dossier_entity_get_kind (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), DOSSIER_ENTITY_OTHER);

  return self->kind;
}

const char *
dossier_entity_get_description (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), NULL);

  return self->description;
}

void
dossier_entity_set_description (DossierEntity *self,
                                const char    *description)
{
  g_return_if_fail (DOSSIER_IS_ENTITY (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char * const *
dossier_entity_get_aliases (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), NULL);

  return (const char * const *) self->aliases->pdata;
}

/* Adds @alias unless the entity already has it (or it is the name itself). */
void
dossier_entity_add_alias (DossierEntity *self,
                          const char    *alias)
{
  g_return_if_fail (DOSSIER_IS_ENTITY (self));
  g_return_if_fail (alias != NULL);

  if (*alias == '\0' || g_strcmp0 (alias, self->name) == 0
      || g_strv_contains ((const char * const *) self->aliases->pdata, alias))
    return;

  g_ptr_array_add (self->aliases, g_strdup (alias));
}

guint
dossier_entity_get_n_mentions (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), 0);

  return self->n_mentions;
}

guint
dossier_entity_get_n_articles (DossierEntity *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY (self), 0);

  return self->n_articles;
}

void
dossier_entity_set_counts (DossierEntity *self,
                           guint          n_mentions,
                           guint          n_articles)
{
  g_return_if_fail (DOSSIER_IS_ENTITY (self));

  if (self->n_mentions != n_mentions)
    {
      self->n_mentions = n_mentions;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MENTIONS]);
    }
  if (self->n_articles != n_articles)
    {
      self->n_articles = n_articles;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ARTICLES]);
    }
}

/* "Person", for a reader */
const char *
dossier_entity_kind_get_label (DossierEntityKind kind)
{
  switch (kind)
    {
    case DOSSIER_ENTITY_PERSON:
      return _("Person");
    case DOSSIER_ENTITY_ORGANIZATION:
      return _("Organisation");
    case DOSSIER_ENTITY_PLACE:
      return _("Place");
    case DOSSIER_ENTITY_EQUIPMENT:
      return _("Equipment");
    case DOSSIER_ENTITY_OTHER:
    default:
      return _("Other");
    }
}

/* "People", a heading for a group of them */
const char *
dossier_entity_kind_get_plural (DossierEntityKind kind)
{
  switch (kind)
    {
    case DOSSIER_ENTITY_PERSON:
      return _("People");
    case DOSSIER_ENTITY_ORGANIZATION:
      return _("Organisations");
    case DOSSIER_ENTITY_PLACE:
      return _("Places");
    case DOSSIER_ENTITY_EQUIPMENT:
      return _("Equipment");
    case DOSSIER_ENTITY_OTHER:
    default:
      return _("Other");
    }
}
