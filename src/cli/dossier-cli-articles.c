/* dossier-cli-articles.c: `dossier articles` and `dossier show ID`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dossier-cli.h"

static gboolean json_output;

static const GOptionEntry json_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &json_output, N_("Print JSON"), NULL },
  { NULL }
};

static void
add_published (JsonBuilder    *builder,
               DossierArticle *article)
{
  const DossierDate *published = dossier_article_get_published (article);
  g_autofree char *iso = dossier_date_to_iso (published);

  json_builder_set_member_name (builder, "published");
  json_builder_add_string_value (builder, iso);
  json_builder_set_member_name (builder, "precision");
  json_builder_add_string_value (builder, dossier_precision_to_string (published->precision));
}

static void
add_summary (JsonBuilder    *builder,
             DossierArticle *article)
{
  _dossier_cli_add_string (builder, "id", dossier_article_get_id (article));
  _dossier_cli_add_string (builder, "title", dossier_article_get_title (article));
  _dossier_cli_add_string (builder, "outlet", dossier_article_get_outlet (article));
  add_published (builder, article);
}

static void
print_articles_json (GListModel *articles)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);

      json_builder_begin_object (builder);
      add_summary (builder, article);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  _dossier_cli_print_json (root);
}

static void
print_articles_text (GListModel *articles)
{
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(DossierArticle) article = g_list_model_get_item (articles, i);
      const DossierDate *published = dossier_article_get_published (article);
      g_autofree char *iso = dossier_date_to_iso (published);
      const char *outlet = dossier_article_get_outlet (article);

      printf ("%s\t%s\t%s\t%s\t%s\n", dossier_article_get_id (article), iso,
              dossier_precision_to_string (published->precision), outlet ? outlet : "",
              dossier_article_get_title (article));
    }
}

int
_dossier_cli_articles (int    argc,
                       char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierArticleList) articles = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = DOSSIER_CLI_OK;

  json_output = FALSE;
  if (!_dossier_cli_parse ("articles", "", json_entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return _dossier_cli_fail (_("“articles” takes no arguments"));

  if ((library = _dossier_cli_open_library (&exit_code)) == NULL)
    return exit_code;

  articles = dossier_library_list_articles (library, &error);
  if (articles == NULL)
    return _dossier_cli_fail_error (error);

  if (json_output)
    print_articles_json (G_LIST_MODEL (articles));
  else
    print_articles_text (G_LIST_MODEL (articles));

  return DOSSIER_CLI_OK;
}

static void
add_credits (JsonBuilder    *builder,
             DossierArticle *article)
{
  GPtrArray *credits = dossier_article_get_credits (article);

  json_builder_set_member_name (builder, "credits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < credits->len; i++)
    {
      const DossierCredit *credit = g_ptr_array_index (credits, i);

      json_builder_begin_object (builder);
      _dossier_cli_add_string (builder, "role", credit->role);
      _dossier_cli_add_string (builder, "name", credit->name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_blocks (JsonBuilder    *builder,
            DossierArticle *article)
{
  GPtrArray *blocks = dossier_article_get_blocks (article);

  json_builder_set_member_name (builder, "blocks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < blocks->len; i++)
    {
      DossierBlock *block = g_ptr_array_index (blocks, i);

      json_builder_begin_object (builder);
      _dossier_cli_add_string (builder, "kind", dossier_block_kind_to_string (dossier_block_get_kind (block)));
      _dossier_cli_add_string (builder, "text", dossier_block_get_text (block));
      if (dossier_block_get_attribution (block) != NULL)
        _dossier_cli_add_string (builder, "attribution", dossier_block_get_attribution (block));
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, dossier_block_get_start (block));
      json_builder_set_member_name (builder, "length");
      json_builder_add_int_value (builder, dossier_block_get_length (block));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_article_json (DossierArticle *article)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_summary (builder, article);
  _dossier_cli_add_string (builder, "subtitle", dossier_article_get_subtitle (article));
  _dossier_cli_add_string (builder, "published_note", dossier_article_get_published_note (article));
  _dossier_cli_add_string (builder, "url", dossier_article_get_url (article));
  _dossier_cli_add_string (builder, "language", dossier_article_get_language (article));
  _dossier_cli_add_string (builder, "origin", dossier_article_get_origin (article) == DOSSIER_ORIGIN_BUNDLED
                                   ? "bundled" : "imported");
  add_credits (builder, article);
  add_blocks (builder, article);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  _dossier_cli_print_json (root);
}

static void
print_credits_text (DossierArticle *article)
{
  GPtrArray *credits = dossier_article_get_credits (article);

  for (guint i = 0; i < credits->len; i++)
    {
      const DossierCredit *credit = g_ptr_array_index (credits, i);

      /* TRANSLATORS: a credit line: role, name */
      printf (_("%s: %s\n"), credit->role, credit->name);
    }
}

static void
print_block_text (DossierBlock *block)
{
  const char *text = dossier_block_get_text (block);

  switch (dossier_block_get_kind (block))
    {
    case DOSSIER_BLOCK_HEADING:
      printf ("## %s\n", text);
      break;
    case DOSSIER_BLOCK_CAPTION:
      printf ("[%s] %s\n", _("Caption"), text);
      break;
    case DOSSIER_BLOCK_QUOTE:
      printf ("> %s\n", text);
      if (dossier_block_get_attribution (block) != NULL)
        printf ("> — %s\n", dossier_block_get_attribution (block));
      break;
    case DOSSIER_BLOCK_VERDICT:
      printf ("%s %s\n", _("Verdict:"), text);
      break;
    case DOSSIER_BLOCK_PARAGRAPH:
    case DOSSIER_BLOCK_CREDIT:
    default:
      printf ("%s\n", text);
    }
}

static void
print_article_text (DossierArticle *article)
{
  const DossierDate *published = dossier_article_get_published (article);
  g_autofree char *iso = dossier_date_to_iso (published);
  const char *note = dossier_article_get_published_note (article);
  GPtrArray *blocks = dossier_article_get_blocks (article);

  printf ("%s\n", dossier_article_get_title (article));
  if (dossier_article_get_subtitle (article) != NULL)
    printf ("%s\n", dossier_article_get_subtitle (article));
  printf ("\n%s %s\n", _("Id:"), dossier_article_get_id (article));
  if (dossier_article_get_outlet (article) != NULL)
    printf ("%s %s\n", _("Outlet:"), dossier_article_get_outlet (article));
  printf ("%s %s (%s)\n", _("Published:"), iso,
          dossier_precision_to_string (published->precision));
  if (note != NULL)
    printf ("%s %s\n", _("Dating:"), note);
  if (dossier_article_get_url (article) != NULL)
    printf ("%s %s\n", _("URL:"), dossier_article_get_url (article));
  print_credits_text (article);

  for (guint i = 0; i < blocks->len; i++)
    {
      printf ("\n");
      print_block_text (g_ptr_array_index (blocks, i));
    }
}

int
_dossier_cli_show (int    argc,
                   char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = DOSSIER_CLI_OK;

  json_output = FALSE;
  if (!_dossier_cli_parse ("show", _("ID"), json_entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return _dossier_cli_fail (_("“show” takes one article id (see “dossier articles”)"));

  if ((library = _dossier_cli_open_library (&exit_code)) == NULL)
    return exit_code;

  article = dossier_library_load_article (library, argv[1], &error);
  if (article == NULL)
    return _dossier_cli_fail_error (error);

  if (json_output)
    print_article_json (article);
  else
    print_article_text (article);

  return DOSSIER_CLI_OK;
}
