/**
 * Crash safety: `kg ingest` is killed with SIGKILL mid-way (the embedded engine), or the Neo4j
 * server under it is (the launcher, SIGKILL, then restarted on the same data directory); the
 * store reopens with every article complete (all its facts) or absent, and re-running the
 * ingest completes the rest without duplicates: the same graph as one clean ingest.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readInputs } from '../../src/cli/read-inputs';
import { loadConfig } from '../../src/config';
import { extract } from '../../src/extract/pipeline';
import { ingestInputs } from '../../src/graph/ingest';
import { openStore } from '../../src/graph/open';
import { articleFacts, graphCounts } from '../../src/graph/queries';
import { articlesPage } from '../../src/graph/articles';
import type { GraphStore } from '../../src/graph/store';
import { pipelineComponents } from '../../src/models';
import { syntheticArticle } from '../helpers/corpus';
import { describeOnNeo4j, tempDir } from '../helpers/stores';

/** The test Neo4j launcher (scripts/neo4j.js), typed for what this test uses. */
interface Neo4jServer {
  uri: string;
  kill(): Promise<unknown>;
  stop(): Promise<unknown>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startNeo4j } = require('../../scripts/neo4j') as { startNeo4j(options: { dataDir?: string; quiet?: boolean }): Promise<Neo4jServer> };

const ROOT = path.join(__dirname, '..', '..');
const ARTICLES = 120;

function writeCorpus(dir: string) {
  for (let i = 0; i < ARTICLES; i++) {
    const a = syntheticArticle(i);
    fs.writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}.txt`), `${a.title}\n\n${a.text}\n`);
  }
}

/**
 * Runs `kg ingest` with `env` and, once `killAfter` articles are reported stored, runs `crash`
 * (default: SIGKILL the ingest itself), then SIGKILLs the ingest if it still runs.
 */
function ingestAndKill(corpus: string, env: Record<string, string>, killAfter: number, crash?: () => Promise<unknown>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, 'src', 'cli', 'kg.ts'), 'ingest', corpus], {
      cwd: ROOT,
      // One extraction worker: each compiles the sources through SWC when run from src, slow on a loaded host.
      env: { ...process.env, ...env, KG_LOG_LEVEL: 'debug', KG_EXTRACT_WORKERS: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let crashed = false;
    let stored = 0;
    let buffer = '';
    child.stderr.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (/ stored [0-9a-f]+ /.test(line)) stored++;
      if (stored >= killAfter && !crashed) {
        crashed = true;
        const kill = () => child.exitCode === null && !child.killed && child.kill('SIGKILL');
        if (crash) crash().then(kill, kill);
        else kill();
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve(stored));
  });
}

/** Articles and the facts extraction gives each: what a whole article holds. */
function expectedFacts(corpus: string) {
  const expected = new Map<string, { mentions: number; reports: number }>();
  for (const input of readInputs([corpus]).inputs) {
    for (const doc of extract(input, pipelineComponents()).docs) {
      expected.set(doc.id, { mentions: new Set(doc.entities.filter((e) => e.mentions.length || e.references?.length).map((e) => e.key)).size, reports: doc.events.length });
    }
  }
  expect(expected.size).toBe(ARTICLES);
  return expected;
}

/** Every stored article is whole; re-ingesting completes the rest and gives the graph of one clean ingest. */
async function expectWholeThenResume(store: GraphStore, corpus: string) {
  const expected = expectedFacts(corpus);
  const stored = await articlesPage(store, 1000, null);
  expect(stored.length).toBeGreaterThanOrEqual(15);
  expect(stored.length).toBeLessThan(ARTICLES);
  const facts = await articleFacts(store, stored.map((a) => a.id));
  for (const article of stored) {
    const f = facts.get(article.id)!;
    expect({ id: article.id, mentions: f.mentions.length, reports: f.events.length }).toEqual({ id: article.id, ...expected.get(article.id) });
  }
  const report = await ingestInputs(store, readInputs([corpus]).inputs);
  expect(report.errors).toEqual([]);
  expect(report.articles.filter((a) => a.alreadyKnown)).toHaveLength(stored.length);
  const resumed = await graphCounts(store);

  const clean = await openStore({ store: 'embedded', dataDir: tempDir() });
  try {
    await ingestInputs(clean, readInputs([corpus]).inputs);
    expect(resumed).toEqual(await graphCounts(clean));
  } finally {
    await clean.close();
  }
}

test('a SIGKILLed ingest leaves whole articles only, and a rerun completes it without duplicates', async () => {
  const corpus = tempDir('kg-corpus-');
  writeCorpus(corpus);
  const dataDir = tempDir();
  const reported = await ingestAndKill(corpus, { KG_DATA_DIR: dataDir }, 15);
  expect(reported).toBeGreaterThanOrEqual(15);
  const store = await openStore({ store: 'embedded', dataDir });
  try {
    await expectWholeThenResume(store, corpus);
  } finally {
    await store.close();
  }
}, 300_000); // ingest extracts in a worker and parses: slow on a loaded host

describeOnNeo4j('crash safety', () => {
  test('Neo4j SIGKILLed mid-ingest and restarted on its directory holds whole articles only, and a rerun completes it', async () => {
    const corpus = tempDir('kg-corpus-');
    writeCorpus(corpus);
    // Its own server: this test kills it, and the suites' server must live on.
    const dataDir = tempDir('kg-neo4j-crash-');
    const first = await startNeo4j({ dataDir, quiet: true });
    let restarted: Neo4jServer | undefined;
    let store: GraphStore | undefined;
    try {
      const env = { KG_STORE: 'neo4j', NEO4J_URI: first.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '' };
      const reported = await ingestAndKill(corpus, env, 15, () => first.kill());
      expect(reported).toBeGreaterThanOrEqual(15);
      restarted = await startNeo4j({ dataDir, quiet: true });
      store = await openStore(loadConfig({ ...env, NEO4J_URI: restarted.uri }));
      await expectWholeThenResume(store, corpus);
    } finally {
      await store?.close();
      await first.kill();
      await restarted?.stop();
    }
  }, 600_000);
});
