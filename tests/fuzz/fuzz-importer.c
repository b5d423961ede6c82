/* fuzz-importer.c: the import format (JSON) from arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz.h"

#include "dossier-article.h"
#include "dossier-entity.h"
#include "dossier-importer.h"

/* What the library and the window take for granted about every imported article. */
static void
check_article (DossierArticle *article)
{
  const char *text = dossier_article_get_text (article);

  g_assert_nonnull (dossier_article_get_id (article));
  g_assert_nonnull (dossier_article_get_title (article));
  g_assert_true (g_utf8_validate (dossier_article_get_title (article), -1, NULL));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (dossier_article_get_n_chars (article), ==, g_utf8_strlen (text, -1));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *articles;

  fuzz_make_warnings_fatal ();
  if (!dossier_importer_add_data (importer, (const char *) data, size, "fuzz.json", &error))
    {
      g_assert_error (error, DOSSIER_IMPORT_ERROR, error->code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (dossier_importer_get_articles (importer)->len, ==, 0);
      return 0;
    }

  articles = dossier_importer_get_articles (importer);
  for (guint i = 0; i < articles->len; i++)
    check_article (g_ptr_array_index (articles, i));
  return 0;
}
