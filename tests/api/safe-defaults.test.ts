/**
 * Safe defaults: the API listens on loopback unless HOST says otherwise, and without
 * KG_API_KEY it takes mutations only from this machine; the start-up line says so.
 */
import os from 'node:os';
import { loadConfig } from '../../src/config';
import { openStore } from '../../src/graph/open';
import { startServer, type RunningServer } from '../../src/api/server';
import { createLogger } from '../../src/logger';
import type { GraphStore } from '../../src/graph/store';
import { engineEnv, wipe } from '../helpers/stores';
import { toGlobalId } from '../../src/api/ids';

/** This machine's first non-loopback IPv4 address: a client connecting to it is not loopback. */
const external = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

const DELETE = `mutation { deleteArticle(id: "${toGlobalId('Article', 'no-such-article')}") { deleted } }`;

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as any };
}

test('HOST defaults to loopback', () => {
  expect(loadConfig({}).host).toBe('127.0.0.1');
  expect(loadConfig({ HOST: '' }).host).toBe('127.0.0.1');
  expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
});

describe.each([
  ['without KG_API_KEY', {}],
  ['with KG_API_KEY', { KG_API_KEY: 'write-key-0123456789' }],
])('writes from other hosts %s', (_label, env: Record<string, string>) => {
  let store: GraphStore;
  let server: RunningServer;
  const lines: string[] = [];
  beforeAll(async () => {
    const config = loadConfig({ ...engineEnv('embedded'), PORT: '0', HOST: '0.0.0.0', KG_LOG_LEVEL: 'silent', KG_EXTRACT_WORKERS: '0', ...env });
    store = await openStore(config);
    await wipe(store);
    server = await startServer({ store, config, logger: createLogger('info', (l) => lines.push(l)) });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });
  const local = () => `http://127.0.0.1:${server.port}/graphql`;
  const remote = () => `http://${external}:${server.port}/graphql`;
  const auth: Record<string, string> = env.KG_API_KEY ? { authorization: `Bearer ${env.KG_API_KEY}` } : {};

  test('the start-up line says whether writes are open and to whom', () => {
    const line = lines.find((l) => l.includes('writes (mutations)'));
    expect(line).toMatch(env.KG_API_KEY ? /need Authorization: Bearer <KG_API_KEY>/ : /open to clients on this machine only/);
  });

  test('loopback clients may write (with the key when one is set)', async () => {
    const { status, body } = await post(local(), DELETE, auth);
    expect({ status, data: body.data }).toEqual({ status: 200, data: { deleteArticle: { deleted: false } } });
  });

  (external ? test : test.skip)('other hosts are refused without a key, allowed with it; reads stay open', async () => {
    const { status, body } = await post(remote(), DELETE, auth);
    if (env.KG_API_KEY) {
      expect(body.data).toEqual({ deleteArticle: { deleted: false } });
    } else {
      expect(status).toBe(403);
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(body.errors[0].message).toMatch(/KG_API_KEY/);
    }
    const read = await post(remote(), '{ articles { totalCount } }');
    expect(read.body.data).toEqual({ articles: { totalCount: 0 } });
  });
});
