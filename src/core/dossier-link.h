/* dossier-link.h: dossier: links to an article or a passage of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOSSIER_LINK_SCHEME "dossier"

char     *dossier_link_build (const char  *article_id,
                              guint        start,
                              guint        end);
gboolean  dossier_link_parse (const char  *uri,
                              char       **article_id,
                              guint       *start,
                              guint       *end);

G_END_DECLS
