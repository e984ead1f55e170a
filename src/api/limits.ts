/**
 * Request guards that act before GraphQL parsing: a key check for servers that need a key
 * for every request, and a limit on the query text itself (comments included, which the
 * token limit does not count).
 */
import type http from 'node:http';
import type { Config } from '../config';
import { bearerToken, sameKey } from './plugins/use-auth';

/** A refusal to send as-is: HTTP status and a GraphQL-shaped error body. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/**
 * With KG_READ_KEY set every operation needs a key, so a request carrying neither key is
 * refused here, before its body is even read. Without a read key, reads are public and
 * the operation type decides (useAuth, after parsing).
 */
export function refuseWithoutKey(req: http.IncomingMessage, config: Pick<Config, 'apiKey' | 'readKey'>): Refusal | undefined {
  if (!config.readKey) return undefined;
  const token = bearerToken(req.headers.authorization);
  if (sameKey(token, config.apiKey) || sameKey(token, config.readKey)) return undefined;
  // A browser asking for the Sandbox page (GET with no query) is not an operation.
  if (req.method === 'GET' && !new URL(req.url ?? '/', 'http://localhost').searchParams.has('query')) return undefined;
  return { status: 401, code: 'UNAUTHENTICATED', message: 'Reads need Authorization: Bearer <KG_READ_KEY>.' };
}

/** Refuses a query text (POST body field or GET parameter) longer than the configured limit. */
export function refuseLongQuery(body: unknown, search: string, maxQueryBytes: number): Refusal | undefined {
  let query: unknown = body && typeof body === 'object' ? (body as { query?: unknown }).query : undefined;
  if (query === undefined && search) query = new URLSearchParams(search).get('query') ?? undefined;
  if (typeof query !== 'string') return undefined;
  // Cheap upper bound first: a UTF-8 byte is at most 3 per UTF-16 unit here.
  if (query.length * 3 <= maxQueryBytes) return undefined;
  const bytes = Buffer.byteLength(query, 'utf8');
  if (bytes <= maxQueryBytes) return undefined;
  return {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: `The query text is ${bytes} bytes; the limit is ${maxQueryBytes} (comments and whitespace count). Send large inputs as variables.`,
  };
}

/**
 * Refuses a reply over the response limit: the client gets a clear error instead of a body
 * nobody asked to be that large (the cost limit bounds the work; this bounds the bytes).
 */
export function refuseLargeReply(body: string, maxResponseBytes: number): Refusal | undefined {
  if (body.length * 3 <= maxResponseBytes) return undefined;
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes <= maxResponseBytes) return undefined;
  return {
    status: 413,
    code: 'RESPONSE_TOO_LARGE',
    message: `The reply would be ${bytes} bytes; the limit is ${maxResponseBytes} (KG_MAX_RESPONSE_BYTES). Ask for fewer items or leave out Article.text.`,
  };
}
