/* dossier-credit.h: who did what for an article (translator, editor, photo…)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_CREDIT (dossier_credit_get_type ())

struct _DossierCredit
{
  char *role;
  char *name;
};

GType          dossier_credit_get_type (void) G_GNUC_CONST;
DossierCredit *dossier_credit_new      (const char          *role,
                                        const char          *name);
DossierCredit *dossier_credit_copy     (const DossierCredit *credit);
void           dossier_credit_free     (DossierCredit       *credit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierCredit, dossier_credit_free)

G_END_DECLS
