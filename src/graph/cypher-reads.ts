/**
 * Cypher that reads the graph for the API. Reads return keys and ids with their sort keys;
 * details are loaded in batches (`*_BY_*` statements) so a request costs a bounded number
 * of round trips. Event dates are ISO strings of 4, 7 or 10 characters; a date filter bound
 * is cut to the event's precision before comparing, so "2025-05" lies within May.
 */
import { statement, type Statement } from './statement';

/** The columns of an entity record (entity, roles, within) for the entity bound to `n`; reads that return entities share it. */
const entityColumns = (n: string, prefix = '') => `${n} {.key, .type, .name, .aliases, .titles, .kind, .countryCode, .lat, .lon, articleCount: coalesce(${n}.articleCount, 0)} AS ${prefix}entity,
  [(${n})-[r:HAS_ROLE]->(o:Entity) | {title: r.title, ofKey: o.key, ofName: o.name}] AS ${prefix}roles,
  [(${n})-[:WITHIN]->(p:Entity) | p.key] AS ${prefix}within`;

/** The properties of an event record for the event bound to `v`. */
const eventColumn = (v: string, alias = 'event') => `${v} {.id, .type, .status, .date, .datePrecision, .time, .confidence, .placeKey, .articleCount} AS ${alias}`;

/** Entities whose names or aliases contain the given folded tokens, with how many matched. */
export const SEARCH_TOKENS = statement(
  'search_tokens',
  `
UNWIND $tokens AS token
MATCH (:NameToken {token: token})-[:NAMES]->(n:Entity)
WHERE $types IS NULL OR n.type IN $types
WITH n, count(DISTINCT token) AS hits
RETURN n.key AS key, n.name AS name, n.aliases AS aliases, hits, coalesce(n.articleCount, 0) AS articles
ORDER BY hits DESC, articles DESC, key
LIMIT $limit
`,
  ['tokens', 'types', 'limit'],
);

/** Entities with a name token starting with `$prefix` (the fallback for partial words). */
export const SEARCH_PREFIX = statement(
  'search_prefix',
  `
MATCH (t:NameToken)-[:NAMES]->(n:Entity)
WHERE t.token STARTS WITH $prefix AND ($types IS NULL OR n.type IN $types)
WITH DISTINCT n
RETURN n.key AS key, n.name AS name, n.aliases AS aliases, 1 AS hits, coalesce(n.articleCount, 0) AS articles
ORDER BY articles DESC, key
LIMIT $limit
`,
  ['prefix', 'types', 'limit'],
);

/** Entities by key, with their roles and containing places. */
export const ENTITIES_BY_KEYS = statement(
  'entities_by_keys',
  `
UNWIND $keys AS key
MATCH (n:Entity {key: key})
RETURN ${entityColumns('n')}
`,
  ['keys'],
);

/** Events by id: their own properties. */
export const EVENTS_BY_IDS = statement(
  'events_by_ids',
  `
UNWIND $ids AS id
MATCH (v:Event {id: id})
RETURN ${eventColumn('v')}
`,
  ['ids'],
);

/** The participants of events and the reports that evidence them. */
export const EVENT_DETAILS = statement(
  'event_details',
  `
UNWIND $ids AS id
MATCH (v:Event {id: id})
RETURN id,
  [(v)<-[r:PARTICIPATED_IN]-(n:Entity) | {key: n.key, role: r.role}] AS participants,
  [(v)<-[r:REPORTS]-(a:Article) | r {.status, .trigger, .triggerText, .evidence, .sentences, .confidence, .extractorVersion, article: a.id}] AS reports
`,
  ['ids'],
);

/** Articles by id, without their text. */
export const ARTICLES_BY_IDS = statement(
  'articles_by_ids',
  `
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a {.id, .title, .url, .publishedAt, .publishedAtInferred, .source, .sources, .author, .siteName, .ingestedAt, .extractorVersion} AS article
`,
  ['ids'],
);

const EVENT_FILTERS = `
v.type IN $types
AND ($statuses IS NULL OR v.status IN $statuses)
AND ($place IS NULL OR $place IN v.placeKeys)
AND ($article IS NULL OR $article IN v.articles)
AND ($minConfidence IS NULL OR v.confidence >= $minConfidence)
AND ($from IS NULL OR (v.date IS NOT NULL AND v.date >= substring($from, 0, size(v.date))))
AND ($to IS NULL OR (v.date IS NOT NULL AND v.date <= substring($to, 0, size(v.date))))
AND ALL(k IN $participants WHERE k IN v.participantKeys)`;
const EVENT_FILTER_PARAMS = ['types', 'statuses', 'place', 'article', 'minConfidence', 'from', 'to', 'participants'];

// With participants the match starts at the first one, so a page reads that entity's events only.
const ANCHORED = 'MATCH (:Entity {key: $anchor})-[:PARTICIPATED_IN]->(v:Event)';
// With a place (and no participant) it starts at the place and the places within it.
const PLACED = 'MATCH (:Entity {key: $anchor})<-[:WITHIN*0..6]-(:Entity)<-[:AT]-(w:Event)\nWITH DISTINCT w AS v';
const UNANCHORED = 'MATCH (v:Event)';

/** The sort date of undated events: after every ISO date, so they come last both in pages and timelines. */
export const UNDATED = '~';

function eventsPage(name: string, match: string, direction: 'ASC' | 'DESC'): Statement {
  return statement(
    name,
    `
${match}
WHERE ${EVENT_FILTERS}
WITH v, coalesce(v.date, '${UNDATED}') AS sortDate
WHERE ($afterDate IS NULL OR sortDate > $afterDate OR (sortDate = $afterDate AND v.id > $afterId))
  AND ($beforeDate IS NULL OR sortDate < $beforeDate OR (sortDate = $beforeDate AND v.id < $beforeId))
WITH v, sortDate
ORDER BY sortDate ${direction}, v.id ${direction}
LIMIT $limit
RETURN v.id AS id, sortDate, ${eventColumn('v')}
`,
    [...EVENT_FILTER_PARAMS, 'anchor', 'afterDate', 'afterId', 'beforeDate', 'beforeId', 'limit'].filter((p) => p !== 'anchor' || match !== UNANCHORED),
  );
}

/** A page of events in (date, id) order between keyset cursors, starting from a participant. */
export const EVENTS_PAGE_ANCHORED_ASC = eventsPage('events_page_anchored_asc', ANCHORED, 'ASC');
/** A page of events in reverse (date, id) order between keyset cursors, starting from a participant. */
export const EVENTS_PAGE_ANCHORED_DESC = eventsPage('events_page_anchored_desc', ANCHORED, 'DESC');
/** A page of events in (date, id) order between keyset cursors, starting from a place. */
export const EVENTS_PAGE_PLACED_ASC = eventsPage('events_page_placed_asc', PLACED, 'ASC');
/** A page of events in reverse (date, id) order between keyset cursors, starting from a place. */
export const EVENTS_PAGE_PLACED_DESC = eventsPage('events_page_placed_desc', PLACED, 'DESC');
/** A page of events in (date, id) order between keyset cursors. */
export const EVENTS_PAGE_ASC = eventsPage('events_page_asc', UNANCHORED, 'ASC');
/** A page of events in reverse (date, id) order between keyset cursors. */
export const EVENTS_PAGE_DESC = eventsPage('events_page_desc', UNANCHORED, 'DESC');

/** How many events match a filter, starting from a participant. */
export const COUNT_EVENTS_ANCHORED = statement(
  'count_events_anchored',
  `${ANCHORED}\nWHERE ${EVENT_FILTERS}\nRETURN count(DISTINCT v) AS count`,
  [...EVENT_FILTER_PARAMS, 'anchor'],
);
/** How many events match a filter, starting from a place. */
export const COUNT_EVENTS_PLACED = statement('count_events_placed', `${PLACED}\nWHERE ${EVENT_FILTERS}\nRETURN count(v) AS count`, [...EVENT_FILTER_PARAMS, 'anchor']);
/** How many events match a filter. */
export const COUNT_EVENTS = statement('count_events', `${UNANCHORED}\nWHERE ${EVENT_FILTERS}\nRETURN count(v) AS count`, EVENT_FILTER_PARAMS);

/** Events per date bucket (the first `$width` characters of the date), starting from a participant. */
export const EVENT_HISTOGRAM_ANCHORED = statement(
  'event_histogram_anchored',
  `${ANCHORED}\nWHERE ${EVENT_FILTERS} AND size(coalesce(v.date, '')) >= $width\nWITH DISTINCT v, substring(v.date, 0, $width) AS bucket\nRETURN bucket, count(v) AS count\nORDER BY bucket`,
  [...EVENT_FILTER_PARAMS, 'anchor', 'width'],
);
/** Events per date bucket (the first `$width` characters of the date), starting from a place. */
export const EVENT_HISTOGRAM_PLACED = statement(
  'event_histogram_placed',
  `${PLACED}\nWHERE ${EVENT_FILTERS} AND size(coalesce(v.date, '')) >= $width\nWITH v, substring(v.date, 0, $width) AS bucket\nRETURN bucket, count(v) AS count\nORDER BY bucket`,
  [...EVENT_FILTER_PARAMS, 'anchor', 'width'],
);
/** Events per date bucket (the first `$width` characters of the date). */
export const EVENT_HISTOGRAM = statement(
  'event_histogram',
  `${UNANCHORED}\nWHERE ${EVENT_FILTERS} AND size(coalesce(v.date, '')) >= $width\nWITH v, substring(v.date, 0, $width) AS bucket\nRETURN bucket, count(v) AS count\nORDER BY bucket`,
  [...EVENT_FILTER_PARAMS, 'width'],
);

/** Who each entity took part in events with, newest first: one row per counterpart and event. */
export const ENCOUNTERS = statement(
  'encounters',
  `
UNWIND $keys AS key
MATCH (n:Entity {key: key})-[r:PARTICIPATED_IN]->(v:Event)<-[cr:PARTICIPATED_IN]-(c:Entity)
WHERE c <> n
  AND v.type IN $types
  AND ($statuses IS NULL OR v.status IN $statuses)
  AND ($from IS NULL OR (v.date IS NOT NULL AND v.date >= substring($from, 0, size(v.date))))
  AND ($to IS NULL OR (v.date IS NOT NULL AND v.date <= substring($to, 0, size(v.date))))
WITH key, c, v, r.role AS role, cr.role AS counterpartRole, coalesce(v.date, '') AS sortDate
ORDER BY key, sortDate DESC, v.id, c.key
LIMIT $limit
RETURN key, c.key AS counterpart, v.id AS event, role, counterpartRole,
  ${entityColumns('c', 'counterpart_')},
  ${eventColumn('v', 'eventRecord')}
`,
  ['keys', 'types', 'statuses', 'from', 'to', 'limit'],
);

/** Each entity's events in date order (undated last). */
export const TIMELINE = statement(
  'timeline',
  `
UNWIND $keys AS key
MATCH (n:Entity {key: key})-[:PARTICIPATED_IN]->(v:Event)
WHERE v.type IN $types
  AND ($statuses IS NULL OR v.status IN $statuses)
  AND ($from IS NULL OR (v.date IS NOT NULL AND v.date >= substring($from, 0, size(v.date))))
  AND ($to IS NULL OR (v.date IS NOT NULL AND v.date <= substring($to, 0, size(v.date))))
RETURN key, v.id AS id, v.date IS NULL AS undated, coalesce(v.date, '') AS sortDate
ORDER BY key, undated, sortDate, id
LIMIT $limit
`,
  ['keys', 'types', 'statuses', 'from', 'to', 'limit'],
);

/** Whom an entity shares the most events with. */
export const TOP_COUNTERPARTS = statement(
  'top_counterparts',
  `
MATCH (n:Entity {key: $key})-[:PARTICIPATED_IN]->(v:Event)<-[:PARTICIPATED_IN]-(c:Entity)
WHERE c <> n AND v.type IN $types AND ($statuses IS NULL OR v.status IN $statuses)
WITH c, count(DISTINCT v) AS events, max(v.date) AS lastDate
RETURN c.key AS key, events, lastDate
ORDER BY events DESC, key
LIMIT $limit
`,
  ['key', 'types', 'statuses', 'limit'],
);

function entityArticles(name: string, direction: 'ASC' | 'DESC'): Statement {
  return statement(
    name,
    `
UNWIND $keys AS key
MATCH (:Entity {key: key})<-[m:MENTIONS]-(a:Article)
WHERE ($after IS NULL OR a.id > $after) AND ($before IS NULL OR a.id < $before)
RETURN key, a.id AS id, m.count AS mentions
ORDER BY key, id ${direction}
LIMIT $limit
`,
    ['keys', 'after', 'before', 'limit'],
  );
}

/** The articles that mention each entity, in article-id order between keyset cursors. */
export const ENTITY_ARTICLES = entityArticles('entity_articles', 'ASC');
/** The articles that mention each entity, in reverse article-id order between keyset cursors. */
export const ENTITY_ARTICLES_DESC = entityArticles('entity_articles_desc', 'DESC');

/** The entities an article mentions and the events it reports. */
export const ARTICLE_FACTS = statement(
  'article_facts',
  `
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN id,
  [(a)-[m:MENTIONS]->(n:Entity) | {key: n.key, count: m.count, offsets: m.offsets}] AS mentions,
  [(a)-[:REPORTS]->(v:Event) | v.id] AS events
`,
  ['ids'],
);

// Neo4j needs a literal upper bound on variable-length patterns, hence one statement per bound.
function shortestPath(hops: number): Statement {
  return statement(
    `shortest_path_${hops}`,
    `
MATCH (a:Entity {key: $from})
MATCH (b:Entity {key: $to})
MATCH p = shortestPath((a)-[:PARTICIPATED_IN|HAS_ROLE*..${hops}]-(b))
RETURN [n IN nodes(p) | {key: n.key, event: n.id}] AS nodes,
  [r IN relationships(p) | {type: type(r), role: r.role, title: r.title, from: coalesce(startNode(r).key, startNode(r).id)}] AS links
`,
    ['from', 'to'],
  );
}

/** The most raw hops a path query may span (an event step is two hops: in and out). */
export const MAX_PATH_HOPS = 12;

/** Shortest-path statements indexed by their hop bound (1..MAX_PATH_HOPS). */
export const SHORTEST_PATHS: Statement[] = Array.from({ length: MAX_PATH_HOPS }, (_, i) => shortestPath(i + 1));

/** Node and relationship counts of the graph, for /health, `kg` reports and tests. */
export const GRAPH_COUNTS = statement(
  'graph_counts',
  `
RETURN COUNT { (:Article) } AS articles,
  COUNT { (:Entity) } AS entities,
  COUNT { (:Event) } AS events,
  COUNT { (:NameToken) } AS nameTokens,
  COUNT { ()-[:MENTIONS]->() } AS mentions,
  COUNT { ()-[:REPORTS]->() } AS reports,
  COUNT { ()-[:PARTICIPATED_IN]->() } AS participations,
  COUNT { ()-[:HAS_ROLE]->() } AS roles,
  COUNT { ()-[:AT]->() } AS eventPlaces,
  COUNT { ()-[:WITHIN]->() } AS containment
`,
);
