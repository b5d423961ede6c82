/* test-import-util.c: the import tests' files, imports and looks into the library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "dossier-mention-store.h"
#include "test-import-util.h"

const char one_article[] =
  "{\"format\": \"dossier\", \"version\": 1, \"articles\": [{\n"
  "  \"id\": \"test-one\", \"title\": \"Quokkas cross the river\", \"outlet\": \"Test News\",\n"
  "  \"published\": \"2022-08-05\", \"credits\": [{\"role\": \"editor\", \"name\": \"Ann\"}],\n"
  "  \"blocks\": [{\"kind\": \"heading\", \"text\": \"Zyzzyva\"},\n"
  "             {\"kind\": \"paragraph\", \"text\": \"Min Aung Hlaing met them on 3 August 2022.\"},\n"
  "             {\"kind\": \"quote\", \"text\": \"We came\", \"attribution\": \"A quokka\"}]\n"
  "}]}\n";

const char many_articles[] =
  "{\"format\": \"dossier\", \"version\": 1,\n"
  " \"articles\": [\n"
  "  {\"id\": \"m1\", \"title\": \"First\", \"published\": \"2021\",\n"
  "   \"body\": \"S. K. Shoygu spoke.\\n\\nZarnivan Okoro answered in March 2021.\"},\n"
  "  {\"id\": \"m2\", \"title\": \"Second\", \"published\": \"2021-05\",\n"
  "   \"body\": \"Okoro left.\"},\n"
  "  {\"title\": \"Third, without an id\", \"published\": \"2021-05-02\", \"body\": \"Nothing.\"}\n"
  " ],\n"
  " \"entities\": [\n"
  "  {\"name\": \"Sergey K. Shoygu\", \"kind\": \"person\", \"aliases\": [\"Shoygu\", \"S. K. Shoygu\"]},\n"
  "  {\"name\": \"Zarnivan Okoro\", \"kind\": \"person\", \"aliases\": [\"Okoro\"]},\n"
  "  {\"name\": \"Nobel Prize\", \"kind\": \"other\", \"aliases\": [\"Nobel\"]}\n"
  " ]}\n";

char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

DossierImportSummary *
import_paths (Fixture            *fixture,
              const char * const *paths)
{
  g_autoptr(GError) error = NULL;
  DossierImportSummary *summary;

  summary = dossier_library_import_files (fixture->library, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

DossierImportSummary *
import_one (Fixture    *fixture,
            const char *path)
{
  const char *paths[] = { path, NULL };

  return import_paths (fixture, paths);
}

DossierImportSummary *
import_text (Fixture    *fixture,
             const char *name,
             const char *contents)
{
  g_autofree char *path = write_file (fixture, name, contents, -1);

  return import_one (fixture, path);
}

const DossierImportFileResult *
file_result (DossierImportSummary *summary,
             guint                 index)
{
  g_assert_cmpuint (index, <, summary->files->len);
  return g_ptr_array_index (summary->files, index);
}

void
assert_counts (DossierImportSummary *summary,
               guint                 imported,
               guint                 present,
               guint                 replaced,
               guint                 rejected)
{
  g_assert_cmpuint (summary->n_imported, ==, imported);
  g_assert_cmpuint (summary->n_present, ==, present);
  g_assert_cmpuint (summary->n_replaced, ==, replaced);
  g_assert_cmpuint (summary->n_rejected, ==, rejected);
}

sqlite3 *
handle (Fixture *fixture)
{
  return dossier_database_get_handle (dossier_library_get_database (fixture->library));
}

gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle (fixture), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
hash_table_rows (Fixture    *fixture,
                 const char *table,
                 GPtrArray  *rows)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle (fixture), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (table);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          g_string_append_c (row, '\x1f');
          g_string_append_len (row, sqlite3_column_blob (stmt, i), sqlite3_column_bytes (stmt, i));
        }
      g_ptr_array_add (rows, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Every row of every table — the search indexes' own tables included — in one hash. */
char *
library_checksum (Fixture *fixture)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle (fixture),
                                       "SELECT name FROM sqlite_master WHERE type = 'table'"
                                       " AND sql NOT LIKE 'CREATE VIRTUAL%'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 10);

  for (guint i = 0; i < tables->len; i++)
    hash_table_rows (fixture, g_ptr_array_index (tables, i), rows);
  g_ptr_array_sort (rows, compare_strings);
  for (guint i = 0; i < rows->len; i++)
    g_checksum_update (checksum, g_ptr_array_index (rows, i), -1);

  return g_strdup (g_checksum_get_string (checksum));
}

gint64
count_articles (Fixture *fixture)
{
  return query_int (fixture, "SELECT count(*) FROM articles");
}

gint64
count_matches (Fixture    *fixture,
               const char *word)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '%s'", word);

  return query_int (fixture, sql);
}

DossierArticle *
load (Fixture    *fixture,
      const char *id)
{
  g_autoptr(GError) error = NULL;
  DossierArticle *article = dossier_library_load_article (fixture->library, id, &error);

  g_assert_no_error (error);
  return article;
}

guint
count_mentions_of (Fixture    *fixture,
                   const char *article_id,
                   const char *entity)
{
  g_autoptr(GPtrArray) mentions = dossier_library_list_mentions (fixture->library, article_id,
                                                                 NULL);
  guint n = 0;

  g_assert_nonnull (mentions);
  for (guint i = 0; i < mentions->len; i++)
    if (g_str_equal (((DossierMention *) g_ptr_array_index (mentions, i))->entity, entity))
      n++;

  return n;
}

DossierAnnotations *
annotate (Fixture    *fixture,
          const char *id,
          const char *quote)
{
  DossierAnnotations *annotations = dossier_annotations_new (fixture->library);
  g_autoptr(DossierArticle) article = load (fixture, id);
  g_autoptr(DossierAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  annotation = dossier_annotations_create_for_quote (annotations, article, quote, 1,
                                                     DOSSIER_HIGHLIGHT_YELLOW, "note", NULL,
                                                     &error);
  g_assert_no_error (error);
  return annotations;
}

DossierAnnotation *
only_annotation (DossierAnnotations *annotations)
{
  g_autoptr(GListModel) all = dossier_annotations_list (annotations, NULL, NULL);

  g_assert_nonnull (all);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  return g_list_model_get_item (all, 0);
}
