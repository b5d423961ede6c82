/* dossier-test-util.h: shared helpers of the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "dossier-library.h"

G_BEGIN_DECLS

char     *dossier_test_make_tmpdir   (void);
void      dossier_test_remove_tree   (const char  *path);
char     *dossier_test_data_path     (const char  *name);
char     *dossier_test_read_file     (const char  *path);
gboolean  dossier_test_run           (const char *const *argv,
                                      char       **out,
                                      char       **err,
                                      int         *exit_status);

gboolean  dossier_test_run_env       (const char *const *argv,
                                      char       **envp,
                                      char       **out,
                                      char       **err,
                                      int         *exit_status);

gboolean  dossier_test_in_subprocess   (gboolean     needs_mount);
gboolean  dossier_test_drop_file_override (void);
gboolean  dossier_test_can_mount        (char       **why);
gboolean  dossier_test_mount_tmpfs      (const char  *folder,
                                         const char  *size,
                                         char       **why);
char     *dossier_test_fill_disk        (const char  *folder);

/* Runs the default main context while @busy (an expression) holds, for 30 s at most, then
 * fails the test if it still does: background reads in the tests end with a deadline, not
 * with a hang of the whole suite. */
#define DOSSIER_TEST_WAIT_WHILE(busy)                                        \
  G_STMT_START {                                                             \
    gint64 _deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;        \
    while ((busy) && g_get_monotonic_time () < _deadline)                    \
      if (!g_main_context_iteration (NULL, FALSE))                           \
        g_usleep (1000);  /* not blocking: nothing may come to wake it */    \
    g_assert_false (busy);                                                   \
  } G_STMT_END

/* One run of the dossier command line with its own XDG_DATA_HOME */
typedef struct
{
  char *data_home;
  char *out;
  char *err;
  int   status;
} DossierTestCli;

void      dossier_test_cli_clear     (DossierTestCli *run);
void      dossier_test_cli_run       (DossierTestCli *run,
                                      const char     *first,
                                      ...) G_GNUC_NULL_TERMINATED;

/* A library of a test's own in a fresh folder: the fixture of tests that import into or
 * count over a library, so that none sees another's rows. */
typedef struct
{
  char           *dir;
  DossierLibrary *library;
} DossierTestLibrary;

DossierLibrary *dossier_test_open_library_in   (const char         *dir,
                                                const char         *bundled_path);
void            dossier_test_library_set_up    (DossierTestLibrary *fixture,
                                                gconstpointer       data);
void            dossier_test_library_tear_down (DossierTestLibrary *fixture,
                                                gconstpointer       data);
/* Adds a test case that runs @func on a #DossierTestLibrary of its own. */
#define DOSSIER_TEST_ADD_WITH_LIBRARY(path, func)                            \
  g_test_add ((path), DossierTestLibrary, NULL, dossier_test_library_set_up, \
              (func), dossier_test_library_tear_down)
void            dossier_test_generate_corpus   (const char         *path,
                                                const char         *count,
                                                const char         *seed);

G_END_DECLS
