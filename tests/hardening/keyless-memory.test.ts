/**
 * Issue 20 point 1: queries from a client without a key must not grow the server. Measured
 * as the RSS of a real `kg serve` child process (from /proc), not of the test runner.
 */
import { startChildServer, type ChildServer } from './child-server';
import { createDocumentCache, documentBytes } from '../../src/api/document-cache';
import { refuseLongQuery } from '../../src/api/limits';
import { parse } from 'graphql';

const MB = 1024 * 1024;

/** A unique query of about `bytes`, padded with a comment (which the token limit does not count). */
function paddedQuery(i: number, bytes: number): string {
  return `# ${i} ${'x'.repeat(bytes)}\n{ articles(first: 1) { totalCount } }`;
}

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}

describe('keyless abuse (child server, RSS)', () => {
  let server: ChildServer;
  beforeAll(async () => {
    server = await startChildServer({ KG_API_KEY: 'write-key-123', KG_READ_KEY: 'read-key-456' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  test('600 unauthorised ~1.5 MB queries leave RSS within 50 MB of where it started', async () => {
    // Warm up both paths so lazily built code and buffers are part of the baseline.
    for (let i = 0; i < 10; i++) {
      expect((await post(server.url, '{ articles { totalCount } }', { authorization: 'Bearer read-key-456' })).status).toBe(200);
      expect((await post(server.url, paddedQuery(-i, 1.5 * MB))).status).toBe(401);
    }
    const before = server.rss();
    let next = 0;
    const statuses = new Map<number, number>();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < 600) {
          const { status, body } = await post(server.url, paddedQuery(next++, 1.5 * MB));
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          expect(body?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        }
      }),
    );
    const after = server.rss();
    if (process.env.KG_TEST_FIGURES) console.log(`RSS before ${(before / MB).toFixed(0)} MB, after ${(after / MB).toFixed(0)} MB`);
    expect([...statuses]).toEqual([[401, 600]]);
    expect(after - before).toBeLessThan(50 * MB);
    // The server still answers a keyed read.
    expect((await post(server.url, '{ articles { totalCount } }', { authorization: 'Bearer read-key-456' })).status).toBe(200);
  }, 180_000);
});

describe('query text and document cache limits', () => {
  test('a query longer than the query limit is refused before parsing, comments included', () => {
    const refusal = refuseLongQuery({ query: paddedQuery(1, 70_000) }, '', 64 * 1024);
    expect(refusal).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(refuseLongQuery({ query: '{ articles { totalCount } }' }, '', 64 * 1024)).toBeUndefined();
    expect(refuseLongQuery(undefined, `?query=${encodeURIComponent(paddedQuery(1, 70_000))}`, 64 * 1024)).toMatchObject({ status: 413 });
  });

  test('the document cache counts the query text each document keeps alive and stays under its bound', async () => {
    const doc = parse(paddedQuery(1, 100_000));
    // Apollo's default sizing (JSON of the AST) misses the 100 KB comment kept in loc.source.
    expect(Buffer.byteLength(JSON.stringify(doc))).toBeLessThan(2_000);
    expect(documentBytes(doc)).toBeGreaterThan(200_000);
    const cache = createDocumentCache(1 * MB);
    for (let i = 0; i < 50; i++) await cache.set(`k${i}`, parse(paddedQuery(i, 100_000)));
    expect(cache.bytes).toBeLessThanOrEqual(1 * MB);
    expect(await cache.get('k49')).toBeDefined();
    expect(await cache.get('k0')).toBeUndefined();
  });
});
