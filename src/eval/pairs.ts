/**
 * Who-met-whom pairs, end to end, against a reader's judgement: articles go through the record
 * path of `kg extract --jsonl`, and the unordered pairs of each meeting-family event the product
 * gives (MEETING, TALKS, VISIT, SUMMIT, CALL) are matched against the pairs a reader listed for the
 * same article. The reader names people as the text does ("Tony Blair", "five public sector
 * unions"), so a product entity matches a reader's name when their words agree (the entity's name,
 * aliases, mentions or references, folded, minus titles and function words: one set inside the
 * other, or a shared word of four letters or more). The judged files are read by path, never
 * committed (they quote the articles).
 */
import type { Component } from '../extract/pipeline';
import { extractRecord, type PublicDoc } from '../extract/records';

/** Event types whose participants met: the pairs a user gets from `encounters`. */
export const PAIR_TYPES = ['MEETING', 'TALKS', 'VISIT', 'SUMMIT', 'CALL'];

/** One article as given to the reader and to the product. */
export interface JudgedArticle {
  id: string;
  title?: string;
  text: string;
  /** The publication date, as given to the product (titles like "the prime minister" resolve against it). */
  publishedAt?: string;
}

/** A reader's events of one article (other fields of the judged file are kept but not read). */
export interface JudgedEvents {
  id: string;
  events: { type: string; participants: string[]; locator?: string; status?: string }[];
}

/** A pair the product gave or missed, for reading. */
export interface PairExample {
  article: string;
  a: string;
  b: string;
  /** The product event's type and trigger, for a pair it gave. */
  event?: string;
}

/** The scores of one judged set. */
export interface PairScores {
  articles: number;
  /** found: the reader's pairs the product gives; right: the product's pairs the reader lists. */
  pairs: { precision: number; recall: number; f1: number; found: number; gold: number; right: number; given: number };
  /**
   * Reader's events, how many have a product event of a pair type in the same sentence, and of those with a status
   * (HAPPENED or ONGOING, PLANNED), how many the product gives the same (OCCURRED, PLANNED).
   */
  events: { gold: number; found: number; foundWithTwo: number; statusJudged: number; statusAgrees: number };
  /** Diagnostic, not the product's figure: recall over the reader's pairs whose two sides are both proper names ("Tony Blair", not "union leaders"). */
  named: { found: number; gold: number };
  missed: PairExample[];
  wrong: PairExample[];
}

const STOP = new Set(['the', 'of', 'mr', 'mrs', 'ms', 'sir', 'lord', 'dr', 'and', 'unnamed', 'party', 'minister', 'prime', 'secretary', 'leader', 'president']);
/** Country names a reader writes for the gazetteer's: "Britain" for the United Kingdom. */
const COUNTRY_NAMES: Record<string, string[]> = {
  'united kingdom': ['britain', 'uk', 'british', 'government'],
  'united states': ['us', 'america', 'washington'],
  'european union': ['eu'],
  turkiye: ['turkey', 'ankara'],
};

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const words = (s: string) => new Set((fold(s).match(/[a-z0-9]+/g) ?? []).filter((w) => w.length > 1 && !STOP.has(w)));

/** Whether a product entity is the participant a reader named. */
export function sameParticipant(entity: PublicDoc['entities'][number], readerName: string): boolean {
  const reader = words(readerName);
  if (!reader.size) return false;
  const names = [entity.name, ...(entity.aliases ?? []), ...entity.mentions.map((m) => m.text), ...(entity.references ?? []).map((r) => r.text), ...(COUNTRY_NAMES[fold(entity.name)] ?? [])];
  return names.some((n) => {
    const own = words(n);
    if (!own.size) return false;
    const shared = [...own].filter((w) => reader.has(w));
    return shared.length === own.size || shared.length === reader.size || shared.some((w) => w.length > 3);
  });
}

/** Scores the product's who-met-whom pairs on judged articles, end to end. */
export function evaluatePairs(articles: JudgedArticle[], judged: JudgedEvents[], components: Component[]): PairScores {
  const byId = new Map(articles.map((a) => [a.id, a]));
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  let hits = 0;
  const events = { gold: 0, found: 0, foundWithTwo: 0, statusJudged: 0, statusAgrees: 0 };
  const missed: PairExample[] = [];
  const wrong: PairExample[] = [];
  let read = 0;
  const named = { found: 0, gold: 0 };
  // A proper name: every word capitalised but function words, once a leading "the" is set aside ("Labour MPs" is a group).
  const proper = (name: string) => name.replace(/^the\s+/i, '').split(/\s+/).every((w) => /^(?:\p{Lu}|of$|for$|and$|the$|de$|von$|al-)/u.test(w));
  for (const j of judged) {
    const article = byId.get(j.id);
    if (!article) continue;
    read++;
    const out = extractRecord({ id: article.id, title: article.title, text: article.text, publishedAt: article.publishedAt }, article.id, components);
    const doc = 'error' in out ? { entities: [], events: [] } : out;
    const entityById = new Map(doc.entities.map((e) => [e.id, e]));
    // The product's pairs: one per unordered pair of entities sharing an event of a pair type.
    const given = new Map<string, { a: (typeof doc.entities)[number]; b: (typeof doc.entities)[number]; event: string }>();
    const meetings = doc.events.filter((v) => PAIR_TYPES.includes(v.type));
    for (const v of meetings) {
      const ps = v.participants.map((p) => entityById.get(p.entity)).filter((e) => e !== undefined);
      for (let x = 0; x < ps.length; x++) for (let y = x + 1; y < ps.length; y++) {
        const key = [ps[x].id, ps[y].id].sort().join('|');
        if (!given.has(key)) given.set(key, { a: ps[x], b: ps[y], event: `${v.type} ${v.trigger.text}` });
      }
    }
    // The reader's pairs: every unordered pair of participants of one event of a pair type.
    const readerPairs = new Map<string, [string, string]>();
    for (const e of j.events.filter((e) => PAIR_TYPES.includes(e.type))) {
      for (let x = 0; x < e.participants.length; x++) for (let y = x + 1; y < e.participants.length; y++) {
        const pair = [e.participants[x], e.participants[y]].sort() as [string, string];
        readerPairs.set(pair.join('|'), pair);
      }
      events.gold++;
      const locator = (e.locator ?? '').slice(0, 30);
      const found = locator ? meetings.find((v) => v.mentions.some((m) => article.text.slice(m.sentence.start, m.sentence.end).includes(locator))) : undefined;
      if (found) {
        events.found++;
        if (found.participants.length >= 2) events.foundWithTwo++;
        const want = e.status === 'PLANNED' ? 'PLANNED' : e.status === 'HAPPENED' || e.status === 'ONGOING' ? 'OCCURRED' : null;
        if (want) {
          events.statusJudged++;
          if (found.status === want) events.statusAgrees++;
        }
      }
    }
    const matches = (p: { a: PublicDoc['entities'][number]; b: PublicDoc['entities'][number] }, [x, y]: [string, string]) =>
      (sameParticipant(p.a, x) && sameParticipant(p.b, y)) || (sameParticipant(p.a, y) && sameParticipant(p.b, x));
    gold += readerPairs.size;
    predicted += given.size;
    for (const pair of readerPairs.values()) {
      const hit = [...given.values()].some((p) => matches(p, pair));
      if (hit) tp++;
      else missed.push({ article: j.id, a: pair[0], b: pair[1] });
      if (proper(pair[0]) && proper(pair[1])) {
        named.gold++;
        if (hit) named.found++;
      }
    }
    for (const p of given.values()) {
      if ([...readerPairs.values()].some((pair) => matches(p, pair))) hits++;
      else wrong.push({ article: j.id, a: p.a.name, b: p.b.name, event: p.event });
    }
  }
  // Recall counts the reader's pairs found; precision the product's pairs a reader lists (one product pair can match
  // two spellings of a reader's pair and the other way round, so the two are counted apart).
  const recall = gold ? tp / gold : 0;
  const precision = predicted ? hits / predicted : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { articles: read, pairs: { precision, recall, f1, found: tp, gold, right: hits, given: predicted }, events, named, missed, wrong };
}
