/**
 * The per-request context every resolver receives.
 */
import type { Config } from '../config';
import type { GraphStore } from '../graph/store';
import type { Loaders } from './loaders';
import type { SearchCache } from './search-cache';
import type { ExtractPool } from '../extract-pool/pool';

/** What resolvers can use for one request. */
export interface ApiContext {
  store: GraphStore;
  config: Config;
  /** Fires when the request times out or the client goes away. */
  signal: AbortSignal;
  /** Batched, per-request loaders (no N+1). */
  loaders: Loaders;
  /** Entity search, its answers shared across requests while the graph is unchanged. */
  search: SearchCache;
  /** Whether the client connected from this machine (loopback): keyless servers take writes only from it. */
  loopback: boolean;
  /** Extraction worker pool for the mutations (in-thread extraction when absent). */
  extractor?: ExtractPool;
}
