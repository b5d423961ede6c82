/* dossier-search-result.c: one article found by a search, as a list row shows it
 *
 * Read-only properties, so a GtkListView row can bind to them with GtkExpressions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-search-result"

#include "config.h"

#include "dossier-search-result.h"

struct _DossierSearchResult
{
  GObject      parent_instance;

  char        *article_id;
  char        *title;
  char        *outlet;
  DossierDate  published;
  double       score;
  char        *marked_title;   /* the title, matches between the query's marks */
  char        *snippet;        /* a passage of the body, marked the same way */
};

G_DEFINE_FINAL_TYPE (DossierSearchResult, dossier_search_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ARTICLE_ID,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_PUBLISHED,
  PROP_SCORE,
  PROP_MARKED_TITLE,
  PROP_SNIPPET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_search_result_finalize (GObject *object)
{
  DossierSearchResult *self = (DossierSearchResult *) object;

  g_clear_pointer (&self->article_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->outlet, g_free);
  g_clear_pointer (&self->marked_title, g_free);
  g_clear_pointer (&self->snippet, g_free);

  G_OBJECT_CLASS (dossier_search_result_parent_class)->finalize (object);
}

static void
dossier_search_result_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DossierSearchResult *self = DOSSIER_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_ARTICLE_ID:
      g_value_set_string (value, self->article_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;
    case PROP_PUBLISHED:
      g_value_set_boxed (value, &self->published);
      break;
    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case PROP_MARKED_TITLE:
      g_value_set_string (value, self->marked_title);
      break;
    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
dossier_search_result_class_init (DossierSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_search_result_finalize;
  object_class->get_property = dossier_search_result_get_property;

  properties[PROP_ARTICLE_ID] = string_property ("article-id");
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_OUTLET] = string_property ("outlet");
  properties[PROP_PUBLISHED] =
    g_param_spec_boxed ("published", NULL, NULL, DOSSIER_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* Higher is better: bm25 with the title weighted five times the body. */
  properties[PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MARKED_TITLE] = string_property ("marked-title");
  properties[PROP_SNIPPET] = string_property ("snippet");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_search_result_init (DossierSearchResult *self)
{
}

DossierSearchResult *
dossier_search_result_new (const char        *article_id,
                           const char        *title,
                           const char        *outlet,
                           const DossierDate *published)
{
  DossierSearchResult *self;

  g_return_val_if_fail (article_id != NULL, NULL);
  g_return_val_if_fail (published != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_SEARCH_RESULT, NULL);
  self->article_id = g_strdup (article_id);
  self->title = g_strdup (title ? title : "");
  self->outlet = g_strdup (outlet);
  self->published = *published;
  self->marked_title = g_strdup (self->title);
  self->snippet = g_strdup ("");
  return self;
}

/* Set once by the search store, before anyone sees the result. */
void
_dossier_search_result_set_match (DossierSearchResult *self,
                                  double               score,
                                  const char          *marked_title,
                                  const char          *snippet)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_RESULT (self));

  self->score = score;
  g_free (self->marked_title);
  self->marked_title = g_strdup (marked_title ? marked_title : self->title);
  g_free (self->snippet);
  self->snippet = g_strdup (snippet ? snippet : "");
}

const char *
dossier_search_result_get_article_id (DossierSearchResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_RESULT (self), NULL);

  return self->article_id;
}

const char *
dossier_search_result_get_title (DossierSearchResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_RESULT (self), NULL);

  return self->title;
}

const char *
dossier_search_result_get_outlet (DossierSearchResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_RESULT (self), NULL);

  return self->outlet;
}

const DossierDate *
dossier_search_result_get_published (DossierSearchResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_RESULT (self), NULL);

  return &self->published;
}

double
dossier_search_result_get_score (DossierSearchResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_RESULT (self), 0);

  return self->score;
}

const char *
dossier_search_result_get_marked_title (DossierSearchResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_RESULT (self), NULL);

  return self->marked_title;
}

const char *
dossier_search_result_get_snippet (DossierSearchResult *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_RESULT (self), NULL);

  return self->snippet;
}
