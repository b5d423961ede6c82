/* test-import.c: importing the user's files into the library, and removing articles
 *
 * How a file is saved a chunk at a time, cancelled or imported off the main thread is in
 * test-import-chunks.c; the helpers both use are in test-import-util.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "dossier-article-store.h"
#include "dossier-entity-store.h"
#include "dossier-event.h"
#include "dossier-search-store.h"
#include "test-import-util.h"

/* Accepted forms */

static void
test_json_one_article (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *before = library_checksum (fixture);
  g_autoptr(DossierImportSummary) summary = import_text (fixture, "one.json", one_article);
  g_autofree char *after = library_checksum (fixture);
  g_autoptr(DossierArticle) article = NULL;

  /* The checksum the bad-input tests compare does see an import. */
  g_assert_cmpstr (before, !=, after);
  assert_counts (summary, 1, 0, 0, 0);
  g_assert_no_error (file_result (summary, 0)->error);
  article = load (fixture, "test-one");
  g_assert_cmpstr (dossier_article_get_title (article), ==, "Quokkas cross the river");
  g_assert_cmpint (dossier_article_get_origin (article), ==, DOSSIER_ORIGIN_IMPORTED);
  g_assert_cmpuint (dossier_article_get_blocks (article)->len, ==, 3);
  g_assert_cmpuint (dossier_article_get_credits (article)->len, ==, 1);
  g_assert_cmpint (count_articles (fixture), ==, 6);
  /* Indexed for search, title and body */
  g_assert_cmpint (count_matches (fixture, "zyzzyva"), ==, 1);
  g_assert_cmpint (count_matches (fixture, "quokkas"), ==, 1);
  /* Mentions against the bundled catalogue */
  g_assert_cmpuint (count_mentions_of (fixture, "test-one", "Min Aung Hlaing"), ==, 1);
}

static gboolean
has_event (Fixture    *fixture,
           const char *article_id,
           const char *iso)
{
  g_autoptr(GPtrArray) events = dossier_library_list_events (fixture->library, NULL);

  g_assert_nonnull (events);
  for (guint i = 0; i < events->len; i++)
    {
      DossierEvent *event = g_ptr_array_index (events, i);
      g_autofree char *date = dossier_event_dup_iso (event);

      if (g_str_equal (event->article_id, article_id) && g_str_equal (date, iso))
        return TRUE;
    }

  return FALSE;
}

static void
test_events (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DossierImportSummary) summary = import_text (fixture, "one.json", one_article);

  assert_counts (summary, 1, 0, 0, 0);
  g_assert_true (has_event (fixture, "test-one", "2022-08-03"));
  g_assert_false (has_event (fixture, "test-one", "2022-08-04"));
}

static void
test_json_many_with_entities (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(DossierImportSummary) summary = NULL;
  g_autoptr(DossierEntity) shoigu = NULL;
  gint64 entities_before = query_int (fixture, "SELECT count(*) FROM entities");

  summary = import_text (fixture, "many.json", many_articles);
  assert_counts (summary, 3, 0, 0, 0);
  g_assert_cmpuint (file_result (summary, 0)->n_entities, ==, 3);

  /* Merged by its alias into the bundled entity, which keeps its name and learns the new
   * spellings; the two others are new. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM entities"), ==, entities_before + 2);
  shoigu = dossier_entity_store_find (dossier_library_get_database (fixture->library),
                                      "S. K. Shoygu", NULL);
  g_assert_nonnull (shoigu);
  g_assert_cmpstr (dossier_entity_get_name (shoigu), ==, "Sergei Shoigu");
  g_assert_cmpint (dossier_entity_get_kind (shoigu), ==, DOSSIER_ENTITY_PERSON);
  g_assert_true (g_strv_contains (dossier_entity_get_aliases (shoigu), "Sergey K. Shoygu"));

  g_assert_cmpuint (count_mentions_of (fixture, "m1", "Sergei Shoigu"), ==, 1);
  g_assert_cmpuint (count_mentions_of (fixture, "m1", "Zarnivan Okoro"), ==, 1);
  g_assert_cmpuint (count_mentions_of (fixture, "m2", "Zarnivan Okoro"), ==, 1);
  /* A new name found in the articles the library already had */
  g_assert_cmpuint (count_mentions_of (fixture, POLYGRAPH, "Nobel Prize")
                    + count_mentions_of (fixture, "owp-2021-russia-commits-military-ties-junta",
                                         "Nobel Prize")
                    + count_mentions_of (fixture, "dvb-2022-junta-sides-with-russia-on-ukraine",
                                         "Nobel Prize")
                    + count_mentions_of (fixture, "unknown-2022-junta-chief-visit-fortifies-russia-ties",
                                         "Nobel Prize")
                    + count_mentions_of (fixture, "rfa-2023-nucc-condemns-russia", "Nobel Prize"),
                    ==, 1);
  g_assert_true (has_event (fixture, "m1", "2021-03"));
}

static void
test_plain_text (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DossierImportSummary) summary = NULL;
  g_autoptr(DossierImportSummary) again = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(DossierArticleList) articles = NULL;
  GPtrArray *blocks;
  const char *text =
    "\n  A plain story  \r\n"
    "Published: 2022-09\r\n"
    "source: Plain Times\r\n"
    "URL: https://example.org/plain\r\n"
    "\r\n"
    "First paragraph, wrapped\r\n"
    "over two lines.\r\n"
    "\r\n\r\n"
    "# Not a heading in plain text\r\n";

  summary = import_text (fixture, "story.txt", text);
  assert_counts (summary, 1, 0, 0, 0);
  articles = dossier_library_list_articles (fixture->library, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (articles)); i++)
    {
      g_autoptr(DossierArticle) item = g_list_model_get_item (G_LIST_MODEL (articles), i);

      if (g_str_equal (dossier_article_get_title (item), "A plain story"))
        article = load (fixture, dossier_article_get_id (item));
    }

  g_assert_nonnull (article);
  g_assert_cmpstr (dossier_article_get_outlet (article), ==, "Plain Times");
  g_assert_cmpstr (dossier_article_get_url (article), ==, "https://example.org/plain");
  g_assert_cmpint (dossier_article_get_published (article)->precision, ==, DOSSIER_PRECISION_MONTH);
  g_assert_true (g_str_has_prefix (dossier_article_get_id (article), "sha256-"));
  blocks = dossier_article_get_blocks (article);
  g_assert_cmpuint (blocks->len, ==, 2);
  g_assert_cmpstr (dossier_block_get_text (g_ptr_array_index (blocks, 0)), ==,
                   "First paragraph, wrapped over two lines.");
  g_assert_cmpstr (dossier_block_get_text (g_ptr_array_index (blocks, 1)), ==,
                   "# Not a heading in plain text");

  again = import_text (fixture, "story-copy.txt", text);
  assert_counts (again, 0, 1, 0, 0);
}

static void
test_markdown (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DossierImportSummary) summary = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  GPtrArray *blocks;
  const char *text =
    "# A *Markdown* story\n"
    "Published: 2023\n"
    "\n"
    "Intro paragraph.\n"
    "\n"
    "## A section\n"
    "> Quoted words\n"
    "> that go on.\n";

  summary = import_text (fixture, "story.md", text);
  assert_counts (summary, 1, 0, 0, 0);
  ids = dossier_article_store_list_ids (dossier_library_get_database (fixture->library),
                                        DOSSIER_ORIGIN_IMPORTED, NULL);
  g_assert_cmpuint (ids->len, ==, 1);
  /* The id is derived from the content, as for JSON articles without one. */
  g_assert_true (g_str_has_prefix (g_ptr_array_index (ids, 0), "sha256-"));
  article = load (fixture, g_ptr_array_index (ids, 0));

  g_assert_cmpstr (dossier_article_get_title (article), ==, "A *Markdown* story");
  blocks = dossier_article_get_blocks (article);
  g_assert_cmpuint (blocks->len, ==, 3);
  g_assert_cmpint (dossier_block_get_kind (g_ptr_array_index (blocks, 0)), ==,
                   DOSSIER_BLOCK_PARAGRAPH);
  g_assert_cmpint (dossier_block_get_kind (g_ptr_array_index (blocks, 1)), ==,
                   DOSSIER_BLOCK_HEADING);
  g_assert_cmpstr (dossier_block_get_text (g_ptr_array_index (blocks, 1)), ==, "A section");
  g_assert_cmpint (dossier_block_get_kind (g_ptr_array_index (blocks, 2)), ==,
                   DOSSIER_BLOCK_QUOTE);
  g_assert_cmpstr (dossier_block_get_text (g_ptr_array_index (blocks, 2)), ==,
                   "Quoted words that go on.");
}

/* Bad input: each case is rejected with its message and changes nothing. */

typedef struct
{
  const char *name;
  const char *contents;
  gssize      length;
  const char *message;
} BadCase;

static const BadCase bad_cases[] = {
  { "latin1.json", "{\"format\": \"dossier\", \"version\": 1, \"articles\": [{\"title\": \"caf\xe9\"}]}",
    -1, "latin1.json:1:" },
  { "latin1.txt", "Title\nPublished: 2022\n\nCaf\xe9.\n", -1,
    "latin1.txt:4:4: the file is not valid UTF-8 text" },
  { "prose.json", "Just some words, not JSON.\n", -1, "prose.json:1:1: unexpected word" },
  { "syntax.json", "{\"format\": \"dossier\",\n \"version\": 1,\n \"articles\": [\n}\n", -1,
    "syntax.json:4:" },
  { "types.json", "{\"format\": \"dossier\", \"version\": 1, \"articles\": [\n"
    "  {\"title\": 12, \"published\": \"2022\", \"body\": \"x\"}]}", -1,
    "types.json:2:4: “title” must be a string, not a number" },
  { "missing.json", "{\"format\": \"dossier\", \"version\": 1, \"articles\": [\n"
    "  {\"title\": \"No date\", \"body\": \"x\"}]}", -1, "missing.json:2:3:" },
  { "date.json", "{\"format\": \"dossier\", \"version\": 1, \"articles\": [\n"
    "  {\"title\": \"T\", \"published\": \"2022-02-30\", \"body\": \"x\"}]}", -1,
    "date.json:2:" },
  { "date.txt", "Title\nPublished: 2021-13\n\nText.\n", -1,
    "date.txt:2:12: “Published” must be a real date" },
  { "nodate.md", "# Title\nSource: Somewhere\n\nText.\n", -1,
    "nodate.md:2:1: the publication date is missing" },
  { "notext.txt", "Title\nPublished: 2021\n\n\n", -1, "notext.txt:" },
  { "nul.json", "{\"format\": \"dossier\",\n \"version\": 1\0}", 35, "nul.json:2:" },
  { "nul.txt", "Title\nPublished: 2021\n\nA\0B\n", 27, "nul.txt:4:2: the file contains a NUL byte" },
  { "empty.json", "", 0, "empty.json" },
  { "empty.txt", "", 0, "empty.txt:1:1: the file is empty" },
  { "blank.md", "\n  \n\n", -1, "blank.md:1:1: the file is empty" },
  { "bundled.json", "{\"format\": \"dossier\", \"version\": 1, \"articles\": [\n"
    "  {\"id\": \"" POLYGRAPH "\", \"title\": \"Mine now\", \"published\": \"2022\","
    " \"body\": \"x\"}]}", -1, "bundled.json: the article “" POLYGRAPH "” has the id of an "
    "article of the bundled dossier" },
  /* Half good, half bad: none of it */
  { "half.json", "{\"format\": \"dossier\", \"version\": 1, \"articles\": [\n"
    "  {\"id\": \"good\", \"title\": \"Good\", \"published\": \"2022\", \"body\": \"Fine.\"},\n"
    "  {\"id\": \"bad\", \"title\": \"Bad\", \"published\": \"2022\"}],\n"
    " \"entities\": [{\"name\": \"Someone New\"}]}", -1, "half.json:3:3:" },
};

static void
assert_rejected (Fixture       *fixture,
                 const BadCase *bad)
{
  g_autofree char *before = library_checksum (fixture);
  g_autofree char *path = write_file (fixture, bad->name, bad->contents, bad->length);
  g_autofree char *after = NULL;
  g_autoptr(DossierImportSummary) summary = NULL;
  gint64 articles = count_articles (fixture);
  const GError *error;

  summary = import_one (fixture, path);
  assert_counts (summary, 0, 0, 0, 1);
  error = file_result (summary, 0)->error;
  g_assert_nonnull (error);
  if (strstr (error->message, bad->message) == NULL)
    g_error ("%s: “%s” does not say “%s”", bad->name, error->message, bad->message);

  after = library_checksum (fixture);
  g_assert_cmpint (count_articles (fixture), ==, articles);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    assert_rejected (fixture, &bad_cases[i]);
}

static void
test_too_deep (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"dossier\", \"version\": 1, \"x\": ");
  BadCase bad = { "deep.json", NULL, -1, "deep.json:1:" };

  for (guint i = 0; i < DOSSIER_JSON_MAX_DEPTH; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < DOSSIER_JSON_MAX_DEPTH; i++)
    g_string_append_c (json, ']');
  g_string_append (json, ", \"articles\": []}");
  bad.contents = json->str;
  assert_rejected (fixture, &bad);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  const char *names[] = { "large.json", "large.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
      g_autofree char *before = library_checksum (fixture);
      g_autofree char *after = NULL;
      g_autoptr(DossierImportSummary) summary = NULL;
      FILE *file = fopen (path, "w");

      /* Sparse: the size is what counts, and it is checked before reading. */
      g_assert_nonnull (file);
      g_assert_cmpint (ftruncate (fileno (file), DOSSIER_IMPORT_MAX_FILE_SIZE + 1), ==, 0);
      fclose (file);

      summary = import_one (fixture, path);
      assert_counts (summary, 0, 0, 0, 1);
      g_assert_error (file_result (summary, 0)->error, DOSSIER_IMPORT_ERROR,
                      DOSSIER_IMPORT_ERROR_TOO_LARGE);
      g_assert_nonnull (strstr (file_result (summary, 0)->error->message, "64 MiB"));
      after = library_checksum (fixture);
      g_assert_cmpstr (before, ==, after);
    }
}


/* A 10 MB paragraph on one line, in a JSON body and in a .txt file: imported whole, and
 * searching it still answers (FTS5's snippet of it took minutes). */
static void
test_ten_megabyte_line (Fixture       *fixture,
                        gconstpointer  data)
{
  const gsize size = 10 * 1024 * 1024;
  g_autoptr(GString) line = g_string_sized_new (size + 64);
  g_autoptr(GString) json = NULL;
  g_autofree char *txt = NULL;
  g_autoptr(DossierImportSummary) from_json = NULL, from_txt = NULL;
  g_autoptr(DossierSearchQuery) query = dossier_search_query_new ("quokka");
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_more = FALSE;

  while (line->len < size)
    g_string_append (line, "alpha beta quokka delta ");
  json = g_string_new ("{\"format\": \"dossier\", \"version\": 1, \"articles\": [{\"title\": "
                       "\"Long JSON\", \"published\": \"2022\", \"body\": \"");
  g_string_append_printf (json, "%s\"}]}", line->str);
  from_json = import_text (fixture, "long.json", json->str);
  assert_counts (from_json, 1, 0, 0, 0);
  txt = g_strdup_printf ("Long text\nPublished: 2023\n\n%s\n", line->str);
  from_txt = import_text (fixture, "long.txt", txt);
  assert_counts (from_txt, 1, 0, 0, 0);

  found = dossier_search_store_find (dossier_library_get_database (fixture->library), query, 0,
                                     10, &has_more, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  for (guint i = 0; i < found->len; i++)
    {
      g_autoptr(DossierArticle) article =
        dossier_library_load_article (fixture->library,
          dossier_search_result_get_article_id (g_ptr_array_index (found, i)), NULL);

      g_assert_cmpuint (strlen (dossier_article_get_text (article)), ==,
                        strlen (g_strstrip (line->str)));
      g_assert_true (g_str_has_prefix (
        dossier_search_result_get_snippet (g_ptr_array_index (found, i)), "alpha beta"));
    }
}

/* A bad file in a batch: the others are imported. */
static void
test_batch_goes_on (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *good = write_file (fixture, "one.json", one_article, -1);
  g_autofree char *bad = write_file (fixture, "bad.json", "{", -1);
  g_autofree char *text = write_file (fixture, "t.txt", "T\nPublished: 2020\n\nWords.\n", -1);
  const char *paths[] = { good, bad, text, NULL };
  g_autoptr(DossierImportSummary) summary = import_paths (fixture, paths);
  g_autofree char *line = dossier_import_summary_describe (summary);

  assert_counts (summary, 2, 0, 0, 1);
  g_assert_cmpuint (summary->files->len, ==, 3);
  g_assert_no_error (file_result (summary, 0)->error);
  g_assert_nonnull (file_result (summary, 1)->error);
  g_assert_no_error (file_result (summary, 2)->error);
  g_assert_cmpstr (line, ==, "2 articles imported");
  g_assert_cmpint (count_articles (fixture), ==, 7);
}

/* Identity */

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DossierImportSummary) first = import_text (fixture, "one.json", one_article);
  g_autoptr(DossierImportSummary) same_id = import_text (fixture, "again.json", one_article);
  g_autoptr(GString) other_id = g_string_new (one_article);
  g_autoptr(DossierImportSummary) same_content = NULL;
  g_autoptr(DossierImportSummary) batch = NULL;
  g_autofree char *a = write_file (fixture, "a.txt", "Same\nPublished: 2020\n\nText.\n", -1);
  g_autofree char *b = write_file (fixture, "b.txt", "Same\nPublished: 2020\n\nText.\n", -1);
  const char *paths[] = { a, b, NULL };
  g_autofree char *line = NULL;

  assert_counts (first, 1, 0, 0, 0);
  assert_counts (same_id, 0, 1, 0, 0);

  g_string_replace (other_id, "test-one", "test-other-id", 0);
  same_content = import_text (fixture, "other.json", other_id->str);
  assert_counts (same_content, 0, 1, 0, 0);

  batch = import_paths (fixture, paths);
  assert_counts (batch, 1, 1, 0, 0);
  line = dossier_import_summary_describe (batch);
  g_assert_cmpstr (line, ==, "1 article imported, 1 already present");
  g_assert_cmpint (count_articles (fixture), ==, 7);

  /* The bundled dossier itself is already there. */
  {
    g_autofree char *bundled = g_build_filename (g_getenv ("DOSSIER_DATA_DIR"), "dossier.json",
                                                 NULL);
    g_autoptr(DossierImportSummary) again = import_one (fixture, bundled);

    assert_counts (again, 0, 5, 0, 0);
  }
}

static const char replaced_article[] =
  "{\"format\": \"dossier\", \"version\": 1, \"articles\": [{\n"
  "  \"id\": \"test-one\", \"title\": \"Quokkas cross the river\", \"outlet\": \"Test News\",\n"
  "  \"published\": \"2022-08-05\",\n"
  "  \"blocks\": [{\"kind\": \"paragraph\", \"text\": \"A new first paragraph about aardwolves.\"},\n"
  "             {\"kind\": \"paragraph\", \"text\": \"Min Aung Hlaing met them on 3 August 2022.\"}]\n"
  "}]}\n";

static void
test_replace_reanchors (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(DossierImportSummary) first = import_text (fixture, "one.json", one_article);
  g_autoptr(DossierAnnotations) annotations = annotate (fixture, "test-one", "met them");
  g_autoptr(DossierAnnotation) before = only_annotation (annotations);
  g_autoptr(DossierAnnotation) after = NULL;
  g_autoptr(DossierImportSummary) replaced = NULL;
  g_autoptr(DossierArticle) article = NULL;
  guint start;

  replaced = import_text (fixture, "one-v2.json", replaced_article);
  assert_counts (replaced, 0, 0, 1, 0);
  g_assert_cmpint (count_articles (fixture), ==, 6);
  g_assert_cmpint (count_matches (fixture, "zyzzyva"), ==, 0);
  g_assert_cmpint (count_matches (fixture, "aardwolves"), ==, 1);

  article = load (fixture, "test-one");
  start = g_utf8_pointer_to_offset (dossier_article_get_text (article),
                                    strstr (dossier_article_get_text (article), "met them"));
  g_assert_cmpuint (start, !=, dossier_annotation_get_start (before));
  after = only_annotation (annotations);
  g_assert_cmpuint (dossier_annotation_get_start (after), ==, start);
  g_assert_cmpint (dossier_annotation_get_anchor (after), ==, DOSSIER_ANCHOR_MOVED);
}

/* A text changed behind the import's back is anchored again when the article is loaded,
 * because the annotation's hash is not the text's. */
static void
test_load_reanchors (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DossierImportSummary) first = import_text (fixture, "one.json", one_article);
  g_autoptr(DossierAnnotations) annotations = annotate (fixture, "test-one", "met them");
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autoptr(DossierAnnotation) stale = NULL;
  g_autoptr(DossierAnnotation) anchored = NULL;
  g_autoptr(DossierArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  DossierArticle *changed;

  dossier_importer_add_data (importer, replaced_article, -1, "v2.json", &error);
  g_assert_no_error (error);
  changed = g_ptr_array_index (dossier_importer_get_articles (importer), 0);
  dossier_article_store_save (dossier_library_get_database (fixture->library), changed, NULL,
                              &error);
  g_assert_no_error (error);

  stale = only_annotation (annotations);
  g_assert_cmpint (dossier_annotation_get_anchor (stale), ==, DOSSIER_ANCHOR_OK);

  article = load (fixture, "test-one");
  dossier_annotations_anchor_article (annotations, article, &error);
  g_assert_no_error (error);
  anchored = only_annotation (annotations);
  g_assert_cmpint (dossier_annotation_get_anchor (anchored), ==, DOSSIER_ANCHOR_MOVED);
  g_assert_cmpuint (dossier_annotation_get_start (anchored), >,
                    dossier_annotation_get_start (stale));
}

/* Scale: the generator's corpus */

static void
test_generated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "corpus.json", NULL);
  g_autoptr(DossierImportSummary) summary = NULL;
  g_autoptr(DossierImportSummary) again = NULL;
  gint64 entities_before = query_int (fixture, "SELECT count(*) FROM entities");

  dossier_test_generate_corpus (path, "1000", "3");
  summary = import_one (fixture, path);
  assert_counts (summary, 1000, 0, 0, 0);
  g_assert_cmpuint (file_result (summary, 0)->n_entities, ==, 200);
  g_assert_cmpint (count_articles (fixture), ==, 1005);
  g_assert_cmpint (dossier_article_store_count (dossier_library_get_database (fixture->library),
                                                NULL), ==, 1005);
  /* Ten of the generator's entities are real names the bundled catalogue knows. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM entities"), >, entities_before + 150);
  g_assert_cmpint (query_int (fixture, "SELECT count(DISTINCT article) FROM mentions m JOIN articles a"
                                       " ON a.id = m.article WHERE a.origin = 1"), ==, 1000);
  g_assert_cmpint (query_int (fixture, "SELECT count(DISTINCT article) FROM events e JOIN articles a"
                                       " ON a.id = e.article WHERE a.origin = 1"), >, 900);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM events WHERE group_key IS NULL"), ==, 0);
  g_assert_cmpint (sqlite3_exec (handle (fixture), "INSERT INTO articles_fts (articles_fts)"
                                 " VALUES ('integrity-check')", NULL, NULL, NULL), ==, SQLITE_OK);
  /* The import's larger in-memory index, and its merges left to the end, are not left
   * behind: FTS5's defaults, no row. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM articles_fts_config WHERE k IN"
                                       " ('hashsize', 'automerge', 'crisismerge')"), ==, 0);

  again = import_one (fixture, path);
  assert_counts (again, 0, 1000, 0, 0);
  g_assert_cmpint (count_articles (fixture), ==, 1005);
}

/* Removing and hiding */

static void
test_remove_imported (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DossierImportSummary) first = import_text (fixture, "one.json", one_article);
  g_autoptr(DossierAnnotations) annotations = annotate (fixture, "test-one", "met them");
  g_autoptr(DossierAnnotation) orphan = NULL;
  g_autoptr(DossierAnnotation) back = NULL;
  g_autoptr(DossierImportSummary) again = NULL;
  g_autoptr(GError) error = NULL;

  dossier_library_remove_article (fixture->library, "test-one", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_articles (fixture), ==, 5);
  g_assert_cmpint (count_matches (fixture, "zyzzyva"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM events e LEFT JOIN articles a"
                                       " ON a.id = e.article WHERE a.id IS NULL"), ==, 0);
  orphan = only_annotation (annotations);
  g_assert_cmpint (dossier_annotation_get_anchor (orphan), ==, DOSSIER_ANCHOR_ORPHAN);

  /* Imported again, it is new again, and its annotation finds its passage. */
  again = import_text (fixture, "one.json", one_article);
  assert_counts (again, 1, 0, 0, 0);
  back = only_annotation (annotations);
  g_assert_cmpint (dossier_annotation_get_anchor (back), !=, DOSSIER_ANCHOR_ORPHAN);

  dossier_library_remove_article (fixture->library, "test-one", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM annotations"), ==, 0);

  g_assert_false (dossier_library_remove_article (fixture->library, "test-one", FALSE, &error));
  g_assert_error (error, DOSSIER_DB_ERROR, DOSSIER_DB_ERROR_NOT_FOUND);
}

static void
test_hide_bundled (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DossierAnnotations) annotations = annotate (fixture, POLYGRAPH, "Lavrov");
  g_autoptr(DossierArticleList) visible = NULL;
  g_autoptr(DossierArticleList) shown = NULL;
  g_autoptr(DossierArticleList) hidden = NULL;
  g_autoptr(DossierArticleList) none_hidden = NULL;
  g_autoptr(DossierArticle) first_hidden = NULL;
  g_autoptr(DossierAnnotation) kept = NULL;
  g_autoptr(GError) error = NULL;

  dossier_library_remove_article (fixture->library, POLYGRAPH, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_articles (fixture), ==, 5);
  visible = dossier_library_list_articles (fixture->library, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (visible)), ==, 4);
  kept = only_annotation (annotations);
  g_assert_cmpint (dossier_annotation_get_anchor (kept), ==, DOSSIER_ANCHOR_OK);
  hidden = dossier_library_list_hidden_articles (fixture->library, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hidden)), ==, 1);
  first_hidden = g_list_model_get_item (G_LIST_MODEL (hidden), 0);
  g_assert_cmpstr (dossier_article_get_id (first_hidden), ==, POLYGRAPH);

  dossier_library_unhide_article (fixture->library, POLYGRAPH, &error);
  g_assert_no_error (error);
  shown = dossier_library_list_articles (fixture->library, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 5);
  none_hidden = dossier_library_list_hidden_articles (fixture->library, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (none_hidden)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD DOSSIER_TEST_ADD_WITH_LIBRARY
  ADD ("/import/json/one-article", test_json_one_article);
  ADD ("/import/json/many-articles-with-entities", test_json_many_with_entities);
  ADD ("/import/plain-text", test_plain_text);
  ADD ("/import/markdown", test_markdown);
  ADD ("/import/events-on-the-timeline", test_events);
  ADD ("/import/bad-input-changes-nothing", test_bad_input);
  ADD ("/import/too-deep-changes-nothing", test_too_deep);
  ADD ("/import/too-large-changes-nothing", test_too_large);
  ADD ("/import/ten-megabyte-line", test_ten_megabyte_line);
  ADD ("/import/batch-goes-on-after-a-bad-file", test_batch_goes_on);
  ADD ("/import/duplicates-by-id-and-content", test_duplicates);
  ADD ("/import/replacement-reanchors-annotations", test_replace_reanchors);
  ADD ("/import/load-reanchors-a-changed-text", test_load_reanchors);
  ADD ("/import/generated-1000", test_generated);
  ADD ("/import/remove-imported", test_remove_imported);
  ADD ("/import/hide-bundled", test_hide_bundled);
#undef ADD

  return g_test_run ();
}
