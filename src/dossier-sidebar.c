/* dossier-sidebar.c: the library of articles and the entities, with a filter
 *
 * Choosing a row does not open or choose anything itself: it activates the window's
 * actions (win.open-article, win.open-beside, win.choose-entity), so menus, shortcuts
 * and rows all go through one place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-article.h"
#include "dossier-article-row.h"
#include "dossier-entity-row.h"
#include "dossier-list-header.h"
#include "dossier-notes-view.h"
#include "dossier-search-pane.h"
#include "dossier-sidebar.h"
#include "dossier-template.h"

struct _DossierSidebar
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkGridView        *article_list;
  GtkGridView        *entity_list;
  GtkSearchEntry     *filter_entry;
  DossierNotesView   *notes_view;
  DossierSearchPane  *search_pane;
  GtkStack           *stack;
  GtkStack           *article_stack;     /* the list, or "no match" */
  GtkStack           *entity_stack;

  /* owned */
  DossierArticlePages *articles;
  GtkSingleSelection *article_selection;
  GListStore         *shown_entities;    /* DossierEntity and DossierListHeader */
  GPtrArray          *entities;          /* DossierEntity, all of them */
  GHashTable         *article_rows;      /* DossierArticleRow, bound ones */
  GHashTable         *entity_rows;       /* DossierEntityRow → GtkListItem, bound ones */
  GHashTable         *article_mentions;  /* article id → mentions of the chosen entity */
  GHashTable         *note_counts;       /* article id → annotations */
  char               *chosen;            /* the chosen entity's name */
  char               *current;           /* the article shown as selected */
  gboolean            selecting;         /* selection set by code, not by the user */
};

G_DEFINE_FINAL_TYPE (DossierSidebar, dossier_sidebar, GTK_TYPE_WIDGET)

static gboolean
matches (const char *text,
         const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static char *
filter_text (DossierSidebar *self)
{
  return g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)), -1);
}

static gboolean
entity_matches (DossierEntity *entity,
                const char    *needle)
{
  const char * const *aliases = dossier_entity_get_aliases (entity);

  if (*needle == '\0' || matches (dossier_entity_get_name (entity), needle))
    return TRUE;

  for (guint i = 0; aliases[i] != NULL; i++)
    if (matches (aliases[i], needle))
      return TRUE;

  return FALSE;
}

/* Rebuilds the flat entity list: a heading per kind, then its entities, most mentioned
 * first, keeping those the filter lets through. */
static void
refill_entities (DossierSidebar *self)
{
  g_autofree char *needle = filter_text (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (DossierEntityKind kind = DOSSIER_ENTITY_PERSON; kind <= DOSSIER_ENTITY_OTHER; kind++)
    {
      guint heading = items->len;

      for (guint i = 0; self->entities != NULL && i < self->entities->len; i++)
        {
          DossierEntity *entity = g_ptr_array_index (self->entities, i);

          if (dossier_entity_get_kind (entity) != kind || !entity_matches (entity, needle))
            continue;
          if (items->len == heading)
            g_ptr_array_add (items, dossier_list_header_new (dossier_entity_kind_get_plural (kind)));
          g_ptr_array_add (items, g_object_ref (entity));
        }
    }

  g_list_store_splice (self->shown_entities, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->shown_entities)),
                       items->pdata, items->len);
}

/* A filter that lets nothing through says so, rather than leaving a blank list. */
static void
show_no_match (DossierSidebar *self)
{
  gboolean filtering = *gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)) != '\0';
  GListModel *lists[] = { self->article_selection ? G_LIST_MODEL (self->article_selection) : NULL,
                          G_LIST_MODEL (self->shown_entities) };
  GtkStack *stacks[] = { self->article_stack, self->entity_stack };

  if (self->article_stack == NULL)   /* disposed */
    return;

  for (guint i = 0; i < G_N_ELEMENTS (stacks); i++)
    gtk_stack_set_visible_child_name (stacks[i],
                                      filtering && lists[i] != NULL
                                      && g_list_model_get_n_items (lists[i]) == 0
                                      ? "no-match" : "list");
}

static void
on_filter_changed (DossierSidebar *self)
{
  /* The library can hold 100,000 articles: the database filters them, off this thread. */
  if (self->articles != NULL)
    dossier_article_pages_set_filter (self->articles,
                                      gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
  refill_entities (self);
  dossier_notes_view_set_text_filter (self->notes_view,
                                      gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
  show_no_match (self);
}

static void
on_filter_stop (DossierSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
}

static void
open_article (DossierSidebar *self,
              DossierArticle *article,
              gboolean        beside)
{
  gtk_widget_activate_action (GTK_WIDGET (self), beside ? "win.open-beside" : "win.open-article",
                              "s", dossier_article_get_id (article));
}

static void
on_article_selected (DossierSidebar *self)
{
  DossierArticle *article = gtk_single_selection_get_selected_item (self->article_selection);

  if (article != NULL && dossier_article_get_id (article) != NULL && !self->selecting)
    open_article (self, article, FALSE);
}

/* Ctrl+click opens beside; a right click offers both. */
static gboolean
unparent_now (gpointer popover)
{
  gtk_widget_unparent (popover);
  g_object_unref (popover);
  return G_SOURCE_REMOVE;
}

/* A menu closes before the item chosen in it activates its action, which is looked up
 * from the menu up through its parents: unparented at once, the menu found no window
 * and its items (Open, Open Beside, Remove…) did nothing. */
static void
unparent_when_idle (GtkPopover *popover)
{
  g_idle_add (unparent_now, g_object_ref (popover));
}

/* The menu of the article @id's row: open, open beside, hide (@bundled) or remove. */
GtkWidget *
_dossier_sidebar_popup_article_menu (GtkWidget  *row,
                                     const char *id,
                                     gboolean    bundled,
                                     double      x,
                                     double      y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *open = g_strdup_printf ("win.open-article('%s')", id);
  g_autofree char *beside = g_strdup_printf ("win.open-beside('%s')", id);
  g_autofree char *remove = g_strdup_printf ("win.remove-article('%s')", id);
  GtkWidget *popover;

  g_menu_append (menu, _("_Open"), open);
  g_menu_append (menu, _("Open _Beside"), beside);
  g_menu_append (menu, bundled ? _("_Hide…") : _("_Remove…"), remove);
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, row);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (unparent_when_idle), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  return popover;
}

static void
on_article_row_pressed (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        DossierSidebar  *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  DossierArticle *article = dossier_article_row_get_article (DOSSIER_ARTICLE_ROW (row));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  /* An article removed since the list was read, shown empty until it is read again */
  if (article == NULL || dossier_article_get_id (article) == NULL)
    return;

  if (button == GDK_BUTTON_PRIMARY && (state & GDK_CONTROL_MASK))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      open_article (self, article, TRUE);
    }
  /* Selecting an article opens it; clicking the one already selected opens it again,
   * which in the folded layout brings the user back from the library to its column. */
  else if (button == GDK_BUTTON_PRIMARY
           && article == gtk_single_selection_get_selected_item (self->article_selection))
    open_article (self, article, FALSE);
  else if (button == GDK_BUTTON_SECONDARY)
    _dossier_sidebar_popup_article_menu (row, dossier_article_get_id (article),
                                         dossier_article_get_origin (article)
                                         == DOSSIER_ORIGIN_BUNDLED, x, y);
}

static void
setup_article_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   DossierSidebar           *self)
{
  GtkWidget *row = dossier_article_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_article_row_pressed), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, row);
}

static void
show_note_count (DossierSidebar    *self,
                 DossierArticleRow *row)
{
  DossierArticle *article = dossier_article_row_get_article (row);
  gpointer n = NULL;

  if (article != NULL && dossier_article_get_id (article) != NULL && self->note_counts != NULL)
    n = g_hash_table_lookup (self->note_counts, dossier_article_get_id (article));
  dossier_article_row_set_notes (row, GPOINTER_TO_UINT (n));
}

static void
bind_article_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  DossierSidebar           *self)
{
  DossierArticle *article = gtk_list_item_get_item (item);
  DossierArticleRow *row = DOSSIER_ARTICLE_ROW (gtk_list_item_get_child (item));
  g_autofree char *byline = dossier_article_dup_byline (article);
  g_autofree char *label = g_strdup_printf ("%s, %s", dossier_article_get_title (article), byline);
  gpointer n = NULL;

  dossier_article_row_set_article (row, article);
  if (self->article_mentions != NULL && dossier_article_get_id (article) != NULL)
    n = g_hash_table_lookup (self->article_mentions, dossier_article_get_id (article));
  dossier_article_row_set_mentions (row, GPOINTER_TO_UINT (n));
  show_note_count (self, row);
  /* The row is what a screen reader lands on; give it the whole line to read. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  _dossier_accessible_name_cell (item);
  g_hash_table_add (self->article_rows, row);
}

static void
unbind_article_row (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    DossierSidebar           *self)
{
  DossierArticleRow *row = DOSSIER_ARTICLE_ROW (gtk_list_item_get_child (item));

  g_hash_table_remove (self->article_rows, row);
  dossier_article_row_set_article (row, NULL);
}

static void
setup_entity_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  DossierSidebar           *self)
{
  gtk_list_item_set_child (item, dossier_entity_row_new ());
}

static void
mark_chosen (DossierSidebar *self,
             GtkListItem    *item)
{
  GObject *object = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  gboolean chosen = DOSSIER_IS_ENTITY (object) && self->chosen != NULL
                    && g_str_equal (dossier_entity_get_name (DOSSIER_ENTITY (object)), self->chosen);

  if (chosen)
    gtk_widget_add_css_class (row, "chosen");
  else
    gtk_widget_remove_css_class (row, "chosen");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, chosen, -1);
}

static void
bind_entity_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 DossierSidebar           *self)
{
  GObject *object = gtk_list_item_get_item (item);
  DossierEntityRow *row = DOSSIER_ENTITY_ROW (gtk_list_item_get_child (item));

  dossier_entity_row_set_item (row, object);
  gtk_list_item_set_activatable (item, DOSSIER_IS_ENTITY (object));
  gtk_list_item_set_selectable (item, DOSSIER_IS_ENTITY (object));
  _dossier_accessible_name_cell (item);
  g_hash_table_insert (self->entity_rows, row, item);
  mark_chosen (self, item);
}

static void
unbind_entity_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   DossierSidebar           *self)
{
  g_hash_table_remove (self->entity_rows, gtk_list_item_get_child (item));
}

static void
on_entity_activated (GtkGridView    *list,
                     guint           position,
                     DossierSidebar *self)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->shown_entities), position);

  if (DOSSIER_IS_ENTITY (item))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.choose-entity", "s",
                                dossier_entity_get_name (DOSSIER_ENTITY (item)));
}

/* Enter (or a double click) on an article opens it, the selected one too. */
static void
on_article_activated (GtkGridView    *list,
                      guint           position,
                      DossierSidebar *self)
{
  g_autoptr(DossierArticle) article = g_list_model_get_item (G_LIST_MODEL (self->article_selection),
                                                             position);

  if (article != NULL && dossier_article_get_id (article) != NULL)
    open_article (self, article, FALSE);
}

/* Ctrl+Enter in the library opens the selected article beside the others. */
static gboolean
open_beside_shortcut (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  DossierSidebar *self = DOSSIER_SIDEBAR (user_data);
  DossierArticle *article = gtk_single_selection_get_selected_item (self->article_selection);
  gboolean shown = article != NULL && dossier_article_get_id (article) != NULL;

  if (shown)
    open_article (self, article, TRUE);
  return shown;
}

static GtkListItemFactory *
make_factory (GCallback setup,
              GCallback bind,
              GCallback unbind,
              gpointer  self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  g_signal_connect (factory, "unbind", unbind, self);
  return factory;
}

static void
dossier_sidebar_dispose (GObject *object)
{
  DossierSidebar *self = (DossierSidebar *) object;
  _dossier_template_dispose (GTK_WIDGET (self), DOSSIER_TYPE_SIDEBAR);
  g_clear_object (&self->article_selection);
  g_clear_object (&self->articles);
  g_clear_object (&self->shown_entities);
  g_clear_pointer (&self->entities, g_ptr_array_unref);
  g_clear_pointer (&self->article_rows, g_hash_table_unref);
  g_clear_pointer (&self->entity_rows, g_hash_table_unref);
  g_clear_pointer (&self->article_mentions, g_hash_table_unref);
  g_clear_pointer (&self->note_counts, g_hash_table_unref);
  g_clear_pointer (&self->chosen, g_free);
  g_clear_pointer (&self->current, g_free);

  G_OBJECT_CLASS (dossier_sidebar_parent_class)->dispose (object);
}

static void
dossier_sidebar_class_init (DossierSidebarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dossier_sidebar_dispose;

  g_type_ensure (DOSSIER_TYPE_NOTES_VIEW);
  g_type_ensure (DOSSIER_TYPE_SEARCH_PANE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSidebar, article_list);
  gtk_widget_class_bind_template_child (widget_class, DossierSidebar, article_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierSidebar, entity_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierSidebar, entity_list);
  gtk_widget_class_bind_template_child (widget_class, DossierSidebar, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierSidebar, notes_view);
  gtk_widget_class_bind_template_child (widget_class, DossierSidebar, search_pane);
  gtk_widget_class_bind_template_child (widget_class, DossierSidebar, stack);
  gtk_widget_class_set_css_name (widget_class, "sidebar");
}

/* The search page has its own entry; the filter would only confuse it. */
static void
on_view_changed (DossierSidebar *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->filter_entry),
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "search") != 0);
}

/* Typing in the library starts a search, as in the GNOME apps that keep lists. */
static gboolean
on_library_key (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DossierSidebar        *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  char text[7] = { 0 };

  if (c == 0 || !g_unichar_isgraph (c) || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;

  g_unichar_to_utf8 (c, text);
  dossier_sidebar_set_view (self, "search");
  dossier_search_pane_set_text (self->search_pane, text);
  dossier_search_pane_focus (self->search_pane);
  return TRUE;
}

/* The article and entity lists are GtkGridViews of one column, not GtkListViews: GTK 4.8's
 * list view keeps 200 row widgets alive whatever its height, each bound, measured and
 * styled (wrapped three-line titles: 4.5 MB and most of the main thread's work after the
 * first frame at 100,000 articles), where a grid keeps 30 rows and makes them taller
 * rather than leave part of a very tall view empty. */
static void
init_article_list (DossierSidebar *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autoptr(GtkListItemFactory) factory =
    make_factory (G_CALLBACK (setup_article_row), G_CALLBACK (bind_article_row),
                  G_CALLBACK (unbind_article_row), self);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_grid_view_set_factory (self->article_list, factory);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                      gtk_callback_action_new (open_beside_shortcut, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->article_list), shortcuts);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_library_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->article_list), keys);
  g_signal_connect (self->article_list, "activate", G_CALLBACK (on_article_activated), self);
}

static void
init_entity_list (DossierSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory =
    make_factory (G_CALLBACK (setup_entity_row), G_CALLBACK (bind_entity_row),
                  G_CALLBACK (unbind_entity_row), self);
  g_autoptr(GtkNoSelection) selection = NULL;

  self->shown_entities = g_list_store_new (G_TYPE_OBJECT);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown_entities)));
  gtk_grid_view_set_factory (self->entity_list, factory);
  gtk_grid_view_set_model (self->entity_list, GTK_SELECTION_MODEL (selection));
  g_signal_connect (self->entity_list, "activate", G_CALLBACK (on_entity_activated), self);
  g_signal_connect_swapped (self->shown_entities, "items-changed", G_CALLBACK (show_no_match),
                            self);
}

static void
dossier_sidebar_init (DossierSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->article_rows = g_hash_table_new (NULL, NULL);
  self->entity_rows = g_hash_table_new (NULL, NULL);
  init_article_list (self);
  init_entity_list (self);
  g_signal_connect_swapped (self->filter_entry, "search-changed",
                            G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->filter_entry, "stop-search", G_CALLBACK (on_filter_stop), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (on_view_changed), self);
}

GtkWidget *
dossier_sidebar_new (void)
{
  return g_object_new (DOSSIER_TYPE_SIDEBAR, NULL);
}

static void
select_current (DossierSidebar *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->current != NULL && !dossier_article_pages_find (self->articles, self->current, &position))
    position = GTK_INVALID_LIST_POSITION;

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->article_selection, position);
  self->selecting = FALSE;
}

/* The list is read anew (an import, the filter) as all its old rows out, all the new in:
 * the current article is selected again where it now is. */
static void
on_articles_changed (DossierSidebar *self,
                     guint           position,
                     guint           removed,
                     guint           added)
{
  if (added > 0)
    select_current (self);
  show_no_match (self);
}

/* @articles: the library's list, which the filter entry filters */
void
dossier_sidebar_set_articles (DossierSidebar      *self,
                              DossierArticlePages *articles)
{
  g_return_if_fail (DOSSIER_IS_SIDEBAR (self));
  g_return_if_fail (DOSSIER_IS_ARTICLE_PAGES (articles));

  g_set_object (&self->articles, articles);
  g_clear_object (&self->article_selection);
  self->article_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (articles)));
  gtk_single_selection_set_autoselect (self->article_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->article_selection, TRUE);
  gtk_single_selection_set_selected (self->article_selection, GTK_INVALID_LIST_POSITION);
  gtk_grid_view_set_model (self->article_list, GTK_SELECTION_MODEL (self->article_selection));
  g_signal_connect_swapped (self->article_selection, "notify::selected",
                            G_CALLBACK (on_article_selected), self);
  g_signal_connect_swapped (self->article_selection, "items-changed",
                            G_CALLBACK (on_articles_changed), self);
  dossier_article_pages_set_filter (articles,
                                    gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
}

/* The articles as the filter shows them. */
GListModel *
dossier_sidebar_get_shown_articles (DossierSidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_SIDEBAR (self), NULL);

  return self->article_selection ? G_LIST_MODEL (self->article_selection) : NULL;
}

/* @entities: (element-type DossierEntity) (transfer none) */
void
dossier_sidebar_set_entities (DossierSidebar *self,
                              GPtrArray      *entities)
{
  g_return_if_fail (DOSSIER_IS_SIDEBAR (self));

  g_clear_pointer (&self->entities, g_ptr_array_unref);
  self->entities = g_ptr_array_ref (entities);
  refill_entities (self);
}

GListModel *
dossier_sidebar_get_shown_entities (DossierSidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->shown_entities);
}

/* Shows @id as the current article without opening it again. */
void
dossier_sidebar_select_article (DossierSidebar *self,
                                const char     *id)
{
  g_return_if_fail (DOSSIER_IS_SIDEBAR (self));

  g_free (self->current);
  self->current = g_strdup (id);
  if (self->article_selection != NULL)
    select_current (self);
}

/**
 * dossier_sidebar_set_chosen_entity:
 * @entity: (nullable): the chosen entity
 * @article_mentions: (nullable): article id → how often each article mentions it
 *
 * Marks the chosen entity in its list and the articles that mention it in the library.
 */
void
dossier_sidebar_set_chosen_entity (DossierSidebar *self,
                                   DossierEntity  *entity,
                                   GHashTable     *article_mentions)
{
  GHashTableIter iter;
  gpointer row, item;

  g_return_if_fail (DOSSIER_IS_SIDEBAR (self));

  g_free (self->chosen);
  self->chosen = entity ? g_strdup (dossier_entity_get_name (entity)) : NULL;
  g_clear_pointer (&self->article_mentions, g_hash_table_unref);
  if (article_mentions != NULL)
    self->article_mentions = g_hash_table_ref (article_mentions);

  g_hash_table_iter_init (&iter, self->article_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      DossierArticle *article = dossier_article_row_get_article (row);
      gpointer n = article && article_mentions && dossier_article_get_id (article)
                   ? g_hash_table_lookup (article_mentions, dossier_article_get_id (article)) : NULL;

      dossier_article_row_set_mentions (row, GPOINTER_TO_UINT (n));
    }

  g_hash_table_iter_init (&iter, self->entity_rows);
  while (g_hash_table_iter_next (&iter, &row, &item))
    mark_chosen (self, item);
}

const char *
dossier_sidebar_get_view (DossierSidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_SIDEBAR (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* "articles" or "entities" */
void
dossier_sidebar_set_view (DossierSidebar *self,
                          const char     *view)
{
  g_return_if_fail (DOSSIER_IS_SIDEBAR (self));

  if (gtk_stack_get_child_by_name (self->stack, view) != NULL)
    gtk_stack_set_visible_child_name (self->stack, view);
}

void
dossier_sidebar_focus_filter (DossierSidebar *self)
{
  g_return_if_fail (DOSSIER_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

/* Into the list shown, at the row it was last on (F6 from another region of the window);
 * the filter when the list has nothing to focus. */
void
dossier_sidebar_focus_list (DossierSidebar *self)
{
  GtkWidget *page;

  g_return_if_fail (DOSSIER_IS_SIDEBAR (self));

  page = gtk_stack_get_visible_child (self->stack);
  if (page == NULL || !gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

DossierSearchPane *
dossier_sidebar_get_search_pane (DossierSidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_SIDEBAR (self), NULL);

  return self->search_pane;
}

DossierNotesView *
dossier_sidebar_get_notes_view (DossierSidebar *self)
{
  g_return_val_if_fail (DOSSIER_IS_SIDEBAR (self), NULL);

  return self->notes_view;
}

/* article id → number of annotations, shown on each library row; NULL hides them. */
void
dossier_sidebar_set_note_counts (DossierSidebar *self,
                                 GHashTable     *counts)
{
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (DOSSIER_IS_SIDEBAR (self));

  g_clear_pointer (&self->note_counts, g_hash_table_unref);
  if (counts != NULL)
    self->note_counts = g_hash_table_ref (counts);

  g_hash_table_iter_init (&iter, self->article_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    show_note_count (self, row);
}
