/* dossier-plain-text.h: an article from a plain-text or Markdown file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-article.h"

G_BEGIN_DECLS

gboolean        dossier_plain_text_is_text_file (const char   *path);
DossierArticle *dossier_plain_text_read         (const char   *data,
                                                 gsize         length,
                                                 const char   *filename,
                                                 gboolean      markdown,
                                                 GError      **error);

G_END_DECLS
