/* dossier-utf8.h: UTF-8 checks and decoding that pass over ASCII a word at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean dossier_utf8_validate (const char   *data,
                                gssize        length,
                                const char  **end);
glong    dossier_utf8_strlen   (const char   *text,
                                gssize        length);
gunichar *dossier_utf8_to_ucs4 (const char   *text,
                                gssize        length,
                                glong        *n_chars);

G_END_DECLS
