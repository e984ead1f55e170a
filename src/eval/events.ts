/**
 * Event evaluation, end to end: each document's raw text goes through the record contract of
 * `kg extract --jsonl` (the path of `kg ingest`), and the final events (after within-article
 * merging) are scored at each of their mentions. Meetings are what a user gets by default as a
 * meeting (MEETING, TALKS, VISIT, SUMMIT); calls are scored apart. Every set also scores, in the
 * same run, a keyword baseline that calls every "met", "meet", "meets", "meeting", "meetings" and
 * "talks" a meeting, so the product's figure always stands beside the trivial one.
 *
 * Matching: a gold trigger is found when a predicted mention's trigger overlaps it (one-to-one,
 * in text order); precision counts predicted mentions. A gold participant is found when any name
 * or reference of a participant of the matched event overlaps it.
 */
import path from 'node:path';
import type { Component } from '../extract/pipeline';
import { extractRecord, type PublicDoc } from '../extract/records';
import { prf, readJsonl } from './data';

interface GoldSpan {
  text: string;
  start: number;
  end: number;
  role?: string;
}
interface GoldEvent {
  type: string;
  isMeeting: boolean;
  trigger: GoldSpan;
  participants: GoldSpan[];
}
interface EventDoc {
  id: string;
  text: string;
  events: GoldEvent[];
}

/** Event types a user gets as meetings by default. */
export const USER_MEETING_TYPES = ['MEETING', 'TALKS', 'VISIT', 'SUMMIT'];
/** The meeting family with the contact events users do not get as meetings (a diagnostic: ACE and RAMS count these as meetings). */
export const CONTACT_TYPES = [...USER_MEETING_TYPES, 'PRESS_CONFERENCE', 'INTERVIEW', 'DEBATE', 'HEARING'];
/** The keyword baseline's six meeting words. */
export const BASELINE_KEYWORDS = ['met', 'meet', 'meets', 'meeting', 'meetings', 'talks'];
const KEYWORD_BASELINE = new RegExp(`\\b(?:${BASELINE_KEYWORDS.join('|')})\\b`, 'gi');
const STRICT_RAMS = /\.(?:discussion|negotiate|collaborate)\.meet$/;

type Counts = ReturnType<typeof prf>;

/** Scores of one system (the product or the baseline) on one set. */
export interface SystemScores {
  trigger: Counts;
  /** Gold participants found (recall) and, where the set annotates every participant, precision. */
  participants?: Counts;
}

/** Scores of one dataset. */
export interface EventSetScores {
  docs: number;
  /** Whether precision means anything here (every meeting of a document annotated). */
  exhaustive: boolean;
  meetings: { product: SystemScores; baseline: SystemScores };
  calls?: { product: SystemScores };
  /** Diagnostic, not the product's meeting figure: the product's contact events of every kind against the same gold. */
  contact: SystemScores;
}

interface Span {
  start: number;
  end: number;
}
interface PredictedEvent {
  mentions: Span[];
  participantSpans: Span[][];
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The product's final events of the given types, each with its mentions' triggers and its participants' spans. */
function productEvents(doc: Pick<PublicDoc, 'entities' | 'events'> | null, types: string[]): PredictedEvent[] {
  if (!doc) return [];
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  return doc.events
    .filter((v) => types.includes(v.type))
    .map((v) => ({
      mentions: v.mentions.map((m) => m.trigger),
      participantSpans: v.participants.map((p) => {
        const e = byId.get(p.entity);
        return [...(p.mention ? [p.mention] : []), ...(e ? [...e.mentions, ...e.references] : [])];
      }),
    }));
}

function baselineEvents(text: string): PredictedEvent[] {
  return [...text.matchAll(KEYWORD_BASELINE)].map((m) => ({ mentions: [{ start: m.index!, end: m.index! + m[0].length }], participantSpans: [] }));
}

/** Accumulates trigger and participant counts over documents. */
class Tally {
  tp = 0;
  predicted = 0;
  gold = 0;
  partFound = 0;
  partGold = 0;
  partCorrect = 0;
  partPredicted = 0;

  add(gold: GoldEvent[], predicted: PredictedEvent[], countPredicted: boolean): void {
    const mentions = predicted.flatMap((event) => event.mentions.map((span) => ({ span, event })));
    const used = new Set<number>();
    const matchedEvents = new Map<PredictedEvent, GoldEvent[]>();
    this.gold += gold.length;
    if (countPredicted) this.predicted += mentions.length;
    for (const g of [...gold].sort((a, b) => a.trigger.start - b.trigger.start)) {
      this.partGold += g.participants.length;
      const k = mentions.findIndex((m, i) => !used.has(i) && overlaps(m.span, g.trigger));
      if (k < 0) continue;
      used.add(k);
      this.tp++;
      const event = mentions[k].event;
      matchedEvents.set(event, [...(matchedEvents.get(event) ?? []), g]);
      this.partFound += g.participants.filter((gp) => event.participantSpans.some((spans) => spans.some((s) => overlaps(s, gp)))).length;
    }
    if (!countPredicted) return;
    for (const event of predicted) {
      this.partPredicted += event.participantSpans.length;
      const golds = matchedEvents.get(event) ?? [];
      this.partCorrect += event.participantSpans.filter((spans) => golds.some((g) => g.participants.some((gp) => spans.some((s) => overlaps(s, gp))))).length;
    }
  }

  scores(withParticipants: boolean, exhaustive: boolean, participantPrecision = false): SystemScores {
    const trigger = exhaustive ? prf(this.tp, this.predicted, this.gold) : prf(this.tp, this.tp, this.gold);
    if (!withParticipants) return { trigger };
    const recall = this.partGold ? this.partFound / this.partGold : 0;
    if (!participantPrecision) return { trigger, participants: { ...prf(this.partFound, this.partFound, this.partGold), recall } };
    const precision = this.partPredicted ? this.partCorrect / this.partPredicted : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { trigger, participants: { precision, recall, f1, tp: this.partFound, predicted: this.partPredicted, gold: this.partGold } };
  }
}

interface SetSpec {
  file: string;
  /** The gold meetings of a document. */
  meetings: (doc: EventDoc) => GoldEvent[];
  /** The gold calls, where the set annotates them. */
  calls?: (doc: EventDoc) => GoldEvent[];
  /** Every meeting of a document is annotated: precision is meaningful. */
  exhaustive: boolean;
  /** Score participant precision too (the set annotates every participant). */
  participantPrecision: boolean;
  /** Only documents with a gold meeting are read (one event per document: RAMS). */
  onlyWithMeetings?: boolean;
}

const SETS: Record<string, SetSpec> = {
  wikievents: { file: 'wikievents_dev.jsonl', meetings: (d) => d.events.filter((e) => /Meet$/.test(e.type)), exhaustive: true, participantPrecision: true },
  rams: { file: 'rams_dev.jsonl', meetings: (d) => d.events.filter((e) => STRICT_RAMS.test(e.type)), exhaustive: false, participantPrecision: false, onlyWithMeetings: true },
  m2e2: { file: 'm2e2_dev.jsonl', meetings: (d) => d.events.filter((e) => e.type === 'Contact:Meet'), calls: (d) => d.events.filter((e) => e.type === 'Contact:Phone-Write'), exhaustive: true, participantPrecision: false },
};

/** The event sets by name: WikiEvents dev, RAMS dev (strict meetings), M2E2 dev (VOA). */
export type EventSetName = keyof typeof SETS;
/** Names of the event sets, in report order. */
export const EVENT_SETS = Object.keys(SETS) as EventSetName[];

/** Scores one event set end to end, or returns null when its file is absent. */
export function evaluateEventSet(name: EventSetName, dataDir: string, components: Component[]): EventSetScores | null {
  const spec = SETS[name];
  const docs = readJsonl<EventDoc>(path.join(dataDir, 'events', spec.file));
  if (!docs) return null;
  const product = new Tally();
  const baseline = new Tally();
  const calls = new Tally();
  const contact = new Tally();
  let read = 0;
  for (const doc of docs) {
    const gold = spec.meetings(doc);
    if (spec.onlyWithMeetings && !gold.length) continue;
    read++;
    const out = extractRecord({ id: doc.id, text: doc.text }, doc.id, components);
    const extracted = 'error' in out ? null : out;
    product.add(gold, productEvents(extracted, USER_MEETING_TYPES), spec.exhaustive);
    baseline.add(gold, baselineEvents(doc.text), spec.exhaustive);
    contact.add(gold, productEvents(extracted, CONTACT_TYPES), spec.exhaustive);
    if (spec.calls) calls.add(spec.calls(doc), productEvents(extracted, ['CALL']), spec.exhaustive);
  }
  return {
    docs: read,
    exhaustive: spec.exhaustive,
    meetings: { product: product.scores(true, spec.exhaustive, spec.participantPrecision), baseline: baseline.scores(false, spec.exhaustive) },
    ...(spec.calls ? { calls: { product: calls.scores(true, spec.exhaustive) } } : {}),
    contact: contact.scores(false, spec.exhaustive),
  };
}

/** Scores every event set that is present. */
export function evaluateEvents(dataDir: string, components: Component[]): Record<EventSetName, EventSetScores | null> {
  return Object.fromEntries(EVENT_SETS.map((name) => [name, evaluateEventSet(name, dataDir, components)])) as Record<EventSetName, EventSetScores | null>;
}
