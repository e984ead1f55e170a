/**
 * CORS for browser apps on other origins (KG_CORS_ORIGINS), Apollo Studio's hosted Sandbox among
 * them. Same-origin pages (/explore, /graphiql) need none of it. Origins not listed get no CORS
 * headers, so their browsers refuse to hand them the answers.
 */
import type http from 'node:http';

/** Request headers a cross-origin GraphQL client may send (Apollo's clients and Sandbox included). */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
].join(', ');

/** The Access-Control-Allow-Origin value for a request's Origin, or null when it is not allowed. */
export function allowedOrigin(origin: string | undefined, allowed: readonly string[]): string | null {
  if (!origin) return null;
  if (allowed.includes('*')) return '*';
  return allowed.includes(origin) ? origin : null;
}

/**
 * Sets the CORS headers a request's origin earns and answers preflight requests.
 * Returns true when the request was a preflight and has been answered.
 */
export function applyCors(req: http.IncomingMessage, res: http.ServerResponse, allowed: readonly string[]): boolean {
  const origin = allowedOrigin(req.headers.origin, allowed);
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  res.setHeader('vary', 'Origin');
  if (origin) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'content-type');
  }
  if (!preflight) return false;
  if (origin) {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', '600');
    // Chrome asks before a public site (Studio) may reach a private address such as localhost.
    if (req.headers['access-control-request-private-network'] === 'true') res.setHeader('access-control-allow-private-network', 'true');
  }
  res.writeHead(origin ? 204 : 403, { 'content-length': '0' });
  res.end();
  return true;
}
