/* dossier-annotation-popover.h: highlight a selection; edit a highlight's note and tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-annotations.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ANNOTATION_POPOVER (dossier_annotation_popover_get_type ())

G_DECLARE_FINAL_TYPE (DossierAnnotationPopover, dossier_annotation_popover, DOSSIER,
                      ANNOTATION_POPOVER, GtkPopover)

GtkWidget         *dossier_annotation_popover_new            (void);
void               dossier_annotation_popover_set_session    (DossierAnnotationPopover *self,
                                                              DossierAnnotations       *session);
void               dossier_annotation_popover_edit_selection (DossierAnnotationPopover *self,
                                                              DossierArticle           *article,
                                                              guint                     start,
                                                              guint                     end);
void               dossier_annotation_popover_edit           (DossierAnnotationPopover *self,
                                                              DossierAnnotation        *annotation);
DossierAnnotation *dossier_annotation_popover_get_annotation (DossierAnnotationPopover *self);
GtkTextView       *dossier_annotation_popover_get_note_view  (DossierAnnotationPopover *self);
GtkEntry          *dossier_annotation_popover_get_tags_entry (DossierAnnotationPopover *self);
void               dossier_annotation_popover_save           (DossierAnnotationPopover *self);
const char        *dossier_highlight_color_get_label         (DossierHighlightColor     color);

G_END_DECLS
