/* dossier-article-pages.c: the library's articles as a list, read a page at a time
 *
 * The visible articles (or those the filter lets through) in the library's order, for a
 * library of any size. Only their rows are held, 8 bytes an article, read in a worker
 * thread; an article is made when the list asks for it, with the others of its page, and
 * the last pages asked for are kept. 100,000 articles held as objects took 25 MB; the
 * list shows thirty at a time.
 *
 * An article someone still holds (a row of the list view, the selection) is handed out
 * again for its row, so the same row gives the same object while it lives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-article-pages"

#include "dossier-article-pages.h"

/* A few screens of the list: scrolling back and forth reads nothing again. */
#define N_PAGES 8

typedef struct
{
  guint      index;      /* position / DOSSIER_ARTICLE_PAGE_SIZE */
  GPtrArray *articles;   /* DossierArticle, owned */
} Page;

/* An article handed out, known by its row until it is finalized. The row comes first:
 * it is the key of the live table, and freeing the key frees the whole. */
typedef struct
{
  gint64               row;
  DossierArticlePages *pages;
} Live;

struct _DossierArticlePages
{
  GObject         parent_instance;

  DossierLibrary *library;
  GArray         *rows;      /* gint64, in list order */
  GQueue          cached;    /* Page, the most recently used first */
  GHashTable     *live;      /* Live (its row) → DossierArticle, not owned */
  char           *filter;
  GCancellable   *reading;   /* the rows being read, or NULL */
  GPtrArray      *waiting;   /* GTask of reload_async(), done when the rows are in */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierArticlePages, dossier_article_pages, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->articles);
  g_free (page);
}

static void
drop_pages (DossierArticlePages *self)
{
  g_queue_clear_full (&self->cached, (GDestroyNotify) page_free);
}

static void
on_article_finalized (gpointer  data,
                      GObject  *where_the_article_was)
{
  Live *live = data;

  g_hash_table_remove (live->pages->live, live);
}

/* The articles handed out so far are not handed out again: after a reload their rows may
 * hold something else. */
static void
forget_live (DossierArticlePages *self)
{
  GHashTableIter iter;
  gpointer live, article;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &live, &article))
    {
      g_object_weak_unref (article, on_article_finalized, live);
      g_hash_table_iter_remove (&iter);
    }
}

static void
track (DossierArticlePages *self,
       gint64               row,
       DossierArticle      *article)
{
  Live *live = g_new (Live, 1);

  live->row = row;
  live->pages = self;
  g_object_weak_ref (G_OBJECT (article), on_article_finalized, live);
  g_hash_table_insert (self->live, live, article);
}

/* A row gone since the rows were read (removed, hidden) shows as an empty article, without
 * even an id, until the list is read again: a list model never hands out NULL inside its
 * length. */
static DossierArticle *
make_article (DossierArticlePages *self,
              gint64               row,
              DossierArticle      *found)
{
  if (found == NULL)
    return dossier_article_new ();

  track (self, row, found);
  return found;
}

static Page *
read_page (DossierArticlePages *self,
           guint                index)
{
  guint first = index * DOSSIER_ARTICLE_PAGE_SIZE;
  guint n = MIN (DOSSIER_ARTICLE_PAGE_SIZE, self->rows->len - first);
  const gint64 *rows = &g_array_index (self->rows, gint64, first);
  DossierArticle *found[DOSSIER_ARTICLE_PAGE_SIZE] = { NULL };
  g_autoptr(GError) error = NULL;
  Page *page = g_new (Page, 1);

  if (!dossier_library_load_article_rows (self->library, rows, n, found, &error))
    g_warning ("The library's list could not be read: %s", error->message);

  page->index = index;
  page->articles = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      DossierArticle *held = g_hash_table_lookup (self->live, &rows[i]);

      if (held != NULL)
        {
          g_clear_object (&found[i]);
          g_ptr_array_add (page->articles, g_object_ref (held));
        }
      else
        g_ptr_array_add (page->articles, make_article (self, rows[i], found[i]));
    }

  return page;
}

static Page *
get_page (DossierArticlePages *self,
          guint                index)
{
  Page *page;

  for (GList *link = self->cached.head; link != NULL; link = link->next)
    if (((Page *) link->data)->index == index)
      {
        g_queue_unlink (&self->cached, link);
        g_queue_push_head_link (&self->cached, link);
        return link->data;
      }

  page = read_page (self, index);
  g_queue_push_head (&self->cached, page);
  if (self->cached.length > N_PAGES)
    page_free (g_queue_pop_tail (&self->cached));
  return page;
}

static GType
get_item_type (GListModel *model)
{
  return DOSSIER_TYPE_ARTICLE;
}

static guint
get_n_items (GListModel *model)
{
  return DOSSIER_ARTICLE_PAGES (model)->rows->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  DossierArticlePages *self = DOSSIER_ARTICLE_PAGES (model);
  Page *page;

  if (position >= self->rows->len)
    return NULL;

  page = get_page (self, position / DOSSIER_ARTICLE_PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (page->articles, position % DOSSIER_ARTICLE_PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
dossier_article_pages_dispose (GObject *object)
{
  DossierArticlePages *self = (DossierArticlePages *) object;

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  drop_pages (self);
  forget_live (self);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (dossier_article_pages_parent_class)->dispose (object);
}

static void
dossier_article_pages_finalize (GObject *object)
{
  DossierArticlePages *self = (DossierArticlePages *) object;

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (dossier_article_pages_parent_class)->finalize (object);
}

static void
dossier_article_pages_class_init (DossierArticlePagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_article_pages_dispose;
  object_class->finalize = dossier_article_pages_finalize;
}

static void
dossier_article_pages_init (DossierArticlePages *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->live = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  g_queue_init (&self->cached);
}

/* The list starts empty: dossier_article_pages_reload_async() reads it. */
DossierArticlePages *
dossier_article_pages_new (DossierLibrary *library)
{
  DossierArticlePages *self;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  self = g_object_new (DOSSIER_TYPE_ARTICLE_PAGES, NULL);
  self->library = g_object_ref (library);
  return self;
}

/* In two steps: told of one change from all the old rows to all the new, a
 * GtkSingleSelection looks for its selected article among the new ones, and would read
 * them from the database one page after the other. */
static void
replace_rows (DossierArticlePages *self,
              GArray              *rows)
{
  guint removed = self->rows->len;

  drop_pages (self);
  g_array_set_size (self->rows, 0);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);

  g_array_unref (self->rows);
  self->rows = g_array_ref (rows);
  if (rows->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, rows->len);
}

static void
finish_waiting (DossierArticlePages *self,
                const GError        *error)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);

  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
on_rows_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DossierArticlePages) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = dossier_library_list_article_rows_finish (DOSSIER_LIBRARY (source),
                                                                     result, &error);

  /* A newer read took its place; that one finishes the waiting tasks. */
  if (self->reading == NULL || g_task_get_cancellable (G_TASK (result)) != self->reading)
    return;

  g_clear_object (&self->reading);
  if (rows != NULL)
    replace_rows (self, rows);
  else
    g_warning ("The library's list could not be read: %s", error->message);
  finish_waiting (self, error);
}

static void
read_rows (DossierArticlePages *self)
{
  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  self->reading = g_cancellable_new ();
  dossier_library_list_article_rows_async (self->library, self->filter, self->reading,
                                           on_rows_read, g_object_ref (self));
}

/**
 * dossier_article_pages_reload_async:
 *
 * Reads the list again, as the library is now (after an import, a removal). Articles
 * handed out before are not handed out again, since what they show may have changed.
 */
void
dossier_article_pages_reload_async (DossierArticlePages *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (DOSSIER_IS_ARTICLE_PAGES (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_article_pages_reload_async);
  g_ptr_array_add (self->waiting, task);
  forget_live (self);
  read_rows (self);
}

gboolean
dossier_article_pages_reload_finish (DossierArticlePages  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Only the articles whose title or outlet holds @filter, in any case; NULL or "" for all.
 * The list changes once they are read. */
void
dossier_article_pages_set_filter (DossierArticlePages *self,
                                  const char          *filter)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_PAGES (self));

  if (filter != NULL && *filter == '\0')
    filter = NULL;
  if (g_strcmp0 (filter, self->filter) == 0)
    return;

  g_free (self->filter);
  self->filter = g_strdup (filter);
  read_rows (self);
}

const char *
dossier_article_pages_get_filter (DossierArticlePages *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_PAGES (self), NULL);

  return self->filter;
}

/* Whether rows are being read: the list will change when they are in. */
gboolean
dossier_article_pages_is_loading (DossierArticlePages *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_PAGES (self), FALSE);

  return self->reading != NULL;
}

/* Where the article @id is in the list; FALSE when the list does not show it. */
gboolean
dossier_article_pages_find (DossierArticlePages *self,
                            const char          *id,
                            guint               *position)
{
  gint64 row;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE_PAGES (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!dossier_library_find_article_row (self->library, id, &row))
    return FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, gint64, i) == row)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }

  return FALSE;
}

/* How many articles the kept pages hold, to show that the list is not read whole. */
guint
dossier_article_pages_get_n_cached (DossierArticlePages *self)
{
  guint n = 0;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE_PAGES (self), 0);

  for (GList *link = self->cached.head; link != NULL; link = link->next)
    n += ((Page *) link->data)->articles->len;
  return n;
}
