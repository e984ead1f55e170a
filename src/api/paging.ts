/**
 * Relay paging shared by every connection: the arguments checked once (both cursors
 * decoded and applied, `first` or `last`), keyset windows for stored orders (events,
 * articles) and offset windows for ranked or derived lists (encounters, timeline,
 * counterparts), and the page info the spec's algorithm gives.
 */
import { KgError } from '../errors';
import { decodeCursor, encodeCursor, pageSize } from './ids';

/** Paging arguments as a client writes them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A checked keyset window: both bounds (exclusive), the direction and the page size. */
export interface KeysetWindow<K> {
  after: K | null;
  before: K | null;
  /** Reading from the end (last): rows come newest-first and are reversed. */
  backward: boolean;
  limit: number;
}

/**
 * Checks paging arguments and decodes both cursors with `decode` (which throws BAD_USER_INPUT
 * for a cursor that is not one of this connection's). Following the Relay algorithm the window
 * is (after, before), then `first` items from its start or `last` from its end.
 */
export function keysetWindow<K>(args: PageArgs, max: number, decode: (cursor: string) => K): KeysetWindow<K> {
  if (args.first != null && args.last != null) throw new KgError('BAD_USER_INPUT', 'Give `first` or `last`, not both.');
  const backward = args.last != null;
  return {
    after: args.after != null ? decode(args.after) : null,
    before: args.before != null ? decode(args.before) : null,
    backward,
    limit: pageSize(backward ? args.last : args.first, max),
  };
}

/**
 * Turns up to `limit + 1` rows read in the window's direction into a connection: the extra row
 * says whether more lie beyond the page on that side; past a given cursor there is always more
 * (at least the cursor's own item), as the spec lets a server say when it knows cheaply.
 */
export function keysetConnection<R, N>(rows: R[], window: KeysetWindow<unknown>, cursorOf: (row: R) => unknown[], nodeOf: (row: R) => N) {
  const more = rows.length > window.limit;
  const kept = rows.slice(0, window.limit);
  const page = window.backward ? kept.reverse() : kept;
  const edges = page.map((r) => ({ cursor: encodeCursor(cursorOf(r)), node: nodeOf(r) }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: window.backward ? window.before !== null : more || window.before !== null,
      hasPreviousPage: window.backward ? more || window.after !== null : window.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** The offset an offset cursor stands for, failing with BAD_USER_INPUT for any other cursor. */
export function offsetOf(cursor: string): number {
  const key = decodeCursor(cursor);
  if (key.length !== 2 || key[0] !== 'o' || !Number.isInteger(key[1]) || (key[1] as number) < 0) {
    throw new KgError('BAD_USER_INPUT', `"${cursor}" is not a cursor of this list.`);
  }
  return key[1] as number;
}

/** The most items an offset list may skip: its reads grow with the offset. */
export const MAX_OFFSET = 10_000;

/** A checked offset window: where the page starts and how many it holds. */
export interface OffsetWindow {
  offset: number;
  limit: number;
}

/** An offset window from `first` and an offset cursor `after` (or a plain `offset`). */
export function offsetWindow(args: { first?: number | null; after?: string | null; offset?: number | null }, max: number, fallback: number): OffsetWindow {
  const offset = args.after != null ? offsetOf(args.after) + 1 : (args.offset ?? 0);
  if (!Number.isInteger(offset) || offset < 0) throw new KgError('BAD_USER_INPUT', '`offset` must not be negative.');
  if (offset > MAX_OFFSET) throw new KgError('BAD_USER_INPUT', `Lists page at most ${MAX_OFFSET} items deep; narrow the filters (dates, types) instead.`);
  return { offset, limit: pageSize(args.first, max, fallback) };
}

/** How many leading items to read for a window: the page, the items before it and one to tell whether more follow. */
export const readCount = (w: OffsetWindow) => w.offset + w.limit + 1;

/** The page of `items` (read from the start: at least readCount of them when there are that many) a window selects. */
export function offsetPage<T>(items: T[], w: OffsetWindow) {
  const page = items.slice(w.offset, w.offset + w.limit);
  const edges = page.map((node, i) => ({ cursor: encodeCursor(['o', w.offset + i]), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: items.length > w.offset + w.limit,
      hasPreviousPage: w.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
