/* dossier-cli-search.c: `dossier search QUERY…`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dossier-cli.h"
#include "dossier-search-store.h"

#define DEFAULT_LIMIT 20
#define MAX_LIMIT     10000
#define MARK_OPEN     "«"
#define MARK_CLOSE    "»"

typedef struct
{
  int      limit;
  gboolean json;
} SearchOptions;

/* Unknown options are left in place: "-russia" is an exclusion, not a typo of an option. */
static gboolean
parse_options (SearchOptions   *options,
               int             *argc,
               char          ***argv,
               int             *exit_code)
{
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &options->limit,
      N_("Show at most N results (default 20)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options->json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("search QUERY…"));
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_ignore_unknown_options (context, TRUE);
  g_option_context_set_summary (context,
    _("Words must all occur; \"exact phrase\", prefix*, a OR b, -word or NOT word, "
      "a NEAR b or a NEAR/5 b; filters entity:NAME, outlet:NAME, after:DATE, before:DATE "
      "(YYYY, YYYY-MM or YYYY-MM-DD). Put -- before a query that starts with --."));

  (*argv)[0] = (char *) "dossier";
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = _dossier_cli_fail ("%s", error->message);
      return FALSE;
    }
  if (options->limit < 1 || options->limit > MAX_LIMIT)
    {
      *exit_code = _dossier_cli_fail (_("--limit must be a number from 1 to %d, not %d"),
                                      MAX_LIMIT, options->limit);
      return FALSE;
    }

  return TRUE;
}

static void
add_result (JsonBuilder         *builder,
            DossierSearchResult *result,
            guint                rank)
{
  const DossierDate *published = dossier_search_result_get_published (result);
  g_autofree char *iso = dossier_date_to_iso (published);

  json_builder_begin_object (builder);
  _dossier_cli_add_string (builder, "article_id", dossier_search_result_get_article_id (result));
  _dossier_cli_add_string (builder, "title", dossier_search_result_get_title (result));
  _dossier_cli_add_string (builder, "outlet", dossier_search_result_get_outlet (result));
  _dossier_cli_add_string (builder, "published", iso);
  json_builder_set_member_name (builder, "rank");
  json_builder_add_int_value (builder, rank);
  json_builder_set_member_name (builder, "score");
  json_builder_add_double_value (builder, dossier_search_result_get_score (result));
  _dossier_cli_add_string (builder, "marked_title", dossier_search_result_get_marked_title (result));
  _dossier_cli_add_string (builder, "snippet", dossier_search_result_get_snippet (result));
  json_builder_end_object (builder);
}

static void
add_entities (JsonBuilder *builder,
              GPtrArray   *entities)
{
  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entities->len; i++)
    {
      DossierEntity *entity = g_ptr_array_index (entities, i);
      DossierEntityKind kind = dossier_entity_get_kind (entity);

      json_builder_begin_object (builder);
      _dossier_cli_add_string (builder, "name", dossier_entity_get_name (entity));
      _dossier_cli_add_string (builder, "kind", dossier_entity_kind_to_string (kind));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The page of results, and the entities the query names, for "entity:NAME". */
static int
print_json (DossierDatabase    *db,
            DossierSearchQuery *query,
            GPtrArray          *results,
            gboolean            has_more)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GError) error = NULL;

  entities = dossier_search_store_find_entities (db, query, 10, &error);
  if (entities == NULL)
    return _dossier_cli_fail_error (error);

  json_builder_begin_object (builder);
  _dossier_cli_add_string (builder, "query", dossier_search_query_get_text (query));
  json_builder_set_member_name (builder, "markers");
  json_builder_begin_object (builder);
  _dossier_cli_add_string (builder, "open", MARK_OPEN);
  _dossier_cli_add_string (builder, "close", MARK_CLOSE);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "has_more");
  json_builder_add_boolean_value (builder, has_more);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->len; i++)
    add_result (builder, g_ptr_array_index (results, i), i + 1);
  json_builder_end_array (builder);
  add_entities (builder, entities);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  _dossier_cli_print_json (root);
  return DOSSIER_CLI_OK;
}

/* Two lines a result: rank, id, date, outlet, score and title; then the snippet. */
static void
print_text (GPtrArray *results,
            gboolean   has_more)
{
  for (guint i = 0; i < results->len; i++)
    {
      DossierSearchResult *result = g_ptr_array_index (results, i);
      g_autofree char *iso = dossier_date_to_iso (dossier_search_result_get_published (result));
      g_autofree char *snippet = g_strdup (dossier_search_result_get_snippet (result));
      const char *outlet = dossier_search_result_get_outlet (result);

      printf ("%u\t%s\t%s\t%s\t%.3g\t%s\n", i + 1, dossier_search_result_get_article_id (result),
              iso, outlet ? outlet : "", dossier_search_result_get_score (result),
              dossier_search_result_get_marked_title (result));
      printf ("\t%s\n", g_strdelimit (snippet, "\n\r\t", ' '));
    }

  if (results->len == 0)
    fprintf (stderr, "%s\n", _("No articles match."));
  else if (has_more)
    fprintf (stderr, "%s\n", _("More results follow; use --limit to see them."));
}

int
_dossier_cli_search (int    argc,
                     char **argv)
{
  SearchOptions options = { DEFAULT_LIMIT, FALSE };
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierSearchQuery) query = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int exit_code = DOSSIER_CLI_OK;
  gboolean has_more = FALSE;
  DossierDatabase *db;

  if (!parse_options (&options, &argc, &argv, &exit_code))
    return exit_code;
  if (argc < 2)
    return _dossier_cli_fail (_("“search” needs a query (see “dossier search --help”)"));

  if ((library = _dossier_cli_open_library (&exit_code)) == NULL)
    return exit_code;

  db = dossier_library_get_database (library);
  text = g_strjoinv (" ", argv + 1);
  query = dossier_search_query_new (text);
  dossier_search_query_set_marks (query, MARK_OPEN, MARK_CLOSE);

  results = dossier_search_store_find (db, query, 0, options.limit, &has_more, NULL, &error);
  if (results == NULL)
    return _dossier_cli_fail_error (error);

  if (options.json)
    return print_json (db, query, results, has_more);

  print_text (results, has_more);
  return DOSSIER_CLI_OK;
}
