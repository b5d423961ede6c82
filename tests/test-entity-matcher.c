/* test-entity-matcher.c: finding a catalogue's entities in any text
 *
 * Small catalogues of our own, unrelated to the bundled dossier, one rule at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "dossier-entity-matcher.h"
#include "dossier-test-util.h"

/* A catalogue from "Name|alias|alias" lines; NULL-terminated. */
static DossierEntityMatcher *
make_matcher (const char * const *lines)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) names = g_strsplit (lines[i], "|", -1);
      DossierEntity *entity = dossier_entity_new (names[0], DOSSIER_ENTITY_OTHER);

      for (guint j = 1; names[j] != NULL; j++)
        dossier_entity_add_alias (entity, names[j]);
      g_ptr_array_add (entities, entity);
    }

  return dossier_entity_matcher_new (entities);
}

/* Each match as "Entity=text as found", the text cut out by its character offsets. */
static char *
describe_matches (DossierEntityMatcher *matcher,
                  const char           *text)
{
  g_autoptr(GArray) matches = dossier_entity_matcher_find (matcher, text, -1);
  g_autoptr(GString) described = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      const DossierEntityMatch *match = &g_array_index (matches, DossierEntityMatch, i);
      const char *from = g_utf8_offset_to_pointer (text, match->start);
      const char *to = g_utf8_offset_to_pointer (from, match->length);

      if (described->len > 0)
        g_string_append (described, "; ");
      g_string_append_printf (described, "%s=%.*s", dossier_entity_get_name (match->entity),
                              (int) (to - from), from);
    }

  return g_string_free (g_steal_pointer (&described), FALSE);
}

static void
assert_finds (const char * const *catalogue,
              const char         *text,
              const char         *expected)
{
  g_autoptr(DossierEntityMatcher) matcher = make_matcher (catalogue);
  g_autofree char *found = describe_matches (matcher, text);

  g_assert_cmpstr (found, ==, expected);
}

static void
test_whole_words (void)
{
  static const char * const catalogue[] = { "Turkey", "Oman", "Rus", NULL };

  assert_finds (catalogue, "Turkish turkeys in Turkey’s Turkeyland", "Turkey=Turkey");
  assert_finds (catalogue, "Romania, Omani ports, Oman.", "Oman=Oman");
  assert_finds (catalogue, "Russia and (Rus) and Rus-era", "Rus=Rus; Rus=Rus");
  assert_finds (catalogue, "Turkey", "Turkey=Turkey");
  assert_finds (catalogue, "", "");
}

static void
test_longest_match (void)
{
  static const char * const catalogue[] = {
    "New York", "New York Times|NYT", "York", "Myanmar", "Myanmar Witness", NULL
  };

  assert_finds (catalogue, "The New York Times reported from New York and York.",
                "New York Times=New York Times; New York=New York; York=York");
  assert_finds (catalogue, "Myanmar Witness said Myanmar’s air force…",
                "Myanmar Witness=Myanmar Witness; Myanmar=Myanmar");
  /* A longer alias that the text does not finish falls back to the longest that fits. */
  assert_finds (catalogue, "Myanmar Witnesses", "Myanmar=Myanmar");
  assert_finds (catalogue, "New York Timeshare", "New York=New York");
}

static void
test_acronyms_keep_their_case (void)
{
  static const char * const catalogue[] = {
    "World Health Organization|WHO", "NATO", "State Administration Council|SAC", NULL
  };

  assert_finds (catalogue, "Who said WHO? who knows. NATO, Nato and nato.",
                "World Health Organization=WHO; NATO=NATO");
  assert_finds (catalogue, "a sac, the SAC’s orders, SACK", "State Administration Council=SAC");
}

static void
test_names_skip_lowercase_prose (void)
{
  static const char * const catalogue[] = { "Apple", "iPhone", "Justice for Myanmar",
                                            "the hague", NULL };

  assert_finds (catalogue, "Apple sells apples; an apple a day; APPLE.",
                "Apple=Apple; Apple=APPLE");
  assert_finds (catalogue, "iphone, IPHONE, iPhone", "iPhone=IPHONE; iPhone=iPhone");
  assert_finds (catalogue, "justice for myanmar is what Justice for Myanmar wants",
                "Justice for Myanmar=Justice for Myanmar");
  /* An alias written all in small letters matches in any case. */
  assert_finds (catalogue, "The Hague, the hague", "the hague=The Hague; the hague=the hague");
}

static void
test_overlapping_aliases (void)
{
  static const char * const catalogue[] = {
    "Aung San", "Aung San Suu Kyi|Suu Kyi", "Gulf of Mexico", "Mexico City", NULL
  };

  assert_finds (catalogue, "Aung San Suu Kyi met Suu Kyi fans at the Aung San stadium",
                "Aung San Suu Kyi=Aung San Suu Kyi; Aung San Suu Kyi=Suu Kyi; "
                "Aung San=Aung San");
  /* Leftmost wins: the matches never overlap. */
  assert_finds (catalogue, "the Gulf of Mexico City", "Gulf of Mexico=Gulf of Mexico");
}

static void
test_shared_alias_goes_to_first_entity (void)
{
  static const char * const catalogue[] = {
    "Georgia (country)|Georgia", "Georgia (U.S. state)|Georgia|Peach State", NULL
  };

  assert_finds (catalogue, "Georgia, the Peach State",
                "Georgia (country)=Georgia; Georgia (U.S. state)=Peach State");
}

static void
test_character_offsets (void)
{
  static const char * const catalogue[] = { "Vladimir Putin|Путин", "Sergei Shoigu|Шойгу",
                                            "Naypyitaw", "Myanmar", NULL };
  const char *text = "🇲🇲 «Путин» — ШОЙГУ, шойгу; Naypyitaw’s Myanmar";
  g_autoptr(DossierEntityMatcher) matcher = make_matcher (catalogue);
  g_autoptr(GArray) matches = dossier_entity_matcher_find (matcher, text, -1);
  g_autofree char *found = describe_matches (matcher, text);
  const DossierEntityMatch *last;

  g_assert_cmpstr (found, ==, "Vladimir Putin=Путин; Sergei Shoigu=ШОЙГУ; Naypyitaw=Naypyitaw; "
                              "Myanmar=Myanmar");
  g_assert_cmpuint (matches->len, ==, 4);
  /* Two flag characters, a space and « come before Путин: 4 characters, 11 bytes. */
  g_assert_cmpuint (g_array_index (matches, DossierEntityMatch, 0).start, ==, 4);
  g_assert_cmpuint (g_array_index (matches, DossierEntityMatch, 0).length, ==, 5);
  last = &g_array_index (matches, DossierEntityMatch, 3);
  g_assert_cmpuint (last->start, ==, g_utf8_pointer_to_offset (text, strstr (text, "Myanmar")));
  g_assert_cmpuint (last->index, ==, 3);
}

static void
test_typographic_variants (void)
{
  static const char * const catalogue[] = { "People's Defense Force|PDF", "Mi-35", NULL };

  assert_finds (catalogue, "the People’s Defense Force and People's Defense Force",
                "People's Defense Force=People’s Defense Force; "
                "People's Defense Force=People's Defense Force");
  assert_finds (catalogue, "a Mi‑35 (no-break hyphen) and a Mi–35",
                "Mi-35=Mi‑35; Mi-35=Mi–35");
}

/* Nothing about Myanmar: football, with a place that is also part of a club's name. */
static void
test_another_topic (void)
{
  static const char * const catalogue[] = {
    "Lionel Messi|Messi|Leo Messi", "Inter Miami CF|Inter Miami", "Orlando City SC|Orlando City",
    "Orlando", "Fort Lauderdale", "Major League Soccer|MLS", "Miami", NULL
  };
  const char *text = "Leo Messi scored twice as Inter Miami beat Orlando City in Fort Lauderdale. "
                     "The MLS side, based near Miami, next travel to Orlando; mls fans cheered "
                     "Messi’s goals.";

  assert_finds (catalogue, text,
                "Lionel Messi=Leo Messi; Inter Miami CF=Inter Miami; "
                "Orlando City SC=Orlando City; Fort Lauderdale=Fort Lauderdale; "
                "Major League Soccer=MLS; Miami=Miami; Orlando=Orlando; Lionel Messi=Messi");
}

/* A large catalogue still finds the one entity a short text names, and only it. */
static void
test_large_catalogue (void)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(DossierEntityMatcher) matcher = NULL;
  g_autoptr(GArray) matches = NULL;

  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person Number %u", i);
      DossierEntity *entity = dossier_entity_new (name, DOSSIER_ENTITY_PERSON);
      g_autofree char *alias = g_strdup_printf ("P%u", i);

      dossier_entity_add_alias (entity, alias);
      g_ptr_array_add (entities, entity);
    }

  matcher = dossier_entity_matcher_new (entities);
  g_assert_cmpuint (dossier_entity_matcher_get_n_entities (matcher), ==, 10000);
  g_assert_cmpuint (dossier_entity_matcher_get_n_aliases (matcher), ==, 20000);

  matches = dossier_entity_matcher_find (matcher, "We met Person Number 4242 and P99, not P", -1);
  g_assert_cmpuint (matches->len, ==, 2);
  g_assert_cmpuint (g_array_index (matches, DossierEntityMatch, 0).index, ==, 4242);
  g_assert_cmpuint (g_array_index (matches, DossierEntityMatch, 1).index, ==, 99);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/entity-matcher/whole-words", test_whole_words);
  g_test_add_func ("/entity-matcher/longest-match", test_longest_match);
  g_test_add_func ("/entity-matcher/acronyms-keep-their-case", test_acronyms_keep_their_case);
  g_test_add_func ("/entity-matcher/names-skip-lowercase-prose",
                   test_names_skip_lowercase_prose);
  g_test_add_func ("/entity-matcher/overlapping-aliases", test_overlapping_aliases);
  g_test_add_func ("/entity-matcher/shared-alias-goes-to-first-entity",
                   test_shared_alias_goes_to_first_entity);
  g_test_add_func ("/entity-matcher/character-offsets", test_character_offsets);
  g_test_add_func ("/entity-matcher/typographic-variants", test_typographic_variants);
  g_test_add_func ("/entity-matcher/another-topic", test_another_topic);
  g_test_add_func ("/entity-matcher/large-catalogue", test_large_catalogue);

  return g_test_run ();
}
