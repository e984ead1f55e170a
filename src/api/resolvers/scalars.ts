/**
 * Custom scalars: Date (YYYY-MM-DD, YYYY-MM or YYYY) and DateTime (ISO 8601 instant).
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type { Resolvers } from '../generated/graphql';

const DATE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value) || (value.length === 10 && Number.isNaN(Date.parse(value)))) {
    throw new GraphQLError(`Date must be YYYY-MM-DD, YYYY-MM or YYYY; got ${JSON.stringify(value)?.slice(0, 40)}.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (value.length === 10 && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`${value} is not a calendar date.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

function parseDateTime(value: unknown): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError('DateTime must be an ISO 8601 instant.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

/** A stored date is only ever sent in the scalar's own format; anything else is an error, never a malformed value. */
function serializeDate(value: unknown): string {
  const text = String(value);
  if (!DATE.test(text)) throw new GraphQLError(`A stored date (${text.slice(0, 20)}) is not YYYY-MM-DD, YYYY-MM or YYYY.`);
  return text;
}

/** Resolvers of the custom scalars. */
export const scalarResolvers: Resolvers = {
  Date: new GraphQLScalarType({
    name: 'Date',
    description: 'A calendar date, ISO 8601 YYYY-MM-DD (also YYYY-MM or YYYY where a precision says so).',
    serialize: serializeDate,
    parseValue: parseDate,
    parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
  }),
  DateTime: new GraphQLScalarType({
    name: 'DateTime',
    description: 'An instant, ISO 8601 with time zone.',
    serialize: (value) => String(value),
    parseValue: parseDateTime,
    parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
  }),
};
