/**
 * Graph writes. Writing one article is one transaction: the article with all its facts is
 * either fully in the graph or absent. Re-writing an article (a new extractor version, or
 * `kg reindex`) first withdraws everything it supported, so nothing is duplicated, and
 * events and entities that only it supported disappear.
 */
import { createHash } from 'node:crypto';
import type { Doc } from '../extract/types';
import { EXTRACTOR_VERSION } from '../extract/pipeline';
import { isKgError, KgError } from '../errors';
import { knownNames } from '../extract/ner/gazetteer';
import {
  ARTICLE_FACT_KEYS,
  ARTICLE_STATE,
  CLEAR_EVENT_PLACES,
  CREATE_MENTIONS,
  CREATE_REPORTS,
  DELETE_ARTICLE,
  DELETE_ARTICLE_MENTIONS,
  DELETE_ARTICLE_REPORTS,
  DELETE_ORPHAN_ENTITIES,
  DELETE_ORPHAN_EVENTS,
  DELETE_ORPHAN_TOKENS,
  ENTITIES_BY_KEYS,
  ENTITY_EVENT_IDS,
  EVENT_CANDIDATES,
  EVENT_REPORTS,
  KEY_REDIRECTS,
  LINK_EVENT_PLACES,
  LINK_NAME_TOKENS,
  LINK_PLACE_CONTAINMENT,
  MERGE_ENTITY_STEPS,
  MERGE_PARTICIPATION,
  MERGE_ROLES,
  OPEN_ARTICLE_FOR_WRITE,
  PLACE_PARENTS,
  PARTIAL_PERSON_SURNAMES,
  PERSONS_BY_SURNAME,
  PUT_ARTICLE,
  RECOUNT_ALL_ARTICLE_COUNTS,
  REFRESH_ARTICLE_COUNTS,
  SET_EVENT_SUMMARIES,
  UPSERT_ORGANIZATIONS,
  UPSERT_PERSONS,
  UPSERT_PLACES,
  WITHDRAW_PARTICIPATION,
  WITHDRAW_ROLES,
} from './cypher';
import { personNameParts } from '../extract/entities/resolve';
import { articleRows, matchEvent, storedForm, nameTokens, referencedKeys, summariseEvent, type EventCandidate, type ReportSummary } from './facts';
import type { GraphStore, Step, Tx } from './store';

/** The outcome of writing one article. */
export interface WriteOutcome {
  id: string;
  /** True when the article was not stored before. */
  created: boolean;
  /** True when the same article was already stored by the current extractor: nothing was written. */
  alreadyKnown: boolean;
  /** True when an article with this id was stored with other text: this is a new version (facts withdrawn and rewritten). */
  corrected?: boolean;
}

/** Options of writeArticle. */
export interface WriteOptions {
  /** Rewrite the article's facts even when the current extractor already wrote them (reindex). */
  force?: boolean;
}

/** Writes one extracted document and all its facts in one transaction. */
export async function writeArticle(store: GraphStore, doc: Doc, options: WriteOptions = {}): Promise<WriteOutcome> {
  return store.write((tx) => writeArticleIn(tx, doc, options));
}

/**
 * Writes several extracted documents in one transaction, in order: all of them are in the graph
 * or none is. A commit waits for the disk (Neo4j syncs its log on every commit), so a batch pays
 * that wait once instead of once per article. Each document is written exactly as writeArticle
 * writes it, seeing the ones before it (the same id twice: the second is already known).
 */
export async function writeArticles(store: GraphStore, docs: Doc[], options: WriteOptions = {}): Promise<WriteOutcome[]> {
  return store.write(async (tx) => {
    const outcomes: WriteOutcome[] = [];
    for (const doc of docs) outcomes.push(await writeArticleIn(tx, doc, options));
    return outcomes;
  });
}

/** What writing one document of a batch came to: its outcome, or the error it failed with. */
export type BatchResult = { doc: Doc; outcome: WriteOutcome } | { doc: Doc; error: unknown };

/**
 * Writes documents in one transaction (writeArticles); when that fails, nothing of it was kept, and
 * each is written alone, so only the one at fault fails. A store that takes no writes (disk full)
 * fails the rest untried, with the same error. Never throws: one result per document, in order.
 */
export async function writeArticlesOrEach(store: GraphStore, docs: Doc[], options: WriteOptions = {}): Promise<BatchResult[]> {
  if (!docs.length) return [];
  try {
    const outcomes = await writeArticles(store, docs, options);
    return docs.map((doc, i) => ({ doc, outcome: outcomes[i] }));
  } catch (error) {
    if (docs.length === 1 || isKgError(error, 'STORE_UNAVAILABLE')) return docs.map((doc) => ({ doc, error }));
  }
  const results: BatchResult[] = [];
  let unavailable: unknown;
  for (const doc of docs) {
    if (unavailable) {
      results.push({ doc, error: unavailable });
      continue;
    }
    try {
      results.push({ doc, outcome: await writeArticle(store, doc, options) });
    } catch (error) {
      results.push({ doc, error });
      if (isKgError(error, 'STORE_UNAVAILABLE')) unavailable = error;
    }
  }
  return results;
}

/** Writes one document and its facts inside the given transaction. */
async function writeArticleIn(tx: Tx, doc: Doc, options: WriteOptions): Promise<WriteOutcome> {
  const [state] = await tx.run<{ created: boolean; extractorVersion: string | null; text: string | null }>(OPEN_ARTICLE_FOR_WRITE, { id: doc.id, now: new Date().toISOString() });
  const { text } = storedForm(doc);
  // The same id with other text is a correction: never dropped as "already known".
  const corrected = !state.created && state.text !== null && state.text !== text;
  if (!state.created && state.extractorVersion === EXTRACTOR_VERSION && !options.force && !corrected) return { id: doc.id, created: false, alreadyKnown: true };
  const withdrawn = state.created ? { events: [], entities: [] } : await withdrawArticleFacts(tx, doc.id);
  const putArticle: Step = [PUT_ARTICLE, {
    id: doc.id,
    props: {
      title: doc.title,
      text,
      url: doc.url ?? null,
      publishedAt: doc.publishedAt,
      publishedAtInferred: doc.publishedAtInferred,
      source: doc.sources[0] ?? null,
      sources: doc.sources,
      author: doc.author ?? null,
      siteName: doc.siteName ?? null,
      extractorVersion: EXTRACTOR_VERSION,
    },
    now: new Date().toISOString(),
  }];
  const events = await writeFacts(tx, doc, putArticle);
  await refreshEvents(tx, [...new Set([...events, ...withdrawn.events])]);
  await deleteOrphans(tx, withdrawn);
  return { id: doc.id, created: state.created, alreadyKnown: false, ...(corrected ? { corrected: true } : {}) };
}

/** Writes the article (`putArticle`) and its facts; returns the events it reports. */
async function writeFacts(tx: Tx, doc: Doc, putArticle: Step): Promise<string[]> {
  const keys = referencedKeys(doc);
  // A person named by a surname alone joins the one stored full-named person with that surname.
  const partialPersons = doc.entities.filter((e) => e.type === 'PERSON' && personNameParts(e.name).partial);
  const surnames = [...new Set(partialPersons.map((e) => personNameParts(e.name).surname))];
  // The two reads need nothing of each other: one round trip on a server.
  const [redirectRows, personRows] = await tx.runAll([
    [KEY_REDIRECTS, { keys }],
    [PERSONS_BY_SURNAME, { surnames }],
  ]);
  const redirects = new Map((redirectRows as { key: string; into: string }[]).map((r) => [r.key, r.into] as const));
  const curated = (key: string) => redirects.get(key) ?? key;
  const partials = partialPersons.map((e) => ({ key: curated(e.key), surname: personNameParts(e.name).surname }));
  const joined = new Map<string, string>();
  if (partials.length) {
    const referents = referentsBySurname(personRows as PersonRow[]);
    for (const p of partials) {
      const referent = referents.get(p.surname);
      if (referent) joined.set(p.key, referent);
    }
  }
  const rows = articleRows(doc, (key) => joined.get(curated(key)) ?? curated(key));
  const now = new Date().toISOString();
  const byType = (type: string) => rows.entities.filter((e) => e.type === type);
  // None of these needs another's rows: they go together (one round trip on a server), in order.
  const steps: Step[] = [putArticle];
  for (const [statement, type] of [
    [UPSERT_PERSONS, 'PERSON'],
    [UPSERT_ORGANIZATIONS, 'ORGANIZATION'],
    [UPSERT_PLACES, 'PLACE'],
  ] as const) {
    const entities = byType(type);
    if (entities.length) steps.push([statement, { rows: entities, now }]);
  }
  if (rows.containment.length) steps.push([LINK_PLACE_CONTAINMENT, { rows: rows.containment, now }]);
  if (rows.tokens.length) steps.push([LINK_NAME_TOKENS, { rows: rows.tokens }]);
  if (rows.mentions.length) steps.push([CREATE_MENTIONS, { id: doc.id, rows: rows.mentions, version: EXTRACTOR_VERSION }]);
  if (rows.roles.length) steps.push([MERGE_ROLES, { id: doc.id, rows: rows.roles }]);
  await tx.runAll(steps);
  // Surname-only people stored earlier join the full-named people this article brings.
  const resolved = (await joinPartialPersons(tx, rows.entities.filter((e) => e.partial === false).map((e) => e.surname!))).events;
  if (!rows.events.length) return resolved;

  const candidateRows = rows.events
    .filter((e) => e.participants.length)
    .map((e) => ({ local: e.local, family: e.family, keys: e.participants.map((p) => p.key), minShared: Math.min(2, e.participants.length) }));
  const candidates = candidateRows.length ? await tx.run<EventCandidate & Record<string, unknown>>(EVENT_CANDIDATES, { rows: candidateRows }) : [];
  const reports = rows.events.map((e) => {
    const id = matchEvent(e, candidates) ?? newEventId(e.family, e.date, e.participants.map((p) => p.key), e.placeKey, doc.id, e.local);
    return { event: id, draft: e };
  });
  const created: Step = [CREATE_REPORTS, {
    id: doc.id,
    now,
    version: EXTRACTOR_VERSION,
    rows: reports.map(({ event, draft }) => ({
      event,
      family: draft.family,
      type: draft.type,
      props: {
        local: draft.local,
        type: draft.type,
        status: draft.status,
        date: draft.date,
        datePrecision: draft.datePrecision,
        time: draft.time,
        placeKey: draft.placeKey,
        placeKeys: draft.placeKeys,
        confidence: draft.confidence,
        publishedAt: doc.publishedAt,
        trigger: draft.trigger,
        triggerText: draft.triggerText,
        evidence: draft.evidence,
        sentences: draft.sentences,
      },
    })),
  }];
  const participation = reports.flatMap(({ event, draft }) => draft.participants.map((p) => ({ key: p.key, event, role: p.role })));
  await tx.runAll(participation.length ? [created, [MERGE_PARTICIPATION, { id: doc.id, rows: participation }]] : [created]);
  return [...new Set([...reports.map((r) => r.event), ...resolved])];
}

type PersonRow = {
  surname: string;
  key: string;
  partial: boolean | null;
  articles: number;
};

/** How much more often the most-reported namesake must be reported than all the others together. */
const DOMINANCE = 5;
/** Fewest articles for a namesake to be the one a bare surname means when there are several. */
const DOMINANT_MIN_ARTICLES = 5;

/**
 * The full-named person a bare surname refers to: the only one with it, or, among several, the one
 * the news is about (reported at least DOMINANCE times as often as all the others together: "Blair"
 * in 2005 is Tony Blair, not Cherie Blair); otherwise none.
 */
function referentsBySurname(rows: PersonRow[]): Map<string, string> {
  const full = new Map<string, PersonRow[]>();
  for (const r of rows) if (r.partial === false) full.set(r.surname, [...(full.get(r.surname) ?? []), r]);
  const out = new Map<string, string>();
  for (const [surname, people] of full) {
    const [top, ...others] = [...people].sort((a, b) => b.articles - a.articles || a.key.localeCompare(b.key));
    const rest = others.reduce((n, p) => n + p.articles, 0);
    if (!others.length || (top.articles >= DOMINANT_MIN_ARTICLES && top.articles >= DOMINANCE * rest)) out.set(surname, top.key);
  }
  return out;
}

// A redirect is curation's promise about later articles; an automatic resolution makes none
// (a second full-named person with the surname makes later surname-only mentions ambiguous).
const MOVE_ENTITY_STEPS = MERGE_ENTITY_STEPS.filter((s) => !s.name.startsWith('merge_entity_redirect'));

/**
 * Stored surname-only people ("Blair") join the full-named person with that surname ("Tony Blair")
 * when it is the only one or the one the news is about; otherwise they stay apart until that changes. Returns
 * the events whose participants moved (to re-summarise) and how many people were joined.
 */
async function joinPartialPersons(tx: Tx, surnames: string[]): Promise<{ events: string[]; joined: number }> {
  if (!surnames.length) return { events: [], joined: 0 };
  const rows = await tx.run<PersonRow>(PERSONS_BY_SURNAME, { surnames: [...new Set(surnames)] });
  const referents = referentsBySurname(rows);
  const events: string[] = [];
  const kept = new Set<string>();
  for (const stub of rows.filter((r) => r.partial === true)) {
    const referent = referents.get(stub.surname);
    if (!referent) continue;
    const [touched] = await tx.run<{ ids: string[] }>(ENTITY_EVENT_IDS, { key: stub.key });
    for (const step of MOVE_ENTITY_STEPS) await tx.run(step, { keepKey: referent, mergeKey: stub.key });
    events.push(...(touched?.ids ?? []));
    kept.add(referent);
  }
  if (kept.size) await tx.run(REFRESH_ARTICLE_COUNTS, { keys: [...kept] });
  return { events, joined: kept.size };
}

/**
 * Joins every stored surname-only person to the full-named person that surname refers to, where
 * there is one (after a rebuild, so that the graph does not depend on the order articles
 * were written in). Returns how many were joined.
 */
export async function resolvePartialPersons(store: GraphStore): Promise<number> {
  const surnames = (await store.read((tx) => tx.run<{ surname: string }>(PARTIAL_PERSON_SURNAMES, {}))).map((r) => r.surname);
  let joined = 0;
  for (const surname of surnames) {
    joined += await store.write(async (tx) => {
      const { events, joined } = await joinPartialPersons(tx, [surname]);
      await refreshEvents(tx, [...new Set(events)]);
      return joined;
    });
  }
  return joined;
}

/**
 * A new event's id: deterministic in what identifies it (family, date, participants, place),
 * so two articles written concurrently about the same dated meeting MERGE into one node.
 * Undated events also hash their article and position: undated reports are not merged.
 */
function newEventId(family: string, date: string | null, keys: string[], placeKey: string | null, articleId: string, local: string): string {
  const identity = date ? [family, date, ...[...keys].sort(), placeKey ?? ''] : [family, articleId, local];
  return createHash('sha256').update(identity.join('|')).digest('hex').slice(0, 20);
}

/** Recomputes the summaries (status, date, place, confidence, participants) of events from their reports. */
async function refreshEvents(tx: Tx, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const rows = await tx.run<{ id: string; reports: ReportSummary[]; participantKeys: string[] }>(EVENT_REPORTS, { ids });
  const all = rows.map((r) => ({ id: r.id, props: summariseEvent(r.reports, r.participantKeys) }));
  const summaries = all.filter((r) => r.props);
  const orphans = all.filter((r) => !r.props).map((r) => r.id);
  if (orphans.length) await tx.run(DELETE_ORPHAN_EVENTS, { ids: orphans });
  if (!summaries.length) return;
  const placed = summaries.filter((s) => s.props!.placeKey).map((s) => ({ id: s.id, placeKey: s.props!.placeKey }));
  await tx.runAll([
    [SET_EVENT_SUMMARIES, { rows: summaries }],
    [CLEAR_EVENT_PLACES, { ids: summaries.map((s) => s.id) }],
    ...(placed.length ? [[LINK_EVENT_PLACES, { rows: placed }] as const] : []),
  ]);
}

interface Withdrawn {
  events: string[];
  entities: string[];
}

/** Removes an article's mentions, reports, participation and role support; returns what they touched. */
async function withdrawArticleFacts(tx: Tx, id: string): Promise<Withdrawn> {
  const [keys] = await tx.run<{ events: string[]; entities: string[] }>(ARTICLE_FACT_KEYS, { id });
  const events = [...new Set(keys?.events ?? [])];
  const entities = [...new Set(keys?.entities ?? [])];
  await tx.runAll([
    [DELETE_ARTICLE_MENTIONS, { id }],
    [DELETE_ARTICLE_REPORTS, { id }],
    ...(events.length ? [[WITHDRAW_PARTICIPATION, { events, id }] as const] : []),
    ...(entities.length ? [[WITHDRAW_ROLES, { keys: entities, id }] as const] : []),
  ]);
  return { events, entities };
}

/** Deletes entities and name tokens that nothing supports any more, walking up place containment. */
async function deleteOrphans(tx: Tx, withdrawn: Withdrawn): Promise<void> {
  let keys = withdrawn.entities;
  const visited = new Set<string>();
  const names: string[] = [];
  for (let depth = 0; keys.length && depth < 8; depth++) {
    for (const k of keys) visited.add(k);
    // Names and parents are read before the deletion, in one round trip with it.
    const [records, parentRows] = await tx.runAll([
      [ENTITIES_BY_KEYS, { keys }],
      [PLACE_PARENTS, { keys }],
      [DELETE_ORPHAN_ENTITIES, { keys }],
    ]);
    for (const r of records as { entity: { name: string; aliases: string[] | null } }[]) names.push(r.entity.name, ...(r.entity.aliases ?? []));
    keys = (parentRows as { key: string }[]).map((r) => r.key);
  }
  const tokens = [...new Set([...names, ...[...visited].flatMap(knownNames)].flatMap(nameTokens))];
  if (tokens.length) await tx.run(DELETE_ORPHAN_TOKENS, { tokens });
}

/** Deletes an article and every fact only it supported; shared entities and events keep their other evidence. */
export async function deleteArticle(store: GraphStore, id: string): Promise<boolean> {
  return store.write(async (tx) => {
    const [state] = await tx.run(ARTICLE_STATE, { id });
    if (!state) return false;
    const withdrawn = await withdrawArticleFacts(tx, id);
    await tx.run(DELETE_ARTICLE, { id });
    await refreshEvents(tx, withdrawn.events);
    await deleteOrphans(tx, withdrawn);
    return true;
  });
}

/** Recounts every entity's article count (after a rebuild). */
export async function recountArticleCounts(store: GraphStore): Promise<void> {
  await store.write((tx) => tx.run(RECOUNT_ALL_ARTICLE_COUNTS, {}));
}

/**
 * Merges entity `merge` into `keep` (curation): every relationship moves, names become
 * aliases, and later articles naming `merge` resolve to `keep`. The events it took part in
 * or took place at are re-summarised afterwards (participants, place).
 */
export async function mergeEntities(store: GraphStore, keep: string, merge: string): Promise<void> {
  if (keep === merge) throw new KgError('BAD_USER_INPUT', 'An entity cannot be merged into itself.');
  await store.write(async (tx) => {
    const found = await tx.run<{ entity: { key: string; type: string } }>(ENTITIES_BY_KEYS, { keys: [keep, merge] });
    const kept = found.find((r) => r.entity.key === keep)?.entity;
    const merged = found.find((r) => r.entity.key === merge)?.entity;
    if (!kept || !merged) throw new KgError('NOT_FOUND', `No entity ${!kept ? keep : merge}.`);
    if (kept.type !== merged.type) throw new KgError('BAD_USER_INPUT', `Cannot merge a ${merged.type} into a ${kept.type}.`);
    const [touched] = await tx.run<{ ids: string[] }>(ENTITY_EVENT_IDS, { key: merge });
    for (const step of MERGE_ENTITY_STEPS) await tx.run(step, { keepKey: keep, mergeKey: merge });
    await refreshEvents(tx, [...new Set(touched?.ids ?? [])]);
    await tx.run(REFRESH_ARTICLE_COUNTS, { keys: [keep] });
  });
}
