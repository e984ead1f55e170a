/**
 * The explorer's only way to the data: the public GraphQL API at /graphql, same origin.
 */
import { print, type DocumentNode } from 'graphql';

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

const printed = new WeakMap<DocumentNode, string>();

/** Runs one GraphQL operation (a document of ./operations) and returns its data, throwing ApiError on any error. */
export async function gql<T>(document: DocumentNode, variables: Record<string, unknown> = {}): Promise<T> {
  let query = printed.get(document);
  if (query === undefined) printed.set(document, (query = print(document)));
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

export { ARTICLE, HISTOGRAM, MEETINGS, NETWORK, PATH, SEARCH } from './operations';
