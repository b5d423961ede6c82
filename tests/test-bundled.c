/* test-bundled.c: the bundled dossier as built: its five articles, all their text, no debris
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-article-store.h"
#include "dossier-test-util.h"

typedef struct
{
  const char *id;
  const char *seed;
  const char *title;
  const char *outlet;
  const char *published;
  DossierPrecision precision;
} Expected;

static const Expected expected[] = {
  { "rfa-2023-nucc-condemns-russia", "000_664df0f13ebc9dc7.txt",
    "Opposition group denounces Russia’s assistance to Myanmar’s junta",
    "Radio Free Asia", "2023-06", DOSSIER_PRECISION_MONTH },
  { "dvb-2022-junta-sides-with-russia-on-ukraine", "001_7922b4f0737a2085.txt",
    "Burma’s Junta Quick to Side with Ally Russia on Ukraine",
    "DVB (Democratic Voice of Burma)", "2022-02", DOSSIER_PRECISION_MONTH },
  { "owp-2021-russia-commits-military-ties-junta", "002_844e034f68cee718.txt",
    "Russia Commits To Military Ties And Cooperation With Myanmar Junta Leader At Moscow Visit",
    "The Organization for World Peace", "2021", DOSSIER_PRECISION_YEAR },
  { "polygraph-2022-moscow-fuels-myanmar-war-machine", "003_2627f79b2ee19f95.txt",
    "Moscow Fuels Myanmar War Machine, Then Claims to Bring Peace",
    "Polygraph.info (Voice of America)", "2022-08", DOSSIER_PRECISION_MONTH },
  { "unknown-2022-junta-chief-visit-fortifies-russia-ties", "004_b1905f8d3f03f93f.txt",
    "Myanmar junta chief’s visit fortifies relations with Russia",
    "Unidentified news website", "2022-09", DOSSIER_PRECISION_MONTH },
};

/* Web-page furniture that must not survive into the dossier. */
static const char *debris[] = {
  "ENG_BUR_RussiaJunta_06152023.2.jpg",
  "Saturday, April 20, 2024",
  "HomeBreaking",
  "RELATED ARTICLES",
  "Feel the passion for press freedom ignite within you.",
  "Join us as a valued contributor to our vibrant community",
  "Lost Password?",
  "Contact",
  "The Impending Coup In Brazil",
  "International reports and accounts from former presidents",
  "Read More »",
  "Accessibility links",
  "Breaking News",
  "please wait",
  "No media source currently available",
  "0:00 0:02:00 0:00",
  "XS", "SM", "MD", "LG",
  "You are here",
  "Home > News >",
  "Leave a Reply",
  "This site uses Akismet to reduce spam.",
};

/* Seed lines kept as structured data rather than as text. */
static const char *structured[] = {
  "Video producer Nik Yarst",                 /* a credit */
  "Spokeswoman, Russian Foreign Ministry",    /* the claim's attribution */
  NULL,                                       /* g_strv_contains() reads up to it */
};

static DossierDatabase *
open_bundled (void)
{
  g_autoptr(GError) error = NULL;
  DossierDatabase *db = dossier_database_open (g_getenv ("DOSSIER_BUNDLED_DATABASE"),
                                               DOSSIER_DATABASE_READ_ONLY, &error);

  g_assert_no_error (error);
  return db;
}

static DossierArticle *
load (DossierDatabase *db,
      const char      *id)
{
  g_autoptr(GError) error = NULL;
  DossierArticle *article = dossier_article_store_load (db, id, &error);

  g_assert_no_error (error);
  return article;
}

static void
test_metadata (void)
{
  g_autoptr(DossierDatabase) db = open_bundled ();
  g_autoptr(GPtrArray) articles = dossier_article_store_list (db, NULL);

  g_assert_nonnull (articles);
  g_assert_cmpuint (articles->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(DossierArticle) article = load (db, expected[i].id);
      const DossierDate *published = dossier_article_get_published (article);
      g_autofree char *iso = dossier_date_to_iso (published);

      g_assert_cmpstr (dossier_article_get_title (article), ==, expected[i].title);
      g_assert_cmpstr (dossier_article_get_outlet (article), ==, expected[i].outlet);
      g_assert_cmpstr (iso, ==, expected[i].published);
      g_assert_cmpint (published->precision, ==, expected[i].precision);
      g_assert_nonnull (dossier_article_get_published_note (article));
      g_assert_cmpuint (dossier_article_get_blocks (article)->len, >, 5);
    }
}

static gboolean
is_debris (const char *line)
{
  for (guint i = 0; i < G_N_ELEMENTS (debris); i++)
    if (g_str_has_prefix (line, debris[i]))
      return TRUE;

  return FALSE;
}

static char *
haystack_of (DossierArticle *article)
{
  GPtrArray *blocks = dossier_article_get_blocks (article);
  GString *all = g_string_new (dossier_article_get_title (article));

  g_string_append_printf (all, "\n%s\n%s", dossier_article_get_subtitle (article) ?: "",
                          dossier_article_get_text (article));
  for (guint i = 0; i < blocks->len; i++)
    if (dossier_block_get_attribution (g_ptr_array_index (blocks, i)))
      g_string_append_printf (all, "\n%s",
                              dossier_block_get_attribution (g_ptr_array_index (blocks, i)));

  return g_string_free (all, FALSE);
}

/* Every line of the page that is not debris is in the dossier, unchanged. */
static void
test_every_sentence_kept (void)
{
  g_autoptr(DossierDatabase) db = open_bundled ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(DossierArticle) article = load (db, expected[i].id);
      g_autofree char *path = g_build_filename (g_getenv ("DOSSIER_SEEDS_DIR"),
                                                expected[i].seed, NULL);
      g_autofree char *seed = dossier_test_read_file (path);
      g_autofree char *haystack = haystack_of (article);
      g_auto(GStrv) lines = g_strsplit (seed, "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        {
          char *line = g_strstrip (lines[j]);

          /* Web pages leave no-break spaces at the ends of paragraphs. */
          while (g_str_has_suffix (line, "\u00a0"))
            line[strlen (line) - 2] = '\0';

          if (*line == '\0' || is_debris (line)
              || g_strv_contains (structured, line))
            continue;
          if (strstr (haystack, line) == NULL)
            g_error ("%s: line %u is missing: %s", expected[i].seed, j + 1, line);
        }
    }
}

static void
test_no_debris (void)
{
  g_autoptr(DossierDatabase) db = open_bundled ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(DossierArticle) article = load (db, expected[i].id);
      GPtrArray *blocks = dossier_article_get_blocks (article);

      for (guint j = 0; j < blocks->len; j++)
        {
          const char *text = dossier_block_get_text (g_ptr_array_index (blocks, j));

          for (guint k = 0; k < G_N_ELEMENTS (debris); k++)
            {
              /* Short furniture ("XS", "Contact") may be a part of real words. */
              if (strlen (debris[k]) > 12)
                g_assert_null (strstr (text, debris[k]));
              else
                g_assert_cmpstr (text, !=, debris[k]);
            }
        }
    }
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p++)
    n++;
  return n;
}

/* The Polygraph page repeats each caption; the dossier has each once, as a caption. */
static void
test_captions_once (void)
{
  g_autoptr(DossierDatabase) db = open_bundled ();
  g_autoptr(DossierArticle) article = load (db, expected[3].id);
  GPtrArray *blocks = dossier_article_get_blocks (article);
  guint captions = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      DossierBlock *block = g_ptr_array_index (blocks, i);

      if (dossier_block_get_kind (block) != DOSSIER_BLOCK_CAPTION)
        continue;
      captions++;
      g_assert_cmpuint (count_occurrences (dossier_article_get_text (article),
                                           dossier_block_get_text (block)), ==, 1);
    }
  g_assert_cmpuint (captions, ==, 3);
}

static void
test_fact_check_structure (void)
{
  g_autoptr(DossierDatabase) db = open_bundled ();
  g_autoptr(DossierArticle) article = load (db, expected[3].id);
  GPtrArray *blocks = dossier_article_get_blocks (article);
  GPtrArray *credits = dossier_article_get_credits (article);
  gboolean has_producer = FALSE;
  DossierBlock *claim = g_ptr_array_index (blocks, 0);
  DossierBlock *verdict = g_ptr_array_index (blocks, 1);

  g_assert_cmpint (dossier_block_get_kind (claim), ==, DOSSIER_BLOCK_QUOTE);
  g_assert_true (g_str_has_prefix (dossier_block_get_attribution (claim), "Maria Zakharova"));
  g_assert_cmpint (dossier_block_get_kind (verdict), ==, DOSSIER_BLOCK_VERDICT);
  g_assert_cmpstr (dossier_block_get_text (verdict), ==, "False");

  for (guint i = 0; i < credits->len; i++)
    {
      const DossierCredit *credit = g_ptr_array_index (credits, i);

      has_producer |= g_str_equal (credit->name, "Nik Yarst");
    }
  g_assert_true (has_producer);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/bundled/metadata", test_metadata);
  g_test_add_func ("/bundled/every-sentence-kept", test_every_sentence_kept);
  g_test_add_func ("/bundled/no-debris", test_no_debris);
  g_test_add_func ("/bundled/captions-once", test_captions_once);
  g_test_add_func ("/bundled/fact-check-structure", test_fact_check_structure);

  return g_test_run ();
}
