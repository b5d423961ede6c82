/* test-annotations.c: creating, changing, undoing and listing annotations; re-anchoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "dossier-annotation-store.h"
#include "dossier-annotations.h"
#include "dossier-article-store.h"
#include "dossier-test-util.h"

#define POLYGRAPH "polygraph-2022-moscow-fuels-myanmar-war-machine"
#define RFA "rfa-2023-nucc-condemns-russia"

typedef struct
{
  DossierLibrary     *library;
  DossierAnnotations *annotations;
  DossierArticle     *article;
} Fixture;

static void
setup (Fixture       *fixture,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->library = dossier_library_open_default (&error);
  g_assert_no_error (error);
  fixture->annotations = dossier_annotations_new (fixture->library);
  fixture->article = dossier_library_load_article (fixture->library, POLYGRAPH, &error);
  g_assert_no_error (error);
}

static void
teardown (Fixture       *fixture,
          gconstpointer  data)
{
  g_clear_object (&fixture->article);
  g_clear_object (&fixture->annotations);
  g_clear_object (&fixture->library);
}

static DossierAnnotation *
highlight (Fixture               *fixture,
           const char            *quote,
           DossierHighlightColor  color,
           const char            *note,
           const char * const    *tags)
{
  g_autoptr(GError) error = NULL;
  DossierAnnotation *annotation;

  annotation = dossier_annotations_create_for_quote (fixture->annotations, fixture->article,
                                                     quote, 1, color, note, tags, &error);
  g_assert_no_error (error);
  return annotation;
}

static guint
count_all (Fixture *fixture)
{
  g_autoptr(GListModel) all = dossier_annotations_list (fixture->annotations, NULL, NULL);

  return g_list_model_get_n_items (all);
}

/* Lists follow the changes made through their own object at once, and those made
 * elsewhere (the command line: another connection) once reloaded. */
static void
test_reload_sees_other_changes (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(DossierLibrary) other_library = dossier_library_open_default (NULL);
  g_autoptr(DossierAnnotations) elsewhere = dossier_annotations_new (other_library);
  g_autoptr(GListModel) all = dossier_annotations_list (fixture->annotations, NULL, NULL);
  g_autoptr(DossierAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (all);

  annotation = dossier_annotations_create_for_quote (elsewhere, fixture->article, "Russia", 1,
                                                     DOSSIER_HIGHLIGHT_YELLOW, "from afar",
                                                     NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, before);

  dossier_annotations_reload (fixture->annotations);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, before + 1);
}

/* An article removed with its notes takes them off the lists at the next reload, though
 * the library's own connection wrote it (no other connection's data_version moved). */
static void
test_reload_sees_removed_article (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GListModel) all = dossier_annotations_list (fixture->annotations, NULL, NULL);
  g_autoptr(DossierAnnotation) annotation = highlight (fixture, "Sergey Lavrov",
                                                       DOSSIER_HIGHLIGHT_GREEN, "gone", NULL);
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (all);

  g_assert_cmpuint (before, >=, 1);
  g_assert_true (dossier_library_remove_article (fixture->library, POLYGRAPH, FALSE, &error));
  g_assert_no_error (error);
  dossier_annotations_reload (fixture->annotations);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, before - 1);
}

/* What was stored is what comes back, after the library is closed and opened again. */
static void
test_create_is_stored_at_once (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *tags[] = { "lavrov", " visits ", "lavrov", "", NULL };
  const char *expected_tags[] = { "lavrov", "visits", NULL };
  g_autoptr(DossierAnnotation) created = NULL;
  g_autoptr(DossierAnnotation) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  created = highlight (fixture, "Sergey Lavrov", DOSSIER_HIGHLIGHT_GREEN, "First visit", tags);
  g_assert_true (g_uuid_string_is_valid (dossier_annotation_get_id (created)));
  text = dossier_article_dup_text_range (fixture->article, dossier_annotation_get_start (created),
                                         dossier_annotation_get_end (created));
  g_assert_cmpstr (text, ==, "Sergey Lavrov");
  g_assert_cmpuint (g_utf8_strlen (dossier_annotation_get_prefix (created), -1), ==, 32);
  g_assert_true (g_str_has_suffix (dossier_annotation_get_created (created), "Z"));

  teardown (fixture, NULL);
  setup (fixture, NULL);
  loaded = dossier_annotations_lookup (fixture->annotations, dossier_annotation_get_id (created),
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_annotation_get_quote (loaded), ==, "Sergey Lavrov");
  g_assert_cmpstr (dossier_annotation_get_note (loaded), ==, "First visit");
  g_assert_cmpint (dossier_annotation_get_color (loaded), ==, DOSSIER_HIGHLIGHT_GREEN);
  g_assert_true (g_strv_equal (dossier_annotation_get_tags (loaded), expected_tags));
  g_assert_cmpuint (dossier_annotation_get_start (loaded), ==,
                    dossier_annotation_get_start (created));
  g_assert_cmpstr (dossier_annotation_get_prefix (loaded), ==,
                   dossier_annotation_get_prefix (created));
}

static void
test_bad_passages_are_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DossierAnnotation *annotation;
  guint n = dossier_article_get_n_chars (fixture->article);

  annotation = dossier_annotations_create_for_quote (fixture->annotations, fixture->article,
                                                     "not in this article", 1,
                                                     DOSSIER_HIGHLIGHT_YELLOW, NULL, NULL, &error);
  g_assert_null (annotation);
  g_assert_error (error, DOSSIER_ANNOTATION_ERROR, DOSSIER_ANNOTATION_ERROR_QUOTE_NOT_FOUND);
  g_clear_error (&error);

  annotation = dossier_annotations_create (fixture->annotations, fixture->article, n, n + 3,
                                           DOSSIER_HIGHLIGHT_YELLOW, NULL, NULL, &error);
  g_assert_null (annotation);
  g_assert_error (error, DOSSIER_ANNOTATION_ERROR, DOSSIER_ANNOTATION_ERROR_INVALID_RANGE);
  g_assert_cmpuint (count_all (fixture), ==, 0);
  g_assert_false (dossier_annotations_get_can_undo (fixture->annotations));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
assert_note (Fixture    *fixture,
             const char *id,
             const char *note)
{
  g_autoptr(DossierAnnotation) annotation = dossier_annotations_lookup (fixture->annotations, id,
                                                                        NULL);

  g_assert_nonnull (annotation);
  g_assert_cmpstr (dossier_annotation_get_note (annotation), ==, note);
}

static void
undo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_annotations_undo (fixture->annotations, &error));
  g_assert_no_error (error);
}

static void
redo (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_annotations_redo (fixture->annotations, &error));
  g_assert_no_error (error);
}

/* create, update, delete; then all undone and redone, each step written at once. */
static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  const char *tags[] = { "arms", NULL };
  g_autoptr(DossierAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint can_undo_changes = 0;

  g_signal_connect (fixture->annotations, "notify::can-undo", G_CALLBACK (on_notify),
                    &can_undo_changes);
  annotation = highlight (fixture, "Lavrov", DOSSIER_HIGHLIGHT_YELLOW, "first", NULL);
  id = g_strdup (dossier_annotation_get_id (annotation));
  g_assert_cmpuint (can_undo_changes, ==, 1);
  /* No change, nothing to undo. */
  g_assert_true (dossier_annotations_update (fixture->annotations, id, DOSSIER_HIGHLIGHT_YELLOW,
                                             "first", NULL, &error));
  g_assert_true (dossier_annotations_update (fixture->annotations, id, DOSSIER_HIGHLIGHT_PINK,
                                             "second", tags, &error));
  assert_note (fixture, id, "second");
  g_assert_true (dossier_annotations_delete (fixture->annotations, id, &error));
  g_assert_cmpuint (count_all (fixture), ==, 0);

  undo (fixture);   /* the delete */
  assert_note (fixture, id, "second");
  undo (fixture);   /* the update */
  assert_note (fixture, id, "first");
  undo (fixture);   /* the creation */
  g_assert_cmpuint (count_all (fixture), ==, 0);
  g_assert_false (dossier_annotations_get_can_undo (fixture->annotations));
  g_assert_false (dossier_annotations_undo (fixture->annotations, &error));
  g_assert_error (error, DOSSIER_ANNOTATION_ERROR, DOSSIER_ANNOTATION_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  redo (fixture);
  assert_note (fixture, id, "first");
  redo (fixture);
  assert_note (fixture, id, "second");
  redo (fixture);
  g_assert_cmpuint (count_all (fixture), ==, 0);
  g_assert_false (dossier_annotations_get_can_redo (fixture->annotations));

  /* A new change after an undo forgets what could have been redone. */
  undo (fixture);
  g_assert_true (dossier_annotations_update (fixture->annotations, id, DOSSIER_HIGHLIGHT_BLUE,
                                             "third", NULL, &error));
  g_assert_false (dossier_annotations_get_can_redo (fixture->annotations));
}

/* A deleted annotation comes back whole, tags and creation time included. */
static void
test_undo_delete_restores_everything (Fixture       *fixture,
                                      gconstpointer  data)
{
  const char *tags[] = { "b", "a", NULL };
  g_autoptr(DossierAnnotation) annotation = highlight (fixture, "junta", DOSSIER_HIGHLIGHT_PURPLE,
                                                       "note", tags);
  g_autoptr(DossierAnnotation) restored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_annotations_delete (fixture->annotations,
                                             dossier_annotation_get_id (annotation), &error));
  undo (fixture);
  restored = dossier_annotations_lookup (fixture->annotations,
                                         dossier_annotation_get_id (annotation), &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal (dossier_annotation_get_tags (restored), tags));
  g_assert_cmpstr (dossier_annotation_get_created (restored), ==,
                   dossier_annotation_get_created (annotation));
  g_assert_cmpint (dossier_annotation_get_color (restored), ==, DOSSIER_HIGHLIGHT_PURPLE);
}

static guint
count_filtered (Fixture    *fixture,
                const char *article_id,
                int         color,
                const char *tag,
                const char *text)
{
  DossierAnnotationFilter filter = { article_id, color, tag, text, FALSE };
  g_autoptr(GListModel) list = dossier_annotations_list (fixture->annotations, &filter, NULL);

  return g_list_model_get_n_items (list);
}

static void
test_lists_filters_tags_counts (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *arms[] = { "arms", NULL };
  const char *both[] = { "arms", "un", NULL };
  g_autoptr(DossierArticle) rfa = dossier_library_load_article (fixture->library, RFA, NULL);
  g_autoptr(DossierAnnotation) a = highlight (fixture, "Lavrov", DOSSIER_HIGHLIGHT_YELLOW,
                                              "Visit in August", arms);
  g_autoptr(DossierAnnotation) b = highlight (fixture, "Myanmar", DOSSIER_HIGHLIGHT_BLUE, NULL,
                                              both);
  g_autoptr(DossierAnnotation) c = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_auto(GStrv) tags = NULL;

  c = dossier_annotations_create_for_quote (fixture->annotations, rfa, "Russia", 1,
                                            DOSSIER_HIGHLIGHT_BLUE, NULL, NULL, NULL);
  g_assert_nonnull (c);

  g_assert_cmpuint (count_filtered (fixture, NULL, -1, NULL, NULL), ==, 3);
  g_assert_cmpuint (count_filtered (fixture, POLYGRAPH, -1, NULL, NULL), ==, 2);
  g_assert_cmpuint (count_filtered (fixture, NULL, DOSSIER_HIGHLIGHT_BLUE, NULL, NULL), ==, 2);
  g_assert_cmpuint (count_filtered (fixture, NULL, -1, "un", NULL), ==, 1);
  g_assert_cmpuint (count_filtered (fixture, NULL, -1, NULL, "AUGUST"), ==, 1);   /* note */
  g_assert_cmpuint (count_filtered (fixture, NULL, -1, NULL, "myanmar"), ==, 1);  /* quote */
  g_assert_cmpuint (count_filtered (fixture, POLYGRAPH, DOSSIER_HIGHLIGHT_BLUE, "arms", NULL),
                    ==, 1);

  tags = dossier_annotations_list_tags (fixture->annotations, NULL);
  g_assert_cmpstrv (tags, ((const char *[]) { "arms", "un", NULL }));   /* most used first */

  counts = dossier_annotations_count_by_article (fixture->annotations, NULL);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, POLYGRAPH)), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, RFA)), ==, 1);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u ", position, removed, added);
}

/* A list handed out follows the changes made afterwards, each with the smallest
 * items-changed. */
static void
test_lists_follow_changes (Fixture       *fixture,
                           gconstpointer  data)
{
  DossierAnnotationFilter yellow = { NULL, DOSSIER_HIGHLIGHT_YELLOW, NULL, NULL, FALSE };
  g_autoptr(GListModel) all = dossier_annotations_list (fixture->annotations, NULL, NULL);
  g_autoptr(GListModel) yellows = dossier_annotations_list (fixture->annotations, &yellow, NULL);
  g_autoptr(DossierAnnotation) annotation = NULL;

  g_autoptr(DossierAnnotation) first = NULL;
  g_autoptr(DossierAnnotation) last = NULL;
  g_autoptr(GString) log = g_string_new (NULL);

  g_assert_true (g_type_is_a (g_list_model_get_item_type (all), DOSSIER_TYPE_ANNOTATION));
  g_signal_connect (all, "items-changed", G_CALLBACK (on_items_changed), log);
  first = highlight (fixture, "Russia", DOSSIER_HIGHLIGHT_BLUE, NULL, NULL);
  last = highlight (fixture, "Analysts", DOSSIER_HIGHLIGHT_BLUE, NULL, NULL);
  annotation = highlight (fixture, "Lavrov", DOSSIER_HIGHLIGHT_YELLOW, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (yellows), ==, 1);

  g_assert_true (dossier_annotations_update (fixture->annotations,
                                             dossier_annotation_get_id (annotation),
                                             DOSSIER_HIGHLIGHT_GREEN, NULL, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (yellows), ==, 0);
  undo (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (yellows), ==, 1);
  /* Inserted in passage order, then the middle row replaced twice. */
  g_assert_cmpstr (log->str, ==, "0-0+1 1-0+1 1-0+1 1-1+1 1-1+1 ");
}

/* Replaces the article's text in the user's database, as a re-import would. */
static void
replace_text (Fixture    *fixture,
              const char *from,
              const char *to)
{
  DossierDatabase *db = dossier_library_get_database (fixture->library);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) text = g_string_new (dossier_article_get_text (fixture->article));
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  g_ptr_array_add (blocks, dossier_block_new (DOSSIER_BLOCK_PARAGRAPH, text->str, NULL));
  dossier_article_set_blocks (fixture->article, blocks);
  g_assert_true (dossier_database_begin (db, &error));
  g_assert_true (dossier_article_store_save (db, fixture->article, NULL, &error));
  g_assert_true (dossier_database_commit (db, &error));
  g_assert_no_error (error);
}

static DossierAnnotation *
reload (Fixture           *fixture,
        DossierAnnotation *annotation)
{
  g_autoptr(GError) error = NULL;
  DossierAnnotation *loaded = dossier_annotations_lookup (fixture->annotations,
                                                          dossier_annotation_get_id (annotation),
                                                          &error);

  g_assert_no_error (error);
  return loaded;
}

/* The article is corrected: the highlight follows its passage, and the new offsets and
 * hash are saved; a passage that is gone is kept as an orphan. */
static void
test_reanchor_after_article_changed (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(DossierAnnotation) kept = highlight (fixture, "Sergey Lavrov made an official visit",
                                                 DOSSIER_HIGHLIGHT_YELLOW, "kept", NULL);
  g_autoptr(DossierAnnotation) lost = highlight (fixture, "spiraled into chaos",
                                                 DOSSIER_HIGHLIGHT_PINK, "lost", NULL);
  g_autoptr(DossierAnnotation) after_kept = NULL, after_lost = NULL;
  g_autoptr(GListModel) orphans = dossier_annotations_list_orphans (fixture->annotations, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL, *text = NULL;

  replace_text (fixture, "On August 3", "Update: on 3 August 2022, as reported");
  replace_text (fixture, "spiraled into chaos", "Burmese military");
  g_assert_true (dossier_annotations_anchor_article (fixture->annotations, fixture->article,
                                                    &error));
  g_assert_no_error (error);

  hash = dossier_article_dup_text_hash (fixture->article);
  after_kept = reload (fixture, kept);
  g_assert_cmpint (dossier_annotation_get_anchor (after_kept), ==, DOSSIER_ANCHOR_MOVED);
  g_assert_cmpuint (dossier_annotation_get_start (after_kept), >,
                    dossier_annotation_get_start (kept));
  text = dossier_article_dup_text_range (fixture->article,
                                         dossier_annotation_get_start (after_kept),
                                         dossier_annotation_get_end (after_kept));
  g_assert_cmpstr (text, ==, "Sergey Lavrov made an official visit");
  g_assert_cmpstr (dossier_annotation_get_text_hash (after_kept), ==, hash);

  after_lost = reload (fixture, lost);
  g_assert_cmpint (dossier_annotation_get_anchor (after_lost), ==, DOSSIER_ANCHOR_ORPHAN);
  g_assert_cmpstr (dossier_annotation_get_quote (after_lost), ==, "spiraled into chaos");
  g_assert_cmpstr (dossier_annotation_get_note (after_lost), ==, "lost");
  g_assert_cmpuint (g_list_model_get_n_items (orphans), ==, 1);
  g_assert_cmpuint (count_all (fixture), ==, 2);
}

/* An article that leaves the library takes none of its annotations with it. */
static void
test_article_removed_leaves_orphans (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(DossierAnnotation) annotation = highlight (fixture, "Lavrov", DOSSIER_HIGHLIGHT_BLUE,
                                                       "still here", NULL);
  g_autoptr(DossierAnnotation) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_article_store_delete (dossier_library_get_database (fixture->library),
                                               POLYGRAPH, &error));
  g_assert_true (dossier_annotations_anchor_all (fixture->annotations, &error));
  g_assert_no_error (error);

  after = reload (fixture, annotation);
  g_assert_cmpint (dossier_annotation_get_anchor (after), ==, DOSSIER_ANCHOR_ORPHAN);
  g_assert_cmpstr (dossier_annotation_get_note (after), ==, "still here");
}

/* What rows and tooltips show of a long note: whole characters, then an ellipsis. */
static void
test_shorten_text (void)
{
  g_autofree char *short_text = dossier_annotation_shorten_text ("a short note");
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *shortened = NULL;

  g_assert_cmpstr (short_text, ==, "a short note");
  for (guint i = 0; i < DOSSIER_ANNOTATION_SHOWN_CHARS * 3; i++)
    g_string_append (long_text, "ж");
  shortened = dossier_annotation_shorten_text (long_text->str);
  g_assert_true (g_utf8_validate (shortened, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (shortened, -1), ==, DOSSIER_ANNOTATION_SHOWN_CHARS + 1);
  g_assert_true (g_str_has_suffix (shortened, "ж…"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/annotations/shorten-text", test_shorten_text);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/annotations/reload-sees-other-changes", test_reload_sees_other_changes);
  ADD ("/annotations/reload-sees-removed-article", test_reload_sees_removed_article);
  ADD ("/annotations/create-is-stored-at-once", test_create_is_stored_at_once);
  ADD ("/annotations/bad-passages-are-refused", test_bad_passages_are_refused);
  ADD ("/annotations/undo-redo-create-update-delete", test_undo_redo);
  ADD ("/annotations/undo-delete-restores-everything", test_undo_delete_restores_everything);
  ADD ("/annotations/lists-filters-tags-counts", test_lists_filters_tags_counts);
  ADD ("/annotations/lists-follow-changes", test_lists_follow_changes);
  ADD ("/annotations/reanchor-after-article-changed", test_reanchor_after_article_changed);
  ADD ("/annotations/article-removed-leaves-orphans", test_article_removed_leaves_orphans);
#undef ADD

  return g_test_run ();
}
