/**
 * Issue 20 points 1 and 8 over real HTTP: long query texts are refused before parsing, and a
 * chunked body over the limit is answered 413 (it used to get a connection reset).
 */
import http from 'node:http';
import { startTestServer, type TestServer } from '../helpers/server';

function chunkedPost(url: string, chunks: number, chunkBytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    const piece = 'x'.repeat(chunkBytes);
    req.write('{"query":"');
    for (let i = 0; i < chunks; i++) req.write(piece);
    req.end('"}');
  });
}

describe('request limits before parsing', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { KG_API_KEY: 'write-key-123', KG_MAX_BODY_BYTES: '65536', KG_MAX_QUERY_BYTES: '8192' } });
  });
  afterAll(async () => {
    await server.close();
  });

  test('a query text over KG_MAX_QUERY_BYTES is 413 PAYLOAD_TOO_LARGE, comments counted, and nothing is parsed', async () => {
    const before = server.store.stats().statements;
    const { status, body } = await server.gql(`# ${'x'.repeat(10_000)}\n{ articles { totalCount } }`);
    expect(status).toBe(413);
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.errors[0].message).toMatch(/limit is 8192/);
    expect(server.store.stats().statements).toBe(before);
    // Large inputs still fit as variables.
    const ok = await server.gql('query($t: String!) { search(text: $t) { name } }', { t: 'y'.repeat(20_000) });
    expect(ok.status).toBe(200);
  });

  test('a chunked body over the body limit gets 413 with a JSON error, and the server keeps serving', async () => {
    const { status, body } = await chunkedPost(server.url, 20, 8192);
    expect(status).toBe(413);
    expect(JSON.parse(body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await server.gql('{ articles { totalCount } }')).status).toBe(200);
  });
});
