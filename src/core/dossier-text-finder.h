/* dossier-text-finder.h: every place some words occur in a text, ignoring case and accents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint start;    /* characters */
  guint length;
} DossierTextRange;

GArray *dossier_text_find_all (const char         *text,
                               const char * const *needles);

G_END_DECLS
