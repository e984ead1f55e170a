/**
 * Entity references by position: names, demonyms and descriptions, plus pronoun resolution
 * to the person they most likely mean.
 */
import type { Doc, Entity, EntityType, PlaceKind } from '../types';

/** A place in the text that refers to an entity. */
export interface Ref {
  start: number;
  end: number;
  entity: string;
  type: EntityType;
  /** A demonym ("Ukrainian") or description rather than a name. */
  indirect: boolean;
  placeKind?: PlaceKind;
}

/** All references of a Doc's entities, in text order. */
export function collectRefs(doc: Doc): Ref[] {
  const refs: Ref[] = [];
  const add = (e: Entity, s: { start: number; end: number }, indirect: boolean) => refs.push({ start: s.start, end: s.end, entity: e.id, type: e.type, indirect, placeKind: e.place?.kind });
  for (const e of doc.entities) {
    for (const m of e.mentions) add(e, m, false);
    for (const r of e.references ?? []) add(e, r, true);
  }
  return refs.sort((a, b) => a.start - b.start);
}

/** References inside [start, end). */
export function refsIn(refs: Ref[], start: number, end: number): Ref[] {
  return refs.filter((r) => r.start >= start && r.end <= end);
}

/** The person a pronoun at `at` most likely means, skipping people in `exclude`. */
export function resolvePronoun(doc: Doc, refs: Ref[], at: number, exclude: Set<string>): string | null {
  const people = refs.filter((r) => r.type === 'PERSON' && !r.indirect && r.end <= at && !exclude.has(r.entity));
  if (!people.length) return null;
  const sentence = doc.sentences.find((s) => s.start <= at && at < s.end);
  const inSentence = sentence ? people.filter((r) => r.start >= sentence.start) : [];
  if (inSentence.length) return inSentence[0].entity;
  // The subject of the nearest earlier sentence that names a person.
  const previous = people[people.length - 1];
  const prevSentence = doc.sentences.find((s) => s.start <= previous.start && previous.start < s.end);
  const first = prevSentence ? people.find((r) => r.start >= prevSentence.start) : undefined;
  return (first ?? previous).entity;
}
