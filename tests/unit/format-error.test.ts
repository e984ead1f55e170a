/**
 * The one place errors are formatted: documented codes pass, everything else is masked.
 */
import { GraphQLError } from 'graphql';
import { createFormatError } from '../../src/api/format-error';
import { KgError } from '../../src/errors';

const logged: string[] = [];
const format = createFormatError({ error: (m) => logged.push(m) });

test('KgErrors keep their code and message', () => {
  const out = format({ message: 'x', path: ['a'] }, new KgError('NOT_FOUND', 'No such thing.'));
  expect(out).toMatchObject({ message: 'No such thing.', extensions: { code: 'NOT_FOUND' } });
});

test('a cancelled request is a TIMEOUT', () => {
  const abort = new DOMException('aborted', 'AbortError');
  expect(format({ message: 'aborted', path: ['a'] }, abort).extensions?.code).toBe('TIMEOUT');
});

test('internal errors are masked and logged', () => {
  const out = format({ message: 'GRAFEO-Q001 MATCH (n) failed', path: ['a'] }, new Error('GRAFEO-Q001 MATCH (n) failed'));
  expect(out).toEqual({ message: 'Internal server error.', path: ['a'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  expect(logged.at(-1)).toMatch(/internal error at a/);
});

test('limit errors from graphql-armor become QUERY_TOO_COMPLEX', () => {
  const out = format({ message: 'Syntax Error: Query depth limit of 10 exceeded, found 12.' }, new GraphQLError('x'));
  expect(out.extensions?.code).toBe('QUERY_TOO_COMPLEX');
});
