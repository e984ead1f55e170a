/**
 * Crash safety of the embedded engine: `kg ingest` is killed with SIGKILL mid-way; the
 * store reopens cleanly with every article complete (all its facts) or absent, and
 * re-running the ingest completes the rest without duplicates.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readInputs } from '../../src/cli/read-inputs';
import { extract } from '../../src/extract/pipeline';
import { ingestInputs } from '../../src/graph/ingest';
import { openStore } from '../../src/graph/open';
import { articleFacts, graphCounts } from '../../src/graph/queries';
import { articlesPage } from '../../src/graph/articles';
import { pipelineComponents } from '../../src/models';
import { syntheticArticle } from '../helpers/corpus';
import { tempDir } from '../helpers/stores';

const ROOT = path.join(__dirname, '..', '..');
const ARTICLES = 120;

function writeCorpus(dir: string) {
  for (let i = 0; i < ARTICLES; i++) {
    const a = syntheticArticle(i);
    fs.writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}.txt`), `${a.title}\n\n${a.text}\n`);
  }
}

/** Runs `kg ingest` and SIGKILLs it once `killAfter` articles are reported stored. */
function ingestAndKill(corpus: string, dataDir: string, killAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, 'src', 'cli', 'kg.ts'), 'ingest', corpus], {
      cwd: ROOT,
      // One extraction worker: each compiles the sources through SWC when run from src, slow on a loaded host.
      env: { ...process.env, KG_DATA_DIR: dataDir, KG_LOG_LEVEL: 'debug', KG_EXTRACT_WORKERS: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stored = 0;
    let buffer = '';
    child.stderr.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (/ stored [0-9a-f]+ /.test(line)) stored++;
      if (stored >= killAfter && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', () => resolve(stored));
  });
}

test('a SIGKILLed ingest leaves whole articles only, and a rerun completes it without duplicates', async () => {
  const corpus = tempDir('kg-corpus-');
  writeCorpus(corpus);
  const dataDir = tempDir();
  const reported = await ingestAndKill(corpus, dataDir, 15);
  expect(reported).toBeGreaterThanOrEqual(15);

  const expected = new Map<string, { mentions: number; reports: number }>();
  for (const input of readInputs([corpus]).inputs) {
    for (const doc of extract(input, pipelineComponents()).docs) {
      expected.set(doc.id, { mentions: new Set(doc.entities.filter((e) => e.mentions.length || e.references?.length).map((e) => e.key)).size, reports: doc.events.length });
    }
  }
  expect(expected.size).toBe(ARTICLES);

  const store = await openStore({ store: 'embedded', dataDir });
  try {
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
  } finally {
    await store.close();
  }
}, 120_000);
