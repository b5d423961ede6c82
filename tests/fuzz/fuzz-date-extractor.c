/* fuzz-date-extractor.c: date expressions in arbitrary article text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz.h"

#include "dossier-date-extractor.h"

/* Every expression must point inside the text it came from: the window highlights it. */
static void
check_expression (const char                  *text,
                  glong                        n_chars,
                  const DossierDateExpression *e)
{
  g_assert_true (g_utf8_validate (e->phrase, -1, NULL));
  g_assert_cmpuint (e->sentence_start, <=, e->start);
  g_assert_cmpuint (e->start + e->length, <=, e->sentence_end);
  g_assert_cmpuint (e->sentence_end, <=, n_chars);
  g_assert_cmpint (e->date.precision, !=, DOSSIER_PRECISION_NONE);
  g_free (dossier_date_to_iso (&e->date));
}

/* The first byte chooses the publication date the text is read against (relative dates
 * such as "last March" depend on it); the rest, made valid UTF-8 as every article's text
 * is, is the text. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) expressions = NULL;
  g_autofree char *text = NULL;
  DossierDate published = { 0 };
  glong n_chars;

  fuzz_make_warnings_fatal ();
  if (size == 0)
    return 0;

  g_assert_true (dossier_date_set (&published, 1990 + data[0] % 60, 1 + data[0] % 12,
                                   data[0] & 0x80 ? 0 : 1 + data[0] % 28));
  text = g_utf8_make_valid ((const char *) data + 1, size - 1);
  n_chars = g_utf8_strlen (text, -1);

  expressions = dossier_date_extract (text, &published);
  g_assert_nonnull (expressions);
  for (guint i = 0; i < expressions->len; i++)
    check_expression (text, n_chars, g_ptr_array_index (expressions, i));
  return 0;
}
