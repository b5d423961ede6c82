/* test-importer.c: the import format, read right or refused with a precise message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "dossier-article.h"
#include "dossier-entity.h"
#include "dossier-importer.h"
#include "dossier-test-util.h"

#define HEADER "{\"format\": \"dossier\", \"version\": 1,\n"

static const char valid_json[] =
  HEADER
  " \"articles\": [\n"
  "  {\"id\": \"a1\", \"title\": \" Blocks \", \"published\": \"2022-08-03\",\n"
  "   \"outlet\": \"Example News\", \"unknown_field\": {\"ignored\": [1, 2]},\n"
  "   \"credits\": [{\"role\": \"editor\", \"name\": \"Ann\"}],\n"
  "   \"blocks\": [{\"kind\": \"heading\", \"text\": \"Head\"},\n"
  "              {\"kind\": \"quote\", \"text\": \"“Said.”\", \"attribution\": \"Bob\"},\n"
  "              {\"kind\": \"verdict\", \"text\": \"False\"}]},\n"
  "  {\"title\": \"Plain body\", \"published\": \"2021\",\n"
  "   \"body\": \"First line\\nwraps here.\\r\\n\\n\\nSecond paragraph.\\n\"}\n"
  " ],\n"
  " \"entities\": [{\"name\": \"Example Person\", \"kind\": \"person\",\n"
  "                \"aliases\": [\"E. Person\", \"Person\"], \"description\": \"A test.\"}]\n"
  "}\n";

static void
test_valid_file (void)
{
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autoptr(GError) error = NULL;
  DossierArticle *blocks_article, *body_article;
  DossierEntity *entity;
  GPtrArray *blocks;

  g_assert_true (dossier_importer_add_data (importer, valid_json, -1, "valid.json", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_importer_get_articles (importer)->len, ==, 2);

  blocks_article = g_ptr_array_index (dossier_importer_get_articles (importer), 0);
  g_assert_cmpstr (dossier_article_get_id (blocks_article), ==, "a1");
  g_assert_cmpstr (dossier_article_get_title (blocks_article), ==, "Blocks");
  g_assert_cmpstr (dossier_article_get_outlet (blocks_article), ==, "Example News");
  g_assert_cmpint (dossier_article_get_published (blocks_article)->precision, ==,
                   DOSSIER_PRECISION_DAY);
  blocks = dossier_article_get_blocks (blocks_article);
  g_assert_cmpuint (blocks->len, ==, 3);
  g_assert_cmpint (dossier_block_get_kind (g_ptr_array_index (blocks, 2)), ==,
                   DOSSIER_BLOCK_VERDICT);
  g_assert_cmpstr (dossier_block_get_attribution (g_ptr_array_index (blocks, 1)), ==, "Bob");

  body_article = g_ptr_array_index (dossier_importer_get_articles (importer), 1);
  g_assert_cmpstr (dossier_article_get_text (body_article), ==,
                   "First line wraps here.\n\nSecond paragraph.");
  g_assert_true (g_str_has_prefix (dossier_article_get_id (body_article), "sha256-"));

  entity = g_ptr_array_index (dossier_importer_get_entities (importer), 0);
  g_assert_cmpstr (dossier_entity_get_name (entity), ==, "Example Person");
  g_assert_cmpuint (g_strv_length ((char **) dossier_entity_get_aliases (entity)), ==, 2);
}

typedef struct
{
  const char         *name;
  const char         *json;
  DossierImportError  code;
  const char         *message;   /* the whole message, location included */
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "syntax", HEADER " \"articles\": [\n  {\"title\" \"x\"}\n ]\n}",
    DOSSIER_IMPORT_ERROR_SYNTAX, "bad.json:3:" },
  { "not-object", "[1, 2]", DOSSIER_IMPORT_ERROR_INVALID_VALUE,
    "bad.json:1:1: a Dossier file is a JSON object with “format”, “version” and “articles”" },
  { "wrong-format", "{\"format\": \"other\", \"version\": 1, \"articles\": []}",
    DOSSIER_IMPORT_ERROR_INVALID_VALUE, "bad.json:1:2: “format” must be “dossier”" },
  { "newer-version", "{\"format\": \"dossier\",\n \"version\": 2, \"articles\": []}",
    DOSSIER_IMPORT_ERROR_UNSUPPORTED,
    "bad.json:2:2: format version 2 is not supported: this Dossier reads version 1" },
  /* Our own notes export, told apart from a broken article file (QA: it was “the required
   * field “format” is missing”), so that the window imports it as notes. */
  { "notes-export", "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n"
    " \"type\": \"AnnotationCollection\", \"first\": {\"items\": []}}",
    DOSSIER_IMPORT_ERROR_NOTES,
    "bad.json:1:1: this file holds notes (Web Annotations), not articles" },
  { "notes-without-context", "{\"type\": \"AnnotationCollection\", \"items\": []}",
    DOSSIER_IMPORT_ERROR_NOTES, "bad.json:1:1: this file holds notes" },
  { "other-json-ld", "{\"@context\": \"https://schema.org\", \"type\": \"NewsArticle\"}",
    DOSSIER_IMPORT_ERROR_MISSING_FIELD, "bad.json:1:1: the required field “format” is missing" },
  { "missing-version", "{\"format\": \"dossier\", \"articles\": []}",
    DOSSIER_IMPORT_ERROR_MISSING_FIELD,
    "bad.json:1:1: the required field “version” is missing" },
  { "nothing", HEADER " \"other\": []}", DOSSIER_IMPORT_ERROR_INVALID_VALUE,
    "bad.json:1:1: the file has neither “articles” nor “entities”" },
  { "title-type", HEADER " \"articles\": [\n  {\"published\": \"2021\", \"body\": \"x\",\n"
    "   \"title\": 42}]}", DOSSIER_IMPORT_ERROR_WRONG_TYPE,
    "bad.json:4:4: “title” must be a string, not a number" },
  { "missing-title", HEADER " \"articles\": [\n  {\"published\": \"2021\", \"body\": \"x\"}]}",
    DOSSIER_IMPORT_ERROR_MISSING_FIELD,
    "bad.json:3:3: the required field “title” is missing" },
  { "missing-published", HEADER " \"articles\": [\n  {\"title\": \"t\", \"body\": \"x\"}]}",
    DOSSIER_IMPORT_ERROR_MISSING_FIELD,
    "bad.json:3:3: the required field “published” is missing" },
  { "impossible-date", HEADER " \"articles\": [\n  {\"title\": \"t\", \"body\": \"x\",\n"
    "   \"published\": \"2021-02-30\"}]}", DOSSIER_IMPORT_ERROR_INVALID_VALUE,
    "bad.json:4:4: “published” must be a real date written YYYY, YYYY-MM or YYYY-MM-DD, "
    "not “2021-02-30”" },
  { "body-and-blocks", HEADER " \"articles\": [\n  {\"title\": \"t\", \"published\": \"2021\","
    " \"body\": \"x\", \"blocks\": []}]}", DOSSIER_IMPORT_ERROR_INVALID_VALUE,
    "bad.json:3:3: an article needs its text as either “body” or “blocks” (one of them)" },
  { "no-text", HEADER " \"articles\": [\n  {\"title\": \"t\", \"published\": \"2021\","
    " \"body\": \"  \\n \"}]}", DOSSIER_IMPORT_ERROR_INVALID_VALUE,
    "bad.json:3:3: the article has no text" },
  { "block-kind", HEADER " \"articles\": [\n  {\"title\": \"t\", \"published\": \"2021\",\n"
    "   \"blocks\": [{\"kind\": \"poem\", \"text\": \"x\"}]}]}",
    DOSSIER_IMPORT_ERROR_INVALID_VALUE, "bad.json:4:16: a block’s “kind” must be" },
  { "block-not-object", HEADER " \"articles\": [\n  {\"title\": \"t\", \"published\": \"2021\",\n"
    "   \"blocks\": [\"text\"]}]}", DOSSIER_IMPORT_ERROR_WRONG_TYPE,
    "bad.json:4:" },
  { "credits-type", HEADER " \"articles\": [\n  {\"title\": \"t\", \"published\": \"2021\","
    " \"body\": \"x\",\n   \"credits\": \"Ann\"}]}", DOSSIER_IMPORT_ERROR_WRONG_TYPE,
    "bad.json:4:4: “credits” must be an array, not a string" },
  { "duplicate-id", HEADER " \"articles\": [\n  {\"id\": \"same\", \"title\": \"t\", "
    "\"published\": \"2021\", \"body\": \"x\"},\n  {\"id\": \"same\", \"title\": \"u\", "
    "\"published\": \"2021\", \"body\": \"y\"}]}", DOSSIER_IMPORT_ERROR_INVALID_VALUE,
    "bad.json:4:3: the id “same” is used twice in this file" },
  /* Each article is parsed apart from the rest of the file, its places still the file's;
   * json-glib puts a missing comma at the end of the value before it, as it does in a
   * whole file. */
  { "syntax-in-a-later-article", HEADER " \"articles\": [\n  {\"title\": \"t\", "
    "\"published\": \"2021\", \"body\": \"x\"},\n  {\"title\": \"u\",\n   \"published\" "
    "\"2021\"}]}", DOSSIER_IMPORT_ERROR_SYNTAX, "bad.json:5:" },
  { "type-in-a-later-article", HEADER " \"articles\": [\n  {\"title\": \"t\", "
    "\"published\": \"2021\", \"body\": \"x\"}, {\"published\": \"2021\", \"body\": \"y\",\n"
    "   \"title\": 42}]}", DOSSIER_IMPORT_ERROR_WRONG_TYPE,
    "bad.json:4:4: “title” must be a string, not a number" },
  { "article-not-object", HEADER " \"articles\": [\n  {\"title\": \"t\", "
    "\"published\": \"2021\", \"body\": \"x\"},\n  7]}", DOSSIER_IMPORT_ERROR_WRONG_TYPE,
    "bad.json:4:4: article 2 must be an object, not a number" },
  { "missing-comma-between-articles", HEADER " \"articles\": [\n  {\"title\": \"t\", "
    "\"published\": \"2021\", \"body\": \"x\"}\n  {\"title\": \"u\"}]}",
    DOSSIER_IMPORT_ERROR_SYNTAX, "bad.json:3:50: Parse error: unexpected character `}'" },
  /* json-glib reads both "articles": the file is parsed whole, not apart */
  { "articles-twice", HEADER " \"articles\": [],\n \"articles\": [{\"title\": 42,"
    " \"published\": \"2021\", \"body\": \"x\"}]}", DOSSIER_IMPORT_ERROR_WRONG_TYPE,
    "bad.json:3:16: “title” must be a string, not a number" },
  { "entity-kind", HEADER " \"entities\": [\n  {\"name\": \"X\", \"kind\": \"planet\"}]}",
    DOSSIER_IMPORT_ERROR_INVALID_VALUE, "bad.json:3:17: an entity’s “kind” must be" },
  { "alias-type", HEADER " \"entities\": [\n  {\"name\": \"X\", \"aliases\": [\"ok\", 7]}]}",
    DOSSIER_IMPORT_ERROR_WRONG_TYPE, "bad.json:3:" },
  { "empty", "", DOSSIER_IMPORT_ERROR_SYNTAX, "bad.json" },
  { "not-utf8", HEADER " \"articles\": [\n  {\"title\": \"caf\xe9\"}]}",
    DOSSIER_IMPORT_ERROR_NOT_UTF8, "bad.json:3:17: the file is not valid UTF-8 text" },
  /* Where the check skips ASCII eight bytes at a time: a bad character right after a good
   * one, and a character cut short by the end of the file after a long ASCII run. */
  { "cut-after-accent", HEADER " \"articles\": [\n  {\"title\": \"caf\xc3\xa9 \xe2\x82 x\"}]}",
    DOSSIER_IMPORT_ERROR_NOT_UTF8, "bad.json:3:19: the file is not valid UTF-8 text" },
  { "cut-at-end", HEADER " \"articles\": [\n  {\"title\": \"abcdefghijklmnop\xc3",
    DOSSIER_IMPORT_ERROR_NOT_UTF8, "bad.json:3:30: the file is not valid UTF-8 text" },
  /* What json-glib alone would let through: a file is RFC 8259 JSON or nothing. */
  { "single-quotes", "{'format': 'dossier'}", DOSSIER_IMPORT_ERROR_SYNTAX,
    "bad.json:1:2: unexpected character: this is not JSON" },
  { "comment", HEADER " /* a comment */ \"articles\": []}", DOSSIER_IMPORT_ERROR_SYNTAX,
    "bad.json:2:2: unexpected character: this is not JSON" },
  { "line-comment", HEADER " // a comment\n \"articles\": []}", DOSSIER_IMPORT_ERROR_SYNTAX,
    "bad.json:2:2: unexpected character" },
  { "bad-escape", HEADER " \"articles\": [\n  {\"title\": \"\\x41\"}]}",
    DOSSIER_IMPORT_ERROR_SYNTAX, "bad.json:3:14: invalid escape in a string" },
  { "short-unicode-escape", HEADER " \"articles\": [\n  {\"title\": \"\\u12\"}]}",
    DOSSIER_IMPORT_ERROR_SYNTAX, "bad.json:3:14: invalid escape in a string" },
  { "leading-zero", "{\"format\": \"dossier\", \"version\": 01, \"articles\": []}",
    DOSSIER_IMPORT_ERROR_SYNTAX, "bad.json:1:34: invalid number" },
  { "bare-dot", "{\"format\": \"dossier\", \"version\": 1., \"articles\": []}",
    DOSSIER_IMPORT_ERROR_SYNTAX, "bad.json:1:34: invalid number" },
  { "plus-sign", "{\"format\": \"dossier\", \"version\": +1, \"articles\": []}",
    DOSSIER_IMPORT_ERROR_SYNTAX, "bad.json:1:34: unexpected character" },
  { "nan", HEADER " \"articles\": [], \"x\": NaN}", DOSSIER_IMPORT_ERROR_SYNTAX,
    "bad.json:2:23: unexpected word “NaN”" },
  { "unquoted-key", "{format: \"dossier\"}", DOSSIER_IMPORT_ERROR_SYNTAX,
    "bad.json:1:2: unexpected word “format”" },
  { "raw-control-character", HEADER " \"articles\": [\n  {\"title\": \"a\x01b\"}]}",
    DOSSIER_IMPORT_ERROR_SYNTAX,
    "bad.json:3:15: a control character in a string must be written as an escape" },
  { "raw-line-break-in-string", HEADER " \"articles\": [\n  {\"title\": \"a\nb\"}]}",
    DOSSIER_IMPORT_ERROR_SYNTAX, "bad.json:3:15: a control character" },
  { "second-value", HEADER " \"articles\": []}\n{}", DOSSIER_IMPORT_ERROR_SYNTAX,
    "bad.json:3:1: more text after the end of the JSON value" },
  { "trailing-garbage", HEADER " \"articles\": []} x", DOSSIER_IMPORT_ERROR_SYNTAX,
    "bad.json:2:18: more text after the end of the JSON value" },
  { "trailing-comma", HEADER " \"articles\": [1,]}", DOSSIER_IMPORT_ERROR_SYNTAX,
    "bad.json:2:" },
  { "unterminated-string", HEADER " \"articles\": [\"abc", DOSSIER_IMPORT_ERROR_SYNTAX,
    "bad.json:" },
  /* json-glib quotes the token cut at a byte count, here in the middle of "日". */
  { "syntax-quotes-whole-characters",
    HEADER " \"articles\": [\n  {\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxx日本日本\" \"title\"}]}",
    DOSSIER_IMPORT_ERROR_SYNTAX, "bad.json:3:" },
  /* json-glib reads these too, and they could hide a quote from the nesting limit. */
  { "single-quoted-value", HEADER " \"articles\": [\n  {\"title\": 'x'}]}",
    DOSSIER_IMPORT_ERROR_SYNTAX,
    "bad.json:3:13: unexpected character: this is not JSON" },
  { "comment-hiding-a-quote", HEADER " /* \" */ \"articles\": []}", DOSSIER_IMPORT_ERROR_SYNTAX,
    "bad.json:2:2: unexpected character: this is not JSON" },
  /* json-glib keeps the first value and leaks the second (found by fuzzing). */
  { "two-values", HEADER " \"articles\": []}\n{\"x\": 1}", DOSSIER_IMPORT_ERROR_SYNTAX,
    "bad.json:3:1: more text after the end of the JSON value" },
  { "two-words", "true false", DOSSIER_IMPORT_ERROR_SYNTAX,
    "bad.json:1:6: more text after the end of the JSON value" },
  /* json-glib would decode these into bytes that are not UTF-8 (found by fuzzing). */
  { "octal-escape", HEADER " \"articles\": [\n  {\"title\": \"\\777\"}]}",
    DOSSIER_IMPORT_ERROR_SYNTAX, "bad.json:3:14: invalid escape in a string" },
  { "short-unicode-escape-before-a-space", HEADER " \"articles\": [\n  {\"title\": \"\\ud8 x\"}]}",
    DOSSIER_IMPORT_ERROR_SYNTAX,
    "bad.json:3:14: invalid escape in a string" },
  { "lone-high-surrogate", HEADER " \"articles\": [\n  {\"title\": \"a\\ud800b\"}]}",
    DOSSIER_IMPORT_ERROR_NOT_UTF8,
    "bad.json:3:15: “\\uD800” is half of a UTF-16 surrogate pair, without the other half" },
  { "lone-low-surrogate", HEADER " \"articles\": [\n  {\"title\": \"\\udc00\"}]}",
    DOSSIER_IMPORT_ERROR_NOT_UTF8, "bad.json:3:14: “\\uDC00” is half" },
  { "reversed-surrogates", HEADER " \"articles\": [\n  {\"title\": \"\\ude42\\ud83d\"}]}",
    DOSSIER_IMPORT_ERROR_NOT_UTF8, "bad.json:3:14: “\\uDE42” is half" },
};

static void
test_invalid_case (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (dossier_importer_add_data (importer, c->json, -1, "bad.json", &error));
  g_assert_error (error, DOSSIER_IMPORT_ERROR, (int) c->code);
  g_test_message ("%s: %s", c->name, error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, c->message));
  g_assert_cmpuint (dossier_importer_get_articles (importer)->len, ==, 0);
  g_assert_cmpuint (dossier_importer_get_entities (importer)->len, ==, 0);
}

/* A pair of escapes is one character outside the Basic Multilingual Plane. */
static void
test_surrogate_pair (void)
{
  static const char json[] = HEADER " \"articles\": [{\"title\": \"\\ud83d\\ude42 smile\","
                             " \"published\": \"2021\", \"body\": \"x\\uD83D\\uDE42\"}]}";
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autoptr(GError) error = NULL;
  DossierArticle *article;

  g_assert_true (dossier_importer_add_data (importer, json, -1, "pair.json", &error));
  g_assert_no_error (error);
  article = g_ptr_array_index (dossier_importer_get_articles (importer), 0);
  g_assert_cmpstr (dossier_article_get_title (article), ==, "\U0001F642 smile");
  g_assert_cmpstr (dossier_article_get_text (article), ==, "x\U0001F642");
}

static void
test_nul_byte (void)
{
  static const char data[] = "{\"format\": \"dossier\"\0, \"version\": 1}";
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (dossier_importer_add_data (importer, data, sizeof data - 1, "nul.json",
                                             &error));
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_NOT_UTF8);
  g_assert_true (g_str_has_prefix (error->message, "nul.json:1:21:"));
}

static void
test_too_deep (void)
{
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = g_string_new (HEADER "\"articles\": [], \"x\": ");

  /* Deep enough to crash a recursive parser if it ever got there. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');

  g_assert_false (dossier_importer_add_data (importer, json->str, json->len, "deep.json",
                                             &error));
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_DEEP);
  g_assert_true (g_str_has_prefix (error->message, "deep.json:2:"));
}

/* A quote in a 'string' json-glib reads, or in a comment, must not make the nesting after
 * it look like a string's text: json-glib's recursion would overflow the stack. */
static void
test_too_deep_after_hidden_quote (void)
{
  g_autoptr(GString) json = g_string_new (HEADER "\"articles\": ['\"', ");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DossierImporter) importer = dossier_importer_new ();
      g_autoptr(GError) error = NULL;

      g_assert_false (dossier_importer_add_data (importer, json->str, json->len, "deep.json",
                                                 &error));
      g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_SYNTAX);
      g_string_overwrite (json, strlen (HEADER "\"articles\": ["), "/*\"*/");
    }
}

static void
test_brackets_in_strings_do_not_count (void)
{
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = g_string_new (HEADER "\"articles\": [{\"title\": \"");

  for (guint i = 0; i < 200; i++)
    g_string_append (json, "[{\\\"");
  g_string_append (json, "\", \"published\": \"2021\", \"body\": \"x\"}]}");

  g_assert_true (dossier_importer_add_data (importer, json->str, json->len, "s.json", &error));
  g_assert_no_error (error);
}

/* A bad file in a batch leaves what earlier files gave, and adds nothing of its own. */
static void
test_bad_file_adds_nothing (void)
{
  static const char half_bad[] =
    HEADER " \"articles\": [\n"
    "  {\"id\": \"good\", \"title\": \"t\", \"published\": \"2021\", \"body\": \"x\"},\n"
    "  {\"id\": \"bad\", \"title\": \"u\", \"published\": \"2021-13\", \"body\": \"y\"}]}";
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_importer_add_data (importer, valid_json, -1, "a.json", &error));
  g_assert_false (dossier_importer_add_data (importer, half_bad, -1, "b.json", &error));
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_INVALID_VALUE);
  g_assert_cmpuint (dossier_importer_get_articles (importer)->len, ==, 2);
  g_assert_cmpuint (dossier_importer_get_entities (importer)->len, ==, 1);
}

static void
test_file_errors (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *big = g_build_filename (dir, "big.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autoptr(GError) error = NULL;
  FILE *file;

  /* Sparse: the size is checked before anything is read. */
  file = fopen (big, "w");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, DOSSIER_IMPORT_MAX_FILE_SIZE + 1, SEEK_SET), ==, 0);
  fputc (' ', file);
  fclose (file);

  g_assert_false (dossier_importer_add_file (importer, big, &error));
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_assert_false (dossier_importer_add_file (importer, missing, &error));
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "missing.json"));

  dossier_test_remove_tree (dir);
}

/* The data ends at its length, with no NUL after it: a heap copy of exactly the file, and a
 * mapped file that ends exactly on a page, where one byte more is unmapped memory. */
static void
test_data_without_nul (void)
{
  g_autofree char *dir = dossier_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "page.json", NULL);
  g_autofree char *exact = g_memdup2 (valid_json, strlen (valid_json));
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autoptr(GString) page = g_string_new (valid_json);
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_importer_add_data (importer, exact, strlen (valid_json), "exact.json",
                                            &error));
  g_assert_no_error (error);

  while (page->len % 4096 != 0)
    g_string_append_c (page, ' ');
  g_assert_true (g_file_set_contents (path, page->str, page->len, &error));
  g_assert_true (dossier_importer_add_file (importer, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_importer_get_articles (importer)->len, ==, 4);

  dossier_test_remove_tree (dir);
}

static void
test_bundled_source_data (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("DOSSIER_DATA_DIR"), "dossier.json", NULL);
  g_autoptr(DossierImporter) importer = dossier_importer_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_importer_add_file (importer, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_importer_get_articles (importer)->len, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/importer/valid-file", test_valid_file);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/importer/invalid/%s", invalid_cases[i].name);

      g_test_add_data_func (path, &invalid_cases[i], test_invalid_case);
    }
  g_test_add_func ("/importer/surrogate-pair", test_surrogate_pair);
  g_test_add_func ("/importer/invalid/nul-byte", test_nul_byte);
  g_test_add_func ("/importer/invalid/too-deep", test_too_deep);
  g_test_add_func ("/importer/invalid/too-deep-after-hidden-quote",
                   test_too_deep_after_hidden_quote);
  g_test_add_func ("/importer/brackets-in-strings-do-not-count",
                   test_brackets_in_strings_do_not_count);
  g_test_add_func ("/importer/bad-file-adds-nothing", test_bad_file_adds_nothing);
  g_test_add_func ("/importer/file-errors", test_file_errors);
  g_test_add_func ("/importer/data-without-nul", test_data_without_nul);
  g_test_add_func ("/importer/bundled-source-data", test_bundled_source_data);

  return g_test_run ();
}
