/**
 * The only module that reads process.env. Everything else receives a Config.
 */
import os from 'node:os';
import path from 'node:path';
import { KgError } from './errors';

/** Which graph engine stores the knowledge graph. */
export type StoreKind = 'embedded' | 'neo4j';

/** Connection settings for a Neo4j server. */
export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** Neo4j ends a read transaction that runs longer than this (the request time limit). */
  readTimeoutMs?: number;
}

/** Limits that protect the API from abusive or accidental heavy requests. */
export interface ApiLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxCost: number;
  maxBodyBytes: number;
  /** Longest query text accepted (bytes, comments included); well under maxBodyBytes. */
  maxQueryBytes: number;
  /** Largest reply sent; a larger one is refused with RESPONSE_TOO_LARGE. */
  maxResponseBytes: number;
  /** Bytes the parsed-document cache may hold, query texts included. */
  documentCacheBytes: number;
  maxArticleBytes: number;
  maxPageSize: number;
  requestTimeoutMs: number;
  /** Time a client has to send its request headers. */
  headersTimeoutMs: number;
  /** Open sockets served at once; more are closed on arrival. */
  maxConnections: number;
}

/** The whole service configuration, resolved once at start-up. */
export interface Config {
  store: StoreKind;
  dataDir: string;
  neo4j?: Neo4jConfig;
  port: number;
  host: string;
  production: boolean;
  apiKey?: string;
  readKey?: string;
  limits: ApiLimits;
  /** When the embedded store checkpoints its log while open (besides on close). */
  checkpoint: { intervalMs: number; walBytes: number };
  /** Extraction worker threads (0: extract on the main thread). */
  extractWorkers: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Browser origins allowed to call the API from other sites (CORS); '*' allows any. */
  corsOrigins: string[];
  /** Whether /graphiql serves the bundled IDE (default: outside production). */
  graphiql: boolean;
  /** Where `npm run build` puts the browser pages (dist/web). */
  webDir: string;
}

/** The default KG_CORS_ORIGINS: Apollo Studio's hosted Sandbox (same-origin pages need none). */
export const DEFAULT_CORS_ORIGINS = ['https://studio.apollographql.com'];

function corsOriginsFrom(raw: string | undefined): string[] {
  if (raw === undefined) return DEFAULT_CORS_ORIGINS;
  const origins = raw.split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean);
  for (const origin of origins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new KgError('BAD_CONFIG', `KG_CORS_ORIGINS has "${origin}", which is not an origin; give scheme and host, e.g. KG_CORS_ORIGINS=https://app.example.org,http://localhost:3000 (or * for any).`);
    }
  }
  return origins;
}

function booleanFrom(env: Env, name: string, fallback: boolean): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new KgError('BAD_CONFIG', `${name}=${env[name]} is not a yes/no value; use ${name}=true or ${name}=false.`);
}

type Env = Record<string, string | undefined>;

function intFrom(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new KgError('BAD_CONFIG', `${name}=${raw} is not a whole number >= ${min}; unset it or give e.g. ${name}=${fallback}.`);
  }
  return value;
}

/** A URI as it may be printed: without a user name or password. */
function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}

/** Reads the configuration from an environment (process.env by default), failing with BAD_CONFIG. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const store = (env.KG_STORE ?? 'embedded').trim().toLowerCase();
  if (store !== 'embedded' && store !== 'neo4j') {
    throw new KgError('BAD_CONFIG', `KG_STORE=${env.KG_STORE} is not a known store; use KG_STORE=embedded (default) or KG_STORE=neo4j.`);
  }
  let neo4j: Neo4jConfig | undefined;
  if (env.NEO4J_URI) {
    // The driver speaks Bolt only; "http://host:7474" is the browser's port and would end in a stack trace.
    const scheme = /^([a-z0-9+]+):\/\//i.exec(env.NEO4J_URI)?.[1]?.toLowerCase();
    if (!scheme || !/^(?:neo4j|bolt)(?:\+s|\+ssc)?$/.test(scheme)) {
      throw new KgError('BAD_CONFIG', `NEO4J_URI=${redactUri(env.NEO4J_URI)} is not a Bolt address; use neo4j://host:7687 or bolt://host:7687 (+s or +ssc for TLS).`);
    }
    neo4j = {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
      readTimeoutMs: intFrom(env, 'KG_REQUEST_TIMEOUT_MS', 10000, 1),
    };
  }
  if (store === 'neo4j' && !neo4j) {
    throw new KgError('BAD_CONFIG', 'KG_STORE=neo4j needs NEO4J_URI (e.g. neo4j://localhost:7687), NEO4J_USER and NEO4J_PASSWORD.');
  }
  const logLevel = (env.KG_LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(logLevel)) {
    throw new KgError('BAD_CONFIG', `KG_LOG_LEVEL=${env.KG_LOG_LEVEL} is not one of debug, info, warn, error, silent.`);
  }
  const port = intFrom(env, 'PORT', 4000, 0);
  const production = env.NODE_ENV === 'production';
  if (port > 65535) throw new KgError('BAD_CONFIG', `PORT=${port} is not a TCP port; use 1-65535 (or 0 for any free port).`);
  return {
    store,
    dataDir: path.resolve(env.KG_DATA_DIR ?? './data'),
    neo4j,
    port,
    // Loopback by default: a fresh install is not reachable from other machines until HOST says so.
    host: env.HOST || '127.0.0.1',
    production,
    apiKey: env.KG_API_KEY || undefined,
    readKey: env.KG_READ_KEY || undefined,
    limits: {
      maxDepth: intFrom(env, 'KG_MAX_DEPTH', 10, 1),
      maxAliases: intFrom(env, 'KG_MAX_ALIASES', 15, 1),
      maxTokens: intFrom(env, 'KG_MAX_TOKENS', 1000, 10),
      maxCost: intFrom(env, 'KG_MAX_COST', 5000, 1),
      maxBodyBytes: intFrom(env, 'KG_MAX_BODY_BYTES', 2 * 1024 * 1024, 1024),
      maxQueryBytes: intFrom(env, 'KG_MAX_QUERY_BYTES', 64 * 1024, 256),
      maxResponseBytes: intFrom(env, 'KG_MAX_RESPONSE_BYTES', 8 * 1024 * 1024, 1024),
      documentCacheBytes: intFrom(env, 'KG_DOCUMENT_CACHE_BYTES', 8 * 1024 * 1024, 0),
      maxArticleBytes: intFrom(env, 'KG_MAX_ARTICLE_BYTES', 1024 * 1024, 1024),
      maxPageSize: intFrom(env, 'KG_MAX_PAGE_SIZE', 100, 1),
      requestTimeoutMs: intFrom(env, 'KG_REQUEST_TIMEOUT_MS', 10000, 1),
      headersTimeoutMs: intFrom(env, 'KG_HEADERS_TIMEOUT_MS', 10000, 100),
      maxConnections: intFrom(env, 'KG_MAX_CONNECTIONS', 1000, 1),
    },
    checkpoint: {
      intervalMs: intFrom(env, 'KG_CHECKPOINT_INTERVAL_MS', 60_000, 1),
      walBytes: intFrom(env, 'KG_CHECKPOINT_WAL_BYTES', 8 * 1024 * 1024, 1),
    },
    // One core stays with the thread that writes and serves: on 2 cores, kg ingest of the BBC set took 30-31 s
    // with one worker against 35-36 s with two (and 600 MB peak RSS against 710-740).
    extractWorkers: intFrom(env, 'KG_EXTRACT_WORKERS', Math.max(1, os.availableParallelism() - 1), 0),
    logLevel,
    corsOrigins: corsOriginsFrom(env.KG_CORS_ORIGINS),
    graphiql: booleanFrom(env, 'KG_GRAPHIQL', !production),
    // From src/ (tests) and dist/ (built) alike, the project's dist/web.
    webDir: path.resolve(env.KG_WEB_DIR ?? path.join(__dirname, '..', 'dist', 'web')),
    ...overrides,
  };
}
