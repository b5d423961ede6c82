/* dossier-cli-timeline.c: `dossier timeline`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dossier-cli.h"
#include "dossier-event-store.h"

static gboolean json_output;
static char *entity_name;
static char *from_text;
static char *to_text;

static const GOptionEntry timeline_entries[] = {
  { "entity", 0, 0, G_OPTION_ARG_STRING, &entity_name,
    N_("Only events whose sentence mentions this entity (name or alias)"), N_("NAME") },
  { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
    N_("Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)"), N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
    N_("Only events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)"), N_("DATE") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &json_output, N_("Print JSON"), NULL },
  { NULL }
};

static void
add_dates (JsonBuilder        *builder,
           const DossierEvent *event)
{
  g_autofree char *date = dossier_date_to_iso (&event->date);
  g_autofree char *end = NULL;

  _dossier_cli_add_string (builder, "date", date);
  _dossier_cli_add_string (builder, "precision", dossier_precision_to_string (event->date.precision));
  if (event->end.precision != DOSSIER_PRECISION_NONE)
    end = dossier_date_to_iso (&event->end);
  _dossier_cli_add_string (builder, "end", end);
  _dossier_cli_add_string (builder, "end_precision", end ? dossier_precision_to_string (event->end.precision)
                                            : NULL);
  _dossier_cli_add_string (builder, "qualifier", dossier_qualifier_to_string (event->qualifier));
}

static void
add_event (JsonBuilder        *builder,
           const DossierEvent *event)
{
  json_builder_begin_object (builder);
  add_dates (builder, event);
  _dossier_cli_add_string (builder, "phrase", event->phrase);
  _dossier_cli_add_string (builder, "text", event->text);
  _dossier_cli_add_string (builder, "article_id", event->article_id);
  _dossier_cli_add_string (builder, "article_title", event->article_title);
  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  for (guint i = 0; event->entities[i] != NULL; i++)
    json_builder_add_string_value (builder, event->entities[i]);
  json_builder_end_array (builder);
  _dossier_cli_add_string (builder, "group", event->group);
  json_builder_set_member_name (builder, "reported_by");
  json_builder_add_int_value (builder, event->reported_by);
  json_builder_set_member_name (builder, "conflict");
  json_builder_add_boolean_value (builder, event->conflict);
  json_builder_end_object (builder);
}

/* One element of the array the listing streams out, indented as an element; the first
 * opens the array, so that an error before any event prints nothing on stdout. */
static void
print_event_json (const DossierEvent *event,
                  gboolean            first)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *indented = NULL;

  add_event (builder, event);
  node = json_builder_get_root (builder);
  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  lines = g_strsplit (text, "\n", -1);
  indented = g_strjoinv ("\n  ", lines);
  printf ("%s\n  %s", first ? "[" : ",", indented);
}

/* An event as a few lines: the date, the phrase and the article, then the sentence. */
static void
print_event_text (const DossierEvent *event)
{
  g_autofree char *iso = dossier_event_dup_iso (event);
  g_autofree char *entities = g_strjoinv (", ", event->entities);
  const char *qualifier = dossier_qualifier_to_string (event->qualifier);

  printf ("%s", iso);
  if (qualifier != NULL)
    printf (" (%s)", qualifier);
  printf ("\t“%s”\t%s", event->phrase, event->article_id);
  if (event->reported_by > 1)
    {
      printf ("\t");
      printf (ngettext ("reported by %u article", "reported by %u articles",
                        event->reported_by), event->reported_by);
    }
  printf ("\n    %s\n", event->text);
  if (*entities != '\0')
    printf ("    %s %s\n", _("Entities:"), entities);
  if (event->conflict)
    printf ("    %s\n", _("Another article dates this happening differently."));
}

static gboolean
parse_bound (const char  *option,
             const char  *text,
             DossierDate *date,
             int         *exit_code)
{
  if (text == NULL || dossier_date_parse (text, date))
    return TRUE;

  *exit_code = _dossier_cli_fail (_("%s “%s” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
                                  option, text);
  return FALSE;
}

static gboolean
parse_options (int         *argc,
               char      ***argv,
               DossierDate *from,
               DossierDate *to,
               int         *exit_code)
{
  GDate first, last;

  json_output = FALSE;
  g_clear_pointer (&entity_name, g_free);
  g_clear_pointer (&from_text, g_free);
  g_clear_pointer (&to_text, g_free);

  if (!_dossier_cli_parse ("timeline", "", timeline_entries, argc, argv, exit_code))
    return FALSE;
  if (*argc > 1)
    return *exit_code = _dossier_cli_fail (_("“timeline” takes no arguments")), FALSE;
  if (!parse_bound ("--from", from_text, from, exit_code)
      || !parse_bound ("--to", to_text, to, exit_code))
    return FALSE;

  if (from_text == NULL || to_text == NULL)
    return TRUE;
  dossier_date_get_first_day (from, &first);
  dossier_date_get_last_day (to, &last);
  if (g_date_compare (&first, &last) > 0)
    return *exit_code = _dossier_cli_fail (_("--from %s is after --to %s"), from_text,
                                           to_text), FALSE;
  return TRUE;
}

/* Each event is written out as soon as it is read: a long timeline (900,000 events at
 * 100,000 articles) is never held whole. */
static void
print_event (DossierEvent *event,
             gpointer      user_data)
{
  guint *n_printed = user_data;

  if (json_output)
    print_event_json (event, *n_printed == 0);
  else
    print_event_text (event);
  (*n_printed)++;
  dossier_event_free (event);
}

int
_dossier_cli_timeline (int    argc,
                       char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  DossierDate from = { 0 }, to = { 0 };
  int exit_code = DOSSIER_CLI_OK;
  guint n_printed = 0;
  gboolean listed;

  if (!parse_options (&argc, &argv, &from, &to, &exit_code))
    return exit_code;
  if ((library = _dossier_cli_open_library (&exit_code)) == NULL)
    return exit_code;

  listed = dossier_event_store_foreach (dossier_library_get_database (library), entity_name,
                                        from_text ? &from : NULL, to_text ? &to : NULL,
                                        print_event, &n_printed, &error);
  if (!listed)
    return _dossier_cli_fail_error (error);
  if (json_output)
    printf ("%s]\n", n_printed > 0 ? "\n" : "[");

  return DOSSIER_CLI_OK;
}
