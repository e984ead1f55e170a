/**
 * Soak: a real `kg serve` (from dist/, fresh data directory, keys set) under mixed reads, writes
 * and abuse for a bounded time; reports the server's memory (RSS from /proc, sampled every
 * second), errors by kind and latency percentiles per kind. Not part of `npm test`.
 *
 *   npm run soak -- [--duration SECONDS (default 60)] [--readers N (4)] [--writers N (1)] [--abusers N (2)]
 *
 * Exits 1 when the server dies, answers a well-formed request with a 5xx or INTERNAL_SERVER_ERROR,
 * or stops answering /health.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.join(__dirname, '..');
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    readers: { type: 'string', default: '4' },
    writers: { type: 'string', default: '1' },
    abusers: { type: 'string', default: '2' },
  },
});
const DURATION_MS = Math.max(5, Math.min(3600, Number(values.duration))) * 1000;
const API_KEY = 'soak-api-key';
const READ_KEY = 'soak-read-key';

type Kind = 'read' | 'write' | 'abuse' | 'health';
const latencies: Record<Kind, number[]> = { read: [], write: [], abuse: [], health: [] };
const outcomes = new Map<string, number>();
const unexpected: string[] = [];
const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);

function rssMb(pid: number): number {
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

function percentile(xs: number[], p: number): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]);
}

async function startServer(dataDir: string): Promise<{ url: string; pid: number; stop(): Promise<void>; exited(): boolean }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli', 'kg.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, KG_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', KG_API_KEY: API_KEY, KG_READ_KEY: READ_KEY, NODE_ENV: 'production', KG_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  let exited = false;
  child.once('exit', () => (exited = true));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kg serve did not start: ${log}`)), 120_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /ready at (http:\/\/\S+\/graphql)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`kg serve exited ${code}: ${log}`)));
  });
  return {
    url,
    pid: child.pid!,
    exited: () => exited,
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Sends one request, records its latency under `kind` and its outcome (HTTP status and error code). */
async function send(kind: Kind, label: string, url: string, init: RequestInit, expectOk: boolean): Promise<unknown> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    latencies[kind].push(performance.now() - started);
    let code = '';
    let body: unknown;
    try {
      body = JSON.parse(text);
      code = (body as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code ?? '';
    } catch {
      // not JSON
    }
    count(`${kind} ${label}: ${response.status}${code ? ` ${code}` : ''}`);
    // A read of a person not yet written is NOT_FOUND: expected while the writer fills the store.
    if (response.status >= 500 || code === 'INTERNAL_SERVER_ERROR' || (expectOk && (response.status !== 200 || (code && code !== 'NOT_FOUND')))) unexpected.push(`${kind} ${label}: ${response.status} ${code} ${text.slice(0, 200)}`);
    return body;
  } catch (error) {
    latencies[kind].push(performance.now() - started);
    count(`${kind} ${label}: ${(error as Error).name}`);
    if (kind !== 'abuse') unexpected.push(`${kind} ${label}: ${(error as Error).message}`);
    return undefined;
  }
}

const gql = (_url: string, key: string, query: string, variables?: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
  body: JSON.stringify({ query, variables }),
});

const PEOPLE = ['Anna Berg', 'Carl Dahl', 'Maria Lind', 'Jonas Holm', 'Eva Strand', 'Per Nyberg', 'Sara Ek', 'Olof Wik'];
const PLACES = ['Oslo', 'Stockholm', 'Helsinki', 'Copenhagen', 'Reykjavik'];
function article(i: number): { title: string; text: string; publishedAt: string } {
  const a = PEOPLE[i % PEOPLE.length];
  const b = PEOPLE[(i * 3 + 1) % PEOPLE.length] === a ? PEOPLE[(i + 1) % PEOPLE.length] : PEOPLE[(i * 3 + 1) % PEOPLE.length];
  const day = String((i % 27) + 1).padStart(2, '0');
  return {
    title: `Talks in ${PLACES[i % PLACES.length]} (${i})`,
    text: `${a} met ${b} in ${PLACES[i % PLACES.length]} on 2025-03-${day} to discuss trade, officials said. The two later spoke by phone. Case ${i}: ${'The talks went on. '.repeat(i % 20)}`,
    publishedAt: `2025-03-${day}`,
  };
}

const READS = [
  '{ __typename }',
  '{ search(text: "Berg", first: 10) { name type } }',
  '{ meetings(first: 20) { totalCount edges { node { type date participants { entity { name } } place { name } } } } }',
  '{ encounters(name: "Anna Berg", first: 20) { counterpart { name } event { type date } } }',
  '{ articles(first: 10) { edges { node { title } } } }',
];

/** A selection nested `levels` times through participants and their events. */
function deepSelection(levels: number): string {
  let inner = 'name';
  for (let k = 0; k < levels; k++) inner = `participants { entity { events(first: 1) { edges { node { type ${inner.startsWith('name') ? '' : inner} } } } } }`;
  return inner;
}

/** Abuse: every request here must be refused cleanly (4xx with a code), never crash or stall the server. */
function abuse(url: string, i: number): Promise<unknown> {
  const base = url;
  switch (i % 8) {
    case 0: // no key, 1.5 MB of comment padding (keys are checked before parsing)
      return send('abuse', 'keyless padded query', base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `# ${'x'.repeat(1_500_000)}\n{ __typename }` }) }, false);
    case 1: // a query text over the query limit, with a key
      return send('abuse', 'long query text', base, gql(base, READ_KEY, `# ${'y'.repeat(200_000)}\n{ __typename }`), false);
    case 2: // too deep: entities' events' participants, nested past the depth limit
      return send('abuse', 'deep query', base, gql(base, READ_KEY, `{ meetings(first: 1) { edges { node { ${deepSelection(5)} } } } }`), false);
    case 3: // costly
      return send('abuse', 'costly query', base, gql(base, READ_KEY, '{ meetings(first: 100) { edges { node { participants { entity { encounters(first: 100) { counterpart { name } } } } } } } }'), false);
    case 4: // malformed JSON
      return send('abuse', 'malformed JSON', base, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${READ_KEY}` }, body: '{"query": "{ __typename' }, false);
    case 5: // a write with the read key
      return send('abuse', 'write with read key', base, gql(base, READ_KEY, 'mutation($i: ArticleInput!) { ingestArticle(input: $i) { committed } }', { i: article(i) }), false);
    case 6: // an invalid date and an empty text
      return send('abuse', 'bad input', base, gql(base, API_KEY, 'mutation($i: ArticleInput!) { ingestArticle(input: $i) { committed } }', { i: { text: ' ', publishedAt: '2025-02-30' } }), false);
    default: // an unknown APQ hash
      return send('abuse', 'unknown APQ hash', base, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${READ_KEY}` }, body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }) }, false);
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-soak-'));
  const server = await startServer(dataDir);
  const health = server.url.replace('/graphql', '/health');
  const rss: number[] = [rssMb(server.pid)];
  const sampler = setInterval(() => rss.push(rssMb(server.pid)), 1000);
  const until = Date.now() + DURATION_MS;
  let written = 0;
  const loop = async (work: (i: number) => Promise<unknown>) => {
    for (let i = 0; Date.now() < until && !server.exited(); i++) await work(i);
  };
  console.log(`soak: ${DURATION_MS / 1000} s against ${server.url} (pid ${server.pid}), RSS at start ${rss[0]} MB`);
  try {
    await Promise.all([
      ...Array.from({ length: Number(values.readers) }, (_, r) => loop((i) => send('read', READS[(i + r) % READS.length].slice(0, 24), server.url, gql(server.url, READ_KEY, READS[(i + r) % READS.length]), true))),
      ...Array.from({ length: Number(values.writers) }, (_, w) =>
        loop(async (i) => {
          const body = await send('write', 'ingestArticle', server.url, gql(server.url, API_KEY, 'mutation($i: ArticleInput!) { ingestArticle(input: $i) { committed alreadyKnown } }', { i: article(i * 7 + w) }), true);
          if ((body as { data?: { ingestArticle?: { committed?: boolean } } })?.data?.ingestArticle?.committed) written++;
        }),
      ),
      ...Array.from({ length: Number(values.abusers) }, (_, a) => loop((i) => abuse(server.url, i * 3 + a))),
      loop(async () => {
        await send('health', '/health', health, {}, true);
        await new Promise((r) => setTimeout(r, 250));
      }),
    ]);
  } finally {
    clearInterval(sampler);
  }
  const died = server.exited();
  rss.push(rssMb(server.pid));
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const report = {
    seconds: DURATION_MS / 1000,
    loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10),
    articlesWritten: written,
    rssMb: { start: rss[0], peak: Math.max(...rss), end: rss[rss.length - 1] },
    latencyMs: Object.fromEntries(Object.entries(latencies).map(([k, xs]) => [k, { n: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99), max: percentile(xs, 100) }])),
    outcomes: Object.fromEntries([...outcomes].sort()),
    unexpected: unexpected.length,
    serverDied: died,
  };
  console.log(JSON.stringify(report, null, 2));
  if (unexpected.length) console.log('unexpected (first 10):\n' + unexpected.slice(0, 10).join('\n'));
  process.exitCode = died || unexpected.length ? 1 : 0;
}

main().catch((error) => {
  console.error(`soak: ${(error as Error).message}`);
  process.exitCode = 1;
});
