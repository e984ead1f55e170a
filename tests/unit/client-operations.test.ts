/**
 * Issue 19: client operations are gql documents validated against the schema. Every document
 * of the explorer, the README and the tests validates; a schema without a field they select
 * makes them fail (what `npm run codegen:check` does in `npm test`); the README shows the
 * README documents as written; the generated typed documents are the same operations.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, print, validate, type DocumentNode } from 'graphql';
import { loadTypeDefs } from '../../src/api/schema';
import * as explorer from '../../src/web/explore/operations';
import * as readme from '../../src/client/operations/readme';
import * as graph from '../../src/client/operations/graph';
import * as generated from '../../src/client/generated/operations';
import possibleTypes from '../../src/client/generated/possible-types';

const documents: [string, DocumentNode][] = Object.entries({ ...explorer, ...readme, ...graph });
const operationsOnly = documents.filter(([, d]) => d.definitions.some((def) => def.kind === 'OperationDefinition'));

test.each(operationsOnly)('%s validates against the schema', (_name, doc) => {
  expect(validate(buildSchema(loadTypeDefs()), doc).map((e) => e.message)).toEqual([]);
});

test('a schema change that drops a field the explorer selects fails validation', () => {
  const sdl = loadTypeDefs().replace(/\n(\s*"[^"\n]*"\s*\n)?\s*articleCount: Int!\n/g, '\n');
  expect(sdl).not.toMatch(/articleCount/);
  const errors = validate(buildSchema(sdl), explorer.SEARCH).map((e) => e.message);
  expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/Cannot query field "articleCount"/)]));
});

test("the README's graphql blocks are the README documents", () => {
  const text = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  // Compared definition by definition: a README block shows a query without the fragments it spreads.
  const shown = [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap((m) => parse(m[1]).definitions.map((d) => print(d)));
  const ours = new Set(Object.values(readme).flatMap((d) => d.definitions.map((def) => print(def))));
  for (const definition of shown) expect(ours).toContain(definition);
  expect(shown.length).toBeGreaterThanOrEqual(4);
});

test('each gql document has its typed document from codegen, selecting the same', () => {
  for (const [, doc] of operationsOnly) {
    const op = doc.definitions.find((d) => d.kind === 'OperationDefinition')!;
    const name = op.name!.value;
    const kind = op.operation === 'mutation' ? 'Mutation' : 'Query';
    const typed = (generated as Record<string, unknown>)[`${name}Document`] as DocumentNode | undefined;
    expect({ name, typed: !!typed }).toEqual({ name, typed: true });
    expect(print(typed!)).toBe(print(doc));
    expect(kind).toMatch(/Query|Mutation/);
  }
});

test('possibleTypes lists every implementation of Entity and Node', () => {
  expect(possibleTypes.possibleTypes.Entity.sort()).toEqual(['Organization', 'Person', 'Place']);
  expect(possibleTypes.possibleTypes.Node).toEqual(expect.arrayContaining(['Article', 'Event', 'Person']));
});
