/**
 * The benchmark suite: extraction against compromise, ingestion into the embedded engine,
 * queries under load against the `{ __typename }` floor of the same server, growth with the
 * corpus, and a soak of reads during a bulk ingest. Every figure that matters is a ratio
 * measured in this run; every loop is bounded; traffic stays on loopback.
 *
 * `--store neo4j` runs ingestion, queries and growth on Neo4j too, beside the embedded engine
 * in the same run: against NEO4J_URI when set (a database the bench may empty), else a test
 * Neo4j from scripts/neo4j.js on a fresh directory for each corpus share.
 *
 *   npm run bench -- [--store embedded|neo4j] [--corpus FILE.jsonl] [--articles N] [--duration SECONDS]
 *                    [--warmup SECONDS] [--soak SECONDS (0: none)] [--quick] [--extraction-only] [--skip-extraction]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { entityComponent } from '../src/extract/entities';
import { extract } from '../src/extract/pipeline';
import type { Doc, Input } from '../src/extract/types';
import { openStore } from '../src/graph/open';
import { deleteArticle, writeArticles } from '../src/graph/write';
import { WRITE_BATCH } from '../src/graph/ingest';
import { graphCounts } from '../src/graph/queries';
import type { Config } from '../src/config';
import { statement } from '../src/graph/statement';
import { MODELS_DIR, nerModel, pipelineComponents, syntaxModel } from '../src/models';
import { parseSyntaxModel, syntaxComponent } from '../src/extract/syntax';

const ROOT = path.join(__dirname, '..');
const DEFAULT_CORPUS = path.join(ROOT, '..', 'shared', 'eval-data', 'news', 'bbc_news.jsonl');

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    duration: { type: 'string', default: '5' },
    soak: { type: 'string', default: '60' },
    quick: { type: 'boolean', default: false },
    // Extraction alone (seconds, not minutes): prints its table and writes no report.
    'extraction-only': { type: 'boolean', default: false },
    'skip-extraction': { type: 'boolean', default: false },
    // kg ingest with one extraction worker and with one per core, in turns: articles/s and peak RSS only.
    'workers-only': { type: 'boolean', default: false },
    // kg ingest on each engine in turns (with --store neo4j): articles/s only.
    'ingest-only': { type: 'boolean', default: false },
    store: { type: 'string', default: 'embedded' },
    // The first N articles of the corpus only (shorter runs while developing).
    articles: { type: 'string' },
    // Unmeasured load per query before measuring, in seconds.
    warmup: { type: 'string', default: '2' },
  },
});
if (values.store !== 'embedded' && values.store !== 'neo4j') throw new Error(`--store ${values.store}: use embedded or neo4j`);
type Engine = 'embedded' | 'neo4j';
const ENGINES: Engine[] = values.store === 'neo4j' ? ['embedded', 'neo4j'] : ['embedded'];
const DURATION = Math.max(1, Math.min(60, Number(values.duration)));
const SOAK = Number(values.soak) === 0 ? 0 : Math.max(5, Math.min(600, Number(values.soak)));
const CONCURRENCIES = values.quick ? [16] : [1, 16, 64];

interface Article {
  title: string;
  text: string;
}

function loadCorpus(): { name: string; articles: Article[] } {
  const file = values.corpus ?? DEFAULT_CORPUS;
  if (fs.existsSync(file)) {
    const articles = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Article);
    const limit = values.articles ? Math.max(1, Number(values.articles)) : articles.length;
    return { name: path.relative(ROOT, file) + (limit < articles.length ? ` (first ${limit})` : ''), articles: articles.slice(0, limit) };
  }
  const seeds = path.join(ROOT, 'seeds');
  const texts = fs.readdirSync(seeds).map((f) => fs.readFileSync(path.join(seeds, f), 'utf8'));
  // The seeds repeated, each copy made distinct so it is stored as a new article.
  const articles = Array.from({ length: 200 }, (_, i) => ({ title: `Seed copy ${i}`, text: `${texts[i % texts.length]}\n\nCopy ${i}.` }));
  return { name: 'seeds (repeated; the BBC corpus was not found)', articles };
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const inputOf = (a: Article, i: number): Input => ({ name: `bench:${i}`, text: a.text, meta: { title: a.title }, single: true });

async function benchExtraction(articles: Article[]) {
  const sample = articles.slice(0, 600);
  const totalWords = sample.reduce((n, a) => n + words(a.text), 0);
  // The models' resident size: heap after loading them and running the sample once (compiled
  // model and per-word caches warm), less before; measured before compromise is loaded.
  const heapMb = () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  const heapBefore = heapMb();
  const full = pipelineComponents();
  const entitiesOnly = [entityComponent(nerModel())];
  sample.forEach((a, i) => extract(inputOf(a, i), full));
  const modelHeapMb = Math.round(heapMb() - heapBefore);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nlp = require('compromise') as (text: string) => { people(): { out(f: string): string[] }; places(): { out(f: string): string[] }; organizations(): { out(f: string): string[] } };
  const runCompromise = (a: Article) => {
    const doc = nlp(a.text);
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
  };
  const time = (run: (a: Article, i: number) => void) => {
    const start = process.hrtime.bigint();
    sample.forEach(run);
    return totalWords / (ms(start) / 1000);
  };
  // Warm up with one whole pass of each (model and gazetteer loaded, hot paths compiled, our
  // per-word caches filled as in a long-running service), then the best of two interleaved rounds.
  const runs = {
    intake: (a: Article, i: number) => void extract(inputOf(a, i), []),
    entity: (a: Article, i: number) => void extract(inputOf(a, i), entitiesOnly),
    pipeline: (a: Article, i: number) => void extract(inputOf(a, i), full),
    compromise: runCompromise,
  };
  sample.forEach(runCompromise);
  const best = { intake: 0, entity: 0, pipeline: 0, compromise: 0 };
  for (let round = 0; round < 2; round++) for (const key of Object.keys(runs) as (keyof typeof runs)[]) best[key] = Math.max(best[key], time(runs[key]));
  const { intake: intakeOnly, entity, pipeline, compromise } = best;
  const syntax = benchSyntax(sample);
  return {
    articles: sample.length,
    words: totalWords,
    wordsPerSecond: Math.round(pipeline),
    entityWordsPerSecond: Math.round(entity),
    intakeWordsPerSecond: Math.round(intakeOnly),
    compromiseWordsPerSecond: Math.round(compromise),
    pipelineVsCompromise: round(pipeline / compromise),
    entityVsCompromise: round(entity / compromise),
    // Share the event stage adds on top of the entity stage (1/pipeline - 1/entity, relative to 1/entity).
    eventStageOverhead: round(entity / pipeline - 1),
    modelHeapMb,
    ...syntax,
  };
}

/**
 * The syntax stage alone over the sample's intake sentences: tagger + parser tokens per second
 * parsing every sentence, and the share of tokens the default selection (sentences with a
 * meeting-family word) parses inside the pipeline measured above.
 */
function benchSyntax(sample: Article[]) {
  const docs = sample.flatMap((a, i) => extract(inputOf(a, i), []).docs);
  const every = syntaxComponent(syntaxModel(), { select: () => true });
  const selected = syntaxComponent(syntaxModel());
  const tokens = () => docs.reduce((n, d) => n + d.syntax.reduce((m, s) => m + s.tokens.length, 0), 0);
  const run = (component: (doc: Doc) => void) => {
    const start = process.hrtime.bigint();
    docs.forEach(component);
    return tokens() / (ms(start) / 1000);
  };
  run(every);
  const syntaxTokensPerSecond = Math.max(run(every), run(every));
  const all = tokens();
  docs.forEach(selected);
  // Loading the model file again, as the first use in a process does.
  const start = process.hrtime.bigint();
  parseSyntaxModel(fs.readFileSync(path.join(MODELS_DIR, 'syntax', 'model.json.gz')));
  return { syntaxTokensPerSecond: Math.round(syntaxTokensPerSecond), syntaxParsedShare: round(tokens() / all), syntaxModelLoadMs: Math.round(ms(start)) };
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Where a benchmark stores its graph: a directory of the embedded engine, or a Neo4j server. */
type Target = Pick<Config, 'store' | 'dataDir' | 'neo4j'>;

/** The environment that points `kg serve` at a target. */
function targetEnv(target: Target): Record<string, string> {
  if (target.store === 'embedded') return { KG_STORE: 'embedded', KG_DATA_DIR: target.dataDir };
  return { KG_STORE: 'neo4j', KG_DATA_DIR: target.dataDir, NEO4J_URI: target.neo4j!.uri, NEO4J_USER: target.neo4j!.user, NEO4J_PASSWORD: target.neo4j!.password, NEO4J_DATABASE: target.neo4j!.database ?? '' };
}

/** The test Neo4j launcher (scripts/neo4j.js). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startNeo4j } = require('../scripts/neo4j') as { startNeo4j(o: { dataDir?: string; quiet?: boolean }): Promise<{ uri: string; child: ChildProcess; stop(): Promise<unknown> }> };

const WIPE_BATCH = statement('bench_wipe_batch', 'MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS count', []);

/** An empty store of `engine` for one share of the corpus; `release` stops what was started for it. */
async function freshTarget(engine: Engine, dir: string): Promise<{ target: Target; pid?: number; release(): Promise<void> }> {
  if (engine === 'embedded') return { target: { store: 'embedded', dataDir: dir }, release: async () => undefined };
  if (process.env.NEO4J_URI) {
    const neo4j = { uri: process.env.NEO4J_URI, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE || undefined };
    const store = await openStore({ store: 'neo4j', dataDir: dir, neo4j });
    while ((await store.write((tx) => tx.run<{ count: number }>(WIPE_BATCH)))[0].count > 0);
    await store.close();
    return { target: { store: 'neo4j', dataDir: dir, neo4j }, release: async () => undefined };
  }
  const server = await startNeo4j({ dataDir: dir, quiet: true });
  return { target: { store: 'neo4j', dataDir: dir, neo4j: { uri: server.uri, user: 'neo4j', password: '' } }, pid: server.child.pid, release: async () => void (await server.stop()) };
}

/** Articles written and deleted before an ingestion is timed. */
const WARMUP_ARTICLES = 32;

async function benchIngestion(articles: Article[], target: Target) {
  const store = await openStore(target);
  const components = pipelineComponents();
  let extractMs = 0;
  let storeMs = 0;
  let totalWords = 0;
  let peakRss = process.memoryUsage().rss;
  // Warm-up, the same on both engines: WARMUP_ARTICLES written and deleted before the clock starts,
  // so the figure is a running service's (JIT-compiled code and cached query plans on both sides)
  // and not a cold JVM's first seconds.
  const warm = articles.slice(0, WARMUP_ARTICLES).map((a, i) => extract(inputOf(a, i), components).docs as Doc[]).flat();
  await writeArticles(store, warm);
  for (const doc of warm) await deleteArticle(store, doc.id);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const start = process.hrtime.bigint();
  try {
    // As kg ingest writes: WRITE_BATCH articles per transaction.
    let batch: Doc[] = [];
    const flush = async () => {
      const t1 = process.hrtime.bigint();
      if (batch.length) await writeArticles(store, batch);
      storeMs += ms(t1);
      batch = [];
    };
    for (let i = 0; i < articles.length; i++) {
      const t0 = process.hrtime.bigint();
      const { docs } = extract(inputOf(articles[i], i), components);
      extractMs += ms(t0);
      batch.push(...(docs as Doc[]));
      if (batch.length >= WRITE_BATCH) await flush();
      totalWords += words(articles[i].text);
    }
    await flush();
  } finally {
    clearInterval(sampler);
  }
  const seconds = ms(start) / 1000;
  const counts = await graphCounts(store);
  await store.close();
  return {
    articles: articles.length,
    seconds: round(seconds),
    articlesPerSecond: round(articles.length / seconds, 1),
    wordsPerSecond: Math.round(totalWords / seconds),
    extractionShare: round(extractMs / (extractMs + storeMs)),
    storageShare: round(storeMs / (extractMs + storeMs)),
    peakRssMb: Math.round(peakRss / 2 ** 20),
    graph: counts,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function startServer(target: Target): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  // The service as it ships (`npm run bench` builds dist first): compiled JavaScript, no source
  // maps installed on every Error (the Neo4j driver makes one per statement).
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli', 'kg.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...targetEnv(target), PORT: String(port), HOST: '127.0.0.1', KG_LOG_LEVEL: 'warn', NODE_ENV: 'production', KG_MAX_PAGE_SIZE: '100' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function gql(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

async function load(url: string, query: string, connections: number, duration: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return {
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/** The names the queries use: chosen once, at the first share, and kept for the larger ones. */
let mixNames: { a: string; b: string; place: string } | undefined;

/**
 * The people and place the queries name: the two people in the most events that occurred and
 * the most frequent place, over every meeting of the graph (at most 2,000). Chosen at the first
 * share and kept, so each growth row measures the same query on a larger graph (the corpus
 * shares are prefixes of one another); before, the top names of each share's first 100
 * meetings were taken, and at 100% that was another person with more encounters.
 */
async function chooseNames(url: string) {
  const people = new Map<string, number>();
  const places = new Map<string, number>();
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const res = await gql(url, 'query($after: String) { meetings(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { status participants { entity { name type } } place { name } } } } }', { after });
    const conn = res.data?.meetings;
    for (const e of conn?.edges ?? []) {
      if (e.node.place?.name) places.set(e.node.place.name, (places.get(e.node.place.name) ?? 0) + 1);
      if (e.node.status !== 'OCCURRED') continue;
      for (const p of e.node.participants) if (p.entity.type === 'PERSON') people.set(p.entity.name, (people.get(p.entity.name) ?? 0) + 1);
    }
    if (!conn?.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  const top = (m: Map<string, number>) => [...m.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([n]) => n);
  const ranked = top(people);
  return { a: ranked[0] ?? 'Zelensky', b: ranked[1] ?? 'Putin', place: top(places)[0] ?? 'London' };
}

/** The queries under load, with names taken from the ingested graph so they hit real data. */
async function queryMix(url: string) {
  mixNames ??= await chooseNames(url);
  const { a, b, place } = mixNames;
  const q = JSON.stringify;
  return [
    { name: 'floor {__typename}', query: '{ __typename }' },
    { name: 'encounters', query: `{ encounters(name: ${q(a)}, first: 20) { nodes { counterpart { name } event { eventType date } } } }` },
    { name: 'meetings (filter)', query: `{ meetings(first: 20, filter: {place: ${q(place)}}) { totalCount edges { node { type date } } } }` },
    { name: 'search', query: `{ search(text: ${q(a.split(' ').pop()!)}, first: 10) { name } }` },
    { name: 'path', query: `{ path(from: ${q(a)}, to: ${q(b)}) { length } }` },
    { name: 'nested (3 levels)', query: `{ meetings(first: 10) { edges { node { participants { entity { name aliases } } place { name } evidence { article { title } } } } } }` },
  ];
}

/** Seconds of unmeasured load per query before its first measured run (0 with --warmup 0). */
const WARMUP = Math.max(0, Math.min(30, Number(values.warmup)));

async function benchQueries(url: string, concurrencies: number[]) {
  const mix = await queryMix(url);
  const rows: { name: string; concurrency: number; rps: number; p50Ms: number; p99Ms: number; errors: number; p99VsFloor?: number }[] = [];
  // Each query once under load, unmeasured, on both engines: a service that has just started
  // (Neo4j's JVM compiling its read path, V8 the resolvers) is not what a long-running one answers.
  if (WARMUP > 0) for (const { query } of mix) await load(url, query, concurrencies[0] === 1 ? 16 : concurrencies[0], WARMUP);
  for (const concurrency of concurrencies) {
    for (const { name, query } of mix) {
      const check = await gql(url, query);
      if (check.errors) console.error(`bench: ${name} returned errors: ${JSON.stringify(check.errors).slice(0, 200)}`);
      rows.push({ name, concurrency, ...(await load(url, query, concurrency, DURATION)) });
    }
  }
  for (const row of rows) {
    const floor = rows.find((r) => r.name.startsWith('floor') && r.concurrency === row.concurrency)!;
    row.p99VsFloor = round(row.p99Ms / Math.max(1, floor.p99Ms));
  }
  return rows;
}

function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/** Peak RSS of a separate `kg ingest` of the articles (the bench process also holds compromise and the results). */
async function ingestRssInChild(articles: Article[], dir: string): Promise<number> {
  return (await ingestInChild(articles, dir)).peakRssMb;
}

/** A separate `kg ingest` of the articles (with `workers` extraction threads when given): wall time and peak RSS (sampled every 100 ms). */
async function ingestInChild(articles: Article[], dir: string, workers?: number, storeEnv: Record<string, string> = {}): Promise<{ seconds: number; peakRssMb: number }> {
  const file = path.join(dir, 'corpus.jsonl');
  fs.rmSync(path.join(dir, 'store'), { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, articles.map((a) => JSON.stringify({ title: a.title, text: a.text })).join('\n') + '\n');
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli', 'kg.js'), 'ingest', file], {
    cwd: ROOT,
    env: { ...process.env, KG_DATA_DIR: path.join(dir, 'store'), KG_LOG_LEVEL: 'warn', ...(workers ? { KG_EXTRACT_WORKERS: String(workers) } : {}), ...storeEnv },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(child.pid!))), 100);
  await new Promise((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  return { seconds: (performance.now() - started) / 1000, peakRssMb: peak };
}

/**
 * `kg ingest` of the whole corpus (the product's ingestion: extraction on the worker pool, batched
 * writes) on each engine, in turns (after unmeasured warm-up runs) against one
 * running Neo4j that is emptied before each of its runs. Wall time of the command, model loading included.
 */
async function benchIngestCommand(articles: Article[], dir: string) {
  const server = process.env.NEO4J_URI ? null : await startNeo4j({ dataDir: path.join(dir, 'neo4j'), quiet: true });
  const neo4j = server ? { uri: server.uri, user: 'neo4j', password: '' } : { uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE || undefined };
  const runs: { engine: Engine; warmup: boolean; seconds: number; articlesPerSecond: number }[] = [];
  try {
    // The first runs are not counted (one embedded, two Neo4j): a server JVM compiles its hot paths over its first
    // hundred thousand statements (here a first Neo4j run took 28 s, a second 17 s, a third 12 s), which a running
    // service has long done.
    const order = ['embedded', 'neo4j', 'neo4j', 'embedded', 'neo4j', 'embedded', 'neo4j'] as const;
    for (const [i, engine] of order.entries()) {
      const target: Target = engine === 'embedded' ? { store: 'embedded', dataDir: path.join(dir, 'store') } : { store: 'neo4j', dataDir: path.join(dir, 'store'), neo4j };
      if (engine === 'neo4j') {
        const store = await openStore(target);
        while ((await store.write((tx) => tx.run<{ count: number }>(WIPE_BATCH)))[0].count > 0);
        await store.close();
      }
      const env = targetEnv(target);
      const r = await ingestInChild(articles, path.join(dir, engine), undefined, { ...env, KG_DATA_DIR: path.join(dir, engine, 'store') });
      runs.push({ engine, warmup: i < 3, seconds: round(r.seconds), articlesPerSecond: round(articles.length / r.seconds, 1) });
    }
  } finally {
    await server?.stop();
  }
  const rate = (e: Engine) => runs.filter((r) => r.engine === e && !r.warmup).reduce((n, r) => n + r.articlesPerSecond, 0) / 2;
  return { articles: articles.length, runs, embeddedArticlesPerSecond: round(rate('embedded'), 1), neo4jArticlesPerSecond: round(rate('neo4j'), 1), neo4jVsEmbedded: round(rate('neo4j') / rate('embedded')) };
}

/**
 * `kg ingest` with one extraction worker against one per core, run in turns (1, N, 1, N) so a
 * change in the shared host's load hits both: the ratio of articles/s is the figure that counts.
 */
async function benchWorkers(articles: Article[], dir: string) {
  const cores = Math.max(2, os.availableParallelism?.() ?? os.cpus().length);
  const runs: { workers: number; seconds: number; articlesPerSecond: number; peakRssMb: number }[] = [];
  for (const workers of [1, cores, 1, cores]) {
    const r = await ingestInChild(articles, dir, workers);
    runs.push({ workers, seconds: round(r.seconds), articlesPerSecond: round(articles.length / r.seconds), peakRssMb: r.peakRssMb });
  }
  const rate = (w: number) => runs.filter((r) => r.workers === w).reduce((n, r) => n + r.articlesPerSecond, 0) / 2;
  return { articles: articles.length, cores, runs, speedup: round(rate(cores) / rate(1)), peakRssMb: Math.max(...runs.filter((r) => r.workers === cores).map((r) => r.peakRssMb)), loadAverage: os.loadavg().map((x) => round(x)) };
}

/** Reads at concurrency 8 while the rest of the corpus is ingested through the API; server RSS sampled every 5 s. */
async function soak(url: string, pid: number, articles: Article[], seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(rssOf(pid)), 5000);
  const reads = load(url, (await queryMix(url))[1].query, 8, seconds);
  let ingested = 0;
  let ingestErrors = 0;
  for (let i = 0; i < articles.length && Date.now() < deadline; i += 10) {
    const batch = articles.slice(i, i + 10).map((a) => ({ title: a.title, text: a.text }));
    const result = await gql(url, 'mutation($inputs: [ArticleInput!]!) { ingestArticles(inputs: $inputs) { error { code } } }', { inputs: batch });
    if (result.errors) ingestErrors++;
    else ingested += result.data.ingestArticles.filter((r: any) => !r.error).length;
  }
  const read = await reads;
  clearInterval(sampler);
  const half = Math.floor(rss.length / 2);
  return {
    seconds,
    reads: read,
    ingested,
    ingestErrors,
    rssMb: rss,
    // Growth of the second half over the first: near 1 when memory stops growing.
    rssSecondHalfVsFirst: rss.length >= 4 ? round(Math.max(...rss.slice(half)) / Math.max(...rss.slice(0, half))) : null,
  };
}

async function main() {
  const corpus = loadCorpus();
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(`corpus: ${corpus.name}, ${corpus.articles.length} articles; machine: ${machine}`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bench-'));
  try {
    if (values['workers-only']) {
      const workers = await benchWorkers(corpus.articles, path.join(scratch, 'workers'));
      console.table(workers.runs);
      console.log(JSON.stringify({ ...workers, runs: undefined }));
      return;
    }
    if (values['ingest-only']) {
      const ingest = await benchIngestCommand(corpus.articles, path.join(scratch, 'ingest-command'));
      console.table(ingest.runs);
      console.log(JSON.stringify({ ...ingest, runs: undefined }));
      return;
    }
    const extraction = values['skip-extraction'] ? null : await benchExtraction(corpus.articles);
    if (extraction) console.table([extraction]);
    if (values['extraction-only']) return;

    type Rows = Awaited<ReturnType<typeof benchQueries>>;
    const growth: { engine: Engine; share: number; articles: number; seconds: number; articlesPerSecond: number; wordsPerSecond: number; queries: { name: string; rps: number; p99Ms: number }[] }[] = [];
    const full: Partial<Record<Engine, Awaited<ReturnType<typeof benchIngestion>> & { peakRssMbSeparateProcess?: number; neo4jRssMb?: number }>> = {};
    const queries: Partial<Record<Engine, Rows>> = {};
    // Engines take turns at each share, so a change in the shared host's load hits both alike.
    for (const share of [0.25, 0.5, 1]) {
      const subset = corpus.articles.slice(0, Math.max(1, Math.round(corpus.articles.length * share)));
      for (const engine of ENGINES) {
        const fresh = await freshTarget(engine, path.join(scratch, `${engine}-${share}`));
        try {
          const ingestion = await benchIngestion(subset, fresh.target);
          console.log(`${engine}: ingested ${share * 100}%:`, JSON.stringify(ingestion));
          const server = await startServer(fresh.target);
          try {
            const rows = await benchQueries(server.url, share === 1 ? CONCURRENCIES : [16]);
            console.log(`${engine}, ${share * 100}% of the corpus:`);
            console.table(rows);
            growth.push({ engine, share, articles: subset.length, seconds: ingestion.seconds, articlesPerSecond: ingestion.articlesPerSecond, wordsPerSecond: ingestion.wordsPerSecond, queries: rows.filter((r) => r.concurrency === 16).map((r) => ({ name: r.name, rps: r.rps, p99Ms: r.p99Ms })) });
            if (share === 1) {
              full[engine] = engine === 'embedded' ? { ...ingestion, peakRssMbSeparateProcess: await ingestRssInChild(subset, path.join(scratch, 'rss')) } : { ...ingestion, neo4jRssMb: fresh.pid ? rssOf(fresh.pid) : undefined };
              queries[engine] = rows;
            }
          } finally {
            await server.stop();
          }
        } finally {
          await fresh.release();
        }
      }
    }

    // Soak (embedded): a server on a quarter of the corpus takes the rest through the API while serving reads.
    // One extraction worker against one per core, on the whole corpus (the 1.6x target).
    const workers = await benchWorkers(corpus.articles, path.join(scratch, 'workers'));
    console.log('kg ingest by extraction workers:');
    console.table(workers.runs);
    let soakResult;
    if (SOAK > 0) {
      const soakDir = path.join(scratch, 'soak');
      const quarter = Math.round(corpus.articles.length / 4);
      await benchIngestion(corpus.articles.slice(0, quarter), { store: 'embedded', dataDir: soakDir });
      const server = await startServer({ store: 'embedded', dataDir: soakDir });
      try {
        soakResult = await soak(server.url, server.child.pid!, corpus.articles.slice(quarter), SOAK);
        console.log('soak:', JSON.stringify(soakResult));
      } finally {
        await server.stop();
      }
    }

    const embedded = queries.embedded ?? [];
    const ingestCommand = ENGINES.length > 1 ? await benchIngestCommand(corpus.articles, path.join(scratch, 'ingest-command')) : undefined;
    const comparison = ENGINES.length > 1 ? { ...compareEngines(full, queries, growth), ingestCommand } : undefined;
    if (comparison) {
      console.log('engines side by side:');
      console.table(comparison.queries);
      console.log('ingestion in this process (extraction, then each batch written, one after the other):');
      console.table(comparison.ingestion);
      console.log('kg ingest (extraction on the worker pool while this thread writes), wall time, engines in turns:');
      console.table(ingestCommand!.runs);
      console.table([{ embeddedArticlesPerSecond: ingestCommand!.embeddedArticlesPerSecond, neo4jArticlesPerSecond: ingestCommand!.neo4jArticlesPerSecond, neo4jVsEmbedded: ingestCommand!.neo4jVsEmbedded }]);
      console.table(comparison.growth);
    }
    const report = {
      at: new Date().toISOString(),
      machine,
      corpus: { name: corpus.name, articles: corpus.articles.length },
      durationSeconds: DURATION,
      engines: ENGINES,
      extraction,
      ingestion: full.embedded,
      queries: embedded.filter((r) => !r.name.startsWith('floor')),
      floor: embedded.filter((r) => r.name.startsWith('floor')).map(({ concurrency, rps, p50Ms, p99Ms }) => ({ concurrency, rps, p50Ms, p99Ms })),
      growth: growth.filter((g) => g.engine === 'embedded'),
      soak: soakResult,
      workers,
      ...(full.neo4j ? { neo4j: { ingestion: full.neo4j, queries: queries.neo4j, growth: growth.filter((g) => g.engine === 'neo4j') } } : {}),
      comparison,
    };
    fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench', 'results', 'latest.json'), JSON.stringify(report, null, 2) + '\n');
    console.log('wrote bench/results/latest.json');
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The engines side by side: per query and concurrency req/s, p50 and p99 of each and Neo4j's
 * p99 over the embedded engine's; ingestion articles/s; growth 25% -> 100% per engine and query.
 */
function compareEngines(
  full: Partial<Record<Engine, { articlesPerSecond: number; seconds: number }>>,
  queries: Partial<Record<Engine, { name: string; concurrency: number; rps: number; p50Ms: number; p99Ms: number; errors: number }[]>>,
  growth: { engine: Engine; share: number; queries: { name: string; rps: number; p99Ms: number }[] }[],
) {
  const e = queries.embedded ?? [];
  const n = queries.neo4j ?? [];
  const rows = e.map((r) => {
    const m = n.find((x) => x.name === r.name && x.concurrency === r.concurrency);
    return {
      query: r.name,
      concurrency: r.concurrency,
      embeddedRps: r.rps,
      embeddedP50Ms: r.p50Ms,
      embeddedP99Ms: r.p99Ms,
      neo4jRps: m?.rps ?? null,
      neo4jP50Ms: m?.p50Ms ?? null,
      neo4jP99Ms: m?.p99Ms ?? null,
      neo4jP99VsEmbedded: m ? round(m.p99Ms / Math.max(1, r.p99Ms)) : null,
      errors: r.errors + (m?.errors ?? 0),
    };
  });
  const ingestion = {
    embeddedArticlesPerSecond: full.embedded?.articlesPerSecond ?? null,
    neo4jArticlesPerSecond: full.neo4j?.articlesPerSecond ?? null,
    neo4jVsEmbedded: full.embedded && full.neo4j ? round(full.neo4j.articlesPerSecond / full.embedded.articlesPerSecond) : null,
  };
  const growthRows = (['embedded', 'neo4j'] as const).flatMap((engine) => {
    const at = (share: number) => growth.find((g) => g.engine === engine && g.share === share);
    const quarter = at(0.25);
    const whole = at(1);
    if (!quarter || !whole) return [];
    return whole.queries.map((q) => {
      const base = quarter.queries.find((x) => x.name === q.name)!;
      const half = at(0.5)?.queries.find((x) => x.name === q.name);
      return {
        engine,
        query: q.name,
        'rps 25%': base.rps,
        'rps 50%': half?.rps ?? null,
        'rps 100%': q.rps,
        'p99 25%': base.p99Ms,
        'p99 50%': half?.p99Ms ?? null,
        'p99 100%': q.p99Ms,
        rpsGrowth: round(q.rps / Math.max(1, base.rps)),
        p99Growth: round(q.p99Ms / Math.max(1, base.p99Ms)),
      };
    });
  });
  return { queries: rows, ingestion, growth: growthRows };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
