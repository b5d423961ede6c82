/* dossier-entity-details.c: what is known of an entity, one click from the entity bar
 *
 * Its description and aliases, the entities named with it (a click chooses that one
 * instead), short names side by side so that all are in view, then the articles that
 * mention it (a click opens one), the long list, last. Both lists are counted in a worker
 * thread: choosing an entity of a large library never waits for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-entity-details"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-entity-details.h"
#include "dossier-library.h"
#include "dossier-mention-store.h"
#include "dossier-template.h"

/* Companions beyond this many are left out: the list is a pointer, not a report. */
#define MAX_COMPANIONS 12
/* The articles that mention it most; an entity of a large library is in thousands. */
#define MAX_ARTICLES 25

struct _DossierEntityDetails
{
  GtkWidget   parent_instance;

  /* template widgets */
  GtkLabel   *aliases_label;
  GtkBox     *articles_box;
  GtkFlowBox *companions_box;
  GtkLabel   *description_label;
  GtkLabel   *kind_label;
  GtkLabel   *more_articles_label;
  GtkLabel   *name_label;

  /* owned */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (DossierEntityDetails, dossier_entity_details, GTK_TYPE_WIDGET)

static void
dossier_entity_details_dispose (GObject *object)
{
  DossierEntityDetails *self = DOSSIER_ENTITY_DETAILS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _dossier_template_dispose (GTK_WIDGET (object), DOSSIER_TYPE_ENTITY_DETAILS);

  G_OBJECT_CLASS (dossier_entity_details_parent_class)->dispose (object);
}

/* Replaced by the details of another entity: its counts are no longer wanted. */
static void
dossier_entity_details_unroot (GtkWidget *widget)
{
  g_cancellable_cancel (DOSSIER_ENTITY_DETAILS (widget)->cancellable);

  GTK_WIDGET_CLASS (dossier_entity_details_parent_class)->unroot (widget);
}

/* Opened, the popover focuses its first focusable child: the selectable name, which GTK
 * then selects whole (QA review: the details opened with their title selected). The
 * first button takes the focus instead; before the buttons are in, the label is focused
 * without a selection. The labels stay selectable, for copying. */
static gboolean
dossier_entity_details_focus (GtkWidget        *widget,
                              GtkDirectionType  direction)
{
  DossierEntityDetails *self = DOSSIER_ENTITY_DETAILS (widget);
  GtkWidget *before = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *after;

  if (before != NULL && gtk_widget_is_ancestor (before, widget))
    return GTK_WIDGET_CLASS (dossier_entity_details_parent_class)->focus (widget, direction);

  if (direction == GTK_DIR_TAB_FORWARD
      && (gtk_widget_child_focus (GTK_WIDGET (self->companions_box), direction)
          || gtk_widget_child_focus (GTK_WIDGET (self->articles_box), direction)))
    return TRUE;

  if (!GTK_WIDGET_CLASS (dossier_entity_details_parent_class)->focus (widget, direction))
    return FALSE;
  after = gtk_root_get_focus (gtk_widget_get_root (widget));
  if (GTK_IS_LABEL (after))
    gtk_label_select_region (GTK_LABEL (after), 0, 0);
  return TRUE;
}

static void
dossier_entity_details_class_init (DossierEntityDetailsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dossier_entity_details_dispose;
  widget_class->unroot = dossier_entity_details_unroot;
  widget_class->focus = dossier_entity_details_focus;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-entity-details.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierEntityDetails, aliases_label);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityDetails, articles_box);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityDetails, companions_box);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityDetails, description_label);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityDetails, kind_label);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityDetails, more_articles_label);
  gtk_widget_class_bind_template_child (widget_class, DossierEntityDetails, name_label);
}

static void
dossier_entity_details_init (DossierEntityDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* A flat button that activates a window action with a string target; its label wraps
 * after @width characters, or with @width 0 is one short line (a name, whole in its
 * tooltip), so that a few fit side by side. */
static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *target,
               int         width)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  if (width > 0)
    {
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (text), width);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (text), 16);
      gtk_widget_set_tooltip_text (button, label);
    }
  gtk_button_set_child (GTK_BUTTON (button), text);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* A list that could not be counted stays empty; a cancelled one belongs to details no
 * longer shown. Takes @error. */
static gboolean
counts_wanted (DossierEntityDetails *self,
               GPtrArray            *counts,
               GError               *error)
{
  if (counts == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not count for the entity details: %s", error->message);
  g_clear_error (&error);
  return counts != NULL && self->cancellable != NULL;
}

static void
on_articles_counted (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DossierEntityDetails) self = user_data;
  GError *error = NULL;
  g_autoptr(GPtrArray) counts =
    dossier_library_count_entity_articles_finish (DOSSIER_LIBRARY (source), result, &error);

  if (!counts_wanted (self, counts, error))
    return;

  for (guint i = 0; i < MIN (counts->len, MAX_ARTICLES); i++)
    {
      const DossierMentionCount *count = g_ptr_array_index (counts, i);
      g_autofree char *label = g_strdup_printf ("%s (%u)", count->title, count->n_mentions);

      gtk_box_append (self->articles_box,
                      action_button (label, "win.open-beside", count->name, 40));
    }

  if (counts->len > MAX_ARTICLES)
    {
      guint n_more = counts->len - MAX_ARTICLES;
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "And %u more article",
                                                            "And %u more articles", n_more),
                                               n_more);

      gtk_label_set_label (self->more_articles_label, more);
      gtk_widget_set_visible (GTK_WIDGET (self->more_articles_label), TRUE);
    }
}

static void
on_companions_counted (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(DossierEntityDetails) self = user_data;
  GError *error = NULL;
  g_autoptr(GPtrArray) counts =
    dossier_library_list_companions_finish (DOSSIER_LIBRARY (source), result, &error);

  if (!counts_wanted (self, counts, error))
    return;

  for (guint i = 0; i < MIN (counts->len, MAX_COMPANIONS); i++)
    {
      const DossierMentionCount *count = g_ptr_array_index (counts, i);

      gtk_flow_box_append (self->companions_box,
                           action_button (count->name, "win.choose-entity", count->name, 0));
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

  dossier_library_count_entity_articles_async (library, dossier_entity_get_name (entity),
                                               self->cancellable, on_articles_counted,
                                               g_object_ref (self));
  dossier_library_list_companions_async (library, dossier_entity_get_name (entity),
                                         self->cancellable, on_companions_counted,
                                         g_object_ref (self));
  return GTK_WIDGET (self);
}
