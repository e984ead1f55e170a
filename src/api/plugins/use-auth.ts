/**
 * API keys: with KG_API_KEY set, every mutation needs `Authorization: Bearer <key>`; without
 * it, only clients on this machine (loopback) may run mutations; with
 * KG_READ_KEY set, reads need the read key or the write key. Keys are compared in
 * constant time (over their SHA-256 digests, so lengths leak nothing either).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** Options of useAuth. */
export interface AuthOptions {
  /** Key that allows writes (and reads). */
  apiKey?: string;
  /** Key that allows reads only. */
  readKey?: string;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Whether `given` equals `expected`, in constant time. */
export function sameKey(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

/** The bearer token of an Authorization header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** The challenge a 401 carries (RFC 9110 §11.6.1): the API takes bearer keys. */
export const BEARER_CHALLENGE = 'Bearer realm="news-kg"';

function denied(message: string, code: 'UNAUTHENTICATED' | 'FORBIDDEN'): GraphQLError {
  const http = code === 'UNAUTHENTICATED' ? { status: 401, headers: new Map([['www-authenticate', BEARER_CHALLENGE]]) } : { status: 403 };
  return new GraphQLError(message, { extensions: { code, http } });
}

/** Whether a socket's remote address is this machine (IPv4 127/8, IPv6 ::1, or IPv4-mapped 127/8). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(?:::ffff:)?127\./.test(address);
}

/** The start-up line saying who may write. */
export function writeAccess(options: AuthOptions): string {
  return options.apiKey
    ? 'writes (mutations) need Authorization: Bearer <KG_API_KEY>'
    : 'writes (mutations) are open to clients on this machine only (no KG_API_KEY set: set one to allow other hosts)';
}

/** An Apollo plugin enforcing the API keys once the operation type is known, before any resolver runs. */
export function useAuth(options: AuthOptions): ApolloServerPlugin<{ loopback: boolean }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation, contextValue }) {
          if (!operation) return;
          // The API has no subscriptions: say so with a request error, not an internal one.
          if (operation.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are not supported: this API answers queries and mutations over HTTP.', { extensions: { code: 'SUBSCRIPTIONS_NOT_SUPPORTED', http: { status: 400 } } });
          }
          const token = bearerToken(request.http?.headers.get('authorization') ?? undefined);
          const writer = sameKey(token, options.apiKey);
          if (operation.operation === 'mutation') {
            if (options.apiKey && !writer) {
              throw token && sameKey(token, options.readKey)
                ? denied('The read key cannot run mutations; use the API key.', 'FORBIDDEN')
                : denied('Mutations need Authorization: Bearer <KG_API_KEY>.', 'UNAUTHENTICATED');
            }
            if (!options.apiKey && !contextValue.loopback) {
              throw denied('Mutations are refused from other hosts while KG_API_KEY is unset: run them on the server machine, or set KG_API_KEY and send Authorization: Bearer <key>.', 'FORBIDDEN');
            }
            return;
          }
          if (options.readKey && !writer && !sameKey(token, options.readKey)) {
            throw denied('Reads need Authorization: Bearer <KG_READ_KEY>.', 'UNAUTHENTICATED');
          }
        },
      };
    },
  };
}
