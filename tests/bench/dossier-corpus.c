/* dossier-corpus.c: a reproducible synthetic dossier, for benchmarks
 *
 * Words are drawn from a 30,000-word vocabulary with a Zipf distribution (exponent 1.05),
 * as in real text: a few function words make up a large part of it, most words are rare.
 * The top of the vocabulary is real English; a few news words sit at fixed ranks so that
 * benchmark queries can ask for a common, a middling or a rare word by name; the rest are
 * made-up pronounceable words. Articles name entities (by name or alias) and contain date
 * expressions. The same seed gives the same corpus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-corpus"

#include <math.h>
#include <string.h>

#include "dossier-corpus.h"

#define ZIPF_EXPONENT 1.05

struct _DossierCorpus
{
  GObject    parent_instance;

  GRand     *rand;
  guint      words_per_article;
  guint      n_articles;
  GPtrArray *vocabulary;      /* char *, by rank */
  double    *cumulative;      /* the Zipf distribution's running sum, by rank */
  GPtrArray *entities;        /* DossierEntity */
  GPtrArray *entity_names;    /* GStrv per entity: name and aliases */
};

G_DEFINE_FINAL_TYPE (DossierCorpus, dossier_corpus, G_TYPE_OBJECT)

static const char *const common_words[] = {
  "the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "it", "with", "as",
  "said", "by", "at", "he", "from", "his", "an", "be", "have", "has", "were", "not", "are",
  "this", "but", "had", "they", "which", "its", "their", "been", "after", "who", "will", "or",
  "would", "more", "also", "one", "two", "new", "government", "people", "than", "about",
  "year", "military", "other", "into", "over", "some", "could", "when", "last", "there",
  "all", "state", "first", "can", "against", "while", "during", "officials", "country",
  "forces", "minister", "told", "between", "security", "president", "news", "since", "three",
  "under", "public", "report", "election", "police", "war", "army", "before", "did", "no",
  "may", "where", "because", "most", "region", "support", "them", "through", "any", "we",
  "foreign", "being", "power", "only", "made", "such", "many", "city", "according", "world",
  "political", "talks", "statement", "week", "month", "international", "law", "rights",
};

/* News words at known ranks (1 is the most frequent), for the benchmark's queries. */
static const struct { const char *word; guint rank; } placed_words[] = {
  { "Russia", 120 }, { "junta", 150 }, { "weapons", 250 }, { "sanctions", 400 },
  { "drone", 700 }, { "embassy", 900 }, { "helicopter", 1500 }, { "pipeline", 2500 },
  { "ceasefire", 4000 }, { "refinery", 9000 }, { "monsoon", 12000 }, { "typhoon", 20000 },
};

static const char *const known_entities[][4] = {
  { "Min Aung Hlaing", "Senior General Min Aung Hlaing", NULL },
  { "Sergei Shoigu", "Shoigu", "Shoygu", NULL },
  { "Vladimir Putin", "Putin", NULL },
  { "Aung San Suu Kyi", "Suu Kyi", NULL },
  { "Sergey Lavrov", "Lavrov", NULL },
  { "Tatmadaw", "Myanmar military", NULL },
  { "National Unity Government", "NUG", NULL },
  { "Rosoboronexport", NULL },
  { "Naypyitaw", "Naypyidaw", NULL },
  { "United Nations", "UN", NULL },
};

static const char *const outlets[] = {
  "Radio Free Asia", "The Irrawaddy", "Frontier Myanmar", "Reuters", "TASS", "Myanmar Now",
  "The Moscow Times", "Nikkei Asia", "Al Jazeera", "BBC News", "Mizzima", "RIA Novosti",
};

static const char *const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

static void
dossier_corpus_finalize (GObject *object)
{
  DossierCorpus *self = (DossierCorpus *) object;

  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_pointer (&self->vocabulary, g_ptr_array_unref);
  g_clear_pointer (&self->cumulative, g_free);
  g_clear_pointer (&self->entities, g_ptr_array_unref);
  g_clear_pointer (&self->entity_names, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_corpus_parent_class)->finalize (object);
}

static void
dossier_corpus_class_init (DossierCorpusClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_corpus_finalize;
}

static void
dossier_corpus_init (DossierCorpus *self)
{
  self->vocabulary = g_ptr_array_new_with_free_func (g_free);
  self->entities = g_ptr_array_new_with_free_func (g_object_unref);
  self->entity_names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* A pronounceable made-up word of two to four syllables. */
static char *
invent_word (GRand *rand)
{
  static const char consonants[] = "bcdfghklmnprstvwyz";
  static const char *const vowels[] = { "a", "e", "i", "o", "u", "ai", "ou", "ea" };
  GString *word = g_string_new (NULL);
  int n_syllables = g_rand_int_range (rand, 2, 5);

  for (int i = 0; i < n_syllables; i++)
    {
      g_string_append_c (word, consonants[g_rand_int_range (rand, 0, sizeof consonants - 1)]);
      g_string_append (word, vowels[g_rand_int_range (rand, 0, G_N_ELEMENTS (vowels))]);
    }
  if (g_rand_boolean (rand))
    g_string_append_c (word, consonants[g_rand_int_range (rand, 0, sizeof consonants - 1)]);

  return g_string_free (word, FALSE);
}

static void
build_vocabulary (DossierCorpus *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (common_words); i++)
    g_hash_table_add (seen, (gpointer) common_words[i]);
  for (guint i = 0; i < G_N_ELEMENTS (placed_words); i++)
    g_hash_table_add (seen, (gpointer) placed_words[i].word);

  for (guint i = 0; i < G_N_ELEMENTS (common_words); i++)
    g_ptr_array_add (self->vocabulary, g_strdup (common_words[i]));

  while (self->vocabulary->len < DOSSIER_CORPUS_VOCABULARY_SIZE)
    {
      char *word = invent_word (self->rand);

      if (g_hash_table_contains (seen, word))
        {
          g_free (word);
          continue;
        }
      g_hash_table_add (seen, word);
      g_ptr_array_add (self->vocabulary, word);
    }

  for (guint i = 0; i < G_N_ELEMENTS (placed_words); i++)
    {
      g_free (self->vocabulary->pdata[placed_words[i].rank - 1]);
      self->vocabulary->pdata[placed_words[i].rank - 1] = g_strdup (placed_words[i].word);
    }
}

static void
build_distribution (DossierCorpus *self)
{
  double sum = 0;

  self->cumulative = g_new (double, DOSSIER_CORPUS_VOCABULARY_SIZE);
  for (guint i = 0; i < DOSSIER_CORPUS_VOCABULARY_SIZE; i++)
    {
      sum += 1.0 / pow (i + 1, ZIPF_EXPONENT);
      self->cumulative[i] = sum;
    }
  for (guint i = 0; i < DOSSIER_CORPUS_VOCABULARY_SIZE; i++)
    self->cumulative[i] /= sum;
}

static char *
capitalized (const char *word)
{
  char *copy = g_strdup (word);

  copy[0] = g_ascii_toupper (copy[0]);
  return copy;
}

static void
add_entity (DossierCorpus      *self,
            const char *const  *names)
{
  DossierEntity *entity = dossier_entity_new (names[0], DOSSIER_ENTITY_PERSON);

  for (guint i = 1; names[i] != NULL; i++)
    dossier_entity_add_alias (entity, names[i]);

  g_ptr_array_add (self->entities, entity);
  g_ptr_array_add (self->entity_names, g_strdupv ((char **) names));
}

/* The known entities, then 190 made-up people. */
static void
build_entities (DossierCorpus *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_entities); i++)
    add_entity (self, known_entities[i]);

  for (guint i = 0; i < 190; i++)
    {
      g_autofree char *first = invent_word (self->rand);
      g_autofree char *last = invent_word (self->rand);
      g_autofree char *given = capitalized (first);
      g_autofree char *family = capitalized (last);
      g_autofree char *name = g_strdup_printf ("%s %s", given, family);
      const char *names[] = { name, family, NULL };

      add_entity (self, names);
    }
}

/**
 * dossier_corpus_new:
 * @seed: the same seed gives the same corpus
 * @words_per_article: about how long each article is
 */
DossierCorpus *
dossier_corpus_new (guint32 seed,
                    guint   words_per_article)
{
  DossierCorpus *self = g_object_new (DOSSIER_TYPE_CORPUS, NULL);

  self->rand = g_rand_new_with_seed (seed);
  self->words_per_article = MAX (words_per_article, 20);
  build_vocabulary (self);
  build_distribution (self);
  build_entities (self);
  return self;
}

GPtrArray *
dossier_corpus_get_entities (DossierCorpus *self)
{
  g_return_val_if_fail (DOSSIER_IS_CORPUS (self), NULL);

  return self->entities;
}

/* The word of @rank, 1 being the most frequent. */
const char *
dossier_corpus_get_word (DossierCorpus *self,
                         guint          rank)
{
  g_return_val_if_fail (DOSSIER_IS_CORPUS (self), NULL);
  g_return_val_if_fail (rank >= 1 && rank <= self->vocabulary->len, NULL);

  return g_ptr_array_index (self->vocabulary, rank - 1);
}

/* A Zipf-distributed rank, counted from 0. */
static guint
draw_rank (DossierCorpus *self)
{
  double u = g_rand_double (self->rand);
  guint low = 0, high = DOSSIER_CORPUS_VOCABULARY_SIZE - 1;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (self->cumulative[middle] < u)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static const char *
draw_word (DossierCorpus *self)
{
  return g_ptr_array_index (self->vocabulary, draw_rank (self));
}

/* Entities too follow a skewed distribution: a few are named everywhere. */
static guint
draw_entity (DossierCorpus *self)
{
  double u = g_rand_double (self->rand);

  return MIN ((guint) (self->entities->len * u * u * u), self->entities->len - 1);
}

static void
append_date_expression (DossierCorpus *self,
                        GString       *text)
{
  int year = g_rand_int_range (self->rand, 2015, 2025);
  int month = g_rand_int_range (self->rand, 0, 12);

  switch (g_rand_int_range (self->rand, 0, 4))
    {
    case 0:
      g_string_append_printf (text, " on %d %s %d", g_rand_int_range (self->rand, 1, 29),
                              months[month], year);
      break;
    case 1:
      g_string_append_printf (text, " in %s %d", months[month], year);
      break;
    case 2:
      g_string_append_printf (text, " on %d-%02d-%02d", year, month + 1,
                              g_rand_int_range (self->rand, 1, 29));
      break;
    default:
      g_string_append_printf (text, " in %d", year);
    }
}

/* Names entity @index by its name or an alias, and records where. */
static void
append_mention (DossierCorpus *self,
                GString       *text,
                guint          text_chars,
                guint          index,
                GArray        *mentions)
{
  char **names = g_ptr_array_index (self->entity_names, index);
  const char *name = names[g_rand_int_range (self->rand, 0, g_strv_length (names))];
  DossierCorpusMention mention;

  g_string_append_c (text, ' ');
  mention.entity = index;
  mention.start = text_chars + g_utf8_strlen (text->str, -1);
  mention.length = g_utf8_strlen (name, -1);
  g_string_append (text, name);
  if (mentions != NULL)
    g_array_append_val (mentions, mention);
}

/* One sentence; returns how many words it added. */
static guint
append_sentence (DossierCorpus *self,
                 GString       *text,
                 guint          text_chars,
                 const guint   *cast,
                 GArray        *mentions)
{
  guint n_words = g_rand_int_range (self->rand, 8, 25);

  for (guint i = 0; i < n_words; i++)
    {
      g_autofree char *word = i == 0 ? capitalized (draw_word (self)) : NULL;

      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, word ? word : draw_word (self));
      if (i == n_words / 2 && g_rand_int_range (self->rand, 0, 3) == 0)
        append_mention (self, text, text_chars, cast[g_rand_int_range (self->rand, 0, 3)],
                        mentions);
    }
  if (g_rand_int_range (self->rand, 0, 5) == 0)
    append_date_expression (self, text);
  g_string_append (text, ". ");
  return n_words;
}

static char *
make_title (DossierCorpus *self,
            const guint   *cast)
{
  GString *title = g_string_new (NULL);
  guint n_words = g_rand_int_range (self->rand, 5, 10);

  for (guint i = 0; i < n_words; i++)
    {
      const char *word = draw_word (self);

      if (i == 0)
        {
          g_autofree char *first = capitalized (word);

          g_string_append (title, first);
        }
      else
        g_string_append_printf (title, " %s", word);
    }
  if (g_rand_int_range (self->rand, 0, 3) == 0)
    {
      char **names = g_ptr_array_index (self->entity_names, cast[0]);

      g_string_append_printf (title, ": %s", names[0]);
    }

  return g_string_free (title, FALSE);
}

static GPtrArray *
make_blocks (DossierCorpus *self,
             const guint   *cast,
             GArray        *mentions)
{
  GPtrArray *blocks = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_words = 0, text_chars = 0;

  while (n_words < self->words_per_article)
    {
      g_autoptr(GString) paragraph = g_string_new (NULL);
      guint n_sentences = g_rand_int_range (self->rand, 3, 7);

      for (guint i = 0; i < n_sentences; i++)
        n_words += append_sentence (self, paragraph, text_chars, cast, mentions);

      g_strchomp (paragraph->str);
      g_ptr_array_add (blocks, dossier_block_new (DOSSIER_BLOCK_PARAGRAPH, paragraph->str, NULL));
      text_chars += g_utf8_strlen (paragraph->str, -1) + DOSSIER_BLOCK_SEPARATOR_LENGTH;
    }

  return blocks;
}

/* Mostly to the day; some only to the month or the year, as in the real dossier. */
static void
draw_published (DossierCorpus *self,
                DossierDate   *published)
{
  int year = g_rand_int_range (self->rand, 2015, 2025);
  int month = g_rand_int_range (self->rand, 1, 13);
  int day = g_rand_int_range (self->rand, 1, 29);
  int precision = g_rand_int_range (self->rand, 0, 20);

  dossier_date_set (published, year, precision > 0 ? month : 0, precision > 2 ? day : 0);
}

/**
 * dossier_corpus_next_article:
 * @mentions: (nullable) (element-type DossierCorpusMention): where to add its mentions
 *
 * Returns: (transfer full): the next article, with id "gen-000001" and so on
 */
DossierArticle *
dossier_corpus_next_article (DossierCorpus *self,
                             GArray        *mentions)
{
  DossierArticle *article = dossier_article_new ();
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  guint cast[3];
  DossierDate published = { 0 };

  g_return_val_if_fail (DOSSIER_IS_CORPUS (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cast); i++)
    cast[i] = draw_entity (self);

  id = g_strdup_printf ("gen-%06u", ++self->n_articles);
  title = make_title (self, cast);
  blocks = make_blocks (self, cast, mentions);
  draw_published (self, &published);

  dossier_article_set_id (article, id);
  dossier_article_set_title (article, title);
  dossier_article_set_outlet (article, outlets[g_rand_int_range (self->rand, 0,
                                                                 G_N_ELEMENTS (outlets))]);
  dossier_article_set_published (article, &published);
  dossier_article_set_language (article, "en");
  dossier_article_set_blocks (article, blocks);
  return article;
}
