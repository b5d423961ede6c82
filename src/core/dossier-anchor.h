/* dossier-anchor.h: finding an annotation's passage again when its article's text changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-annotation.h"
#include "dossier-article.h"

G_BEGIN_DECLS

/* Fuzzy matching accepts at most one edit (insertion, deletion or substitution of a
 * character) per this many characters of the quote, and is not tried for shorter quotes. */
#define DOSSIER_ANCHOR_CHARS_PER_ERROR 5
/* Fuzzy matching costs quote length × text length steps; above this it is not tried. */
#define DOSSIER_ANCHOR_MAX_FUZZY_CELLS (64 * 1024 * 1024)

void               dossier_anchor_capture          (const char          *text,
                                                    guint                start,
                                                    guint                end,
                                                    char               **quote,
                                                    char               **prefix,
                                                    char               **suffix);
gboolean           dossier_anchor_find_occurrence  (const char          *text,
                                                    const char          *quote,
                                                    guint                occurrence,
                                                    guint               *start,
                                                    guint               *end);
DossierAnchorState dossier_anchor_locate           (const char          *text,
                                                    const char          *quote,
                                                    const char          *prefix,
                                                    const char          *suffix,
                                                    guint                old_start,
                                                    guint               *start,
                                                    guint               *end);
gboolean           dossier_anchor_apply            (DossierAnnotation   *annotation,
                                                    DossierArticle      *article);

G_END_DECLS
