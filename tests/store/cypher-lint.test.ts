/**
 * Neo4j cannot run on these machines, so every statement is checked by Neo4j's own Cypher
 * front end: any error diagnostic (syntax, semantics, undeclared parameter) fails.
 */
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { ALL_STATEMENTS } from '../../src/graph/cypher';

describe('Cypher module', () => {
  test('has statements with unique names', () => {
    const names = ALL_STATEMENTS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  test.each(ALL_STATEMENTS.map((s) => [s.name, s] as const))('%s passes the Neo4j linter', (_name, statement) => {
    const parameters = Object.fromEntries(statement.params.map((p) => [p, null]));
    const { diagnostics } = lintCypherQuery(statement.text, { parameters });
    const errors = diagnostics.filter((d) => d.severity === 1).map((d) => d.message);
    expect(errors).toEqual([]);
  });

  test('declares exactly the parameters it uses', () => {
    for (const s of ALL_STATEMENTS) {
      const used = new Set([...s.text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
      expect({ name: s.name, params: [...s.params].sort() }).toEqual({ name: s.name, params: [...used].sort() });
    }
  });

  test('the linter catches a broken statement (the check can fail)', () => {
    const { diagnostics } = lintCypherQuery('MATCH (n) RETRN n', { parameters: {} });
    expect(diagnostics.some((d) => d.severity === 1)).toBe(true);
  });
});
