/* dossier-test-util.c: shared helpers of the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/wait.h>

#include "dossier-test-util.h"

/* A fresh folder for one test's databases; remove it with dossier_test_remove_tree(). */
char *
dossier_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("dossier-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
dossier_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      dossier_test_remove_tree (child);
    }
  g_rmdir (path);
}

/* A file under tests/data/ */
char *
dossier_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

char *
dossier_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Runs a program to its end, capturing its output; the environment is inherited. */
gboolean
dossier_test_run (const char *const  *argv,
                  char              **out,
                  char              **err,
                  int                *exit_status)
{
  return dossier_test_run_env (argv, NULL, out, err, exit_status);
}

/* Same, with @envp (NULL: inherit) */
gboolean
dossier_test_run_env (const char *const  *argv,
                      char              **envp,
                      char              **out,
                      char              **err,
                      int                *exit_status)
{
  g_autoptr(GError) error = NULL;
  int wait_status;

  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                     &wait_status, &error))
    {
      g_test_message ("spawn failed: %s", error->message);
      return FALSE;
    }

  *exit_status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return TRUE;
}

void
dossier_test_cli_clear (DossierTestCli *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs `$DOSSIER_EXECUTABLE ARGS…` with XDG_DATA_HOME set to @run's, capturing its output. */
void
dossier_test_cli_run (DossierTestCli *run,
                      const char     *first,
                      ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", run->data_home, TRUE);
  const char *arg;
  va_list args;

  dossier_test_cli_clear (run);
  g_ptr_array_add (argv, (char *) g_getenv ("DOSSIER_EXECUTABLE"));
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (dossier_test_run_env ((const char *const *) argv->pdata, envp, &run->out,
                                       &run->err, &run->status));
}
