/**
 * The explorer's only way to the data: the public GraphQL API at /graphql, same origin.
 */

/** An entity as the explorer shows it. */
export interface EntityRef {
  id: string;
  name: string;
  type: 'PERSON' | 'ORGANIZATION' | 'PLACE';
}

/** An event as the network and the list use it. */
export interface EventItem {
  id: string;
  type: string;
  status: string;
  date: string | null;
  time?: string | null;
  place: { id: string; name: string } | null;
  participants: { role: string; entity: EntityRef }[];
  evidence?: EvidenceItem[];
}

/** An evidence sentence with its trigger and the participants' mentions (article offsets). */
export interface EvidenceItem {
  sentence: string;
  start: number;
  end: number;
  status: string;
  trigger: { start: number; end: number; text: string } | null;
  mentions: { entity: EntityRef; spans: [number, number][] }[];
  article: { id: string; title: string; publishedAt: string | null };
}

/** A failed request, with the API's error code when it gave one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

const KEY_STORE = 'news-kg:read-key';

/** The read key typed by the user, kept for this tab only. */
export function setReadKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY_STORE, key);
  else sessionStorage.removeItem(KEY_STORE);
}

/** Runs one GraphQL operation and returns its data, throwing ApiError on any error. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const key = sessionStorage.getItem(KEY_STORE);
  if (key) headers.authorization = `Bearer ${key}`;
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The API answered ${response.status} without JSON.`, null);
  }
  if (body.errors?.length) throw new ApiError(body.errors[0].message, body.errors[0].extensions?.code ?? null);
  if (!body.data) throw new ApiError('The API returned no data.', null);
  return body.data;
}

const ENTITY = 'id name type';
// `type: eventType`: Event.type is deprecated (it clashes with Entity.type under node(id)).
const EVENT = `id type: eventType status date time place { id name } participants { role entity { ${ENTITY} } }`;
const EVIDENCE = `evidence { sentence start end status trigger { start end text } mentions { entity { ${ENTITY} } spans } article { id title publishedAt } }`;

/** Entities by name (aliases, accents, prefix of the last word). */
export const SEARCH = `query Search($text: String!) { search(text: $text, first: 12) { ${ENTITY} articleCount aliases } }`;

/** One page of an entity's meeting-family events, every status, for the network. */
export const NETWORK = `query Network($id: ID!, $after: String) {
  entity(id: $id) {
    ${ENTITY} aliases articleCount
    ... on Person { roles { title of { name } } }
    events(first: 100, after: $after, filter: { status: [OCCURRED, PLANNED, PROPOSED, HYPOTHETICAL, DECLINED, CANCELLED] }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${EVENT} } }
    }
  }
}`;

/** The newest events matching the filters, with their evidence, for the list. */
export const MEETINGS = `query Meetings($id: ID!, $filter: MeetingFilter, $before: String) {
  entity(id: $id) {
    events(filter: $filter, last: 15, before: $before) {
      totalCount
      pageInfo { hasPreviousPage startCursor }
      edges { node { ${EVENT} ${EVIDENCE} } }
    }
  }
}`;

/** Event counts per month for the timeline. */
export const HISTOGRAM = `query Histogram($filter: MeetingFilter) { meetingHistogram(filter: $filter, bucket: MONTH) { bucket count } }`;

/** The shortest chain between two names. */
export const PATH = `query Path($from: String!, $to: String!) {
  path(from: $from, to: $to, maxHops: 6) {
    length
    entities { ${ENTITY} }
    steps { kind title description from { id } to { id } event { id type: eventType status date place { name } } }
  }
}`;

/** An article's text with its mentions and events. */
export const ARTICLE = `query Article($id: ID!) {
  article(id: $id) {
    id title url publishedAt source text
    mentions { entity { ${ENTITY} } spans }
    events(first: 100, filter: { types: [MEETING, TALKS, VISIT, CALL, SUMMIT, PRESS_CONFERENCE, INTERVIEW, DEBATE, HEARING] }) {
      nodes { ${EVENT} evidence { start end status trigger { start end text } article { id } } }
    }
  }
}`;
