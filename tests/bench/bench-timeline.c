/* bench-timeline.c: how fast dates are found and resolved in a large library
 *
 * Usage: bench-timeline [N_ARTICLES [WORDS_PER_ARTICLE]]
 *
 * Not a test: it generates, from a fixed seed, 10,000 articles of about 700 words of
 * ordinary prose with numbers that are not dates and every form of date mixed in, then
 * times the extractor (sentences, dates, resolution) over every article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>

#include "dossier-date-extractor.h"

#define SEED 20231124

static const char * const words[] = {
  "the", "council", "said", "river", "officials", "report", "after", "week", "vote", "of",
  "and", "a", "flood", "in", "its", "government", "people", "were", "to", "Minister",
};

static const char * const dates[] = {
  "on Feb. 1, 2021,", "in June of 2018", "since 2014", "the 2019 election", "On August 3,",
  "the June 10 statement", "(March 27)", "in late January of this year", "last year",
  "in June last year", "later this month", "on Monday", "from 1999 to 2018",
  "12 September 2019", "2020-07-04", "the previous day", "next year", "in early March",
};

static const char * const non_dates[] = {
  "2,158 people", "39% of them", "US$2.3 billion", "23mm guns", "19 companies", "Su-30 jets",
  "COVID-19 wards", "Sr. Gen. Tun", "the U.S. envoy",
};

static char *
make_article (GRand *rand,
              int    n_words)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < n_words; i++)
    {
      int roll = g_rand_int_range (rand, 0, 100);

      if (roll < 3)
        g_string_append (text, dates[g_rand_int_range (rand, 0, G_N_ELEMENTS (dates))]);
      else if (roll < 5)
        g_string_append (text, non_dates[g_rand_int_range (rand, 0, G_N_ELEMENTS (non_dates))]);
      else
        g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (text, roll > 90 ? ". " : roll == 90 ? ".\n\n" : " ");
    }

  return g_string_free (text, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  int n_articles = argc > 1 ? atoi (argv[1]) : 10000;
  int n_words = argc > 2 ? atoi (argv[2]) : 700;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_free);
  DossierDate published;
  gint64 start, n_found = 0;
  double seconds;

  dossier_date_parse ("2022-08", &published);
  for (int i = 0; i < n_articles; i++)
    g_ptr_array_add (articles, make_article (rand, n_words));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < articles->len; i++)
    {
      g_autoptr(GPtrArray) found = dossier_date_extract (g_ptr_array_index (articles, i),
                                                         &published);

      n_found += found->len;
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;

  printf ("%d articles of %d words: %" G_GINT64_FORMAT " dates in %.2f s, %.0f articles/s\n",
          n_articles, n_words, n_found, seconds, n_articles / seconds);
  return 0;
}
