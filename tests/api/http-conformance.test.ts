/**
 * GraphQL over HTTP conformance: graphql-http's audit against the real server, and the status
 * of every request error (syntax, token, depth, alias, cost limits): a client's mistake is a
 * 4xx (or 200 with errors under application/json), never a 500 that monitoring counts as ours.
 */
import { auditServer } from 'graphql-http';
import { startTestServer, type TestServer } from '../helpers/server';

/** No extraction workers: these tests send no articles, and loading the models would only slow the start. */
const NO_WORKERS = { KG_EXTRACT_WORKERS: '0' };

/** SHOULD-level checks Apollo answers differently, on purpose (README: GraphQL over HTTP). */
const ALLOWED_WARNINGS = ['572B', 'FDE2', '7B9B'];

async function post(url: string, body: unknown, accept = 'application/json', headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept, ...headers }, body: JSON.stringify(body) });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as any };
}

describe('GraphQL over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: NO_WORKERS });
  });
  afterAll(async () => {
    await server.close();
  });

  test('graphql-http audit: no failures, only the three documented warnings', async () => {
    const results = await auditServer({ url: server.url });
    const failures = results.filter((r) => r.status === 'error').map((r) => `${r.id} ${r.name}: ${(r as { reason?: string }).reason}`);
    expect(failures).toEqual([]);
    const warnings = results.filter((r) => r.status === 'warn').map((r) => r.id);
    expect(warnings.filter((id) => !ALLOWED_WARNINGS.includes(id))).toEqual([]);
  });

  test('syntax errors and limits are 400 with a documented code, under either media type', async () => {
    const cases: [string, string][] = [
      ['{', 'GRAPHQL_PARSE_FAILED'],
      ['{ articles { totalCount ', 'GRAPHQL_PARSE_FAILED'],
      [`{ articles { totalCount ${'__typename '.repeat(1200)} } }`, 'QUERY_TOO_COMPLEX'],
      [`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: articles { totalCount }`).join(' ')} }`, 'QUERY_TOO_COMPLEX'],
      [`{ search(text: "x") { ${'encounters { counterpart { '.repeat(6)}name${' } }'.repeat(6)} } }`, 'QUERY_TOO_COMPLEX'],
      ['{ meetings(first: 100) { edges { node { participants { entity { encounters(first: 100) { counterpart { name } } } } } } } }', 'QUERY_TOO_COMPLEX'],
    ];
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      for (const [query, code] of cases) {
        const { status, type, body } = await post(server.url, { query }, accept);
        expect({ query: query.slice(0, 40), accept, status, code: body.errors?.[0]?.extensions?.code }).toEqual({ query: query.slice(0, 40), accept, status: 400, code });
        expect(type).toContain(accept);
      }
    }
  });
});

describe('GraphQL over HTTP in production with keys', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { ...NO_WORKERS, NODE_ENV: 'production', KG_API_KEY: 'write-key-0123456789', KG_READ_KEY: 'read-key-0123456789' } });
  });
  afterAll(async () => {
    await server.close();
  });

  test('a keyed client gets 400 for syntax and token-limit errors, never 500', async () => {
    const auth = { authorization: 'Bearer read-key-0123456789' };
    for (const query of ['{', `{ articles { totalCount ${'__typename '.repeat(1200)} } }`, `mutation { ${'__typename '.repeat(1200)} }`]) {
      const { status, body } = await post(server.url, { query }, 'application/json', auth);
      expect(status).toBe(400);
      expect(['GRAPHQL_PARSE_FAILED', 'QUERY_TOO_COMPLEX']).toContain(body.errors[0].extensions.code);
    }
  });
});
