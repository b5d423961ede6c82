/* dossier-block.c: one typed block of an article's body
 *
 * A block knows where it sits in its article's flat text, in characters, because
 * mentions, events and annotations all address that text by character offsets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "dossier-block"

#include "dossier-block.h"
#include "dossier-utf8.h"

struct _DossierBlock
{
  GObject          parent_instance;

  char            *text;
  char            *attribution;
  DossierBlockKind kind;
  guint            start;
  guint            length;
};

G_DEFINE_FINAL_TYPE (DossierBlock, dossier_block, G_TYPE_OBJECT)

static void
dossier_block_finalize (GObject *object)
{
  DossierBlock *self = (DossierBlock *) object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->attribution, g_free);

  G_OBJECT_CLASS (dossier_block_parent_class)->finalize (object);
}

static void
dossier_block_class_init (DossierBlockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_block_finalize;
}

static void
dossier_block_init (DossierBlock *self)
{
}

/* @attribution is who said a quote; NULL for every other kind of block. */
DossierBlock *
dossier_block_new (DossierBlockKind  kind,
                   const char       *text,
                   const char       *attribution)
{
  DossierBlock *self;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (dossier_utf8_validate (text, -1, NULL), NULL);

  self = g_object_new (DOSSIER_TYPE_BLOCK, NULL);
  self->kind = kind;
  self->text = g_strdup (text);
  self->attribution = (attribution && *attribution) ? g_strdup (attribution) : NULL;
  self->length = dossier_utf8_strlen (text, -1);

  return self;
}

DossierBlockKind
dossier_block_get_kind (DossierBlock *self)
{
  g_return_val_if_fail (DOSSIER_IS_BLOCK (self), DOSSIER_BLOCK_PARAGRAPH);

  return self->kind;
}

const char *
dossier_block_get_text (DossierBlock *self)
{
  g_return_val_if_fail (DOSSIER_IS_BLOCK (self), NULL);

  return self->text;
}

const char *
dossier_block_get_attribution (DossierBlock *self)
{
  g_return_val_if_fail (DOSSIER_IS_BLOCK (self), NULL);

  return self->attribution;
}

guint
dossier_block_get_start (DossierBlock *self)
{
  g_return_val_if_fail (DOSSIER_IS_BLOCK (self), 0);

  return self->start;
}

guint
dossier_block_get_length (DossierBlock *self)
{
  g_return_val_if_fail (DOSSIER_IS_BLOCK (self), 0);

  return self->length;
}

guint
dossier_block_get_end (DossierBlock *self)
{
  g_return_val_if_fail (DOSSIER_IS_BLOCK (self), 0);

  return self->start + self->length;
}

void
_dossier_block_set_start (DossierBlock *self,
                          guint         start)
{
  self->start = start;
}
