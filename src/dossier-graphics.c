/* dossier-graphics.c: whether GDK sets OpenGL up for the window
 *
 * GTK 4.8 sets OpenGL up as it opens an X11 display (to pick a visual from its configs),
 * and then draws the window with it. Where the machine has no GPU, that OpenGL can only be
 * Mesa's software rasteriser: libLLVM and the driver, about 60 MB resident before the
 * first frame, and every frame then rasterised on the CPU (the window with 100,000
 * articles peaked at 204 MB that way, against 66 MB drawn with cairo; BENCHMARKS.md). So where no GPU device exists, the window asks GDK not to set
 * OpenGL up, and GTK draws with cairo, its fallback. Later GTK releases also pass over
 * llvmpipe when they choose a renderer.
 *
 * A renderer or GDK debug flags the user chose are left alone, except that asking for the
 * cairo renderer means OpenGL would be set up for nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "dossier-graphics.h"

static gboolean
has_entry_starting (const char  *dir_path,
                    const char **prefixes)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    for (guint i = 0; prefixes[i] != NULL; i++)
      if (g_str_has_prefix (name, prefixes[i]))
        return TRUE;

  return FALSE;
}

/* A GPU shows as a DRM device (card*, renderD* in dev_dir/dri, which is also what a
 * Flatpak's --device=dri exposes) or, for NVIDIA's own driver without DRM, nvidiactl. */
gboolean
dossier_graphics_gpu_present (const char *dev_dir)
{
  static const char *drm_nodes[] = { "card", "renderD", NULL };
  g_autofree char *dri = g_build_filename (dev_dir, "dri", NULL);
  g_autofree char *nvidia = g_build_filename (dev_dir, "nvidiactl", NULL);

  return has_entry_starting (dri, drm_nodes) || g_file_test (nvidia, G_FILE_TEST_EXISTS);
}

gboolean
dossier_graphics_wants_no_gl (const char * const *environment,
                              gboolean            gpu_present)
{
  const char *renderer = g_environ_getenv ((char **) environment, "GSK_RENDERER");

  if (g_environ_getenv ((char **) environment, "GDK_DEBUG") != NULL)
    return FALSE;
  if (renderer != NULL)
    return g_str_equal (renderer, "cairo");

  return !gpu_present;
}

/* Before GTK is initialised: GDK reads GDK_DEBUG as it starts, GSK reads GSK_RENDERER as
 * each window is shown (naming cairo spares GSK trying OpenGL first, and a message saying
 * it could not). Both stay set: a program started from the window would be on the same
 * machine, and better off the same way. */
void
dossier_graphics_prepare (void)
{
  g_auto(GStrv) environment = g_get_environ ();

  if (!dossier_graphics_wants_no_gl ((const char * const *) environment,
                                     dossier_graphics_gpu_present ("/dev")))
    return;

  g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
}
