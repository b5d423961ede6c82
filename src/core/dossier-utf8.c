/* dossier-utf8.c: UTF-8 checks and decoding that pass over ASCII a word at a time
 *
 * An import validates, measures and decodes every article's text more than once, and most
 * of it is ASCII: GLib's functions look at each byte on its own, these at eight at a time
 * while the bytes are ASCII. A character of several bytes has no ASCII byte in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dossier-utf8.h"

#define HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)

/* From @i, the first byte at or after it that is not ASCII, or @length. */
static gsize
skip_ascii (const char *data,
            gsize       i,
            gsize       length)
{
  guint64 word;

  while (i + sizeof word <= length)
    {
      memcpy (&word, data + i, sizeof word);
      if (word & HIGH_BITS)
        break;
      i += sizeof word;
    }
  while (i < length && (guchar) data[i] < 0x80)
    i++;
  return i;
}

/**
 * dossier_utf8_validate:
 * @length: bytes of @data, or -1 up to its NUL
 * @end: (out) (optional): the first bad byte when it is not valid
 *
 * g_utf8_validate(), the same answer and the same @end: each run of bytes that are not
 * ASCII is whole characters or bad, and is checked whole with g_utf8_validate_len().
 */
gboolean
dossier_utf8_validate (const char  *data,
                       gssize       length,
                       const char **end)
{
  gsize size = length < 0 ? strlen (data) : (gsize) length;
  gsize i = 0;

  while ((i = skip_ascii (data, i, size)) < size)
    {
      gsize run = i;

      while (run < size && (guchar) data[run] >= 0x80)
        run++;
      if (!g_utf8_validate_len (data + i, run - i, end))
        return FALSE;
      i = run;
    }

  if (end != NULL)
    *end = data + size;
  return TRUE;
}

/**
 * dossier_utf8_strlen:
 * @text: valid UTF-8
 * @length: bytes of @text, or -1 up to its NUL
 *
 * g_utf8_strlen() of valid text: its bytes less those that continue a character.
 */
glong
dossier_utf8_strlen (const char *text,
                     gssize      length)
{
  gsize size = length < 0 ? strlen (text) : (gsize) length;
  glong n = 0;
  gsize i = 0;

  while (i < size)
    {
      gsize ascii_end = skip_ascii (text, i, size);

      n += ascii_end - i;
      for (i = ascii_end; i < size && (guchar) text[i] >= 0x80; i++)
        n += ((guchar) text[i] & 0xc0) != 0x80;
    }

  return n;
}

/**
 * dossier_utf8_to_ucs4:
 * @text: valid UTF-8
 * @length: bytes of @text, or -1 up to its NUL
 * @n_chars: (out): the characters written, the terminating 0 left out
 *
 * g_utf8_to_ucs4_fast() of valid text, each run of ASCII copied without a call.
 *
 * Returns: (transfer full): the characters of @text, 0-terminated
 */
gunichar *
dossier_utf8_to_ucs4 (const char *text,
                      gssize      length,
                      glong      *n_chars)
{
  gsize size = length < 0 ? strlen (text) : (gsize) length;
  gunichar *chars = g_new (gunichar, size + 1);
  const char *p = text, *end = text + size;
  glong n = 0;

  while (p < end)
    {
      const char *ascii_end = text + skip_ascii (text, p - text, size);

      for (; p < ascii_end; p++)
        chars[n++] = (guchar) *p;
      for (; p < end && (guchar) *p >= 0x80; p = g_utf8_next_char (p))
        chars[n++] = g_utf8_get_char (p);
    }

  chars[n] = 0;
  *n_chars = n;
  return chars;
}
