/* dossier-test-util.c: shared helpers of the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* unshare(), syscall() */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <linux/capability.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

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

/* Opens (making it if need be) DIR/library.db over @bundled_path (NULL: none), failing the
 * test if it cannot. */
DossierLibrary *
dossier_test_open_library_in (const char *dir,
                              const char *bundled_path)
{
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  DossierLibrary *library = dossier_library_open (path, bundled_path, &error);

  g_assert_no_error (error);
  return library;
}

/* A #GTestFixtureFunc: a fresh folder with a library over the bundled dossier in it. */
void
dossier_test_library_set_up (DossierTestLibrary *fixture,
                             gconstpointer       data)
{
  fixture->dir = dossier_test_make_tmpdir ();
  fixture->library = dossier_test_open_library_in (fixture->dir,
                                                   dossier_library_get_default_bundled_path ());
}

/* A #GTestFixtureFunc: closes the library and removes its folder. */
void
dossier_test_library_tear_down (DossierTestLibrary *fixture,
                                gconstpointer       data)
{
  g_clear_object (&fixture->library);
  dossier_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Writes the benchmark generator's corpus of @count articles of 300 words, from @seed, to
 * @path ($DOSSIER_GENERATE is the generator). */
void
dossier_test_generate_corpus (const char *path,
                              const char *count,
                              const char *seed)
{
  const char *argv[] = { g_getenv ("DOSSIER_GENERATE"), "--count", count, "--words", "300",
                         "--seed", seed, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_nonnull (argv[0]);
  g_assert_true (dossier_test_run (argv, &out, &err, &status));
  g_assert_cmpint (status, ==, 0);
}

/* Root writes files whatever their mode says. To test a read-only library as a user meets
 * it, this process and the programs it starts lose that power for good: call it in a
 * g_test_trap_subprocess() child. */
gboolean
dossier_test_drop_file_override (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[2] = { { 0 } };
  const int caps[] = { CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER };

  if (geteuid () != 0)
    return TRUE;
  if (syscall (SYS_capget, &header, data) != 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (caps); i++)
    {
      /* Out of the bounding set too, or an exec'd program gets it back. */
      prctl (PR_CAPBSET_DROP, caps[i], 0, 0, 0);
      data[0].effective &= ~(1u << caps[i]);
      data[0].permitted &= ~(1u << caps[i]);
      data[0].inheritable &= ~(1u << caps[i]);
    }

  return syscall (SYS_capset, &header, data) == 0;
}

static gboolean
enter_mount_namespace (char **why)
{
  if (unshare (CLONE_NEWNS) != 0)
    {
      *why = g_strdup_printf ("unshare(CLONE_NEWNS): %s", g_strerror (errno));
      return FALSE;
    }
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    {
      *why = g_strdup_printf ("making / private: %s", g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

/* Mounts a tmpfs of @size (e.g. "4m") on @folder, in a mount namespace of this process's
 * own so nothing outside sees it. */
gboolean
dossier_test_mount_tmpfs (const char  *folder,
                          const char  *size,
                          char       **why)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0755", size);

  if (!enter_mount_namespace (why))
    return FALSE;
  if (mount ("tmpfs", folder, "tmpfs", 0, options) != 0)
    {
      *why = g_strdup_printf ("mount -t tmpfs: %s", g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

/* Whether dossier_test_mount_tmpfs() can work here (root, or a user namespace), tried in
 * a child so this process stays as it is; @why says why not. */
gboolean
dossier_test_can_mount (char **why)
{
  g_autofree char *folder = g_dir_make_tmp ("dossier-mount-XXXXXX", NULL);
  int status = -1;
  pid_t pid = fork ();

  if (pid == 0)
    {
      char *reason = NULL;

      _exit (dossier_test_mount_tmpfs (folder, "64k", &reason) ? 0 : 1);
    }
  if (pid > 0)
    waitpid (pid, &status, 0);
  g_rmdir (folder);

  if (pid > 0 && WIFEXITED (status) && WEXITSTATUS (status) == 0)
    return TRUE;

  *why = g_strdup ("mounting a tmpfs is not permitted here (needs root or CAP_SYS_ADMIN)");
  return FALSE;
}

/* Writes a file in @folder until the disk is full; returns its path, to free space again. */
char *
dossier_test_fill_disk (const char *folder)
{
  char *path = g_build_filename (folder, "filler", NULL);
  char block[4096] = { 0 };
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  /* Whatever is left is smaller than a block: fill that too. */
  while (write (fd, block, 1) > 0)
    ;
  close (fd);
  return path;
}

/* Runs the current test again in a child process (g_test_trap_subprocess()), or skips it
 * with the reason when it @needs_mount and mounting is not permitted. TRUE in the child,
 * which goes on with the test; FALSE in the parent, which is done. */
gboolean
dossier_test_in_subprocess (gboolean needs_mount)
{
  g_autofree char *why = NULL;

  if (g_test_subprocess ())
    return TRUE;

  if (needs_mount && !dossier_test_can_mount (&why))
    {
      g_test_skip (why);
      return FALSE;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}
