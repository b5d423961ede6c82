/* dossier-search-pane.h: search the whole dossier, results as you type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-annotations.h"
#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SEARCH_PANE (dossier_search_pane_get_type ())

G_DECLARE_FINAL_TYPE (DossierSearchPane, dossier_search_pane, DOSSIER, SEARCH_PANE, GtkWidget)

GtkWidget  *dossier_search_pane_new         (void);
void        dossier_search_pane_set_library (DossierSearchPane *self,
                                             DossierLibrary    *library);
void        dossier_search_pane_set_annotations (DossierSearchPane  *self,
                                                 DossierAnnotations *annotations);
void        dossier_search_pane_set_text    (DossierSearchPane *self,
                                             const char        *text);
void        dossier_search_pane_focus       (DossierSearchPane *self);
GListModel *dossier_search_pane_get_results (DossierSearchPane *self);
gboolean    dossier_search_pane_is_busy     (DossierSearchPane *self);
void        dossier_search_pane_activate    (DossierSearchPane *self,
                                             guint              position);

G_END_DECLS
