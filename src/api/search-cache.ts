/**
 * Search answers kept across requests while the graph is unchanged. Every `encounters(name:)`,
 * `path(from:, to:)` and name filter starts by resolving a name, and that search was a third of
 * such a request; an unchanged graph gives the same answer, so it is asked once. Only while the
 * store can tell that nothing changed: on Neo4j, a write by another client is seen with this
 * server's next statement, so at most the requests running until then resolve names as before it.
 */
import { searchEntities, type SearchHit } from '../graph/queries';
import type { GraphStore, TxOptions } from '../graph/store';

/** Answers kept at most; the oldest go first. */
const LIMIT = 10_000;

/** A search that remembers its answers until the store's next change. */
export interface SearchCache {
  search(text: string, types: string[] | null, first: number, options?: TxOptions): Promise<SearchHit[]>;
}

/** Creates the cache of one server over one store. */
export function createSearchCache(store: GraphStore): SearchCache {
  const answers = new Map<string, SearchHit[]>();
  let keptAt: number | null = null;
  return {
    async search(text, types, first, options) {
      const before = store.changeCount();
      if (before === null) return searchEntities(store, text, types, first, options);
      if (before !== keptAt) {
        answers.clear();
        keptAt = before;
      }
      const id = JSON.stringify([text, types, first]);
      const kept = answers.get(id);
      if (kept) return kept;
      const hits = await searchEntities(store, text, types, first, options);
      // Kept only if no write committed meanwhile (the answer may predate it).
      if (store.changeCount() === keptAt) {
        if (answers.size >= LIMIT) answers.delete(answers.keys().next().value!);
        answers.set(id, hits);
      }
      return hits;
    },
  };
}
