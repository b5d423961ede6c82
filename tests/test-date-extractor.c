/* test-date-extractor.c: date expressions in news text, resolved against publication
 *
 * The sentences are our own, on other topics than the bundled dossier (floods, storms,
 * elections), so no rule is tuned to the five bundled articles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-date-extractor.h"
#include "dossier-sentences.h"

static GPtrArray *
extract (const char *published,
         const char *text)
{
  DossierDate date = { 0 };

  if (published != NULL)
    g_assert_true (dossier_date_parse (published, &date));
  return dossier_date_extract (text, &date);
}

static DossierDateExpression *
find_phrase (GPtrArray  *found,
             const char *phrase)
{
  for (guint i = 0; i < found->len; i++)
    {
      DossierDateExpression *e = g_ptr_array_index (found, i);

      if (g_str_equal (e->phrase, phrase))
        return e;
    }

  for (guint i = 0; i < found->len; i++)
    {
      DossierDateExpression *e = g_ptr_array_index (found, i);

      g_test_message ("found “%s”", e->phrase);
    }
  g_test_message ("no phrase “%s”", phrase);
  g_assert_not_reached ();
}

/* The expression @phrase of @text, published @published, is @iso (a range "A/B"), with
 * @qualifier; its offsets point at @phrase. */
static void
assert_date (const char *published,
             const char *text,
             const char *phrase,
             const char *iso,
             const char *qualifier)
{
  g_autoptr(GPtrArray) found = extract (published, text);
  DossierDateExpression *e = find_phrase (found, phrase);
  g_autofree char *start = dossier_date_to_iso (&e->date);
  g_autofree char *end = dossier_date_to_iso (&e->end);
  g_autofree char *got = *end ? g_strconcat (start, "/", end, NULL) : g_strdup (start);
  g_autofree char *at = g_utf8_substring (text, e->start, e->start + e->length);

  g_test_message ("%s: “%s” → %s", published, phrase, got);
  g_assert_cmpstr (got, ==, iso);
  g_assert_cmpstr (dossier_qualifier_to_string (e->qualifier), ==, qualifier);
  g_assert_cmpstr (at, ==, phrase);
}

static void
assert_no_dates (const char *published,
                 const char *text)
{
  g_autoptr(GPtrArray) found = extract (published, text);

  for (guint i = 0; i < found->len; i++)
    g_test_message ("unexpected “%s” in “%s”",
                    ((DossierDateExpression *) g_ptr_array_index (found, i))->phrase, text);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_full_dates (void)
{
  assert_date ("2019-03-20", "The dam broke on March 14, 2019, flooding three villages.",
               "on March 14, 2019", "2019-03-14", NULL);
  assert_date ("2019", "Rescuers reached the coast Oct. 2, 2018.", "Oct. 2, 2018",
               "2018-10-02", NULL);
  assert_date ("2021", "The vote was held on November 3rd, 2020, under heavy rain.",
               "on November 3rd, 2020", "2020-11-03", NULL);
  assert_date ("2020", "Parliament was dissolved 12 September 2019 by decree.",
               "12 September 2019", "2019-09-12", NULL);
  assert_date ("2020", "The gauge log is dated 2019-07-04 in the archive.", "2019-07-04",
               "2019-07-04", NULL);
  assert_date ("2018", "The storm made landfall on Sept. 30, 2017.", "on Sept. 30, 2017",
               "2017-09-30", NULL);
}

static void
test_month_and_year (void)
{
  assert_date ("2020", "The levee was rebuilt in June of 2018 after the floods.",
               "in June of 2018", "2018-06", NULL);
  assert_date ("2020", "Turnout has fallen since May 2016, officials say.", "since May 2016",
               "2016-05", NULL);
  assert_date ("2020", "A December 2019 report warned of the risk.", "December 2019",
               "2019-12", NULL);
  assert_date ("2020-06", "The river burst its banks in early April 2017.",
               "in early April 2017", "2017-04", "early");
  assert_date ("2022", "By mid-2021 the new dike was finished.", "By mid-2021", "2021", "mid");
}

static void
test_years (void)
{
  assert_date ("2019", "The town has not flooded like this since 1953.", "since 1953",
               "1953", NULL);
  assert_date ("2019", "It recalled the 2014 floods along the Sava.", "2014", "2014", NULL);
  assert_date ("2021", "The party lost a 2016 referendum on the constitution.", "2016",
               "2016", NULL);
  assert_date ("2019", "Norway’s 2013 election brought a new coalition.", "2013", "2013",
               NULL);
  assert_date ("2019", "In 2010, the dike was raised by a metre.", "In 2010", "2010", NULL);
}

static void
test_non_dates (void)
{
  assert_no_dates ("2019", "The floods displaced 2,158 people in the valley.");
  assert_no_dates ("2019", "Only 39% of voters turned out.");
  assert_no_dates ("2019", "The plan costs US$2.3 billion over a decade.");
  assert_no_dates ("2019", "Troops fired 23mm cannon and flew Su-30 and MiG-29 jets.");
  assert_no_dates ("2019", "Sanctions hit 19 Russian companies and 4X4 dealers.");
  assert_no_dates ("2021", "The COVID-19 ward has 2020 beds, not 1999.");
  assert_no_dates ("2019", "Aid reached 2000 villages in the delta.");
  assert_no_dates ("2019", "Music of the 1990s played as May Thet spoke and Mar Mar Aye listened.");
  assert_no_dates ("2019", "Room 1984 was locked; call 2017 6543 for help.");
}

static void
test_days_without_year (void)
{
  const char *text = "On August 3, the river crested. The mayor repeated the June 10 "
                     "statement. Sirens sounded (March 27) across the delta. A July 21 report "
                     "was published July 28. Power returned on December 24.";

  assert_date ("2019-08", text, "On August 3", "2019-08-03", NULL);
  assert_date ("2019-08", text, "June 10", "2019-06-10", NULL);
  assert_date ("2019-08", text, "March 27", "2019-03-27", NULL);
  assert_date ("2019-08", text, "July 21", "2019-07-21", NULL);
  assert_date ("2019-08", text, "July 28", "2019-07-28", NULL);
  /* the latest 24 December not after August 2019 */
  assert_date ("2019-08", text, "on December 24", "2018-12-24", NULL);
  assert_date ("2019-08-02", text, "On August 3", "2018-08-03", NULL);
}

static void
test_months_without_year (void)
{
  const char *text = "In February, the ballots were printed. Campaigning began in late June. "
                     "Polls opened in early March. In late January of this year, the count "
                     "was audited. Rain fell in mid-April. The mission left at the end of May.";

  assert_date ("2019-05-15", text, "In February", "2019-02", NULL);
  assert_date ("2019-05-15", text, "in late June", "2018-06", "late");
  assert_date ("2019-05-15", text, "in early March", "2019-03", "early");
  assert_date ("2019-05-15", text, "In late January of this year", "2019-01", "late");
  assert_date ("2019-05-15", text, "in mid-April", "2019-04", "mid");
  assert_date ("2019-05-15", text, "the end of May", "2019-05", "late");
}

/* A publication known to the month or year is read through its latest possible day. */
static void
test_coarse_publication (void)
{
  const char *text = "On August 3, the dam gave way. Repairs ended in December. "
                     "Inspectors came back on March 30.";

  assert_date ("2019", text, "On August 3", "2019-08-03", NULL);
  assert_date ("2019", text, "in December", "2019-12", NULL);
  assert_date ("2019-03", text, "on March 30", "2019-03-30", NULL);
  assert_date ("2019-03", text, "in December", "2018-12", NULL);
  assert_date ("2019-03", text, "On August 3", "2018-08-03", NULL);
}

static void
test_future_wording (void)
{
  const char *text = "The electoral commission will hold the runoff in March. The "
                     "inauguration is scheduled for June 2. The old parliament met in March. "
                     "Results are due later this month and a census next year.";

  assert_date ("2019-05-15", text, "in March", "2020-03", NULL);
  assert_date ("2019-05-15", text, "June 2", "2019-06-02", NULL);
  assert_date ("2019-05-15", text, "later this month", "2019-05", NULL);
  assert_date ("2019-05-15", text, "next year", "2020", NULL);
  assert_date ("2019-05-15", "The runoff is set for Feb. 2.", "Feb. 2", "2020-02-02", NULL);
  assert_date ("2019-05-15", "The runoff was on Feb. 2.", "on Feb. 2", "2019-02-02", NULL);

  {
    g_autoptr(GPtrArray) found = extract ("2019-05-15", text);
    DossierDateExpression *past = g_ptr_array_index (found, 2);

    g_assert_cmpstr (past->phrase, ==, "in March");
    g_assert_cmpint (past->date.year, ==, 2019);
  }
}

static void
test_relative_years (void)
{
  const char *text = "The river flooded last year and again in June last year. Tourism "
                     "recovered earlier this year, after repairs late last year. Prices rose "
                     "over the last year. The budget for this year is larger.";

  assert_date ("2019-05-15", text, "last year", "2018", NULL);
  assert_date ("2019-05-15", text, "in June last year", "2018-06", NULL);
  assert_date ("2019-05-15", text, "earlier this year", "2019", NULL);
  assert_date ("2019-05-15", text, "late last year", "2018", "late");
  assert_date ("2019-05-15", text, "this year", "2019", NULL);

  {
    g_autoptr(GPtrArray) found = extract ("2019-05-15", text);

    /* "over the last year" is twelve months, not a date */
    g_assert_cmpuint (found->len, ==, 5);
  }
}

static void
test_weekdays (void)
{
  const char *text = "Voting closed on Monday. The count resumed on Wednesday. Observers "
                     "left last Wednesday and on Thursday. Officials will meet on Friday.";

  /* 15 May 2019 was a Wednesday */
  assert_date ("2019-05-15", text, "on Monday", "2019-05-13", NULL);
  assert_date ("2019-05-15", text, "on Wednesday", "2019-05-15", NULL);
  assert_date ("2019-05-15", text, "last Wednesday", "2019-05-08", NULL);
  assert_date ("2019-05-15", text, "on Thursday", "2019-05-09", NULL);
  assert_date ("2019-05-15", text, "on Friday", "2019-05-17", NULL);
  /* without the day of publication, only its month or year can be said */
  assert_date ("2019-05", text, "on Monday", "2019-05", NULL);
  assert_date ("2019", text, "on Monday", "2019", NULL);

  /* a weekday with a date picks the year next to the usual one where they agree:
   * 4 September 2021 was a Saturday, 4 September 2022 a Sunday */
  assert_date ("2022-08-15", "Polls close on Sunday, Sept. 4, officials said.",
               "on Sunday, Sept. 4", "2022-09-04", NULL);
  assert_date ("2022-08-15", "Polls closed on Saturday, Sept. 4, officials said.",
               "on Saturday, Sept. 4", "2021-09-04", NULL);
}

static void
test_ranges (void)
{
  const char *text = "Rainfall records from 1999 to 2018 were lost. The drought lasted "
                     "between 2010 and 2015. The 2004–2009 reforms failed. Floods came from "
                     "March to May 2019 and the talks ran June 10-12.";
  g_autoptr(GPtrArray) found = extract ("2019-07", text);

  assert_date ("2019-07", text, "from 1999 to 2018", "1999/2018", NULL);
  assert_date ("2019-07", text, "between 2010 and 2015", "2010/2015", NULL);
  assert_date ("2019-07", text, "2004–2009", "2004/2009", NULL);
  assert_date ("2019-07", text, "from March to May 2019", "2019-03/2019-05", NULL);
  assert_date ("2019-07", text, "June 10-12", "2019-06-10/2019-06-12", NULL);
  /* the years inside a range are not points of their own */
  g_assert_cmpuint (found->len, ==, 5);
}

/* A day without a year next to a full date takes that date's year. */
static void
test_nearby_full_date (void)
{
  const char *text = "Crowds gathered on Independence Day (March 27), when the shooting "
                     "began.\n\nA photo taken on March 26, 2021, shows the square.\n\n"
                     "Another paragraph.\n\nThe monument reopened on June 5.";

  assert_date ("2022-08", text, "March 27", "2021-03-27", NULL);
  assert_date ("2022-08", text, "on June 5", "2022-06-05", NULL);
}

/* "the previous day" counts from the day the text dated just before, which may itself be
 * such a day: "The next day …, and a day later …". */
static void
test_day_shifts (void)
{
  const char *text = "The dam broke on June 3. The next day, the river fell, and a day later "
                     "the roads reopened.\n\nOfficials met on June 10. They had toured the "
                     "site the day before. The mayor resigned the day after the vote.";
  g_autoptr(GPtrArray) found = extract ("2019-06", text);

  assert_date ("2019-06", text, "The next day", "2019-06-04", NULL);
  assert_date ("2019-06", text, "a day later", "2019-06-05", NULL);
  assert_date ("2019-06", text, "the day before", "2019-06-09", NULL);
  /* "the day after the vote" is dated by the vote, which is no date */
  g_assert_cmpuint (found->len, ==, 5);
  /* nothing dated before it */
  assert_no_dates ("2019", "The previous day was calm.");
}

static void
test_unknown_publication (void)
{
  g_autoptr(GPtrArray) found = extract (NULL, "In March, on Monday, the dam broke. It had "
                                              "been built on 3 April 1961.");

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((DossierDateExpression *) g_ptr_array_index (found, 0))->phrase, ==,
                   "on 3 April 1961");
}

static void
test_sentence_of_expression (void)
{
  const char *text = "Sr. Gen. Tun met U.S. envoys on Feb. 1, 2021. They left.";
  g_autoptr(GPtrArray) found = extract ("2021", text);
  DossierDateExpression *e = find_phrase (found, "on Feb. 1, 2021");
  g_autofree char *sentence = g_utf8_substring (text, e->sentence_start, e->sentence_end);

  g_assert_cmpstr (sentence, ==, "Sr. Gen. Tun met U.S. envoys on Feb. 1, 2021.");
}

static char **
split (const char *text)
{
  g_autoptr(GArray) spans = dossier_sentences_split_utf8 (text);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **sentences;

  for (guint i = 0; i < spans->len; i++)
    {
      DossierSpan *span = &g_array_index (spans, DossierSpan, i);
      g_autofree char *sentence = g_utf8_substring (text, span->start, span->end);

      g_strv_builder_add (builder, sentence);
    }
  sentences = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return sentences;
}

static void
test_sentences_abbreviations (void)
{
  g_auto(GStrv) s = split ("Maj. Gen. Zaw Min Tun met Dr. Aye in the U.S. on Feb. 1. "
                           "He said: “We agree.” Then he left! Did he? Yes.");

  g_assert_cmpuint (g_strv_length (s), ==, 5);
  g_assert_cmpstr (s[0], ==, "Maj. Gen. Zaw Min Tun met Dr. Aye in the U.S. on Feb. 1.");
  g_assert_cmpstr (s[1], ==, "He said: “We agree.”");
  g_assert_cmpstr (s[4], ==, "Yes.");
}

static void
test_sentences_lines (void)
{
  g_auto(GStrv) s = split ("A heading\n\nA flood, then a storm. “More rain,” said Sr. Gen. "
                           "Aung.\n\nA caption without a stop\n\n“Quoted.” Then plain.");

  g_assert_cmpuint (g_strv_length (s), ==, 6);
  g_assert_cmpstr (s[0], ==, "A heading");
  g_assert_cmpstr (s[2], ==, "“More rain,” said Sr. Gen. Aung.");
  g_assert_cmpstr (s[3], ==, "A caption without a stop");
  g_assert_cmpstr (s[4], ==, "“Quoted.”");
}

/* Offsets count characters, not bytes: the text before is full of multi-byte ones. */
static void
test_character_offsets (void)
{
  const char *text = "Ещё «один» — наводнение. On 5 May 2019, Łódź flooded.";
  g_autoptr(GPtrArray) found = extract ("2019", text);
  DossierDateExpression *e = find_phrase (found, "On 5 May 2019");

  g_assert_cmpuint (e->start, ==, 25);
  g_assert_cmpuint (e->length, ==, 13);
  g_assert_cmpuint (e->sentence_start, ==, 25);
}

/* A range word as the text's last token: the range's end is read past the last token
 * (found by fuzzing). The start is still a date. */
static void
test_range_cut_short (void)
{
  g_autoptr(GPtrArray) found = extract ("2019", "Prices rose from May 2019 to");

  g_assert_nonnull (find_phrase (found, "from May 2019"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/dates/full-dates", test_full_dates);
  g_test_add_func ("/dates/month-and-year", test_month_and_year);
  g_test_add_func ("/dates/years", test_years);
  g_test_add_func ("/dates/non-dates-rejected", test_non_dates);
  g_test_add_func ("/dates/days-without-year", test_days_without_year);
  g_test_add_func ("/dates/months-without-year", test_months_without_year);
  g_test_add_func ("/dates/coarse-publication", test_coarse_publication);
  g_test_add_func ("/dates/future-wording", test_future_wording);
  g_test_add_func ("/dates/relative-years", test_relative_years);
  g_test_add_func ("/dates/weekdays", test_weekdays);
  g_test_add_func ("/dates/ranges", test_ranges);
  g_test_add_func ("/dates/nearby-full-date-gives-year", test_nearby_full_date);
  g_test_add_func ("/dates/day-shifts", test_day_shifts);
  g_test_add_func ("/dates/unknown-publication", test_unknown_publication);
  g_test_add_func ("/dates/sentence-of-expression", test_sentence_of_expression);
  g_test_add_func ("/dates/character-offsets", test_character_offsets);
  g_test_add_func ("/dates/range-cut-short", test_range_cut_short);
  g_test_add_func ("/sentences/abbreviations", test_sentences_abbreviations);
  g_test_add_func ("/sentences/lines-and-quotes", test_sentences_lines);

  return g_test_run ();
}
