/**
 * GET /health (and HEAD): is the store answering, which one it is and where, what it holds, and
 * which extractor and schema this server runs. Never a credential: a Neo4j URI loses its user info.
 */
import type http from 'node:http';
import type { Config } from '../config';
import type { GraphStore } from '../graph/store';
import { countAll } from '../graph/articles';
import type { Logger } from '../logger';
import { versions } from '../versions';

/** A Neo4j URI without user, password, query or fragment (only scheme, host, port and path). */
export function redactUri(uri: string): string {
  try {
    const u = new URL(uri);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    // Not a URL: say so rather than echo what may hold a password.
    return '(not a valid URI)';
  }
}

/** Where the store lives: the embedded store's directory, or the Neo4j server and database. */
export function storeLocation(store: GraphStore, config: Pick<Config, 'dataDir' | 'neo4j'>): { dataDir: string } | { uri: string; database: string | null } {
  if (store.engine === 'neo4j' && config.neo4j) return { uri: redactUri(config.neo4j.uri), database: config.neo4j.database ?? null };
  return { dataDir: config.dataDir };
}

/** Builds the /health handler; the uptime counts from when it is built (the server's start). */
export function createHealth(store: GraphStore, config: Pick<Config, 'dataDir' | 'neo4j'>, logger: Logger) {
  const started = Date.now();
  return async function health(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const base = { engine: store.engine, store: storeLocation(store, config), versions: versions(), uptimeSeconds: Math.round((Date.now() - started) / 1000) };
    let status = 200;
    let body: unknown;
    try {
      body = { status: 'ok', ...base, counts: await countAll(store) };
    } catch (error) {
      logger.error('health check failed', error);
      status = 503;
      body = { status: 'unavailable', ...base };
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
    // HEAD: the same status and headers, no body (a load balancer's cheap probe).
    res.end(req.method === 'HEAD' ? undefined : text);
  };
}
