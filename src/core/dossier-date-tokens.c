/* dossier-date-tokens.c: a text cut into the tokens the date extractor reads
 *
 * Words (their lower-case ASCII spelling, and whether capitalised), plain numbers (with
 * their value, or none when glued to something that makes them no date: "2,158",
 * "US$2.3", "Su-30", "39%") and single punctuation marks; white space separates them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-date-extractor"

#include "config.h"

#include "dossier-date-extractor-private.h"

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
GArray *
_dossier_date_tokenize (Scanner *s)
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
