/* dossier-preferences.h: the preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_PREFERENCES (dossier_preferences_get_type ())

G_DECLARE_FINAL_TYPE (DossierPreferences, dossier_preferences, DOSSIER, PREFERENCES,
                      AdwPreferencesWindow)

GtkWidget *dossier_preferences_new (GtkWindow *parent);

G_END_DECLS
