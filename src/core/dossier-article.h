/* dossier-article.h: one news article, its metadata and its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-block.h"
#include "dossier-credit.h"
#include "dossier-date.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARTICLE (dossier_article_get_type ())

G_DECLARE_FINAL_TYPE (DossierArticle, dossier_article, DOSSIER, ARTICLE, GObject)

/* Blocks are joined by this in the article's flat text. */
#define DOSSIER_BLOCK_SEPARATOR "\n\n"
#define DOSSIER_BLOCK_SEPARATOR_LENGTH 2

DossierArticle    *dossier_article_new                (void);

const char        *dossier_article_get_id             (DossierArticle    *self);
void               dossier_article_set_id             (DossierArticle    *self,
                                                       const char        *id);
const char        *dossier_article_get_title          (DossierArticle    *self);
void               dossier_article_set_title          (DossierArticle    *self,
                                                       const char        *title);
const char        *dossier_article_get_subtitle       (DossierArticle    *self);
void               dossier_article_set_subtitle       (DossierArticle    *self,
                                                       const char        *subtitle);
const char        *dossier_article_get_outlet         (DossierArticle    *self);
void               dossier_article_set_outlet         (DossierArticle    *self,
                                                       const char        *outlet);
const char        *dossier_article_get_url            (DossierArticle    *self);
void               dossier_article_set_url            (DossierArticle    *self,
                                                       const char        *url);
const DossierDate *dossier_article_get_published      (DossierArticle    *self);
void               dossier_article_set_published      (DossierArticle    *self,
                                                       const DossierDate *published);
const char        *dossier_article_get_published_note (DossierArticle    *self);
void               dossier_article_set_published_note (DossierArticle    *self,
                                                       const char        *note);
const char        *dossier_article_get_language       (DossierArticle    *self);
void               dossier_article_set_language       (DossierArticle    *self,
                                                       const char        *language);
DossierOrigin      dossier_article_get_origin         (DossierArticle    *self);
void               dossier_article_set_origin         (DossierArticle    *self,
                                                       DossierOrigin      origin);

GPtrArray         *dossier_article_get_credits        (DossierArticle    *self);
void               dossier_article_add_credit         (DossierArticle    *self,
                                                       const char        *role,
                                                       const char        *name);
char              *dossier_article_dup_byline         (DossierArticle    *self);

GPtrArray         *dossier_article_get_blocks         (DossierArticle    *self);
void               dossier_article_set_blocks         (DossierArticle    *self,
                                                       GPtrArray         *blocks);
gboolean           dossier_article_has_body           (DossierArticle    *self);
const char        *dossier_article_get_text           (DossierArticle    *self);
guint              dossier_article_get_n_chars        (DossierArticle    *self);
char              *dossier_article_dup_text_range     (DossierArticle    *self,
                                                       guint              start,
                                                       guint              end);
DossierBlock      *dossier_article_get_block_at       (DossierArticle    *self,
                                                       guint              offset);
const char        *dossier_article_get_text_hash      (DossierArticle    *self);
char              *dossier_article_dup_text_hash      (DossierArticle    *self);
char              *dossier_article_derive_id          (DossierArticle    *self);

G_END_DECLS
