/* dossier-notes-view.c: every annotation of the dossier, grouped by article, filtered
 *
 * The session's lists follow every change made through it, filtered in SQL; this view
 * holds one such list for the current filter and turns it into a flat list of article
 * headings and notes, with the lost passages in a "Needs attention" group at the end.
 * Activating a note goes through the window's win.open-passage action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-notes-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-list-header.h"
#include "dossier-note-row.h"
#include "dossier-notes-view.h"
#include "dossier-template.h"

struct _DossierNotesView
{
  GtkWidget                parent_instance;

  /* template widgets */
  GtkToggleButton         *blue_button;
  GtkWidget               *filter_bar;
  GtkToggleButton         *green_button;
  GtkListView             *list_view;
  GtkToggleButton         *pink_button;
  GtkToggleButton         *purple_button;
  GtkStack                *stack;
  GtkDropDown             *tag_dropdown;
  GtkToggleButton         *yellow_button;

  /* owned */
  DossierAnnotations      *annotations;
  GListModel              *live;              /* DossierAnnotation, the current filter's */
  GListStore              *items;             /* DossierListHeader and DossierAnnotation */
  GHashTable              *titles;            /* article id → title */
  DossierListHeader       *attention_header;
  GtkStringList           *tags;              /* "All tags", then the tags */
  DossierAnnotationFilter  filter;            /* tag and text owned */

  /* borrowed */
  GtkToggleButton         *color_buttons[DOSSIER_N_HIGHLIGHT_COLORS];

  guint                    n_shown;
  gboolean                 syncing;           /* controls set by code, not by the user */
};

G_DEFINE_FINAL_TYPE (DossierNotesView, dossier_notes_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Titles are read one article at a time, as notes need them: a large library's whole
 * list would hold back the window's first frame. An article not found is asked again
 * next time: an import may bring it. */
static const char *
lookup_title (DossierNotesView *self,
              const char       *article_id)
{
  g_autoptr(GError) error = NULL;
  char *title;

  if ((title = g_hash_table_lookup (self->titles, article_id)) != NULL)
    return title;
  if (self->annotations == NULL)
    return NULL;

  title = dossier_library_dup_article_title (dossier_annotations_get_library (self->annotations),
                                             article_id, &error);
  if (error != NULL)
    g_warning ("Cannot read the title of %s for the notes: %s", article_id, error->message);
  if (title != NULL)
    g_hash_table_insert (self->titles, g_strdup (article_id), title);
  return title;
}

static gboolean
is_orphan (DossierAnnotation *annotation)
{
  return dossier_annotation_get_anchor (annotation) == DOSSIER_ANCHOR_ORPHAN;
}

/* The list comes grouped by article; a heading goes before each group. */
static GPtrArray *
build_items (DossierNotesView *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) orphans = g_ptr_array_new_with_free_func (g_object_unref);
  const char *group = NULL;
  guint n = self->live != NULL ? g_list_model_get_n_items (self->live) : 0;

  for (guint i = 0; i < n; i++)
    {
      DossierAnnotation *annotation = g_list_model_get_item (self->live, i);
      const char *article_id = dossier_annotation_get_article_id (annotation);
      const char *title;

      if (is_orphan (annotation))
        {
          g_ptr_array_add (orphans, annotation);
          continue;
        }
      if (g_strcmp0 (group, article_id) != 0)
        {
          title = lookup_title (self, article_id);
          g_ptr_array_add (items, dossier_list_header_new (title ? title : _("Removed article")));
          group = article_id;
        }
      g_ptr_array_add (items, annotation);
    }

  if (orphans->len > 0)
    {
      g_ptr_array_add (items, g_object_ref (self->attention_header));
      g_ptr_array_extend_and_steal (items, g_steal_pointer (&orphans));
    }
  return items;
}

/* Notes are the session's objects, kept while unchanged; headings are new each time
 * except the one of the lost passages. */
static gboolean
same_item (DossierNotesView *self,
           GObject          *a,
           GObject          *b)
{
  if (a == b)
    return TRUE;
  if (!DOSSIER_IS_LIST_HEADER (a) || !DOSSIER_IS_LIST_HEADER (b)
      || a == G_OBJECT (self->attention_header) || b == G_OBJECT (self->attention_header))
    return FALSE;
  return g_str_equal (dossier_list_header_get_title (DOSSIER_LIST_HEADER (a)),
                      dossier_list_header_get_title (DOSSIER_LIST_HEADER (b)));
}

static gboolean
same_at (DossierNotesView *self,
         guint             position,
         GPtrArray        *items,
         guint             index)
{
  g_autoptr(GObject) old = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  return same_item (self, old, g_ptr_array_index (items, index));
}

/* Whether there is anything to filter, when the filter lets nothing through. */
static gboolean
has_any_note (DossierNotesView *self)
{
  g_autoptr(GHashTable) counts = NULL;

  if (self->annotations == NULL)
    return FALSE;
  counts = dossier_annotations_count_by_article (self->annotations, NULL);
  return counts != NULL && g_hash_table_size (counts) > 0;
}

static void
update_state (DossierNotesView *self)
{
  gboolean any = self->n_shown > 0 || has_any_note (self);

  gtk_stack_set_visible_child_name (self->stack,
                                    self->n_shown > 0 ? "list" : any ? "no-match" : "empty");
  gtk_widget_set_visible (self->filter_bar, any);
}

/* Replaces only what changed between the unchanged head and tail, so that the list
 * keeps its scroll position and focus when a note is added elsewhere. */
static void
regroup (DossierNotesView *self)
{
  g_autoptr(GPtrArray) items = build_items (self);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint head = 0, tail = 0, n_shown;

  while (head < n_old && head < items->len && same_at (self, head, items, head))
    head++;
  while (tail < n_old - head && tail < items->len - head
         && same_at (self, n_old - 1 - tail, items, items->len - 1 - tail))
    tail++;
  if (head + tail < MAX (n_old, items->len))
    g_list_store_splice (self->items, head, n_old - head - tail, items->pdata + head,
                         items->len - head - tail);

  n_shown = 0;
  for (guint i = 0; i < items->len; i++)
    n_shown += DOSSIER_IS_ANNOTATION (g_ptr_array_index (items, i));
  if (n_shown != self->n_shown)
    {
      self->n_shown = n_shown;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);
    }
  update_state (self);
}

/* A new filter is a new list from the session, which keeps it up to date from then on. */
static void
reload (DossierNotesView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (self->live, self);
  g_clear_object (&self->live);

  if (self->annotations != NULL)
    {
      self->live = dossier_annotations_list (self->annotations, &self->filter, &error);
      if (self->live == NULL)
        g_warning ("Cannot list the notes: %s", error->message);
      else
        g_signal_connect_swapped (self->live, "items-changed", G_CALLBACK (regroup), self);
    }
  regroup (self);
}

static const char *
selected_tag (DossierNotesView *self)
{
  guint position = gtk_drop_down_get_selected (self->tag_dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->tags, position);
}

static gboolean
same_tags (GtkStringList      *list,
           const char * const *tags)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (n != g_strv_length ((char **) tags) + 1)
    return FALSE;
  for (guint i = 1; i < n; i++)
    if (!g_str_equal (gtk_string_list_get_string (list, i), tags[i - 1]))
      return FALSE;
  return TRUE;
}

/* The tags in use change with the notes; a chosen tag that nobody uses any more goes
 * back to "All tags". */
static void
refresh_tags (DossierNotesView *self)
{
  g_auto(GStrv) tags = NULL;
  guint n, chosen = 0;

  if (self->annotations != NULL)
    tags = dossier_annotations_list_tags (self->annotations, NULL);
  if (tags == NULL)
    tags = g_new0 (char *, 1);
  if (same_tags (self->tags, (const char * const *) tags))
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tags));
  self->syncing = TRUE;
  gtk_string_list_splice (self->tags, 1, n - 1, (const char * const *) tags);
  for (guint i = 0; self->filter.tag != NULL && tags[i] != NULL; i++)
    if (g_str_equal (tags[i], self->filter.tag))
      chosen = i + 1;
  gtk_drop_down_set_selected (self->tag_dropdown, chosen);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_dropdown), tags[0] != NULL);
  self->syncing = FALSE;

  if (chosen == 0 && self->filter.tag != NULL)
    dossier_notes_view_set_tag_filter (self, NULL);
}

static void
on_annotations_changed (DossierNotesView *self)
{
  refresh_tags (self);
  update_state (self);
}

static void
on_tag_selected (DossierNotesView *self)
{
  if (!self->syncing)
    dossier_notes_view_set_tag_filter (self, selected_tag (self));
}

static void
on_color_toggled (GtkToggleButton  *button,
                  DossierNotesView *self)
{
  if (self->syncing)
    return;

  if (gtk_toggle_button_get_active (button))
    {
      for (int i = 0; i < DOSSIER_N_HIGHLIGHT_COLORS; i++)
        if (self->color_buttons[i] == button)
          dossier_notes_view_set_color_filter (self, i);
    }
  else if (self->filter.color >= 0 && self->color_buttons[self->filter.color] == button)
    dossier_notes_view_set_color_filter (self, -1);
}

/* The drop-down's label ("Tag") names the toggle inside it too, the part that takes the
 * focus: GTK follows one labelled-by relation, to the drop-down's own label. */
static void
name_tag_button (DossierNotesView *self)
{
  GtkWidget *button = _dossier_accessible_inner_button (GTK_WIDGET (self->tag_dropdown));

  if (button != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    self->tag_dropdown, NULL, -1);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           DossierNotesView         *self)
{
  gtk_list_item_set_child (item, dossier_note_row_new ());
}

/* Only notes whose passage is still there can be opened. */
static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          DossierNotesView         *self)
{
  GObject *object = gtk_list_item_get_item (item);
  DossierNoteRow *row = DOSSIER_NOTE_ROW (gtk_list_item_get_child (item));
  gboolean opens = DOSSIER_IS_ANNOTATION (object) && !is_orphan (DOSSIER_ANNOTATION (object));
  const char *title;

  if (DOSSIER_IS_ANNOTATION (object))
    {
      title = lookup_title (self, dossier_annotation_get_article_id (DOSSIER_ANNOTATION (object)));
      dossier_note_row_show_annotation (row, DOSSIER_ANNOTATION (object), title);
    }
  else
    {
      title = dossier_list_header_get_title (DOSSIER_LIST_HEADER (object));
      dossier_note_row_show_heading (row, title, object == G_OBJECT (self->attention_header));
    }
  gtk_list_item_set_activatable (item, opens);
  gtk_list_item_set_selectable (item, opens);
  _dossier_accessible_name_cell (item);
}

static void
on_activate (GtkListView      *list,
             guint             position,
             DossierNotesView *self)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  DossierAnnotation *annotation;

  if (!DOSSIER_IS_ANNOTATION (item) || is_orphan (DOSSIER_ANNOTATION (item)))
    return;

  annotation = DOSSIER_ANNOTATION (item);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-passage", "(suu)",
                              dossier_annotation_get_article_id (annotation),
                              dossier_annotation_get_start (annotation),
                              dossier_annotation_get_end (annotation));
}

static void
dossier_notes_view_dispose (GObject *object)
{
  DossierNotesView *self = (DossierNotesView *) object;
  _dossier_template_dispose (GTK_WIDGET (self), DOSSIER_TYPE_NOTES_VIEW);
  if (self->live != NULL)
    g_signal_handlers_disconnect_by_data (self->live, self);
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_clear_object (&self->live);
  g_clear_object (&self->annotations);
  g_clear_object (&self->items);
  g_clear_object (&self->tags);
  g_clear_object (&self->attention_header);
  g_clear_pointer (&self->titles, g_hash_table_unref);

  G_OBJECT_CLASS (dossier_notes_view_parent_class)->dispose (object);
}

static void
dossier_notes_view_finalize (GObject *object)
{
  DossierNotesView *self = (DossierNotesView *) object;

  g_free ((char *) self->filter.tag);
  g_free ((char *) self->filter.text);

  G_OBJECT_CLASS (dossier_notes_view_parent_class)->finalize (object);
}

static void
dossier_notes_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierNotesView *self = DOSSIER_NOTES_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_SHOWN:
      g_value_set_uint (value, self->n_shown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_notes_view_class_init (DossierNotesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_notes_view_dispose;
  object_class->finalize = dossier_notes_view_finalize;
  object_class->get_property = dossier_notes_view_get_property;

  /* How many notes the filter lets through: "Export the notes shown" needs some. */
  properties[PROP_N_SHOWN] =
    g_param_spec_uint ("n-shown", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-notes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, blue_button);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, green_button);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, pink_button);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, purple_button);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierNotesView, yellow_button);
  gtk_widget_class_set_css_name (widget_class, "notesview");
}

static void
init_color_buttons (DossierNotesView *self)
{
  self->color_buttons[DOSSIER_HIGHLIGHT_YELLOW] = self->yellow_button;
  self->color_buttons[DOSSIER_HIGHLIGHT_GREEN] = self->green_button;
  self->color_buttons[DOSSIER_HIGHLIGHT_BLUE] = self->blue_button;
  self->color_buttons[DOSSIER_HIGHLIGHT_PINK] = self->pink_button;
  self->color_buttons[DOSSIER_HIGHLIGHT_PURPLE] = self->purple_button;
  for (int i = 0; i < DOSSIER_N_HIGHLIGHT_COLORS; i++)
    g_signal_connect (self->color_buttons[i], "toggled", G_CALLBACK (on_color_toggled), self);
}

static void
init_list (DossierNotesView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  self->items = g_list_store_new (G_TYPE_OBJECT);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);
}

static void
dossier_notes_view_init (DossierNotesView *self)
{
  const char *all_tags[] = { _("All tags"), NULL };

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = (DossierAnnotationFilter) DOSSIER_ANNOTATION_FILTER_INIT;
  self->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->attention_header = dossier_list_header_new (_("Needs attention"));
  self->tags = gtk_string_list_new (all_tags);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (self->tags));
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_dropdown), FALSE);
  name_tag_button (self);
  g_signal_connect_swapped (self->tag_dropdown, "notify::selected",
                            G_CALLBACK (on_tag_selected), self);
  init_color_buttons (self);
  init_list (self);
  update_state (self);
}

GtkWidget *
dossier_notes_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_NOTES_VIEW, NULL);
}

DossierAnnotations *
dossier_notes_view_get_annotations (DossierNotesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_VIEW (self), NULL);

  return self->annotations;
}

void
dossier_notes_view_set_annotations (DossierNotesView   *self,
                                    DossierAnnotations *annotations)
{
  g_return_if_fail (DOSSIER_IS_NOTES_VIEW (self));
  g_return_if_fail (annotations == NULL || DOSSIER_IS_ANNOTATIONS (annotations));

  if (self->annotations == annotations)
    return;

  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_set_object (&self->annotations, annotations);
  g_hash_table_remove_all (self->titles);
  if (annotations != NULL)
    {
      g_signal_connect_swapped (annotations, "changed", G_CALLBACK (on_annotations_changed), self);
    }
  refresh_tags (self);
  reload (self);
}

/* What the sidebar's filter entry holds: matched in the quote and the note. */
void
dossier_notes_view_set_text_filter (DossierNotesView *self,
                                    const char       *text)
{
  g_return_if_fail (DOSSIER_IS_NOTES_VIEW (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (text, self->filter.text) == 0)
    return;

  g_free ((char *) self->filter.text);
  self->filter.text = g_strdup (text);
  reload (self);
}

/* @color: a #DossierHighlightColor, or -1 for all; the buttons follow. */
void
dossier_notes_view_set_color_filter (DossierNotesView *self,
                                     int               color)
{
  g_return_if_fail (DOSSIER_IS_NOTES_VIEW (self));
  g_return_if_fail (color >= -1 && color < DOSSIER_N_HIGHLIGHT_COLORS);

  if (color == self->filter.color)
    return;

  self->filter.color = color;
  self->syncing = TRUE;
  for (int i = 0; i < DOSSIER_N_HIGHLIGHT_COLORS; i++)
    gtk_toggle_button_set_active (self->color_buttons[i], i == color);
  self->syncing = FALSE;
  reload (self);
}

/* @tag: (nullable): only the notes with this tag; the drop-down follows. */
void
dossier_notes_view_set_tag_filter (DossierNotesView *self,
                                   const char       *tag)
{
  guint position = 0;

  g_return_if_fail (DOSSIER_IS_NOTES_VIEW (self));

  if (g_strcmp0 (tag, self->filter.tag) == 0)
    return;

  g_free ((char *) self->filter.tag);
  self->filter.tag = g_strdup (tag);
  for (guint i = 1; tag != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->tags)); i++)
    if (g_str_equal (gtk_string_list_get_string (self->tags, i), tag))
      position = i;
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->tag_dropdown, position);
  self->syncing = FALSE;
  reload (self);
}

/**
 * dossier_notes_view_get_filter:
 *
 * Returns: (transfer none): what the view shows, for "export the notes shown"; valid
 *   until the filter changes
 */
const DossierAnnotationFilter *
dossier_notes_view_get_filter (DossierNotesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_VIEW (self), NULL);

  return &self->filter;
}

/**
 * dossier_notes_view_get_items:
 *
 * Returns: (transfer none): the rows: a #DossierListHeader per article (and one for
 *   the notes that need attention) followed by its #DossierAnnotation items
 */
GListModel *
dossier_notes_view_get_items (DossierNotesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_VIEW (self), NULL);

  return G_LIST_MODEL (self->items);
}

/* How many notes are shown, headings not counted. */
guint
dossier_notes_view_get_n_shown (DossierNotesView *self)
{
  g_return_val_if_fail (DOSSIER_IS_NOTES_VIEW (self), 0);

  return self->n_shown;
}
