/* dossier-date-extractor.c: the dates a news text gives, resolved against its publication
 *
 * The text is cut into tokens (words, plain numbers, punctuation) and read left to right
 * for the forms news writing uses: full dates ("Feb. 1, 2021", "1 February 2021",
 * "2021-02-01"), a month and year ("June of 2021"), a day or a month alone ("On August 3",
 * "in late June"), a year that dates something ("the 2022 invasion"), dates relative to
 * publication ("June last year", "later this month"), weekdays ("on Monday") and days
 * counted from the day dated before ("the previous day"). Two of them joined by
 * "from … to", "between … and" or a dash make a range.
 *
 * Numbers that are not dates stay out: a year must stand alone (not "2,158", "23mm",
 * "US$2.3", "Su-30", "39%") and a lone year, month or day must be introduced by a word
 * that dates ("in", "since", "the", "its", "early"…), so a count or a name is not read as
 * a date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-date-extractor"

#include "config.h"

#include "dossier-date-extractor.h"
#include "dossier-sentences.h"
#include "dossier-utf8.h"

typedef enum
{
  TOKEN_WORD,
  TOKEN_NUMBER,
  TOKEN_PUNCT,
} TokenKind;

typedef struct
{
  TokenKind kind;
  guint     start;
  guint     end;
  char      word[12];       /* lower-case ASCII spelling of a word, truncated */
  gunichar  punct;
  int       value;          /* a number's value; -1 when it is not a plain number */
  guint     n_digits;
  gboolean  capital;
} Token;

typedef enum
{
  SHIFT_NONE,
  SHIFT_YEAR,
  SHIFT_MONTH,
  SHIFT_DAY,      /* from the day the text dated just before: "the previous day" */
} ShiftUnit;

/* What an expression says, before it is resolved against the publication date. */
typedef struct
{
  guint            first;       /* tokens [first, next) */
  guint            next;
  int              year;        /* 0 when not said */
  int              month;
  int              day;
  GDateWeekday     weekday;
  GDateWeekday     said_weekday;  /* "Tuesday, March 3": a check on the year */
  ShiftUnit        unit;        /* "last year": SHIFT_YEAR, -1 */
  int              shift;
  int              direction;   /* -1 "last", +1 "next", 0 neither */
  gboolean         bare;        /* needs a dating word before it */
  gboolean         future;      /* the wording says it is to come */
  DossierQualifier qualifier;
} Reading;

typedef struct
{
  const gunichar    *text;
  gsize              n_chars;
  GArray            *tokens;
  GArray            *sentences;
  GArray            *block_starts;  /* where each paragraph after the first starts */
  const DossierDate *published;
  GDate              first_day;  /* the earliest and latest day of publication */
  GDate              last_day;
} Scanner;

static const struct
{
  const char *name;
  int         month;
  gboolean    abbreviated;
} month_names[] = {
  { "january", 1, FALSE }, { "february", 2, FALSE }, { "march", 3, FALSE },
  { "april", 4, FALSE }, { "may", 5, FALSE }, { "june", 6, FALSE }, { "july", 7, FALSE },
  { "august", 8, FALSE }, { "september", 9, FALSE }, { "october", 10, FALSE },
  { "november", 11, FALSE }, { "december", 12, FALSE },
  { "jan", 1, TRUE }, { "feb", 2, TRUE }, { "mar", 3, TRUE }, { "apr", 4, TRUE },
  { "jun", 6, TRUE }, { "jul", 7, TRUE }, { "aug", 8, TRUE }, { "sep", 9, TRUE },
  { "sept", 9, TRUE }, { "oct", 10, TRUE }, { "nov", 11, TRUE }, { "dec", 12, TRUE },
};

static const char * const weekday_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* Words after which a lone year, month or day names a time, not a quantity. */
static const char * const dating_words[] = {
  "in", "on", "since", "during", "from", "between", "by", "until", "till", "through",
  "throughout", "before", "after", "of", "to", "and", "the", "a", "an", "its", "their",
  "his", "her", "our", "this", "that", "last", "next", "early", "late", "mid",
};

/* Prepositions kept in the phrase: "In February", "since February 2021", "as of August 5". */
static const char * const phrase_prepositions[] = {
  "in", "on", "since", "during", "from", "between", "by", "until",
};

/* Words before the date that say it is still to come. */
static const char * const future_words[] = {
  "will", "shall", "ll", "upcoming", "planned", "scheduled", "plans", "plan",
};

/* A four-digit number followed by these is a quantity ("in 2000 villages"), not a year. */
static const char * const unit_words[] = {
  "percent", "per", "people", "persons", "troops", "soldiers", "km", "kilometres",
  "kilometers", "miles", "metres", "meters", "tons", "tonnes", "units", "cases", "deaths",
  "hours", "dollars", "euros", "times", "households", "families", "villages", "votes",
};

/* Each token is compared with dozens of words: the first letter settles most of them
 * without a call to strcmp(). */
static inline gboolean
same_word (const char *a,
           const char *b)
{
  return a[0] == b[0] && strcmp (a, b) == 0;
}

static gboolean
in_list (const char        *word,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (same_word (word, list[i]))
      return TRUE;
  return FALSE;
}

#define IN_LIST(word, list) in_list ((word), (list), G_N_ELEMENTS (list))

/* GLib's Unicode tables cost a call and a lookup for every character of every text; the
 * ASCII ones are a table in a macro. Extraction scans each character a few times. */
static inline gboolean
is_alpha (gunichar c)
{
  return c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c);
}

static inline gboolean
is_space (gunichar c)
{
  /* not g_ascii_isspace(), which takes the vertical tab that GLib's Unicode one does not */
  return c < 0x80 ? c == ' ' || (c >= '\t' && c <= '\r' && c != '\v') : g_unichar_isspace (c);
}

static inline gboolean
is_digit (gunichar c)
{
  return c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c);
}

static inline gboolean
is_upper (gunichar c)
{
  return c < 0x80 ? g_ascii_isupper (c) : g_unichar_isupper (c);
}

/* Tokens */

/* Signs that make the number after them an amount or a number, not a date: "$2021",
 * "#2019". */
static gboolean
is_currency (gunichar c)
{
  return c == '$' || c == 0x20AC || c == 0x00A3 || c == 0x00A5 || c == '#';
}

static guint
scan_word (Scanner *s,
           guint    i,
           Token   *token)
{
  guint end = i, n = 0;

  while (end < s->n_chars && is_alpha (s->text[end]))
    {
      if (n < sizeof token->word - 1)
        token->word[n++] = s->text[end] >= 'A' && s->text[end] <= 'Z' ? s->text[end] + ('a' - 'A')
                           : s->text[end] < 0x80 ? s->text[end] : '?';
      end++;
    }
  token->word[n] = '\0';
  token->kind = TOKEN_WORD;
  token->capital = is_upper (s->text[i]);
  return end;
}

/* "1st", "2nd", "23rd", "4th": the suffix belongs to the number. */
static guint
skip_ordinal (Scanner *s,
              guint    end)
{
  static const char * const suffixes[] = { "st", "nd", "rd", "th" };

  if (end + 2 > s->n_chars || (end + 2 < s->n_chars && is_alpha (s->text[end + 2])))
    return end;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_unichar_tolower (s->text[end]) == (gunichar) suffixes[i][0]
        && g_unichar_tolower (s->text[end + 1]) == (gunichar) suffixes[i][1])
      return end + 2;
  return end;
}

/* "mid-2021": the hyphen at @hyphen follows the word "mid". */
static gboolean
after_mid (Scanner *s,
           guint    hyphen)
{
  if (hyphen < 3 || (hyphen > 3 && is_alpha (s->text[hyphen - 4])))
    return FALSE;
  return g_unichar_tolower (s->text[hyphen - 3]) == 'm'
         && g_unichar_tolower (s->text[hyphen - 2]) == 'i'
         && g_unichar_tolower (s->text[hyphen - 1]) == 'd';
}

/* Whether the number before @start is glued to something that makes it no date: a
 * letter or currency ("US$2", "Su-30", "COVID-19"). */
static gboolean
glued_before (Scanner *s,
              guint    start)
{
  gunichar before = start > 0 ? s->text[start - 1] : ' ';

  if (is_alpha (before) || is_currency (before) || before == '.' || before == ',')
    return TRUE;
  if ((before == '-' || before == 0x2010 || before == 0x2011) && start > 1)
    return !is_digit (s->text[start - 2]) && !after_mid (s, start - 1);
  return FALSE;
}

static guint
scan_number (Scanner *s,
             guint    i,
             Token   *token)
{
  guint end = i;
  gboolean plain = !glued_before (s, i);

  token->kind = TOKEN_NUMBER;
  token->value = 0;
  for (; end < s->n_chars && is_digit (s->text[end]); end++)
    if (token->value < 99999)
      token->value = token->value * 10 + g_unichar_digit_value (s->text[end]);
  token->n_digits = end - i;

  /* "2,158", "2.3": one number, and not a date */
  while (end + 1 < s->n_chars && (s->text[end] == ',' || s->text[end] == '.')
         && is_digit (s->text[end + 1]))
    {
      plain = FALSE;
      for (end++; end < s->n_chars && is_digit (s->text[end]); end++)
        ;
    }

  end = skip_ordinal (s, end);
  if (end < s->n_chars && (g_unichar_isalnum (s->text[end]) || s->text[end] == '%'))
    plain = FALSE;
  if (!plain)
    token->value = -1;
  return end;
}

/* A text has no more tokens than characters: room for them all is made at once and
 * given back at the end, rather than a call to append each of its thousands of tokens. */
static GArray *
tokenize (Scanner *s)
{
  GArray *tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), s->n_chars);
  guint n = 0;

  g_array_set_size (tokens, s->n_chars);
  for (guint i = 0; i < s->n_chars;)
    {
      Token *token;

      if (is_space (s->text[i]))
        {
          i++;
          continue;
        }
      token = &g_array_index (tokens, Token, n++);
      *token = (Token) { .start = i };
      if (is_alpha (s->text[i]))
        i = scan_word (s, i, token);
      else if (is_digit (s->text[i]))
        i = scan_number (s, i, token);
      else
        {
          token->kind = TOKEN_PUNCT;
          token->punct = s->text[i++];
        }
      token->end = i;
    }

  g_array_set_size (tokens, n);
  return tokens;
}

static const Token *
token_at (Scanner *s,
          guint    i)
{
  return i < s->tokens->len ? &g_array_index (s->tokens, Token, i) : NULL;
}

static gboolean
is_word (Scanner    *s,
         guint       i,
         const char *word)
{
  const Token *token = token_at (s, i);

  return token != NULL && token->kind == TOKEN_WORD && same_word (token->word, word);
}

static gboolean
is_punct (Scanner  *s,
          guint     i,
          gunichar  c)
{
  const Token *token = token_at (s, i);

  return token != NULL && token->kind == TOKEN_PUNCT && token->punct == c;
}

static gboolean
is_dash (Scanner *s,
         guint    i)
{
  return is_punct (s, i, '-') || is_punct (s, i, 0x2013) || is_punct (s, i, 0x2014);
}

/* Two tokens with nothing between them, as in "Feb." or "2021-02-01". */
static gboolean
touching (Scanner *s,
          guint    i)
{
  const Token *a = token_at (s, i), *b = token_at (s, i + 1);

  return a != NULL && b != NULL && a->end == b->start;
}

/* A plain number of @min_digits to @max_digits between @low and @high, or 0. */
static int
number_at (Scanner *s,
           guint    i,
           guint    min_digits,
           guint    max_digits,
           int      low,
           int      high)
{
  const Token *token = token_at (s, i);

  if (token == NULL || token->kind != TOKEN_NUMBER || token->value < low
      || token->value > high || token->n_digits < min_digits || token->n_digits > max_digits)
    return 0;
  return token->value;
}

static int
year_at (Scanner *s,
         guint    i)
{
  return number_at (s, i, 4, 4, 1000, 2999);
}

static int
day_at (Scanner *s,
        guint    i)
{
  return number_at (s, i, 1, 2, 1, 31);
}

/* A capitalised month name; an abbreviation only with its full stop or a number after
 * it, so "Mar" or "Jan" as a name is left alone. Sets @next past it. */
static int
month_at (Scanner *s,
          guint    i,
          guint   *next)
{
  const Token *token = token_at (s, i);

  if (token == NULL || token->kind != TOKEN_WORD || !token->capital)
    return 0;

  for (guint m = 0; m < G_N_ELEMENTS (month_names); m++)
    {
      if (!same_word (token->word, month_names[m].name))
        continue;
      *next = i + 1;
      if (!month_names[m].abbreviated)
        return month_names[m].month;
      if (is_punct (s, i + 1, '.') && touching (s, i))
        *next = i + 2;
      else if (token_at (s, i + 1) == NULL || token_at (s, i + 1)->kind != TOKEN_NUMBER)
        return 0;
      return month_names[m].month;
    }

  return 0;
}

static GDateWeekday
weekday_at (Scanner *s,
            guint    i)
{
  const Token *token = token_at (s, i);

  if (token == NULL || token->kind != TOKEN_WORD || !token->capital)
    return G_DATE_BAD_WEEKDAY;
  for (guint d = 0; d < G_N_ELEMENTS (weekday_names); d++)
    if (same_word (token->word, weekday_names[d]))
      return G_DATE_MONDAY + d;
  return G_DATE_BAD_WEEKDAY;
}

/* Readings */

/* "last year", "this year", "next month", optionally after "of": sets the shift. */
static gboolean
read_shift (Scanner *s,
            guint    i,
            Reading *r)
{
  int shift;

  if (is_word (s, i, "last"))
    shift = -1;
  else if (is_word (s, i, "this"))
    shift = 0;
  else if (is_word (s, i, "next"))
    shift = 1;
  else
    return FALSE;

  if (is_word (s, i + 1, "year"))
    r->unit = SHIFT_YEAR;
  else if (is_word (s, i + 1, "month") && r->month == 0)
    r->unit = SHIFT_MONTH;
  else
    return FALSE;

  r->shift = shift;
  r->future = r->future || shift > 0;
  r->next = i + 2;
  return TRUE;
}

/* After a month or a day and month: ", 2021", "2021", "of 2021", "last year",
 * "of this year". */
static void
read_year_after (Scanner *s,
                 Reading *r)
{
  guint i = r->next;
  int year;

  if (is_punct (s, i, ',') && r->day != 0)
    i++;
  else if (is_word (s, i, "of"))
    i++;

  if ((year = year_at (s, i)) != 0 && !(touching (s, i) && is_dash (s, i + 1)))
    {
      r->year = year;
      r->next = i + 1;
    }
  else if (!read_shift (s, i, r) && !read_shift (s, r->next, r) && r->day == 0)
    r->bare = TRUE;
}

/* "August 3", "Feb. 1, 2021", "February 1st, 2021", "June of 2021", "June last year",
 * "February". */
static gboolean
read_month_first (Scanner *s,
                  guint    i,
                  Reading *r)
{
  guint next;
  int month = month_at (s, i, &next), day;

  if (month == 0)
    return FALSE;

  r->month = month;
  r->next = next;
  if ((day = day_at (s, next)) != 0 && !(touching (s, next) && is_punct (s, next + 1, ':')))
    {
      r->day = day;
      r->next = next + 1;
    }
  read_year_after (s, r);
  return TRUE;
}

/* "1 February 2021", "5 August" */
static gboolean
read_day_first (Scanner *s,
                guint    i,
                Reading *r)
{
  guint next;
  int day = day_at (s, i), month;

  if (day == 0 || (month = month_at (s, i + 1, &next)) == 0)
    return FALSE;

  r->day = day;
  r->month = month;
  r->next = next;
  read_year_after (s, r);
  return TRUE;
}

/* "2021-02-01" */
static gboolean
read_iso (Scanner *s,
          guint    i,
          Reading *r)
{
  int year = year_at (s, i), month, day;

  if (year == 0 || !is_punct (s, i + 1, '-') || !is_punct (s, i + 3, '-')
      || !touching (s, i) || !touching (s, i + 1) || !touching (s, i + 2) || !touching (s, i + 3)
      || (month = number_at (s, i + 2, 2, 2, 1, 12)) == 0
      || (day = number_at (s, i + 4, 2, 2, 1, 31)) == 0)
    return FALSE;

  r->year = year;
  r->month = month;
  r->day = day;
  r->next = i + 5;
  return TRUE;
}

/* A lone year, "in 2014", "the 2022 invasion", but not "in 2000 villages". */
static gboolean
read_year (Scanner *s,
           guint    i,
           Reading *r)
{
  const Token *after = token_at (s, i + 1);
  int year = number_at (s, i, 4, 4, 1800, 2199);

  if (year == 0)
    return FALSE;
  if (after != NULL && after->kind == TOKEN_WORD && IN_LIST (after->word, unit_words))
    return FALSE;

  r->year = year;
  r->next = i + 1;
  r->bare = TRUE;
  return TRUE;
}

/* "last year", "this year", "next year", "later this month", "earlier this year";
 * "the last year" is a span of twelve months, not a date. */
static gboolean
read_relative (Scanner *s,
               guint    i,
               Reading *r)
{
  guint start = i;

  if (is_word (s, i, "later") || is_word (s, i, "earlier"))
    {
      r->future = is_word (s, i, "later");
      start++;
    }
  if (i > 0 && (is_word (s, i - 1, "the") || is_word (s, i - 1, "past")))
    return FALSE;
  /* "later this month" is still this month: "later" says it is to come, and is no
   * qualifier, since the publication day it would be later than is rarely known. */
  return read_shift (s, start, r);
}

/* "the previous day", "the next day", "the following day", "the day before", "a day
 * later": a day from the one the text dated just before. "The day before the vote" is
 * dated by the vote, which is not a date: left alone. */
static gboolean
read_day_shift (Scanner *s,
                guint    i,
                Reading *r)
{
  const Token *after = token_at (s, i + 3);
  gboolean alone = after == NULL || after->kind == TOKEN_PUNCT;

  if (is_word (s, i, "the") && is_word (s, i + 2, "day"))
    r->shift = is_word (s, i + 1, "previous") ? -1
             : is_word (s, i + 1, "next") || is_word (s, i + 1, "following") ? 1 : 0;
  else if ((is_word (s, i, "the") || is_word (s, i, "a")) && is_word (s, i + 1, "day"))
    r->shift = is_word (s, i + 2, "earlier") || (alone && is_word (s, i + 2, "before")) ? -1
             : is_word (s, i + 2, "later") || (alone && is_word (s, i + 2, "after")) ? 1 : 0;

  if (r->shift == 0)
    return FALSE;
  r->unit = SHIFT_DAY;
  r->next = i + 3;
  return TRUE;
}

/* "Tuesday, March 3": the date, with the weekday to choose its year by. */
static gboolean
read_dated_weekday (Scanner *s,
                    guint    at,
                    Reading *r)
{
  Reading date = { 0 };
  guint next = is_punct (s, at + 1, ',') ? at + 2 : at + 1;

  date.first = next;
  if (!read_month_first (s, next, &date) && !read_day_first (s, next, &date))
    return FALSE;
  if (date.day == 0)
    return FALSE;

  date.said_weekday = r->weekday;
  date.first = r->first;
  *r = date;
  return TRUE;
}

/* "Monday", "last Monday", "next Monday" */
static gboolean
read_weekday (Scanner *s,
              guint    i,
              Reading *r)
{
  guint at = i;

  if (is_word (s, i, "last") || is_word (s, i, "next") || is_word (s, i, "this"))
    {
      r->direction = is_word (s, i, "last") ? -1 : is_word (s, i, "next") ? 1 : 0;
      at++;
    }
  if ((r->weekday = weekday_at (s, at)) == G_DATE_BAD_WEEKDAY)
    return FALSE;

  if (r->direction == 0 && read_dated_weekday (s, at, r))
    return TRUE;
  r->future = r->direction > 0;
  r->next = at + 1;
  return TRUE;
}

/* Every reading starts with a number, a capitalised word (a month, a weekday) or one of
 * "later", "earlier", "last", "this", "next", "the" and "a": the other tokens, most of a
 * text, are passed over without trying them. Asked of every token, so the first letter
 * picks the words to compare with. */
static gboolean
may_start (Scanner *s,
           guint    i)
{
  const Token *token = token_at (s, i);

  if (token == NULL || token->kind == TOKEN_PUNCT)
    return FALSE;
  if (token->kind == TOKEN_NUMBER || token->capital)
    return TRUE;

  switch (token->word[0])
    {
    case 'a': return token->word[1] == '\0';
    case 'e': return strcmp (token->word, "earlier") == 0;
    case 'l': return strcmp (token->word, "later") == 0 || strcmp (token->word, "last") == 0;
    case 'n': return strcmp (token->word, "next") == 0;
    case 't': return strcmp (token->word, "this") == 0 || strcmp (token->word, "the") == 0;
    default: return FALSE;
    }
}

static gboolean
read_core (Scanner *s,
           guint    i,
           Reading *r)
{
  if (!may_start (s, i))
    return FALSE;

  memset (r, 0, sizeof *r);
  r->first = i;

  if (read_iso (s, i, r) || read_month_first (s, i, r) || read_day_first (s, i, r))
    return TRUE;

  memset (r, 0, sizeof *r);
  r->first = i;
  return read_relative (s, i, r) || read_day_shift (s, i, r) || read_weekday (s, i, r)
         || read_year (s, i, r);
}

/* What comes before */

typedef struct
{
  guint       first;        /* the phrase's first token */
  gboolean    dated;        /* a dating word introduces the expression */
  const char *preposition;
} Prefix;

/* "early", "mid-", "late", "the end of", "the beginning of": returns the first token. */
static guint
read_qualifier (Scanner          *s,
                guint             first,
                DossierQualifier *qualifier)
{
  if (first >= 2 && is_dash (s, first - 1) && is_word (s, first - 2, "mid"))
    return *qualifier = DOSSIER_QUALIFIER_MID, first - 2;
  if (first >= 1 && is_word (s, first - 1, "early"))
    return *qualifier = DOSSIER_QUALIFIER_EARLY, first - 1;
  if (first >= 1 && is_word (s, first - 1, "mid"))
    return *qualifier = DOSSIER_QUALIFIER_MID, first - 1;
  if (first >= 1 && is_word (s, first - 1, "late"))
    return *qualifier = DOSSIER_QUALIFIER_LATE, first - 1;
  if (first < 2 || !is_word (s, first - 1, "of"))
    return first;

  if (is_word (s, first - 2, "end"))
    *qualifier = DOSSIER_QUALIFIER_LATE;
  else if (is_word (s, first - 2, "beginning") || is_word (s, first - 2, "start"))
    *qualifier = DOSSIER_QUALIFIER_EARLY;
  else if (is_word (s, first - 2, "middle"))
    *qualifier = DOSSIER_QUALIFIER_MID;
  else
    return first;
  return first >= 3 && is_word (s, first - 3, "the") ? first - 3 : first - 2;
}

/* "last June", "next June", "this June" */
static guint
read_month_modifier (Scanner *s,
                     guint    first,
                     Reading *r)
{
  if (r->month == 0 || r->year != 0 || r->unit != SHIFT_NONE || first == 0)
    return first;

  if (is_word (s, first - 1, "next"))
    r->future = TRUE;
  else if (is_word (s, first - 1, "this"))
    r->unit = SHIFT_YEAR;
  else if (!is_word (s, first - 1, "last"))
    return first;
  return first - 1;
}

static gboolean
is_possessive (Scanner *s,
               guint    first)
{
  return first >= 2 && is_word (s, first - 1, "s") && touching (s, first - 2)
         && (is_punct (s, first - 2, '\'') || is_punct (s, first - 2, 0x2019));
}

static void
read_prefix (Scanner *s,
             Reading *r,
             Prefix  *p)
{
  const Token *before;
  guint first = read_qualifier (s, r->first, &r->qualifier);

  first = read_month_modifier (s, first, r);
  p->dated = first != r->first || is_possessive (s, first);
  p->preposition = NULL;

  before = first > 0 ? token_at (s, first - 1) : NULL;
  if (before != NULL && before->kind == TOKEN_WORD)
    {
      p->dated = p->dated || IN_LIST (before->word, dating_words);
      p->preposition = before->word;
      if (IN_LIST (before->word, phrase_prepositions))
        first--;
      else if (g_str_equal (before->word, "of") && is_word (s, first - 2, "as"))
        first -= 2;
    }
  p->first = first;
}

/* Whether the sentence, before @first, says what follows is still to come: "will",
 * "planned", "is set to", "is expected to". */
static gboolean
future_before (Scanner *s,
               guint    first)
{
  const Token *token = token_at (s, first);
  const DossierSpan *sentence = dossier_sentences_find (s->sentences, token->start);

  for (guint i = first; i > 0 && sentence != NULL; i--)
    {
      const Token *before = token_at (s, i - 1);

      if (before->start < sentence->start)
        break;
      if (before->kind != TOKEN_WORD)
        continue;
      if (IN_LIST (before->word, future_words))
        return TRUE;
      if ((is_word (s, i, "to") || is_word (s, i, "for"))
          && (g_str_equal (before->word, "expected") || g_str_equal (before->word, "due")
              || g_str_equal (before->word, "set") || g_str_equal (before->word, "slated")))
        return TRUE;
    }

  return FALSE;
}

/* Ranges */

static gboolean
is_range_word (Scanner    *s,
               guint       i,
               const char *preposition)
{
  if (g_strcmp0 (preposition, "from") == 0)
    return is_word (s, i, "to") || is_word (s, i, "until") || is_word (s, i, "till")
           || is_word (s, i, "through");
  if (g_strcmp0 (preposition, "between") == 0)
    return is_word (s, i, "and");
  return FALSE;
}

/* The end of "from 1999 to 2018", "between March and May 2021", "June 10-12". */
static gboolean
read_range_end (Scanner      *s,
                const Prefix *p,
                Reading      *r,
                Reading      *end)
{
  guint i = r->next;

  if (r->weekday != G_DATE_BAD_WEEKDAY || r->unit != SHIFT_NONE
      || !(is_dash (s, i) || is_range_word (s, i, p->preposition)))
    return FALSE;

  if (!read_core (s, i + 1, end) || end->weekday != G_DATE_BAD_WEEKDAY
      || end->unit != SHIFT_NONE)
    {
      memset (end, 0, sizeof *end);
      if (r->day == 0 || (end->day = day_at (s, i + 1)) == 0)
        return FALSE;
      end->first = i + 1;
      end->next = i + 2;
      end->month = r->month;
      read_year_after (s, end);
    }
  if ((r->month != 0) != (end->month != 0))
    return FALSE;

  /* One year given for both ends: "between March and May 2021". */
  if (r->year == 0 && end->year != 0)
    r->year = end->year - (r->month > end->month);
  if (end->year == 0 && r->year != 0)
    end->year = r->year + (end->month < r->month);
  return TRUE;
}

/* Resolution
 *
 * A publication date may be known only to the month or the year. "Not after publication"
 * is then measured from its latest possible day (31 August for "2022-08", 31 December for
 * "2021") and "not before publication" from its earliest: that never pushes a date a year
 * back merely because the day of publication is unknown. */

/* A day and month without a year: the latest such day not after publication, or for
 * something to come the earliest not before it. */
static gboolean
find_day_month (Scanner     *s,
                Reading     *r,
                DossierDate *date)
{
  int year = g_date_get_year (r->future ? &s->first_day : &s->last_day);

  for (int tries = 0; tries < 8; tries++, year += r->future ? 1 : -1)
    {
      GDate candidate;

      if (!g_date_valid_dmy (r->day, r->month, year))
        continue;
      g_date_clear (&candidate, 1);
      g_date_set_dmy (&candidate, r->day, r->month, year);
      if (r->future ? g_date_compare (&candidate, &s->first_day) >= 0
                    : g_date_compare (&candidate, &s->last_day) <= 0)
        return dossier_date_set (date, year, r->month, r->day);
    }

  return FALSE;
}

static GDateWeekday
weekday_of (int day,
            int month,
            int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_weekday (&date);
}

/* With a weekday ("Sunday, Sept. 4"), the year next to that one whose day falls on it,
 * if the first does not: a weekday is rarely written wrong, a year often left out. */
static gboolean
resolve_day_month (Scanner     *s,
                   Reading     *r,
                   DossierDate *date)
{
  static const int shifts[] = { 0, 1, -1 };

  if (!find_day_month (s, r, date))
    return FALSE;
  if (r->said_weekday == G_DATE_BAD_WEEKDAY)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (shifts); i++)
    {
      int year = date->year + shifts[i];

      if (g_date_valid_dmy (r->day, r->month, year)
          && weekday_of (r->day, r->month, year) == r->said_weekday)
        return dossier_date_set (date, year, r->month, r->day);
    }

  return TRUE;
}

static gboolean
resolve_month (Scanner     *s,
               int          month,
               gboolean     future,
               DossierDate *date)
{
  int year;

  if (future)
    year = g_date_get_year (&s->first_day) + (month < (int) g_date_get_month (&s->first_day));
  else
    year = g_date_get_year (&s->last_day) - (month > (int) g_date_get_month (&s->last_day));

  return dossier_date_set (date, year, month, 0);
}

/* "last year", "June last year", "later this month", "next month". A month shift in an
 * article dated only to the year can say no more than that year. */
static gboolean
resolve_shift (Scanner     *s,
               Reading     *r,
               DossierDate *date)
{
  const DossierDate *published = s->published;
  int months;

  if (r->unit == SHIFT_YEAR)
    return dossier_date_set (date, published->year + r->shift, r->month, r->day);

  if (published->precision < DOSSIER_PRECISION_MONTH)
    return dossier_date_set (date, published->year, 0, 0);

  months = published->year * 12 + (published->month - 1) + r->shift;
  return dossier_date_set (date, months / 12, months % 12 + 1, 0);
}

/* The latest such weekday not after publication ("last Monday": before it; "next
 * Monday": after it). Without the day of publication no weekday can be placed: it is
 * honestly given as the publication's month (or year) — a Monday in the first week of
 * a month may in truth belong to the month before. */
static gboolean
resolve_weekday (Scanner     *s,
                 Reading     *r,
                 DossierDate *date)
{
  GDate day = s->last_day;
  int delta;

  if (s->published->precision < DOSSIER_PRECISION_DAY)
    {
      *date = *s->published;
      return TRUE;
    }

  if (r->future)
    {
      delta = (r->weekday - g_date_get_weekday (&day) + 7) % 7;
      g_date_add_days (&day, delta ? delta : (r->direction > 0 ? 7 : 0));
    }
  else
    {
      delta = (g_date_get_weekday (&day) - r->weekday + 7) % 7;
      g_date_subtract_days (&day, delta ? delta : (r->direction < 0 ? 7 : 0));
    }
  dossier_date_set_from_gdate (date, &day, DOSSIER_PRECISION_DAY);
  return TRUE;
}

static gboolean
resolve (Scanner     *s,
         Reading     *r,
         DossierDate *date)
{
  gboolean relative = r->year == 0;

  memset (date, 0, sizeof *date);
  /* resolved once the whole text is read (see apply_day_shifts()) */
  if (r->unit == SHIFT_DAY)
    return TRUE;
  if (relative && s->published->precision == DOSSIER_PRECISION_NONE)
    return FALSE;

  if (r->weekday != G_DATE_BAD_WEEKDAY)
    return resolve_weekday (s, r, date);
  if (r->unit != SHIFT_NONE)
    return resolve_shift (s, r, date);
  if (!relative)
    return dossier_date_set (date, r->year, r->month, r->day);
  if (r->day != 0)
    return resolve_day_month (s, r, date);
  if (r->month != 0)
    return resolve_month (s, r->month, r->future, date);
  return FALSE;
}

/* Expressions */

typedef struct
{
  DossierDateExpression *expression;
  guint                  block;          /* paragraph: blocks are split by blank lines */
  gboolean               year_inferred;  /* a day and month, the year from publication */
  gboolean               anchor;         /* a day with its own year: "March 26, 2021" */
  gboolean               written_year;   /* the year is in the words, not inferred */
  int                    day_shift;      /* "the previous day": -1 */
  gboolean               dropped;
} Found;

/* The paragraph that holds @offset, counted by the blank lines before it. */
static guint
block_of (Scanner *s,
          guint    offset)
{
  guint low = 0, high = s->block_starts->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (g_array_index (s->block_starts, guint, middle) <= offset)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static DossierDateExpression *
new_expression (Scanner *s,
                guint    first,
                guint    next)
{
  DossierDateExpression *e = g_new0 (DossierDateExpression, 1);
  const Token *a = token_at (s, first), *b = token_at (s, next - 1);
  const DossierSpan *sentence = dossier_sentences_find (s->sentences, a->start);

  e->start = a->start;
  e->length = b->end - a->start;
  e->phrase = g_ucs4_to_utf8 (s->text + e->start, e->length, NULL, NULL, NULL);
  e->sentence_start = sentence ? sentence->start : e->start;
  e->sentence_end = sentence ? MAX (sentence->end, e->start + e->length) : e->start + e->length;
  return e;
}

/* Reads the expression at token @i into @found; returns the token after it, or 0 when
 * none starts there. */
static guint
read_expression (Scanner *s,
                 guint    i,
                 Found   *found)
{
  Reading r, end = { 0 };
  Prefix p;
  DossierDate date, end_date = { 0 };
  gboolean range;

  if (!read_core (s, i, &r))
    return 0;
  read_prefix (s, &r, &p);
  if (r.bare && !p.dated)
    return 0;

  range = read_range_end (s, &p, &r, &end);
  r.future = r.future || (r.year == 0 && r.unit == SHIFT_NONE && future_before (s, p.first));
  end.future = r.future;
  if (!resolve (s, &r, &date) || (range && !resolve (s, &end, &end_date)))
    return 0;

  found->expression = new_expression (s, p.first, range ? end.next : r.next);
  found->expression->date = date;
  found->expression->end = end_date;
  found->expression->qualifier = r.qualifier;
  found->block = block_of (s, found->expression->start);
  found->year_inferred = r.year == 0 && r.day != 0 && r.unit == SHIFT_NONE && !range;
  found->anchor = r.year != 0 && r.day != 0;
  found->written_year = r.year != 0 && r.unit == SHIFT_NONE;
  found->day_shift = r.unit == SHIFT_DAY ? r.shift : 0;
  return range ? end.next : r.next;
}

/* A writer gives the year once for a cluster of days: "(March 27)" next to "on March 26,
 * 2021" is in 2021, whatever the publication year. A day whose year was inferred takes
 * the year of a full date in the same or a neighbouring paragraph when that puts it
 * within a month of it. */
static void
apply_nearby_years (GArray *found)
{
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);
      DossierDate *date = &f->expression->date;

      if (!f->year_inferred)
        continue;
      for (guint j = 0; j < found->len; j++)
        {
          Found *a = &g_array_index (found, Found, j);
          GDate anchor, candidate;

          if (!a->anchor || ABS ((int) a->block - (int) f->block) > 1
              || !g_date_valid_dmy (date->day, date->month, a->expression->date.year))
            continue;
          dossier_date_get_first_day (&a->expression->date, &anchor);
          g_date_clear (&candidate, 1);
          g_date_set_dmy (&candidate, date->day, date->month, a->expression->date.year);
          if (ABS (g_date_days_between (&anchor, &candidate)) <= 31)
            {
              date->year = a->expression->date.year;
              break;
            }
        }
    }
}

/* "the previous day" is a day from the last day the text dated before it, in the same or
 * the previous paragraph; without one, it is dropped. Runs in text order, so "the next
 * day … the following day" count on from each other. */
static void
apply_day_shifts (GArray *found)
{
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);
      Found *anchor = NULL;
      GDate day;

      if (f->day_shift == 0)
        continue;
      for (guint j = i; j > 0 && anchor == NULL; j--)
        {
          Found *before = &g_array_index (found, Found, j - 1);

          if (f->block - before->block > 1)
            break;
          if (!before->dropped && before->expression->date.precision == DOSSIER_PRECISION_DAY
              && before->expression->end.precision == DOSSIER_PRECISION_NONE)
            anchor = before;
        }

      f->dropped = anchor == NULL;
      if (anchor == NULL)
        continue;
      dossier_date_get_first_day (&anchor->expression->date, &day);
      if (f->day_shift < 0)
        g_date_subtract_days (&day, 1);
      else
        g_date_add_days (&day, 1);
      dossier_date_set_from_gdate (&f->expression->date, &day, DOSSIER_PRECISION_DAY);
    }
}

/* "the 2022 Eastern Economic Forum … on Sept. 7, 2022": a written year adds nothing to a
 * finer date of the same sentence that writes the same year. ("last year … in June last
 * year" are two datings and both stay.) */
static gboolean
is_redundant_year (GArray *found,
                   Found  *f)
{
  DossierDateExpression *e = f->expression;

  if (e->date.precision != DOSSIER_PRECISION_YEAR || e->end.precision != DOSSIER_PRECISION_NONE
      || !f->written_year)
    return FALSE;

  for (guint j = 0; j < found->len; j++)
    {
      Found *o = &g_array_index (found, Found, j);
      DossierDateExpression *other = o->expression;

      if (other != e && o->written_year && other->sentence_start == e->sentence_start
          && other->date.year == e->date.year && other->date.precision > e->date.precision)
        return TRUE;
    }

  return FALSE;
}

static GPtrArray *
collect (GArray *found)
{
  GPtrArray *expressions = g_ptr_array_new_with_free_func (
    (GDestroyNotify) dossier_date_expression_free);

  apply_nearby_years (found);
  apply_day_shifts (found);
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);

      f->dropped = f->dropped || is_redundant_year (found, f);
    }

  /* Freed only now: the years above were compared with every expression. */
  for (guint i = 0; i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);

      if (f->dropped)
        dossier_date_expression_free (f->expression);
      else
        g_ptr_array_add (expressions, f->expression);
    }

  return expressions;
}

static void
scanner_init (Scanner           *s,
              const gunichar    *text,
              gsize              n_chars,
              const DossierDate *published)
{
  s->text = text;
  s->n_chars = n_chars;
  s->published = published;
  s->tokens = tokenize (s);
  s->sentences = dossier_sentences_split (text, n_chars);
  s->block_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 1; i < n_chars; i++)
    if (text[i] == '\n' && text[i - 1] == '\n')
      g_array_append_val (s->block_starts, i);
  if (published->precision != DOSSIER_PRECISION_NONE)
    {
      dossier_date_get_first_day (published, &s->first_day);
      dossier_date_get_last_day (published, &s->last_day);
    }
}

/**
 * dossier_date_extract:
 * @text: a news text
 * @published: when it was published, to any precision (NONE: only dates that carry
 *   their own year are found)
 *
 * Returns: (transfer full) (element-type DossierDateExpression): the dating expressions
 *   of @text in order, each resolved to a date
 */
GPtrArray *
dossier_date_extract (const char        *text,
                      const DossierDate *published)
{
  g_autofree gunichar *chars = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (Found));
  Scanner s = { 0 };
  glong n_chars = 0;
  GPtrArray *expressions;

  g_return_val_if_fail (text != NULL && published != NULL, NULL);

  chars = dossier_utf8_to_ucs4 (text, -1, &n_chars);
  scanner_init (&s, chars, n_chars, published);

  for (guint i = 0; i < s.tokens->len;)
    {
      Found f = { 0 };
      guint next = read_expression (&s, i, &f);

      if (next == 0)
        {
          i++;
          continue;
        }
      g_array_append_val (found, f);
      i = next;
    }

  expressions = collect (found);
  g_array_unref (s.tokens);
  g_array_unref (s.sentences);
  g_array_unref (s.block_starts);
  return expressions;
}

void
dossier_date_expression_free (DossierDateExpression *expression)
{
  if (expression == NULL)
    return;

  g_free (expression->phrase);
  g_free (expression);
}

const char *
dossier_qualifier_to_string (DossierQualifier qualifier)
{
  static const char * const names[] = { NULL, "early", "mid", "late" };

  return qualifier < G_N_ELEMENTS (names) ? names[qualifier] : NULL;
}

gboolean
dossier_qualifier_from_string (const char       *name,
                               DossierQualifier *qualifier)
{
  for (DossierQualifier q = DOSSIER_QUALIFIER_EARLY; q <= DOSSIER_QUALIFIER_LATE; q++)
    if (g_strcmp0 (name, dossier_qualifier_to_string (q)) == 0)
      return *qualifier = q, TRUE;

  *qualifier = DOSSIER_QUALIFIER_NONE;
  return name == NULL;
}
