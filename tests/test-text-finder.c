/* test-text-finder.c: find in an article, ignoring case and accents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-text-finder.h"

static void
assert_ranges (const char         *text,
               const char * const *needles,
               const guint        *expected,
               guint               n_expected)
{
  g_autoptr(GArray) ranges = dossier_text_find_all (text, needles);

  g_assert_cmpuint (ranges->len, ==, n_expected / 2);
  for (guint i = 0; i < ranges->len; i++)
    {
      g_assert_cmpuint (g_array_index (ranges, DossierTextRange, i).start, ==, expected[2 * i]);
      g_assert_cmpuint (g_array_index (ranges, DossierTextRange, i).length, ==, expected[2 * i + 1]);
    }
}

static void
test_case_and_accents (void)
{
  const char *needles[] = { "sojgu", NULL };
  const guint expected[] = { 4, 5, 21, 5 };

  /* Š and É are one character each: offsets count characters. */
  assert_ranges ("Éh, Šojgu met; then  SOJGU left", needles, expected, G_N_ELEMENTS (expected));
}

static void
test_several_words_in_order_without_overlap (void)
{
  const char *needles[] = { "arms", "arms deliveries", "Russia", "", NULL };
  const guint expected[] = { 0, 6, 11, 15, 28, 4 };

  assert_ranges ("Russia and arms deliveries; arms", needles, expected, G_N_ELEMENTS (expected));
}

static void
test_apostrophes_and_nothing_found (void)
{
  const char *needles[] = { "junta's", NULL };
  const char *absent[] = { "Lavrov", NULL };
  const guint expected[] = { 10, 7 };
  g_autoptr(GArray) none = dossier_text_find_all ("Myanmar’s junta", absent);

  assert_ranges ("Myanmar’s junta’s support", needles, expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-finder/case-and-accents", test_case_and_accents);
  g_test_add_func ("/text-finder/several-words-in-order-without-overlap",
                   test_several_words_in_order_without_overlap);
  g_test_add_func ("/text-finder/apostrophes-and-nothing-found", test_apostrophes_and_nothing_found);

  return g_test_run ();
}
