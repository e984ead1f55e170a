/**
 * Issue 20 point 8: faults reported as what they are. A truncated store file says it is damaged
 * (not "in use by another process"); a write the disk refuses is STORE_UNAVAILABLE and stops a
 * `kg ingest` at the first failure with a one-line summary and no stack trace; automatic persisted
 * query errors carry the protocol's codes.
 *
 * The disk is filled honestly: the child runs under a file-size limit (`ulimit -f`, in KiB), so
 * the kernel refuses the engine's writes past it with EFBIG (Node ignores SIGXFSZ); on a small
 * tmpfs the same path reports ENOSPC ("the disk is full"), checked by hand as root.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openStore } from '../../src/graph/open';
import { ingestInputs } from '../../src/graph/ingest';
import { syntheticArticle } from '../helpers/corpus';
import { tempDir } from '../helpers/stores';

const ROOT = path.join(__dirname, '..', '..');
const inputs = (n: number, from = 0) => Array.from({ length: n }, (_, k) => ({ name: `a${from + k}`, text: syntheticArticle(from + k).text, meta: { title: `${syntheticArticle(from + k).title} ${from + k}` }, single: true }));

/** Runs node (from source) under a file-size limit of `kb` KiB. */
function underFileLimit(kb: number, args: string[], env: Record<string, string> = {}) {
  return spawnSync('bash', ['-c', `ulimit -f ${kb} && exec "$0" -r @swc-node/register "$@"`, process.execPath, ...args], {
    cwd: ROOT,
    env: { ...process.env, KG_LOG_LEVEL: 'info', ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
}

test('a truncated store file is reported as damaged, never as in use by another process', async () => {
  const dir = tempDir();
  const store = await openStore({ store: 'embedded', dataDir: dir });
  await ingestInputs(store, inputs(30), []);
  await store.close();
  const file = path.join(dir, 'graph.grafeo');
  fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
  const opening = openStore({ store: 'embedded', dataDir: dir });
  await expect(opening).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', message: expect.stringMatching(/is damaged or truncated.*restore the directory from a backup/) });
  await expect(openStore({ store: 'embedded', dataDir: dir })).rejects.not.toMatchObject({ message: expect.stringMatching(/in use/) });
});

test('a write the disk refuses is STORE_UNAVAILABLE with a one-line reason, and nothing of it is kept', () => {
  const dir = tempDir();
  const script = path.join(tempDir(), 'fill.ts');
  fs.writeFileSync(
    script,
    `import { openStore } from ${JSON.stringify(path.join(ROOT, 'src', 'graph', 'open'))};
import { writeArticle } from ${JSON.stringify(path.join(ROOT, 'src', 'graph', 'write'))};
import { extract } from ${JSON.stringify(path.join(ROOT, 'src', 'extract', 'pipeline'))};
(async () => {
  const store = await openStore({ store: 'embedded', dataDir: ${JSON.stringify(dir)} });
  let stored = 0;
  for (let i = 0; i < 2000; i++) {
    const doc = extract({ name: 'a' + i, text: 'Anna Berg met Carl Dahl in Oslo on Monday to discuss case ' + i + ', officials said. ' + 'The talks went on. '.repeat(40), single: true, meta: { title: 'Talks ' + i } }, []).docs[0];
    try { await writeArticle(store, doc); stored++; } catch (error) { console.log(JSON.stringify({ stored, code: error.code, message: error.message, name: error.name })); break; }
  }
  try { await store.close(); } catch (error) { console.log(JSON.stringify({ close: error.code, message: error.message })); }
})();
`,
  );
  const run = underFileLimit(256, [script]);
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
  expect(lines[0]).toEqual(expect.objectContaining({ code: 'STORE_UNAVAILABLE', name: 'KgError', message: expect.stringMatching(/cannot write: a file-size limit was reached\. Nothing of the failed write was kept/) }));
  expect(lines[0].stored).toBeGreaterThan(0);
  expect(lines[0].message).not.toMatch(/\n/);
  if (lines[1]) expect(lines[1]).toEqual(expect.objectContaining({ close: 'STORE_UNAVAILABLE' }));
});

test('kg ingest on a full disk stops at the first failed write with a one-line summary, and no stack trace', () => {
  const dir = tempDir();
  const file = path.join(tempDir(), 'many.jsonl');
  fs.writeFileSync(file, Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: `r${i}`, title: `Talks ${i}`, text: `Anna Berg met Carl Dahl in Oslo on Monday to discuss case ${i}, officials said. ${'The talks went on. '.repeat(40)}` })).join('\n') + '\n');
  const run = underFileLimit(256, [path.join(ROOT, 'src', 'cli', 'kg.ts'), 'ingest', file], { KG_DATA_DIR: dir, KG_EXTRACT_WORKERS: '0' });
  const out = run.stdout + run.stderr;
  expect(run.status).toBe(1);
  expect(out).toMatch(/stopped at .*many\.jsonl:\d+: The embedded store .* cannot write: a file-size limit was reached.*\[STORE_UNAVAILABLE\] \d+ article\(s\) stored before it; the rest were not tried/);
  // One failure, not one per remaining record; no stack trace from close() or anywhere else.
  expect(out.match(/STORE_UNAVAILABLE|STORE_WRITE_FAILED/g)!.length).toBe(1);
  expect(out).not.toMatch(/^\s+at /m);
});

test('automatic persisted queries answer with the protocol codes', async () => {
  const { startTestServer } = await import('../helpers/server');
  const server = await startTestServer({ env: { KG_EXTRACT_WORKERS: '0' } });
  try {
    const post = async (body: unknown) => {
      const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as { errors: { message: string; extensions: { code: string } }[] } };
    };
    const hash = 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38';
    const notFound = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(notFound.body.errors[0]).toEqual({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    const mismatch = await post({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: hash.replace(/^ec/, '00') } } });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    const version = await post({ query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: hash } } });
    expect(version.status).toBe(400);
    expect(version.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // The protocol's second step: the query with its hash registers it, and the hash alone then works.
    const { createHash } = await import('node:crypto');
    const query = '{ __typename }';
    const sha = createHash('sha256').update(query).digest('hex');
    expect((await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: sha } } })).status).toBe(200);
    expect((await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha } } })).body).toEqual({ data: { __typename: 'Query' } });
  } finally {
    await server.close();
  }
});
