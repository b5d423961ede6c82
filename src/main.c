/* main.c: the dossier command, window or command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "dossier-application.h"
#include "dossier-cli.h"
#include "dossier-graphics.h"

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

#ifdef __GLIBC__
  /* The window reads its lists, the timeline and each search in worker threads, and glibc
   * gives each thread an arena of its own, where what a finished read freed stays
   * resident: with 100,000 articles that was 8 MB the main thread could not reuse. The
   * threads allocate little next to SQLite's reading, so sharing one arena costs nothing
   * measurable. */
  mallopt (M_ARENA_MAX, 1);

  /* Large blocks (the timeline's keys as they grow, a list's rows, SQLite's sorter) come
   * from mmap, so that freeing one gives it back and growing one moves its pages instead
   * of copying them. glibc would raise this threshold after the first such block is
   * freed, and from then on serve them from the heap, where they stay resident: 4 MB of
   * the peak once the 100,000-article timeline is read. */
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);
#endif

  dossier_graphics_prepare ();
  application = dossier_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
