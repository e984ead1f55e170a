/**
 * Persistence: what was ingested survives a restart, and ingesting again does not duplicate.
 */
import { loadConfig } from '../../src/config';
import { openStore } from '../../src/graph/open';
import { ingestInputs } from '../../src/graph/ingest';
import { countArticles } from '../../src/graph/articles';
import { readInputs } from '../../src/cli/read-inputs';
import { SEEDS_DIR } from '../helpers/server';
import { engineEnv, engineNames, wipe } from '../helpers/stores';

test.each(engineNames())('the %s store keeps articles across restarts without duplicates', async (engine) => {
  const config = loadConfig(engineEnv(engine));
  let store = await openStore(config);
  await wipe(store);
  const first = await ingestInputs(store, readInputs([SEEDS_DIR]).inputs);
  const count = await countArticles(store);
  expect(count).toBe(first.articles.length);
  await store.close();

  store = await openStore(config);
  expect(await countArticles(store)).toBe(count);
  const again = await ingestInputs(store, readInputs([SEEDS_DIR]).inputs);
  expect(again.articles.every((a) => !a.created)).toBe(true);
  expect(await countArticles(store)).toBe(count);
  await store.close();
});
