/* dossier-types.h: forward declarations and the enums shared across the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _DossierAnnotation  DossierAnnotation;
typedef struct _DossierAnnotations DossierAnnotations;
typedef struct _DossierArticle     DossierArticle;
typedef struct _DossierArticleList DossierArticleList;
typedef struct _DossierBlock       DossierBlock;
typedef struct _DossierCredit      DossierCredit;
typedef struct _DossierDatabase    DossierDatabase;
typedef struct _DossierDate        DossierDate;
typedef struct _DossierEntity      DossierEntity;
typedef struct _DossierEvent       DossierEvent;
typedef struct _DossierImporter    DossierImporter;
typedef struct _DossierLibrary     DossierLibrary;

/* Stored as integers: never renumber, only append. */
typedef enum
{
  DOSSIER_PRECISION_NONE  = 0,
  DOSSIER_PRECISION_YEAR  = 1,
  DOSSIER_PRECISION_MONTH = 2,
  DOSSIER_PRECISION_DAY   = 3,
} DossierPrecision;

typedef enum
{
  DOSSIER_BLOCK_PARAGRAPH = 0,
  DOSSIER_BLOCK_HEADING   = 1,
  DOSSIER_BLOCK_CAPTION   = 2,
  DOSSIER_BLOCK_QUOTE     = 3,
  DOSSIER_BLOCK_VERDICT   = 4,
  DOSSIER_BLOCK_CREDIT    = 5,
} DossierBlockKind;

typedef enum
{
  DOSSIER_ENTITY_PERSON       = 0,
  DOSSIER_ENTITY_ORGANIZATION = 1,
  DOSSIER_ENTITY_PLACE        = 2,
  DOSSIER_ENTITY_EQUIPMENT    = 3,
  DOSSIER_ENTITY_OTHER        = 4,
} DossierEntityKind;

/* Where an article came from: the bundled dossier, or the user's own import. */
typedef enum
{
  DOSSIER_ORIGIN_BUNDLED  = 0,
  DOSSIER_ORIGIN_IMPORTED = 1,
} DossierOrigin;

const char *dossier_block_kind_to_string  (DossierBlockKind   kind);
gboolean    dossier_block_kind_from_string (const char        *name,
                                            DossierBlockKind  *kind);
const char *dossier_entity_kind_to_string  (DossierEntityKind  kind);
gboolean    dossier_entity_kind_from_string (const char       *name,
                                             DossierEntityKind *kind);
const char *dossier_precision_to_string    (DossierPrecision   precision);

G_END_DECLS
