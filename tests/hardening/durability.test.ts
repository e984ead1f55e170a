/**
 * Issue 20 point 10: the embedded store checkpoints its write-ahead log while open (it used to
 * only on close, so a serving store lived in its log alone), and the HTTP server bounds
 * header and body time and connections.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../src/graph/open';
import { ingestInputs } from '../../src/graph/ingest';
import { syntheticArticle } from '../helpers/corpus';
import { tempDir } from '../helpers/stores';

function walBytes(dir: string): number {
  const wal = path.join(dir, 'graph.grafeo.wal');
  if (!fs.existsSync(wal)) return 0;
  return fs.readdirSync(wal).reduce((n, f) => n + fs.statSync(path.join(wal, f)).size, 0);
}

test('while open, the store checkpoints once the log passes its trigger', async () => {
  const dir = tempDir();
  const store = await openStore({ store: 'embedded', dataDir: dir, checkpoint: { intervalMs: 3_600_000, walBytes: 4096 } });
  try {
    const inputs = Array.from({ length: 40 }, (_, i) => ({ name: `a${i}`, text: syntheticArticle(i).text, meta: { title: syntheticArticle(i).title }, single: true }));
    await ingestInputs(store, inputs, []);
    // Give the engine's background checkpoint a moment.
    for (let i = 0; i < 50 && fs.statSync(path.join(dir, 'graph.grafeo')).size <= 32768; i++) await new Promise((r) => setTimeout(r, 100));
    // The main file holds the data (it stays at its empty 32 KiB without checkpoints) and the log is short.
    expect(fs.statSync(path.join(dir, 'graph.grafeo')).size).toBeGreaterThan(32768);
    expect(walBytes(dir)).toBeLessThan(19_000);
  } finally {
    await store.close();
  }
});

describe('connection limits', () => {
  test('idle half-open connections beyond KG_MAX_CONNECTIONS are closed on arrival and the server keeps answering', async () => {
    const net = await import('node:net');
    const { startTestServer } = await import('../helpers/server');
    const server = await startTestServer({ env: { KG_MAX_CONNECTIONS: '20', KG_HEADERS_TIMEOUT_MS: '500', KG_EXTRACT_WORKERS: '0' } });
    const port = Number(new URL(server.url).port);
    const sockets: import('node:net').Socket[] = [];
    let closedEarly = 0;
    try {
      for (let i = 0; i < 60; i++) {
        const socket = net.connect(port, '127.0.0.1');
        socket.on('error', () => undefined);
        socket.on('close', () => closedEarly++);
        socket.write('GET /health HTTP/1.1\r\nHost: x\r\n'); // never finishes its headers
        sockets.push(socket);
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(closedEarly).toBeGreaterThanOrEqual(30);
      for (const s of sockets) s.destroy();
      await new Promise((r) => setTimeout(r, 200));
      const ok = (await fetch(server.url.replace('/graphql', '/health'))).status === 200;
      expect(ok).toBe(true);
    } finally {
      for (const s of sockets) s.destroy();
      await server.close();
    }
  }, 60_000);
});
