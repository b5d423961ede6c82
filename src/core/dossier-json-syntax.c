/* dossier-json-syntax.c: the strict check of an import file before json-glib reads it
 *
 * Part of DossierJsonDocument (dossier-json-document.c). json-glib accepts more than JSON
 * (single quotes, comments, leading zeros, raw control characters) and has no limit on
 * nesting, so the file is scanned first, token by token: strict JSON, UTF-8, at most
 * DOSSIER_JSON_MAX_DEPTH levels. The scan also finds the articles of an outline, which
 * are then parsed apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-json-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-json-document-private.h"
#include "dossier-utf8.h"

gboolean
_dossier_json_check_text (DossierJsonDocument  *self,
                          GError              **error)
{
  const char *end;
  const char *nul = memchr (self->data, '\0', self->length);

  if (nul != NULL)
    return _dossier_json_fail_at (self, error, DOSSIER_IMPORT_ERROR_NOT_UTF8, nul - self->data,
                                  "%s", _("the file contains a NUL byte: it is not a text file"));

  if (!dossier_utf8_validate (self->data, self->length, &end))
    return _dossier_json_fail_at (self, error, DOSSIER_IMPORT_ERROR_NOT_UTF8, end - self->data,
                                  "%s", _("the file is not valid UTF-8 text"));

  return TRUE;
}

/* The UTF-16 unit the escape "\uXXXX" at @i names, or -1 when there is no such escape. */
static int
escaped_unit (DossierJsonDocument *self,
              gsize                i)
{
  int unit = 0;

  if (i + 6 > self->length || self->data[i] != '\\' || self->data[i + 1] != 'u')
    return -1;

  for (gsize j = i + 2; j < i + 6; j++)
    {
      int digit = g_ascii_xdigit_value (self->data[j]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }
  return unit;
}

/* *@p is on the "u" of a \uXXXX escape; steps it onto the escape's last digit, or onto
 * the last digit of the low half of a surrogate pair. A surrogate without its other half
 * is refused: json-glib would turn it into bytes that are not UTF-8, into titles, bodies
 * and error messages that quote them (found by fuzzing). */
static gboolean
skip_surrogates (DossierJsonDocument  *self,
                 gsize                *p,
                 GError              **error)
{
  int unit = escaped_unit (self, *p - 1);

  if (unit >= 0xd800 && unit <= 0xdbff)
    {
      int low = escaped_unit (self, *p + 5);

      if (low >= 0xdc00 && low <= 0xdfff)
        {
          *p += 10;
          return TRUE;
        }
    }

  if (unit >= 0xd800 && unit <= 0xdfff)
    return _dossier_json_fail_at (self, error, DOSSIER_IMPORT_ERROR_NOT_UTF8, *p - 1,
                                  _("“\\u%04X” is half of a UTF-16 surrogate pair, "
                                    "without the other half"),
                                  (guint) unit);

  *p += 4;
  return TRUE;
}

/* json-glib is lenient: it reads single quotes, comments, "\x41", leading zeros, raw
 * control characters and a second value after the first. A file is RFC 8259 JSON or it
 * is refused, with where; this one pass also counts nesting, so hostile input never
 * reaches json-glib's recursion. */
static gboolean
scan_string (DossierJsonDocument  *self,
             gsize                *i,
             GError              **error)
{
  const char *data = self->data;
  gsize p = *i + 1;

  for (; p < self->length && data[p] != '"'; p++)
    {
      if ((guchar) data[p] < 0x20)
        return _dossier_json_fail_at (self, error, DOSSIER_IMPORT_ERROR_SYNTAX, p, "%s",
                                      _("a control character in a string must be "
                                        "written as an escape"));
      if (data[p] != '\\')
        continue;
      if (++p < self->length && strchr ("\"\\/bfnrt", data[p]) != NULL && data[p] != '\0')
        continue;
      if (escaped_unit (self, p - 1) >= 0)
        {
          if (!skip_surrogates (self, &p, error))
            return FALSE;
          continue;
        }
      return _dossier_json_fail_at (self, error, DOSSIER_IMPORT_ERROR_SYNTAX, p - 1, "%s",
                                    _("invalid escape in a string"));
    }

  *i = p + 1;
  return TRUE;
}

static gsize
skip_digits (const char *data,
             gsize       p,
             gsize       length)
{
  while (p < length && g_ascii_isdigit (data[p]))
    p++;
  return p;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
scan_number (DossierJsonDocument  *self,
             gsize                *i,
             GError              **error)
{
  const char *data = self->data;
  gsize p = *i + (data[*i] == '-'), end;
  gboolean ok = p < self->length && g_ascii_isdigit (data[p]);

  end = ok ? skip_digits (data, p, self->length) : p;
  ok = ok && (data[p] != '0' || end == p + 1);
  if (ok && end < self->length && data[end] == '.')
    ok = (p = skip_digits (data, end + 1, self->length)) > end + 1, end = p;
  if (ok && end < self->length && (data[end] == 'e' || data[end] == 'E'))
    {
      p = end + 1 + (end + 1 < self->length && (data[end + 1] == '+' || data[end + 1] == '-'));
      ok = (end = skip_digits (data, p, self->length)) > p;
    }

  if (!ok)
    return _dossier_json_fail_at (self, error, DOSSIER_IMPORT_ERROR_SYNTAX, *i, "%s",
                                  _("invalid number"));

  *i = end;
  return TRUE;
}

static gboolean
scan_word (DossierJsonDocument  *self,
           gsize                *i,
           GError              **error)
{
  gsize end = *i;
  g_autofree char *word = NULL;

  while (end < self->length && g_ascii_isalnum (self->data[end]))
    end++;
  word = g_strndup (self->data + *i, end - *i);
  if (!g_str_equal (word, "true") && !g_str_equal (word, "false") && !g_str_equal (word, "null"))
    return _dossier_json_fail_at (self, error, DOSSIER_IMPORT_ERROR_SYNTAX, *i,
                                  _("unexpected word “%s”: strings are written in double "
                                    "quotes"), word);

  *i = end;
  return TRUE;
}

static gboolean
scan_token (DossierJsonDocument  *self,
            gsize                *i,
            guint                *depth,
            GError              **error)
{
  char c = self->data[*i];

  if (c == '"')
    return scan_string (self, i, error);
  if (c == '-' || g_ascii_isdigit (c))
    return scan_number (self, i, error);
  if (g_ascii_isalpha (c))
    return scan_word (self, i, error);
  if ((c == '[' || c == '{') && ++*depth > DOSSIER_JSON_MAX_DEPTH)
    return _dossier_json_fail_at (self, error, DOSSIER_IMPORT_ERROR_TOO_DEEP, *i,
                                  _("nesting deeper than %d levels"), DOSSIER_JSON_MAX_DEPTH);
  if ((c == ']' || c == '}') && *depth > 0)
    --*depth;
  else if (strchr ("[]{},:", c) == NULL || c == '\0')
    return _dossier_json_fail_at (self, error, DOSSIER_IMPORT_ERROR_SYNTAX, *i, "%s",
                                  _("unexpected character: this is not JSON (no comments, "
                                    "no single quotes)"));

  ++*i;
  return TRUE;
}

/* Follows the tokens of the root object to find the objects of its "articles" array. */
typedef struct
{
  gboolean root_object;
  int      key;           /* 1: the key "articles" was just read at depth 1; 2: its colon too */
  gboolean inside;        /* in the "articles" array */
  gsize    open;          /* where its current object opened */
  guint    n_keys;        /* "articles" keys met: with two, nothing is read apart */
} Outline;

static void
follow (DossierJsonDocument *self,
        Outline             *outline,
        gsize                start,
        gsize                end,
        guint                before,
        guint                after)
{
  char c = self->data[start];

  if (before == 0)
    outline->root_object = c == '{';
  if (!outline->root_object)
    return;

  if (before == 1)
    {
      gboolean named = c == '"' && end - start == 10
                       && memcmp (self->data + start, "\"articles\"", 10) == 0;

      outline->n_keys += named;
      outline->inside = c == '[' && outline->key == 2;
      outline->key = named ? 1 : c == ':' && outline->key == 1 ? 2 : 0;
    }
  else if (outline->inside && before == 2 && c == '{')
    outline->open = start;
  else if (outline->inside && before == 3 && after == 2 && c == '}')
    {
      Span span = { outline->open, start };

      g_array_append_val (self->apart, span);
    }
}

gboolean
_dossier_json_check_syntax (DossierJsonDocument  *self,
                            GError              **error)
{
  gsize i = self->length >= 3 && memcmp (self->data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
  gboolean value_ended = FALSE;
  Outline outline = { 0 };
  guint depth = 0;

  while (i < self->length)
    {
      gsize start = i;
      guint before = depth;

      if (strchr (" \t\r\n", self->data[i]) != NULL && self->data[i] != '\0')
        {
          i++;
          continue;
        }
      if (value_ended)
        return _dossier_json_fail_at (self, error, DOSSIER_IMPORT_ERROR_SYNTAX, i, "%s",
                                      _("more text after the end of the JSON value"));
      if (!scan_token (self, &i, &depth, error))
        return FALSE;
      if (self->apart != NULL)
        follow (self, &outline, start, i, before, depth);
      value_ended = depth == 0;
    }

  /* json-glib keeps one of two members with the same name: let it read them both */
  if (self->apart != NULL && outline.n_keys > 1)
    g_array_set_size (self->apart, 0);
  return TRUE;
}
