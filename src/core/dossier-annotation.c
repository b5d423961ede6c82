/* dossier-annotation.c: a highlight on a passage of an article, with its note and tags
 *
 * A plain value object: DossierAnnotations makes, changes and stores them, and the views
 * bind to their properties. The passage is addressed by character offsets into the
 * article's flat text, backed by the quote and its context so it can be found again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-annotation"

#include "config.h"

#include "dossier-annotation.h"

struct _DossierAnnotation
{
  GObject                parent_instance;

  char                  *id;
  char                  *article_id;
  guint                  start;
  guint                  end;
  char                  *quote;
  char                  *prefix;
  char                  *suffix;
  char                  *text_hash;
  DossierHighlightColor  color;
  char                  *note;
  GStrv                  tags;
  char                  *created;
  char                  *modified;
  DossierAnchorState     anchor;
};

G_DEFINE_FINAL_TYPE (DossierAnnotation, dossier_annotation, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (DossierHighlightColor, dossier_highlight_color,
  G_DEFINE_ENUM_VALUE (DOSSIER_HIGHLIGHT_YELLOW, "yellow"),
  G_DEFINE_ENUM_VALUE (DOSSIER_HIGHLIGHT_GREEN, "green"),
  G_DEFINE_ENUM_VALUE (DOSSIER_HIGHLIGHT_BLUE, "blue"),
  G_DEFINE_ENUM_VALUE (DOSSIER_HIGHLIGHT_PINK, "pink"),
  G_DEFINE_ENUM_VALUE (DOSSIER_HIGHLIGHT_PURPLE, "purple"))

G_DEFINE_ENUM_TYPE (DossierAnchorState, dossier_anchor_state,
  G_DEFINE_ENUM_VALUE (DOSSIER_ANCHOR_OK, "ok"),
  G_DEFINE_ENUM_VALUE (DOSSIER_ANCHOR_MOVED, "moved"),
  G_DEFINE_ENUM_VALUE (DOSSIER_ANCHOR_ORPHAN, "orphan"))

enum {
  PROP_0,
  PROP_ID,
  PROP_ARTICLE_ID,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_TEXT_HASH,
  PROP_COLOR,
  PROP_NOTE,
  PROP_TAGS,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_ANCHOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The names in files, the database and on the command line: never translated. */
static const char *const color_names[DOSSIER_N_HIGHLIGHT_COLORS] = {
  "yellow", "green", "blue", "pink", "purple",
};

const char *
dossier_highlight_color_to_string (DossierHighlightColor color)
{
  g_return_val_if_fail (color < DOSSIER_N_HIGHLIGHT_COLORS, NULL);

  return color_names[color];
}

gboolean
dossier_highlight_color_from_string (const char            *name,
                                     DossierHighlightColor *color)
{
  for (guint i = 0; i < G_N_ELEMENTS (color_names); i++)
    if (g_strcmp0 (name, color_names[i]) == 0)
      {
        *color = i;
        return TRUE;
      }

  return FALSE;
}

const char *
dossier_anchor_state_to_string (DossierAnchorState state)
{
  switch (state)
    {
    case DOSSIER_ANCHOR_MOVED:
      return "moved";
    case DOSSIER_ANCHOR_ORPHAN:
      return "orphan";
    case DOSSIER_ANCHOR_OK:
    default:
      return "ok";
    }
}

static void
dossier_annotation_finalize (GObject *object)
{
  DossierAnnotation *self = (DossierAnnotation *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->article_id, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
  g_clear_pointer (&self->text_hash, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);

  G_OBJECT_CLASS (dossier_annotation_parent_class)->finalize (object);
}

static void
dossier_annotation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierAnnotation *self = DOSSIER_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_ARTICLE_ID:
      g_value_set_string (value, self->article_id);
      break;
    case PROP_START:
      g_value_set_uint (value, self->start);
      break;
    case PROP_END:
      g_value_set_uint (value, self->end);
      break;
    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;
    case PROP_PREFIX:
      g_value_set_string (value, self->prefix);
      break;
    case PROP_SUFFIX:
      g_value_set_string (value, self->suffix);
      break;
    case PROP_TEXT_HASH:
      g_value_set_string (value, self->text_hash);
      break;
    case PROP_COLOR:
      g_value_set_enum (value, self->color);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;
    case PROP_ANCHOR:
      g_value_set_enum (value, self->anchor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_annotation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierAnnotation *self = DOSSIER_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_ARTICLE_ID:
      self->article_id = g_value_dup_string (value);
      break;
    case PROP_START:
      /* Alone, a start past the end drags the end along. */
      dossier_annotation_set_range (self, g_value_get_uint (value),
                                    MAX (self->end, g_value_get_uint (value)));
      break;
    case PROP_END:
      dossier_annotation_set_range (self, MIN (self->start, g_value_get_uint (value)),
                                    g_value_get_uint (value));
      break;
    case PROP_QUOTE:
      dossier_annotation_set_quote (self, g_value_get_string (value));
      break;
    case PROP_PREFIX:
      dossier_annotation_set_prefix (self, g_value_get_string (value));
      break;
    case PROP_SUFFIX:
      dossier_annotation_set_suffix (self, g_value_get_string (value));
      break;
    case PROP_TEXT_HASH:
      dossier_annotation_set_text_hash (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      dossier_annotation_set_color (self, g_value_get_enum (value));
      break;
    case PROP_NOTE:
      dossier_annotation_set_note (self, g_value_get_string (value));
      break;
    case PROP_TAGS:
      dossier_annotation_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_CREATED:
      dossier_annotation_set_created (self, g_value_get_string (value));
      break;
    case PROP_MODIFIED:
      dossier_annotation_set_modified (self, g_value_get_string (value));
      break;
    case PROP_ANCHOR:
      dossier_annotation_set_anchor (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char   *name,
                 GParamFlags   extra)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | extra);
}

static void
dossier_annotation_class_init (DossierAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = dossier_annotation_finalize;
  object_class->get_property = dossier_annotation_get_property;
  object_class->set_property = dossier_annotation_set_property;

  properties[PROP_ID] = string_property ("id", G_PARAM_CONSTRUCT_ONLY);
  properties[PROP_ARTICLE_ID] = string_property ("article-id", G_PARAM_CONSTRUCT_ONLY);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_QUOTE] = string_property ("quote", G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PREFIX] = string_property ("prefix", G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUFFIX] = string_property ("suffix", G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT_HASH] = string_property ("text-hash", G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COLOR] = g_param_spec_enum ("color", NULL, NULL, DOSSIER_TYPE_HIGHLIGHT_COLOR,
                                              DOSSIER_HIGHLIGHT_YELLOW, flags);
  properties[PROP_NOTE] = string_property ("note", G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_CREATED] = string_property ("created", G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] = string_property ("modified", G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ANCHOR] = g_param_spec_enum ("anchor", NULL, NULL, DOSSIER_TYPE_ANCHOR_STATE,
                                               DOSSIER_ANCHOR_OK, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_annotation_init (DossierAnnotation *self)
{
  self->quote = g_strdup ("");
  self->prefix = g_strdup ("");
  self->suffix = g_strdup ("");
  self->note = g_strdup ("");
  self->tags = g_new0 (char *, 1);
}

/**
 * dossier_annotation_new:
 * @id: (nullable): the stable id; %NULL makes a new random UUID
 */
DossierAnnotation *
dossier_annotation_new (const char *id,
                        const char *article_id)
{
  g_autofree char *uuid = id ? NULL : g_uuid_string_random ();

  g_return_val_if_fail (article_id != NULL, NULL);

  return g_object_new (DOSSIER_TYPE_ANNOTATION,
                       "id", id ? id : uuid,
                       "article-id", article_id,
                       NULL);
}

/* A snapshot with the same id: what undo and redo put back. */
DossierAnnotation *
dossier_annotation_copy (DossierAnnotation *self)
{
  DossierAnnotation *copy;

  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  copy = dossier_annotation_new (self->id, self->article_id);
  g_object_set (copy,
                "start", self->start, "end", self->end,
                "quote", self->quote, "prefix", self->prefix, "suffix", self->suffix,
                "text-hash", self->text_hash, "color", self->color, "note", self->note,
                "tags", self->tags, "created", self->created, "modified", self->modified,
                "anchor", self->anchor,
                NULL);
  return copy;
}

/* Sets *@field to a copy of @value and notifies, only when it changes. */
static void
set_string (DossierAnnotation  *self,
            char              **field,
            const char         *value,
            guint               prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
dossier_annotation_get_id (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return self->id;
}

const char *
dossier_annotation_get_article_id (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return self->article_id;
}

guint
dossier_annotation_get_start (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), 0);

  return self->start;
}

guint
dossier_annotation_get_end (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), 0);

  return self->end;
}

/* Both ends at once, so the range is never seen with start after end. */
void
dossier_annotation_set_range (DossierAnnotation *self,
                              guint              start,
                              guint              end)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));
  g_return_if_fail (start <= end);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
dossier_annotation_get_quote (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return self->quote;
}

void
dossier_annotation_set_quote (DossierAnnotation *self,
                              const char        *quote)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));

  set_string (self, &self->quote, quote ? quote : "", PROP_QUOTE);
}

const char *
dossier_annotation_get_prefix (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return self->prefix;
}

void
dossier_annotation_set_prefix (DossierAnnotation *self,
                               const char        *prefix)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));

  set_string (self, &self->prefix, prefix ? prefix : "", PROP_PREFIX);
}

const char *
dossier_annotation_get_suffix (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return self->suffix;
}

void
dossier_annotation_set_suffix (DossierAnnotation *self,
                               const char        *suffix)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));

  set_string (self, &self->suffix, suffix ? suffix : "", PROP_SUFFIX);
}

/* NULL when unknown (an imported annotation), which makes the next load check it. */
const char *
dossier_annotation_get_text_hash (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return self->text_hash;
}

void
dossier_annotation_set_text_hash (DossierAnnotation *self,
                                  const char        *hash)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));

  set_string (self, &self->text_hash, hash, PROP_TEXT_HASH);
}

DossierHighlightColor
dossier_annotation_get_color (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), DOSSIER_HIGHLIGHT_YELLOW);

  return self->color;
}

void
dossier_annotation_set_color (DossierAnnotation     *self,
                              DossierHighlightColor  color)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));
  g_return_if_fail (color < DOSSIER_N_HIGHLIGHT_COLORS);

  if (self->color == color)
    return;

  self->color = color;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

const char *
dossier_annotation_get_note (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return self->note;
}

void
dossier_annotation_set_note (DossierAnnotation *self,
                             const char        *note)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));

  set_string (self, &self->note, note ? note : "", PROP_NOTE);
}

/* Never NULL; in the order the user gave them. */
const char * const *
dossier_annotation_get_tags (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return (const char * const *) self->tags;
}

/* Tags are trimmed; empty ones and repeats are dropped. */
void
dossier_annotation_set_tags (DossierAnnotation  *self,
                             const char * const *tags)
{
  g_autoptr(GPtrArray) clean = g_ptr_array_new_null_terminated (4, g_free, TRUE);

  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      char *tag = g_strstrip (g_strdup (tags[i]));

      if (*tag == '\0' || g_strv_contains ((const char * const *) clean->pdata, tag))
        g_free (tag);
      else
        g_ptr_array_add (clean, tag);
    }

  if (g_strv_equal ((const char * const *) clean->pdata, (const char * const *) self->tags))
    return;

  g_strfreev (self->tags);
  self->tags = (GStrv) g_ptr_array_steal (clean, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

gboolean
dossier_annotation_has_tag (DossierAnnotation *self,
                            const char        *tag)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), FALSE);

  return tag != NULL && g_strv_contains ((const char * const *) self->tags, tag);
}

const char *
dossier_annotation_get_created (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return self->created;
}

void
dossier_annotation_set_created (DossierAnnotation *self,
                                const char        *created)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));

  set_string (self, &self->created, created, PROP_CREATED);
}

const char *
dossier_annotation_get_modified (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  return self->modified;
}

void
dossier_annotation_set_modified (DossierAnnotation *self,
                                 const char        *modified)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));

  set_string (self, &self->modified, modified, PROP_MODIFIED);
}

DossierAnchorState
dossier_annotation_get_anchor (DossierAnnotation *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), DOSSIER_ANCHOR_OK);

  return self->anchor;
}

void
dossier_annotation_set_anchor (DossierAnnotation  *self,
                               DossierAnchorState  anchor)
{
  g_return_if_fail (DOSSIER_IS_ANNOTATION (self));

  if (self->anchor == anchor)
    return;

  self->anchor = anchor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANCHOR]);
}

/* dossier://article/ARTICLE_ID?start=N&end=M, which the application opens at the passage. */
char *
dossier_annotation_dup_link (DossierAnnotation *self)
{
  g_autofree char *article = NULL;

  g_return_val_if_fail (DOSSIER_IS_ANNOTATION (self), NULL);

  article = g_uri_escape_string (self->article_id, NULL, FALSE);
  return g_strdup_printf ("dossier://article/%s?start=%u&end=%u", article, self->start,
                          self->end);
}

/* The current time as stored: ISO 8601, UTC, to the second. */
char *
dossier_annotation_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * dossier_annotation_shorten_text:
 * @text: a note or a quote
 *
 * A label shapes its whole text however few lines it shows: a 10 MB note kept the window
 * from appearing. Rows, tooltips and spoken descriptions show at most
 * %DOSSIER_ANNOTATION_SHOWN_CHARS characters of it, then "…".
 *
 * Returns: (transfer full): @text, or its beginning
 */
char *
dossier_annotation_shorten_text (const char *text)
{
  g_autofree char *start = NULL;
  const char *end = text;

  g_return_val_if_fail (text != NULL, NULL);

  for (guint i = 0; i < DOSSIER_ANNOTATION_SHOWN_CHARS && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  if (*end == '\0')
    return g_strdup (text);

  start = g_strndup (text, end - text);
  return g_strconcat (start, "…", NULL);
}
