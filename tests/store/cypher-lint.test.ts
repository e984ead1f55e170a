/**
 * Every statement is checked by Neo4j's own Cypher front end: any error diagnostic (syntax,
 * semantics, undeclared parameter) fails. With a real Neo4j (NEO4J_URI, `npm run test:neo4j`)
 * each statement is also planned by the server (EXPLAIN), which must raise no warning, so
 * syntax deprecated in 5.x (e.g. `CALL { WITH x }`) fails here before a later version drops it.
 */
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import neo4j, { type Driver } from 'neo4j-driver';
import { ALL_STATEMENTS } from '../../src/graph/cypher';
import { describeOnNeo4j } from '../helpers/stores';

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

describeOnNeo4j('Cypher module', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = neo4j.driver(process.env.NEO4J_URI!, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''));
    const session = driver.session();
    // The server plans against the schema: create it first.
    for (const s of ALL_STATEMENTS.filter((x) => /^(CREATE (CONSTRAINT|INDEX)|CALL db\.awaitIndexes)/.test(x.text))) await session.run(s.text);
    await session.close();
  });
  afterAll(async () => {
    await driver.close();
  });

  test('the server plans every statement without a warning', async () => {
    const session = driver.session();
    const problems: string[] = [];
    try {
      for (const s of ALL_STATEMENTS.filter((x) => !/^(CREATE (CONSTRAINT|INDEX)|CALL db\.)/.test(x.text))) {
        const parameters = Object.fromEntries(s.params.map((p) => [p, null]));
        const result = await session.run(`EXPLAIN ${s.text}`, parameters);
        for (const n of result.summary.notifications) {
          // Unknown labels, types and property keys only say what the (test) data lacks so far.
          if (/Unknown(Label|RelationshipType|PropertyKey)Warning$/.test(n.code)) continue;
          if ((n.severityLevel ?? (n as { severity?: string }).severity) === 'WARNING') problems.push(`${s.name}: ${n.code} ${n.description}`);
        }
      }
    } finally {
      await session.close();
    }
    expect(problems).toEqual([]);
  });
});
