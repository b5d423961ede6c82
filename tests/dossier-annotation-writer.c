/* dossier-annotation-writer.c: writes annotations until it is killed
 *
 * The child of test-crash: opens the library at argv[1], then highlights passage after
 * passage, printing each new annotation's id on its own line only once the call that
 * wrote it has returned (and so, by contract, committed). Some are updated right after,
 * so the kill can land in an insert or in an update.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dossier-annotations.h"

#define ARTICLE "polygraph-2022-moscow-fuels-myanmar-war-machine"

static const char *const quotes[] = { "Lavrov", "Myanmar", "Russia", "junta", "the" };

static void
print_line (const char *id)
{
  g_autofree char *line = g_strconcat (id, "\n", NULL);

  /* Unbuffered: what the parent reads was really written before the kill. */
  if (write (STDOUT_FILENO, line, strlen (line)) != (ssize_t) strlen (line))
    exit (3);
}

static void
write_forever (DossierAnnotations *annotations,
               DossierArticle     *article)
{
  const char *tags[] = { "crash", NULL };
  g_autoptr(GError) error = NULL;

  for (guint i = 0;; i++)
    {
      g_autoptr(DossierAnnotation) annotation = NULL;
      g_autofree char *note = g_strdup_printf ("note %u", i);

      annotation = dossier_annotations_create_for_quote (annotations, article,
                                                         quotes[i % G_N_ELEMENTS (quotes)], 1,
                                                         i % DOSSIER_N_HIGHLIGHT_COLORS, note,
                                                         tags, &error);
      if (annotation == NULL)
        g_error ("%s", error->message);
      print_line (dossier_annotation_get_id (annotation));

      /* An update is a write too, and must not lose the annotation it changes. */
      if (i % 3 == 1 && !dossier_annotations_update (annotations,
                                                     dossier_annotation_get_id (annotation),
                                                     DOSSIER_HIGHLIGHT_BLUE, "changed", NULL,
                                                     &error))
        g_error ("%s", error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierAnnotations) annotations = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    return 2;

  library = dossier_library_open (argv[1], dossier_library_get_default_bundled_path (), &error);
  if (library == NULL || (article = dossier_library_load_article (library, ARTICLE, &error)) == NULL)
    g_error ("%s", error->message);

  annotations = dossier_annotations_new (library);
  print_line ("ready");
  write_forever (annotations, article);
  return 0;
}
