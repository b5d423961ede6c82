/* dossier-cli-entities.c: `dossier entities` and `dossier entity NAME`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dossier-cli.h"
#include "dossier-entity-store.h"
#include "dossier-mention-store.h"

static gboolean json_output;
static char *kind_name;

static const GOptionEntry entities_entries[] = {
  { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name,
    N_("Only entities of this kind: person, organization, place, equipment or other"),
    N_("KIND") },
  { "json", 0, 0, G_OPTION_ARG_NONE, &json_output, N_("Print JSON"), NULL },
  { NULL }
};

static const GOptionEntry entity_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &json_output, N_("Print JSON"), NULL },
  { NULL }
};

/* Name → DossierEntity, for the kinds and aliases the counts don't carry. */
static GHashTable *
index_entities (DossierDatabase  *db,
                GError          **error)
{
  g_autoptr(GPtrArray) entities = dossier_entity_store_list (db, error);
  GHashTable *index;

  if (entities == NULL)
    return NULL;

  index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = 0; i < entities->len; i++)
    {
      DossierEntity *entity = g_ptr_array_index (entities, i);

      g_hash_table_insert (index, (gpointer) dossier_entity_get_name (entity),
                           g_object_ref (entity));
    }

  return index;
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_identity (JsonBuilder   *builder,
              DossierEntity *entity)
{
  const char * const *aliases = dossier_entity_get_aliases (entity);

  _dossier_cli_add_string (builder, "name", dossier_entity_get_name (entity));
  _dossier_cli_add_string (builder, "kind", dossier_entity_kind_to_string (dossier_entity_get_kind (entity)));
  json_builder_set_member_name (builder, "aliases");
  json_builder_begin_array (builder);
  for (guint i = 0; aliases[i] != NULL; i++)
    json_builder_add_string_value (builder, aliases[i]);
  json_builder_end_array (builder);
}

static void
print_entities_json (GPtrArray  *counts,
                     GHashTable *index)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < counts->len; i++)
    {
      const DossierMentionCount *count = g_ptr_array_index (counts, i);

      json_builder_begin_object (builder);
      add_identity (builder, g_hash_table_lookup (index, count->name));
      add_int (builder, "mentions", count->n_mentions);
      add_int (builder, "articles", count->n_articles);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  _dossier_cli_print_json (root);
}

static void
print_entities_text (GPtrArray  *counts,
                     GHashTable *index)
{
  for (guint i = 0; i < counts->len; i++)
    {
      const DossierMentionCount *count = g_ptr_array_index (counts, i);
      DossierEntity *entity = g_hash_table_lookup (index, count->name);
      g_autofree char *aliases = g_strjoinv ("; ", (char **) dossier_entity_get_aliases (entity));

      printf ("%s\t%s\t%u\t%u\t%s\n", count->name,
              dossier_entity_kind_to_string (dossier_entity_get_kind (entity)),
              count->n_mentions, count->n_articles, aliases);
    }
}

/* Keeps the counts of entities of @kind, in their order. */
static void
keep_kind (GPtrArray         *counts,
           GHashTable        *index,
           DossierEntityKind  kind)
{
  for (guint i = counts->len; i > 0; i--)
    {
      const DossierMentionCount *count = g_ptr_array_index (counts, i - 1);

      if (dossier_entity_get_kind (g_hash_table_lookup (index, count->name)) != kind)
        g_ptr_array_remove_index (counts, i - 1);
    }
}

/* FALSE when the command should exit now, with @exit_code. */
static gboolean
parse_entities (int                 *argc,
                char              ***argv,
                DossierEntityKind   *kind,
                gboolean            *all_kinds,
                int                 *exit_code)
{
  g_autofree char *name = NULL;

  json_output = FALSE;
  kind_name = NULL;
  if (!_dossier_cli_parse ("entities", "", entities_entries, argc, argv, exit_code))
    return FALSE;

  name = g_steal_pointer (&kind_name);
  *all_kinds = name == NULL;
  if (*argc > 1)
    *exit_code = _dossier_cli_fail (_("“entities” takes no arguments"));
  else if (name != NULL && !dossier_entity_kind_from_string (name, kind))
    *exit_code = _dossier_cli_fail (_("unknown kind “%s” (person, organization, place, "
                                      "equipment or other)"), name);
  else
    return TRUE;

  return FALSE;
}

int
_dossier_cli_entities (int    argc,
                       char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  DossierEntityKind kind = DOSSIER_ENTITY_OTHER;
  gboolean all_kinds = TRUE;
  int exit_code = DOSSIER_CLI_OK;

  if (!parse_entities (&argc, &argv, &kind, &all_kinds, &exit_code)
      || (library = _dossier_cli_open_library (&exit_code)) == NULL)
    return exit_code;

  index = index_entities (dossier_library_get_database (library), &error);
  if (index != NULL)
    counts = dossier_mention_store_count_entities (dossier_library_get_database (library),
                                                   &error);
  if (counts == NULL)
    return _dossier_cli_fail_error (error);

  if (!all_kinds)
    keep_kind (counts, index, kind);
  if (json_output)
    print_entities_json (counts, index);
  else
    print_entities_text (counts, index);

  return DOSSIER_CLI_OK;
}

/* What `dossier entity` shows, gathered before printing. */
typedef struct
{
  DossierEntity *entity;
  GPtrArray     *articles;     /* DossierMentionCount */
  GPtrArray     *companions;   /* DossierMentionCount */
  GHashTable    *index;
  guint          n_mentions;
} EntityReport;

static void
entity_report_clear (EntityReport *report)
{
  g_clear_object (&report->entity);
  g_clear_pointer (&report->articles, g_ptr_array_unref);
  g_clear_pointer (&report->companions, g_ptr_array_unref);
  g_clear_pointer (&report->index, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EntityReport, entity_report_clear)

static gboolean
entity_report_load (EntityReport     *report,
                    DossierDatabase  *db,
                    const char       *name,
                    GError          **error)
{
  const char *found;

  if ((report->entity = dossier_entity_store_find (db, name, error)) == NULL)
    return FALSE;

  found = dossier_entity_get_name (report->entity);
  report->articles = dossier_mention_store_count_articles (db, found, error);
  if (report->articles == NULL)
    return FALSE;
  report->companions = dossier_mention_store_count_companions (db, found, error);
  if (report->companions == NULL || (report->index = index_entities (db, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < report->articles->len; i++)
    report->n_mentions += ((DossierMentionCount *) g_ptr_array_index (report->articles, i))
                            ->n_mentions;
  return TRUE;
}

static void
add_articles (JsonBuilder *builder,
              GPtrArray   *articles)
{
  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < articles->len; i++)
    {
      const DossierMentionCount *count = g_ptr_array_index (articles, i);

      json_builder_begin_object (builder);
      _dossier_cli_add_string (builder, "id", count->name);
      _dossier_cli_add_string (builder, "title", count->title);
      add_int (builder, "mentions", count->n_mentions);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_companions (JsonBuilder  *builder,
                EntityReport *report)
{
  json_builder_set_member_name (builder, "cooccurring");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->companions->len; i++)
    {
      const DossierMentionCount *count = g_ptr_array_index (report->companions, i);
      DossierEntity *entity = g_hash_table_lookup (report->index, count->name);

      json_builder_begin_object (builder);
      _dossier_cli_add_string (builder, "name", count->name);
      _dossier_cli_add_string (builder, "kind",
                  dossier_entity_kind_to_string (dossier_entity_get_kind (entity)));
      add_int (builder, "blocks", count->n_blocks);
      add_int (builder, "articles", count->n_articles);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_entity_json (EntityReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_identity (builder, report->entity);
  _dossier_cli_add_string (builder, "description", dossier_entity_get_description (report->entity));
  add_int (builder, "mentions", report->n_mentions);
  add_articles (builder, report->articles);
  add_companions (builder, report);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  _dossier_cli_print_json (root);
}

static void
print_articles_text (GPtrArray *articles)
{
  printf ("\n%s\n", _("Articles:"));
  for (guint i = 0; i < articles->len; i++)
    {
      const DossierMentionCount *count = g_ptr_array_index (articles, i);

      printf ("  %4u  %s\t%s\n", count->n_mentions, count->name, count->title);
    }
}

static void
print_companions_text (EntityReport *report)
{
  printf ("\n%s\n", _("Named with (shared blocks, shared articles):"));
  for (guint i = 0; i < report->companions->len; i++)
    {
      const DossierMentionCount *count = g_ptr_array_index (report->companions, i);
      DossierEntity *entity = g_hash_table_lookup (report->index, count->name);

      printf ("  %4u %4u  %s (%s)\n", count->n_blocks, count->n_articles, count->name,
              dossier_entity_kind_to_string (dossier_entity_get_kind (entity)));
    }
}

static void
print_entity_text (EntityReport *report)
{
  DossierEntity *entity = report->entity;
  g_autofree char *aliases = g_strjoinv ("; ", (char **) dossier_entity_get_aliases (entity));
  const char *description = dossier_entity_get_description (entity);

  printf ("%s (%s)\n", dossier_entity_get_name (entity),
          dossier_entity_kind_to_string (dossier_entity_get_kind (entity)));
  if (description != NULL)
    printf ("%s\n", description);
  printf ("\n%s %s\n", _("Aliases:"), aliases);
  /* TRANSLATORS: "Mentions: 12 in 3 articles" */
  printf (g_dngettext (GETTEXT_PACKAGE, "%s %u in %u article\n", "%s %u in %u articles\n",
                       report->articles->len),
          _("Mentions:"), report->n_mentions, report->articles->len);
  print_articles_text (report->articles);
  print_companions_text (report);
}

/* Unquoted names of several words work too: `dossier entity Min Aung Hlaing`. */
static char *
join_words (int    n_words,
            char **words)
{
  GString *joined = g_string_new (words[0]);

  for (int i = 1; i < n_words; i++)
    g_string_append_printf (joined, " %s", words[i]);

  return g_string_free (joined, FALSE);
}

int
_dossier_cli_entity (int    argc,
                     char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_auto(EntityReport) report = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  int exit_code = DOSSIER_CLI_OK;

  json_output = FALSE;
  if (!_dossier_cli_parse ("entity", _("NAME"), entity_entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc < 2)
    return _dossier_cli_fail (_("“entity” takes a name or an alias (see “dossier entities”)"));

  name = join_words (argc - 1, argv + 1);
  if ((library = _dossier_cli_open_library (&exit_code)) == NULL)
    return exit_code;

  if (!entity_report_load (&report, dossier_library_get_database (library), name, &error))
    return _dossier_cli_fail_error (error);

  if (json_output)
    print_entity_json (&report);
  else
    print_entity_text (&report);

  return DOSSIER_CLI_OK;
}
