/* fuzz-web-annotation.c: annotation import (W3C Web Annotation JSON) from arbitrary bytes,
 * each annotation then anchored in an article as the import does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz.h"

#include "dossier-anchor.h"
#include "dossier-annotation.h"
#include "dossier-article.h"
#include "dossier-json-document.h"
#include "dossier-plain-text.h"
#include "dossier-web-annotation.h"

static const char article_text[] =
  "# Talks in Geneva\n"
  "Published: 2024-03-05\n"
  "\n"
  "The talks resumed in Geneva on Tuesday. The talks ended early. \xc3\xa9t\xc3\xa9 \xe2\x80\x94 "
  "naïve café, 日本語のテキスト, and an emoji 🙂 so offsets count characters.\n";

static DossierArticle *
article (void)
{
  static DossierArticle *article;
  g_autoptr(GError) error = NULL;

  if (article == NULL)
    article = dossier_plain_text_read (article_text, strlen (article_text), "fixture.md",
                                       TRUE, &error);
  g_assert_no_error (error);
  return article;
}

static void
check_anchored (DossierAnnotation *annotation)
{
  guint n_chars = dossier_article_get_n_chars (article ());

  dossier_anchor_apply (annotation, article ());
  if (dossier_annotation_get_anchor (annotation) == DOSSIER_ANCHOR_ORPHAN)
    return;
  g_assert_cmpuint (dossier_annotation_get_start (annotation), <=,
                    dossier_annotation_get_end (annotation));
  g_assert_cmpuint (dossier_annotation_get_end (annotation), <=, n_chars);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_make_warnings_fatal ();
  annotations = dossier_web_annotation_read ((const char *) data, size, "fuzz.json", &error);
  if (annotations == NULL)
    {
      g_assert_error (error, DOSSIER_IMPORT_ERROR, error->code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  for (guint i = 0; i < annotations->len; i++)
    check_anchored (g_ptr_array_index (annotations, i));
  return 0;
}
