/* main.c: the dossier command, window or command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dossier-application.h"
#include "dossier-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DossierApplication) application = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Commands never touch GTK, so they run without a display. */
  if (dossier_cli_handles (argc, argv))
    return dossier_cli_run (argc, argv);

  application = dossier_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
