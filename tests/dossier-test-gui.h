/* dossier-test-gui.h: shared helpers of the window tests (GTK, under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-article-view.h"
#include "dossier-types.h"
#include "dossier-window.h"

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
gboolean   dossier_test_click      (GtkWidget        *widget,
                                    double            x,
                                    double            y);
DossierLibrary *dossier_test_open_library (void);
GtkWidget *dossier_test_find_message_dialog (void);

void           dossier_test_wait_idle        (void);
void           dossier_test_wait_frames      (void);
void           dossier_test_wait_loaded      (DossierWindow  *window);
DossierWindow *dossier_test_new_window       (DossierLibrary *library);
DossierWindow *dossier_test_new_empty_window (DossierLibrary *library);
void           dossier_test_close_columns    (DossierWindow  *window);

gboolean dossier_test_tagged_exactly (DossierArticleView *view,
                                      const char         *tag_name,
                                      guint               start,
                                      guint               end);

/* Whether @widget is one to count; @what and @text as given to dossier_test_count_widgets(). */
typedef gboolean (*DossierTestWidgetTest) (GtkWidget  *widget,
                                           const char *what,
                                           const char *text);

guint dossier_test_count_widgets (GtkWidget             *widget,
                                  DossierTestWidgetTest  test,
                                  const char            *what,
                                  const char            *text,
                                  gboolean               visible_only);
guint dossier_test_count_buttons (GtkWidget             *widget,
                                  const char            *action);

G_END_DECLS
