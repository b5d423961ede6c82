/* dossier-list-header.h: a heading item in a flat list model ("People", "June 2021")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIST_HEADER (dossier_list_header_get_type ())

G_DECLARE_FINAL_TYPE (DossierListHeader, dossier_list_header, DOSSIER, LIST_HEADER, GObject)

DossierListHeader *dossier_list_header_new       (const char        *title);
const char        *dossier_list_header_get_title (DossierListHeader *self);

G_END_DECLS
