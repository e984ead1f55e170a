/**
 * Turning one extracted Doc into graph rows: entities, name tokens, containment, mentions,
 * roles and event reports. Pure functions: no store access. Offsets are into the stored
 * article text (the article's slice of the input), so evidence can be shown from the store.
 */
import type { Doc, Entity, EventType } from '../extract/types';
import { fold, knownNames } from '../extract/ner/gazetteer';
import { nameKeyToken, personNameParts } from '../extract/entities/resolve';
import { MEETING_FAMILY } from '../extract/events/lexicon';

/** Event types that can describe one gathering and so match across articles. */
const GATHERINGS: readonly EventType[] = ['MEETING', 'TALKS', 'SUMMIT'];

/** The family events must share to be matched across articles. */
export function eventFamily(type: EventType): string {
  return GATHERINGS.includes(type) ? 'GATHERING' : type;
}

/** Whether a type is in the meeting family (MEETING, TALKS, VISIT, SUMMIT, CALL). */
export function isMeetingType(type: string): boolean {
  return (MEETING_FAMILY as readonly string[]).includes(type);
}

/** Search tokens of a name: folded, transliteration-unified words of two or more characters. */
export function nameTokens(name: string): string[] {
  return [...new Set(fold(name).split(' ').filter((t) => t.length >= 2).map(nameKeyToken))];
}

/** An entity row for the label-specific upsert statements. */
export interface EntityRow {
  key: string;
  type: string;
  name: string;
  names: string[];
  titles: string[];
  kind: string | null;
  countryCode: string | null;
  lat: number | null;
  lon: number | null;
  /** A person's surname in key form, for resolving partial names across articles; null for others. */
  surname: string | null;
  /** A person named by a surname alone; null for others. */
  partial: boolean | null;
}

/** One reported event, ready to match against stored events. */
export interface EventDraft {
  local: string;
  type: EventType;
  family: string;
  status: string;
  date: string | null;
  datePrecision: string | null;
  time: string | null;
  placeKey: string | null;
  placeKeys: string[];
  confidence: number;
  participants: { key: string; role: string }[];
  trigger: [number, number];
  triggerText: string;
  evidence: number[];
  sentences: string[];
}

/** Everything a Doc contributes to the graph, keyed by stable entity keys. */
export interface ArticleRows {
  entities: EntityRow[];
  containment: { key: string; parentKey: string; parentName: string; parentKind: string }[];
  tokens: { key: string; token: string }[];
  mentions: { key: string; count: number; offsets: number[] }[];
  roles: { person: string; of: string; title: string }[];
  events: EventDraft[];
}

/** Every entity key a Doc refers to (entities, containing places, role holders), for redirect lookup. */
export function referencedKeys(doc: Doc): string[] {
  const keys = new Set<string>();
  for (const e of doc.entities) {
    keys.add(e.key);
    for (const w of e.place?.within ?? []) keys.add(w.key);
    for (const r of e.roles) if (r.of) keys.add(r.of);
  }
  return [...keys];
}

/**
 * The article text the store keeps and the map from doc.text offsets into it: the input's own
 * slice for plain text; for HTML the readable text (never the markup: a client that renders
 * `Article.text` must not run an input's `<script>` or `onerror`).
 */
export function storedForm(doc: Doc): { text: string; offset: (offset: number) => number } {
  if (doc.format === 'html') return { text: doc.text, offset: (offset) => offset };
  const base = doc.inputSpan.start;
  return { text: doc.inputText.slice(base, doc.inputSpan.end), offset: (offset) => doc.toInputOffset(offset) - base };
}

/** Builds the rows of a Doc; `redirect` maps keys merged away by curation to the kept ones. */
export function articleRows(doc: Doc, redirect: (key: string) => string = (k) => k): ArticleRows {
  const { text: storedText, offset: stored } = storedForm(doc);
  const byLocal = new Map<string, Entity>(doc.entities.map((e) => [e.id, e]));
  const rows: ArticleRows = { entities: [], containment: [], tokens: [], mentions: [], roles: [], events: [] };
  const seenEntity = new Map<string, EntityRow>();
  const tokenSeen = new Set<string>();
  const addTokens = (key: string, names: string[]) => {
    for (const name of names) {
      for (const token of nameTokens(name)) {
        if (tokenSeen.has(`${key}|${token}`)) continue;
        tokenSeen.add(`${key}|${token}`);
        rows.tokens.push({ key, token });
      }
    }
  };
  const mentionRows = new Map<string, { key: string; count: number; offsets: number[] }>();
  for (const e of doc.entities) {
    const key = redirect(e.key);
    const names = [e.name, ...e.aliases];
    const existing = seenEntity.get(key);
    if (existing) {
      for (const n of names) if (!existing.names.includes(n)) existing.names.push(n);
    } else {
      const row: EntityRow = {
        key,
        type: e.type,
        name: e.name,
        names,
        titles: [...new Set(e.roles.filter((r) => !r.of).map((r) => r.title))],
        kind: e.place?.kind ?? null,
        countryCode: e.place?.countryCode ?? null,
        lat: e.place?.lat ?? null,
        lon: e.place?.lon ?? null,
        surname: e.type === 'PERSON' ? personNameParts(e.name).surname : null,
        partial: e.type === 'PERSON' ? personNameParts(e.name).partial : null,
      };
      seenEntity.set(key, row);
      rows.entities.push(row);
    }
    // Gazetteer names make "Turkey" find Türkiye even when no article wrote it that way.
    addTokens(key, [...names, ...knownNames(e.key)]);
    let child = key;
    for (const w of e.place?.within ?? []) {
      const parentKey = redirect(w.key);
      if (parentKey !== child && !rows.containment.some((c) => c.key === child && c.parentKey === parentKey)) {
        rows.containment.push({ key: child, parentKey, parentName: w.name, parentKind: w.kind });
        addTokens(parentKey, [w.name, ...knownNames(w.key)]);
      }
      child = parentKey;
    }
    const spans = [...e.mentions, ...(e.references ?? [])];
    if (spans.length) {
      const m = mentionRows.get(key) ?? { key, count: 0, offsets: [] };
      m.count += spans.length;
      for (const s of e.mentions) m.offsets.push(stored(s.start), stored(s.end));
      mentionRows.set(key, m);
    }
    for (const r of e.roles) {
      if (!r.of) continue;
      const of = redirect(r.of);
      if (of !== key && !rows.roles.some((x) => x.person === key && x.of === of && x.title === r.title)) rows.roles.push({ person: key, of, title: r.title });
    }
  }
  rows.mentions = [...mentionRows.values()];

  for (const v of doc.events) {
    const participants: { key: string; role: string }[] = [];
    for (const p of v.participants) {
      const entity = byLocal.get(p.entity);
      if (!entity) continue;
      const key = redirect(entity.key);
      const already = participants.find((x) => x.key === key);
      if (already) {
        if (already.role === 'participant') already.role = p.role;
      } else participants.push({ key, role: p.role });
    }
    const place = v.place ? byLocal.get(v.place) : undefined;
    const placeKey = place ? redirect(place.key) : null;
    const placeKeys = place ? [placeKey!, ...(place.place?.within ?? []).map((w) => redirect(w.key))] : [];
    const evidence: number[] = [];
    const sentences: string[] = [];
    for (const s of v.evidence) {
      const start = stored(s.start);
      const end = stored(s.end);
      evidence.push(start, end);
      sentences.push(storedText.slice(start, end).replace(/\s+/g, ' ').trim());
    }
    rows.events.push({
      local: v.id,
      type: v.type,
      family: eventFamily(v.type),
      status: v.status,
      date: v.date,
      datePrecision: v.datePrecision,
      time: v.time,
      placeKey,
      placeKeys: [...new Set(placeKeys)],
      confidence: v.confidence,
      participants,
      trigger: [stored(v.trigger.start), stored(v.trigger.end)],
      triggerText: v.trigger.text,
      evidence,
      sentences,
    });
  }
  return rows;
}

/** A stored event that an extracted one may be the same as. */
export interface EventCandidate {
  local: string;
  id: string;
  date: string | null;
  placeKeys: string[] | null;
  participantKeys: string[] | null;
  shared: number;
}

function datesMatch(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  if (a.length < 10 || b.length < 10) return a.startsWith(b) || b.startsWith(a);
  // One day of slack: reports written on either side of midnight or of a time zone.
  return Math.abs(Date.parse(a) - Date.parse(b)) <= 86400000;
}

function placesMatch(a: string[], b: string[] | null): boolean {
  if (!a.length || !b?.length) return true;
  return a.includes(b[0]) || b.includes(a[0]);
}

/**
 * Picks the stored event a draft reports, if any: compatible dates (one day of slack) and
 * places, most shared participants. Without dates on both sides only an identical
 * participant set of two or more matches, since undated mentions of "a meeting" between
 * frequent counterparts are often different meetings.
 */
export function matchEvent(draft: EventDraft, candidates: EventCandidate[]): string | null {
  const keys = draft.participants.map((p) => p.key);
  let best: EventCandidate | null = null;
  for (const c of candidates) {
    if (c.local !== draft.local) continue;
    if (!placesMatch(draft.placeKeys, c.placeKeys)) continue;
    const dated = !!draft.date && !!c.date;
    if (dated && !datesMatch(draft.date, c.date)) continue;
    if (!dated) {
      const theirs = c.participantKeys ?? [];
      const same = keys.length >= 2 && theirs.length === keys.length && keys.every((k) => theirs.includes(k));
      if (!same) continue;
    }
    if (!best || c.shared > best.shared || (c.shared === best.shared && c.id < best.id)) best = c;
  }
  return best?.id ?? null;
}

/** A report of an event as stored on the REPORTS relationship. */
export interface ReportSummary {
  type: string;
  status: string;
  date: string | null;
  datePrecision: string | null;
  time: string | null;
  placeKey: string | null;
  placeKeys: string[] | null;
  confidence: number | null;
  publishedAt: string | null;
  article: string | null;
}

const STATUS_WEIGHT: Record<string, number> = { OCCURRED: 5, CANCELLED: 4, DECLINED: 3, PLANNED: 2, PROPOSED: 1, HYPOTHETICAL: 0 };
const TYPE_WEIGHT: Record<string, number> = { SUMMIT: 3, TALKS: 2, MEETING: 1 };

function mostCommon<T>(values: T[], tieBreak: (a: T, b: T) => number): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || tieBreak(a[0], b[0]))[0]?.[0];
}

/**
 * An event's summary from all its reports: status from the latest-published report (news
 * moves from planned to held), the most frequent type and most precise date, the most
 * specific place, and the confidence that at least one report is right.
 */
export function summariseEvent(reports: ReportSummary[], participantKeys: string[]): Record<string, unknown> | null {
  const live = reports.filter((r) => r.article);
  if (!live.length) return null;
  const byRecency = [...live].sort(
    (a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || (STATUS_WEIGHT[b.status] ?? 0) - (STATUS_WEIGHT[a.status] ?? 0),
  );
  const type = mostCommon(
    live.map((r) => r.type),
    (a, b) => (TYPE_WEIGHT[b] ?? 0) - (TYPE_WEIGHT[a] ?? 0),
  )!;
  const precise = Math.max(...live.map((r) => r.date?.length ?? 0));
  const date = precise ? mostCommon(live.filter((r) => (r.date?.length ?? 0) === precise).map((r) => r.date!), (a, b) => b.localeCompare(a))! : null;
  const dated = live.find((r) => r.date === date);
  const placed = [...live].filter((r) => r.placeKey).sort((a, b) => (b.placeKeys?.length ?? 0) - (a.placeKeys?.length ?? 0))[0];
  const articles = [...new Set(live.map((r) => r.article!))].sort();
  return {
    type,
    family: eventFamily(type as EventType),
    meeting: isMeetingType(type),
    status: byRecency[0].status,
    date,
    datePrecision: dated?.datePrecision ?? null,
    time: live.find((r) => r.time)?.time ?? null,
    placeKey: placed?.placeKey ?? null,
    placeKeys: placed?.placeKeys ?? [],
    confidence: Math.round((1 - live.reduce((p, r) => p * (1 - (r.confidence ?? 0.5)), 1)) * 1000) / 1000,
    articles,
    articleCount: articles.length,
    participantKeys: [...new Set(participantKeys)].sort(),
  };
}
