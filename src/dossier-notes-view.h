/* dossier-notes-view.h: every annotation of the dossier, grouped by article, filtered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-annotations.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_NOTES_VIEW (dossier_notes_view_get_type ())

G_DECLARE_FINAL_TYPE (DossierNotesView, dossier_notes_view, DOSSIER, NOTES_VIEW, GtkWidget)

GtkWidget                     *dossier_notes_view_new             (void);
DossierAnnotations            *dossier_notes_view_get_annotations (DossierNotesView   *self);
void                           dossier_notes_view_set_annotations (DossierNotesView   *self,
                                                                   DossierAnnotations *annotations);
void                           dossier_notes_view_set_text_filter (DossierNotesView   *self,
                                                                   const char         *text);
void                           dossier_notes_view_set_color_filter (DossierNotesView  *self,
                                                                    int                color);
void                           dossier_notes_view_set_tag_filter  (DossierNotesView   *self,
                                                                   const char         *tag);
const DossierAnnotationFilter *dossier_notes_view_get_filter      (DossierNotesView   *self);
GListModel                    *dossier_notes_view_get_items       (DossierNotesView   *self);
guint                          dossier_notes_view_get_n_shown     (DossierNotesView   *self);

G_END_DECLS
