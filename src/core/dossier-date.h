/* dossier-date.h: a calendar date known to the year, the month or the day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DATE (dossier_date_get_type ())

struct _DossierDate
{
  int              year;
  int              month;     /* 1–12, or 0 when unknown */
  int              day;       /* 1–31, or 0 when unknown */
  DossierPrecision precision;
};

GType        dossier_date_get_type     (void) G_GNUC_CONST;
DossierDate *dossier_date_copy         (const DossierDate *date);
void         dossier_date_free         (DossierDate       *date);
gboolean     dossier_date_parse        (const char        *text,
                                        DossierDate       *date);
gboolean     dossier_date_set          (DossierDate       *date,
                                        int                year,
                                        int                month,
                                        int                day);
char        *dossier_date_to_iso       (const DossierDate *date);
char        *dossier_date_format       (const DossierDate *date);
int          dossier_date_to_key       (const DossierDate *date);
gboolean     dossier_date_from_key     (int                key,
                                        DossierPrecision   precision,
                                        DossierDate       *date);
int          dossier_date_compare      (const DossierDate *a,
                                        const DossierDate *b);
void         dossier_date_truncate     (const DossierDate *date,
                                        DossierPrecision   precision,
                                        DossierDate       *result);
gboolean     dossier_date_matches      (const DossierDate *a,
                                        const DossierDate *b);
void         dossier_date_get_first_day (const DossierDate *date,
                                         GDate             *first);
void         dossier_date_get_last_day (const DossierDate *date,
                                        GDate             *last);
void         dossier_date_set_from_gdate (DossierDate     *date,
                                          const GDate     *gdate,
                                          DossierPrecision precision);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierDate, dossier_date_free)

G_END_DECLS
