/* dossier-cli.h: the command line, run without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "dossier-library.h"

G_BEGIN_DECLS

/* Exit codes: 0 success, 1 a user error (unknown id, bad option, bad file). */
#define DOSSIER_CLI_OK    0
#define DOSSIER_CLI_ERROR 1

typedef int (*DossierCliCommandFunc) (int argc, char **argv);

typedef struct
{
  const char            *name;
  const char            *parameters;   /* e.g. "ID", shown in --help */
  const char            *summary;
  DossierCliCommandFunc  run;
} DossierCliCommand;

gboolean        dossier_cli_handles        (int                    argc,
                                            char                 **argv);
int             dossier_cli_run            (int                    argc,
                                            char                 **argv);

/* For the commands */
int             _dossier_cli_fail          (const char            *format,
                                            ...) G_GNUC_PRINTF (1, 2);
int             _dossier_cli_fail_error    (const GError          *error);
gboolean        _dossier_cli_parse         (const char            *command,
                                            const char            *parameters,
                                            const GOptionEntry    *entries,
                                            int                   *argc,
                                            char                ***argv,
                                            int                   *exit_code);
DossierLibrary *_dossier_cli_open_library  (int                   *exit_code);
void            _dossier_cli_print_json    (JsonNode              *node);
void            _dossier_cli_add_string    (JsonBuilder           *builder,
                                            const char            *name,
                                            const char            *value);

int             _dossier_cli_articles      (int                    argc,
                                            char                 **argv);
int             _dossier_cli_show          (int                    argc,
                                            char                 **argv);
int             _dossier_cli_annotate      (int                    argc,
                                            char                 **argv);
int             _dossier_cli_annotations   (int                    argc,
                                            char                 **argv);
int             _dossier_cli_export        (int                    argc,
                                            char                 **argv);
int             _dossier_cli_import_notes  (int                    argc,
                                            char                 **argv);
int             _dossier_cli_entities      (int                    argc,
                                            char                 **argv);
int             _dossier_cli_entity        (int                    argc,
                                            char                 **argv);
int             _dossier_cli_timeline      (int                    argc,
                                            char                 **argv);
int             _dossier_cli_search        (int                    argc,
                                            char                 **argv);
int             _dossier_cli_import        (int                    argc,
                                            char                 **argv);
int             _dossier_cli_remove        (int                    argc,
                                            char                 **argv);
int             _dossier_cli_unhide        (int                    argc,
                                            char                 **argv);

G_END_DECLS
