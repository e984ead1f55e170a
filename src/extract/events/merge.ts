/**
 * Merging the event records of one article that describe the same event: anaphora
 * ("the encounter at the Dolmabahce Palace", "will represent the US in the talks"),
 * repeated reports (caption and body), delegation heads, and dates carried over from the
 * event a sentence continues.
 */
import type { Doc, EventType } from '../types';
import type { DraftEvent } from './index';

const PLACE_RANK: Record<string, number> = { VENUE: 5, BODY_OF_WATER: 1, CITY: 4, REGION: 3, COUNTRY: 2, CONTINENT: 0, OTHER: 2 };
const GATHERINGS: EventType[] = ['MEETING', 'TALKS', 'SUMMIT'];

/** Whether two event types can describe the same event. */
export function compatibleTypes(a: EventType, b: EventType): boolean {
  return a === b || (GATHERINGS.includes(a) && GATHERINGS.includes(b));
}

/** Whether two dates (YYYY, YYYY-MM or YYYY-MM-DD, or null) can be the same day. */
export function compatibleDates(a: string | null, b: string | null, slackDays = 0): boolean {
  if (!a || !b) return true;
  if (a.length < 10 || b.length < 10) return a.startsWith(b) || b.startsWith(a);
  return Math.abs(Date.parse(a) - Date.parse(b)) <= slackDays * 86400000;
}

/**
 * How many of the latest events an anaphor ("the talks") or a continued schedule may refer back
 * to. An article has far fewer; the bound keeps a text of thousands of events linear.
 */
const LOOKBACK = 64;

/** Merges the drafts of one Doc into its final records. */
export function mergeWithinDoc(doc: Doc, drafts: DraftEvent[]): DraftEvent[] {
  const entityById = new Map(doc.entities.map((e) => [e.id, e]));
  const placeRank = (id: string | null) => (id ? PLACE_RANK[entityById.get(id)?.place?.kind ?? 'OTHER'] ?? 0 : -1);
  // "a surprise trip to Iraq" and "visited the tomb of Yasser Arafat in Ramallah" are two visits: places in two
  // countries are two events, whoever takes part.
  const sameCountry = (a: string | null, b: string | null) => {
    const ca = a ? entityById.get(a)?.place?.countryCode : undefined;
    const cb = b ? entityById.get(b)?.place?.countryCode : undefined;
    return !ca || !cb || ca === cb;
  };
  const out: DraftEvent[] = [];
  // Per event: its position in `out`, and the evidence and trigger offsets it holds (lookups, not scans).
  const position = new Map<DraftEvent, number>();
  const held = new Map<DraftEvent, { evidence: Set<number>; triggers: Set<number>; entities: Set<string> }>();
  // Events by participant: a repeated report shares at least one participant with its event.
  const byEntity = new Map<string, DraftEvent[]>();
  const index = (e: DraftEvent) => {
    let h = held.get(e);
    if (!h) held.set(e, (h = { evidence: new Set(e.evidence.map((x) => x.start)), triggers: new Set(e.mentions.map((m) => m.trigger.start)), entities: new Set() }));
    for (const p of e.participants) {
      if (h.entities.has(p.entity)) continue;
      h.entities.add(p.entity);
      let list = byEntity.get(p.entity);
      if (!list) byEntity.set(p.entity, (list = []));
      // Kept in `out` order (an old event can gain a participant), so the first match is the earliest.
      const at = position.get(e)!;
      let k = list.length;
      while (k > 0 && position.get(list[k - 1])! > at) k--;
      list.splice(k, 0, e);
    }
  };
  const absorb = (into: DraftEvent, from: DraftEvent, takeParticipants: boolean, anaphoric = false) => {
    const h = held.get(into)!;
    // An anaphor's own party counts where the tree puts it in the event ("Speaking after the Commons debate, Davies said").
    for (const p of from.participants) if ((takeParticipants || (anaphoric && from.treeFound.has(p.entity))) && !h.entities.has(p.entity) && !into.participants.some((q) => q.entity === p.entity)) into.participants.push(p);
    if (from.place && placeRank(from.place) > placeRank(into.place) && !into.participants.some((p) => p.entity === from.place)) into.place = from.place;
    if (!into.date && from.date) {
      into.date = from.date;
      into.datePrecision = from.datePrecision;
    }
    into.time ??= from.time;
    if (!anaphoric && from.type !== into.type && into.type === 'MEETING' && from.type === 'TALKS') into.type = 'TALKS';
    into.lastSentence = Math.max(into.lastSentence, from.lastSentence);
    for (const e of from.evidence) if (!h.evidence.has(e.start)) (h.evidence.add(e.start), into.evidence.push(e));
    for (const m of from.mentions) if (!h.triggers.has(m.trigger.start)) (h.triggers.add(m.trigger.start), into.mentions.push(m));
    if (from.status === 'OCCURRED' && into.status === 'PLANNED' && from.ownDate) into.status = 'OCCURRED';
    index(into);
  };
  for (const d of drafts) {
    if (d.negated) continue;
    if (d.anaphoric) {
      // "the talks" refers to talks that happen(ed), not to one offered or refused.
      // Among those, the same type first ("the talks" -> talks), then the most reported, then the latest.
      // "The G8 summit" refers to a summit of the G8's, not to the G7 meeting before it: a name that names the anaphor must
      // be among the antecedent's parties, places or names.
      // A place that names it ("the Downing Street meeting") only says where: it fits an event whose place is not given.
      const involves = (e: DraftEvent, x: string) => e.place === x || e.namedBy.includes(x) || e.participants.some((p) => p.entity === x) || (!e.place && entityById.get(x)?.type === 'PLACE');
      // "The international conference called in Jakarta" is not the meeting in Downing Street: two towns or venues, two events.
      // A country, region or continent contains its towns, so it disagrees with none.
      const broad = (id: string) => ['COUNTRY', 'REGION', 'CONTINENT'].includes(entityById.get(id)?.place?.kind ?? '');
      const placesAgree = (e: DraftEvent) => !d.place || !e.place || d.place === e.place || broad(d.place) || broad(e.place);
      // "he told the conference" refers to the conference named before, not to another gathering: the same noun first.
      // An anaphor with a day of its own ("the conference on Friday") dates an undated event of the same noun.
      // "The final meeting of the commission", which says whose it is, is not the G8 summit before it: an anaphor with
      // an "of" phrase of its own refers back only to an event reported with the same noun.
      const noun = headNoun(d.trigger.text);
      const sameNoun = (e: DraftEvent) => e.mentions.some((m) => headNoun(m.trigger.text) === noun);
      const candidates = out.slice(-LOOKBACK).filter((e) => compatibleTypes(e.type, d.type) && (e.status === 'PLANNED' || e.status === 'OCCURRED') && (!d.ownDate || (e.date !== null ? compatibleDates(e.date, d.date) : sameNoun(e))) && d.namedBy.every((x) => involves(e, x)) && (!d.owned || sameNoun(e)) && placesAgree(e));
      const rank = (e: DraftEvent) => (sameNoun(e) ? 2000 : 0) + (e.type === d.type ? 1000 : 0) + e.evidence.length * 10 + position.get(e)! / 100;
      const antecedent = candidates.sort((a, b) => rank(b) - rank(a))[0];
      if (antecedent) {
        absorb(antecedent, d, d.joins || d.participants.length >= 2, true);
        continue;
      }
    }
    // The earliest event that shares a participant and can be the same: only events of d's participants can.
    let same: DraftEvent | undefined;
    for (const p of d.participants) {
      for (const e of byEntity.get(p.entity) ?? []) {
        if (same && position.get(e)! >= position.get(same)!) break;
        if (compatibleTypes(e.type, d.type) && e.status === d.status && compatibleDates(e.date, d.date) && sameCountry(e.place, d.place) && overlap(e, d) >= Math.min(2, Math.min(e.participants.length, d.participants.length)) && overlap(e, d) > 0 && (e.type === d.type || overlap(e, d) >= 2)) {
          same = e;
          break;
        }
      }
    }
    if (same) absorb(same, d, true);
    else {
      const e = { ...d, participants: [...d.participants], evidence: [...d.evidence], mentions: [...d.mentions] };
      position.set(e, out.length);
      out.push(e);
      index(e);
    }
  }
  // "Talks aimed at averting strikes have ended without agreement. Five unions met John Prescott at the conference
  // ...": a lead that reports a gathering without its parties is told again, with them, in the next sentences.
  const firstSentence = drafts.reduce((min, d) => Math.min(min, d.sentence), Infinity);
  for (let i = 0; i < out.length; i++) {
    const lead = out[i];
    if (lead.participants.length || lead.sentence > firstSentence + 1 || !GATHERINGS.includes(lead.type)) continue;
    const next = out.find((e, k) => k > i && GATHERINGS.includes(e.type) && e.participants.length > 0 && e.status === lead.status && compatibleDates(e.date, lead.date) && e.sentence > lead.lastSentence && e.sentence - lead.lastSentence <= 2);
    if (!next) continue;
    absorb(next, lead, false);
    out.splice(i--, 1);
    out.forEach((e, k) => position.set(e, k));
  }
  for (const e of out) e.mentions.sort((a, b) => a.trigger.start - b.trigger.start);
  // Delegation heads join the talks their side takes part in.
  for (const e of doc.entities) {
    for (const r of e.roles) {
      if (r.title !== 'head of delegation' || !r.of) continue;
      const side = doc.entities.find((x) => x.key === r.of);
      const talks = out.find((v) => (v.type === 'TALKS' || v.type === 'MEETING') && side && v.participants.some((p) => p.entity === side.id));
      if (talks && !talks.participants.some((p) => p.entity === e.id)) talks.participants.push({ entity: e.id, role: 'delegation_head' });
      else if (talks) talks.participants.find((p) => p.entity === e.id)!.role = 'delegation_head';
    }
  }
  // A sentence that continues a schedule ("would take place at 0745 GMT") shares its day.
  out.forEach((v, i) => {
    if (v.date) return;
    let prev: DraftEvent | undefined;
    for (let j = i - 1; j >= 0 && j >= i - LOOKBACK && !prev; j--) {
      const p = out[j];
      if (p.date && p.status === v.status && v.sentence - p.lastSentence <= 3 && p.datePrecision === 'DAY') prev = p;
    }
    if (prev && (v.time || v.status === 'PLANNED' || (v.status === 'OCCURRED' && v.sentence - prev.lastSentence <= 1))) {
      v.date = prev.date;
      v.datePrecision = prev.datePrecision;
    }
  });
  return out
    .filter((v) => v.participants.length >= (v.type === 'CALL' ? 2 : 0))
    .map((v) => ({ ...v, confidence: confidence(v) }));
}

/** The last word of a trigger, lower case and singular: "the conference" and "a conference" share "conference". */
function headNoun(trigger: string): string {
  const word = (/[\p{L}-]+$/u.exec(trigger)?.[0] ?? '').toLowerCase().replace(/(?<=[^s])s$/, '');
  // "met" and "the meeting" name one event.
  return /^(?:meet|met|meeting)$/.test(word) ? 'meet' : word;
}

function overlap(a: DraftEvent, b: DraftEvent): number {
  return a.participants.filter((p) => b.participants.some((q) => q.entity === p.entity)).length;
}

function confidence(v: DraftEvent): number {
  let c = 0.45;
  if (v.participants.length >= 2) c += 0.2;
  if (v.place) c += 0.08;
  if (v.date) c += 0.08;
  if (v.evidence.length > 1) c += 0.1;
  if (v.trigger.text.split(/\s+/).length > 1) c += 0.04;
  return Math.min(0.97, Math.round(c * 100) / 100);
}
