/* dossier-entity-matcher.c: finds the entities of a catalogue in a text, in one pass
 *
 * The rules are in the header. The trie's nodes are numbers; its edges live in one
 * open-addressing hash table keyed by (node, character), which stays small and fast for a
 * catalogue of tens of thousands of aliases in any script, where per-node child arrays
 * would waste memory on the wide nodes near the root.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-entity-matcher"

#include <string.h>

#include "dossier-entity-matcher.h"

#define NO_ALIAS G_MAXUINT32
#define NO_EDGE  G_MAXUINT64

typedef struct
{
  guint32 first_char;   /* into self->chars */
  guint32 length;
  guint32 entity;
  guint32 next;         /* the next alias ending at the same node, or NO_ALIAS */
} Alias;

struct _DossierEntityMatcher
{
  GObject    parent_instance;

  GPtrArray *entities;      /* DossierEntity, owned */
  GArray    *node_aliases;  /* guint32 per node: its first alias, or NO_ALIAS */
  GArray    *aliases;       /* Alias */
  GArray    *chars;         /* gunichar: every alias as written, normalized */

  /* Edges: key (node << 21 | folded character), value the child node. The root's ASCII
   * edges are also in an array: every alias-starting test of a text begins there. */
  guint32    root_ascii[0x80];
  guint64   *edge_keys;
  guint32   *edge_values;
  guint      edge_bits;
  guint      n_edges;
};

G_DEFINE_FINAL_TYPE (DossierEntityMatcher, dossier_entity_matcher, G_TYPE_OBJECT)

/* Typographic variants a writer picks without meaning anything by it. */
static inline gunichar
normalize_char (gunichar c)
{
  if (c < 0x80)
    return c;

  switch (c)
    {
    case 0x2018: case 0x2019: case 0x02BC:
      return '\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013:
      return '-';
    case 0x00A0: case 0x202F:
      return ' ';
    default:
      return c;
    }
}

/* One character to one character, so offsets stay offsets (g_utf8_casefold may not). */
static inline gunichar
fold_char (gunichar c)
{
  /* not g_ascii_tolower(), a call for every character of every text */
  if (c < 0x80)
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  return g_unichar_tolower (c);
}

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static inline gboolean
is_capital (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isupper (c);
  return g_unichar_isupper (c) || g_unichar_istitle (c);
}

static inline guint
edge_slot (guint64 key,
           guint   bits)
{
  return (guint) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - bits));
}

static inline guint64
edge_key (guint32  node,
          gunichar c)
{
  return ((guint64) node << 21) | c;
}

static inline guint32
edge_lookup (DossierEntityMatcher *self,
             guint32               node,
             gunichar              c)
{
  guint64 key = edge_key (node, c);
  guint mask = (1u << self->edge_bits) - 1;

  if (node == 0 && c < 0x80)
    return self->root_ascii[c];

  for (guint slot = edge_slot (key, self->edge_bits); ; slot = (slot + 1) & mask)
    {
      if (self->edge_keys[slot] == key)
        return self->edge_values[slot];
      if (self->edge_keys[slot] == NO_EDGE)
        return 0;   /* the root is nobody's child, so 0 can mean "none" */
    }
}

static void
edge_store (guint64  *keys,
            guint32  *values,
            guint     bits,
            guint64   key,
            guint32   value)
{
  guint mask = (1u << bits) - 1;
  guint slot = edge_slot (key, bits);

  while (keys[slot] != NO_EDGE)
    slot = (slot + 1) & mask;
  keys[slot] = key;
  values[slot] = value;
}

static void
edges_resize (DossierEntityMatcher *self,
              guint                 bits)
{
  guint64 *old_keys = self->edge_keys;
  guint32 *old_values = self->edge_values;
  guint old_size = old_keys != NULL ? 1u << self->edge_bits : 0;

  self->edge_keys = g_new (guint64, 1u << bits);
  self->edge_values = g_new (guint32, 1u << bits);
  memset (self->edge_keys, 0xff, sizeof (guint64) << bits);
  self->edge_bits = bits;

  for (guint i = 0; i < old_size; i++)
    if (old_keys[i] != NO_EDGE)
      edge_store (self->edge_keys, self->edge_values, bits, old_keys[i], old_values[i]);

  g_free (old_keys);
  g_free (old_values);
}

static guint32
add_node (DossierEntityMatcher *self)
{
  guint32 none = NO_ALIAS;

  g_array_append_val (self->node_aliases, none);
  return self->node_aliases->len - 1;
}

static guint32
child_or_new (DossierEntityMatcher *self,
              guint32               node,
              gunichar              c)
{
  guint32 child = edge_lookup (self, node, c);

  if (child != 0)
    return child;

  /* Keep the table at most half full, so probes stay short. */
  if (2 * (self->n_edges + 1) > (1u << self->edge_bits))
    edges_resize (self, self->edge_bits + 1);

  child = add_node (self);
  edge_store (self->edge_keys, self->edge_values, self->edge_bits, edge_key (node, c), child);
  self->n_edges++;
  if (node == 0 && c < 0x80)
    self->root_ascii[c] = child;
  return child;
}

static gboolean
same_chars (DossierEntityMatcher *self,
            const Alias          *alias,
            const gunichar       *chars,
            guint                 length)
{
  const gunichar *known = &g_array_index (self->chars, gunichar, alias->first_char);

  return alias->length == length && memcmp (known, chars, length * sizeof (gunichar)) == 0;
}

/* Appends @alias to the aliases ending at @node, unless an earlier entity wrote it the
 * same way: the catalogue's order decides who owns a shared alias. */
static void
attach_alias (DossierEntityMatcher *self,
              guint32               node,
              const gunichar       *chars,
              guint                 length,
              guint                 entity)
{
  guint32 *link = &g_array_index (self->node_aliases, guint32, node);
  Alias alias = { self->chars->len, length, entity, NO_ALIAS };

  while (*link != NO_ALIAS)
    {
      Alias *known = &g_array_index (self->aliases, Alias, *link);

      if (same_chars (self, known, chars, length))
        return;
      link = &known->next;
    }

  *link = self->aliases->len;
  g_array_append_val (self->aliases, alias);
  g_array_append_vals (self->chars, chars, length);
}

static void
add_alias (DossierEntityMatcher *self,
           const char           *text,
           guint                 entity)
{
  glong length = 0;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, &length);
  guint32 node = 0;

  if (length == 0 || length > (1 << 20))
    return;

  for (glong i = 0; i < length; i++)
    {
      chars[i] = normalize_char (chars[i]);
      node = child_or_new (self, node, fold_char (chars[i]));
    }

  attach_alias (self, node, chars, length, entity);
}

static void
dossier_entity_matcher_finalize (GObject *object)
{
  DossierEntityMatcher *self = (DossierEntityMatcher *) object;

  g_clear_pointer (&self->entities, g_ptr_array_unref);
  g_clear_pointer (&self->node_aliases, g_array_unref);
  g_clear_pointer (&self->aliases, g_array_unref);
  g_clear_pointer (&self->chars, g_array_unref);
  g_clear_pointer (&self->edge_keys, g_free);
  g_clear_pointer (&self->edge_values, g_free);

  G_OBJECT_CLASS (dossier_entity_matcher_parent_class)->finalize (object);
}

static void
dossier_entity_matcher_class_init (DossierEntityMatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_entity_matcher_finalize;
}

static void
dossier_entity_matcher_init (DossierEntityMatcher *self)
{
  self->entities = g_ptr_array_new_with_free_func (g_object_unref);
  self->node_aliases = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->aliases = g_array_new (FALSE, FALSE, sizeof (Alias));
  self->chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  edges_resize (self, 8);
  add_node (self);
}

/**
 * dossier_entity_matcher_new:
 * @entities: (element-type DossierEntity): the catalogue; earlier entities win shared aliases
 *
 * Compiles the names and aliases of @entities. The matcher keeps its own references.
 */
DossierEntityMatcher *
dossier_entity_matcher_new (GPtrArray *entities)
{
  DossierEntityMatcher *self;

  g_return_val_if_fail (entities != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_ENTITY_MATCHER, NULL);
  for (guint i = 0; i < entities->len; i++)
    {
      DossierEntity *entity = g_ptr_array_index (entities, i);
      const char * const *aliases = dossier_entity_get_aliases (entity);

      g_ptr_array_add (self->entities, g_object_ref (entity));
      add_alias (self, dossier_entity_get_name (entity), i);
      for (guint j = 0; aliases[j] != NULL; j++)
        add_alias (self, aliases[j], i);
    }

  return self;
}

guint
dossier_entity_matcher_get_n_entities (DossierEntityMatcher *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY_MATCHER (self), 0);

  return self->entities->len;
}

/* Distinct spellings, names included. */
guint
dossier_entity_matcher_get_n_aliases (DossierEntityMatcher *self)
{
  g_return_val_if_fail (DOSSIER_IS_ENTITY_MATCHER (self), 0);

  return self->aliases->len;
}

/* The text being searched: its characters, normalized, their lowercase forms, and
 * whether each is a word character (asked of every character twice, or more). */
typedef struct
{
  gunichar *chars;
  gunichar *folded;
  guint8   *in_word;
  guint     length;
} Text;

/* Whether the characters at @i - 1 and @i are both of one word: no alias starts or ends
 * between them. */
static inline gboolean
inside_word (const Text *text,
             guint       i)
{
  return i > 0 && i < text->length && text->in_word[i] && text->in_word[i - 1];
}

/* Every capital of the alias is a capital in the text; the trie has checked the rest. */
static gboolean
case_fits (DossierEntityMatcher *self,
           const Alias          *alias,
           const gunichar       *text)
{
  const gunichar *chars = &g_array_index (self->chars, gunichar, alias->first_char);

  for (guint i = 0; i < alias->length; i++)
    if (chars[i] != text[i] && is_capital (chars[i]))
      return FALSE;

  return TRUE;
}

/* The first alias ending at @node that may be read at @start, or NO_ALIAS. */
static guint32
fitting_alias (DossierEntityMatcher *self,
               guint32               node,
               const Text           *text,
               guint                 start,
               guint                 end)
{
  guint32 index = g_array_index (self->node_aliases, guint32, node);

  if (index == NO_ALIAS)
    return NO_ALIAS;

  /* Ending inside a word is only allowed to an alias that ends on punctuation ("U.S."). */
  if (inside_word (text, end))
    return NO_ALIAS;

  for (; index != NO_ALIAS; index = g_array_index (self->aliases, Alias, index).next)
    if (case_fits (self, &g_array_index (self->aliases, Alias, index), text->chars + start))
      return index;

  return NO_ALIAS;
}

/* Walks the trie from @start as far as the text follows it; the longest alias seen wins. */
static gboolean
longest_at (DossierEntityMatcher *self,
            const Text           *text,
            guint                 start,
            DossierEntityMatch   *match)
{
  guint32 node = 0, best = NO_ALIAS;
  guint best_end = start;

  for (guint i = start; i < text->length; i++)
    {
      guint32 alias;

      if ((node = edge_lookup (self, node, text->folded[i])) == 0)
        break;
      if ((alias = fitting_alias (self, node, text, start, i + 1)) != NO_ALIAS)
        {
          best = alias;
          best_end = i + 1;
        }
    }

  if (best == NO_ALIAS)
    return FALSE;

  match->start = start;
  match->length = best_end - start;
  match->index = g_array_index (self->aliases, Alias, best).entity;
  match->entity = g_ptr_array_index (self->entities, match->index);
  return TRUE;
}

/* Decoded, normalized and folded in one pass, ASCII without a call: a text has no more
 * characters than bytes. */
static void
text_init (Text       *text,
           const char *utf8,
           gssize      length)
{
  const char *end = utf8 + (length < 0 ? strlen (utf8) : (gsize) length);
  guint n = 0;

  text->chars = g_new (gunichar, end - utf8 + 1);
  text->folded = g_new (gunichar, end - utf8 + 1);
  text->in_word = g_new (guint8, end - utf8 + 1);
  for (const char *p = utf8; p < end; n++)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        c = (guchar) *p++;
      else
        {
          c = normalize_char (g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
      text->chars[n] = c;
      text->folded[n] = fold_char (c);
      text->in_word[n] = is_word_char (c);
    }
  text->length = n;
}

/**
 * dossier_entity_matcher_find:
 * @text: UTF-8 text (invalid UTF-8 is the caller's bug)
 * @length: its length in bytes, or -1 when it ends with a NUL
 *
 * Returns: (transfer full) (element-type DossierEntityMatch): the matches in the order of
 *   the text, without overlaps
 */
GArray *
dossier_entity_matcher_find (DossierEntityMatcher *self,
                             const char           *text,
                             gssize                length)
{
  GArray *matches;
  Text decoded;
  guint i = 0;

  g_return_val_if_fail (DOSSIER_IS_ENTITY_MATCHER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  matches = g_array_new (FALSE, FALSE, sizeof (DossierEntityMatch));
  text_init (&decoded, text, length);

  while (i < decoded.length)
    {
      DossierEntityMatch match;

      /* No alias may start inside a word. */
      if (inside_word (&decoded, i))
        i++;
      else if (longest_at (self, &decoded, i, &match))
        {
          g_array_append_val (matches, match);
          i = match.start + match.length;
        }
      else
        i++;
    }

  g_free (decoded.chars);
  g_free (decoded.folded);
  g_free (decoded.in_word);
  return matches;
}
