/**
 * Every Cypher statement the service runs, in one place. Values always travel as
 * parameters; labels and relationship types are fixed text, never built from input.
 * tests/store/cypher-lint.test.ts lints each statement with Neo4j's own Cypher front end.
 */

/** A named, parameterised Cypher statement. */
export interface Statement {
  readonly name: string;
  readonly text: string;
  /** Every parameter the statement reads, declared for the linter. */
  readonly params: readonly string[];
}

function statement(name: string, text: string, params: readonly string[] = []): Statement {
  return Object.freeze({ name, text: text.trim().replace(/\s+\n/g, '\n'), params: Object.freeze([...params]) });
}

/** Schema set-up shared by both engines: uniqueness constraints. */
export const CONSTRAINTS: Statement[] = [
  statement('constraint_article_id', 'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE'),
];

/**
 * Indexes the embedded engine needs in addition: in Grafeo a uniqueness constraint does not
 * create an index, and MERGE without one scans the label.
 */
export const EMBEDDED_INDEXES: Statement[] = [
  statement('index_article_id', 'CREATE INDEX article_id_idx IF NOT EXISTS FOR (n:Article) ON (n.id)'),
];

/** Indexes Neo4j needs beyond those its constraints create. */
export const NEO4J_INDEXES: Statement[] = [];

/** Writes an article; `created` says whether it was new. */
export const UPSERT_ARTICLE = statement(
  'upsert_article',
  `
MERGE (a:Article {id: $id})
ON CREATE SET a += $props, a.ingestedAt = $now, a.isNew = true
ON MATCH SET a.isNew = false
RETURN a.id AS id, a.isNew AS created
`,
  ['id', 'props', 'now'],
);

/** A page of articles in id order after a keyset cursor. */
export const ARTICLES_PAGE = statement(
  'articles_page',
  `
MATCH (a:Article)
WHERE $after IS NULL OR a.id > $after
RETURN a {.id, .title, .url, .publishedAt, .publishedAtInferred, .source, .ingestedAt} AS article
ORDER BY a.id
LIMIT $limit
`,
  ['after', 'limit'],
);

/** One article by id. */
export const ARTICLE_BY_ID = statement(
  'article_by_id',
  `
MATCH (a:Article {id: $id})
RETURN a {.id, .title, .text, .url, .publishedAt, .publishedAtInferred, .source, .ingestedAt} AS article
`,
  ['id'],
);

/** How many articles are stored. */
export const COUNT_ARTICLES = statement('count_articles', 'MATCH (a:Article) RETURN count(a) AS count');

/** Every statement of the module, for the linter and for documentation. */
export const ALL_STATEMENTS: Statement[] = [
  ...CONSTRAINTS,
  ...EMBEDDED_INDEXES,
  ...NEO4J_INDEXES,
  UPSERT_ARTICLE,
  ARTICLES_PAGE,
  ARTICLE_BY_ID,
  COUNT_ARTICLES,
];
