/* dossier-date-extractor-private.h: what the files of the date extractor share
 *
 * dossier-date-tokens.c cuts a text into tokens, dossier-date-readings.c reads the forms
 * of a date from them, dossier-date-resolve.c resolves a reading against the publication
 * date, and dossier-date-extractor.c puts the expressions of a text together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "dossier-date-extractor.h"

G_BEGIN_DECLS

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

/* What stands before a reading: where its phrase starts, and whether it is introduced as
 * a date. */
typedef struct
{
  guint       first;        /* the phrase's first token */
  gboolean    dated;        /* a dating word introduces the expression */
  const char *preposition;
} Prefix;

/* Each token is compared with dozens of words: the first letter settles most of them
 * without a call to strcmp(). */
static inline gboolean
same_word (const char *a,
           const char *b)
{
  return a[0] == b[0] && strcmp (a, b) == 0;
}

static inline const Token *
token_at (Scanner *s,
          guint    i)
{
  return i < s->tokens->len ? &g_array_index (s->tokens, Token, i) : NULL;
}

GArray   *_dossier_date_tokenize        (Scanner           *s);

gboolean  _dossier_date_read_core       (Scanner           *s,
                                         guint              i,
                                         Reading           *r);
void      _dossier_date_read_prefix     (Scanner           *s,
                                         Reading           *r,
                                         Prefix            *p);
gboolean  _dossier_date_future_before   (Scanner           *s,
                                         guint              first);
gboolean  _dossier_date_read_range_end  (Scanner           *s,
                                         const Prefix      *p,
                                         Reading           *r,
                                         Reading           *end);

gboolean  _dossier_date_resolve         (Scanner           *s,
                                         Reading           *r,
                                         DossierDate       *date);

G_END_DECLS
