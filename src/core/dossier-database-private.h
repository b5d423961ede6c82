/* dossier-database-private.h: the schema, shared by the database and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* migrations[i] takes a database from schema version i to i + 1. */
extern const char * const _dossier_migrations[];
extern const guint _dossier_n_migrations;

G_END_DECLS
