/**
 * Per-request DataLoaders: every entity, event and article a request touches is loaded in
 * one batched statement per kind and tick, so nested queries cost a bounded number of
 * database round trips (no N+1).
 */
import DataLoader from 'dataloader';
import type { ArticleRecord } from '../graph/articles';
import type { GraphStore } from '../graph/store';
import {
  articleFacts,
  articlesByIds,
  encounters,
  entitiesByKeys,
  entityArticles,
  eventDetails,
  eventsByIds,
  type EncounterRow,
  type EntityRecord,
  type EventDetails,
  type EventRecord,
} from '../graph/queries';

type ArticleFacts = Awaited<ReturnType<typeof articleFacts>> extends Map<string, infer T> ? T : never;

/** A request for a per-key list with shared arguments (batched per distinct arguments). */
interface Keyed<A> {
  key: string;
  args: A;
}

/** Batches per-key list queries: one statement per distinct argument set, all keys at once. */
function keyedLoader<A, T>(load: (keys: string[], args: A) => Promise<Map<string, T[]>>) {
  return new DataLoader<Keyed<A>, T[], string>(
    async (requests) => {
      const groups = new Map<string, { args: A; keys: string[] }>();
      for (const r of requests) {
        const id = JSON.stringify(r.args);
        const g = groups.get(id) ?? { args: r.args, keys: [] };
        if (!g.keys.includes(r.key)) g.keys.push(r.key);
        groups.set(id, g);
      }
      const results = new Map<string, Map<string, T[]>>();
      await Promise.all([...groups].map(async ([id, g]) => results.set(id, await load(g.keys, g.args))));
      return requests.map((r) => results.get(JSON.stringify(r.args))?.get(r.key) ?? []);
    },
    { cacheKeyFn: (r) => `${r.key}|${JSON.stringify(r.args)}` },
  );
}

/** Arguments of per-entity encounter lists. */
export interface EncounterArgs {
  types: string[];
  statuses: string[] | null;
  from: string | null;
  to: string | null;
  first: number;
}

/** Arguments of per-entity article pages: keyset bounds, direction and rows to read. */
export interface EntityArticleArgs {
  after: string | null;
  before: string | null;
  backward: boolean;
  first: number;
}

/** The loaders of one request. */
export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  event: DataLoader<string, EventRecord | null>;
  /** Participants and evidence: a loader of their own, read only when a query selects them. */
  eventDetails: DataLoader<string, EventDetails | null>;
  article: DataLoader<string, ArticleRecord | null>;
  articleFacts: DataLoader<string, ArticleFacts | null>;
  encounters: DataLoader<Keyed<EncounterArgs>, EncounterRow[], string>;
  entityArticles: DataLoader<Keyed<EntityArticleArgs>, { key: string; id: string; mentions: number }[], string>;
}

/** Creates the loaders for one request; `signal` cancels their statements on timeout. */
export function createLoaders(store: GraphStore, signal?: AbortSignal): Loaders {
  const options = { signal };
  const byKey = <T>(load: (keys: readonly string[]) => Promise<Map<string, T>>) =>
    new DataLoader<string, T | null>(async (keys) => {
      const found = await load(keys);
      return keys.map((k) => found.get(k) ?? null);
    });
  const loaders: Loaders = {
    entity: byKey((keys) => entitiesByKeys(store, keys, options)),
    event: byKey((ids) => eventsByIds(store, ids, options)),
    eventDetails: byKey((ids) => eventDetails(store, ids, options)),
    article: byKey((ids) => articlesByIds(store, ids, options)),
    articleFacts: byKey((ids) => articleFacts(store, ids, options)),
    // The counterparts and events of encounters come with them: kept, so resolving them costs no statement.
    encounters: keyedLoader(async (keys, args: EncounterArgs) => {
      const found = await encounters(store, keys, args, options);
      for (const rows of found.values()) {
        for (const r of rows) {
          loaders.entity.prime(r.counterpart, r.counterpartRecord);
          loaders.event.prime(r.event, r.eventRecord);
        }
      }
      return found;
    }),
    entityArticles: keyedLoader((keys, args: EntityArticleArgs) => entityArticles(store, keys, args, options)),
  };
  return loaders;
}
