/* dossier-sentences.h: where the sentences of a text begin and end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A sentence as character offsets: [start, end). */
typedef struct
{
  guint start;
  guint end;
} DossierSpan;

GArray            *dossier_sentences_split      (const gunichar *text,
                                                 gsize           n_chars);
GArray            *dossier_sentences_split_utf8 (const char     *text);
const DossierSpan *dossier_sentences_find       (GArray         *sentences,
                                                 guint           offset);

G_END_DECLS
