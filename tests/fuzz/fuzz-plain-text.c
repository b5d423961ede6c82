/* fuzz-plain-text.c: plain-text and Markdown articles from arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz.h"

#include "dossier-article.h"
#include "dossier-json-document.h"
#include "dossier-plain-text.h"

/* The first byte chooses plain text or Markdown, the rest is the file. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  gboolean markdown;
  const char *text;

  fuzz_make_warnings_fatal ();
  if (size == 0)
    return 0;
  markdown = data[0] & 1;

  article = dossier_plain_text_read ((const char *) data + 1, size - 1,
                                     markdown ? "fuzz.md" : "fuzz.txt", markdown, &error);
  if (article == NULL)
    {
      g_assert_error (error, DOSSIER_IMPORT_ERROR, error->code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  text = dossier_article_get_text (article);
  g_assert_no_error (error);
  g_assert_nonnull (dossier_article_get_id (article));
  g_assert_true (g_utf8_validate (dossier_article_get_title (article), -1, NULL));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (dossier_article_get_n_chars (article), ==, g_utf8_strlen (text, -1));
  return 0;
}
