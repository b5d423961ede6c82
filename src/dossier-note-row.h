/* dossier-note-row.h: one annotation, or an article's heading, in the notes view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "dossier-annotation.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_NOTE_ROW (dossier_note_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierNoteRow, dossier_note_row, DOSSIER, NOTE_ROW, GtkWidget)

GtkWidget  *dossier_note_row_new             (void);
void        dossier_note_row_show_heading    (DossierNoteRow        *self,
                                              const char            *title,
                                              gboolean               attention);
void        dossier_note_row_show_annotation (DossierNoteRow        *self,
                                              DossierAnnotation     *annotation,
                                              const char            *article_title);

G_END_DECLS
