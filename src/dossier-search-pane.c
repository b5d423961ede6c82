/* dossier-search-pane.c: search the whole dossier, results as you type
 *
 * Each change of the entry (GtkSearchEntry waits for a pause in typing) cancels the
 * search under way and starts another in a worker thread, on a connection of the
 * worker's (one is kept from search to search), so the window never waits for the index.
 * Results list the entities the words name first ("choose this entity"), then the
 * articles, best first, with their matches in bold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-search-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-annotations.h"
#include "dossier-entity.h"
#include "dossier-search-pane.h"
#include "dossier-search-query.h"
#include "dossier-search-result.h"
#include "dossier-search-store.h"
#include "dossier-template.h"

/* One page; the count line says when there are more. */
#define PAGE_SIZE 50
#define MAX_ENTITIES 5

struct _DossierSearchPane
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkSearchEntry *entry;
  GtkLabel       *help_label;
  GtkListView    *list_view;
  GtkLabel       *status_label;
  GtkStack       *results_stack;  /* a word of welcome until something is typed */

  /* owned */
  DossierLibrary *library;
  DossierAnnotations *annotations;
  GListStore     *results;   /* DossierEntity, DossierAnnotation, then DossierSearchResult */
  GCancellable   *cancellable;
  gboolean        busy;
};

G_DEFINE_FINAL_TYPE (DossierSearchPane, dossier_search_pane, GTK_TYPE_WIDGET)

typedef struct
{
  DossierDatabasePool *pool;
  char      *text;
  GPtrArray *articles;
  GPtrArray *entities;
  gboolean   has_more;
  gboolean   has_words;   /* the query holds something to look for, not only * - " */
} Search;

static void
search_free (Search *search)
{
  g_clear_object (&search->pool);
  g_free (search->text);
  g_clear_pointer (&search->articles, g_ptr_array_unref);
  g_clear_pointer (&search->entities, g_ptr_array_unref);
  g_free (search);
}

/* In the worker thread: a connection of its own, never the window's, kept for the next
 * search (dossier-database-pool.c). */
static void
search_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Search *search = task_data;
  g_autoptr(DossierDatabase) db = NULL;
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new (search->text);
  g_autoptr(GError) error = NULL;

  search->has_words = !dossier_search_query_is_empty (query);
  db = dossier_database_pool_take (search->pool, &error);
  if (db != NULL)
    search->articles = dossier_search_store_find (db, query, 0, PAGE_SIZE, &search->has_more,
                                                  cancellable, &error);
  if (search->articles != NULL)
    search->entities = dossier_search_store_find_entities (db, query, MAX_ENTITIES, NULL);
  if (db != NULL)
    dossier_database_pool_give_back (search->pool, g_steal_pointer (&db));

  if (search->articles == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_status (DossierSearchPane *self,
             Search            *search)
{
  g_autofree char *status = NULL;
  guint n = search->articles->len;

  /* "*", "-" or a lone quote: advice to use fewer words would not fit (QA review). */
  if (n == 0 && !search->has_words)
    status = g_strdup (_("Nothing to search for: type a word, or the start of one followed "
                         "by *."));
  else if (n == 0)
    status = g_strdup (_("No articles match. Fewer words, or a word’s start followed by *, "
                         "may find more."));
  else if (search->has_more)
    status = g_strdup_printf (_("The %u best matching articles"), n);
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);

  gtk_label_set_label (self->status_label, status);
}

/* The user's own notes and tags match too: the note or quote holding the words as typed,
 * or a tag equal to them. The session's lists are small and in memory. */
static void
append_notes (DossierSearchPane *self,
              const char        *text)
{
  DossierAnnotationFilter by_text = DOSSIER_ANNOTATION_FILTER_INIT;
  DossierAnnotationFilter by_tag = DOSSIER_ANNOTATION_FILTER_INIT;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *lists[2] = { NULL, NULL };

  if (self->annotations == NULL)
    return;

  by_text.text = text;
  by_tag.tag = text;
  lists[0] = dossier_annotations_list (self->annotations, &by_tag, NULL);
  lists[1] = dossier_annotations_list (self->annotations, &by_text, NULL);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      for (guint i = 0; lists[l] && i < g_list_model_get_n_items (lists[l]); i++)
        {
          g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (lists[l], i);

          if (g_hash_table_add (seen, (gpointer) dossier_annotation_get_id (annotation)))
            g_list_store_append (self->results, annotation);
        }
    }

  g_clear_object (&lists[0]);
  g_clear_object (&lists[1]);
}

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DossierSearchPane) self = user_data;
  Search *search = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* A search replaced by a newer one: its results are stale, whatever came of it. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  self->busy = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      gtk_label_set_label (self->status_label, error->message);
      return;
    }

  g_list_store_remove_all (self->results);
  if (search->entities != NULL)
    g_list_store_splice (self->results, 0, 0, search->entities->pdata, search->entities->len);
  append_notes (self, search->text);
  g_list_store_splice (self->results, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       0, search->articles->pdata, search->articles->len);
  show_status (self, search);
}

static void
on_search_changed (DossierSearchPane *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GTask) task = NULL;
  Search *search;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  self->busy = FALSE;
  gtk_stack_set_visible_child_name (self->results_stack, *stripped == '\0' ? "start" : "results");
  if (self->library == NULL || *stripped == '\0')
    {
      g_list_store_remove_all (self->results);
      gtk_label_set_label (self->status_label, "");
      return;
    }

  search = g_new0 (Search, 1);
  search->pool = g_object_ref (dossier_library_get_search_pool (self->library));
  search->text = g_strdup (text);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, on_search_done, g_object_ref (self));
  g_task_set_task_data (task, search, (GDestroyNotify) search_free);
  self->busy = TRUE;
  g_task_run_in_thread (task, search_thread);
}

/* Article text with the store's match markers, as markup with the matches in bold. */
static char *
marked_to_markup (const char *marked)
{
  g_autofree char *escaped = g_markup_escape_text (marked ? marked : "", -1);
  g_autoptr(GString) markup = g_string_new (escaped);

  /* A snippet may run across blocks; in a row it reads as one line. */
  g_string_replace (markup, "\n\n", " ", 0);
  g_string_replace (markup, DOSSIER_SEARCH_MARK_OPEN, "<b>", 0);
  g_string_replace (markup, DOSSIER_SEARCH_MARK_CLOSE, "</b>", 0);
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* The words a result matched, as the store marked them: what to find in the article. */
static void
collect_marked (GString    *words,
                const char *marked)
{
  const char *p = marked;

  while (p != NULL && (p = strstr (p, DOSSIER_SEARCH_MARK_OPEN)) != NULL)
    {
      const char *start = p + strlen (DOSSIER_SEARCH_MARK_OPEN);
      const char *end = strstr (start, DOSSIER_SEARCH_MARK_CLOSE);
      g_autofree char *word = NULL;

      if (end == NULL)
        break;
      word = g_strndup (start, end - start);
      if (!strstr (words->str, word))
        g_string_append_printf (words, "%s%s", words->len ? " " : "", word);
      p = end;
    }
}

static GtkWidget *
make_label (const char *css_class,
            gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Wrap to the sidebar's width rather than widen the sidebar to the text. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  if (wrap)
    gtk_label_set_lines (GTK_LABEL (label), 4);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *byline = make_label ("caption", FALSE);

  gtk_widget_add_css_class (byline, "dim-label");
  /* Not "heading": in a bold title the bold matches would not show, as they do in the
   * snippet (QA review). */
  gtk_box_append (GTK_BOX (box), make_label ("search-title", TRUE));
  gtk_box_append (GTK_BOX (box), byline);
  gtk_box_append (GTK_BOX (box), make_label ("search-snippet", TRUE));
  gtk_widget_add_css_class (box, "search-row");
  gtk_list_item_set_child (item, box);
}

static void
bind_entity (GtkWidget     *box,
             DossierEntity *entity)
{
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *byline = gtk_widget_get_next_sibling (title);
  GtkWidget *snippet = gtk_widget_get_next_sibling (byline);
  g_autofree char *label = g_strdup_printf (_("Choose “%s”"), dossier_entity_get_name (entity));

  gtk_label_set_text (GTK_LABEL (title), label);
  gtk_label_set_text (GTK_LABEL (byline),
                      dossier_entity_kind_get_label (dossier_entity_get_kind (entity)));
  gtk_widget_set_visible (snippet, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
bind_note (GtkWidget         *box,
           DossierAnnotation *annotation)
{
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *byline = gtk_widget_get_next_sibling (title);
  GtkWidget *snippet = gtk_widget_get_next_sibling (byline);
  g_autofree char *note = dossier_annotation_shorten_text (dossier_annotation_get_note (annotation));
  g_autofree char *short_quote = dossier_annotation_shorten_text (dossier_annotation_get_quote (annotation));
  g_autofree char *quote = g_strdup_printf ("“%s”", short_quote);
  g_autofree char *tags = g_strjoinv (", ", (char **) dossier_annotation_get_tags (annotation));
  g_autofree char *label = g_strdup_printf (_("Your note: %s"), *note ? note : quote);

  gtk_label_set_text (GTK_LABEL (title), *note ? note : _("Highlight"));
  gtk_label_set_text (GTK_LABEL (byline), *tags ? tags : _("Your note"));
  gtk_label_set_text (GTK_LABEL (snippet), quote);
  gtk_widget_set_visible (snippet, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
bind_result (GtkWidget           *box,
             DossierSearchResult *result)
{
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *byline = gtk_widget_get_next_sibling (title);
  GtkWidget *snippet = gtk_widget_get_next_sibling (byline);
  g_autofree char *title_markup = marked_to_markup (dossier_search_result_get_marked_title (result));
  g_autofree char *snippet_markup = marked_to_markup (dossier_search_result_get_snippet (result));
  g_autofree char *date = dossier_date_format (dossier_search_result_get_published (result));
  g_autofree char *line = g_strdup_printf ("%s · %s", dossier_search_result_get_outlet (result)
                                                      ? dossier_search_result_get_outlet (result) : "",
                                           date);

  gtk_label_set_markup (GTK_LABEL (title), title_markup);
  gtk_label_set_text (GTK_LABEL (byline), line);
  gtk_label_set_markup (GTK_LABEL (snippet), snippet_markup);
  gtk_widget_set_visible (snippet, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  dossier_search_result_get_title (result), -1);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GObject *object = gtk_list_item_get_item (item);

  if (DOSSIER_IS_ENTITY (object))
    bind_entity (gtk_list_item_get_child (item), DOSSIER_ENTITY (object));
  else if (DOSSIER_IS_ANNOTATION (object))
    bind_note (gtk_list_item_get_child (item), DOSSIER_ANNOTATION (object));
  else
    bind_result (gtk_list_item_get_child (item), DOSSIER_SEARCH_RESULT (object));
  _dossier_accessible_name_cell (item);
}

/* An entity is chosen; an article opens with its matches marked, at the first. */
void
dossier_search_pane_activate (DossierSearchPane *self,
                              guint              position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->results), position);
  g_autoptr(GString) words = g_string_new (NULL);
  DossierSearchResult *result;

  g_return_if_fail (DOSSIER_IS_SEARCH_PANE (self));

  if (DOSSIER_IS_ENTITY (item))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.choose-entity", "s",
                                  dossier_entity_get_name (DOSSIER_ENTITY (item)));
      return;
    }
  if (DOSSIER_IS_ANNOTATION (item))
    {
      DossierAnnotation *annotation = DOSSIER_ANNOTATION (item);

      gtk_widget_activate_action (GTK_WIDGET (self), "win.open-passage", "(suu)",
                                  dossier_annotation_get_article_id (annotation),
                                  dossier_annotation_get_start (annotation),
                                  dossier_annotation_get_end (annotation));
      return;
    }
  if (!DOSSIER_IS_SEARCH_RESULT (item))
    return;

  result = DOSSIER_SEARCH_RESULT (item);
  collect_marked (words, dossier_search_result_get_snippet (result));
  collect_marked (words, dossier_search_result_get_marked_title (result));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-found", "(ss)",
                              dossier_search_result_get_article_id (result), words->str);
}

static void
on_activate (GtkListView       *list_view,
             guint              position,
             DossierSearchPane *self)
{
  dossier_search_pane_activate (self, position);
}

static void
dossier_search_pane_dispose (GObject *object)
{
  DossierSearchPane *self = (DossierSearchPane *) object;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _dossier_template_dispose (GTK_WIDGET (self), DOSSIER_TYPE_SEARCH_PANE);
  g_clear_object (&self->results);
  g_clear_object (&self->annotations);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (dossier_search_pane_parent_class)->dispose (object);
}

static void
dossier_search_pane_class_init (DossierSearchPaneClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dossier_search_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-search-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPane, entry);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPane, help_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPane, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPane, status_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSearchPane, results_stack);
  gtk_widget_class_set_css_name (widget_class, "searchpane");
}

static const char *
help_markup (void)
{
  return _("<b>How to search</b>\n"
           "<tt>junta arms</tt>  both words\n"
           "<tt>\"arms deliveries\"</tt>  the exact phrase\n"
           "<tt>deliver*</tt>  words that start so\n"
           "<tt>Shoigu OR Shoygu</tt>  either word\n"
           "<tt>junta -Russia</tt>  without a word\n"
           "<tt>Putin NEAR/5 Hlaing</tt>  words close together\n"
           "<tt>entity:Shoygu</tt>  mentions an entity, by any of its names\n"
           "<tt>outlet:Reuters</tt>  from an outlet\n"
           "<tt>after:2022 before:2022-08</tt>  published between dates\n\n"
           "Case and accents do not matter. Titles count more than text. A name finds "
           "its other spellings: Shoygu finds Shoigu too.");
}

static void
dossier_search_pane_init (DossierSearchPane *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_list_store_new (G_TYPE_OBJECT);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (on_search_changed), self);
  gtk_label_set_markup (self->help_label, help_markup ());
}

GtkWidget *
dossier_search_pane_new (void)
{
  return g_object_new (DOSSIER_TYPE_SEARCH_PANE, NULL);
}

void
dossier_search_pane_set_library (DossierSearchPane *self,
                                 DossierLibrary    *library)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_PANE (self));

  g_set_object (&self->library, library);
}

/* Searches for @text at once, as if typed. */
void
dossier_search_pane_set_text (DossierSearchPane *self,
                              const char        *text)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_PANE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  on_search_changed (self);
}

void
dossier_search_pane_focus (DossierSearchPane *self)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

GListModel *
dossier_search_pane_get_results (DossierSearchPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANE (self), NULL);

  return G_LIST_MODEL (self->results);
}

/* Whether a search is under way, for tests waiting on it. */
gboolean
dossier_search_pane_is_busy (DossierSearchPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PANE (self), FALSE);

  return self->busy;
}

/* The session whose notes and tags searches also look through. */
void
dossier_search_pane_set_annotations (DossierSearchPane  *self,
                                     DossierAnnotations *annotations)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_PANE (self));

  g_set_object (&self->annotations, annotations);
}
