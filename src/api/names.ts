/**
 * Turning what clients type (names, aliases, global ids, dates, filters) into store keys,
 * failing with BAD_USER_INPUT or NOT_FOUND where the input cannot mean anything.
 */
import { KgError } from '../errors';
import { MEETING_TYPES, type EventFilter } from '../graph/queries';
import type { ApiContext } from './context';
import { fromGlobalId } from './ids';

const ENTITY_NODE_TYPES = new Set(['Person', 'Organization', 'Place']);

/** The key of the entity a name, alias or global id denotes, or null when nothing matches. */
export async function findEntityKey(ctx: ApiContext, name: string, types: string[] | null = null): Promise<string | null> {
  const text = name.trim();
  if (!text) throw new KgError('BAD_USER_INPUT', 'A name must not be empty.');
  if (text.length > 200) throw new KgError('BAD_USER_INPUT', 'A name must be at most 200 characters.');
  if (/^[A-Za-z0-9_-]{8,}$/.test(text) && !/\s/.test(text)) {
    try {
      const { type, id } = fromGlobalId(text);
      if (ENTITY_NODE_TYPES.has(type)) return id;
    } catch {
      // Not a global id: a one-word name.
    }
  }
  const [hit] = await ctx.search.search(text, types, 1, { signal: ctx.signal });
  return hit?.key ?? null;
}

/** Like findEntityKey, but a name that matches nothing is a NOT_FOUND error. */
export async function requireEntityKey(ctx: ApiContext, name: string, types: string[] | null = null): Promise<string> {
  const key = await findEntityKey(ctx, name, types);
  if (!key) throw new KgError('NOT_FOUND', `No entity matches "${name.trim().slice(0, 80)}".`, { name: name.trim().slice(0, 80) });
  return key;
}

/** The store key behind a global id of one of the given node types. */
export function keyOf(globalId: string, types: string[]): string {
  const { type, id } = fromGlobalId(globalId);
  if (!types.includes(type)) throw new KgError('BAD_USER_INPUT', `"${globalId}" is not the id of a ${types.join(' or ')}.`);
  return id;
}

/** A client's meeting filter as written in the schema. */
export interface MeetingFilterInput {
  participants?: readonly string[] | null;
  place?: string | null;
  from?: string | null;
  to?: string | null;
  types?: readonly string[] | null;
  status?: readonly string[] | null;
  /** Deprecated spelling of status. */
  statuses?: readonly string[] | null;
  minConfidence?: number | null;
  article?: string | null;
}

/** Resolves a filter's names to keys; null when a named participant or place matches nothing (no event can match). */
export async function resolveFilter(ctx: ApiContext, input: MeetingFilterInput | null | undefined, defaults: { participants?: string[]; types?: readonly string[]; article?: string } = {}): Promise<EventFilter | null> {
  const f = input ?? {};
  if (f.minConfidence !== null && f.minConfidence !== undefined && (f.minConfidence < 0 || f.minConfidence > 1)) {
    throw new KgError('BAD_USER_INPUT', 'minConfidence must lie in [0, 1].');
  }
  if (f.status?.length && f.statuses?.length) throw new KgError('BAD_USER_INPUT', 'Give `status` or its old name `statuses`, not both.');
  const statuses = f.status?.length ? f.status : f.statuses;
  if (f.from && f.to && f.from > f.to) throw new KgError('BAD_USER_INPUT', '`from` must not be after `to`.');
  if ((f.participants?.length ?? 0) > 10) throw new KgError('BAD_USER_INPUT', 'At most 10 participants may be given.');
  const participants = [...(defaults.participants ?? [])];
  for (const name of f.participants ?? []) {
    const key = await findEntityKey(ctx, name);
    if (!key) return null;
    if (!participants.includes(key)) participants.push(key);
  }
  let place: string | null = null;
  if (f.place) {
    place = await findEntityKey(ctx, f.place, ['PLACE']);
    if (!place) return null;
  }
  return {
    participants,
    place,
    from: f.from ?? null,
    to: f.to ?? null,
    types: f.types?.length ? [...f.types] : [...(defaults.types ?? MEETING_TYPES)],
    statuses: statuses?.length ? [...statuses] : null,
    minConfidence: f.minConfidence ?? null,
    article: defaults.article ?? (f.article ? keyOf(f.article, ['Article']) : null),
  };
}
