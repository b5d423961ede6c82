/* dossier-test-gui.h: shared helpers of the window tests (GTK, under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-types.h"

G_BEGIN_DECLS

char      *dossier_test_gui_init   (int              *argc,
                                    char           ***argv,
                                    const char       *name);
gboolean   dossier_test_press_on   (GtkWidget        *widget,
                                    guint             keyval,
                                    GdkModifierType   modifiers);
gboolean   dossier_test_press      (GtkWidget        *focus,
                                    guint             keyval,
                                    GdkModifierType   modifiers);
GtkWidget *dossier_test_find_child (GtkWidget        *widget,
                                    GType             type,
                                    const char       *css_class);
gboolean   dossier_test_shows_text (GtkWidget        *widget,
                                    const char       *text);
DossierLibrary *dossier_test_open_library (void);

G_END_DECLS
