/* dossier-cli-annotations.c: `dossier annotate`, `annotations`, `export`, `import-notes`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dossier-annotations.h"
#include "dossier-cli.h"
#include "dossier-export.h"

static struct
{
  char     *quote;
  int       occurrence;
  char     *color;
  char     *note;
  char    **tags;
  gboolean  json;
  char     *format;
  char     *article;
  char     *tag;
  char     *search;
  char     *output;
  char     *name;
} options;

static void
reset_options (void)
{
  g_clear_pointer (&options.quote, g_free);
  g_clear_pointer (&options.color, g_free);
  g_clear_pointer (&options.note, g_free);
  g_clear_pointer (&options.tags, g_strfreev);
  g_clear_pointer (&options.format, g_free);
  g_clear_pointer (&options.article, g_free);
  g_clear_pointer (&options.tag, g_free);
  g_clear_pointer (&options.search, g_free);
  g_clear_pointer (&options.output, g_free);
  g_clear_pointer (&options.name, g_free);
  options.occurrence = 1;
  options.json = FALSE;
}

static const GOptionEntry annotate_entries[] = {
  { "quote", 0, 0, G_OPTION_ARG_STRING, &options.quote,
    N_("The passage to highlight, exactly as in the article"), N_("TEXT") },
  { "occurrence", 0, 0, G_OPTION_ARG_INT, &options.occurrence,
    N_("Which occurrence of the passage (default 1)"), N_("N") },
  { "color", 0, 0, G_OPTION_ARG_STRING, &options.color,
    N_("yellow (default), green, blue, pink or purple"), N_("COLOR") },
  { "note", 0, 0, G_OPTION_ARG_STRING, &options.note, N_("A note"), N_("TEXT") },
  { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.tags, N_("A tag (repeatable)"),
    N_("TAG") },
  { NULL }
};

static const GOptionEntry list_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &options.json, N_("Print JSON"), NULL },
  { NULL }
};

static const GOptionEntry export_entries[] = {
  { "format", 0, 0, G_OPTION_ARG_STRING, &options.format,
    N_("markdown, html, json (W3C Web Annotation) or csv"), N_("FORMAT") },
  { "article", 0, 0, G_OPTION_ARG_STRING, &options.article,
    N_("Only this article’s annotations"), N_("ID") },
  { "color", 0, 0, G_OPTION_ARG_STRING, &options.color,
    N_("Only annotations of this colour"), N_("COLOR") },
  { "tag", 0, 0, G_OPTION_ARG_STRING, &options.tag, N_("Only annotations with this tag"),
    N_("TAG") },
  { "search", 0, 0, G_OPTION_ARG_STRING, &options.search,
    N_("Only annotations whose passage or note contains this text"), N_("TEXT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output,
    N_("Write to this file (replaced atomically) instead of standard output"), N_("FILE") },
  { "name", 0, 0, G_OPTION_ARG_STRING, &options.name,
    N_("The dossier’s name in the export"), N_("NAME") },
  { NULL }
};

static const GOptionEntry no_entries[] = {
  { NULL }
};

/* FALSE after printing why, when --color names no colour. */
static gboolean
parse_color (int *color)
{
  DossierHighlightColor parsed;

  *color = -1;
  if (options.color == NULL)
    return TRUE;
  if (!dossier_highlight_color_from_string (options.color, &parsed))
    {
      _dossier_cli_fail (_("unknown colour “%s” (use yellow, green, blue, pink or purple)"),
                         options.color);
      return FALSE;
    }

  *color = parsed;
  return TRUE;
}

static int
annotate (const char *article_id,
          int         color)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(DossierAnnotations) annotations = NULL;
  g_autoptr(DossierAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = DOSSIER_CLI_OK;

  if ((library = _dossier_cli_open_library (&exit_code)) == NULL)
    return exit_code;
  if ((article = dossier_library_load_article (library, article_id, &error)) == NULL)
    return _dossier_cli_fail_error (error);

  annotations = dossier_annotations_new (library);
  annotation = dossier_annotations_create_for_quote (annotations, article, options.quote,
                                                     options.occurrence,
                                                     color < 0 ? DOSSIER_HIGHLIGHT_YELLOW : color,
                                                     options.note,
                                                     (const char * const *) options.tags,
                                                     &error);
  if (annotation == NULL)
    return _dossier_cli_fail_error (error);

  printf ("%s\n", dossier_annotation_get_id (annotation));
  return DOSSIER_CLI_OK;
}

int
_dossier_cli_annotate (int    argc,
                       char **argv)
{
  int exit_code = DOSSIER_CLI_OK, color;

  reset_options ();
  if (!_dossier_cli_parse ("annotate", _("ARTICLE_ID --quote TEXT"), annotate_entries, &argc,
                           &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return _dossier_cli_fail (_("“annotate” takes one article id (see “dossier articles”)"));
  if (options.quote == NULL || *options.quote == '\0')
    return _dossier_cli_fail (_("“annotate” needs the passage to highlight: --quote TEXT"));
  if (options.occurrence < 1)
    return _dossier_cli_fail (_("--occurrence counts from 1"));
  if (!parse_color (&color))
    return DOSSIER_CLI_ERROR;

  return annotate (argv[1], color);
}

/* An annotations session over the user's library, with every passage checked against
 * its article as it is now. */
static DossierAnnotations *
open_annotations (DossierLibrary **library,
                  int             *exit_code)
{
  g_autoptr(DossierAnnotations) annotations = NULL;
  g_autoptr(GError) error = NULL;

  if ((*library = _dossier_cli_open_library (exit_code)) == NULL)
    return NULL;

  annotations = dossier_annotations_new (*library);
  if (!dossier_annotations_anchor_all (annotations, &error))
    {
      *exit_code = _dossier_cli_fail_error (error);
      return NULL;
    }

  return g_steal_pointer (&annotations);
}

static void
add_annotation_json (JsonBuilder       *builder,
                     DossierAnnotation *annotation)
{
  const char * const *tags = dossier_annotation_get_tags (annotation);
  g_autofree char *link = dossier_annotation_dup_link (annotation);

  json_builder_begin_object (builder);
  _dossier_cli_add_string (builder, "id", dossier_annotation_get_id (annotation));
  _dossier_cli_add_string (builder, "article", dossier_annotation_get_article_id (annotation));
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, dossier_annotation_get_start (annotation));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, dossier_annotation_get_end (annotation));
  _dossier_cli_add_string (builder, "quote", dossier_annotation_get_quote (annotation));
  _dossier_cli_add_string (builder, "color",
              dossier_highlight_color_to_string (dossier_annotation_get_color (annotation)));
  _dossier_cli_add_string (builder, "note", dossier_annotation_get_note (annotation));
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);
  _dossier_cli_add_string (builder, "anchor",
              dossier_anchor_state_to_string (dossier_annotation_get_anchor (annotation)));
  _dossier_cli_add_string (builder, "created", dossier_annotation_get_created (annotation));
  _dossier_cli_add_string (builder, "modified", dossier_annotation_get_modified (annotation));
  _dossier_cli_add_string (builder, "link", link);
  json_builder_end_object (builder);
}

static void
print_annotations_json (GListModel *list)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (list, i);

      add_annotation_json (builder, annotation);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  _dossier_cli_print_json (root);
}

/* One line per annotation: tabs and line breaks in the text become spaces. */
static void
print_annotations_text (GListModel *list)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DossierAnnotation) annotation = g_list_model_get_item (list, i);
      g_autofree char *quote = g_strdup (dossier_annotation_get_quote (annotation));
      g_autofree char *note = g_strdup (dossier_annotation_get_note (annotation));
      g_autofree char *tags = g_strjoinv (",", (char **) dossier_annotation_get_tags (annotation));

      printf ("%s\t%s\t%u\t%u\t%s\t%s\t%s\t%s\t%s\n", dossier_annotation_get_id (annotation),
              dossier_annotation_get_article_id (annotation),
              dossier_annotation_get_start (annotation), dossier_annotation_get_end (annotation),
              dossier_highlight_color_to_string (dossier_annotation_get_color (annotation)),
              dossier_anchor_state_to_string (dossier_annotation_get_anchor (annotation)),
              g_strdelimit (tags, "\t\r\n", ' '), g_strdelimit (quote, "\t\r\n", ' '),
              g_strdelimit (note, "\t\r\n", ' '));
    }
}

int
_dossier_cli_annotations (int    argc,
                          char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierAnnotations) annotations = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = DOSSIER_CLI_OK;

  reset_options ();
  if (!_dossier_cli_parse ("annotations", "", list_entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return _dossier_cli_fail (_("“annotations” takes no arguments"));

  if ((annotations = open_annotations (&library, &exit_code)) == NULL)
    return exit_code;
  if ((list = dossier_annotations_list (annotations, NULL, &error)) == NULL)
    return _dossier_cli_fail_error (error);

  if (options.json)
    print_annotations_json (list);
  else
    print_annotations_text (list);

  return DOSSIER_CLI_OK;
}

static int
export_to (DossierLibrary      *library,
           GListModel          *list,
           DossierExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *name = options.name ? options.name : _("Dossier");

  if (options.output != NULL)
    {
      if (!dossier_export_write_file (library, list, format, name, options.output, &error))
        return _dossier_cli_fail_error (error);
      return DOSSIER_CLI_OK;
    }

  if ((text = dossier_export_render (library, list, format, name, NULL, &error)) == NULL)
    return _dossier_cli_fail_error (error);

  fputs (text, stdout);
  return DOSSIER_CLI_OK;
}

static int
export (DossierExportFormat  format,
        int                  color)
{
  DossierAnnotationFilter filter = DOSSIER_ANNOTATION_FILTER_INIT;
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierAnnotations) annotations = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = DOSSIER_CLI_OK;

  if ((annotations = open_annotations (&library, &exit_code)) == NULL)
    return exit_code;
  /* An unknown article is an error, not an empty export. */
  if (options.article != NULL
      && (article = dossier_library_load_article (library, options.article, &error)) == NULL)
    return _dossier_cli_fail_error (error);

  filter.article_id = options.article;
  filter.color = color;
  filter.tag = options.tag;
  filter.text = options.search;
  if ((list = dossier_annotations_list (annotations, &filter, &error)) == NULL)
    return _dossier_cli_fail_error (error);

  return export_to (library, list, format);
}

int
_dossier_cli_export (int    argc,
                     char **argv)
{
  DossierExportFormat format;
  int exit_code = DOSSIER_CLI_OK, color;

  reset_options ();
  if (!_dossier_cli_parse ("export", _("--format FORMAT"), export_entries, &argc, &argv,
                           &exit_code))
    return exit_code;
  if (argc > 1)
    return _dossier_cli_fail (_("“export” takes no arguments besides its options"));
  if (options.format == NULL)
    return _dossier_cli_fail (_("“export” needs --format markdown, html, json or csv"));
  if (!dossier_export_format_from_string (options.format, &format))
    return _dossier_cli_fail (_("unknown format “%s” (use markdown, html, json or csv)"),
                              options.format);
  if (!parse_color (&color))
    return DOSSIER_CLI_ERROR;

  return export (format, color);
}

int
_dossier_cli_import_notes (int    argc,
                           char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierAnnotations) annotations = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = DOSSIER_CLI_OK;
  guint added, updated;

  reset_options ();
  if (!_dossier_cli_parse ("import-notes", _("FILE"), no_entries, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return _dossier_cli_fail (_("“import-notes” takes one file (from “dossier export --format "
                                "json”)"));

  if ((library = _dossier_cli_open_library (&exit_code)) == NULL)
    return exit_code;

  annotations = dossier_annotations_new (library);
  if (!dossier_annotations_import_file (annotations, argv[1], &added, &updated, &error))
    return _dossier_cli_fail_error (error);

  /* TRANSLATORS: numbers of annotations */
  printf (_("Imported %u annotations: %u new, %u updated\n"), added + updated, added, updated);
  return DOSSIER_CLI_OK;
}
