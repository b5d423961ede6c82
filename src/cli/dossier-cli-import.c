/* dossier-cli-import.c: `dossier import FILE…`, `dossier remove ID`, `dossier unhide ID`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dossier-cli.h"
#include "dossier-json-document.h"

static gboolean delete_notes;

static const GOptionEntry no_entries[] = {
  { NULL }
};

static const GOptionEntry remove_entries[] = {
  { "delete-notes", 0, 0, G_OPTION_ARG_NONE, &delete_notes,
    N_("Delete the article’s annotations too (by default they are kept, as orphans)"), NULL },
  { NULL }
};

/* One line on standard error for each rejected file, after the summary. */
static gboolean
print_summary (const DossierImportSummary *summary)
{
  g_autofree char *line = dossier_import_summary_describe (summary);

  printf ("%s\n", line);
  fflush (stdout);
  for (guint i = 0; i < summary->files->len; i++)
    {
      const DossierImportFileResult *file = g_ptr_array_index (summary->files, i);

      if (g_error_matches (file->error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NOTES))
        /* TRANSLATORS: %s says the file holds notes; keep “dossier import-notes” */
        _dossier_cli_fail (_("%s: import them with “dossier import-notes”"),
                           file->error->message);
      else if (file->error != NULL)
        _dossier_cli_fail_error (file->error);
    }

  return summary->n_rejected == 0 && !summary->cancelled;
}

int
_dossier_cli_import (int    argc,
                     char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = DOSSIER_CLI_OK;

  if (!_dossier_cli_parse ("import", _("FILE…"), no_entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc < 2)
    return _dossier_cli_fail (_("“import” needs at least one file (JSON, .txt or .md)"));

  if ((library = _dossier_cli_open_library (&exit_code)) == NULL)
    return exit_code;

  summary = dossier_library_import_files (library, (const char * const *) argv + 1, NULL, NULL,
                                          NULL, &error);
  if (summary == NULL)
    return _dossier_cli_fail_error (error);

  return print_summary (summary) ? DOSSIER_CLI_OK : DOSSIER_CLI_ERROR;
}

/* The article's title, for the message; NULL after printing why there is none. */
static char *
dup_title (DossierLibrary  *library,
           const char      *id,
           DossierOrigin   *origin,
           int             *exit_code)
{
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  article = dossier_library_load_article (library, id, &error);
  if (article == NULL)
    {
      *exit_code = _dossier_cli_fail_error (error);
      return NULL;
    }

  *origin = dossier_article_get_origin (article);
  return g_strdup (dossier_article_get_title (article));
}

int
_dossier_cli_remove (int    argc,
                     char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  DossierOrigin origin = DOSSIER_ORIGIN_IMPORTED;
  int exit_code = DOSSIER_CLI_OK;

  delete_notes = FALSE;
  if (!_dossier_cli_parse ("remove", _("ID"), remove_entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return _dossier_cli_fail (_("“remove” takes one article id"));

  if ((library = _dossier_cli_open_library (&exit_code)) == NULL
      || (title = dup_title (library, argv[1], &origin, &exit_code)) == NULL)
    return exit_code;

  if (!dossier_library_remove_article (library, argv[1], !delete_notes, &error))
    return _dossier_cli_fail_error (error);

  if (origin == DOSSIER_ORIGIN_BUNDLED)
    printf (_("Hid “%s”: it belongs to the bundled dossier (“dossier unhide %s” shows it "
              "again)\n"), title, argv[1]);
  else
    printf (_("Removed “%s”\n"), title);
  return DOSSIER_CLI_OK;
}

int
_dossier_cli_unhide (int    argc,
                     char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = DOSSIER_CLI_OK;

  if (!_dossier_cli_parse ("unhide", _("ID"), no_entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return _dossier_cli_fail (_("“unhide” takes one article id"));

  if ((library = _dossier_cli_open_library (&exit_code)) == NULL)
    return exit_code;

  if (!dossier_library_unhide_article (library, argv[1], &error))
    return _dossier_cli_fail_error (error);

  return DOSSIER_CLI_OK;
}
