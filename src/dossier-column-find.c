/* dossier-column-find.c: find in the column's article
 *
 * Ctrl+F opens a find bar: every occurrence of what is typed is marked, "n of m" says
 * where one is, Enter and Shift+Enter step (scrolling to and flashing each), Escape
 * closes. A search result opens its article with the bar filled with the words it
 * matched, each found on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-column"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-column-private.h"
#include "dossier-text-finder.h"

/* GNOME's wording, one form throughout: "2 of 5" (a match is always the current one once
 * any is found) or "No results" (QA review: "1 match" turned into "1 of 1" on Enter). */
static void
update_find_label (DossierColumn *self)
{
  g_autofree char *label = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));

  if (*text == '\0' || !gtk_search_bar_get_search_mode (self->find_bar))
    label = g_strdup ("");
  else if (self->found->len == 0)
    label = g_strdup (_("No results"));
  else
    /* TRANSLATORS: the match shown, of how many: "2 of 5" */
    label = g_strdup_printf (_("%d of %u"), MAX (self->found_current, 0) + 1, self->found->len);

  gtk_label_set_label (self->find_label, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->find_label), *label ? label : NULL);
  /* Under the entry, an empty count would leave an empty line. */
  gtk_widget_set_visible (GTK_WIDGET (self->find_label), *label != '\0');
}

/* In a narrow column the count goes under the entry, whole; beside it, the entry and the
 * count were squeezed to a few characters each and "No results" never showed (QA). */
void
_dossier_column_place_find_label (DossierColumn *self)
{
  GtkWidget *label = GTK_WIDGET (self->find_label);
  GtkLayoutManager *grid = gtk_widget_get_layout_manager (gtk_widget_get_parent (label));
  GtkGridLayoutChild *child = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (grid,
                                                                                          label));

  gtk_grid_layout_child_set_row (child, self->narrow ? 1 : 0);
  gtk_grid_layout_child_set_column (child, self->narrow ? 0 : 1);
  /* The whole row: the column's minimum width stays what it is beside the entry. */
  gtk_grid_layout_child_set_column_span (child, self->narrow ? 4 : 1);
}

/* Steps to the next (@direction 1) or previous (-1) match, wrapping around. */
void
_dossier_column_find_step (DossierColumn *self,
                           int            direction)
{
  const DossierTextRange *range;
  int n = self->found->len;

  if (n == 0)
    return;

  self->found_current = _dossier_column_step_index (self->found_current, n, direction);

  range = &g_array_index (self->found, DossierTextRange, self->found_current);
  dossier_article_view_reveal_range (self->article_view, range->start,
                                     range->start + range->length);
  update_find_label (self);
}

/* Marks every occurrence of the bar's words in the article and, as the user types, goes to
 * the first, as GNOME's find bars do. */
void
_dossier_column_refind (DossierColumn *self)
{
  DossierArticle *article = dossier_column_get_article (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  gboolean active = gtk_search_bar_get_search_mode (self->find_bar);
  g_auto(GStrv) words = NULL;

  dossier_article_view_clear_highlights (self->article_view, DOSSIER_HIGHLIGHT_GROUP_FIND);
  g_clear_pointer (&self->found, g_array_unref);
  self->found_current = -1;
  /* Also while closed: the entry's late "search-changed" for this text finds nothing new. */
  g_free (self->found_text);
  self->found_text = g_strdup (text);

  /* What the user types is one phrase; a search's words are found each on its own, until
   * the user edits them. */
  if (g_strcmp0 (text, self->find_words) != 0)
    g_clear_pointer (&self->find_words, g_free);
  words = self->find_words ? g_strsplit (self->find_words, " ", -1) : g_strsplit (text, "\n", 1);
  if (article != NULL && active)
    self->found = dossier_text_find_all (dossier_article_get_text (article),
                                         (const char * const *) words);
  else
    self->found = g_array_new (FALSE, FALSE, sizeof (DossierTextRange));

  for (guint i = 0; i < self->found->len; i++)
    {
      const DossierTextRange *range = &g_array_index (self->found, DossierTextRange, i);

      dossier_article_view_add_highlight (self->article_view, DOSSIER_HIGHLIGHT_GROUP_FIND,
                                          "find-match", range->start,
                                          range->start + range->length, NULL, NULL);
    }
  update_find_label (self);
  _dossier_column_find_step (self, 1);
}

/* Another article in the column: what was looked for in the last one is not carried over,
 * with a count that no longer fits (QA review). The bar closes empty. */
void
_dossier_column_reset_find (DossierColumn *self)
{
  gboolean was_open = gtk_search_bar_get_search_mode (self->find_bar);

  g_clear_pointer (&self->find_words, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), "");
  gtk_search_bar_set_search_mode (self->find_bar, FALSE);
  if (!was_open)    /* closing the bar finds again (on_search_mode) */
    _dossier_column_refind (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierColumn *self = DOSSIER_COLUMN (widget);

  if (g_str_equal (action_name, "column.find-close"))
    {
      gtk_search_bar_set_search_mode (self->find_bar, FALSE);
      return;
    }

  if (g_str_equal (action_name, "column.find"))
    {
      gtk_search_bar_set_search_mode (self->find_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
      return;
    }

  _dossier_column_find_step (self, g_str_equal (action_name, "column.find-next") ? 1 : -1);
}

static void
on_search_mode (DossierColumn *self)
{
  /* Closing the bar takes its marks away. */
  _dossier_column_refind (self);
}

/* The entry reports its text a moment after it changed, also when dossier_column_find()
 * set it: found already, it is not found again, which would undo steps taken since. */
static void
on_search_changed (DossierColumn *self)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->find_entry)), self->found_text) != 0)
    _dossier_column_refind (self);
}

static void
on_activate (DossierColumn *self)
{
  _dossier_column_find_step (self, 1);
}

static gboolean
previous_shortcut (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  _dossier_column_find_step (DOSSIER_COLUMN (user_data), -1);
  return TRUE;
}

void
_dossier_column_init_find (DossierColumn *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  self->found = g_array_new (FALSE, FALSE, sizeof (DossierTextRange));
  self->found_current = -1;
  gtk_search_bar_connect_entry (self->find_bar, GTK_EDITABLE (self->find_entry));
  g_signal_connect_swapped (self->find_entry, "search-changed",
                            G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->find_entry, "activate", G_CALLBACK (on_activate), self);
  g_signal_connect_swapped (self->find_bar, "notify::search-mode-enabled",
                            G_CALLBACK (on_search_mode), self);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_SHIFT_MASK),
                      gtk_callback_action_new (previous_shortcut, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), shortcuts);
}

void
_dossier_column_class_init_find (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "column.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "column.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "column.find-close", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "column.find-previous", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "column.find",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "column.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "column.find-previous", NULL);
}

/**
 * dossier_column_find:
 * @words: what to find, words separated by spaces
 *
 * Opens the find bar with @words, marks every match and goes to the first.
 */
void
dossier_column_find (DossierColumn *self,
                     const char    *words)
{
  gboolean was_open;

  g_return_if_fail (DOSSIER_IS_COLUMN (self));

  was_open = gtk_search_bar_get_search_mode (self->find_bar);
  /* Text first: opening the bar finds what the entry holds (on_search_mode). */
  g_free (self->find_words);
  self->find_words = g_strdup (words);
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), words);
  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  if (was_open)
    _dossier_column_refind (self);
}

guint
dossier_column_get_n_found (DossierColumn *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLUMN (self), 0);

  return self->found->len;
}

/* Which match was stepped to last; -1 for none yet. */
int
dossier_column_get_current_found (DossierColumn *self)
{
  g_return_val_if_fail (DOSSIER_IS_COLUMN (self), -1);

  return self->found_current;
}
