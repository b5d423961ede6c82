/* dossier-cli.c: the command line, run without a display
 *
 * `dossier COMMAND …` runs a command and exits; plain `dossier` (or GApplication's own
 * options) starts the window. Commands print plain text, or JSON with --json, and exit 1
 * with one line on standard error when the user asked for something that can't be done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "dossier-cli.h"

static const DossierCliCommand commands[] = {
  { "articles", "", N_("List the articles of the dossier"), _dossier_cli_articles },
  { "show", N_("ID"), N_("Print one article with its metadata"), _dossier_cli_show },
  { "annotate", N_("ARTICLE_ID"), N_("Highlight a passage (--quote TEXT), with a note and tags"),
    _dossier_cli_annotate },
  { "annotations", "", N_("List the annotations"), _dossier_cli_annotations },
  { "export", N_("--format FORMAT"), N_("Export the annotations (markdown, html, json, csv)"),
    _dossier_cli_export },
  { "import-notes", N_("FILE"), N_("Import annotations exported as JSON"),
    _dossier_cli_import_notes },
  { "entities", "", N_("List the entities the articles name, most mentioned first"),
    _dossier_cli_entities },
  { "entity", N_("NAME"), N_("Print one entity with its articles and co-occurring entities"),
    _dossier_cli_entity },
  { "timeline", "", N_("List dated events, oldest first"), _dossier_cli_timeline },
  { "search", N_("QUERY"), N_("Find articles (see “dossier search --help”)"),
    _dossier_cli_search },
  { "import", N_("FILE…"), N_("Import articles from JSON, .txt or .md files"),
    _dossier_cli_import },
  { "remove", N_("ID"), N_("Remove an imported article, or hide a bundled one"),
    _dossier_cli_remove },
  { "unhide", N_("ID"), N_("Show a hidden article again"), _dossier_cli_unhide },
};

static const DossierCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

/* Commands and the top-level --help/--version are ours; anything else (no argument,
 * GApplication options) belongs to the window. */
gboolean
dossier_cli_handles (int    argc,
                     char **argv)
{
  const char *first = argc > 1 ? argv[1] : NULL;

  if (first == NULL)
    return FALSE;

  if (g_str_equal (first, "--help") || g_str_equal (first, "-h")
      || g_str_equal (first, "--version") || g_str_equal (first, "-v"))
    return TRUE;

  /* A dossier: link belongs to the window too. */
  return first[0] != '-' && strchr (first, ':') == NULL;
}

/* printf's "%-24s" pads by bytes; translations need padding by characters. */
static void
print_help_line (const char *usage,
                 const char *summary)
{
  glong width = g_utf8_strlen (usage, -1);

  printf ("  %s%*s %s\n", usage, width < 24 ? (int) (24 - width) : 0, "", summary);
}

static void
print_usage (void)
{
  printf ("%s\n  dossier [%s]\n  dossier %s [%s]\n\n", _("Usage:"), _("OPTION…"),
           _("COMMAND"), _("ARGUMENTS…"));
  printf ("%s\n\n", _("Dossier reads, compares and annotates a dossier of news articles. "
                       "Without a command it opens the window."));
  printf ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      /* gettext ("") would return the catalogue's header, not an empty string. */
      const char *parameters = commands[i].parameters[0] != '\0'
                               ? _(commands[i].parameters) : "";
      g_autofree char *usage = g_strjoin (" ", commands[i].name, parameters, NULL);

      print_help_line (g_strstrip (usage), _(commands[i].summary));
    }
  printf ("\n%s\n", _("Options:"));
  print_help_line ("-h, --help", _("Show this help"));
  print_help_line ("-v, --version", _("Show the version"));
  printf ("\n%s\n", _("“dossier COMMAND --help” tells more about a command."));
}

int
dossier_cli_run (int    argc,
                 char **argv)
{
  const DossierCliCommand *command;
  const char *first = argv[1];

  if (g_str_equal (first, "--help") || g_str_equal (first, "-h"))
    {
      print_usage ();
      return DOSSIER_CLI_OK;
    }

  if (g_str_equal (first, "--version") || g_str_equal (first, "-v"))
    {
      printf ("dossier %s\n", PACKAGE_VERSION);
      return DOSSIER_CLI_OK;
    }

  command = find_command (first);
  if (command == NULL)
    return _dossier_cli_fail (_("unknown command “%s” (try “dossier --help”)"), first);

  return command->run (argc - 1, argv + 1);
}

int
_dossier_cli_fail (const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line, whatever the message holds. */
  g_strdelimit (message, "\n\r", ' ');
  fprintf (stderr, "dossier: %s\n", message);
  return DOSSIER_CLI_ERROR;
}

int
_dossier_cli_fail_error (const GError *error)
{
  return _dossier_cli_fail ("%s", error->message);
}

/**
 * _dossier_cli_parse:
 * @parameters: what follows the options, for the usage line ("ID")
 * @exit_code: (out): what to exit with when this returns FALSE
 *
 * Parses a command's options; FALSE means the command should exit now (after --help, or
 * with an error already printed).
 */
gboolean
_dossier_cli_parse (const char          *command,
                    const char          *parameters,
                    const GOptionEntry  *entries,
                    int                 *argc,
                    char              ***argv,
                    int                 *exit_code)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *usage = g_strdup_printf ("%s %s", command, parameters);

  context = g_option_context_new (g_strstrip (usage));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, FALSE);

  (*argv)[0] = (char *) "dossier";
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = _dossier_cli_fail ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* The user's library, with the bundled dossier; NULL after printing why not. */
DossierLibrary *
_dossier_cli_open_library (int *exit_code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  DossierLibrary *library = dossier_library_open_default_or_recover (&notice, &error);

  if (library == NULL)
    *exit_code = _dossier_cli_fail_error (error);
  else if (notice != NULL)
    {
      /* The damaged library was kept aside; say so and stop, so a script notices. */
      *exit_code = _dossier_cli_fail ("%s", notice);
      g_clear_object (&library);
    }

  return library;
}

void
_dossier_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  /* stdout gets UTF-8 whatever the locale: g_print() would transliterate under LANG=C. */
  printf ("%s\n", text);
}

/* A string member, or null when there is no value: JSON output keeps every field. */
void
_dossier_cli_add_string (JsonBuilder *builder,
                         const char  *name,
                         const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}
