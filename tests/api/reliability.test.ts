/**
 * Reliability and security over HTTP: abuse limits act before any database work, bad input
 * gets a documented code while the server keeps serving, keys guard writes (and reads when
 * asked), production hides introspection and Sandbox, and concurrent ingestion never
 * duplicates entities or events.
 */
import { SEEDS_DIR, startTestServer, type TestServer } from '../helpers/server';
import { engineNames } from '../helpers/stores';
import { syntheticArticle } from '../helpers/corpus';
import { graphCounts } from '../../src/graph/queries';

const INGEST = 'mutation($input: ArticleInput!) { ingestArticle(input: $input) { alreadyKnown article { id } events { id } } }';

describe.each(engineNames())('abuse limits and bad input on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine, ingest: [SEEDS_DIR], env: { KG_MAX_ARTICLE_BYTES: '4096' } });
  });
  afterAll(async () => {
    await server.close();
  });

  async function refusedBeforeTheStore(query: string, code: string, variables?: Record<string, unknown>) {
    const before = server.store.stats().statements;
    const { body } = await server.gql(query, variables);
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    expect(server.store.stats().statements).toBe(before);
    return body;
  }

  test('deep nesting, many aliases, many tokens and costly lists are refused before any database work', async () => {
    let nested = 'name';
    for (let i = 0; i < 6; i++) nested = `encounters { counterpart { ${nested} } }`;
    await refusedBeforeTheStore(`{ search(text: "Zelensky") { ${nested} } }`, 'QUERY_TOO_COMPLEX');
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: articles { totalCount }`).join(' ');
    await refusedBeforeTheStore(`{ ${aliases} }`, 'QUERY_TOO_COMPLEX');
    const tokens = `{ articles { totalCount ${'__typename '.repeat(1200)} } }`;
    await refusedBeforeTheStore(tokens, 'QUERY_TOO_COMPLEX');
    const body = await refusedBeforeTheStore(
      '{ meetings(first: 100) { edges { node { participants { entity { encounters(first: 100) { counterpart { name } } } } } } } }',
      'QUERY_TOO_COMPLEX',
    );
    expect(body.errors[0].message).toMatch(/costs \d+, above the limit of 5000/);
    // The same shape with small pages is fine.
    const ok = await server.gql('{ meetings(first: 5) { edges { node { participants { entity { encounters(first: 5) { counterpart { name } } } } } } } }');
    expect(ok.body.errors).toBeUndefined();
  });

  test('oversized bodies get HTTP 413, oversized articles PAYLOAD_TOO_LARGE', async () => {
    const huge = 'x'.repeat(25 * 1024 * 1024);
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ search(text: "${huge}") { name } }` }) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const big = await server.gql(INGEST, { input: { text: 'Long article. '.repeat(400) } });
    expect(big.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('bad requests get clear codes and the server keeps serving', async () => {
    const cases: [string, Record<string, unknown> | undefined, string][] = [
      ['{ articles { ', undefined, 'GRAPHQL_PARSE_FAILED'],
      ['{ articles { nope } }', undefined, 'GRAPHQL_VALIDATION_FAILED'],
      ['query($n: Int) { articles(first: $n) { totalCount } }', { n: 'ten' }, 'BAD_USER_INPUT'],
      ['query($d: Date) { meetings(filter: {from: $d}) { totalCount } }', { d: '14/07/2025' }, 'BAD_USER_INPUT'],
      [INGEST, { input: { text: '' } }, 'BAD_USER_INPUT'],
      [INGEST, { input: { text: '\u0000\u0001\u0002\ufffd\ufffd\u0003'.repeat(50) } }, 'BAD_USER_INPUT'],
      [INGEST, { input: { text: 'Macron met Scholz in Paris.', publishedAt: 'last Tuesday' } }, 'BAD_USER_INPUT'],
    ];
    for (const [query, variables, code] of cases) {
      const { body } = await server.gql(query, variables);
      expect({ query: query.slice(0, 40), code: body.errors?.[0]?.extensions?.code }).toEqual({ query: query.slice(0, 40), code });
      expect(JSON.stringify(body)).not.toMatch(/stack|\.ts:\d|GRAFEO|MATCH \(/);
    }
    const notJson = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(notJson.status).toBe(400);
    const batch = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ articles { totalCount } }' }]) });
    expect(batch.status).toBe(400);
    const still = await server.gql('{ articles { totalCount } }');
    expect(still.body.data.articles.totalCount).toBe(2);
  });

  test('page sizes are capped and search text is only ever text', async () => {
    const { body } = await server.gql('{ meetings(first: 100000) { edges { cursor } } articles(first: 100000) { edges { cursor } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.meetings.edges.length).toBeLessThanOrEqual(server.config.limits.maxPageSize);
    for (const text of ["') MATCH (n) DETACH DELETE n //", '.*', '[a-z]+$', '"}}} RETURN 1', '\\\\', '%_*?']) {
      const result = await server.gql('query($t: String!) { search(text: $t) { name } }', { t: text });
      expect(result.body.errors).toBeUndefined();
    }
    expect((await graphCounts(server.store)).articles).toBe(2);
  });

  test('concurrent ingestion of articles sharing entities and events creates no duplicates', async () => {
    const count = async () => (await server.gql('{ meetings(filter: {types: [MEETING, TALKS]}) { totalCount } }')).body.data.meetings.totalCount;
    const before = await count();
    const inputs = Array.from({ length: 12 }, (_, i) => syntheticArticle(i % 4));
    const results = await Promise.all(inputs.map((input) => server.gql(INGEST, { input })));
    for (const r of results) expect(r.body.errors).toBeUndefined();
    const ids = new Set(results.map((r) => r.body.data.ingestArticle.article.id));
    expect(ids.size).toBe(4);
    const { body } = await server.gql('{ search(text: "Macron", types: [PERSON]) { key } }');
    expect(body.data.search).toHaveLength(1);
    const events = new Set(results.flatMap((r) => r.body.data.ingestArticle.events.map((e: any) => e.id)));
    expect(events.size).toBeGreaterThan(0);
    expect((await count()) - before).toBe(events.size);
  });
});

describe.each(engineNames())('API keys on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine, env: { KG_API_KEY: 'write-secret', KG_READ_KEY: 'read-secret' } });
  });
  afterAll(async () => {
    await server.close();
  });

  const input = { input: syntheticArticle(1) };

  test('mutations need the API key; the read key cannot write', async () => {
    const none = await server.gql(INGEST, input);
    expect(none.status).toBe(401);
    expect(none.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrong = await server.gql(INGEST, input, { authorization: 'Bearer write-secreT' });
    expect(wrong.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const reader = await server.gql(INGEST, input, { authorization: 'Bearer read-secret' });
    expect(reader.status).toBe(403);
    expect(reader.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const writer = await server.gql(INGEST, input, { authorization: 'Bearer write-secret' });
    expect(writer.body.errors).toBeUndefined();
  });

  test('a 401 names the bearer scheme (WWW-Authenticate), before parsing and after', async () => {
    const post = (query: string, headers: Record<string, string> = {}) =>
      fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
    // No key at all with KG_READ_KEY set: refused before the body is read.
    const early = await post('{ __typename }');
    expect(early.status).toBe(401);
    expect(early.headers.get('www-authenticate')).toBe('Bearer realm="news-kg"');
    // The read key on a mutation with a wrong write key: refused once the operation is known.
    const late = await post('mutation { deleteArticle(id: "QXJ0aWNsZTp4") { deletedArticleId } }', { authorization: 'Bearer nope' });
    expect(late.status).toBe(401);
    expect(late.headers.get('www-authenticate')).toBe('Bearer realm="news-kg"');
    const forbidden = await post('mutation { deleteArticle(id: "QXJ0aWNsZTp4") { deletedArticleId } }', { authorization: 'Bearer read-secret' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('www-authenticate')).toBeNull();
  });

  test('a subscription is refused as unsupported, not as an internal error', async () => {
    const { status, body } = await server.gql('subscription { articles { totalCount } }', undefined, { authorization: 'Bearer read-secret' });
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('SUBSCRIPTIONS_NOT_SUPPORTED');
  });

  test('reads need a key when KG_READ_KEY is set; either key reads', async () => {
    expect((await server.gql('{ articles { totalCount } }')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    for (const key of ['read-secret', 'write-secret']) {
      const { body } = await server.gql('{ articles { totalCount } }', undefined, { authorization: `Bearer ${key}` });
      expect(body.data.articles.totalCount).toBe(1);
    }
  });
});

describe.each(engineNames())('production mode on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine, env: { NODE_ENV: 'production' } });
  });
  afterAll(async () => {
    await server.close();
  });

  test('introspection and the Sandbox landing page are off, and suggestions are not leaked', async () => {
    const { body } = await server.gql('{ __schema { types { name } } }');
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const page = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/sandbox/i);
    const typo = await server.gql('{ artikles { totalCount } }');
    expect(typo.body.errors[0].message).not.toMatch(/Did you mean/);
  });
});
