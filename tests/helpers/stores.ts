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
}

/** The engines the contract suite runs against in this environment. */
export function engines(): EngineFactory[] {
  const list: EngineFactory[] = [
    { name: 'embedded', open: () => openStore({ store: 'embedded', dataDir: tempDir() }) },
  ];
  if (process.env.NEO4J_URI) {
    const config = loadConfig({ ...process.env, KG_STORE: 'neo4j' });
    list.push({
      name: 'neo4j',
      open: async () => {
        const store = await openStore(config);
        // The contract suite owns this database: start from empty.
        await store.write((tx) => tx.run({ name: 'wipe', text: 'MATCH (n) DETACH DELETE n', params: [] }));
        return store;
      },
    });
  } else {
    // eslint-disable-next-line no-console
    console.log('store contract: Neo4j skipped (set NEO4J_URI to run the suite against Neo4j too)');
  }
  return list;
}
