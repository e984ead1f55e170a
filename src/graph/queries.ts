/**
 * Graph reads for the API: name resolution, event pages with keyset cursors, encounters,
 * timelines, rankings, histograms, paths, and batched loads by key. Each function is one
 * round trip (paths: one per call) and returns plain records.
 */
import { fold } from '../extract/ner/gazetteer';
import {
  ARTICLE_FACTS,
  ARTICLES_BY_IDS,
  COUNT_EVENTS,
  COUNT_EVENTS_ANCHORED,
  COUNT_EVENTS_PLACED,
  ENCOUNTERS,
  ENTITIES_BY_KEYS,
  ENTITY_ARTICLES,
  ENTITY_ARTICLES_DESC,
  GRAPH_COUNTS,
  EVENT_HISTOGRAM,
  EVENT_HISTOGRAM_ANCHORED,
  EVENT_HISTOGRAM_PLACED,
  EVENT_DETAILS,
  EVENTS_BY_IDS,
  EVENTS_PAGE_ANCHORED_ASC,
  EVENTS_PAGE_ANCHORED_DESC,
  EVENTS_PAGE_ASC,
  EVENTS_PAGE_DESC,
  EVENTS_PAGE_PLACED_ASC,
  EVENTS_PAGE_PLACED_DESC,
  MAX_PATH_HOPS,
  SEARCH_PREFIX,
  SEARCH_TOKENS,
  SHORTEST_PATHS,
  TIMELINE,
  TOP_COUNTERPARTS,
} from './cypher';
import type { ArticleRecord } from './articles';
import { nameTokens } from './facts';
import type { GraphStore, TxOptions } from './store';

/** Every event type, and the meeting family that meeting queries default to. */
export const EVENT_TYPES = ['MEETING', 'TALKS', 'VISIT', 'CALL', 'SUMMIT', 'PRESS_CONFERENCE', 'INTERVIEW', 'DEBATE', 'HEARING'] as const;
/** The event types "meetings" means when no types are given. */
export const MEETING_TYPES = ['MEETING', 'TALKS', 'VISIT', 'SUMMIT', 'CALL'] as const;

/** An entity as stored, with its roles and counts. */
export interface EntityRecord {
  key: string;
  type: 'PERSON' | 'ORGANIZATION' | 'PLACE';
  name: string;
  aliases: string[];
  titles: string[];
  kind: string | null;
  countryCode: string | null;
  lat: number | null;
  lon: number | null;
  roles: { title: string; ofKey: string; ofName: string }[];
  within: string[];
  /** How many stored articles mention it (kept current by every write). */
  articleCount: number;
}

/** An event's own properties, as stored. */
export interface EventRecord {
  id: string;
  type: string;
  status: string;
  date: string | null;
  datePrecision: string | null;
  time: string | null;
  confidence: number;
  placeKey: string | null;
  articleCount: number;
}

/** Who took part in an event and the reports that evidence it. */
export interface EventDetails {
  participants: { key: string; role: string }[];
  reports: {
    article: string;
    status: string;
    trigger: number[];
    triggerText: string;
    evidence: number[];
    sentences: string[];
    confidence: number;
    extractorVersion: string;
  }[];
}

/** A ranked search hit. */
export interface SearchHit {
  key: string;
  name: string;
  score: number;
}

/**
 * Finds entities by name or alias, case-, accent- and transliteration-insensitively. Ranked
 * by how many query words match, then exact name or alias equality, then how many articles
 * mention the entity. A last word that matches nothing is tried as a prefix.
 */
export async function searchEntities(store: GraphStore, text: string, types: string[] | null, first: number, options?: TxOptions): Promise<SearchHit[]> {
  const tokens = nameTokens(text);
  if (!tokens.length || first <= 0) return [];
  const limit = Math.max(first * 4, 20);
  const rows = await store.query<{ key: string; name: string; aliases: string[] | null; hits: number; articles: number }>(
    SEARCH_TOKENS,
    { tokens, types, limit },
    options,
  );
  const best = Math.max(0, ...rows.map((r) => r.hits));
  if (best < tokens.length && tokens[tokens.length - 1].length >= 2) {
    const prefixRows = await store.query<{ key: string; name: string; aliases: string[] | null; hits: number; articles: number }>(
      SEARCH_PREFIX,
      { prefix: tokens[tokens.length - 1], types, limit },
      options,
    );
    const known = new Map(rows.map((r) => [r.key, r]));
    for (const r of prefixRows) {
      const hit = known.get(r.key);
      if (hit) hit.hits += 0.5;
      else rows.push({ ...r, hits: tokens.length > 1 ? 0.5 : 0.9 });
    }
  }
  const query = fold(text);
  const scored = rows.map((r) => {
    const exactName = fold(r.name) === query;
    const exactAlias = (r.aliases ?? []).some((a) => fold(a) === query);
    const coverage = r.hits / tokens.length;
    const extra = Math.max(0, nameTokens(r.name).length - tokens.length);
    const score = coverage * 10 + (exactName ? 3 : exactAlias ? 2 : 0) - extra * 0.3 + Math.log1p(r.articles) * 0.5;
    return { key: r.key, name: r.name, score: Math.round(score * 1000) / 1000 };
  });
  scored.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  return scored.slice(0, first);
}

/** Entities by key; missing keys are absent from the map. */
export async function entitiesByKeys(store: GraphStore, keys: readonly string[], options?: TxOptions): Promise<Map<string, EntityRecord>> {
  if (!keys.length) return new Map();
  const rows = await store.query<EntityColumns>(ENTITIES_BY_KEYS, { keys: [...new Set(keys)] }, options);
  return new Map(rows.map((r) => [r.entity.key, entityRecord(r)]));
}

/** The columns the Cypher entity projection returns, optionally prefixed. */
type EntityColumns<P extends string = ''> = { [K in `${P}entity`]: EntityRecord } & { [K in `${P}roles`]: EntityRecord['roles'] } & { [K in `${P}within`]: string[] };

function entityRecord(r: EntityColumns): EntityRecord {
  return { ...r.entity, aliases: r.entity.aliases ?? [], titles: r.entity.titles ?? [], roles: r.roles, within: r.within };
}

/** Events by id; missing ids are absent from the map. */
export async function eventsByIds(store: GraphStore, ids: readonly string[], options?: TxOptions): Promise<Map<string, EventRecord>> {
  if (!ids.length) return new Map();
  const rows = await store.query<{ event: EventRecord }>(EVENTS_BY_IDS, { ids: [...new Set(ids)] }, options);
  return new Map(rows.map((r) => [r.event.id, r.event]));
}

/** Participants (by key) and reports (by article id) of events; missing ids are absent from the map. */
export async function eventDetails(store: GraphStore, ids: readonly string[], options?: TxOptions): Promise<Map<string, EventDetails>> {
  if (!ids.length) return new Map();
  const rows = await store.query<{ id: string; participants: EventDetails['participants']; reports: EventDetails['reports'] }>(EVENT_DETAILS, { ids: [...new Set(ids)] }, options);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        participants: [...r.participants].sort((a, b) => a.key.localeCompare(b.key)),
        reports: [...r.reports].sort((a, b) => a.article.localeCompare(b.article)),
      },
    ]),
  );
}

/** Articles by id (without text); missing ids are absent from the map. */
export async function articlesByIds(store: GraphStore, ids: readonly string[], options?: TxOptions): Promise<Map<string, ArticleRecord>> {
  if (!ids.length) return new Map();
  const rows = await store.query<{ article: ArticleRecord }>(ARTICLES_BY_IDS, { ids: [...new Set(ids)] }, options);
  return new Map(rows.map((r) => [r.article.id, r.article]));
}

/** A resolved event filter: entity keys rather than names. */
export interface EventFilter {
  participants: string[];
  place: string | null;
  from: string | null;
  to: string | null;
  types: string[];
  statuses: string[] | null;
  minConfidence: number | null;
  article: string | null;
}

function filterParams(filter: EventFilter) {
  return {
    types: filter.types,
    statuses: filter.statuses,
    place: filter.place,
    article: filter.article,
    minConfidence: filter.minConfidence,
    from: filter.from,
    to: filter.to,
    participants: filter.participants,
    ...(anchorOf(filter) === 'participant' ? { anchor: filter.participants[0] } : anchorOf(filter) === 'place' ? { anchor: filter.place } : {}),
  };
}

/** Where an event read starts: at its first participant, else at its place, else at every event. */
function anchorOf(filter: EventFilter): 'participant' | 'place' | 'none' {
  return filter.participants.length ? 'participant' : filter.place ? 'place' : 'none';
}

/** The sort date of undated events (after every ISO date). */
export { UNDATED } from './cypher-reads';

/** A keyset position in (date, id) order; undated events sort last with date UNDATED ("~"). */
export interface EventCursor {
  date: string;
  id: string;
}

/**
 * Up to `limit` events in (date, id) order strictly between `after` and `before` (either may be
 * null); with `backward` the last `limit` of them, in reverse order (nearest `before` first).
 */
export async function eventsPage(
  store: GraphStore,
  filter: EventFilter,
  page: { limit: number; after: EventCursor | null; before: EventCursor | null; backward: boolean },
  options?: TxOptions,
): Promise<(EventCursor & { event: EventRecord })[]> {
  const statement = {
    participant: page.backward ? EVENTS_PAGE_ANCHORED_DESC : EVENTS_PAGE_ANCHORED_ASC,
    place: page.backward ? EVENTS_PAGE_PLACED_DESC : EVENTS_PAGE_PLACED_ASC,
    none: page.backward ? EVENTS_PAGE_DESC : EVENTS_PAGE_ASC,
  }[anchorOf(filter)];
  const rows = await store.query<{ id: string; sortDate: string; event: EventRecord }>(
    statement,
    {
      ...filterParams(filter),
      afterDate: page.after?.date ?? null,
      afterId: page.after?.id ?? null,
      beforeDate: page.before?.date ?? null,
      beforeId: page.before?.id ?? null,
      limit: page.limit,
    },
    options,
  );
  return rows.map((r) => ({ id: r.id, date: r.sortDate, event: r.event }));
}

/** How many events match a filter. */
export async function countEvents(store: GraphStore, filter: EventFilter, options?: TxOptions): Promise<number> {
  const statement = { participant: COUNT_EVENTS_ANCHORED, place: COUNT_EVENTS_PLACED, none: COUNT_EVENTS }[anchorOf(filter)];
  const [row] = await store.query<{ count: number }>(statement, filterParams(filter), options);
  return row?.count ?? 0;
}

/** Event counts per DAY, MONTH or YEAR bucket. */
export async function eventHistogram(store: GraphStore, filter: EventFilter, bucket: 'DAY' | 'MONTH' | 'YEAR', options?: TxOptions) {
  const width = { DAY: 10, MONTH: 7, YEAR: 4 }[bucket];
  const statement = { participant: EVENT_HISTOGRAM_ANCHORED, place: EVENT_HISTOGRAM_PLACED, none: EVENT_HISTOGRAM }[anchorOf(filter)];
  return store.query<{ bucket: string; count: number }>(statement, { ...filterParams(filter), width }, options);
}

/** One encounter row: an entity met a counterpart at an event (both records included, for loaders to keep). */
export type EncounterRow = {
  key: string;
  counterpart: string;
  event: string;
  role: string;
  counterpartRole: string;
  counterpartRecord: EntityRecord;
  eventRecord: EventRecord;
};

/** Encounters of each key, newest first; with one key the limit applies in the database. */
export async function encounters(
  store: GraphStore,
  keys: readonly string[],
  args: { types: string[]; statuses: string[] | null; from: string | null; to: string | null; first: number },
  options?: TxOptions,
): Promise<Map<string, EncounterRow[]>> {
  const rows = await store.query<Omit<EncounterRow, 'counterpartRecord'> & EntityColumns<'counterpart_'>>(
    ENCOUNTERS,
    { keys: [...keys], types: args.types, statuses: args.statuses, from: args.from, to: args.to, limit: keys.length === 1 ? args.first : 1_000_000 },
    options,
  );
  return groupBy(
    rows.map(({ counterpart_entity, counterpart_roles, counterpart_within, ...row }) => ({
      ...row,
      counterpartRecord: entityRecord({ entity: counterpart_entity, roles: counterpart_roles, within: counterpart_within }),
    })),
    keys,
    args.first,
  );
}

/** Event ids of each key in date order (undated last). */
export async function timelines(
  store: GraphStore,
  keys: readonly string[],
  args: { types: string[]; statuses: string[] | null; from: string | null; to: string | null; first: number },
  options?: TxOptions,
): Promise<Map<string, { key: string; id: string }[]>> {
  const rows = await store.query<{ key: string; id: string }>(
    TIMELINE,
    { keys: [...keys], types: args.types, statuses: args.statuses, from: args.from, to: args.to, limit: keys.length === 1 ? args.first : 1_000_000 },
    options,
  );
  return groupBy(rows, keys, args.first);
}

/** Whom an entity shares the most events with. */
export async function topCounterparts(store: GraphStore, key: string, args: { types: string[]; statuses: string[] | null; first: number }, options?: TxOptions) {
  return store.query<{ key: string; events: number; lastDate: string | null }>(
    TOP_COUNTERPARTS,
    { key, types: args.types, statuses: args.statuses, limit: args.first },
    options,
  );
}

/** Article ids mentioning each key between keyset cursors (article ids); with `backward` the last ones, in reverse order. */
export async function entityArticles(
  store: GraphStore,
  keys: readonly string[],
  args: { after: string | null; before: string | null; backward: boolean; first: number },
  options?: TxOptions,
): Promise<Map<string, { key: string; id: string; mentions: number }[]>> {
  const rows = await store.query<{ key: string; id: string; mentions: number }>(
    args.backward ? ENTITY_ARTICLES_DESC : ENTITY_ARTICLES,
    { keys: [...keys], after: args.after, before: args.before, limit: keys.length === 1 ? args.first : 1_000_000 },
    options,
  );
  return groupBy(rows, keys, args.first);
}

/** The mentions and events of each article. */
export async function articleFacts(store: GraphStore, ids: readonly string[], options?: TxOptions) {
  const rows = await store.query<{ id: string; mentions: { key: string; count: number; offsets: number[] }[]; events: string[] }>(
    ARTICLE_FACTS,
    { ids: [...ids] },
    options,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** One raw path: node keys (entities) or ids (events), and the links between them. */
export type RawPath = {
  nodes: { key: string | null; event: string | null }[];
  links: { type: string; role: string | null; title: string | null; from: string }[];
};

/** The shortest path between two entities through events and roles, within `hops` relationships. */
export async function shortestPath(store: GraphStore, from: string, to: string, hops: number, options?: TxOptions): Promise<RawPath | null> {
  const bound = Math.max(1, Math.min(MAX_PATH_HOPS, hops));
  const [row] = await store.query<RawPath>(SHORTEST_PATHS[bound - 1], { from, to }, options);
  return row ?? null;
}

function groupBy<T extends { key: string }>(rows: T[], keys: readonly string[], first: number): Map<string, T[]> {
  const out = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const r of rows) {
    const list = out.get(r.key);
    if (list && list.length < first) list.push(r);
  }
  return out;
}

/** Node and relationship counts of the whole graph. */
export async function graphCounts(store: GraphStore, options?: TxOptions): Promise<Record<string, number>> {
  const [row] = await store.query<Record<string, number>>(GRAPH_COUNTS, {}, options);
  return row ?? {};
}
