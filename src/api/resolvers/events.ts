/**
 * Resolvers for events: the Event type, its participants and evidence, and the keyset
 * event connection shared by `meetings` and `Entity.events`.
 */
import { Kind, type GraphQLResolveInfo } from 'graphql';
import { KgError } from '../../errors';
import { countEvents, eventsByIds, eventsPage, type EventFilter, type EventRecord } from '../../graph/queries';
import type { ApiContext } from '../context';
import type { Resolvers } from '../generated/graphql';
import { decodeCursor, encodeCursor, pageSize, toGlobalId } from '../ids';
import type { EvidenceModel, MentionModel } from '../model';
import { keyOf } from '../names';
import { present } from './present';

/** Paging arguments of a connection. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

function cursorOf(cursor: string): { date: string; id: string } {
  const [date, id] = decodeCursor(cursor);
  if (typeof date !== 'string' || typeof id !== 'string') throw new KgError('BAD_USER_INPUT', `"${cursor}" is not a valid cursor.`);
  return { date, id };
}

/**
 * Whether a field's selection may ask for `name` directly on it: false only when it certainly
 * does not (fragments count as asking). Without `info`, true.
 */
function maySelect(info: GraphQLResolveInfo | undefined, name: string): boolean {
  if (!info) return true;
  return info.fieldNodes.some((node) => (node.selectionSet?.selections ?? []).some((s) => s.kind !== Kind.FIELD || s.name.value === name));
}

/**
 * A page of events as a Relay connection. Paging forward reads `first + 1` rows after the
 * cursor; backward reads `last + 1` rows before it in reverse order: neither reads the
 * whole result, and totalCount is one more counting statement, run beside the page only
 * when the query selects it (a statement less for lists nested in other queries).
 */
export async function eventConnection(ctx: ApiContext, filter: EventFilter | null, args: PageArgs, info?: GraphQLResolveInfo) {
  if (args.first != null && args.last != null) throw new KgError('BAD_USER_INPUT', 'Give `first` or `last`, not both.');
  const backward = args.last != null || (args.before != null && args.first == null);
  const limit = pageSize(backward ? args.last : args.first, ctx.config.limits.maxPageSize);
  const cursor = backward ? (args.before ? cursorOf(args.before) : null) : args.after ? cursorOf(args.after) : null;
  if (!filter) return { edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
  const options = { signal: ctx.signal };
  const [rows, totalCount] = await Promise.all([
    limit > 0 ? eventsPage(ctx.store, filter, { limit: limit + 1, cursor, backward }, options) : Promise.resolve([]),
    maySelect(info, 'totalCount') ? countEvents(ctx.store, filter, options) : Promise.resolve(0),
  ]);
  const more = rows.length > limit;
  const page = backward ? rows.slice(more ? 1 : 0) : rows.slice(0, limit);
  // The page brings its events' records: the loader keeps them for nested fields that ask again.
  for (const r of page) ctx.loaders.event.prime(r.id, r.event);
  const edges = page.map((r) => ({ cursor: encodeCursor([r.date, r.id]), node: r.event }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: backward ? cursor !== null : more,
      hasPreviousPage: backward ? more : cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** Events by id in the given order, through the request's loader. */
export async function loadEvents(ctx: ApiContext, ids: readonly string[]): Promise<EventRecord[]> {
  const events = await ctx.loaders.event.loadMany(ids);
  return events.filter((e): e is EventRecord => !!e && !(e instanceof Error));
}

/** Type resolvers for events. */
export const eventResolvers: Resolvers = {
  Event: {
    id: (v) => toGlobalId('Event', v.id),
    type: (v) => v.type as never,
    status: (v) => v.status as never,
    datePrecision: (v) => (v.datePrecision ?? null) as never,
    confidence: (v) => v.confidence ?? 0,
    place: async (v, _args, ctx) => (v.placeKey ? ctx.loaders.entity.load(v.placeKey) : null),
    participants: async (v, _args, ctx) => (await ctx.loaders.eventDetails.load(v.id))?.participants ?? [],
    evidence: async (v, _args, ctx) => {
      const details = await ctx.loaders.eventDetails.load(v.id);
      const participantKeys = (details?.participants ?? []).map((p) => p.key);
      return (details?.reports ?? []).flatMap((r): EvidenceModel[] =>
        r.sentences.map((sentence, i) => {
          const start = r.evidence[2 * i];
          const end = r.evidence[2 * i + 1];
          const hasTrigger = r.trigger?.length === 2 && r.trigger[0] >= start && r.trigger[1] <= end;
          const trigger = hasTrigger ? { start: r.trigger[0], end: r.trigger[1], text: r.triggerText } : null;
          return { articleId: r.article, sentence, start, end, trigger, participantKeys, status: r.status, extractorVersion: r.extractorVersion };
        }),
      );
    },
    articles: async (v, _args, ctx) => {
      const reports = (await ctx.loaders.eventDetails.load(v.id))?.reports ?? [];
      return present(await ctx.loaders.article.loadMany([...new Set(reports.map((r) => r.article))]));
    },
  },
  Participant: {
    entity: async (p, _args, ctx) => (await ctx.loaders.entity.load(p.key))!,
  },
  Evidence: {
    article: async (e, _args, ctx) => (await ctx.loaders.article.load(e.articleId))!,
    status: (e) => e.status as never,
    // The article's mentions of the participants, cut to the sentence: one batched read per request.
    mentions: async (e, _args, ctx) => {
      const keys = new Set(e.participantKeys);
      const mentions = (await ctx.loaders.articleFacts.load(e.articleId))?.mentions ?? [];
      return mentions.flatMap((m): MentionModel[] => {
        if (!keys.has(m.key)) return [];
        const offsets: number[] = [];
        for (let i = 0; i + 1 < m.offsets.length; i += 2) {
          if (m.offsets[i] >= e.start && m.offsets[i + 1] <= e.end) offsets.push(m.offsets[i], m.offsets[i + 1]);
        }
        return offsets.length ? [{ key: m.key, count: offsets.length / 2, offsets }] : [];
      });
    },
  },
  Query: {
    event: async (_root, args, ctx) => {
      const id = keyOf(args.id, ['Event']);
      return (await eventsByIds(ctx.store, [id], { signal: ctx.signal })).get(id) ?? null;
    },
  },
};
