/* dossier-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "dossier-article-view.h"
#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_WINDOW (dossier_window_get_type ())

G_DECLARE_FINAL_TYPE (DossierWindow, dossier_window, DOSSIER, WINDOW, AdwApplicationWindow)

DossierWindow *dossier_window_new            (GtkApplication  *application,
                                              DossierLibrary  *library,
                                              const GError    *library_error);
gboolean       dossier_window_open_article   (DossierWindow   *self,
                                              const char      *id);
gboolean       dossier_window_open_passage   (DossierWindow   *self,
                                              const char      *id,
                                              guint            start,
                                              guint            end);
GListModel    *dossier_window_get_articles   (DossierWindow   *self);
DossierArticleView *dossier_window_get_article_view (DossierWindow *self);

G_END_DECLS
