/* dossier-preferences.c: the preferences window
 *
 * Every row is bound to a GSettings key; the window and the application follow the keys,
 * so a change shows at once and is kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-preferences.h"

/* What an empty reading-font means; keep in step with ui/style.css. */
#define DEFAULT_READING_FONT "DejaVu Serif 12.5"

struct _DossierPreferences
{
  AdwPreferencesWindow parent_instance;

  /* template widgets */
  GtkFontButton       *font_button;
  GtkButton           *font_reset_button;
  AdwActionRow        *font_row;
  AdwComboRow         *placement_row;
  AdwComboRow         *style_row;
  GtkSpinButton       *width_spin;

  /* owned */
  GSettings           *settings;
};

G_DEFINE_FINAL_TYPE (DossierPreferences, dossier_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static const char *color_schemes[] = { "default", "light", "dark", NULL };
static const char *placements[] = { "bottom", "right", NULL };

/* Maps a string key to a combo row's position, both ways, through a NULL-terminated list. */
static gboolean
choice_to_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], choice))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
position_to_choice (const GValue       *value,
                    const GVariantType *type,
                    gpointer            user_data)
{
  const char * const *choices = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) choices))
    return NULL;

  return g_variant_new_string (choices[position]);
}

static gboolean
font_from_setting (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *font = g_variant_get_string (variant, NULL);

  g_value_set_string (value, *font ? font : DEFAULT_READING_FONT);
  return TRUE;
}

static void
on_font_reset (DossierPreferences *self)
{
  g_settings_reset (self->settings, "reading-font");
}

/* libadwaita names the font button by the row's title, but not the button inside it that a
 * screen reader lands on, and GTK follows no relation further: that one gets the title as
 * shown, without its mnemonic's underscore. */
static void
name_font_button (DossierPreferences *self)
{
  GtkWidget *button = _dossier_accessible_inner_button (GTK_WIDGET (self->font_button));
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->font_row));
  g_autofree char *shown = NULL;

  if (button == NULL || !pango_parse_markup (title, -1, '_', NULL, &shown, NULL, NULL))
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, shown,
                                  -1);
}

static void
dossier_preferences_dispose (GObject *object)
{
  DossierPreferences *self = (DossierPreferences *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_PREFERENCES);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_preferences_parent_class)->dispose (object);
}

static void
dossier_preferences_class_init (DossierPreferencesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dossier_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/dossierapp/Dossier/dossier-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierPreferences, font_button);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferences, font_reset_button);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferences, font_row);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferences, placement_row);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferences, style_row);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferences, width_spin);
}

static void
dossier_preferences_init (DossierPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_font_button (self);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_to_position, position_to_choice,
                                (gpointer) color_schemes, NULL);
  g_settings_bind_with_mapping (self->settings, "timeline-placement", self->placement_row,
                                "selected", G_SETTINGS_BIND_DEFAULT, choice_to_position,
                                position_to_choice, (gpointer) placements, NULL);
  g_settings_bind_with_mapping (self->settings, "reading-font", self->font_button, "font",
                                G_SETTINGS_BIND_DEFAULT, font_from_setting, NULL, NULL, NULL);
  g_settings_bind (self->settings, "reading-width", self->width_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_swapped (self->font_reset_button, "clicked", G_CALLBACK (on_font_reset), self);
}

GtkWidget *
dossier_preferences_new (GtkWindow *parent)
{
  return g_object_new (DOSSIER_TYPE_PREFERENCES, "transient-for", parent, "modal", TRUE, NULL);
}
