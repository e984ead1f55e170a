/**
 * The one place that turns any error into what a client sees: a documented code in
 * extensions.code, a safe message, and never Cypher, paths or stack traces.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ERROR_CODES, isKgError, type ErrorCode } from '../errors';

/** Something that can log a masked internal error. */
export interface ErrorLogger {
  error(message: string, detail?: unknown): void;
}

const PASS_THROUGH = new Set<string>(Object.keys(ERROR_CODES));
const ARMOR_LIMIT = /^(?:Syntax Error: )?(?:(?:Query depth|Aliases|Token|Directives) limit of \d+ exceeded|Document contains more tha[nt] \d+ tokens)/;

/** Builds Apollo's formatError: known codes pass, everything else is masked and logged. */
export function createFormatError(logger: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isKgError(original)) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code, ...(original.details ?? {}) },
      };
    }
    const apq = persistedQueryError(formatted);
    if (apq) return apq;
    // Request-level errors (parse, validation, variable coercion) have no path and are safe to show;
    // so are GraphQLErrors raised on purpose during execution (scalar parsing).
    if (!formatted.path || (original instanceof GraphQLError && !original.originalError)) {
      // graphql-armor reports its limits as parse or validation errors; they are one documented code here.
      const code = ARMOR_LIMIT.test(formatted.message)
        ? 'QUERY_TOO_COMPLEX'
        : formatted.message.startsWith('Syntax Error:')
          ? 'GRAPHQL_PARSE_FAILED'
          : String(formatted.extensions?.code ?? 'BAD_USER_INPUT');
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: PASS_THROUGH.has(code) ? code : 'BAD_USER_INPUT' } };
    }
    if ((original as { name?: unknown } | null)?.name === 'AbortError') {
      return { message: 'The request took too long and was cancelled.', path: formatted.path, extensions: { code: 'TIMEOUT' satisfies ErrorCode } };
    }
    logger.error(`internal error${formatted.path ? ` at ${formatted.path.join('.')}` : ''}`, original);
    return { message: 'Internal server error.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode } };
  };
}

/**
 * Errors of the automatic persisted query protocol keep the codes its clients look for (Apollo
 * gives the hash mismatch and version errors no code, which would read as an internal error).
 */
function persistedQueryError(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const code = formatted.extensions?.code;
  const as = (c: ErrorCode, message = formatted.message) => ({ message, extensions: { code: c } });
  if (code === 'PERSISTED_QUERY_NOT_FOUND' || formatted.message === 'PersistedQueryNotFound') return as('PERSISTED_QUERY_NOT_FOUND');
  if (code === 'PERSISTED_QUERY_NOT_SUPPORTED' || formatted.message === 'PersistedQueryNotSupported') return as('PERSISTED_QUERY_NOT_SUPPORTED');
  if (formatted.path) return undefined;
  if (formatted.message === 'provided sha does not match query') return as('PERSISTED_QUERY_HASH_MISMATCH');
  if (formatted.message === 'Unsupported persisted query version') return as('BAD_USER_INPUT', 'Unsupported persisted query version: only version 1 is supported.');
  return undefined;
}
