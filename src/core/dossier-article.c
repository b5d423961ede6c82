/* dossier-article.c: one news article, its metadata and its text
 *
 * The body is a list of typed blocks and, derived from it, one flat string: the blocks'
 * texts joined by a blank line. Everything that points into an article (mentions, events,
 * annotations) does so by character offsets into that flat string.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-article"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-article.h"

struct _DossierArticle
{
  GObject        parent_instance;

  char          *id;
  char          *title;
  char          *subtitle;
  char          *outlet;
  char          *url;
  char          *published_note;
  char          *language;
  DossierDate    published;
  DossierOrigin  origin;

  GPtrArray     *credits;   /* DossierCredit */
  GPtrArray     *blocks;    /* DossierBlock, NULL until the body is loaded */
  char          *text;
  guint          n_chars;
  char          *text_hash;   /* of text, computed on first use */
};

G_DEFINE_FINAL_TYPE (DossierArticle, dossier_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_OUTLET,
  PROP_URL,
  PROP_PUBLISHED,
  PROP_PUBLISHED_NOTE,
  PROP_LANGUAGE,
  PROP_ORIGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_article_finalize (GObject *object)
{
  DossierArticle *self = (DossierArticle *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->outlet, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->published_note, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->credits, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->text_hash, g_free);

  G_OBJECT_CLASS (dossier_article_parent_class)->finalize (object);
}

static void
dossier_article_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierArticle *self = DOSSIER_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_PUBLISHED:
      g_value_set_boxed (value, &self->published);
      break;
    case PROP_PUBLISHED_NOTE:
      g_value_set_string (value, self->published_note);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_ORIGIN:
      g_value_set_int (value, self->origin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_article_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DossierArticle *self = DOSSIER_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      dossier_article_set_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      dossier_article_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      dossier_article_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_OUTLET:
      dossier_article_set_outlet (self, g_value_get_string (value));
      break;
    case PROP_URL:
      dossier_article_set_url (self, g_value_get_string (value));
      break;
    case PROP_PUBLISHED:
      dossier_article_set_published (self, g_value_get_boxed (value));
      break;
    case PROP_PUBLISHED_NOTE:
      dossier_article_set_published_note (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      dossier_article_set_language (self, g_value_get_string (value));
      break;
    case PROP_ORIGIN:
      dossier_article_set_origin (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
dossier_article_class_init (DossierArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_article_finalize;
  object_class->get_property = dossier_article_get_property;
  object_class->set_property = dossier_article_set_property;

  properties[PROP_ID] = string_property ("id");
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_SUBTITLE] = string_property ("subtitle");
  properties[PROP_OUTLET] = string_property ("outlet");
  properties[PROP_URL] = string_property ("url");
  properties[PROP_PUBLISHED] =
    g_param_spec_boxed ("published", NULL, NULL, DOSSIER_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLISHED_NOTE] = string_property ("published-note");
  properties[PROP_LANGUAGE] = string_property ("language");
  properties[PROP_ORIGIN] =
    g_param_spec_int ("origin", NULL, NULL,
                      DOSSIER_ORIGIN_BUNDLED, DOSSIER_ORIGIN_IMPORTED, DOSSIER_ORIGIN_BUNDLED,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_article_init (DossierArticle *self)
{
  self->credits = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_credit_free);
}

DossierArticle *
dossier_article_new (void)
{
  return g_object_new (DOSSIER_TYPE_ARTICLE, NULL);
}

/* Empty strings are stored as NULL, so "has a subtitle" is one test. */
static void
set_string (DossierArticle  *self,
            char           **field,
            const char      *value,
            guint            prop_id)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  /* g_set_str() is GLib 2.76; we target 2.74. */
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

#define DEFINE_STRING_ACCESSORS(field, PROP)                              \
  const char *                                                            \
  dossier_article_get_##field (DossierArticle *self)                      \
  {                                                                       \
    g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);               \
    return self->field;                                                   \
  }                                                                       \
  void                                                                    \
  dossier_article_set_##field (DossierArticle *self, const char *value)   \
  {                                                                       \
    g_return_if_fail (DOSSIER_IS_ARTICLE (self));                         \
    set_string (self, &self->field, value, PROP);                         \
  }

DEFINE_STRING_ACCESSORS (id, PROP_ID)
DEFINE_STRING_ACCESSORS (title, PROP_TITLE)
DEFINE_STRING_ACCESSORS (subtitle, PROP_SUBTITLE)
DEFINE_STRING_ACCESSORS (outlet, PROP_OUTLET)
DEFINE_STRING_ACCESSORS (url, PROP_URL)
DEFINE_STRING_ACCESSORS (published_note, PROP_PUBLISHED_NOTE)
DEFINE_STRING_ACCESSORS (language, PROP_LANGUAGE)

const DossierDate *
dossier_article_get_published (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  return &self->published;
}

void
dossier_article_set_published (DossierArticle    *self,
                               const DossierDate *published)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE (self));
  g_return_if_fail (published != NULL);

  if (memcmp (&self->published, published, sizeof *published) == 0)
    return;

  self->published = *published;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
}

DossierOrigin
dossier_article_get_origin (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), DOSSIER_ORIGIN_BUNDLED);

  return self->origin;
}

void
dossier_article_set_origin (DossierArticle *self,
                            DossierOrigin   origin)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE (self));

  if (self->origin == origin)
    return;

  self->origin = origin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN]);
}

GPtrArray *
dossier_article_get_credits (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  return self->credits;
}

void
dossier_article_add_credit (DossierArticle *self,
                            const char     *role,
                            const char     *name)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE (self));

  g_ptr_array_add (self->credits, dossier_credit_new (role, name));
}

/* "Radio Free Asia · 15 Jun 2023" — the line under a title in lists and column headers. */
char *
dossier_article_dup_byline (DossierArticle *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  date = dossier_date_format (&self->published);
  if (self->outlet == NULL)
    return g_steal_pointer (&date);

  /* TRANSLATORS: outlet · publication date */
  return g_strdup_printf (_("%s · %s"), self->outlet, date);
}

GPtrArray *
dossier_article_get_blocks (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  return self->blocks;
}

/* Takes a reference on @blocks and derives the flat text and each block's offset. */
void
dossier_article_set_blocks (DossierArticle *self,
                            GPtrArray      *blocks)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint offset = 0;

  g_return_if_fail (DOSSIER_IS_ARTICLE (self));
  g_return_if_fail (blocks != NULL);

  for (guint i = 0; i < blocks->len; i++)
    {
      DossierBlock *block = g_ptr_array_index (blocks, i);

      if (i > 0)
        {
          g_string_append (text, DOSSIER_BLOCK_SEPARATOR);
          offset += DOSSIER_BLOCK_SEPARATOR_LENGTH;
        }
      _dossier_block_set_start (block, offset);
      g_string_append (text, dossier_block_get_text (block));
      offset += dossier_block_get_length (block);
    }

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  self->blocks = g_ptr_array_ref (blocks);
  g_free (self->text);
  self->text = g_string_free (g_steal_pointer (&text), FALSE);
  self->n_chars = offset;
  g_clear_pointer (&self->text_hash, g_free);
}

gboolean
dossier_article_has_body (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), FALSE);

  return self->blocks != NULL;
}

const char *
dossier_article_get_text (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  return self->text ? self->text : "";
}

guint
dossier_article_get_n_chars (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), 0);

  return self->n_chars;
}

/* The characters [@start, @end) of the flat text; offsets past the end are clamped. */
char *
dossier_article_dup_text_range (DossierArticle *self,
                                guint           start,
                                guint           end)
{
  const char *text, *from;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  text = dossier_article_get_text (self);
  end = MIN (end, self->n_chars);
  start = MIN (start, end);
  from = g_utf8_offset_to_pointer (text, start);

  return g_strndup (from, g_utf8_offset_to_pointer (from, end - start) - from);
}

/* The block that holds @offset, or the one after it when @offset falls on a separator. */
DossierBlock *
dossier_article_get_block_at (DossierArticle *self,
                              guint           offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  if (self->blocks == NULL || self->blocks->len == 0)
    return NULL;

  hi = self->blocks->len;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (dossier_block_get_start (g_ptr_array_index (self->blocks, mid)) <= offset)
        lo = mid;
      else
        hi = mid;
    }

  if (offset >= dossier_block_get_end (g_ptr_array_index (self->blocks, lo))
      && lo + 1 < self->blocks->len)
    lo++;

  return g_ptr_array_index (self->blocks, lo);
}

/* The hash of the flat text. Computed once: an import asks for it twice per article (is
 * it known? then to store it), and SHA-256 of a long text costs as much as indexing it.
 * Readers on two threads may race to fill it; the loser's copy is dropped. */
const char *
dossier_article_get_text_hash (DossierArticle *self)
{
  char *hash;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  if ((hash = g_atomic_pointer_get (&self->text_hash)) != NULL)
    return hash;

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, dossier_article_get_text (self), -1);
  if (!g_atomic_pointer_compare_and_exchange (&self->text_hash, NULL, hash))
    g_free (hash);
  return g_atomic_pointer_get (&self->text_hash);
}

char *
dossier_article_dup_text_hash (DossierArticle *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  return g_strdup (dossier_article_get_text_hash (self));
}

/* A stable id for an article that has none: the same content always gets the same id. */
char *
dossier_article_derive_id (DossierArticle *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *date = NULL;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (self), NULL);

  date = dossier_date_to_iso (&self->published);
  g_checksum_update (checksum, (const guchar *) (self->title ? self->title : ""), -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) (self->outlet ? self->outlet : ""), -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) date, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) dossier_article_get_text (self), -1);

  return g_strdup_printf ("sha256-%.16s", g_checksum_get_string (checksum));
}
