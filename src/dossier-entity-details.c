/* dossier-entity-details.c: what is known of an entity, one click from the entity bar
 *
 * Its description and aliases, the articles that mention it (a click opens one) and the
 * entities named with it (a click chooses that one instead).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-entity-details"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-entity-details.h"
#include "dossier-mention-store.h"
#include "dossier-template.h"

/* Companions beyond this many are left out: the list is a pointer, not a report. */
#define MAX_COMPANIONS 12

struct _DossierEntityDetails
{
  GtkWidget   parent_instance;

  /* template widgets */
  GtkLabel   *aliases_label;
  GtkBox     *articles_box;
  GtkFlowBox *companions_box;
  GtkLabel   *description_label;
  GtkLabel   *kind_label;
  GtkLabel   *name_label;
};

G_DEFINE_FINAL_TYPE (DossierEntityDetails, dossier_entity_details, GTK_TYPE_WIDGET)

static void
dossier_entity_details_dispose (GObject *object)
{
  _dossier_template_dispose (GTK_WIDGET (object), DOSSIER_TYPE_ENTITY_DETAILS);

  G_OBJECT_CLASS (dossier_entity_details_parent_class)->dispose (object);
}

static void
dossier_entity_details_class_init (DossierEntityDetailsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dossier_entity_details_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-entity-details.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierEntityDetails, aliases_label);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityDetails, articles_box);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityDetails, companions_box);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityDetails, description_label);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityDetails, kind_label);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityDetails, name_label);
}

static void
dossier_entity_details_init (DossierEntityDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A flat button that activates a window action with a string target. */
static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *target)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
  gtk_button_set_child (GTK_BUTTON (button), text);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
fill_articles (DossierEntityDetails *self,
               DossierLibrary       *library,
               DossierEntity        *entity)
{
  g_autoptr(GPtrArray) counts =
    dossier_mention_store_count_articles (dossier_library_get_database (library),
                                          dossier_entity_get_name (entity), NULL);

  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      const DossierMentionCount *count = g_ptr_array_index (counts, i);
      g_autofree char *label = g_strdup_printf ("%s (%u)", count->title, count->n_mentions);

      gtk_box_append (self->articles_box,
                      action_button (label, "win.open-beside", count->name));
    }
}

static void
fill_companions (DossierEntityDetails *self,
                 DossierLibrary       *library,
                 DossierEntity        *entity)
{
  g_autoptr(GPtrArray) counts =
    dossier_library_list_companions (library, dossier_entity_get_name (entity), NULL);

  for (guint i = 0; counts != NULL && i < MIN (counts->len, MAX_COMPANIONS); i++)
    {
      const DossierMentionCount *count = g_ptr_array_index (counts, i);

      gtk_flow_box_append (self->companions_box,
                           action_button (count->name, "win.choose-entity", count->name));
    }
}

GtkWidget *
dossier_entity_details_new (DossierLibrary *library,
                            DossierEntity  *entity)
{
  DossierEntityDetails *self = g_object_new (DOSSIER_TYPE_ENTITY_DETAILS, NULL);
  const char * const *aliases = dossier_entity_get_aliases (entity);
  g_autofree char *joined = g_strjoinv (", ", (char **) aliases);
  g_autofree char *also = g_strdup_printf (_("Also written: %s"), joined);

  gtk_label_set_label (self->name_label, dossier_entity_get_name (entity));
  gtk_label_set_label (self->kind_label,
                       dossier_entity_kind_get_label (dossier_entity_get_kind (entity)));
  gtk_label_set_label (self->description_label, dossier_entity_get_description (entity));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          dossier_entity_get_description (entity) != NULL);
  gtk_label_set_label (self->aliases_label, also);
  gtk_widget_set_visible (GTK_WIDGET (self->aliases_label), aliases[0] != NULL);

  fill_articles (self, library, entity);
  fill_companions (self, library, entity);
  return GTK_WIDGET (self);
}
