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

/** Merges the drafts of one Doc into its final records. */
export function mergeWithinDoc(doc: Doc, drafts: DraftEvent[]): DraftEvent[] {
  const placeRank = (id: string | null) => (id ? PLACE_RANK[doc.entities.find((e) => e.id === id)?.place?.kind ?? 'OTHER'] ?? 0 : -1);
  const out: DraftEvent[] = [];
  const absorb = (into: DraftEvent, from: DraftEvent, takeParticipants: boolean, anaphoric = false) => {
    if (takeParticipants) for (const p of from.participants) if (!into.participants.some((q) => q.entity === p.entity)) into.participants.push(p);
    if (from.place && placeRank(from.place) > placeRank(into.place) && !into.participants.some((p) => p.entity === from.place)) into.place = from.place;
    if (!into.date && from.date) {
      into.date = from.date;
      into.datePrecision = from.datePrecision;
    }
    into.time ??= from.time;
    if (!anaphoric && from.type !== into.type && into.type === 'MEETING' && from.type === 'TALKS') into.type = 'TALKS';
    into.lastSentence = Math.max(into.lastSentence, from.lastSentence);
    for (const e of from.evidence) if (!into.evidence.some((x) => x.start === e.start)) into.evidence.push(e);
    for (const m of from.mentions) if (!into.mentions.some((x) => x.trigger.start === m.trigger.start)) into.mentions.push(m);
    into.mentions.sort((a, b) => a.trigger.start - b.trigger.start);
    if (from.status === 'OCCURRED' && into.status === 'PLANNED' && from.ownDate) into.status = 'OCCURRED';
  };
  for (const d of drafts) {
    if (d.negated) continue;
    if (d.anaphoric) {
      // "the talks" refers to talks that happen(ed), not to one offered or refused.
      // Among those, the same type first ("the talks" -> talks), then the most reported, then the latest.
      const candidates = out.filter((e) => compatibleTypes(e.type, d.type) && (e.status === 'PLANNED' || e.status === 'OCCURRED') && (!d.ownDate || (e.date !== null && compatibleDates(e.date, d.date))));
      const rank = (e: DraftEvent) => (e.type === d.type ? 1000 : 0) + e.evidence.length * 10 + out.indexOf(e) / 100;
      const antecedent = candidates.sort((a, b) => rank(b) - rank(a))[0];
      if (antecedent) {
        absorb(antecedent, d, d.joins || d.participants.length >= 2, true);
        continue;
      }
    }
    const same = out.find((e) => compatibleTypes(e.type, d.type) && e.status === d.status && compatibleDates(e.date, d.date) && overlap(e, d) >= Math.min(2, Math.min(e.participants.length, d.participants.length)) && overlap(e, d) > 0 && (e.type === d.type || overlap(e, d) >= 2));
    if (same) absorb(same, d, true);
    else out.push({ ...d, participants: [...d.participants], evidence: [...d.evidence], mentions: [...d.mentions] });
  }
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
    const prev = out.slice(0, i).reverse().find((p) => p.date && p.status === v.status && v.sentence - p.lastSentence <= 3 && p.datePrecision === 'DAY');
    if (prev && (v.time || v.status === 'PLANNED' || (v.status === 'OCCURRED' && v.sentence - prev.lastSentence <= 1))) {
      v.date = prev.date;
      v.datePrecision = prev.datePrecision;
    }
  });
  return out
    .filter((v) => v.participants.length >= (v.type === 'CALL' ? 2 : 0))
    .map((v) => ({ ...v, confidence: confidence(v) }));
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
