/* dossier-generate.c: writes a synthetic dossier in the import format
 *
 * Usage: dossier-generate [--count N] [--seed S] [--words W] [--per-file F] OUTPUT.json
 *
 *   --count N     how many articles (default 1000)
 *   --seed S      the random seed; the same seed gives the same files (default 1)
 *   --words W     about how many words an article has (default 700)
 *   --per-file F  at most F articles a file (default 10000, which keeps a file well under
 *                 the importer's 64 MB limit); with more than one file they are named
 *                 OUTPUT-001.json, OUTPUT-002.json… and the entities go in the first
 *
 * The corpus is described in dossier-corpus.c: a Zipf-distributed vocabulary, entity names
 * and aliases, date expressions, twelve outlets, publication dates from 2015 to 2024.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-generate"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "dossier-corpus.h"
#include "dossier-importer.h"

static int count = 1000;
static int seed = 1;
static int words = 700;
static int per_file = 10000;

static const GOptionEntry entries[] = {
  { "count", 0, 0, G_OPTION_ARG_INT, &count, "How many articles (1000)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed (1)", "S" },
  { "words", 0, 0, G_OPTION_ARG_INT, &words, "Words per article (700)", "W" },
  { "per-file", 0, 0, G_OPTION_ARG_INT, &per_file, "Articles per file (10000)", "F" },
  { NULL }
};

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_article (JsonBuilder    *builder,
             DossierArticle *article)
{
  g_autofree char *published = dossier_date_to_iso (dossier_article_get_published (article));

  json_builder_begin_object (builder);
  add_member (builder, "id", dossier_article_get_id (article));
  add_member (builder, "title", dossier_article_get_title (article));
  add_member (builder, "outlet", dossier_article_get_outlet (article));
  add_member (builder, "published", published);
  add_member (builder, "language", dossier_article_get_language (article));
  add_member (builder, "body", dossier_article_get_text (article));
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
      const char * const *aliases = dossier_entity_get_aliases (entity);
      DossierEntityKind kind = dossier_entity_get_kind (entity);

      json_builder_begin_object (builder);
      add_member (builder, "name", dossier_entity_get_name (entity));
      add_member (builder, "kind", dossier_entity_kind_to_string (kind));
      json_builder_set_member_name (builder, "aliases");
      json_builder_begin_array (builder);
      for (guint j = 0; aliases[j] != NULL; j++)
        json_builder_add_string_value (builder, aliases[j]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static gboolean
write_file (DossierCorpus  *corpus,
            const char     *path,
            guint           n_articles,
            gboolean        with_entities,
            GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_member (builder, "format", DOSSIER_FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, DOSSIER_FORMAT_VERSION);
  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(DossierArticle) article = dossier_corpus_next_article (corpus, NULL);

      add_article (builder, article);
    }
  json_builder_end_array (builder);
  if (with_entities)
    add_entities (builder, dossier_corpus_get_entities (corpus));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_file (generator, path, error);
}

/* OUTPUT.json, or OUTPUT-001.json… when there is more than one file. */
static char *
file_name (const char *output,
           guint       index,
           guint       n_files)
{
  g_autofree char *stem = NULL;

  if (n_files == 1)
    return g_strdup (output);

  stem = g_str_has_suffix (output, ".json")
         ? g_strndup (output, strlen (output) - 5) : g_strdup (output);
  return g_strdup_printf ("%s-%03u.json", stem, index + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("OUTPUT.json");
  g_autoptr(DossierCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  guint n_files;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context, "Writes a synthetic dossier in the import format.");
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2
      || count < 1 || words < 1 || per_file < 1)
    {
      fprintf (stderr, "dossier-generate: %s\n",
               error ? error->message : "usage: dossier-generate [OPTION…] OUTPUT.json");
      return 1;
    }

  corpus = dossier_corpus_new (seed, words);
  n_files = (count + per_file - 1) / per_file;
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = file_name (argv[1], i, n_files);
      guint n = MIN ((guint) per_file, count - i * (guint) per_file);

      if (!write_file (corpus, path, n, i == 0, &error))
        {
          fprintf (stderr, "dossier-generate: %s\n", error->message);
          return 1;
        }
      printf ("%s: %u articles\n", path, n);
    }

  return 0;
}
