/* dossier-annotation.h: a highlight on a passage of an article, with its note and tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-types.h"

G_BEGIN_DECLS

/* How much of a note or a quote a row or a tooltip shows */
#define DOSSIER_ANNOTATION_SHOWN_CHARS 1000

#define DOSSIER_TYPE_ANNOTATION (dossier_annotation_get_type ())
#define DOSSIER_TYPE_HIGHLIGHT_COLOR (dossier_highlight_color_get_type ())
#define DOSSIER_TYPE_ANCHOR_STATE (dossier_anchor_state_get_type ())

/* How many characters of context are kept on each side of the quote. */
#define DOSSIER_ANNOTATION_CONTEXT_LENGTH 32

/* Stored by name, so the order may change; the names may not. */
typedef enum
{
  DOSSIER_HIGHLIGHT_YELLOW,
  DOSSIER_HIGHLIGHT_GREEN,
  DOSSIER_HIGHLIGHT_BLUE,
  DOSSIER_HIGHLIGHT_PINK,
  DOSSIER_HIGHLIGHT_PURPLE,
} DossierHighlightColor;

#define DOSSIER_N_HIGHLIGHT_COLORS 5

/* Stored as integers: never renumber, only append. */
typedef enum
{
  /* The text at the offsets is the quote. */
  DOSSIER_ANCHOR_OK     = 0,
  /* The article changed and the passage was found again elsewhere. */
  DOSSIER_ANCHOR_MOVED  = 1,
  /* The passage is gone (or its article): kept with its quote, needs attention. */
  DOSSIER_ANCHOR_ORPHAN = 2,
} DossierAnchorState;

/* Which annotations a list shows; a zeroed filter (with color -1) shows all. */
typedef struct
{
  const char *article_id;    /* one article, or NULL */
  int         color;         /* a DossierHighlightColor, or -1 for any */
  const char *tag;           /* carrying this tag, or NULL */
  const char *text;          /* in the quote or the note, ignoring ASCII case; or NULL */
  gboolean    orphans_only;  /* only those that need attention */
} DossierAnnotationFilter;

#define DOSSIER_ANNOTATION_FILTER_INIT { NULL, -1, NULL, NULL, FALSE }

G_DECLARE_FINAL_TYPE (DossierAnnotation, dossier_annotation, DOSSIER, ANNOTATION, GObject)

GType                 dossier_highlight_color_get_type      (void) G_GNUC_CONST;
GType                 dossier_anchor_state_get_type         (void) G_GNUC_CONST;
const char           *dossier_highlight_color_to_string     (DossierHighlightColor  color);
gboolean              dossier_highlight_color_from_string   (const char            *name,
                                                             DossierHighlightColor *color);
const char           *dossier_anchor_state_to_string        (DossierAnchorState     state);

DossierAnnotation    *dossier_annotation_new                (const char            *id,
                                                             const char            *article_id);
DossierAnnotation    *dossier_annotation_copy               (DossierAnnotation     *self);

const char           *dossier_annotation_get_id             (DossierAnnotation     *self);
const char           *dossier_annotation_get_article_id     (DossierAnnotation     *self);
guint                 dossier_annotation_get_start          (DossierAnnotation     *self);
guint                 dossier_annotation_get_end            (DossierAnnotation     *self);
void                  dossier_annotation_set_range          (DossierAnnotation     *self,
                                                             guint                  start,
                                                             guint                  end);
const char           *dossier_annotation_get_quote          (DossierAnnotation     *self);
void                  dossier_annotation_set_quote          (DossierAnnotation     *self,
                                                             const char            *quote);
const char           *dossier_annotation_get_prefix         (DossierAnnotation     *self);
void                  dossier_annotation_set_prefix         (DossierAnnotation     *self,
                                                             const char            *prefix);
const char           *dossier_annotation_get_suffix         (DossierAnnotation     *self);
void                  dossier_annotation_set_suffix         (DossierAnnotation     *self,
                                                             const char            *suffix);
const char           *dossier_annotation_get_text_hash      (DossierAnnotation     *self);
void                  dossier_annotation_set_text_hash      (DossierAnnotation     *self,
                                                             const char            *hash);
DossierHighlightColor dossier_annotation_get_color          (DossierAnnotation     *self);
void                  dossier_annotation_set_color          (DossierAnnotation     *self,
                                                             DossierHighlightColor  color);
const char           *dossier_annotation_get_note           (DossierAnnotation     *self);
char                 *dossier_annotation_shorten_text       (const char            *text);
void                  dossier_annotation_set_note           (DossierAnnotation     *self,
                                                             const char            *note);
const char * const   *dossier_annotation_get_tags           (DossierAnnotation     *self);
void                  dossier_annotation_set_tags           (DossierAnnotation     *self,
                                                             const char * const    *tags);
gboolean              dossier_annotation_has_tag            (DossierAnnotation     *self,
                                                             const char            *tag);
const char           *dossier_annotation_get_created        (DossierAnnotation     *self);
void                  dossier_annotation_set_created        (DossierAnnotation     *self,
                                                             const char            *created);
const char           *dossier_annotation_get_modified       (DossierAnnotation     *self);
void                  dossier_annotation_set_modified       (DossierAnnotation     *self,
                                                             const char            *modified);
DossierAnchorState    dossier_annotation_get_anchor         (DossierAnnotation     *self);
void                  dossier_annotation_set_anchor         (DossierAnnotation     *self,
                                                             DossierAnchorState     anchor);
char                 *dossier_annotation_dup_link           (DossierAnnotation     *self);
char                 *dossier_annotation_now_iso            (void);

G_END_DECLS
