/**
 * The one model of errors in the service. Every layer throws KgError with a code from
 * ERROR_CODES; each boundary (GraphQL, CLI, HTTP) translates it once.
 */

/** Every error code a client or operator can see, with what it means. */
export const ERROR_CODES = {
  BAD_USER_INPUT: 'The request or its input is invalid: fix the input and retry.',
  GRAPHQL_PARSE_FAILED: 'The GraphQL document could not be parsed.',
  GRAPHQL_VALIDATION_FAILED: 'The GraphQL document does not match the schema.',
  NOT_FOUND: 'The requested object does not exist.',
  UNAUTHENTICATED: 'A valid API key is required (Authorization: Bearer <key>).',
  FORBIDDEN: 'The key given does not allow this operation.',
  QUERY_TOO_COMPLEX: 'The query exceeds a depth, alias, token or cost limit.',
  PAYLOAD_TOO_LARGE: 'The request body or article exceeds the configured size limit.',
  RESPONSE_TOO_LARGE: 'The reply would exceed KG_MAX_RESPONSE_BYTES; ask for fewer items or fields.',
  TIMEOUT: 'The request took longer than the configured time limit and was cancelled.',
  CONFLICT: 'A concurrent write conflicted and retries were exhausted; retry the request.',
  BAD_CONFIG: 'The service configuration is invalid.',
  STORE_UNAVAILABLE: 'The graph store cannot be reached or opened.',
  BAD_INPUT_FILE: 'An input file could not be read as an article.',
  PERSISTED_QUERY_NOT_FOUND: 'Automatic persisted queries: the hash is not known here; send the query text with it.',
  PERSISTED_QUERY_NOT_SUPPORTED: 'Automatic persisted queries are off on this server; send the query text.',
  PERSISTED_QUERY_HASH_MISMATCH: 'Automatic persisted queries: the sha256Hash sent is not the hash of the query text sent (HTTP 400).',
  SUBSCRIPTIONS_NOT_SUPPORTED: 'The API answers queries and mutations; subscription operations are refused (HTTP 400).',
  INTERNAL_SERVER_ERROR: 'An unexpected error; details are in the server log, never in the response.',
} as const;

/** A documented error code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** An expected failure with a code from ERROR_CODES and a message fit to show a user. */
export class KgError extends Error {
  /** Machine-readable code, one of ERROR_CODES. */
  readonly code: ErrorCode;
  /** Extra structured details safe to show (never secrets or Cypher). */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KgError';
    this.code = code;
    this.details = details;
  }
}

/** True when `error` is a KgError, optionally with the given code. */
export function isKgError(error: unknown, code?: ErrorCode): error is KgError {
  return error instanceof KgError && (code === undefined || error.code === code);
}
