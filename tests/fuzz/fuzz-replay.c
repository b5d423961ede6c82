/* fuzz-replay.c: runs one fuzz target over every file of its folder, without libFuzzer
 *
 * The normal build links each target with this main, so `meson test` replays the seed
 * corpus and every crash-* file the fuzzer once found, under whatever sanitizers the build
 * has. Usage: fuzz-replay-TARGET FOLDER-OR-FILE...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "fuzz.h"

#include <stdio.h>

/* A copy of exactly the file's bytes, with no NUL after them, as libFuzzer passes them:
 * reading one byte too far is then an error under AddressSanitizer. */
static void
replay_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree uint8_t *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  data = g_malloc (MAX (length, 1));
  memcpy (data, contents, length);
  LLVMFuzzerTestOneInput (data, length);
}

/* g_ptr_array_sort() hands the comparison pointers to the elements. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static guint
replay_folder (const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      /* Printed first, so a crash names the file that caused it. */
      g_print ("%s\n", (char *) g_ptr_array_index (names, i));
      replay_file (g_ptr_array_index (names, i));
    }
  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  guint n_files = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FOLDER-OR-FILE...\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
      n_files += replay_folder (argv[i]);
    else
      {
        replay_file (argv[i]);
        n_files++;
      }

  if (n_files == 0)
    g_error ("no input to replay: the corpus folder is empty");
  g_print ("replayed %u inputs\n", n_files);
  return 0;
}
