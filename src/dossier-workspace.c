/* dossier-workspace.c: the reading area, one to four article columns side by side
 *
 * One column is focused: it is where "Open" shows an article, and the one Ctrl+W closes.
 * Clicking into a column or moving keyboard focus into it focuses it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-workspace"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-workspace.h"

struct _DossierWorkspace
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  GtkBox        *columns;
  DossierColumn *focused;   /* borrowed: a child of columns */
};

G_DEFINE_FINAL_TYPE (DossierWorkspace, dossier_workspace, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOCUSED,
  PROP_N_COLUMNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_workspace_dispose (GObject *object)
{
  DossierWorkspace *self = (DossierWorkspace *) object;

  self->focused = NULL;
  if (self->stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stack));
      self->stack = NULL;
    }

  G_OBJECT_CLASS (dossier_workspace_parent_class)->dispose (object);
}

static void
dossier_workspace_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DossierWorkspace *self = DOSSIER_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_FOCUSED:
      g_value_set_object (value, self->focused);
      break;
    case PROP_N_COLUMNS:
      g_value_set_uint (value, dossier_workspace_get_n_columns (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_workspace_class_init (DossierWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_workspace_dispose;
  object_class->get_property = dossier_workspace_get_property;

  properties[PROP_FOCUSED] =
    g_param_spec_object ("focused", NULL, NULL, DOSSIER_TYPE_COLUMN,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_COLUMNS] =
    g_param_spec_uint ("n-columns", NULL, NULL, 0, DOSSIER_WORKSPACE_MAX_COLUMNS, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "workspace");
}

static GtkWidget *
make_empty_page (void)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "io.github.dossierapp.Dossier-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No Article Open"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("Choose an article in the library to read it. "
                                     "Ctrl+click or Ctrl+Enter opens it beside the others."));
  return page;
}

static void
dossier_workspace_init (DossierWorkspace *self)
{
  self->stack = GTK_STACK (gtk_stack_new ());
  self->columns = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  gtk_box_set_homogeneous (self->columns, TRUE);
  gtk_stack_add_named (self->stack, make_empty_page (), "empty");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->columns), "columns");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->columns),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reading columns"), -1);
}

GtkWidget *
dossier_workspace_new (void)
{
  return g_object_new (DOSSIER_TYPE_WORKSPACE, NULL);
}

guint
dossier_workspace_get_n_columns (DossierWorkspace *self)
{
  guint n = 0;

  g_return_val_if_fail (DOSSIER_IS_WORKSPACE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->columns));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

DossierColumn *
dossier_workspace_get_column (DossierWorkspace *self,
                              guint             index)
{
  GtkWidget *child;

  g_return_val_if_fail (DOSSIER_IS_WORKSPACE (self), NULL);

  child = gtk_widget_get_first_child (GTK_WIDGET (self->columns));
  for (guint i = 0; child != NULL && i < index; i++)
    child = gtk_widget_get_next_sibling (child);

  return child ? DOSSIER_COLUMN (child) : NULL;
}

DossierColumn *
dossier_workspace_get_focused (DossierWorkspace *self)
{
  g_return_val_if_fail (DOSSIER_IS_WORKSPACE (self), NULL);

  return self->focused;
}

/* The column showing @article_id, if one does. */
DossierColumn *
dossier_workspace_find (DossierWorkspace *self,
                        const char       *article_id)
{
  g_return_val_if_fail (DOSSIER_IS_WORKSPACE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->columns));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      DossierArticle *article = dossier_column_get_article (DOSSIER_COLUMN (child));

      if (article != NULL && g_strcmp0 (dossier_article_get_id (article), article_id) == 0)
        return DOSSIER_COLUMN (child);
    }

  return NULL;
}

void
dossier_workspace_focus_column (DossierWorkspace *self,
                                DossierColumn    *column)
{
  g_return_if_fail (DOSSIER_IS_WORKSPACE (self));
  g_return_if_fail (column == NULL || DOSSIER_IS_COLUMN (column));

  if (self->focused == column)
    return;

  if (self->focused != NULL)
    dossier_column_set_focused (self->focused, FALSE);
  self->focused = column;
  if (column != NULL)
    dossier_column_set_focused (column, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED]);
}

static void
on_focus_enter (GtkEventControllerFocus *controller,
                DossierWorkspace        *self)
{
  GtkWidget *column = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  dossier_workspace_focus_column (self, DOSSIER_COLUMN (column));
}

static void
on_column_pressed (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   DossierWorkspace *self)
{
  GtkWidget *column = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  /* The × of a column in the background closes it, and the column being read stays the
   * focused one: focused first, the closing one passed the focus to its neighbour (QA).
   * Its bounds, not gtk_widget_pick (): picking here left render nodes behind (20 KB a
   * press, seen by LeakSanitizer). */
  if (dossier_column_close_button_contains (DOSSIER_COLUMN (column), x, y))
    return;

  dossier_workspace_focus_column (self, DOSSIER_COLUMN (column));
}

static void
on_close_requested (DossierColumn    *column,
                    DossierWorkspace *self)
{
  dossier_workspace_close_column (self, column);
}

static void
watch_column (DossierWorkspace *self,
              DossierColumn    *column)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (focus, "enter", G_CALLBACK (on_focus_enter), self);
  gtk_widget_add_controller (GTK_WIDGET (column), focus);

  /* Capture phase: a click anywhere in the column focuses it, even on plain text. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_column_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (column), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (column, "close-requested", G_CALLBACK (on_close_requested), self);
}

/**
 * dossier_workspace_add_column:
 *
 * Adds an empty column after the focused one and focuses it.
 *
 * Returns: (transfer none) (nullable): the new column; %NULL when there are already
 *   %DOSSIER_WORKSPACE_MAX_COLUMNS
 */
DossierColumn *
dossier_workspace_add_column (DossierWorkspace *self)
{
  DossierColumn *column;

  g_return_val_if_fail (DOSSIER_IS_WORKSPACE (self), NULL);

  if (dossier_workspace_get_n_columns (self) >= DOSSIER_WORKSPACE_MAX_COLUMNS)
    return NULL;

  column = DOSSIER_COLUMN (dossier_column_new ());
  watch_column (self, column);
  gtk_box_insert_child_after (self->columns, GTK_WIDGET (column),
                              self->focused ? GTK_WIDGET (self->focused)
                                            : gtk_widget_get_last_child (GTK_WIDGET (self->columns)));
  gtk_stack_set_visible_child_name (self->stack, "columns");
  dossier_workspace_focus_column (self, column);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_COLUMNS]);
  return column;
}

void
dossier_workspace_close_column (DossierWorkspace *self,
                                DossierColumn    *column)
{
  GtkWidget *neighbour;

  g_return_if_fail (DOSSIER_IS_WORKSPACE (self));
  g_return_if_fail (DOSSIER_IS_COLUMN (column));

  neighbour = gtk_widget_get_prev_sibling (GTK_WIDGET (column));
  if (neighbour == NULL)
    neighbour = gtk_widget_get_next_sibling (GTK_WIDGET (column));

  if (self->focused == column)
    {
      self->focused = NULL;
      if (neighbour != NULL)
        {
          dossier_workspace_focus_column (self, DOSSIER_COLUMN (neighbour));
          gtk_widget_grab_focus (neighbour);
        }
      else
        /* focus_column (NULL) would return early, self->focused being NULL already: the
         * window kept the closed article's title and its library row selected (QA). */
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED]);
    }

  gtk_box_remove (self->columns, GTK_WIDGET (column));
  if (neighbour == NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_COLUMNS]);
}

/* Moves the focus to the next (1) or previous (-1) column, wrapping around. */
void
dossier_workspace_focus_next (DossierWorkspace *self,
                              int               direction)
{
  GtkWidget *next;

  g_return_if_fail (DOSSIER_IS_WORKSPACE (self));

  if (self->focused == NULL)
    return;

  next = direction > 0 ? gtk_widget_get_next_sibling (GTK_WIDGET (self->focused))
                       : gtk_widget_get_prev_sibling (GTK_WIDGET (self->focused));
  if (next == NULL)
    next = direction > 0 ? gtk_widget_get_first_child (GTK_WIDGET (self->columns))
                         : gtk_widget_get_last_child (GTK_WIDGET (self->columns));

  dossier_workspace_focus_column (self, DOSSIER_COLUMN (next));
  gtk_widget_grab_focus (GTK_WIDGET (dossier_article_view_get_text_view (
    dossier_column_get_article_view (DOSSIER_COLUMN (next)))));
}
