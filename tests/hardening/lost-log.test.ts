/**
 * Issue 20 point 10: a store whose write-ahead log is missing or shorter than its own record of
 * committed writes refuses to open with a clear message (it used to open as 0 or 9 of 20
 * articles without a word). A real store is written by a child that is then SIGKILLed (no
 * checkpoint, no close), and its files are deleted or truncated on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openStore } from '../../src/graph/open';
import { tempDir } from '../helpers/stores';

const ROOT = path.join(__dirname, '..', '..');
const ARTICLES = 20;

/** A store of ARTICLES articles living in its log alone: written, then killed before any checkpoint. */
function killedStore(): string {
  const dir = tempDir();
  const script = path.join(tempDir(), 'write-and-die.ts');
  fs.writeFileSync(
    script,
    `import { openStore } from ${JSON.stringify(path.join(ROOT, 'src', 'graph', 'open'))};
import { ingestInputs } from ${JSON.stringify(path.join(ROOT, 'src', 'graph', 'ingest'))};
import { syntheticArticle } from ${JSON.stringify(path.join(ROOT, 'tests', 'helpers', 'corpus'))};
(async () => {
  const store = await openStore({ store: 'embedded', dataDir: ${JSON.stringify(dir)}, checkpoint: {} });
  const inputs = Array.from({ length: ${ARTICLES} }, (_, i) => ({ name: 'a' + i, text: syntheticArticle(i).text, meta: { title: syntheticArticle(i).title + ' ' + i }, single: true }));
  const report = await ingestInputs(store, inputs, []);
  console.log(report.articles.length);
  process.kill(process.pid, 'SIGKILL');
})();
`,
  );
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(run.stdout.trim()).toBe(String(ARTICLES));
  return dir;
}

const walFiles = (dir: string) => fs.readdirSync(path.join(dir, 'graph.grafeo.wal')).map((f) => path.join(dir, 'graph.grafeo.wal', f));

async function articleCount(dir: string): Promise<number> {
  const store = await openStore({ store: 'embedded', dataDir: dir });
  try {
    const rows = await store.query<{ n: number }>({ name: 'count', text: 'MATCH (a:Article) RETURN count(a) AS n', params: [] });
    return rows[0].n;
  } finally {
    await store.close();
  }
}

let original: string;
beforeAll(() => {
  original = killedStore();
}, 180_000);

function copy(): string {
  const dir = tempDir();
  fs.cpSync(original, dir, { recursive: true });
  return dir;
}

test('the whole log replays: every article is there and the store opens', async () => {
  expect(await articleCount(copy())).toBe(ARTICLES);
});

test.each([
  ['deleted', (dir: string) => fs.rmSync(path.join(dir, 'graph.grafeo.wal'), { recursive: true })],
  ['emptied', (dir: string) => walFiles(dir).forEach((f) => fs.truncateSync(f, 0))],
  ['cut in half', (dir: string) => walFiles(dir).forEach((f) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2)))],
])('a log %s refuses to open, saying how many committed writes are missing and what to do', async (_what, damage) => {
  const dir = copy();
  damage(dir);
  await expect(openStore({ store: 'embedded', dataDir: dir })).rejects.toMatchObject({
    code: 'STORE_UNAVAILABLE',
    message: expect.stringMatching(/holds \d+ of the \d+ committed writes recorded in .*graph\.grafeo\.commits: its write-ahead log .* is missing or truncated.*Restore the directory from a backup; or, to accept the loss and open what is left, delete/),
  });
  // The operator accepts the loss: what is left opens, and the record starts again from it.
  fs.rmSync(path.join(dir, 'graph.grafeo.commits'));
  expect(await articleCount(dir)).toBeLessThan(ARTICLES);
  expect(await articleCount(dir)).toBeLessThan(ARTICLES);
});
