/**
 * Picks and opens the configured engine, and sets up its schema.
 */
import type { Config } from '../config';
import type { GraphStore } from './store';
import { openEmbeddedStore } from './engines/embedded';

/** Opens the store the configuration names and bootstraps its schema. */
export async function openStore(config: Pick<Config, 'store' | 'dataDir' | 'neo4j'> & Partial<Pick<Config, 'checkpoint'>>): Promise<GraphStore> {
  let store: GraphStore;
  if (config.store === 'neo4j') {
    // Loaded lazily so the embedded default never pays for the driver.
    const { openNeo4jStore } = await import('./engines/neo4j');
    store = await openNeo4jStore(config.neo4j!);
  } else {
    store = openEmbeddedStore(config.dataDir, config.checkpoint);
  }
  await store.bootstrap();
  return store;
}
