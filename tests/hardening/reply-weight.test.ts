/**
 * Issue 20 point 3: the cost limit counts what a reply weighs (article texts by size, lists by
 * their `first`), and a hard cap on reply bytes refuses anything larger with a clear error.
 */
import { SEEDS_DIR, startTestServer, type TestServer } from '../helpers/server';

describe('reply weight', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ingest: [SEEDS_DIR], env: { KG_MAX_RESPONSE_BYTES: '4096', KG_EXTRACT_WORKERS: '0' } });
  });
  afterAll(async () => {
    await server.close();
  });

  test('article texts cost by weight: 100 texts per list, or 15 such aliases, are refused before any store work', async () => {
    const before = server.store.stats().statements;
    const one = await server.gql('{ articles(first: 100) { edges { node { text } } } }');
    expect(one.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    const aliases = Array.from({ length: 15 }, (_, i) => `a${i}: articles(first: 100) { edges { node { text } } }`).join(' ');
    expect((await server.gql(`{ ${aliases} }`)).body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(server.store.stats().statements).toBe(before);
    // Titles weigh nothing much: the same list without texts is fine.
    expect((await server.gql('{ articles(first: 100) { edges { node { title } } } }')).body.errors).toBeUndefined();
  });

  test('a reply over KG_MAX_RESPONSE_BYTES is refused with RESPONSE_TOO_LARGE, and smaller ones pass', async () => {
    const big = await server.gql('{ articles(first: 20) { edges { node { text } } } }');
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions.code).toBe('RESPONSE_TOO_LARGE');
    expect(big.body.errors[0].message).toMatch(/limit is 4096/);
    const small = await server.gql('{ articles(first: 1) { edges { node { title } } } }');
    expect(small.body.errors).toBeUndefined();
  });
});
