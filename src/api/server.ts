/**
 * The HTTP server: Apollo Server on /graphql (with Sandbox outside production), GET /health,
 * the browser pages (/explore, /graphiql: web.ts), CORS (cors.ts), and the request guards
 * (body size) that must act before GraphQL parsing.
 */
import http from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Config } from '../config';
import { KgError } from '../errors';
import type { GraphStore } from '../graph/store';
import type { Logger } from '../logger';
import type { ApiContext } from './context';
import { applyCors } from './cors';
import { createFormatError } from './format-error';
import { landingPage } from './landing-page';
import { createLoaders } from './loaders';
import { createSearchCache } from './search-cache';
import { BEARER_CHALLENGE, isLoopback, useAuth, writeAccess } from './plugins/use-auth';
import { DEFAULT_LEAF_COSTS, useQueryCost } from './plugins/use-query-cost';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { resolvers } from './resolvers';
import { createDocumentCache } from './document-cache';
import { refuseLargeReply, refuseLongQuery, refuseWithoutKey, type Refusal } from './limits';
import { createExtractPool } from '../extract-pool/pool';
import { prepareWrites } from '../graph/ingest';
import { loadTypeDefs } from './schema';
import { createWebPages } from './web';
import { createHealth } from './health';

/** What createApi needs. */
export interface ApiOptions {
  store: GraphStore;
  config: Config;
  logger: Logger;
}

/** An API instance: a request handler to mount on any node:http server. */
export interface Api {
  apollo: ApolloServer<ApiContext>;
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  stop(): Promise<void>;
}

class BodyTooLarge extends Error {}

/**
 * Reads the body up to `limit` bytes. Past the limit (declared or counted, chunked or not) it
 * rejects at once so the 413 goes out, and keeps reading and dropping the rest so the client
 * gets that answer rather than a reset; a body still arriving DRAIN_MS later is cut off.
 */
function readBody(req: http.IncomingMessage, limit: number, keep = true): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    const overflow = () => {
      over = true;
      chunks.length = 0;
      setTimeout(() => req.complete || req.destroy(), DRAIN_MS).unref();
      reject(new BodyTooLarge());
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) overflow();
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) overflow();
      else if (keep) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** How long an over-limit body is still read (and dropped) so its 413 can arrive. */
const DRAIN_MS = 10_000;

function sendRefusal(res: http.ServerResponse, refusal: Refusal): void {
  // RFC 9110: a 401 names the scheme that would be accepted.
  sendJson(res, refusal.status, { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] }, refusal.status === 401 ? { 'www-authenticate': BEARER_CHALLENGE } : {});
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Builds and starts the Apollo server and returns a node:http handler for it. */
export async function createApi({ store, config, logger }: ApiOptions): Promise<Api> {
  const limits = config.limits;
  // Depth and alias limits act while validating: before any resolver runs. The token limit is
  // graphql's own parse option (below): armor's re-parses in parsingDidStart, where a syntax
  // error escapes Apollo's parse handling and becomes a 500.
  const armor = new ApolloArmor({
    // Fragments add no depth: a client reading through fragments (Apollo's habit) is measured by its fields.
    maxDepth: { n: limits.maxDepth, exposeLimits: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: true },
    maxTokens: { enabled: false },
    maxDirectives: { n: 20, exposeLimits: true },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
  const apollo = new ApolloServer<ApiContext>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    // The IDE's docs need introspection: enabling the IDE in production enables it too.
    introspection: !config.production || config.graphiql,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    validationRules: armor.validationRules,
    // Past the limit parsing stops with a syntax error: GRAPHQL_PARSE_FAILED's 400, mapped to QUERY_TOO_COMPLEX.
    parseOptions: { maxTokens: limits.maxTokens },
    // Bounded by bytes with the query text counted (Apollo's default counts neither).
    documentStore: createDocumentCache(limits.documentCacheBytes) as never,
    plugins: [
      ...armor.plugins,
      useAuth({ apiKey: config.apiKey, readKey: config.readKey }),
      useQueryCost({ maxCost: limits.maxCost, defaultPageSize: 20, defaultListSize: 5, maxPageSize: limits.maxPageSize, leafCosts: DEFAULT_LEAF_COSTS }),
      config.production ? ApolloServerPluginLandingPageDisabled() : landingPage(config),
      // No cache hints are set anywhere; the default plugin would still wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
    ],
    logger: { debug: logger.debug, info: logger.info, warn: logger.warn, error: logger.error },
  });
  await apollo.start();
  const search = createSearchCache(store);
  const web = createWebPages(config, logger);
  // Extraction runs in worker threads (started on the first mutation), never on this event loop.
  const extractor = config.extractWorkers > 0 ? createExtractPool(config.extractWorkers) : undefined;
  // Workers load the models before the server says it is ready, so no first request waits for that.
  await extractor?.ready();
  // After the pool, which brings the gazetteer this needs (built once for every thread).
  prepareWrites();

  const health = createHealth(store, config, logger);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (applyCors(req, res, config.corsOrigins)) return;
    if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) return health(req, res);
    if (await web.handle(req, res, url.pathname)) return;
    if (url.pathname !== '/graphql') {
      sendJson(res, 404, { errors: [{ message: 'Not found: the API is at /graphql.', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    const keyless = refuseWithoutKey(req, config);
    if (keyless) {
      // The body is read and dropped, never buffered or parsed.
      await readBody(req, config.limits.maxBodyBytes, false).catch(() => undefined);
      return sendRefusal(res, keyless);
    }
    let raw = '';
    try {
      raw = await readBody(req, config.limits.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendJson(res, 413, {
          errors: [{ message: `The request body exceeds ${config.limits.maxBodyBytes} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
        });
        return;
      }
      throw error;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = raw;
    if (req.method === 'POST' && (headers.get('content-type') ?? '').includes('application/json')) {
      try {
        body = raw.length ? JSON.parse(raw) : {};
      } catch {
        sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_USER_INPUT' } }] });
        return;
      }
    }
    const long = refuseLongQuery(body, url.search, config.limits.maxQueryBytes);
    if (long) return sendRefusal(res, long);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.limits.requestTimeoutMs);
    res.on('close', () => controller.abort());
    try {
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => ({ store, config, signal: controller.signal, loaders: createLoaders(store, controller.signal), search, extractor, loopback: isLoopback(req.socket.remoteAddress) }),
      });
      const outHeaders: Record<string, string> = {};
      for (const [key, value] of response.headers) outHeaders[key] = value;
      const tooLarge = response.body.kind === 'complete' ? refuseLargeReply(response.body.string, config.limits.maxResponseBytes) : undefined;
      if (tooLarge) return sendRefusal(res, tooLarge);
      res.writeHead(response.status ?? 200, outHeaders);
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    apollo,
    handle: (req, res) =>
      handle(req, res).catch((error) => {
        logger.error('request failed', error);
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        else res.end();
      }),
    stop: async () => {
      await apollo.stop();
      await extractor?.close();
    },
  };
}

/**
 * Bounds what a slow or idle client can hold: headers within KG_HEADERS_TIMEOUT_MS, the whole
 * request within twice the request timeout, at most KG_MAX_CONNECTIONS sockets at once (more
 * are closed on arrival, so half-open connections cannot exhaust file descriptors).
 */
function applyConnectionLimits(server: http.Server, config: Config): void {
  server.headersTimeout = config.limits.headersTimeoutMs;
  server.requestTimeout = Math.max(config.limits.headersTimeoutMs + 1000, config.limits.requestTimeoutMs * 2);
  server.maxConnections = config.limits.maxConnections;
}

/** A running HTTP server. */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the API on config.port, failing with a clear BAD_CONFIG when the port is taken. */
export async function startServer(options: ApiOptions): Promise<RunningServer> {
  const api = await createApi(options);
  // Header and request timeouts are enforced on this interval (Node's default is 30 s).
  const server = http.createServer({ connectionsCheckingInterval: 1000 }, (req, res) => void api.handle(req, res));
  server.keepAliveTimeout = 5000;
  applyConnectionLimits(server, options.config);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new KgError('BAD_CONFIG', `Port ${options.config.port} is already in use; stop the other process or set PORT to a free port.`));
      } else if (error.code === 'EACCES') {
        reject(new KgError('BAD_CONFIG', `Not allowed to listen on port ${options.config.port}; use a port above 1024 (PORT=4000).`));
      } else reject(error);
    });
    server.listen(options.config.port, options.config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.config.port;
  options.logger.info(`listening on ${options.config.host}:${port}; ${writeAccess(options.config)}`);
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await api.stop();
    },
  };
}
