/**
 * Entity references by position: names, demonyms and descriptions, plus pronoun resolution
 * to the person they most likely mean.
 */
import type { Doc, Entity, EntityType, PlaceKind } from '../types';
import { firstAtOrAfter } from '../spans';

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
  refs.sort((a, b) => a.start - b.start || b.end - a.end);
  // A reference inside a longer one is part of it: "Pakistani" in "the Pakistani president" (Musharraf) names no party.
  let reach = -1;
  return refs.filter((r) => {
    const inside = r.end <= reach;
    reach = Math.max(reach, r.end);
    return !inside;
  });
}

const longest = new WeakMap<Ref[], number>();
/** The longest ref's length (so a search for refs ending near a position knows how far back they can start). */
export function maxRefLength(refs: Ref[]): number {
  let n = longest.get(refs);
  if (n === undefined) {
    n = 0;
    for (const r of refs) n = Math.max(n, r.end - r.start);
    longest.set(refs, n);
  }
  return n;
}

/** Refs whose start lies in [from, to), in text order. */
export function refsStartingIn(refs: Ref[], from: number, to: number): Ref[] {
  const out: Ref[] = [];
  for (let i = firstAtOrAfter(refs, from); i < refs.length && refs[i].start < to; i++) out.push(refs[i]);
  return out;
}

/** The first ref at or after `from` (starting before `to`) that passes `test`. */
export function findRefFrom(refs: Ref[], from: number, test: (r: Ref) => boolean, to = Infinity): Ref | undefined {
  for (let i = firstAtOrAfter(refs, from); i < refs.length && refs[i].start < to; i++) if (test(refs[i])) return refs[i];
  return undefined;
}

/** References inside [start, end). */
export function refsIn(refs: Ref[], start: number, end: number): Ref[] {
  return refsStartingIn(refs, start, end).filter((r) => r.end <= end);
}

/** The index of the sentence holding offset `at` (sentences are in text order), -1 if none. */
function sentenceIndexAt(doc: Doc, at: number): number {
  const ss = doc.sentences;
  let lo = 0;
  let hi = ss.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ss[mid].start <= at) lo = mid + 1;
    else hi = mid;
  }
  // The last sentence starting at or before `at`; earlier ones can still hold it only if they overlap.
  for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) if (ss[i].start <= at && at < ss[i].end) return i;
  return ss.findIndex((s) => s.start <= at && at < s.end);
}

/** Words that open a fronted prepositional or participial phrase ("At a conference ...,", "Speaking after the debate,"). */
const OPENER = '(?:At|In|On|During|After|Before|Following|Ahead of|Despite|Amid|Like|Unlike|Without|With|Speaking|Talking)';
/** What may come before the opener: a conjunction carrying the story on ("And that at a dinner ..."). */
const LEAD = '(?:(?:And|But|Yet|So)\\s+)?(?:that\\s+)?';
/** A sentence that opens with such a phrase and a comma right before the pronoun; [0] is the opener and its first word. */
const FRONTED_PHRASE = new RegExp(`^\\s*${LEAD}${OPENER}\\s+\\S+(?=[^,]*,\\s*$)`, 'i');
/**
 * The same without the comma, where the pronoun comes right after a name the phrase ends with ("And that at a dinner
 * hosted by John Prescott he told Mr Brown"): a subject pronoun never stands for the name just before it.
 */
const FRONTED_UNMARKED = new RegExp(`^\\s*${LEAD}${OPENER}\\s+[^,.;:"“”]*$`, 'i');
/** A sentence that opens with such a phrase and goes on with "he" or "she"; [1] is the pronoun. */
const FRONTED_THEN_PRONOUN = new RegExp(`^\\s*${OPENER}\\s+[^,]*,\\s*(he|she)\\b`);

/** The last ref before index `limit` that starts at or after `from` and passes `test`. */
function findLastRefBefore(refs: Ref[], limit: number, from: number, test: (r: Ref) => boolean): Ref | null {
  for (let i = limit - 1; i >= 0 && refs[i].start >= from; i--) if (test(refs[i])) return refs[i];
  return null;
}

/** The person a pronoun at `at` most likely means, skipping people in `exclude`. */
export function resolvePronoun(doc: Doc, refs: Ref[], at: number, exclude: Set<string>): string | null {
  // A description resolved to a person ("the Pakistani president") is as good an antecedent as a name.
  const person = (r: Ref) => r.type === 'PERSON' && r.end <= at && !exclude.has(r.entity);
  // Every candidate starts before `at`: refs[0, limit).
  const limit = firstAtOrAfter(refs, at);
  // Found by binary search, not indexOf: this runs for every pronoun, and for each "he" it follows back.
  const index = sentenceIndexAt(doc, at);
  const sentence = index >= 0 ? doc.sentences[index] : undefined;
  if (sentence) {
    // "At a conference hosted by Gordon Brown, he said": a subject pronoun after a fronted prepositional phrase does not
    // mean a person named inside the phrase (a writer would have named him in the main clause); it continues the story.
    // The subject of a fronted clause still can: "After Blair arrived, he said".
    const head = doc.text.slice(sentence.start, at);
    const last = findLastRefBefore(refs, limit, sentence.start, person);
    const unmarked = last && /^\s+$/.test(doc.text.slice(last.end, at)) && FRONTED_UNMARKED.test(head);
    const fronted = FRONTED_PHRASE.exec(head) ?? (unmarked ? [''] : null);
    const from = fronted ? sentence.start + fronted[0].length : sentence.start;
    const inSentence = findRefFrom(refs, sentence.start, (r) => person(r) && (!fronted || r.start < from), at);
    if (inSentence) return inSentence.entity;
    // "he made contact with the authorities, who arranged a meeting between him and an agent": with no name before
    // it in the sentence, a pronoun in a later clause continues the sentence's earlier "he" or "she".
    const earlier = /\b(?:he|she)\b(?=[^.]*?[,;]|[^.]*?\b(?:who|which|that|and|but)\b)/i.exec(doc.text.slice(sentence.start, at));
    if (earlier && !fronted && sentence.start + earlier.index < at - 3) return resolvePronoun(doc, refs, sentence.start + earlier.index, exclude);
  }
  // Earlier sentences, nearest first: the first person each one names, unless a "he"/"she" comes before that name,
  // which continues the story's subject from further back ("He arrived ..., where he met Bush. He is due to visit ...":
  // the visitor is the one who arrived, not Bush).
  for (let k = index - 1; k >= 0 && k >= index - 8; k--) {
    const s = doc.sentences[k];
    // "At a conference hosted by Brown, he said ...": that sentence's subject is its "he", not the name in its opening phrase.
    const opening = FRONTED_THEN_PRONOUN.exec(doc.text.slice(s.start, Math.min(s.end, at)));
    if (opening) return resolvePronoun(doc, refs, s.start + opening[0].length - opening[1].length, exclude);
    // "Putin's former classmate Alexander Makarov was jailed": the possessor is not what the sentence is about.
    const notPossessor = (r: Ref) => person(r) && !/^['’]s?\b/.test(doc.text.slice(r.end, r.end + 3));
    const first = findRefFrom(refs, s.start, notPossessor, Math.min(s.end, at)) ?? findRefFrom(refs, s.start, person, Math.min(s.end, at));
    // "One of his fellow pupils was Vladimir Putin": a "his" or "her" before the name continues the subject too.
    const pronoun = /\b(?:he|she|his|her)\b/i.exec(doc.text.slice(s.start, first ? first.start : s.end));
    if (pronoun) return resolvePronoun(doc, refs, s.start + pronoun.index, exclude);
    if (first) return first.entity;
  }
  for (let i = limit - 1; i >= 0; i--) if (person(refs[i])) return refs[i].entity;
  return null;
}
