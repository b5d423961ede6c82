/* dossier-entity-matcher.h: finds the entities of a catalogue in a text, in one pass
 *
 * The matcher knows every name and alias of its entities and reports where they occur in
 * a text, as CHARACTER offsets (the offsets of an article's flat text). The rules:
 *
 * - Whole words only: a match neither starts nor ends inside a word (letters, digits and
 *   combining marks make words), so "Russia" is not found in "Russian" nor "SAC" in "SACK".
 *   Punctuation is a boundary: "Myanmar’s" holds "Myanmar".
 * - Leftmost, then longest: the text is read from its start, and at each word the longest
 *   alias wins, so "Myanmar Witness" is one organisation, not a country followed by a word.
 *   Matches never overlap; the text after a match is read on from its end.
 * - Case: a capital letter in an alias must be a capital in the text; a small letter may
 *   be either. So an acronym ("SAC", "NUG", "AFP") matches only in capitals, a proper name
 *   ("Fomin", "Justice for Myanmar") matches itself or a headline in capitals ("FOMIN") but
 *   never lowercase prose ("justice for myanmar"), and an alias written all in small letters
 *   matches in any case.
 * - Typographic variants count as the same character: ’ and ' (also ‘ and ʼ), the Unicode
 *   hyphens and '-', a no-break space and ' '. Accents are not removed: "Naypyidaw" and
 *   "Nay Pyi Daw" are different aliases.
 * - Two entities that share an alias: the one that comes first in the catalogue gets it.
 *
 * The catalogue is compiled into a trie keyed on lowercased characters; finding walks it
 * from each word start, so the cost grows with the text, not with the number of aliases.
 * A matcher never changes once built, so threads may share one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "dossier-entity.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ENTITY_MATCHER (dossier_entity_matcher_get_type ())

G_DECLARE_FINAL_TYPE (DossierEntityMatcher, dossier_entity_matcher, DOSSIER, ENTITY_MATCHER,
                      GObject)

typedef struct
{
  guint          start;    /* in characters from the start of the text */
  guint          length;   /* in characters */
  guint          index;    /* of the entity in the catalogue the matcher was built from */
  DossierEntity *entity;   /* (transfer none): owned by the matcher */
} DossierEntityMatch;

DossierEntityMatcher *dossier_entity_matcher_new          (GPtrArray             *entities);
guint                 dossier_entity_matcher_get_n_entities (DossierEntityMatcher *self);
guint                 dossier_entity_matcher_get_n_aliases (DossierEntityMatcher  *self);
GArray               *dossier_entity_matcher_find         (DossierEntityMatcher  *self,
                                                           const char            *text,
                                                           gssize                 length);

G_END_DECLS
