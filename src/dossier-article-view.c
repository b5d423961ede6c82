/* dossier-article-view.c: one article set for reading
 *
 * The buffer holds a header (title, subtitle, byline, credits, how the date is known)
 * and then the body blocks, with a few words of decoration ("Verdict:", a quote's
 * attribution) that are not part of the article's text. The view remembers where each
 * block starts in the buffer, so offsets into the article's flat text — which mentions,
 * events and annotations use — map to buffer positions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-article-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-article-view.h"
#include "dossier-text-reveal.h"

struct _DossierArticleView
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkScrolledWindow *scroller;
  GtkStack          *stack;
  AdwStatusPage     *status_page;
  GtkTextView       *text_view;
  AdwClampScrollable *clamp;

  /* owned */
  DossierArticle    *article;
  GArray            *block_starts;   /* guint: buffer offset of each block */
  GArray            *highlights;     /* Highlight, in buffer order */
  guint              flash_id;
  guint              title_idle_id;   /* the title's scale, set after an allocation */
  guint              reveal_tick_id;  /* on text_view: a passage kept on screen; it may have
                                       * ended by itself, and removing it then does nothing */
};

G_DEFINE_FINAL_TYPE (DossierArticleView, dossier_article_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A marked range of the text and what it is, told on hover ("Sergei Shoigu — Person"). */
typedef struct
{
  guint  start;   /* buffer offsets */
  guint  end;
  char  *group;   /* DOSSIER_HIGHLIGHT_GROUP_… */
  char  *tag;
  char  *description;
  char  *key;     /* what it marks: an annotation's id, for instance */
} Highlight;

static void
highlight_clear (gpointer data)
{
  Highlight *highlight = data;

  g_free (highlight->group);
  g_free (highlight->tag);
  g_free (highlight->description);
  g_free (highlight->key);
}

/* Tags whose colours follow the light or dark style. */
typedef struct
{
  const char *name;
  const char *light;
  const char *dark;
} TagColour;

static const TagColour tag_colours[] = {
  { "subtitle", "#5e5c64", "#c0bfbc" },
  { "byline", "#5e5c64", "#c0bfbc" },
  { "credits", "#77767b", "#9a9996" },
  { "dating", "#77767b", "#9a9996" },
  { "caption", "#5e5c64", "#c0bfbc" },
  { "attribution", "#5e5c64", "#c0bfbc" },
  { "credit", "#77767b", "#9a9996" },
  { "verdict", "#c01c28", "#ff7b63" },
  { "verdict-label", "#c01c28", "#ff7b63" },
};

/* Background colours, same idea. */
static const TagColour tag_backgrounds[] = {
  { "reveal", "#f9f06b", "#7a6a00" },
  { "annotation-yellow", "#fbf3a7", "#5c5000" },
  { "annotation-green", "#c4f2cd", "#1e5230" },
  { "annotation-blue", "#c6dcf7", "#1d3f66" },
  { "annotation-pink", "#fbd0e2", "#66233f" },
  { "annotation-purple", "#e3d3f7", "#482b66" },
  { "find-match", "#ffc27a", "#8a4b00" },
  { "mention-person", "#d7e8fb", "#1c3e66" },
  { "mention-organization", "#dcf3d8", "#1f4d1c" },
  { "mention-place", "#fde7cf", "#5c3a12" },
  { "mention-equipment", "#f1dcf5", "#4d2457" },
  { "mention-other", "#e6e6e6", "#3d3d3d" },
};

/* A title at 1.9 times the text's size broke its words in two in a narrow column (four
 * side by side beside the sidebar): below this width it is set smaller. */
#define TITLE_SCALE         1.9
#define NARROW_TITLE_SCALE  1.4
#define NARROW_WIDTH        420

static void
create_tags (GtkTextBuffer *buffer)
{
  gtk_text_buffer_create_tag (buffer, "title", "weight", PANGO_WEIGHT_BOLD, "scale", TITLE_SCALE,
                              "pixels-below-lines", 10, "family", "Cantarell, sans-serif", NULL);
  gtk_text_buffer_create_tag (buffer, "subtitle", "scale", 1.2, "style", PANGO_STYLE_ITALIC,
                              "pixels-below-lines", 10, NULL);
  gtk_text_buffer_create_tag (buffer, "byline", "scale", 0.9, "weight", PANGO_WEIGHT_SEMIBOLD,
                              "family", "Cantarell, sans-serif", "pixels-below-lines", 2, NULL);
  gtk_text_buffer_create_tag (buffer, "credits", "scale", 0.85,
                              "family", "Cantarell, sans-serif", "pixels-below-lines", 2, NULL);
  gtk_text_buffer_create_tag (buffer, "dating", "scale", 0.85, "style", PANGO_STYLE_ITALIC,
                              "family", "Cantarell, sans-serif", "pixels-below-lines", 2, NULL);
  /* After the header's other tags, so that its gap wins on its last line. */
  gtk_text_buffer_create_tag (buffer, "header-end", "pixels-below-lines", 24, NULL);
  gtk_text_buffer_create_tag (buffer, "paragraph", "pixels-below-lines", 14, NULL);
  gtk_text_buffer_create_tag (buffer, "heading", "weight", PANGO_WEIGHT_BOLD, "scale", 1.3,
                              "family", "Cantarell, sans-serif",
                              "pixels-above-lines", 12, "pixels-below-lines", 10, NULL);
  gtk_text_buffer_create_tag (buffer, "caption", "scale", 0.85, "style", PANGO_STYLE_ITALIC,
                              "family", "Cantarell, sans-serif", "left-margin", 48,
                              "right-margin", 24, "pixels-above-lines", 4,
                              "pixels-below-lines", 18, NULL);
  gtk_text_buffer_create_tag (buffer, "quote", "scale", 1.15, "style", PANGO_STYLE_ITALIC,
                              "left-margin", 48, "right-margin", 24,
                              "pixels-below-lines", 4, NULL);
  gtk_text_buffer_create_tag (buffer, "attribution", "scale", 0.9, "left-margin", 48,
                              "family", "Cantarell, sans-serif", "pixels-below-lines", 14, NULL);
  gtk_text_buffer_create_tag (buffer, "verdict-label", "weight", PANGO_WEIGHT_BOLD,
                              "family", "Cantarell, sans-serif", "left-margin", 48,
                              "pixels-below-lines", 20, NULL);
  gtk_text_buffer_create_tag (buffer, "verdict", "weight", PANGO_WEIGHT_HEAVY, "scale", 1.3,
                              "family", "Cantarell, sans-serif", "pixels-below-lines", 20,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "credit", "scale", 0.9, "style", PANGO_STYLE_ITALIC,
                              "pixels-above-lines", 8, NULL);
  /* Annotations first, so a chosen entity's mentions show over them; then one style per
   * kind of entity, underlined too, so colour is not the only cue. */
  for (guint i = 1; i < G_N_ELEMENTS (tag_backgrounds); i++)
    gtk_text_buffer_create_tag (buffer, tag_backgrounds[i].name,
                                "underline", g_str_has_prefix (tag_backgrounds[i].name, "annotation-")
                                               ? PANGO_UNDERLINE_NONE : PANGO_UNDERLINE_SINGLE,
                                NULL);
  /* Created last, so it shows above the mentions it may flash. */
  gtk_text_buffer_create_tag (buffer, "reveal", NULL);
}

static void
update_tag_colours (DossierArticleView *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (self->text_view));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  for (guint i = 0; i < G_N_ELEMENTS (tag_colours); i++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, tag_colours[i].name);

      g_object_set (tag, "foreground", dark ? tag_colours[i].dark : tag_colours[i].light, NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (tag_backgrounds); i++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, tag_backgrounds[i].name);

      g_object_set (tag, "background",
                    dark ? tag_backgrounds[i].dark : tag_backgrounds[i].light, NULL);
    }
}

static void
dossier_article_view_dispose (GObject *object)
{
  DossierArticleView *self = (DossierArticleView *) object;

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_handle_id (&self->flash_id, g_source_remove);
  g_clear_handle_id (&self->title_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ARTICLE_VIEW);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (dossier_article_view_parent_class)->dispose (object);
}

static void
dossier_article_view_finalize (GObject *object)
{
  DossierArticleView *self = (DossierArticleView *) object;

  g_clear_pointer (&self->block_starts, g_array_unref);
  g_clear_pointer (&self->highlights, g_array_unref);

  G_OBJECT_CLASS (dossier_article_view_parent_class)->finalize (object);
}

static void
dossier_article_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierArticleView *self = DOSSIER_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_article_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierArticleView *self = DOSSIER_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      dossier_article_view_set_article (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean on_query_tooltip (DossierArticleView *self, int x, int y, gboolean keyboard,
                                  GtkTooltip *tooltip);

static double
title_scale_for_width (DossierArticleView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  double width = gtk_adjustment_get_page_size (adjustment);

  return width > 0 && width < NARROW_WIDTH ? NARROW_TITLE_SCALE : TITLE_SCALE;
}

static GtkTextTag *
title_tag (DossierArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  return gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "title");
}

static gboolean
apply_title_scale (gpointer user_data)
{
  DossierArticleView *self = user_data;

  self->title_idle_id = 0;
  g_object_set (title_tag (self), "scale", title_scale_for_width (self), NULL);
  return G_SOURCE_REMOVE;
}

/* The text's width is the page size of its horizontal adjustment, set as the text view
 * is allocated; the scale changes only when the width crosses the limit, so the text is
 * laid out again once then, not on every allocation. Not at once: a tag changed while
 * the text view is being allocated voids the layout it has just checked, and GTK 4.8
 * aborts (gtk_text_view_validate_onscreen: "priv->onscreen_validated", seen with a
 * passage being revealed as the column narrowed). */
static void
fit_title_to_width (DossierArticleView *self)
{
  double current;

  g_object_get (title_tag (self), "scale", &current, NULL);
  if (current != title_scale_for_width (self) && self->title_idle_id == 0)
    self->title_idle_id = g_idle_add (apply_title_scale, self);
}

/* Stops keeping a passage on screen (see dossier-text-reveal.c). */
static void
stop_revealing (DossierArticleView *self)
{
  if (self->reveal_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->reveal_tick_id);
  self->reveal_tick_id = 0;
}

/* The reader scrolling, pressing a key or clicking takes over from a passage being kept
 * on screen: the view no longer follows the layout back to it. */
static void
on_reader_input (DossierArticleView *self)
{
  stop_revealing (self);
}

/* The same, for the signals that ask whether the event was handled: it was not. */
static gboolean
on_reader_event (DossierArticleView *self)
{
  stop_revealing (self);
  return GDK_EVENT_PROPAGATE;
}

static void
dossier_article_view_class_init (DossierArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_article_view_dispose;
  object_class->finalize = dossier_article_view_finalize;
  object_class->get_property = dossier_article_view_get_property;
  object_class->set_property = dossier_article_view_set_property;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, DOSSIER_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierArticleView, clamp);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleView, scroller);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleView, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleView, status_page);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_reader_input);
  gtk_widget_class_bind_template_callback (widget_class, on_reader_event);
  gtk_widget_class_set_css_name (widget_class, "articleview");
}

static void
dossier_article_view_init (DossierArticleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->block_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->highlights = g_array_new (FALSE, FALSE, sizeof (Highlight));
  g_array_set_clear_func (self->highlights, highlight_clear);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->text_view), TRUE);
  g_signal_connect_swapped (self->text_view, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  create_tags (gtk_text_view_get_buffer (self->text_view));
  g_signal_connect_swapped (gtk_scrolled_window_get_hadjustment (self->scroller),
                            "notify::page-size", G_CALLBACK (fit_title_to_width), self);
  update_tag_colours (self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (update_tag_colours), self);
}

GtkWidget *
dossier_article_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_ARTICLE_VIEW, NULL);
}

static void
append (GtkTextBuffer *buffer,
        const char    *text,
        const char    *tag)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, tag, NULL);
}

/* "Translator: Myo Min Aung · Editor: Matt Reed, Malcolm Foster": names grouped by role,
 * roles in the order they first appear. */
static char *
format_credits (DossierArticle *article)
{
  GPtrArray *credits = dossier_article_get_credits (article);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < credits->len; i++)
    {
      const DossierCredit *credit = g_ptr_array_index (credits, i);
      const char *separator = "";

      if (!g_hash_table_add (done, credit->role))
        continue;

      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append_unichar (line, g_unichar_totitle (g_utf8_get_char (credit->role)));
      g_string_append_printf (line, "%s: ", g_utf8_next_char (credit->role));
      for (guint j = i; j < credits->len; j++)
        {
          const DossierCredit *other = g_ptr_array_index (credits, j);

          if (g_str_equal (other->role, credit->role))
            {
              g_string_append_printf (line, "%s%s", separator, other->name);
              separator = ", ";
            }
        }
    }

  return line->len ? g_string_free (g_steal_pointer (&line), FALSE) : NULL;
}

static void
render_header (GtkTextBuffer  *buffer,
               DossierArticle *article)
{
  g_autofree char *byline = dossier_article_dup_byline (article);
  g_autofree char *credits = format_credits (article);
  const char *note = dossier_article_get_published_note (article);
  GtkTextIter start, end;

  append (buffer, dossier_article_get_title (article), "title");
  append (buffer, "\n", "title");
  if (dossier_article_get_subtitle (article) != NULL)
    {
      append (buffer, dossier_article_get_subtitle (article), "subtitle");
      append (buffer, "\n", "subtitle");
    }
  append (buffer, byline, "byline");
  append (buffer, "\n", "byline");
  if (credits != NULL)
    {
      append (buffer, credits, "credits");
      append (buffer, "\n", "credits");
    }
  if (note != NULL)
    {
      g_autofree char *dating = g_strdup_printf (_("Dating: %s"), note);

      append (buffer, dating, "dating");
      append (buffer, "\n", "dating");
    }

  /* The same gap under the header whichever of its lines comes last (QA review: an
   * imported article without a dating note had none under its byline). */
  gtk_text_buffer_get_end_iter (buffer, &end);
  start = end;
  gtk_text_iter_backward_line (&start);
  gtk_text_buffer_apply_tag_by_name (buffer, "header-end", &start, &end);
}

static const char *
tag_for_kind (DossierBlockKind kind)
{
  return dossier_block_kind_to_string (kind);
}

static void
render_block (DossierArticleView *self,
              GtkTextBuffer      *buffer,
              DossierBlock       *block)
{
  DossierBlockKind kind = dossier_block_get_kind (block);
  guint start;

  if (kind == DOSSIER_BLOCK_VERDICT)
    append (buffer, _("Verdict: "), "verdict-label");

  start = gtk_text_buffer_get_char_count (buffer);
  g_array_append_val (self->block_starts, start);
  append (buffer, dossier_block_get_text (block), tag_for_kind (kind));

  if (kind == DOSSIER_BLOCK_QUOTE && dossier_block_get_attribution (block) != NULL)
    {
      g_autofree char *attribution =
        g_strdup_printf ("\n— %s", dossier_block_get_attribution (block));

      append (buffer, attribution, "attribution");
    }
}

static void
render (DossierArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GPtrArray *blocks = dossier_article_get_blocks (self->article);

  gtk_text_buffer_set_text (buffer, "", 0);
  g_array_set_size (self->block_starts, 0);
  g_array_set_size (self->highlights, 0);
  render_header (buffer, self->article);

  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    {
      if (i > 0)
        append (buffer, "\n", NULL);
      render_block (self, buffer, g_ptr_array_index (blocks, i));
    }
}

DossierArticle *
dossier_article_view_get_article (DossierArticleView *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_VIEW (self), NULL);

  return self->article;
}

/* @article must have its body loaded; NULL shows the empty state. */
void
dossier_article_view_set_article (DossierArticleView *self,
                                  DossierArticle     *article)
{
  GtkTextIter start;

  g_return_if_fail (DOSSIER_IS_ARTICLE_VIEW (self));
  g_return_if_fail (article == NULL || dossier_article_has_body (article));

  if (!g_set_object (&self->article, article))
    return;

  stop_revealing (self);

  if (article != NULL)
    {
      render (self);
      gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (self->text_view), &start);
      gtk_text_buffer_place_cursor (gtk_text_view_get_buffer (self->text_view), &start);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      dossier_article_get_title (article), -1);
    }

  gtk_stack_set_visible_child_name (self->stack, article ? "article" : "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

GtkTextView *
dossier_article_view_get_text_view (DossierArticleView *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_VIEW (self), NULL);

  return self->text_view;
}

/* The buffer position of character @offset of the article's flat text. */
gboolean
dossier_article_view_get_iter_at (DossierArticleView *self,
                                  guint               offset,
                                  GtkTextIter        *iter)
{
  DossierBlock *block;
  GPtrArray *blocks;
  guint index;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE_VIEW (self), FALSE);

  if (self->article == NULL || offset > dossier_article_get_n_chars (self->article))
    return FALSE;

  block = dossier_article_get_block_at (self->article, offset);
  blocks = dossier_article_get_blocks (self->article);
  if (block == NULL || !g_ptr_array_find (blocks, block, &index))
    return FALSE;

  /* An offset on a separator is the end of the block before it: a range ending at a
   * block's end must not run into the decoration that follows. */
  if (offset < dossier_block_get_start (block) && index > 0)
    block = g_ptr_array_index (blocks, --index);
  offset = CLAMP (offset, dossier_block_get_start (block), dossier_block_get_end (block));
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (self->text_view), iter,
                                      g_array_index (self->block_starts, guint, index)
                                      + offset - dossier_block_get_start (block));
  return TRUE;
}

static gboolean
end_flash (gpointer user_data)
{
  DossierArticleView *self = DOSSIER_ARTICLE_VIEW (user_data);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  self->flash_id = 0;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "reveal", &start, &end);
  return G_SOURCE_REMOVE;
}

/* Marks a passage for a moment, so the eye finds where a link or an event led. */
static void
flash_range (DossierArticleView *self,
             GtkTextIter        *from,
             GtkTextIter        *to)
{
  g_clear_handle_id (&self->flash_id, g_source_remove);
  end_flash (self);
  gtk_text_buffer_apply_tag_by_name (gtk_text_view_get_buffer (self->text_view), "reveal",
                                     from, to);
  self->flash_id = g_timeout_add_seconds (3, end_flash, self);
}

/* The mark @name at @iter, made the first time: a mark, not an iter, for the view scrolls
 * to it once its lines have been laid out. */
static GtkTextMark *
place_mark (GtkTextBuffer     *buffer,
            const char        *name,
            const GtkTextIter *iter)
{
  GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, name);

  if (mark == NULL)
    return gtk_text_buffer_create_mark (buffer, name, iter, TRUE);
  gtk_text_buffer_move_mark (buffer, mark, iter);
  return mark;
}

/* Selects the characters [@start, @end) of the article's text and scrolls them into view,
 * as when a link or an event points at a passage. */
void
dossier_article_view_reveal_range (DossierArticleView *self,
                                   guint               start,
                                   guint               end)
{
  GtkTextBuffer *buffer;
  GtkTextIter from, to;
  GtkTextMark *mark;

  g_return_if_fail (DOSSIER_IS_ARTICLE_VIEW (self));

  if (!dossier_article_view_get_iter_at (self, start, &from)
      || !dossier_article_view_get_iter_at (self, MAX (start, end), &to))
    return;

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_place_cursor (buffer, &from);
  flash_range (self, &from, &to);
  mark = place_mark (buffer, "dossier-reveal", &from);
  stop_revealing (self);
  self->reveal_tick_id = dossier_text_reveal_mark (self->text_view, mark, 0.3);
}

static int
compare_highlights (gconstpointer a,
                    gconstpointer b)
{
  const Highlight *ha = a, *hb = b;

  return (ha->start > hb->start) - (ha->start < hb->start);
}

/**
 * dossier_article_view_add_highlight:
 * @group: which set it belongs to, cleared together
 * @tag: the text tag to apply ("mention-person"…)
 * @start: (in): offset into the article's text
 * @description: (nullable): what the range is, told when it is hovered or focused
 */
void
dossier_article_view_add_highlight (DossierArticleView *self,
                                    const char         *group,
                                    const char         *tag,
                                    guint               start,
                                    guint               end,
                                    const char         *description,
                                    const char         *key)
{
  GtkTextIter from, to;
  Highlight highlight;

  g_return_if_fail (DOSSIER_IS_ARTICLE_VIEW (self));

  if (!dossier_article_view_get_iter_at (self, start, &from)
      || !dossier_article_view_get_iter_at (self, end, &to))
    return;

  gtk_text_buffer_apply_tag_by_name (gtk_text_view_get_buffer (self->text_view), tag, &from, &to);
  highlight.start = gtk_text_iter_get_offset (&from);
  highlight.end = gtk_text_iter_get_offset (&to);
  highlight.group = g_strdup (group);
  highlight.tag = g_strdup (tag);
  highlight.description = g_strdup (description);
  highlight.key = g_strdup (key);
  g_array_append_val (self->highlights, highlight);
  g_array_sort (self->highlights, compare_highlights);
}

/* Removes the highlights of @group; the others stay. */
void
dossier_article_view_clear_highlights (DossierArticleView *self,
                                       const char         *group)
{
  GtkTextBuffer *buffer;
  GtkTextIter from, to;

  g_return_if_fail (DOSSIER_IS_ARTICLE_VIEW (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  for (guint i = self->highlights->len; i-- > 0;)
    {
      Highlight *highlight = &g_array_index (self->highlights, Highlight, i);

      if (g_strcmp0 (highlight->group, group) != 0)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &from, highlight->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &to, highlight->end);
      gtk_text_buffer_remove_tag_by_name (buffer, highlight->tag, &from, &to);
      g_array_remove_index (self->highlights, i);
    }
}

/**
 * dossier_article_view_get_highlight_at:
 * @group: (nullable): only highlights of this group
 * @key: (out) (optional): the highlight's key
 *
 * Returns: (nullable): the description of the highlight at @iter (the innermost, when
 *   they nest), or %NULL when there is none
 */
const char *
dossier_article_view_get_highlight_at (DossierArticleView  *self,
                                       const GtkTextIter   *iter,
                                       const char          *group,
                                       const char         **key)
{
  Highlight *found = NULL;
  guint offset;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE_VIEW (self), NULL);

  offset = gtk_text_iter_get_offset (iter);
  for (guint i = 0; i < self->highlights->len; i++)
    {
      Highlight *highlight = &g_array_index (self->highlights, Highlight, i);

      if (highlight->start > offset)
        break;
      if (offset < highlight->end && (group == NULL || g_str_equal (highlight->group, group)))
        found = highlight;
    }

  if (key != NULL)
    *key = found ? found->key : NULL;
  return found ? found->description : NULL;
}

/* The article offset of a buffer position; FALSE outside the article's text (the header,
 * a decoration). */
gboolean
dossier_article_view_get_offset_at_iter (DossierArticleView *self,
                                         const GtkTextIter  *iter,
                                         guint              *offset)
{
  GPtrArray *blocks;
  guint buffer_offset;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE_VIEW (self), FALSE);

  if (self->article == NULL)
    return FALSE;

  blocks = dossier_article_get_blocks (self->article);
  buffer_offset = gtk_text_iter_get_offset (iter);
  for (guint i = blocks->len; i-- > 0;)
    {
      DossierBlock *block = g_ptr_array_index (blocks, i);
      guint start = g_array_index (self->block_starts, guint, i);

      if (buffer_offset < start)
        continue;
      if (buffer_offset > start + dossier_block_get_length (block))
        return FALSE;
      *offset = dossier_block_get_start (block) + buffer_offset - start;
      return TRUE;
    }

  return FALSE;
}

/* The selected characters as offsets into the article's text; FALSE when nothing of the
 * article's own text is selected. A selection that starts in the header starts at the
 * text's beginning. */
gboolean
dossier_article_view_get_selection (DossierArticleView *self,
                                    guint              *start,
                                    guint              *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter from, to;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->text_view);
  if (self->article == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &from, &to))
    return FALSE;

  while (!dossier_article_view_get_offset_at_iter (self, &from, start))
    if (!gtk_text_iter_forward_char (&from) || gtk_text_iter_compare (&from, &to) >= 0)
      return FALSE;
  while (!dossier_article_view_get_offset_at_iter (self, &to, end))
    if (!gtk_text_iter_backward_char (&to) || gtk_text_iter_compare (&to, &from) <= 0)
      return FALSE;

  return *end > *start;
}

static gboolean
on_query_tooltip (DossierArticleView *self,
                  int                 x,
                  int                 y,
                  gboolean            keyboard,
                  GtkTooltip         *tooltip)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *description;
  GtkTextIter iter;
  int bx, by;

  if (keyboard)
    gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  else
    {
      gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y,
                                             &bx, &by);
      if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
        return FALSE;
    }

  description = dossier_article_view_get_highlight_at (self, &iter, NULL, NULL);
  if (description == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, description);
  return TRUE;
}

/* Where the reader is, to come back to it after a restart: the article offset of the
 * first line wholly on screen, 0 while the header shows. An offset, not a fraction of
 * the height: that height is an estimate until GTK has laid the whole text out, and it
 * changes with the column's width. */
guint
dossier_article_view_get_top_offset (DossierArticleView *self)
{
  GdkRectangle visible, line;
  GtkTextIter iter;
  guint offset = 0;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE_VIEW (self), 0);

  if (self->article == NULL || self->block_starts->len == 0)
    return 0;

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_line_at_y (self->text_view, &iter, visible.y, NULL);
  gtk_text_view_get_iter_location (self->text_view, &iter, &line);
  if (line.y < visible.y)
    gtk_text_view_forward_display_line (self->text_view, &iter);
  if ((guint) gtk_text_iter_get_offset (&iter) < g_array_index (self->block_starts, guint, 0))
    return 0;
  /* a decoration between blocks: the next block's first character */
  while (!dossier_article_view_get_offset_at_iter (self, &iter, &offset)
         && gtk_text_iter_forward_char (&iter))
    ;
  return offset;
}

/* Scrolls the line holding character @offset of the article to the top, 0 to the
 * article's very top, and keeps it there while GTK lays the text out. */
void
dossier_article_view_scroll_to_offset (DossierArticleView *self,
                                       guint               offset)
{
  GtkTextBuffer *buffer;
  GtkTextMark *mark;
  GtkTextIter iter;

  g_return_if_fail (DOSSIER_IS_ARTICLE_VIEW (self));

  stop_revealing (self);
  buffer = gtk_text_view_get_buffer (self->text_view);
  if (offset == 0 || !dossier_article_view_get_iter_at (self, offset, &iter))
    gtk_text_buffer_get_start_iter (buffer, &iter);
  mark = place_mark (buffer, "dossier-top", &iter);
  self->reveal_tick_id = dossier_text_reveal_mark (self->text_view, mark, 0.0);
}

/* The widest the text may be, for comfortable lines. */
void
dossier_article_view_set_reading_width (DossierArticleView *self,
                                        int                 width)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_VIEW (self));

  adw_clamp_scrollable_set_maximum_size (self->clamp, width);
  adw_clamp_scrollable_set_tightening_threshold (self->clamp, width * 3 / 4);
}
