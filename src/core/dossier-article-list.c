/* dossier-article-list.c: a list model of articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-article-list"

#include "dossier-article-list.h"

struct _DossierArticleList
{
  GObject    parent_instance;

  GPtrArray *articles;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierArticleList, dossier_article_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return DOSSIER_TYPE_ARTICLE;
}

static guint
get_n_items (GListModel *model)
{
  return DOSSIER_ARTICLE_LIST (model)->articles->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  DossierArticleList *self = DOSSIER_ARTICLE_LIST (model);

  if (position >= self->articles->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->articles, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
dossier_article_list_finalize (GObject *object)
{
  DossierArticleList *self = (DossierArticleList *) object;

  g_clear_pointer (&self->articles, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_article_list_parent_class)->finalize (object);
}

static void
dossier_article_list_class_init (DossierArticleListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_article_list_finalize;
}

static void
dossier_article_list_init (DossierArticleList *self)
{
  self->articles = g_ptr_array_new_with_free_func (g_object_unref);
}

/* @articles: (element-type DossierArticle) (transfer none) */
DossierArticleList *
dossier_article_list_new (GPtrArray *articles)
{
  DossierArticleList *self = g_object_new (DOSSIER_TYPE_ARTICLE_LIST, NULL);

  if (articles != NULL)
    dossier_article_list_replace (self, articles);

  return self;
}

void
dossier_article_list_replace (DossierArticleList *self,
                              GPtrArray          *articles)
{
  guint removed;

  g_return_if_fail (DOSSIER_IS_ARTICLE_LIST (self));
  g_return_if_fail (articles != NULL);

  removed = self->articles->len;
  g_ptr_array_set_size (self->articles, 0);
  for (guint i = 0; i < articles->len; i++)
    g_ptr_array_add (self->articles, g_object_ref (g_ptr_array_index (articles, i)));

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->articles->len);
}

/* The article with @id, and where it is; NULL when the list has none. */
DossierArticle *
dossier_article_list_find (DossierArticleList *self,
                           const char         *id,
                           guint              *position)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_LIST (self), NULL);

  for (guint i = 0; i < self->articles->len; i++)
    {
      DossierArticle *article = g_ptr_array_index (self->articles, i);

      if (g_strcmp0 (dossier_article_get_id (article), id) == 0)
        {
          if (position != NULL)
            *position = i;
          return article;
        }
    }

  return NULL;
}
