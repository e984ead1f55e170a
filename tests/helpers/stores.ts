/**
 * Store factories for the contract suite: the embedded engine always, Neo4j when NEO4J_URI is set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { openStore } from '../../src/graph/open';
import type { GraphStore } from '../../src/graph/store';

/** A fresh, empty temporary directory. */
export function tempDir(prefix = 'kg-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** An engine under test: how to open a fresh store and how to wipe it. */
export interface EngineFactory {
  name: 'embedded' | 'neo4j';
  open(): Promise<GraphStore>;
  /** Neo4j only: another client of the same database, not wiped (as another service would be). */
  connect(): Promise<GraphStore>;
}

/** The environment that points the service at an engine: a fresh data directory, or the test Neo4j. */
export function engineEnv(name: EngineFactory['name']): Record<string, string> {
  if (name === 'embedded') return { KG_STORE: 'embedded', KG_DATA_DIR: tempDir() };
  return {
    KG_STORE: 'neo4j',
    KG_DATA_DIR: tempDir(),
    NEO4J_URI: process.env.NEO4J_URI ?? '',
    NEO4J_USER: process.env.NEO4J_USER ?? 'neo4j',
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
    ...(process.env.NEO4J_DATABASE ? { NEO4J_DATABASE: process.env.NEO4J_DATABASE } : {}),
  };
}

const WIPE = { name: 'test_wipe', text: 'MATCH (n) DETACH DELETE n', params: [] };

/**
 * Empties a Neo4j store the tests own (NEO4J_URI names a database for tests only; jest then runs
 * one file at a time, see scripts/test-neo4j.js). The embedded engine starts empty in a fresh directory.
 */
export async function wipe(store: GraphStore): Promise<void> {
  if (store.engine === 'neo4j') await store.write((tx) => tx.run(WIPE));
}

/** The names of the engines the suites run against here: Neo4j too when NEO4J_URI is set. */
export function engineNames(): EngineFactory['name'][] {
  return process.env.NEO4J_URI ? ['embedded', 'neo4j'] : ['embedded'];
}

/** Declares a suite that only Neo4j has (a server to kill, a server's planner), named "... on neo4j"; absent without NEO4J_URI. */
export function describeOnNeo4j(name: string, suite: () => void): void {
  if (engineNames().includes('neo4j')) describe(`${name} on neo4j`, suite);
}

/** The engines the contract suites run against in this environment. */
export function engines(): EngineFactory[] {
  const list: EngineFactory[] = [
    {
      name: 'embedded',
      open: () => openStore({ store: 'embedded', dataDir: tempDir() }),
      connect: () => Promise.reject(new Error('the embedded store is locked to one process')),
    },
  ];
  if (process.env.NEO4J_URI) {
    list.push({
      name: 'neo4j',
      open: async () => {
        const store = await openStore(loadConfig(engineEnv('neo4j')));
        await wipe(store);
        return store;
      },
      connect: () => openStore(loadConfig(engineEnv('neo4j'))),
    });
  } else {
    // eslint-disable-next-line no-console
    console.log('store contract: Neo4j skipped (set NEO4J_URI to run the suite against Neo4j too)');
  }
  return list;
}
