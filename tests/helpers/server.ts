/**
 * Starts the real HTTP server in-process on a free port over a fresh store: the embedded engine
 * by default, or the test Neo4j (emptied first) when asked.
 */
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config';
import { openStore } from '../../src/graph/open';
import { ingestInputs } from '../../src/graph/ingest';
import { readInputs } from '../../src/cli/read-inputs';
import { startServer } from '../../src/api/server';
import { createLogger } from '../../src/logger';
import type { GraphStore } from '../../src/graph/store';
import { engineEnv, wipe, type EngineFactory } from './stores';

/** The repository's seeds directory. */
export const SEEDS_DIR = path.join(__dirname, '..', '..', 'seeds');

/** A running test server. */
export interface TestServer {
  url: string;
  store: GraphStore;
  config: Config;
  /** POSTs a GraphQL request and returns status and parsed body. */
  gql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** Starts a server with the given environment overrides, optionally ingesting paths first. */
export async function startTestServer(
  options: { env?: Record<string, string>; ingest?: string[]; engine?: EngineFactory['name'] } = {},
): Promise<TestServer> {
  const config = loadConfig({ ...engineEnv(options.engine ?? 'embedded'), PORT: '0', HOST: '127.0.0.1', KG_LOG_LEVEL: 'silent', ...options.env });
  const store = await openStore(config);
  await wipe(store);
  if (options.ingest) await ingestInputs(store, readInputs(options.ingest).inputs);
  const server = await startServer({ store, config, logger: createLogger('silent') });
  return {
    url: server.url,
    store,
    config,
    async gql(query, variables, headers) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // leave non-JSON bodies as text
      }
      return { status: response.status, body };
    },
    async close() {
      await server.close();
      await store.close();
    },
  };
}
