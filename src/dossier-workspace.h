/* dossier-workspace.h: the reading area, one to four article columns side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-column.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_WORKSPACE (dossier_workspace_get_type ())
#define DOSSIER_WORKSPACE_MAX_COLUMNS 4

G_DECLARE_FINAL_TYPE (DossierWorkspace, dossier_workspace, DOSSIER, WORKSPACE, GtkWidget)

GtkWidget     *dossier_workspace_new           (void);
guint          dossier_workspace_get_n_columns (DossierWorkspace *self);
DossierColumn *dossier_workspace_get_column    (DossierWorkspace *self,
                                                guint             index);
DossierColumn *dossier_workspace_get_focused   (DossierWorkspace *self);
DossierColumn *dossier_workspace_find          (DossierWorkspace *self,
                                                const char       *article_id);
DossierColumn *dossier_workspace_add_column    (DossierWorkspace *self);
void           dossier_workspace_close_column  (DossierWorkspace *self,
                                                DossierColumn    *column);
void           dossier_workspace_focus_column  (DossierWorkspace *self,
                                                DossierColumn    *column);
void           dossier_workspace_focus_next    (DossierWorkspace *self,
                                                int               direction);

G_END_DECLS
