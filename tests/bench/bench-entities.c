/* bench-entities.c: how fast the entity matcher reads a large library
 *
 * Usage: bench-entities [N_ARTICLES [N_ENTITIES [WORDS_PER_ARTICLE]]]
 *
 * Not a test: it generates, from a fixed seed, a catalogue of 5,000 entities (people with
 * titled and surname-only aliases, organisations with acronyms, places) and 10,000 articles
 * of about 700 words in which those names are mixed into ordinary prose, then times the
 * matcher over every article. The goal is under 10 s in all on a two-core machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier-entity-matcher.h"

#define SEED 20231124

static const char * const syllables[] = {
  "ka", "lo", "mi", "ra", "sen", "tu", "vo", "an", "bel", "cor", "dan", "el", "fa", "gor",
  "hin", "is", "jo", "kel", "lin", "mor", "na", "os", "pa", "qui", "ros", "sa", "tan", "ul",
  "ver", "wyn", "xe", "yor", "zan", "ber", "chi", "dor", "ev", "fin", "gal", "hu",
};

static const char * const org_words[] = {
  "Institute", "Council", "Agency", "Front", "Party", "Group", "Company", "Ministry",
  "Army", "Union", "Bank", "Foundation",
};

static const char * const titles[] = { "Gen.", "President", "Minister", "Dr.", "Senator" };

/* A word of two to four syllables; lowercase. */
static char *
make_word (GRand *rand)
{
  GString *word = g_string_new (NULL);
  int n = g_rand_int_range (rand, 2, 5);

  for (int i = 0; i < n; i++)
    g_string_append (word, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);

  return g_string_free (word, FALSE);
}

static char *
make_name (GRand *rand)
{
  g_autofree char *word = make_word (rand);

  word[0] = g_ascii_toupper (word[0]);
  return g_steal_pointer (&word);
}

static DossierEntity *
make_person (GRand *rand)
{
  g_autofree char *first = make_name (rand);
  g_autofree char *last = make_name (rand);
  g_autofree char *full = g_strdup_printf ("%s %s", first, last);
  g_autofree char *titled = g_strdup_printf ("%s %s",
    titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))], full);
  DossierEntity *entity = dossier_entity_new (full, DOSSIER_ENTITY_PERSON);

  dossier_entity_add_alias (entity, last);
  dossier_entity_add_alias (entity, titled);
  return entity;
}

static DossierEntity *
make_organization (GRand *rand)
{
  g_autofree char *a = make_name (rand);
  g_autofree char *b = make_name (rand);
  const char *kind = org_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (org_words))];
  g_autofree char *full = g_strdup_printf ("%s %s %s", a, b, kind);
  char acronym[4] = { a[0], b[0], kind[0], '\0' };
  DossierEntity *entity = dossier_entity_new (full, DOSSIER_ENTITY_ORGANIZATION);

  dossier_entity_add_alias (entity, acronym);
  return entity;
}

static GPtrArray *
make_catalogue (GRand *rand,
                guint  n_entities)
{
  GPtrArray *entities = g_ptr_array_new_with_free_func (g_object_unref);

  while (entities->len < n_entities)
    {
      switch (entities->len % 3)
        {
        case 0:
          g_ptr_array_add (entities, make_person (rand));
          break;
        case 1:
          g_ptr_array_add (entities, make_organization (rand));
          break;
        default:
          {
            g_autofree char *name = make_name (rand);

            g_ptr_array_add (entities, dossier_entity_new (name, DOSSIER_ENTITY_PLACE));
          }
        }
    }

  return entities;
}

/* One way the articles may name @entity: its name or one of its aliases. */
static const char *
pick_spelling (GRand         *rand,
               DossierEntity *entity)
{
  const char * const *aliases = dossier_entity_get_aliases (entity);
  guint n = g_strv_length ((char **) aliases);
  guint pick = g_rand_int_range (rand, 0, n + 1);

  return pick == n ? dossier_entity_get_name (entity) : aliases[pick];
}

static void
append_word (GString   *text,
             GRand     *rand,
             GPtrArray *vocabulary,
             gboolean   sentence_start)
{
  const char *word = g_ptr_array_index (vocabulary, g_rand_int_range (rand, 0, vocabulary->len));

  if (sentence_start)
    {
      g_string_append_c (text, g_ascii_toupper (word[0]));
      g_string_append (text, word + 1);
    }
  else
    g_string_append (text, word);
}

/* About 1 word in 20 names an entity; sentences of 8 to 24 words, paragraphs of 4. */
static char *
make_article (GRand     *rand,
              GPtrArray *vocabulary,
              GPtrArray *entities,
              guint      n_words)
{
  GString *text = g_string_sized_new (n_words * 7);
  guint sentence_left = 0, sentences = 0;

  for (guint i = 0; i < n_words; i++)
    {
      if (sentence_left == 0)
        {
          if (i > 0)
            g_string_append (text, ++sentences % 4 == 0 ? ".\n\n" : ". ");
          sentence_left = g_rand_int_range (rand, 8, 25);
        }
      else
        g_string_append (text, g_rand_int_range (rand, 0, 12) == 0 ? ", " : " ");

      if (g_rand_int_range (rand, 0, 20) == 0)
        g_string_append (text, pick_spelling (rand, g_ptr_array_index (entities,
          g_rand_int_range (rand, 0, entities->len))));
      else
        append_word (text, rand, vocabulary, sentence_left == 0 || text->len == 0);
      sentence_left--;
    }

  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

static GPtrArray *
make_articles (GRand     *rand,
               GPtrArray *entities,
               guint      n_articles,
               guint      n_words)
{
  g_autoptr(GPtrArray) vocabulary = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 3000; i++)
    g_ptr_array_add (vocabulary, make_word (rand));
  for (guint i = 0; i < n_articles; i++)
    g_ptr_array_add (articles, make_article (rand, vocabulary, entities, n_words));

  return articles;
}

int
main (int   argc,
      char *argv[])
{
  guint n_articles = argc > 1 ? atoi (argv[1]) : 10000;
  guint n_entities = argc > 2 ? atoi (argv[2]) : 5000;
  guint n_words = argc > 3 ? atoi (argv[3]) : 700;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GPtrArray) entities = make_catalogue (rand, n_entities);
  g_autoptr(GPtrArray) articles = make_articles (rand, entities, n_articles, n_words);
  g_autoptr(DossierEntityMatcher) matcher = NULL;
  gint64 started, compiled, finished;
  guint64 n_matches = 0, n_bytes = 0;
  double seconds;

  started = g_get_monotonic_time ();
  matcher = dossier_entity_matcher_new (entities);
  compiled = g_get_monotonic_time ();
  for (guint i = 0; i < articles->len; i++)
    {
      g_autoptr(GArray) matches = dossier_entity_matcher_find (matcher,
                                                               g_ptr_array_index (articles, i),
                                                               -1);
      n_matches += matches->len;
    }
  finished = g_get_monotonic_time ();
  for (guint i = 0; i < articles->len; i++)
    n_bytes += strlen (g_ptr_array_index (articles, i));

  seconds = (finished - started) / (double) G_USEC_PER_SEC;
  printf ("catalogue: %u entities, %u aliases, compiled in %.3f s\n",
          dossier_entity_matcher_get_n_entities (matcher),
          dossier_entity_matcher_get_n_aliases (matcher),
          (compiled - started) / (double) G_USEC_PER_SEC);
  printf ("articles: %u of %u words (%.1f MB), %" G_GUINT64_FORMAT " matches\n", n_articles,
          n_words, n_bytes / 1e6, n_matches);
  printf ("matching: %.0f articles per second, %.3f s in all\n",
          n_articles / ((finished - compiled) / (double) G_USEC_PER_SEC), seconds);
  return 0;
}
