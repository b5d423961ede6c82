/* dossier-text-reveal.h: keeps a passage of a text view on screen while GTK lays it out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

guint dossier_text_reveal_mark (GtkTextView *text_view,
                                GtkTextMark *mark,
                                double       yalign);

G_END_DECLS
