/* dossier-entity-row.c: an entity, or a kind's heading, in the entity sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-entity-row"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-entity.h"
#include "dossier-entity-row.h"
#include "dossier-list-header.h"

struct _DossierEntityRow
{
  GtkWidget  parent_instance;

  /* template widgets */
  GtkLabel  *count_label;
  GtkLabel  *name_label;
};

G_DEFINE_FINAL_TYPE (DossierEntityRow, dossier_entity_row, GTK_TYPE_WIDGET)

static void
dossier_entity_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOSSIER_TYPE_ENTITY_ROW);

  G_OBJECT_CLASS (dossier_entity_row_parent_class)->dispose (object);
}

static void
dossier_entity_row_class_init (DossierEntityRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dossier_entity_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-entity-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierEntityRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityRow, name_label);
  gtk_widget_class_set_css_name (widget_class, "entityrow");
}

static void
dossier_entity_row_init (DossierEntityRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_entity_row_new (void)
{
  return g_object_new (DOSSIER_TYPE_ENTITY_ROW, NULL);
}

static void
show_entity (DossierEntityRow *self,
             DossierEntity    *entity)
{
  guint n = dossier_entity_get_n_mentions (entity);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *label = NULL;

  gtk_label_set_label (self->name_label, dossier_entity_get_name (entity));
  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "header");

  /* TRANSLATORS: an entity row for screen readers: name, kind, mention count */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s, %u mention",
                                        "%s, %s, %u mentions", n),
                           dossier_entity_get_name (entity),
                           dossier_entity_kind_get_label (dossier_entity_get_kind (entity)), n);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
dossier_entity_row_set_item (DossierEntityRow *self,
                             GObject          *item)
{
  const char *title;

  g_return_if_fail (DOSSIER_IS_ENTITY_ROW (self));

  if (DOSSIER_IS_ENTITY (item))
    {
      show_entity (self, DOSSIER_ENTITY (item));
      return;
    }

  title = DOSSIER_IS_LIST_HEADER (item) ? dossier_list_header_get_title (DOSSIER_LIST_HEADER (item))
                                        : "";
  gtk_label_set_label (self->name_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "header");
  /* A recycled row keeps the last entity's label otherwise; unnamed, GTK reads out its type. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}
