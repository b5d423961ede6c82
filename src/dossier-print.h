/* dossier-print.h: an article on paper, with its highlights and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-annotations.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_PRINT (dossier_print_get_type ())

G_DECLARE_FINAL_TYPE (DossierPrint, dossier_print, DOSSIER, PRINT, GtkPrintOperation)

DossierPrint *dossier_print_new (DossierArticle *article,
                                 GListModel     *annotations);

G_END_DECLS
