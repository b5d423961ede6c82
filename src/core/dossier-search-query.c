/* dossier-search-query.c: what a person typed in the search field, read as a query
 *
 * Every text is a valid query. The reader never fails: an operator without an operand,
 * an unclosed quote or a filter with a value it cannot use is read as plain text or left
 * out, whichever keeps the results of a half-typed query steady. What reaches FTS5 is built
 * here from our own operators and double-quoted strings only, so nothing a person types can
 * be taken as FTS5 syntax.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-search-query"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier-search-query.h"

#define SEPARATORS " ()"

typedef struct
{
  char     *text;
  gboolean  prefix;
} Phrase;

/* Phrases that must all occur within @distance tokens of each other; one phrase alone
 * is just that phrase. */
typedef struct
{
  GPtrArray *phrases;
  int        distance;
} Chain;

struct _DossierSearchQuery
{
  GObject      parent_instance;

  char        *text;
  char        *open_mark;
  char        *close_mark;

  /* Each clause is a GPtrArray of Chains, any of which may match; all clauses must. */
  GPtrArray   *clauses;
  GPtrArray   *exclusions;      /* Chains none of which may match */
  GPtrArray   *entities;        /* names, each a filter of its own */
  GPtrArray   *outlets;         /* names, any of which may match */
  DossierDate  after;           /* precision NONE when not given */
  DossierDate  before;
  guint        n_terms;
  gboolean     spelled;         /* other spellings added */

  /* Reading state */
  Chain       *last_chain;      /* the latest positive chain, for OR and NEAR to join */
  GPtrArray   *last_clause;
  gboolean     pending_or;
  gboolean     pending_not;
  int          pending_near;    /* a distance, or -1 */
};

G_DEFINE_FINAL_TYPE (DossierSearchQuery, dossier_search_query, G_TYPE_OBJECT)

static void
phrase_free (gpointer data)
{
  Phrase *phrase = data;

  g_free (phrase->text);
  g_free (phrase);
}

static void
chain_free (gpointer data)
{
  Chain *chain = data;

  g_ptr_array_unref (chain->phrases);
  g_free (chain);
}

static Chain *
chain_new (char     *text,
           gboolean  prefix)
{
  Chain *chain = g_new0 (Chain, 1);
  Phrase *phrase = g_new0 (Phrase, 1);

  phrase->text = text;
  phrase->prefix = prefix;
  chain->phrases = g_ptr_array_new_with_free_func (phrase_free);
  chain->distance = -1;
  g_ptr_array_add (chain->phrases, phrase);
  return chain;
}

static void
dossier_search_query_finalize (GObject *object)
{
  DossierSearchQuery *self = (DossierSearchQuery *) object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->open_mark, g_free);
  g_clear_pointer (&self->close_mark, g_free);
  g_clear_pointer (&self->clauses, g_ptr_array_unref);
  g_clear_pointer (&self->exclusions, g_ptr_array_unref);
  g_clear_pointer (&self->entities, g_ptr_array_unref);
  g_clear_pointer (&self->outlets, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_search_query_parent_class)->finalize (object);
}

static void
dossier_search_query_class_init (DossierSearchQueryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_search_query_finalize;
}

static void
dossier_search_query_init (DossierSearchQuery *self)
{
  self->open_mark = g_strdup (DOSSIER_SEARCH_MARK_OPEN);
  self->close_mark = g_strdup (DOSSIER_SEARCH_MARK_CLOSE);
  self->clauses = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->exclusions = g_ptr_array_new_with_free_func (chain_free);
  self->entities = g_ptr_array_new_with_free_func (g_free);
  self->outlets = g_ptr_array_new_with_free_func (g_free);
  self->pending_near = -1;
}

/* Invalid UTF-8 repaired, and every control or space character made a plain space, so the
 * reader below only has to know one separator. */
static char *
clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *clean = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == 0xFEFF)
        g_string_append_c (clean, ' ');
      else
        g_string_append_unichar (clean, c);
    }

  return g_string_free (clean, FALSE);
}

/* At most DOSSIER_SEARCH_MAX_TERM_BYTES, cut between characters. */
static char *
bounded_copy (const char *start,
              gsize       length)
{
  const char *end;

  if (length <= DOSSIER_SEARCH_MAX_TERM_BYTES)
    return g_strndup (start, length);

  end = g_utf8_find_prev_char (start, start + DOSSIER_SEARCH_MAX_TERM_BYTES + 1);
  return g_strndup (start, end - start);
}

/* Reads "…" from *p (at the opening quote); an unclosed quote runs to the end. */
static char *
read_quoted (const char **p)
{
  const char *start = *p + 1;
  const char *end = strchr (start, '"');

  if (end == NULL)
    end = start + strlen (start);

  *p = *end == '"' ? end + 1 : end;
  return bounded_copy (start, end - start);
}

/* A bare word runs to the next space, quote or parenthesis. Parentheses group nothing,
 * but they separate: "(war" is read as "war", not as the phrase "( war". */
static char *
read_bare (const char **p)
{
  const char *start = *p;
  gsize length = strcspn (start, SEPARATORS "\"");

  *p = start + length;
  return g_strndup (start, length);
}

static gboolean
read_stars (const char **p)
{
  gboolean any = FALSE;

  while (**p == '*')
    {
      (*p)++;
      any = TRUE;
    }

  return any;
}

static void
reset_pending (DossierSearchQuery *self)
{
  self->pending_or = FALSE;
  self->pending_not = FALSE;
  self->pending_near = -1;
}

static gboolean
is_duplicate (DossierSearchQuery *self,
              const char         *text,
              gboolean            prefix)
{
  for (guint i = 0; i < self->clauses->len; i++)
    {
      GPtrArray *clause = g_ptr_array_index (self->clauses, i);
      Chain *chain = g_ptr_array_index (clause, 0);
      Phrase *phrase = g_ptr_array_index (chain->phrases, 0);

      if (clause->len == 1 && chain->phrases->len == 1 && phrase->prefix == prefix
          && g_str_equal (phrase->text, text))
        return TRUE;
    }

  return FALSE;
}

static void
add_positive (DossierSearchQuery *self,
              char               *text,
              gboolean            prefix)
{
  if (self->pending_near >= 0 && self->last_chain != NULL)
    {
      Chain *single = chain_new (text, prefix);

      g_ptr_array_add (self->last_chain->phrases, g_ptr_array_steal_index (single->phrases, 0));
      self->last_chain->distance = self->pending_near;
      chain_free (single);
    }
  else if (self->pending_or && self->last_clause != NULL)
    {
      self->last_chain = chain_new (text, prefix);
      g_ptr_array_add (self->last_clause, self->last_chain);
    }
  else if (is_duplicate (self, text, prefix))
    g_free (text);
  else
    {
      self->last_clause = g_ptr_array_new_with_free_func (chain_free);
      self->last_chain = chain_new (text, prefix);
      g_ptr_array_add (self->last_clause, self->last_chain);
      g_ptr_array_add (self->clauses, self->last_clause);
    }
}

/* Takes @text. Terms past the limit are dropped; empty ones never reach FTS5. */
static void
add_term (DossierSearchQuery *self,
          char               *text,
          gboolean            prefix,
          gboolean            negated)
{
  g_strstrip (text);
  if (*text == '\0' || self->n_terms >= DOSSIER_SEARCH_MAX_TERMS)
    {
      g_free (text);
      reset_pending (self);
      return;
    }

  /* One letter and a star would stand for a good part of the vocabulary: seconds of work
   * on a large library for no useful ranking. Read it as the letter. */
  if (prefix && g_utf8_strlen (text, -1) < DOSSIER_SEARCH_MIN_PREFIX)
    prefix = FALSE;

  self->n_terms++;
  if (negated || self->pending_not)
    {
      g_ptr_array_add (self->exclusions, chain_new (text, prefix));
      self->last_chain = NULL;
      self->last_clause = NULL;
    }
  else
    add_positive (self, text, prefix);

  reset_pending (self);
}

/* "NEAR" or "NEAR/5": the distance, or -1 for any other word. */
static int
near_distance (const char *word)
{
  char *end;
  gint64 distance;

  if (g_str_equal (word, "NEAR"))
    return DOSSIER_SEARCH_DEFAULT_NEAR;
  if (!g_str_has_prefix (word, "NEAR/") || !g_ascii_isdigit (word[5]))
    return -1;

  distance = g_ascii_strtoll (word + 5, &end, 10);
  if (*end != '\0')
    return -1;

  return (int) CLAMP (distance, 0, DOSSIER_SEARCH_MAX_NEAR);
}

/* Operators count only between terms; a dangling one is dropped so that the results of a
 * query being typed ("war OR ") stay those of what is already there. */
static gboolean
read_operator (DossierSearchQuery *self,
               const char         *word)
{
  int distance;

  if (g_str_equal (word, "AND"))
    return TRUE;
  if (g_str_equal (word, "NOT"))
    {
      self->pending_not = TRUE;
      return TRUE;
    }
  if (g_str_equal (word, "OR"))
    {
      self->pending_or = self->last_chain != NULL;
      return TRUE;
    }
  if ((distance = near_distance (word)) >= 0)
    {
      self->pending_near = self->last_chain != NULL ? distance : -1;
      return TRUE;
    }

  return FALSE;
}

static gboolean
add_date_filter (DossierDate *date,
                 const char  *value)
{
  DossierDate parsed = { 0 };

  if (!dossier_date_parse (value, &parsed))
    return FALSE;

  *date = parsed;
  return TRUE;
}

static gboolean
add_filter (DossierSearchQuery *self,
            const char         *key,
            const char         *value)
{
  g_autofree char *name = g_strstrip (g_strdup (value));

  if (*name == '\0')
    return FALSE;
  if (g_ascii_strcasecmp (key, "after") == 0)
    return add_date_filter (&self->after, name);
  if (g_ascii_strcasecmp (key, "before") == 0)
    return add_date_filter (&self->before, name);
  if (g_ascii_strcasecmp (key, "entity") == 0)
    {
      if (self->entities->len < DOSSIER_SEARCH_MAX_ENTITIES)
        g_ptr_array_add (self->entities, g_steal_pointer (&name));
      return TRUE;
    }
  if (g_ascii_strcasecmp (key, "outlet") == 0)
    {
      if (self->outlets->len < DOSSIER_SEARCH_MAX_OUTLETS)
        g_ptr_array_add (self->outlets, g_steal_pointer (&name));
      return TRUE;
    }

  return FALSE;
}

/* @word is "key:value" or "key:" with a quoted value at *p. A filter that cannot be used
 * (an unknown key, a date that is not one) becomes the words it is made of. */
static void
read_filter_or_term (DossierSearchQuery  *self,
                     char                *word,
                     const char         **p)
{
  char *colon = strchr (word, ':');
  g_autofree char *value = NULL;
  g_autofree char *key = NULL;

  if (colon == NULL || colon == word)
    {
      add_term (self, word, FALSE, FALSE);
      return;
    }

  key = g_strndup (word, colon - word);
  value = colon[1] == '\0' && **p == '"' ? read_quoted (p) : g_strdup (colon + 1);
  g_free (word);
  if (!add_filter (self, key, value))
    add_term (self, g_strconcat (key, " ", value, NULL), FALSE, FALSE);
}

static void
read_bare_item (DossierSearchQuery  *self,
                const char         **p,
                gboolean             negated)
{
  char *word = read_bare (p);
  gsize length = strlen (word);
  gboolean prefix = FALSE;

  if (!negated && read_operator (self, word))
    {
      g_free (word);
      return;
    }

  while (length > 0 && word[length - 1] == '*')
    {
      word[--length] = '\0';
      prefix = TRUE;
    }

  if (!negated && !prefix && strchr (word, ':') != NULL)
    read_filter_or_term (self, word, p);
  else
    add_term (self, word, prefix, negated);
}

static void
parse (DossierSearchQuery *self,
       const char         *text)
{
  g_autofree char *clean = clean_text (text);
  const char *p = clean;

  while (*p != '\0')
    {
      gboolean negated = FALSE;

      if (strchr (SEPARATORS, *p) != NULL)
        {
          p++;
          continue;
        }

      if (*p == '-')
        {
          negated = TRUE;
          p++;
        }

      if (*p == '"')
        {
          char *phrase = read_quoted (&p);

          add_term (self, phrase, read_stars (&p), negated);
        }
      else if (*p != '\0' && strchr (SEPARATORS, *p) == NULL)
        read_bare_item (self, &p, negated);
    }
}

/**
 * dossier_search_query_new:
 * @text: anything a person typed
 *
 * Reads @text as a query; never fails.
 */
DossierSearchQuery *
dossier_search_query_new (const char *text)
{
  DossierSearchQuery *self = g_object_new (DOSSIER_TYPE_SEARCH_QUERY, NULL);

  self->text = g_strdup (text ? text : "");
  parse (self, self->text);
  self->last_chain = NULL;
  self->last_clause = NULL;
  return self;
}

const char *
dossier_search_query_get_text (DossierSearchQuery *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_QUERY (self), NULL);

  return self->text;
}

/* Words or phrases to look for (not counting exclusions). */
gboolean
dossier_search_query_has_terms (DossierSearchQuery *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_QUERY (self), FALSE);

  return self->clauses->len > 0;
}

gboolean
dossier_search_query_has_filters (DossierSearchQuery *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_QUERY (self), FALSE);

  return self->entities->len > 0 || self->outlets->len > 0
         || self->after.precision != DOSSIER_PRECISION_NONE
         || self->before.precision != DOSSIER_PRECISION_NONE;
}

/* Nothing to search for: no terms, exclusions or filters. Such a query finds nothing. */
gboolean
dossier_search_query_is_empty (DossierSearchQuery *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_QUERY (self), TRUE);

  return self->clauses->len == 0 && self->exclusions->len == 0
         && !dossier_search_query_has_filters (self);
}

const char *
dossier_search_query_get_open_mark (DossierSearchQuery *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_QUERY (self), NULL);

  return self->open_mark;
}

const char *
dossier_search_query_get_close_mark (DossierSearchQuery *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_QUERY (self), NULL);

  return self->close_mark;
}

/* What snippets put around each match; U+E000 and U+E001 unless set. */
void
dossier_search_query_set_marks (DossierSearchQuery *self,
                                const char         *open_mark,
                                const char         *close_mark)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_QUERY (self));
  g_return_if_fail (open_mark != NULL && close_mark != NULL);

  g_free (self->open_mark);
  g_free (self->close_mark);
  self->open_mark = g_strdup (open_mark);
  self->close_mark = g_strdup (close_mark);
}

/* @text as an FTS5 string: in double quotes, its own quotes doubled. */
char *
dossier_search_quote (const char *text)
{
  GString *quoted = g_string_new ("\"");

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

/**
 * dossier_search_entity_filter:
 * @name: an entity's name, as dossier_search_store_find_entities() gives it
 *
 * Returns: the text that restricts a query to the articles mentioning @name, such as
 *   `entity:"Min Aung Hlaing"`, for a window to add to what was typed.
 */
char *
dossier_search_entity_filter (const char *name)
{
  g_autofree char *bare = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  /* A quote cannot be written inside a quoted value; the name is looked up word by word
   * when it does not match exactly, so a space does as well. */
  bare = g_strdelimit (g_strdup (name), "\"", ' ');
  return g_strdup_printf ("entity:\"%s\"", bare);
}

typedef struct
{
  DossierSearchTermFilter keep;
  gpointer                user_data;
  gboolean                all_prefix;   /* names: match what is typed so far */
  gboolean                flat;         /* names: NEAR means nothing there */
} Writer;

static GPtrArray *
kept_phrases (const Writer *writer,
              Chain        *chain)
{
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; i < chain->phrases->len; i++)
    {
      Phrase *phrase = g_ptr_array_index (chain->phrases, i);

      if (writer->keep == NULL || writer->keep (phrase->text, writer->user_data))
        g_ptr_array_add (kept, phrase);
    }

  return kept;
}

static void
write_phrase (const Writer *writer,
              GString      *out,
              Phrase       *phrase)
{
  g_autofree char *quoted = dossier_search_quote (phrase->text);

  g_string_append (out, quoted);
  if (phrase->prefix || writer->all_prefix)
    g_string_append (out, " *");
}

/* @chain as FTS5, or NULL when none of its phrases is kept. */
static char *
write_chain (const Writer *writer,
             Chain        *chain)
{
  g_autoptr(GPtrArray) kept = kept_phrases (writer, chain);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean near = kept->len > 1 && !writer->flat;

  if (kept->len == 0)
    return NULL;

  if (kept->len > 1)
    g_string_append (out, near ? "NEAR(" : "(");
  for (guint i = 0; i < kept->len; i++)
    {
      if (i > 0)
        g_string_append (out, writer->flat ? " AND " : " ");
      write_phrase (writer, out, g_ptr_array_index (kept, i));
    }
  if (near)
    g_string_append_printf (out, ", %d", chain->distance);
  if (kept->len > 1)
    g_string_append_c (out, ')');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* @chains joined by OR, or NULL when none is kept. */
static char *
write_any (const Writer *writer,
           GPtrArray    *chains)
{
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  for (guint i = 0; i < chains->len; i++)
    {
      char *chain = write_chain (writer, g_ptr_array_index (chains, i));

      if (chain != NULL)
        g_ptr_array_add (written, chain);
    }

  if (written->len == 0)
    return NULL;
  if (written->len == 1)
    return g_strdup (g_ptr_array_index (written, 0));

  g_ptr_array_add (written, NULL);
  joined = g_strjoinv (" OR ", (char **) written->pdata);
  return g_strconcat ("(", joined, ")", NULL);
}

/* All clauses joined by AND, or NULL when none has a kept phrase. */
static char *
write_clauses (DossierSearchQuery *self,
               const Writer       *writer)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->clauses->len; i++)
    {
      g_autofree char *clause = write_any (writer, g_ptr_array_index (self->clauses, i));

      if (clause != NULL)
        g_string_append_printf (out, "%s%s", out->len > 0 ? " AND " : "", clause);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/**
 * dossier_search_query_dup_match:
 * @keep: (nullable): which terms to keep; %NULL keeps all
 *
 * Returns: (nullable): the FTS5 MATCH expression for the articles, exclusions included;
 *   %NULL when the query has no term to look for.
 */
char *
dossier_search_query_dup_match (DossierSearchQuery      *self,
                                DossierSearchTermFilter  keep,
                                gpointer                 user_data)
{
  Writer writer = { keep, user_data, FALSE, FALSE };
  g_autofree char *positive = NULL;
  g_autofree char *negative = NULL;

  g_return_val_if_fail (DOSSIER_IS_SEARCH_QUERY (self), NULL);

  positive = write_clauses (self, &writer);
  if (positive == NULL)
    return NULL;

  negative = dossier_search_query_dup_exclusion (self, keep, user_data);
  if (negative == NULL)
    return g_steal_pointer (&positive);

  return g_strdup_printf ("(%s) NOT %s", positive, negative);
}

/**
 * dossier_search_query_dup_exclusion:
 *
 * Returns: (nullable): an FTS5 expression matching what the query excludes, for a query
 *   made only of exclusions and filters; %NULL when it excludes nothing.
 */
char *
dossier_search_query_dup_exclusion (DossierSearchQuery      *self,
                                    DossierSearchTermFilter  keep,
                                    gpointer                 user_data)
{
  Writer writer = { keep, user_data, FALSE, FALSE };

  g_return_val_if_fail (DOSSIER_IS_SEARCH_QUERY (self), NULL);

  return write_any (&writer, self->exclusions);
}

/**
 * dossier_search_query_dup_name_match:
 *
 * Returns: (nullable): an FTS5 expression for entity names: the query's terms, each
 *   matching the start of a word, so a name is offered while it is being typed.
 */
char *
dossier_search_query_dup_name_match (DossierSearchQuery      *self,
                                     DossierSearchTermFilter  keep,
                                     gpointer                 user_data)
{
  Writer writer = { keep, user_data, TRUE, TRUE };

  g_return_val_if_fail (DOSSIER_IS_SEARCH_QUERY (self), NULL);

  return write_clauses (self, &writer);
}

/* Whether @clause has @text alone in one of its chains, any case. */
static gboolean
clause_has_word (GPtrArray  *clause,
                 const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; i < clause->len; i++)
    {
      Chain *chain = g_ptr_array_index (clause, i);
      Phrase *phrase = g_ptr_array_index (chain->phrases, 0);
      g_autofree char *other = g_utf8_casefold (phrase->text, -1);

      if (chain->phrases->len == 1 && !phrase->prefix && g_str_equal (folded, other))
        return TRUE;
    }

  return FALSE;
}

/**
 * dossier_search_query_add_spellings:
 * @spellings: gives the other spellings of a term
 *
 * Lets each term that stands alone (not a word's start, not in NEAR) match its other
 * spellings too, as alternatives of its own: "Shoygu" finds "Shoigu" and "Sergei Shoigu"
 * when an entity has all three names. Once: calling it again does nothing.
 */
void
dossier_search_query_add_spellings (DossierSearchQuery         *self,
                                    DossierSearchSpellingsFunc  spellings,
                                    gpointer                    user_data)
{
  g_return_if_fail (DOSSIER_IS_SEARCH_QUERY (self));
  g_return_if_fail (spellings != NULL);

  if (self->spelled)
    return;
  self->spelled = TRUE;

  for (guint c = 0; c < self->clauses->len; c++)
    {
      GPtrArray *clause = g_ptr_array_index (self->clauses, c);
      guint n_typed = clause->len;

      for (guint i = 0; i < n_typed; i++)
        {
          Chain *chain = g_ptr_array_index (clause, i);
          Phrase *phrase = g_ptr_array_index (chain->phrases, 0);
          g_autoptr(GPtrArray) others = NULL;

          if (chain->phrases->len != 1 || phrase->prefix
              || (others = spellings (phrase->text, user_data)) == NULL)
            continue;
          for (guint k = 0; k < others->len; k++)
            if (!clause_has_word (clause, g_ptr_array_index (others, k)))
              g_ptr_array_add (clause, chain_new (g_strdup (g_ptr_array_index (others, k)),
                                                  FALSE));
        }
    }
}

/* Names given with entity:, each of which must be mentioned. */
GPtrArray *
dossier_search_query_get_entities (DossierSearchQuery *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_QUERY (self), NULL);

  return self->entities;
}

/* Names given with outlet:, any of which may be the article's outlet. */
GPtrArray *
dossier_search_query_get_outlets (DossierSearchQuery *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_QUERY (self), NULL);

  return self->outlets;
}

/* The after: date, or NULL */
const DossierDate *
dossier_search_query_get_after (DossierSearchQuery *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_QUERY (self), NULL);

  return self->after.precision != DOSSIER_PRECISION_NONE ? &self->after : NULL;
}

/* The before: date, or NULL */
const DossierDate *
dossier_search_query_get_before (DossierSearchQuery *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_QUERY (self), NULL);

  return self->before.precision != DOSSIER_PRECISION_NONE ? &self->before : NULL;
}
