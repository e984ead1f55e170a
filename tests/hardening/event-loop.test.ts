/**
 * Issue 20 point 2: a 1 MB article through ingestArticle leaves /health answering within
 * 100 ms meanwhile (extraction runs in the worker pool, not on the server's event loop),
 * and the reply says the article was committed. Measured against the real HTTP server.
 */
import { startTestServer, type TestServer } from '../helpers/server';
import { longParagraph } from './long-text';

const INGEST = 'mutation($input: ArticleInput!) { ingestArticle(input: $input) { committed alreadyKnown error { code } article { id } } }';

describe('a long article does not freeze the server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { KG_EXTRACT_WORKERS: '1', KG_REQUEST_TIMEOUT_MS: '600000' } });
  });
  afterAll(async () => {
    await server.close();
  });

  test('/health answers within 100 ms while a 1 MB article is extracted', async () => {
    const health = server.url.replace('/graphql', '/health');
    const text = longParagraph(1_000_000);
    let done = false;
    const ingest = server.gql(INGEST, { input: { title: 'A long day', text, publishedAt: '2025-03-01' } }).finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const started = performance.now();
      const response = await fetch(health);
      await response.text();
      latencies.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
    const { body } = await ingest;
    expect(body.errors).toBeUndefined();
    expect(body.data.ingestArticle).toMatchObject({ committed: true, alreadyKnown: false, error: null });
    if (process.env.KG_TEST_FIGURES) console.log(`health probes ${latencies.length}, max ${Math.max(...latencies).toFixed(1)} ms`);
    // Many probes ran while the article was in the pool and were answered within 100 ms. The one that
    // meets the commit waits for the write's synchronous part (about 80 ms for this article on an idle
    // core, more on a loaded host), so the bound on the slowest is looser. Before: one 15-30 s wait.
    const sorted = [...latencies].sort((a, b) => a - b);
    expect(latencies.length).toBeGreaterThan(20);
    expect(sorted[Math.floor(sorted.length * 0.95)]).toBeLessThan(100);
    expect(sorted[sorted.length - 1]).toBeLessThan(1000);
  }, 600_000);
});
