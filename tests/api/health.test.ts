/**
 * Issue 19: /health over real HTTP says which engine, where (never a credential), what it holds,
 * which extractor and schema, and for how long; HEAD answers the same status with no body.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SEEDS_DIR, startTestServer, type TestServer } from '../helpers/server';
import { redactUri } from '../../src/api/health';
import { EXTRACTOR_VERSION } from '../../src/extract/pipeline';
import { versions } from '../../src/versions';

describe('/health', () => {
  let server: TestServer;
  let health: string;
  beforeAll(async () => {
    server = await startTestServer({ ingest: [SEEDS_DIR] });
    health = server.url.replace('/graphql', '/health');
  });
  afterAll(() => server.close());

  test('GET: engine, store location, counts, versions, uptime', async () => {
    const response = await fetch(health);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as any;
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(body).toEqual({
      status: 'ok',
      engine: 'embedded',
      store: { dataDir: server.config.dataDir },
      counts: { articles: 2, entities: expect.any(Number), events: expect.any(Number) },
      versions: { package: pkg.version, extractor: EXTRACTOR_VERSION, schema: versions().schema },
      uptimeSeconds: expect.any(Number),
    });
    expect(body.counts.entities).toBeGreaterThan(10);
    expect(body.counts.events).toBeGreaterThan(3);
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    // The counts are the API's own: the same store, read through GraphQL.
    const { body: gql } = await server.gql('{ articles(first: 1) { totalCount } }');
    expect(body.counts.articles).toBe(gql.data.articles.totalCount);
  });

  test('HEAD: 200 and the headers, no body', async () => {
    const response = await fetch(health, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.text()).toBe('');
  });

  test('other methods are still not a health check', async () => {
    const response = await fetch(health, { method: 'DELETE' });
    expect(response.status).toBe(404);
  });
});

test('a Neo4j URI loses user, password and query before /health shows it', () => {
  expect(redactUri('neo4j+s://neo4j:s3cret@db.example.org:7687/?token=abc#x')).toBe('neo4j+s://db.example.org:7687');
  expect(redactUri('bolt://localhost:7687')).toBe('bolt://localhost:7687');
  expect(redactUri('not a uri with password hunter2')).toBe('(not a valid URI)');
});
