/**
 * Issue 20 points 2-3 and 5: a write either commits and says so or does not and says why (a
 * timeout never hides a commit), and given dates are strict: calendar-valid, years 1000-2999.
 */
import { startTestServer, type TestServer } from '../helpers/server';
import { syntheticArticle } from '../helpers/corpus';
import { normaliseGivenDate, strictGivenDate } from '../../src/extract/intake/dates';

const INGEST = 'mutation($input: ArticleInput!) { ingestArticle(input: $input) { committed alreadyKnown article { id publishedAt } } }';
const COUNT = '{ articles { totalCount } }';

describe('a timeout never hides a commit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { KG_REQUEST_TIMEOUT_MS: '1' } });
  });
  afterAll(async () => {
    await server.close();
  });

  test('with a 1 ms limit every reply is either TIMEOUT with nothing stored or committed with the article', async () => {
    for (let i = 0; i < 6; i++) {
      const { body: before } = await server.gql(COUNT);
      const reply = await server.gql(INGEST, { input: syntheticArticle(100 + i) });
      const { body: after } = await server.gql(COUNT);
      const added = after.data.articles.totalCount - before.data.articles.totalCount;
      if (reply.body.errors) {
        expect(reply.body.errors[0].extensions.code).toBe('TIMEOUT');
        expect(reply.body.errors[0].message).toMatch(/before anything was written/);
        expect(added).toBe(0);
      } else {
        expect(reply.body.data.ingestArticle.committed).toBe(true);
        expect(reply.body.data.ingestArticle.article.id).toBeTruthy();
        expect(added).toBe(1);
      }
    }
  });
});

describe('strict dates', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  test.each(['2025-02-30', '9999-12-31T23:59:59+14:00', '0000-01-01', '2025-13-01', '2025-07-14T25:00:00Z', '2025-07-14T10:00:00+15:00', '14/07/2025'])(
    'publishedAt %s is BAD_USER_INPUT and nothing is stored',
    async (publishedAt) => {
      const { body } = await server.gql(INGEST, { input: { ...syntheticArticle(7), publishedAt } });
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors[0].message).toMatch(/^publishedAt: /);
      expect((await server.gql(COUNT)).body.data.articles.totalCount).toBe(0);
    },
  );

  test('a date-time keeps the publisher\'s calendar day, and emitted dates match the Date scalar', async () => {
    const { body } = await server.gql(INGEST, { input: { ...syntheticArticle(8), publishedAt: '2999-12-31T23:59:59+14:00' } });
    expect(body.errors).toBeUndefined();
    expect(body.data.ingestArticle.article.publishedAt).toBe('2999-12-31');
    const events = await server.gql('{ meetings(first: 20) { edges { node { date } } } }');
    for (const edge of events.body.data.meetings.edges) if (edge.node.date) expect(edge.node.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
  });

  test('the same rules hold for files (JSONL/CLI): a bad date is ignored with a warning, never shifted', () => {
    expect(strictGivenDate('2024-02-29')).toEqual({ day: '2024-02-29' });
    expect(normaliseGivenDate('2025-02-30')).toBeNull();
    expect(normaliseGivenDate('9999-12-31T23:59:59+14:00')).toBeNull();
    expect(normaliseGivenDate('Mon, 14 Jul 2025 09:30:00 GMT')).toBe('2025-07-14');
  });
});
