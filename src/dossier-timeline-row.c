/* dossier-timeline-row.c: one event, or a month's heading, in the timeline
 *
 * An event shows when (as precisely as known), the article, and the sentence. One
 * reported by several articles has a "reported by N" button listing them, each of which
 * opens beside the others at its own sentence, to compare how they tell it.
 *
 * A list scrolled far makes its rows anew (GTK 4.8 keeps 200 around the view), so a row
 * is few widgets and one line of text: the conflict mark and the button are made the
 * first time a row needs them, and the sentence is ellipsized to one line (whole in the
 * accessible name) rather than wrapped to three, which measured each row's text again for
 * every width asked. No tooltip either: setting one costs as much as the row's labels.
 *
 * The two lines are GtkInscriptions: the date with the article's title (one text, styled
 * by attributes), then the sentence. An inscription's size is a number of characters and lines,
 * never its text's, so binding a row lays out no text to measure it, queues no resize up
 * to the window on every frame of a scroll (as a label of the date did: a sixth of the
 * CPU of each frame), and every row asks for the same height. The row's accessible name
 * still holds the whole sentence, date and article, read as one. Dimmed text is a colour
 * with alpha (style.css, the title's attributes), not opacity, which would render each row
 * offscreen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-timeline-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-event-item.h"
#include "dossier-list-header.h"
#include "dossier-timeline-row.h"

struct _DossierTimelineRow
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkInscription       *when_label;
  GtkInscription       *text_label;
  GtkBox               *top_line;

  /* made when first needed */
  GtkWidget            *conflict_label;
  GtkWidget            *reported_button;

  /* borrowed while bound */
  DossierTimelineModel *model;
  char                 *group;
  GObject              *item;     /* owned: an event item, whose event may come later */
};

G_DEFINE_FINAL_TYPE (DossierTimelineRow, dossier_timeline_row, GTK_TYPE_WIDGET)

static void
dossier_timeline_row_dispose (GObject *object)
{
  DossierTimelineRow *self = (DossierTimelineRow *) object;

  dossier_timeline_row_set_item (self, NULL, NULL);
  /* GTK 4.8's inscription frees the attributes it holds when they are replaced, but not
   * when it is finalized. */
  if (self->when_label != NULL)
    gtk_inscription_set_attributes (self->when_label, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_TIMELINE_ROW);
  g_clear_pointer (&self->group, g_free);

  G_OBJECT_CLASS (dossier_timeline_row_parent_class)->dispose (object);
}

static void
dossier_timeline_row_class_init (DossierTimelineRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dossier_timeline_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-timeline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelineRow, top_line);
  gtk_widget_class_set_css_name (widget_class, "timelinerow");
}

static GtkWidget *
report_button (const DossierEvent *event)
{
  g_autofree char *label = g_strdup_printf ("%s — “%s”", event->article_title, event->phrase);
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
  gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 50);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-passage-beside");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(suu)", event->article_id,
                                    event->sentence_start, event->sentence_end);
  return button;
}

/* Built when it opens: most rows are never asked. */
static void
create_reports_popover (GtkMenuButton *button,
                        gpointer       user_data)
{
  DossierTimelineRow *self = DOSSIER_TIMELINE_ROW (user_data);
  g_autoptr(GPtrArray) events = dossier_timeline_model_get_group (self->model, self->group);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *heading = gtk_label_new (_("Open beside the others, at its sentence:"));

  gtk_widget_add_css_class (heading, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);
  for (guint i = 0; i < events->len; i++)
    gtk_box_append (GTK_BOX (box), report_button (g_ptr_array_index (events, i)));

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

static void
dossier_timeline_row_init (DossierTimelineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
show_conflict (DossierTimelineRow *self,
               gboolean            conflict)
{
  if (conflict && self->conflict_label == NULL)
    {
      self->conflict_label = gtk_label_new (_("Dates differ"));
      gtk_widget_set_tooltip_text (self->conflict_label,
                                   _("Another article dates this happening differently"));
      gtk_widget_add_css_class (self->conflict_label, "timeline-conflict");
      gtk_widget_add_css_class (self->conflict_label, "caption");
      gtk_box_append (self->top_line, self->conflict_label);
    }
  if (self->conflict_label != NULL)
    gtk_widget_set_visible (self->conflict_label, conflict);
}

/* The "reported by N articles" button, shown with @label, or hidden when NULL. */
static void
show_reported (DossierTimelineRow *self,
               const char         *label)
{
  if (label != NULL && self->reported_button == NULL)
    {
      self->reported_button = gtk_menu_button_new ();
      gtk_widget_set_valign (self->reported_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (self->reported_button, "flat");
      gtk_widget_add_css_class (self->reported_button, "caption");
      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->reported_button),
                                             create_reports_popover, self, NULL);
      gtk_box_append (self->top_line, self->reported_button);
    }
  if (self->reported_button == NULL)
    return;

  gtk_widget_set_visible (self->reported_button, label != NULL);
  if (label == NULL)
    return;
  /* The row is recycled: the next open builds the list of this group, not the last one. */
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->reported_button), NULL);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->reported_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reported_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

GtkWidget *
dossier_timeline_row_new (void)
{
  return g_object_new (DOSSIER_TYPE_TIMELINE_ROW, NULL);
}

static void
show_heading (DossierTimelineRow *self,
              const char         *title)
{
  gtk_inscription_set_text (self->when_label, title);
  gtk_inscription_set_attributes (self->when_label, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), FALSE);
  show_conflict (self, FALSE);
  show_reported (self, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "header");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/* A row whose event is still being read (or was removed since its key was): blank, where
 * an empty event's date would read "Undated" for a moment on every row of a fast scroll. */
static void
show_waiting (DossierTimelineRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "header");
  gtk_inscription_set_text (self->when_label, NULL);
  gtk_inscription_set_attributes (self->when_label, NULL);
  gtk_inscription_set_text (self->text_label, NULL);
  show_conflict (self, FALSE);
  show_reported (self, NULL);
  g_clear_pointer (&self->group, g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reading the event…"), -1);
}

static void
add_attribute (PangoAttrList  *list,
               PangoAttribute *attribute,
               guint           start,
               guint           end)
{
  attribute->start_index = start;
  attribute->end_index = end;
  pango_attr_list_insert (list, attribute);
}

/* The date in bold with figures of one width, then the article's title, smaller and
 * dimmed like a caption (@title NULL: a group's row, whose button names the articles).
 * Attributes rather than markup: nothing to escape or parse for each row bound (the list
 * is freed when replaced; see dispose for the last one). */
static void
show_when (DossierTimelineRow *self,
           const char         *date,
           const char         *title)
{
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  g_autofree char *text = NULL;
  guint date_end = strlen (date);

  text = title != NULL ? g_strconcat (date, "\u2002\u2002", title, NULL) : g_strdup (date);
  add_attribute (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, date_end);
  add_attribute (attributes, pango_attr_font_features_new ("tnum"), 0, date_end);
  if (title != NULL)
    {
      guint title_start = strlen (text) - strlen (title);

      add_attribute (attributes, pango_attr_scale_new (PANGO_SCALE_SMALL), title_start,
                     G_MAXUINT);
      add_attribute (attributes, pango_attr_foreground_alpha_new (0.55 * G_MAXUINT16),
                     title_start, G_MAXUINT);
    }
  gtk_inscription_set_text (self->when_label, text);
  gtk_inscription_set_attributes (self->when_label, attributes);
}

static void
show_event (DossierTimelineRow *self,
            const DossierEvent *event)
{
  g_autofree char *date = NULL;
  g_autofree char *reported = NULL;
  g_autofree char *label = NULL;
  gboolean grouped = event->reported_by > 1;

  /* Every event on the timeline has a date: one without is not read yet. */
  if (event->date.precision == DOSSIER_PRECISION_NONE)
    {
      show_waiting (self);
      return;
    }

  date = dossier_event_format_date (event);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "header");
  show_when (self, date, grouped ? NULL : event->article_title);
  gtk_inscription_set_text (self->text_label, event->text);
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), TRUE);
  show_conflict (self, event->conflict);

  g_free (self->group);
  self->group = g_strdup (event->group);
  reported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "reported by %u article",
                                           "reported by %u articles", event->reported_by),
                              event->reported_by);
  show_reported (self, grouped ? reported : NULL);

  /* TRANSLATORS: a timeline row for screen readers: date, sentence, article */
  label = g_strdup_printf (_("%s: %s (%s)"), date, event->text ? event->text : "",
                           grouped ? reported : event->article_title ? event->article_title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_event_read (DossierTimelineRow *self)
{
  show_event (self, dossier_event_item_get_event (DOSSIER_EVENT_ITEM (self->item)));
}

/* @item: (nullable): an event item or a heading; NULL when the row is unbound */
void
dossier_timeline_row_set_item (DossierTimelineRow   *self,
                               GObject              *item,
                               DossierTimelineModel *model)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_ROW (self));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_event_read, self);
  g_set_object (&self->item, item);
  self->model = model;
  if (DOSSIER_IS_EVENT_ITEM (item))
    {
      show_event (self, dossier_event_item_get_event (DOSSIER_EVENT_ITEM (item)));
      g_signal_connect_swapped (item, "notify::event", G_CALLBACK (on_event_read), self);
    }
  else if (DOSSIER_IS_LIST_HEADER (item))
    show_heading (self, dossier_list_header_get_title (DOSSIER_LIST_HEADER (item)));
}
