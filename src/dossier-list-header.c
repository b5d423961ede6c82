/* dossier-list-header.c: a heading item in a flat list model ("People", "June 2021")
 *
 * GTK 4.8's list views have no sections, so grouped lists interleave these with their
 * items and the row factory draws them as headings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-list-header"

#include "dossier-list-header.h"

struct _DossierListHeader
{
  GObject  parent_instance;

  char    *title;
};

G_DEFINE_FINAL_TYPE (DossierListHeader, dossier_list_header, G_TYPE_OBJECT)

static void
dossier_list_header_finalize (GObject *object)
{
  DossierListHeader *self = (DossierListHeader *) object;

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (dossier_list_header_parent_class)->finalize (object);
}

static void
dossier_list_header_class_init (DossierListHeaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_list_header_finalize;
}

static void
dossier_list_header_init (DossierListHeader *self)
{
}

DossierListHeader *
dossier_list_header_new (const char *title)
{
  DossierListHeader *self = g_object_new (DOSSIER_TYPE_LIST_HEADER, NULL);

  self->title = g_strdup (title);
  return self;
}

const char *
dossier_list_header_get_title (DossierListHeader *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIST_HEADER (self), NULL);

  return self->title;
}
