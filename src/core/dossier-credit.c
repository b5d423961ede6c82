/* dossier-credit.c: who did what for an article (translator, editor, photo…)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-credit"

#include "dossier-credit.h"

G_DEFINE_BOXED_TYPE (DossierCredit, dossier_credit, dossier_credit_copy, dossier_credit_free)

DossierCredit *
dossier_credit_new (const char *role,
                    const char *name)
{
  DossierCredit *credit;

  g_return_val_if_fail (role != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  credit = g_new0 (DossierCredit, 1);
  credit->role = g_strdup (role);
  credit->name = g_strdup (name);
  return credit;
}

DossierCredit *
dossier_credit_copy (const DossierCredit *credit)
{
  return dossier_credit_new (credit->role, credit->name);
}

void
dossier_credit_free (DossierCredit *credit)
{
  if (credit == NULL)
    return;

  g_free (credit->role);
  g_free (credit->name);
  g_free (credit);
}
