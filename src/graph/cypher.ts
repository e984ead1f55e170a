/**
 * Every Cypher statement the service runs, in one place. Values always travel as
 * parameters; labels and relationship types are fixed text, never built from input.
 * tests/store/cypher-lint.test.ts lints each statement with Neo4j's own Cypher front end.
 */

import { statement, type Statement } from './statement';

export { statement, type Statement } from './statement';

/** Schema set-up shared by both engines: uniqueness constraints. */
export const CONSTRAINTS: Statement[] = [
  statement('constraint_article_id', 'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE'),
  statement('constraint_entity_key', 'CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE'),
  statement('constraint_event_id', 'CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE'),
  statement('constraint_merged_key', 'CREATE CONSTRAINT merged_key IF NOT EXISTS FOR (n:MergedKey) REQUIRE n.key IS UNIQUE'),
  statement('constraint_name_token', 'CREATE CONSTRAINT name_token IF NOT EXISTS FOR (n:NameToken) REQUIRE n.token IS UNIQUE'),
];

/**
 * Indexes the embedded engine needs in addition: in Grafeo a uniqueness constraint does not
 * create an index, and MERGE without one scans the label.
 */
export const EMBEDDED_INDEXES: Statement[] = [
  statement('index_article_id', 'CREATE INDEX article_id_idx IF NOT EXISTS FOR (n:Article) ON (n.id)'),
  statement('index_entity_key', 'CREATE INDEX entity_key_idx IF NOT EXISTS FOR (n:Entity) ON (n.key)'),
  statement('index_event_id', 'CREATE INDEX event_id_idx IF NOT EXISTS FOR (n:Event) ON (n.id)'),
  statement('index_merged_key', 'CREATE INDEX merged_key_idx IF NOT EXISTS FOR (n:MergedKey) ON (n.key)'),
  statement('index_name_token', 'CREATE INDEX name_token_idx IF NOT EXISTS FOR (n:NameToken) ON (n.token)'),
  statement('index_entity_surname', 'CREATE INDEX entity_surname_idx IF NOT EXISTS FOR (n:Entity) ON (n.surname)'),
];

/** Indexes Neo4j needs beyond those its constraints create. */
export const NEO4J_INDEXES: Statement[] = [
  statement('index_event_date', 'CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)'),
  statement('index_entity_surname_neo4j', 'CREATE INDEX entity_surname IF NOT EXISTS FOR (n:Entity) ON (n.surname)'),
];

/**
 * Neo4j populates new indexes (those of constraints too) in the background: wait until they
 * are online (at most 300 s), so the first writes and reads already use them.
 */
export const NEO4J_AWAIT_INDEXES = statement('await_indexes', 'CALL db.awaitIndexes(300)');

/**
 * The embedded store's own count of committed write transactions, kept in the graph by every
 * write (and beside the store file after each commit), so a lost or shortened log shows on open.
 */
export const COMMIT_COUNT = statement('commit_count', "MATCH (m:StoreMeta {id: 'commits'}) RETURN m.writes AS writes");

/** Sets the count of committed writes, in the transaction being committed. */
export const SET_COMMIT_COUNT = statement('set_commit_count', "MERGE (m:StoreMeta {id: 'commits'}) SET m.writes = $writes", ['writes']);

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

/** A page of articles in id order between keyset cursors (an article id each). */
export const ARTICLES_PAGE = articlesPage('articles_page', 'ASC');
/** Articles in reverse id order between keyset cursors (an article id each; paging backward). */
export const ARTICLES_PAGE_DESC = articlesPage('articles_page_desc', 'DESC');

function articlesPage(name: string, direction: 'ASC' | 'DESC'): Statement {
  return statement(
    name,
    `
MATCH (a:Article)
WHERE ($after IS NULL OR a.id > $after) AND ($before IS NULL OR a.id < $before)
RETURN a {.id, .title, .url, .publishedAt, .publishedAtInferred, .source, .sources, .author, .siteName, .ingestedAt, .extractorVersion} AS article
ORDER BY a.id ${direction}
LIMIT $limit
`,
    ['after', 'before', 'limit'],
  );
}

/** One article by id. */
export const ARTICLE_BY_ID = statement(
  'article_by_id',
  `
MATCH (a:Article {id: $id})
RETURN a {.id, .title, .text, .url, .publishedAt, .publishedAtInferred, .source, .sources, .author, .siteName, .ingestedAt, .extractorVersion} AS article
`,
  ['id'],
);

/** How many articles are stored. */
export const COUNT_ARTICLES = statement('count_articles', 'MATCH (a:Article) RETURN count(a) AS count');

/** How many articles, entities and events are stored (for /health); each count reads one label. */
export const COUNT_ALL = statement(
  'count_all',
  // OPTIONAL MATCH keeps one row when a label has no nodes; no subqueries (Neo4j 5.26 deprecates CALL without a scope).
  `OPTIONAL MATCH (a:Article)
WITH count(a) AS articles
OPTIONAL MATCH (n:Entity)
WITH articles, count(n) AS entities
OPTIONAL MATCH (v:Event)
RETURN articles, entities, count(v) AS events`,
);

export * from './cypher-facts';
export * from './cypher-reads';
import * as facts from './cypher-facts';
import * as reads from './cypher-reads';

/** Every statement of the module, for the linter and for documentation. */
export const ALL_STATEMENTS: Statement[] = [
  ...CONSTRAINTS,
  ...EMBEDDED_INDEXES,
  ...NEO4J_INDEXES,
  NEO4J_AWAIT_INDEXES,
  UPSERT_ARTICLE,
  ARTICLES_PAGE,
  ARTICLES_PAGE_DESC,
  ARTICLE_BY_ID,
  COUNT_ARTICLES,
  COUNT_ALL,
  ...Object.values(facts).flatMap((v) => (Array.isArray(v) ? v : [v])).filter(isStatement),
  ...Object.values(reads).flatMap((v) => (Array.isArray(v) ? v : [v])).filter(isStatement),
];

function isStatement(v: unknown): v is Statement {
  return !!v && typeof v === 'object' && 'text' in v && 'name' in v && 'params' in v;
}
