/**
 * Event evaluation on WikiEvents dev (every event annotated: trigger P/R/F1 and participant
 * P/R for face-to-face meetings) and RAMS dev (one event per window: recall only), matching
 * by span overlap. Triggers are scored per mention, before within-article merging.
 */
import path from 'node:path';
import { extract, type Component } from '../extract/pipeline';
import { draftEvents } from '../extract/events';
import type { Doc } from '../extract/types';
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

const FACE_TO_FACE = ['MEETING', 'TALKS', 'SUMMIT', 'VISIT', 'INTERVIEW', 'DEBATE', 'PRESS_CONFERENCE', 'HEARING'];
const STRICT_RAMS = /\.(?:discussion|negotiate|collaborate)\.meet$/;

/** Results of one dataset. */
export interface EventScores {
  docs: number;
  trigger: ReturnType<typeof prf>;
  participants?: ReturnType<typeof prf>;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

interface Predicted {
  trigger: { start: number; end: number };
  participants: { start: number; end: number }[];
}

/** Meeting-trigger mentions the pipeline predicts for one text, in input offsets. */
function predict(text: string, name: string, entityComponents: Component[]): Predicted[] {
  const { docs } = extract({ name, text, single: true }, entityComponents);
  return docs.flatMap((doc: Doc) =>
    draftEvents(doc)
      .filter((v) => FACE_TO_FACE.includes(v.type))
      .map((v) => ({
        trigger: { start: doc.toInputOffset(v.trigger.start), end: doc.toInputOffset(v.trigger.end) },
        participants: v.participants.map((p) => {
          if (p.mention) return { start: doc.toInputOffset(p.mention.start), end: doc.toInputOffset(p.mention.end) };
          const e = doc.entities.find((x) => x.id === p.entity)!;
          const spans = [...e.mentions, ...(e.references ?? [])];
          const nearest = spans.reduce((best, s) => (Math.abs(s.start - v.trigger.start) < Math.abs(best.start - v.trigger.start) ? s : best), spans[0]);
          return { start: doc.toInputOffset(nearest.start), end: doc.toInputOffset(nearest.end) };
        }),
      })),
  );
}

/** Scores WikiEvents dev and RAMS dev; a dataset whose file is absent is null. */
export function evaluateEvents(dataDir: string, entityComponents: Component[]): { wikievents: EventScores | null; rams: EventScores | null } {
  const wiki = readJsonl<EventDoc>(path.join(dataDir, 'events', 'wikievents_dev.jsonl'));
  const rams = readJsonl<EventDoc>(path.join(dataDir, 'events', 'rams_dev.jsonl'));
  let wikievents: EventScores | null = null;
  if (wiki) {
    let tp = 0;
    let predicted = 0;
    let gold = 0;
    let ptp = 0;
    let pPred = 0;
    let pGold = 0;
    for (const doc of wiki) {
      const goldMeet = doc.events.filter((e) => /Meet$/.test(e.type));
      const pred = predict(doc.text, doc.id, entityComponents);
      gold += goldMeet.length;
      predicted += pred.length;
      const used = new Set<number>();
      for (const g of goldMeet) {
        pGold += g.participants.length;
        const k = pred.findIndex((p, i) => !used.has(i) && overlaps(p.trigger, g.trigger));
        if (k < 0) continue;
        used.add(k);
        tp++;
        ptp += g.participants.filter((gp) => pred[k].participants.some((pp) => overlaps(pp, gp))).length;
      }
      pPred += pred.reduce((n, p) => n + p.participants.length, 0);
    }
    wikievents = { docs: wiki.length, trigger: prf(tp, predicted, gold), participants: prf(ptp, pPred, pGold) };
  }
  let ramsScores: EventScores | null = null;
  if (rams) {
    let tp = 0;
    let gold = 0;
    let ptp = 0;
    let pGold = 0;
    for (const doc of rams) {
      const goldMeet = doc.events.filter((e) => STRICT_RAMS.test(e.type));
      if (!goldMeet.length) continue;
      const pred = predict(doc.text, doc.id, entityComponents);
      for (const g of goldMeet) {
        gold++;
        pGold += g.participants.length;
        const p = pred.find((x) => overlaps(x.trigger, g.trigger));
        if (!p) continue;
        tp++;
        ptp += g.participants.filter((gp) => p.participants.some((pp) => overlaps(pp, gp))).length;
      }
    }
    ramsScores = { docs: rams.length, trigger: prf(tp, tp, gold), participants: prf(ptp, ptp, pGold) };
  }
  return { wikievents, rams: ramsScores };
}
