/* dossier-graphics.h: whether GDK sets OpenGL up for the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean dossier_graphics_gpu_present   (const char         *dev_dir);
gboolean dossier_graphics_wants_no_gl   (const char * const *environment,
                                         gboolean            gpu_present);
void     dossier_graphics_prepare       (void);

G_END_DECLS
