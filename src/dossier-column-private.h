/* dossier-column-private.h: what the column's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-column.h"

G_BEGIN_DECLS

struct _DossierColumn
{
  GtkWidget           parent_instance;

  /* template widgets */
  DossierArticleView *article_view;
  GtkLabel           *byline_label;
  GtkWidget          *close_button;
  GtkSearchEntry     *find_entry;
  GtkSearchBar       *find_bar;
  GtkLabel           *find_label;
  GtkBox             *header;
  GtkBox             *mention_box;
  GtkLabel           *mention_label;
  GtkLabel           *status_label;
  GtkLabel           *title_label;

  /* owned */
  GPtrArray          *mentions;   /* DossierMention, every entity's */
  GArray             *chosen;     /* guint: indices into mentions of the chosen entity */
  int                 current;    /* index into chosen, -1 before the first step */
  gboolean            focused;
  gboolean            narrow;        /* too narrow for the counts' long forms */
  DossierAnnotations *session;
  GListModel         *annotations;   /* this article's, kept up to date by the session */
  GtkWidget          *popover;       /* DossierAnnotationPopover */
  GSettings          *settings;
  GArray             *found;         /* DossierTextRange: matches of the find bar */
  int                 found_current; /* index into found, -1 before the first step */
  char               *find_words;    /* words found each on its own (a search's), or NULL */
  char               *found_text;    /* the bar's text that found holds the matches of */
};

/* Where a step in @direction (1 or -1) from @current (-1: none yet) lands among @n > 0
 * marks, wrapping around: mentions and matches step alike. */
static inline int
_dossier_column_step_index (int current,
                            int n,
                            int direction)
{
  if (current < 0)
    return direction > 0 ? 0 : n - 1;
  return ((current + direction) % n + n) % n;
}

void _dossier_column_init_find       (DossierColumn  *self);
void _dossier_column_class_init_find (GtkWidgetClass *widget_class);
void _dossier_column_refind          (DossierColumn  *self);
void _dossier_column_reset_find      (DossierColumn  *self);
void _dossier_column_find_step       (DossierColumn  *self,
                                      int             direction);
void _dossier_column_place_find_label (DossierColumn *self);

const char *_dossier_column_annotation_at    (DossierColumn *self,
                                             double         x,
                                             double         y);
gboolean    _dossier_column_popup_annotation (DossierColumn *self,
                                             const char    *id);
void        _dossier_column_pass_click       (DossierColumn *self);

G_END_DECLS
