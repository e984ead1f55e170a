/**
 * Cypher that writes and clears the facts derived from an article. Each statement takes
 * its rows as one `$rows` list (UNWIND), so writing an article costs a fixed number of
 * round trips however many facts it holds. Labels are fixed text: one statement per label.
 */
import { statement, type Statement } from './statement';

/** The extractor version and metadata of a stored article, to decide between skip and rewrite. */
export const ARTICLE_STATE = statement(
  'article_state',
  'MATCH (a:Article {id: $id}) RETURN a.extractorVersion AS extractorVersion, a.publishedAt AS publishedAt, a.text AS text',
  ['id'],
);

/**
 * Opens an article for writing: creates it when absent and write-locks it when present, then
 * reads its state. Taking the lock before reading makes concurrent writes of one article wait
 * for each other on Neo4j (read committed), so exactly one of them creates it; `created` says
 * whether this transaction did.
 */
export const OPEN_ARTICLE_FOR_WRITE = statement(
  'open_article_for_write',
  `
MERGE (a:Article {id: $id})
ON CREATE SET a.ingestedAt = $now, a.openedForWrite = true
ON MATCH SET a.openedForWrite = false
WITH a, a.openedForWrite AS created
REMOVE a.openedForWrite
RETURN created, a.extractorVersion AS extractorVersion, a.text AS text
`,
  ['id', 'now'],
);

/** Creates or updates an article's own properties (never its derived facts). */
export const PUT_ARTICLE = statement(
  'put_article',
  `
MERGE (a:Article {id: $id})
ON CREATE SET a.ingestedAt = $now
SET a += $props
RETURN a.id AS id
`,
  ['id', 'props', 'now'],
);

function upsertEntities(label: 'Person' | 'Organization' | 'Place'): Statement {
  return statement(
    `upsert_${label.toLowerCase()}s`,
    `
UNWIND $rows AS row
MERGE (n:Entity {key: row.key})
ON CREATE SET n:${label}, n.type = row.type, n.name = row.name, n.aliases = [], n.titles = [], n.createdAt = $now
SET n.aliases = coalesce(n.aliases, []) + [x IN row.names WHERE x <> n.name AND NOT x IN coalesce(n.aliases, [])],
    n.titles = coalesce(n.titles, []) + [x IN row.titles WHERE NOT x IN coalesce(n.titles, [])],
    n.kind = coalesce(row.kind, n.kind),
    n.countryCode = coalesce(row.countryCode, n.countryCode),
    n.lat = coalesce(row.lat, n.lat),
    n.lon = coalesce(row.lon, n.lon),
    n.surname = coalesce(row.surname, n.surname),
    n.partial = coalesce(row.partial, n.partial)
RETURN count(n) AS count
`,
    ['rows', 'now'],
  );
}

/** Stored people by surname: the full-named ones (keys) and those named by the surname alone. */
export const PERSONS_BY_SURNAME = statement(
  'persons_by_surname',
  `
UNWIND $surnames AS s
MATCH (p:Entity {surname: s})
WHERE p.type = 'PERSON'
RETURN s AS surname, p.key AS key, p.partial AS partial, coalesce(p.articleCount, 0) AS articles
`,
  ['surnames'],
);

/** Surnames of every stored person named by a surname alone (to resolve after a rebuild). */
export const PARTIAL_PERSON_SURNAMES = statement(
  'partial_person_surnames',
  `
MATCH (p:Entity)
WHERE p.type = 'PERSON' AND p.partial = true
RETURN DISTINCT p.surname AS surname
`,
);

/** Upserts people by key, adding names seen as aliases. */
export const UPSERT_PERSONS = upsertEntities('Person');
/** Upserts organisations by key, adding names seen as aliases. */
export const UPSERT_ORGANIZATIONS = upsertEntities('Organization');
/** Upserts places by key, adding names seen as aliases. */
export const UPSERT_PLACES = upsertEntities('Place');

/** Links search tokens to the entities whose names or aliases contain them. */
export const LINK_NAME_TOKENS = statement(
  'link_name_tokens',
  `
UNWIND $rows AS row
MATCH (n:Entity {key: row.key})
MERGE (t:NameToken {token: row.token})
MERGE (t)-[:NAMES]->(n)
RETURN count(*) AS count
`,
  ['rows'],
);

/**
 * Adds place containment (gazetteer facts, not article facts), creating the containing places.
 * Every parent is created before any link is matched: a child may be another row's parent
 * (White House in Washington in the United States), and Cypher runs each clause over all rows
 * before the next (Neo4j does; an engine that streams rows one by one hides the difference).
 */
export const LINK_PLACE_CONTAINMENT = statement(
  'link_place_containment',
  `
UNWIND $rows AS row
MERGE (p:Entity {key: row.parentKey})
ON CREATE SET p:Place, p.type = 'PLACE', p.name = row.parentName, p.aliases = [], p.titles = [], p.kind = row.parentKind, p.createdAt = $now
WITH collect(row) AS rows
UNWIND rows AS row
MATCH (c:Entity {key: row.key})
MATCH (p:Entity {key: row.parentKey})
MERGE (c)-[:WITHIN]->(p)
RETURN count(*) AS count
`,
  ['rows', 'now'],
);

/** Records where an article mentions each entity: count and offsets into the stored article text. */
export const CREATE_MENTIONS = statement(
  'create_mentions',
  `
MATCH (a:Article {id: $id})
UNWIND $rows AS row
MATCH (n:Entity {key: row.key})
CREATE (a)-[m:MENTIONS {count: row.count, offsets: row.offsets, extractorVersion: $version}]->(n)
SET n.articleCount = coalesce(n.articleCount, 0) + 1
RETURN count(m) AS count
`,
  ['id', 'rows', 'version'],
);

/**
 * Recounts how many articles mention each entity (after a merge; writes and withdrawals keep
 * the count by adding and subtracting one). Search ranks by it on every request, and counting
 * a hub's mentions there cost more than the rest of the search.
 */
export const REFRESH_ARTICLE_COUNTS = statement(
  'refresh_article_counts',
  `
UNWIND $keys AS key
MATCH (n:Entity {key: key})
WITH n, COUNT { (n)<-[:MENTIONS]-(:Article) } AS articles
SET n.articleCount = articles
RETURN count(n) AS count
`,
  ['keys'],
);

/** Recounts every entity's articles: the end of a rebuild, which also heals counts written before they were kept. */
export const RECOUNT_ALL_ARTICLE_COUNTS = statement(
  'recount_all_article_counts',
  `
MATCH (n:Entity)
WITH n, COUNT { (n)<-[:MENTIONS]-(:Article) } AS articles
SET n.articleCount = articles
RETURN count(n) AS count
`,
);

/** Adds person roles ("Secretary General" of NATO), each remembering the articles that support it. */
export const MERGE_ROLES = statement(
  'merge_roles',
  `
UNWIND $rows AS row
MATCH (p:Entity {key: row.person})
MATCH (o:Entity {key: row.of})
MERGE (p)-[r:HAS_ROLE {title: row.title}]->(o)
ON CREATE SET r.articles = [$id]
ON MATCH SET r.articles = CASE WHEN $id IN r.articles THEN r.articles ELSE r.articles + [$id] END
RETURN count(r) AS count
`,
  ['rows', 'id'],
);

/**
 * Stored events an extracted event may be the same as: same family, sharing enough participants.
 * Date and place compatibility are judged by the caller.
 */
export const EVENT_CANDIDATES = statement(
  'event_candidates',
  `
UNWIND $rows AS row
UNWIND row.keys AS key
MATCH (n:Entity {key: key})-[:PARTICIPATED_IN]->(v:Event)
WHERE v.family = row.family
WITH row, v, count(DISTINCT n) AS shared
WHERE shared >= row.minShared
RETURN row.local AS local, v.id AS id, v.date AS date, v.placeKeys AS placeKeys, v.participantKeys AS participantKeys, shared
`,
  ['rows'],
);

/** Creates events not yet stored and the article's report of each (trigger, evidence, status as reported). */
export const CREATE_REPORTS = statement(
  'create_reports',
  `
MATCH (a:Article {id: $id})
UNWIND $rows AS row
MERGE (v:Event {id: row.event})
ON CREATE SET v.createdAt = $now, v.family = row.family, v.type = row.type
CREATE (a)-[r:REPORTS]->(v)
SET r = row.props, r.extractorVersion = $version
RETURN count(r) AS count
`,
  ['id', 'rows', 'now', 'version'],
);

/** Adds participation (with role), each remembering the articles that support it. */
export const MERGE_PARTICIPATION = statement(
  'merge_participation',
  `
UNWIND $rows AS row
MATCH (n:Entity {key: row.key})
MATCH (v:Event {id: row.event})
MERGE (n)-[r:PARTICIPATED_IN]->(v)
ON CREATE SET r.role = row.role, r.articles = [$id]
ON MATCH SET r.articles = CASE WHEN $id IN r.articles THEN r.articles ELSE r.articles + [$id] END,
  r.role = CASE WHEN r.role = 'participant' THEN row.role ELSE r.role END
RETURN count(r) AS count
`,
  ['rows', 'id'],
);

/** Every report and participant of the given events, to recompute their summaries. */
export const EVENT_REPORTS = statement(
  'event_reports',
  `
UNWIND $ids AS id
MATCH (v:Event {id: id})
RETURN id,
  [(v)<-[r:REPORTS]-(a:Article) | r {.type, .status, .date, .datePrecision, .time, .placeKey, .placeKeys, .confidence, .publishedAt, article: a.id}] AS reports,
  [(v)<-[:PARTICIPATED_IN]-(n:Entity) | n.key] AS participantKeys
`,
  ['ids'],
);

/** Writes recomputed event summaries. */
export const SET_EVENT_SUMMARIES = statement(
  'set_event_summaries',
  `
UNWIND $rows AS row
MATCH (v:Event {id: row.id})
SET v += row.props
RETURN count(v) AS count
`,
  ['rows'],
);

/** Removes the place links of the given events (before linking the current ones). */
export const CLEAR_EVENT_PLACES = statement(
  'clear_event_places',
  `
UNWIND $ids AS id
MATCH (v:Event {id: id})-[r:AT]->()
DELETE r
RETURN count(*) AS count
`,
  ['ids'],
);

/** Links events to their places. */
export const LINK_EVENT_PLACES = statement(
  'link_event_places',
  `
UNWIND $rows AS row
MATCH (v:Event {id: row.id})
MATCH (p:Entity {key: row.placeKey})
MERGE (v)-[:AT]->(p)
RETURN count(*) AS count
`,
  ['rows'],
);

/** Events an article reports, and entities it mentions: what clearing it may orphan. */
export const ARTICLE_FACT_KEYS = statement(
  'article_fact_keys',
  `
MATCH (a:Article {id: $id})
RETURN [(a)-[:REPORTS]->(v:Event) | v.id] AS events,
  [(a)-[:MENTIONS]->(n:Entity) | n.key] AS entities
`,
  ['id'],
);

/** Deletes an article's mentions, each entity counting one article fewer. */
export const DELETE_ARTICLE_MENTIONS = statement(
  'delete_article_mentions',
  `
MATCH (a:Article {id: $id})-[m:MENTIONS]->(n:Entity)
SET n.articleCount = coalesce(n.articleCount, 1) - 1
DELETE m
RETURN count(*) AS count
`,
  ['id'],
);

/** Deletes an article's reports. */
export const DELETE_ARTICLE_REPORTS = statement(
  'delete_article_reports',
  `
MATCH (a:Article {id: $id})-[r:REPORTS]->(:Event)
DELETE r
RETURN count(*) AS count
`,
  ['id'],
);

/** Withdraws an article's support from participations and roles, deleting those left unsupported. */
export const WITHDRAW_PARTICIPATION = statement(
  'withdraw_participation',
  `
UNWIND $events AS eventId
MATCH (v:Event {id: eventId})<-[r:PARTICIPATED_IN]-(:Entity)
WHERE $id IN r.articles
SET r.articles = [x IN r.articles WHERE x <> $id]
WITH r
WHERE size(r.articles) = 0
DELETE r
RETURN count(*) AS count
`,
  ['events', 'id'],
);

/** Withdraws an article's support from roles of the given people, deleting roles left unsupported. */
export const WITHDRAW_ROLES = statement(
  'withdraw_roles',
  `
UNWIND $keys AS key
MATCH (:Entity {key: key})-[r:HAS_ROLE]->()
WHERE $id IN r.articles
SET r.articles = [x IN r.articles WHERE x <> $id]
WITH r
WHERE size(r.articles) = 0
DELETE r
RETURN count(*) AS count
`,
  ['keys', 'id'],
);

/** Deletes the given events when no article reports them any more. */
export const DELETE_ORPHAN_EVENTS = statement(
  'delete_orphan_events',
  `
UNWIND $ids AS id
MATCH (v:Event {id: id})
WHERE NOT EXISTS { (v)<-[:REPORTS]-(:Article) }
DETACH DELETE v
RETURN count(*) AS count
`,
  ['ids'],
);

/**
 * Deletes the given entities when nothing supports them any more (no mention, participation or
 * contained place). Counted per entity: the embedded engine plans NOT EXISTS over the whole graph,
 * so that form cost time in proportion to the store on every rewrite (reindex's top statement).
 */
export const DELETE_ORPHAN_ENTITIES = statement(
  'delete_orphan_entities',
  `
UNWIND $keys AS key
MATCH (n:Entity {key: key})
WITH n, COUNT { (n)<-[:MENTIONS]-(:Article) } + COUNT { (n)-[:PARTICIPATED_IN]->() } + COUNT { (n)<-[:WITHIN]-(:Entity) } + COUNT { (n)<-[:AT]-(:Event) } AS support
WHERE support = 0
DETACH DELETE n
RETURN count(*) AS count
`,
  ['keys'],
);

/** Deletes search tokens that no longer name anything. */
export const DELETE_ORPHAN_TOKENS = statement(
  'delete_orphan_tokens',
  `
UNWIND $tokens AS token
MATCH (t:NameToken {token: token})
WHERE NOT EXISTS { (t)-[:NAMES]->() }
DELETE t
RETURN count(*) AS count
`,
  ['tokens'],
);

/** The places that contain the given ones, for orphan clean-up after a deletion. */
export const PLACE_PARENTS = statement(
  'place_parents',
  `
UNWIND $keys AS key
MATCH (:Entity {key: key})-[:WITHIN]->(p:Entity)
RETURN DISTINCT p.key AS key
`,
  ['keys'],
);

/** Deletes an article node (its facts were cleared first). */
export const DELETE_ARTICLE = statement(
  'delete_article',
  `
MATCH (a:Article {id: $id})
DETACH DELETE a
RETURN count(*) AS count
`,
  ['id'],
);

/** Key redirects left by entity merges: a merged-away key resolves to the entity it was merged into. */
export const KEY_REDIRECTS = statement(
  'key_redirects',
  `
UNWIND $keys AS key
MATCH (m:MergedKey {key: key})
RETURN m.key AS key, m.into AS into
`,
  ['keys'],
);

/**
 * Curation: merging entity `$mergeKey` into `$keepKey`, one relationship type per statement (Cypher
 * cannot move a relationship generically without APOC, which neither engine may have).
 * Run in order, in one transaction.
 */
export const MERGE_ENTITY_STEPS: Statement[] = [
  statement(
    'merge_entity_mentions',
    `
MATCH (k:Entity {key: $keepKey})
MATCH (m:Entity {key: $mergeKey})<-[r:MENTIONS]-(a:Article)
MERGE (a)-[x:MENTIONS]->(k)
ON CREATE SET x.count = r.count, x.offsets = r.offsets, x.extractorVersion = r.extractorVersion
ON MATCH SET x.count = x.count + r.count, x.offsets = x.offsets + r.offsets
DELETE r
RETURN count(*) AS count
`,
    ['keepKey', 'mergeKey'],
  ),
  statement(
    'merge_entity_participation',
    `
MATCH (k:Entity {key: $keepKey})
MATCH (m:Entity {key: $mergeKey})-[r:PARTICIPATED_IN]->(v:Event)
MERGE (k)-[x:PARTICIPATED_IN]->(v)
ON CREATE SET x.role = r.role, x.articles = r.articles
ON MATCH SET x.articles = x.articles + [y IN r.articles WHERE NOT y IN x.articles]
DELETE r
RETURN count(*) AS count
`,
    ['keepKey', 'mergeKey'],
  ),
  statement(
    'merge_entity_roles_held',
    `
MATCH (k:Entity {key: $keepKey})
MATCH (m:Entity {key: $mergeKey})-[r:HAS_ROLE]->(o:Entity)
MERGE (k)-[x:HAS_ROLE {title: r.title}]->(o)
ON CREATE SET x.articles = r.articles
ON MATCH SET x.articles = x.articles + [y IN r.articles WHERE NOT y IN x.articles]
DELETE r
RETURN count(*) AS count
`,
    ['keepKey', 'mergeKey'],
  ),
  statement(
    'merge_entity_roles_given',
    `
MATCH (k:Entity {key: $keepKey})
MATCH (m:Entity {key: $mergeKey})<-[r:HAS_ROLE]-(p:Entity)
MERGE (p)-[x:HAS_ROLE {title: r.title}]->(k)
ON CREATE SET x.articles = r.articles
ON MATCH SET x.articles = x.articles + [y IN r.articles WHERE NOT y IN x.articles]
DELETE r
RETURN count(*) AS count
`,
    ['keepKey', 'mergeKey'],
  ),
  statement(
    'merge_entity_tokens',
    `
MATCH (k:Entity {key: $keepKey})
MATCH (m:Entity {key: $mergeKey})<-[r:NAMES]-(t:NameToken)
MERGE (t)-[:NAMES]->(k)
DELETE r
RETURN count(*) AS count
`,
    ['keepKey', 'mergeKey'],
  ),
  statement(
    'merge_entity_containment',
    `
MATCH (k:Entity {key: $keepKey})
MATCH (m:Entity {key: $mergeKey})
OPTIONAL MATCH (m)-[:WITHIN]->(parent:Entity)
OPTIONAL MATCH (m)<-[:WITHIN]-(child:Entity)
FOREACH (p IN CASE WHEN parent IS NULL OR parent = k THEN [] ELSE [parent] END | MERGE (k)-[:WITHIN]->(p))
FOREACH (c IN CASE WHEN child IS NULL OR child = k THEN [] ELSE [child] END | MERGE (c)-[:WITHIN]->(k))
RETURN count(*) AS count
`,
    ['keepKey', 'mergeKey'],
  ),
  statement(
    'merge_entity_event_places',
    `
MATCH (k:Entity {key: $keepKey})
MATCH (:Entity {key: $mergeKey})<-[:WITHIN*0..6]-(:Entity)<-[:AT]-(v:Event)
WITH DISTINCT k, v
SET v.placeKeys = [y IN v.placeKeys WHERE y <> $mergeKey AND y <> $keepKey] + [$keepKey],
    v.placeKey = CASE WHEN v.placeKey = $mergeKey THEN $keepKey ELSE v.placeKey END
WITH k, v
MATCH (v)<-[r:REPORTS]-(:Article)
SET r.placeKeys = [y IN coalesce(r.placeKeys, []) WHERE y <> $mergeKey AND y <> $keepKey] + CASE WHEN $mergeKey IN coalesce(r.placeKeys, []) THEN [$keepKey] ELSE [] END,
    r.placeKey = CASE WHEN r.placeKey = $mergeKey THEN $keepKey ELSE r.placeKey END
RETURN count(*) AS count
`,
    ['keepKey', 'mergeKey'],
  ),
  statement(
    'merge_entity_at',
    `
MATCH (k:Entity {key: $keepKey})
MATCH (m:Entity {key: $mergeKey})<-[r:AT]-(v:Event)
MERGE (v)-[:AT]->(k)
DELETE r
RETURN count(*) AS count
`,
    ['keepKey', 'mergeKey'],
  ),
  statement(
    'merge_entity_names',
    `
MATCH (k:Entity {key: $keepKey})
MATCH (m:Entity {key: $mergeKey})
SET k.aliases = k.aliases + [y IN [m.name] + coalesce(m.aliases, []) WHERE y <> k.name AND NOT y IN k.aliases],
    k.titles = coalesce(k.titles, []) + [y IN coalesce(m.titles, []) WHERE NOT y IN coalesce(k.titles, [])]
DETACH DELETE m
RETURN count(*) AS count
`,
    ['keepKey', 'mergeKey'],
  ),
  statement(
    'merge_entity_redirect',
    `
MERGE (r:MergedKey {key: $mergeKey})
SET r.into = $keepKey
RETURN count(*) AS count
`,
    ['keepKey', 'mergeKey'],
  ),
  statement(
    'merge_entity_redirect_older',
    `
MATCH (older:MergedKey {into: $mergeKey})
SET older.into = $keepKey
RETURN count(*) AS count
`,
    ['keepKey', 'mergeKey'],
  ),
];

/** Events an entity takes part in or is the place of: those a merge must re-summarise. */
export const ENTITY_EVENT_IDS = statement(
  'entity_event_ids',
  `
MATCH (m:Entity {key: $key})
RETURN [(m)-[:PARTICIPATED_IN]->(v:Event) | v.id] + [(m)<-[:AT]-(v:Event) | v.id] AS ids
`,
  ['key'],
);
