/**
 * End to end over HTTP: the seeds are ingested and listed through GraphQL.
 */
import { SEEDS_DIR, startTestServer, type TestServer } from '../helpers/server';
import { engineNames } from '../helpers/stores';

describe.each(engineNames())('articles over HTTP on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine, ingest: [SEEDS_DIR] });
  });
  afterAll(async () => {
    await server.close();
  });

  test('lists the seed articles', async () => {
    const { status, body } = await server.gql('{ articles(first: 10) { totalCount edges { cursor node { id title } } } }');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.articles.totalCount).toBe(2);
    expect(body.data.articles.edges.map((e: any) => e.node.title).sort()).toEqual(['Russia and Ukraine to Hold First Direct Peace Talks in over 3 Years', 'Zelenskiy Thanks Trump for Readiness to Support Ukraine']);
  });

  test('pages with cursors and resolves nodes by global id', async () => {
    const all = await server.gql('{ articles(first: 100) { edges { node { id } } } }');
    const ids = all.body.data.articles.edges.map((e: any) => e.node.id);
    const first = await server.gql('{ articles(first: 1) { pageInfo { endCursor hasNextPage } edges { node { id } } } }');
    const after = first.body.data.articles.pageInfo.endCursor;
    const rest = await server.gql('query($after: String) { articles(first: 100, after: $after) { pageInfo { hasPreviousPage } edges { node { id } } } }', { after });
    expect([first.body.data.articles.edges[0].node.id, ...rest.body.data.articles.edges.map((e: any) => e.node.id)]).toEqual(ids);
    const node = await server.gql('query($id: ID!) { node(id: $id) { id ... on Article { title text } } }', { id: ids[0] });
    expect(node.body.data.node.id).toBe(ids[0]);
    expect(node.body.data.node.text.length).toBeGreaterThan(100);
  });

  test('a malformed id is a BAD_USER_INPUT error', async () => {
    const { body } = await server.gql('{ article(id: "nope") { id } }');
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  test('health reports the engine and counts', async () => {
    const response = await fetch(server.url.replace('/graphql', '/health'));
    const body = (await response.json()) as any;
    expect(body).toMatchObject({ status: 'ok', engine });
    expect(body.counts.articles).toBeGreaterThanOrEqual(1);
  });

  test('browsers get the Sandbox landing page outside production', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/sandbox/i);
  });

  test('an unknown field is a validation error, not a crash', async () => {
    const { status, body } = await server.gql('{ articles(first: 1) { nope } }');
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
