/**
 * Finding name mentions in a Doc: the NER model over each sentence's tokens, corrected
 * and completed by the gazetteer, with demonyms set apart (they refer to a country but
 * are not names of it).
 */
import type { Doc, EntityType, TextSpan } from '../types';
import { fold, gazetteer, lookupName, type Gazetteer, type GazetteerEntry } from '../ner/gazetteer';
import type { NerModel } from '../ner/model';
import { recognize } from '../ner/recognize';
import { tokenize, type Token } from '../ner/tokens';

/** A name mention with its type and, when known, its gazetteer entry. */
export interface Mention extends TextSpan {
  type: EntityType;
  sentence: number;
  entry?: GazetteerEntry;
}

/** A demonym ("Ukrainian") resolved to its country. */
export interface Demonym extends TextSpan {
  sentence: number;
  entry: GazetteerEntry;
}

/** The tokens of every sentence, with offsets into doc.text. */
export function sentenceTokens(doc: Doc): Token[][] {
  return doc.sentences.map((s) => tokenize(doc.text, s.start, s.end));
}

const ROLE_HEAD = /\b(?:Envoy|President|Minister|Secretary|Aide|Adviser|Advisor|Spokes(?:man|woman|person)|Director|Chief|Ambassador|Chancellor|Governor|Mayor|Senator|Commander|Leader)$/;
/** A role noun right after a name: the name is the employer ("Kremlin aide"). */
const EMPLOYEE_ROLE = /^\s+(?:aides?|spokes(?:man|woman|person)|officials?|executives?|advisers?|advisors?|chiefs?|staff|employees?|insiders?)\b/i;
const CLASS_TYPE: Record<string, EntityType | undefined> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'PLACE' };
const LEADING = /^(?:the|a|an)\s+/i;
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Gen|Col|Lt|Capt|Maj|Sgt|Prof|Rev|Sen|Rep|Gov|Fr)\.?$/;
/** Honorifics that only ever stand before a person's surname (not "Lord" of a place, nor "Gov" or "Sen" of an office). */
const PERSONAL_HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx)\.?$/;

/**
 * The longest name kept: real names ("Democratic Republic of the Congo", "Sheikh Mohammed bin Rashid
 * Al Maktoum") stay well within both; a run of capitalised words longer than this (a shouted
 * headline, a list, a hostile input) is no name, and would otherwise become one entity that every
 * search for any of its words returns.
 */
export const MAX_NAME_TOKENS = 12;
/** The longest name kept, in characters. */
export const MAX_NAME_CHARS = 200;

/** Finds name mentions and demonyms in a Doc. */
export function findMentions(doc: Doc, model: NerModel, tokens: Token[][]): { mentions: Mention[]; demonyms: Demonym[] } {
  const gaz = gazetteer();
  // Title-case headlines read like the model's all-caps wire headlines, so they are shown to it that way.
  const words = tokens.map((ts, s) => ts.map((t) => (doc.sentences[s].kind === 'title' ? t.text.toUpperCase() : t.text)));
  const spans = recognize(model, words);
  const mentions: Mention[] = [];
  const demonyms: Demonym[] = [];
  tokens.forEach((ts, s) => {
    const taken = new Uint8Array(ts.length);
    for (const span of spans[s]) {
      let a = span.start;
      let b = span.end;
      while (a < b && LEADING.test(ts[a].text + ' ')) a++;
      // "Mr Brown", "Gen Musharraf": the honorific is not part of the name (CoNLL leaves it out too).
      if (span.cls === 'PER') while (b - a > 1 && HONORIFIC.test(ts[a].text)) a++;
      // "Ms Essex", "Mr Kent", "Mrs Parker Bowles" (which the model took for a firm): a name right after a personal
      // honorific is a person's, whatever else it names; the honorific is no part of it.
      const personal = (a > 0 && PERSONAL_HONORIFIC.test(ts[a - 1].text)) || (b - a > 1 && PERSONAL_HONORIFIC.test(ts[a].text));
      if (personal && PERSONAL_HONORIFIC.test(ts[a].text)) a++;
      if (a >= b || b - a > MAX_NAME_TOKENS || ts[b - 1].end - ts[a].start > MAX_NAME_CHARS) continue;
      const text = doc.text.slice(ts[a].start, ts[b - 1].end);
      const entry = lookupName(gaz, text);
      const dem = b - a === 1 ? gaz.demonyms.get(fold(text)) : undefined;
      if (dem && !entry) {
        demonyms.push({ start: ts[a].start, end: ts[b - 1].end, text, sentence: s, entry: dem });
        for (let k = a; k < b; k++) taken[k] = 1;
        continue;
      }
      let type = CLASS_TYPE[span.cls];
      if (personal) type = 'PERSON';
      if (!type) continue;
      if (type === 'ORGANIZATION' && ROLE_HEAD.test(text)) {
        // "US Special Envoy" is a title, not an organisation: leave its parts to the gazetteer pass.
        continue;
      }
      // The model already reads the gazetteer as features, so its decision stands: a club or company named
      // after a city stays an organisation. The gazetteer adds facts only to a mention of its own type.
      // One exception is grammar, not the gazetteer: a name that modifies a person's role ("Kremlin aide",
      // "Sony spokesman") names the employer, so where the gazetteer knows it as an organisation it is one.
      if (type === 'PLACE' && entry?.type === 'ORGANIZATION' && EMPLOYEE_ROLE.test(doc.text.slice(ts[b - 1].end, ts[b - 1].end + 24))) type = 'ORGANIZATION';
      mentions.push({ start: ts[a].start, end: ts[b - 1].end, text, type, sentence: s, entry: entry && entry.type === type && !personal ? entry : undefined });
      for (let k = span.start; k < span.end; k++) taken[k] = 1;
    }
    // Gazetteer names and demonyms the model missed.
    const folded = ts.map((t) => fold(t.text));
    for (let i = 0; i < ts.length; i++) {
      if (taken[i] || !/^\p{Lu}/u.test(ts[i].text)) continue;
      // After "Ms" or "Mr" a place's or company's name is a surname: the model missed a person, not a place.
      if (i > 0 && PERSONAL_HONORIFIC.test(ts[i - 1].text)) {
        mentions.push({ start: ts[i].start, end: ts[i].end, text: ts[i].text, type: 'PERSON', sentence: s });
        taken[i] = 1;
        continue;
      }
      for (let n = Math.min(gaz.maxTokens, ts.length - i); n >= 1; n--) {
        if (taken.subarray(i, i + n).some((x) => x)) continue;
        const key = folded.slice(i, i + n).join(' ');
        const text = doc.text.slice(ts[i].start, ts[i + n - 1].end);
        const entry = lookupName(gaz, text, key);
        if (entry && acceptGazetteerMatch(entry, text)) {
          mentions.push({ start: ts[i].start, end: ts[i + n - 1].end, text, type: entry.type, sentence: s, entry });
          taken.fill(1, i, i + n);
          i += n - 1;
          break;
        }
        if (n === 1) {
          const dem = gaz.demonyms.get(key);
          if (dem) demonyms.push({ start: ts[i].start, end: ts[i].end, text: ts[i].text, sentence: s, entry: dem });
        }
      }
    }
  });
  mentions.sort((x, y) => x.start - y.start);
  placesListedWithPlaces(doc.text, mentions, gaz);
  // "Turkish Foreign Ministry": a demonym right before a ministry or agency belongs to its name.
  for (const m of mentions) {
    if (m.type !== 'ORGANIZATION') continue;
    const d = demonyms.findIndex((x) => x.end + 1 === m.start && doc.text[x.end] === ' ' && x.sentence === m.sentence);
    if (d < 0 || !/^(?:Foreign|Defen[cs]e|Interior|Finance|Economy|Justice|Health|Presidential|State|Armed|Navy|Air|Security|Intelligence|Ministry|Central|National)\b/.test(m.text)) continue;
    m.start = demonyms[d].start;
    m.text = doc.text.slice(m.start, m.end);
    m.entry = gaz.names.get(fold(m.text));
    demonyms.splice(d, 1);
  }
  return { mentions, demonyms };
}

/**
 * "visits Manchester, Liverpool, Leicester ... Dorset and Torbay": items of one list are of one kind, so a name the
 * model typed otherwise but the gazetteer knows as a place is a place when a list neighbour is a place the model and
 * the gazetteer agree on.
 */
function placesListedWithPlaces(text: string, mentions: Mention[], gaz: Gazetteer): void {
  // A list: three or more names joined by commas (and a final "and"/"or"), or two joined by "and"/"or". A single comma
  // joins no list ("on the flight to Madrid, Obama phoned", "Kyiv, Ukraine").
  const sep = (a: Mention, b: Mention) => (a.sentence === b.sentence ? /^(?:(,)\s*|,?\s+(and|or)\s+)$/.exec(text.slice(a.end, b.start)) : null);
  for (let i = 0; i < mentions.length; ) {
    let j = i;
    let joined = false;
    for (let m; j + 1 < mentions.length && (m = sep(mentions[j], mentions[j + 1])); j++) if (m[2]) joined = true;
    const list = mentions.slice(i, j + 1);
    i = j + 1;
    if (list.length < 2 || (!joined && list.length < 3)) continue;
    if (!list.some((m) => m.type === 'PLACE' && m.entry?.type === 'PLACE')) continue;
    for (const m of list) {
      if (m.type === 'PLACE') continue;
      const entry = lookupName(gaz, m.text);
      if (entry?.type === 'PLACE') {
        m.type = 'PLACE';
        m.entry = entry;
      }
    }
  }
}

/** Whether a gazetteer match the model did not label is still a safe mention. */
function acceptGazetteerMatch(entry: GazetteerEntry, text: string): boolean {
  if (entry.kind === 'CITY' && (entry.population ?? 0) < 100000) return false;
  // An acronym in capitals, digits allowed ("G7", "G20"): never a city ("NICE" is no city).
  if (/^\p{Lu}[\p{Lu}\d]*$/u.test(text)) return text.length >= 2 && entry.kind !== 'CITY';
  return /^\p{Lu}\p{Ll}/u.test(text);
}
