/* dossier-annotations.c: the user's annotations in a session: change, undo, list
 *
 * What the window and the command line call. Every change is written at once, each in
 * its own transaction, and remembered as a (before, after) pair of snapshots so that it
 * can be undone and redone for as long as this object lives. Lists are GListModels that
 * follow every change made through this object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-annotations"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-anchor.h"
#include "dossier-annotation-store.h"
#include "dossier-annotations-private.h"

/* One change: NULL before is a creation, NULL after a deletion. */
typedef struct
{
  DossierAnnotation *before;
  DossierAnnotation *after;
} Change;

/* A list handed out by dossier_annotations_list(), refreshed while someone holds it. */
typedef struct
{
  GWeakRef                 store;
  DossierAnnotationFilter  filter;   /* strings owned */
} LiveList;

struct _DossierAnnotations
{
  GObject         parent_instance;

  DossierLibrary *library;
  GPtrArray      *undo_stack;   /* Change */
  GPtrArray      *redo_stack;   /* Change */
  GPtrArray      *live_lists;   /* LiveList */
  DossierDatabaseStamp stamp;  /* the database's, when the lists were last read again */
};

G_DEFINE_FINAL_TYPE (DossierAnnotations, dossier_annotations, G_TYPE_OBJECT)
G_DEFINE_QUARK (dossier-annotation-error-quark, dossier_annotation_error)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
change_free (Change *change)
{
  g_clear_object (&change->before);
  g_clear_object (&change->after);
  g_free (change);
}

static void
live_list_free (LiveList *list)
{
  g_weak_ref_clear (&list->store);
  g_free ((char *) list->filter.article_id);
  g_free ((char *) list->filter.tag);
  g_free ((char *) list->filter.text);
  g_free (list);
}

static void
dossier_annotations_dispose (GObject *object)
{
  DossierAnnotations *self = (DossierAnnotations *) object;

  g_clear_object (&self->library);

  G_OBJECT_CLASS (dossier_annotations_parent_class)->dispose (object);
}

static void
dossier_annotations_finalize (GObject *object)
{
  DossierAnnotations *self = (DossierAnnotations *) object;

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->live_lists, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_annotations_parent_class)->finalize (object);
}

static void
dossier_annotations_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierAnnotations *self = DOSSIER_ANNOTATIONS (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, dossier_annotations_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, dossier_annotations_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_annotations_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DossierAnnotations *self = DOSSIER_ANNOTATIONS (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_annotations_class_init (DossierAnnotationsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_annotations_dispose;
  object_class->finalize = dossier_annotations_finalize;
  object_class->get_property = dossier_annotations_get_property;
  object_class->set_property = dossier_annotations_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, DOSSIER_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierAnnotations::changed:
   *
   * Emitted after annotations were written (a change, an undo, an import, a re-anchoring),
   * once the lists are up to date: time to refresh counts and highlights.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_annotations_init (DossierAnnotations *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  self->live_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) live_list_free);
}

DossierAnnotations *
dossier_annotations_new (DossierLibrary *library)
{
  DossierAnnotations *self;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  self = g_object_new (DOSSIER_TYPE_ANNOTATIONS, "library", library, NULL);
  dossier_database_get_stamp (dossier_library_get_database (library), &self->stamp, NULL);
  return self;
}

DossierLibrary *
dossier_annotations_get_library (DossierAnnotations *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS (self), NULL);

  return self->library;
}

static DossierDatabase *
database (DossierAnnotations *self)
{
  return dossier_library_get_database (self->library);
}

/* What the user can change. */
static gboolean
same_content (DossierAnnotation *a,
              DossierAnnotation *b)
{
  return dossier_annotation_get_color (a) == dossier_annotation_get_color (b)
         && g_str_equal (dossier_annotation_get_note (a), dossier_annotation_get_note (b))
         && g_strv_equal (dossier_annotation_get_tags (a), dossier_annotation_get_tags (b));
}

/* Whether a row showing @a would show @b the same. */
static gboolean
same_annotation (DossierAnnotation *a,
                 DossierAnnotation *b)
{
  return g_str_equal (dossier_annotation_get_id (a), dossier_annotation_get_id (b))
         && dossier_annotation_get_start (a) == dossier_annotation_get_start (b)
         && dossier_annotation_get_end (a) == dossier_annotation_get_end (b)
         && dossier_annotation_get_anchor (a) == dossier_annotation_get_anchor (b)
         && g_strcmp0 (dossier_annotation_get_modified (a),
                       dossier_annotation_get_modified (b)) == 0
         && same_content (a, b)
         && g_str_equal (dossier_annotation_get_quote (a), dossier_annotation_get_quote (b));
}

static gboolean
same_at (GListModel *model,
         guint       position,
         GPtrArray  *found,
         guint       index)
{
  g_autoptr(DossierAnnotation) item = g_list_model_get_item (model, position);

  return same_annotation (item, g_ptr_array_index (found, index));
}

/* Replaces only the rows between the unchanged head and tail, so a view keeps its
 * selection and scroll position and one change costs one items-changed. */
static void
refresh_live_list (DossierAnnotations *self,
                   LiveList           *list,
                   GListStore         *store)
{
  GListModel *model = G_LIST_MODEL (store);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  guint n_old, head = 0, tail = 0;

  found = dossier_annotation_store_list (database (self), &list->filter, &error);
  if (found == NULL)
    {
      g_warning ("Cannot refresh a list of annotations: %s", error->message);
      return;
    }

  n_old = g_list_model_get_n_items (model);
  while (head < n_old && head < found->len && same_at (model, head, found, head))
    head++;
  while (tail < n_old - head && tail < found->len - head
         && same_at (model, n_old - 1 - tail, found, found->len - 1 - tail))
    tail++;

  if (head + tail < MAX (n_old, found->len))
    g_list_store_splice (store, head, n_old - head - tail, found->pdata + head,
                         found->len - head - tail);
}

/* Brings the lists up to date, forgets those nobody holds, and tells the views. */
void
_dossier_annotations_emit_changed (DossierAnnotations *self)
{
  for (guint i = self->live_lists->len; i > 0; i--)
    {
      LiveList *list = g_ptr_array_index (self->live_lists, i - 1);
      g_autoptr(GListStore) store = g_weak_ref_get (&list->store);

      if (store == NULL)
        g_ptr_array_remove_index_fast (self->live_lists, i - 1);
      else
        refresh_live_list (self, list, store);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * dossier_annotations_reload:
 *
 * Reads the lists handed out again when the library was written to since: by another
 * connection (the command line, another Dossier: `PRAGMA data_version`) or by this one
 * outside this object (removing an article takes its notes along: the connection's total
 * changes); only then, and only the rows that differ are replaced. The window calls it
 * whenever it becomes active, its first time included.
 */
void
dossier_annotations_reload (DossierAnnotations *self)
{
  DossierDatabaseStamp now;

  g_return_if_fail (DOSSIER_IS_ANNOTATIONS (self));

  if (dossier_database_get_stamp (database (self), &now, NULL)
      && dossier_database_stamp_equal (&now, &self->stamp))
    return;

  self->stamp = now;
  _dossier_annotations_emit_changed (self);
}

static void
notify_undo_state (DossierAnnotations *self,
                   gboolean            could_undo,
                   gboolean            could_redo)
{
  if (could_undo != dossier_annotations_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != dossier_annotations_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* A new change clears what could be redone. Takes both snapshots. */
static void
push_change (DossierAnnotations *self,
             DossierAnnotation  *before,
             DossierAnnotation  *after)
{
  gboolean could_undo = dossier_annotations_get_can_undo (self);
  gboolean could_redo = dossier_annotations_get_can_redo (self);
  Change *change = g_new0 (Change, 1);

  change->before = before;
  change->after = after;
  g_ptr_array_add (self->undo_stack, change);
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_undo_state (self, could_undo, could_redo);
  _dossier_annotations_emit_changed (self);
}

static gboolean
check_range (DossierArticle  *article,
             guint            start,
             guint            end,
             GError         **error)
{
  if (start < end && end <= dossier_article_get_n_chars (article))
    return TRUE;

  g_set_error (error, DOSSIER_ANNOTATION_ERROR, DOSSIER_ANNOTATION_ERROR_INVALID_RANGE,
               _("Characters %u to %u are not a passage of article “%s” (it has %u)"),
               start, end, dossier_article_get_id (article),
               dossier_article_get_n_chars (article));
  return FALSE;
}

static DossierAnnotation *
annotation_for_range (DossierArticle *article,
                      guint           start,
                      guint           end)
{
  DossierAnnotation *annotation = dossier_annotation_new (NULL, dossier_article_get_id (article));
  g_autofree char *quote = NULL, *prefix = NULL, *suffix = NULL;
  g_autofree char *hash = dossier_article_dup_text_hash (article);
  g_autofree char *now = dossier_annotation_now_iso ();

  dossier_anchor_capture (dossier_article_get_text (article), start, end, &quote, &prefix,
                          &suffix);
  dossier_annotation_set_range (annotation, start, end);
  g_object_set (annotation, "quote", quote, "prefix", prefix, "suffix", suffix,
                "text-hash", hash, "created", now, "modified", now, NULL);
  return annotation;
}

/**
 * dossier_annotations_create:
 * @article: the article, with its body
 * @start: first character of the passage in the article's flat text
 * @end: the character after it
 * @note: (nullable): the note
 * @tags: (nullable): the tags
 *
 * Highlights a passage; the annotation is in the database when this returns.
 *
 * Returns: (transfer full): the new annotation
 */
DossierAnnotation *
dossier_annotations_create (DossierAnnotations     *self,
                            DossierArticle         *article,
                            guint                   start,
                            guint                   end,
                            DossierHighlightColor   color,
                            const char             *note,
                            const char * const     *tags,
                            GError                **error)
{
  g_autoptr(DossierAnnotation) annotation = NULL;

  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (color < DOSSIER_N_HIGHLIGHT_COLORS, NULL);

  if (!check_range (article, start, end, error))
    return NULL;

  annotation = annotation_for_range (article, start, end);
  g_object_set (annotation, "color", color, "note", note, "tags", tags, NULL);
  if (!dossier_annotation_store_save (database (self), annotation, error))
    return NULL;

  push_change (self, NULL, dossier_annotation_copy (annotation));
  return g_steal_pointer (&annotation);
}

/**
 * dossier_annotations_create_for_quote:
 * @occurrence: which occurrence of @quote in the text, from 1
 *
 * Like dossier_annotations_create(), for a passage given by its text, as on the command
 * line. Fails with %DOSSIER_ANNOTATION_ERROR_QUOTE_NOT_FOUND when the text has no such
 * occurrence.
 */
DossierAnnotation *
dossier_annotations_create_for_quote (DossierAnnotations     *self,
                                      DossierArticle         *article,
                                      const char             *quote,
                                      guint                   occurrence,
                                      DossierHighlightColor   color,
                                      const char             *note,
                                      const char * const     *tags,
                                      GError                **error)
{
  guint start, end;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (quote != NULL, NULL);

  if (*quote == '\0' || occurrence == 0
      || !dossier_anchor_find_occurrence (dossier_article_get_text (article), quote,
                                          occurrence, &start, &end))
    {
      if (occurrence > 1)
        g_set_error (error, DOSSIER_ANNOTATION_ERROR, DOSSIER_ANNOTATION_ERROR_QUOTE_NOT_FOUND,
                     _("Article “%s” does not contain “%s” %u times"),
                     dossier_article_get_id (article), quote, occurrence);
      else
        g_set_error (error, DOSSIER_ANNOTATION_ERROR, DOSSIER_ANNOTATION_ERROR_QUOTE_NOT_FOUND,
                     _("Article “%s” does not contain “%s”"),
                     dossier_article_get_id (article), quote);
      return NULL;
    }

  return dossier_annotations_create (self, article, start, end, color, note, tags, error);
}

/**
 * dossier_annotations_update:
 * @note: (nullable): the new note (%NULL or "" for none)
 * @tags: (nullable): the new tags
 *
 * Changes what the user can change about an annotation; written when this returns.
 */
gboolean
dossier_annotations_update (DossierAnnotations     *self,
                            const char             *id,
                            DossierHighlightColor   color,
                            const char             *note,
                            const char * const     *tags,
                            GError                **error)
{
  g_autoptr(DossierAnnotation) before = NULL;
  g_autoptr(DossierAnnotation) after = NULL;
  g_autofree char *now = dossier_annotation_now_iso ();

  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (color < DOSSIER_N_HIGHLIGHT_COLORS, FALSE);

  before = dossier_annotation_store_load (database (self), id, error);
  if (before == NULL)
    return FALSE;

  after = dossier_annotation_copy (before);
  g_object_set (after, "color", color, "note", note, "tags", tags, NULL);
  /* A popover closed without a change writes nothing and leaves nothing to undo. */
  if (same_content (before, after))
    return TRUE;

  dossier_annotation_set_modified (after, now);
  if (!dossier_annotation_store_save (database (self), after, error))
    return FALSE;

  push_change (self, g_steal_pointer (&before), g_steal_pointer (&after));
  return TRUE;
}

gboolean
dossier_annotations_delete (DossierAnnotations  *self,
                            const char          *id,
                            GError             **error)
{
  g_autoptr(DossierAnnotation) before = NULL;

  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  before = dossier_annotation_store_load (database (self), id, error);
  if (before == NULL || !dossier_annotation_store_delete (database (self), id, error))
    return FALSE;

  push_change (self, g_steal_pointer (&before), NULL);
  return TRUE;
}

gboolean
dossier_annotations_get_can_undo (DossierAnnotations *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
dossier_annotations_get_can_redo (DossierAnnotations *self)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS (self), FALSE);

  return self->redo_stack->len > 0;
}

/* Makes the database hold @state for annotation @id: NULL deletes it. */
static gboolean
restore (DossierAnnotations  *self,
         const char          *id,
         DossierAnnotation   *state,
         GError             **error)
{
  if (state == NULL)
    return dossier_annotation_store_delete (database (self), id, error);

  return dossier_annotation_store_save (database (self), state, error);
}

static const char *
change_id (Change *change)
{
  return dossier_annotation_get_id (change->before ? change->before : change->after);
}

/* Moves the last change of @from to @to after writing its before (undo) or after (redo)
 * state. A failed write leaves both stacks as they were. */
static gboolean
replay (DossierAnnotations  *self,
        GPtrArray           *from,
        GPtrArray           *to,
        gboolean             backwards,
        GError             **error)
{
  gboolean could_undo = dossier_annotations_get_can_undo (self);
  gboolean could_redo = dossier_annotations_get_can_redo (self);
  Change *change;

  if (from->len == 0)
    {
      g_set_error_literal (error, DOSSIER_ANNOTATION_ERROR,
                           DOSSIER_ANNOTATION_ERROR_NOTHING_TO_UNDO,
                           backwards ? _("Nothing to undo") : _("Nothing to redo"));
      return FALSE;
    }

  change = g_ptr_array_index (from, from->len - 1);
  if (!restore (self, change_id (change), backwards ? change->before : change->after, error))
    return FALSE;

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_undo_state (self, could_undo, could_redo);
  _dossier_annotations_emit_changed (self);
  return TRUE;
}

/* Takes back the last create, update or delete of this session. */
gboolean
dossier_annotations_undo (DossierAnnotations  *self,
                          GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS (self), FALSE);

  return replay (self, self->undo_stack, self->redo_stack, TRUE, error);
}

gboolean
dossier_annotations_redo (DossierAnnotations  *self,
                          GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS (self), FALSE);

  return replay (self, self->redo_stack, self->undo_stack, FALSE, error);
}

/**
 * dossier_annotations_lookup:
 *
 * Returns: (transfer full): the annotation with @id, or %NULL and DOSSIER_DB_ERROR_NOT_FOUND
 */
DossierAnnotation *
dossier_annotations_lookup (DossierAnnotations  *self,
                            const char          *id,
                            GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS (self), NULL);

  return dossier_annotation_store_load (database (self), id, error);
}

static LiveList *
live_list_new (GListStore                    *store,
               const DossierAnnotationFilter *filter)
{
  LiveList *list = g_new0 (LiveList, 1);

  g_weak_ref_init (&list->store, store);
  list->filter = *filter;
  list->filter.article_id = g_strdup (filter->article_id);
  list->filter.tag = g_strdup (filter->tag);
  list->filter.text = g_strdup (filter->text);
  return list;
}

/**
 * dossier_annotations_list:
 * @filter: (nullable): which annotations; %NULL for all
 *
 * Returns: (transfer full): a list of #DossierAnnotation, grouped by article in the order
 *   of their passages, kept up to date with the changes made through @self
 */
GListModel *
dossier_annotations_list (DossierAnnotations             *self,
                          const DossierAnnotationFilter  *filter,
                          GError                        **error)
{
  DossierAnnotationFilter all = DOSSIER_ANNOTATION_FILTER_INIT;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS (self), NULL);

  filter = filter ? filter : &all;
  found = dossier_annotation_store_list (database (self), filter, error);
  if (found == NULL)
    return NULL;

  store = g_list_store_new (DOSSIER_TYPE_ANNOTATION);
  g_list_store_splice (store, 0, 0, found->pdata, found->len);
  g_ptr_array_add (self->live_lists, live_list_new (store, filter));
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * dossier_annotations_list_orphans:
 *
 * Returns: (transfer full): the annotations whose passage could not be found again
 *   ("Needs attention"), kept up to date
 */
GListModel *
dossier_annotations_list_orphans (DossierAnnotations  *self,
                                  GError             **error)
{
  DossierAnnotationFilter orphans = DOSSIER_ANNOTATION_FILTER_INIT;

  orphans.orphans_only = TRUE;
  return dossier_annotations_list (self, &orphans, error);
}

/**
 * dossier_annotations_list_tags:
 *
 * Returns: (transfer full): every tag in use, the most used first: the completions for
 *   the tag entry
 */
GStrv
dossier_annotations_list_tags (DossierAnnotations  *self,
                               GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS (self), NULL);

  return dossier_annotation_store_list_tags (database (self), error);
}

/**
 * dossier_annotations_count_by_article:
 *
 * Returns: (transfer full) (element-type utf8 guint): article id → its number of
 *   annotations (GPOINTER_TO_UINT), for the library rows
 */
GHashTable *
dossier_annotations_count_by_article (DossierAnnotations  *self,
                                      GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_ANNOTATIONS (self), NULL);

  return dossier_annotation_store_count_by_article (database (self), error);
}
