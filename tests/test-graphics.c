/* test-graphics.c: when the window asks GDK not to set OpenGL up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "dossier-graphics.h"
#include "dossier-test-util.h"

/* A stand-in for /dev holding the given entries (a trailing '/' makes a folder). */
static char *
make_dev_dir (const char * const *entries)
{
  g_autoptr(GError) error = NULL;
  char *dev = dossier_test_make_tmpdir ();

  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dev, entries[i], NULL);

      if (g_str_has_suffix (entries[i], "/"))
        g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      else
        g_assert_true (g_file_set_contents (path, "", 0, &error));
      g_assert_no_error (error);
    }

  return dev;
}

static gboolean
gpu_present_with (const char * const *entries)
{
  g_autofree char *dev = make_dev_dir (entries);
  gboolean present = dossier_graphics_gpu_present (dev);

  dossier_test_remove_tree (dev);
  return present;
}

static void
test_gpu_found_by_device_nodes (void)
{
  g_assert_false (gpu_present_with ((const char *[]) { NULL }));
  g_assert_false (gpu_present_with ((const char *[]) { "dri/", NULL }));
  g_assert_false (gpu_present_with ((const char *[]) { "dri/", "dri/by-path/", NULL }));
  g_assert_true (gpu_present_with ((const char *[]) { "dri/", "dri/renderD128", NULL }));
  g_assert_true (gpu_present_with ((const char *[]) { "dri/", "dri/card0", NULL }));
  g_assert_true (gpu_present_with ((const char *[]) { "nvidiactl", NULL }));
}

static void
test_no_gl_without_gpu_only (void)
{
  const char *plain[] = { "HOME=/home/reader", NULL };

  g_assert_true (dossier_graphics_wants_no_gl (plain, FALSE));
  g_assert_false (dossier_graphics_wants_no_gl (plain, TRUE));
}

static void
test_user_choice_stands (void)
{
  const char *debug[] = { "GDK_DEBUG=misc", NULL };
  const char *gl[] = { "GSK_RENDERER=ngl", NULL };
  const char *cairo[] = { "GSK_RENDERER=cairo", NULL };
  const char *cairo_debug[] = { "GSK_RENDERER=cairo", "GDK_DEBUG=", NULL };

  g_assert_false (dossier_graphics_wants_no_gl (debug, FALSE));
  g_assert_false (dossier_graphics_wants_no_gl (gl, FALSE));
  /* Cairo never draws with OpenGL, GPU or not. */
  g_assert_true (dossier_graphics_wants_no_gl (cairo, FALSE));
  g_assert_true (dossier_graphics_wants_no_gl (cairo, TRUE));
  g_assert_false (dossier_graphics_wants_no_gl (cairo_debug, FALSE));
}

static void
test_cairo_asked_without_gl (void)
{
  g_unsetenv ("GDK_DEBUG");
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  dossier_graphics_prepare ();
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");

  /* Flags the user set are not replaced, nor the renderer they name. */
  g_setenv ("GDK_DEBUG", "misc", TRUE);
  g_setenv ("GSK_RENDERER", "ngl", TRUE);
  dossier_graphics_prepare ();
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "misc");
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "ngl");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/graphics/gpu-found-by-device-nodes", test_gpu_found_by_device_nodes);
  g_test_add_func ("/graphics/no-gl-without-gpu-only", test_no_gl_without_gpu_only);
  g_test_add_func ("/graphics/user-choice-stands", test_user_choice_stands);
  g_test_add_func ("/graphics/cairo-asked-without-gl", test_cairo_asked_without_gl);

  return g_test_run ();
}
