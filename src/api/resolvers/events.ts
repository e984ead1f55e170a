/**
 * Resolvers for events: the Event type, its participants and evidence, and the keyset
 * event connection shared by `meetings` and `Entity.events`.
 */
import { Kind, type GraphQLResolveInfo } from 'graphql';
import { KgError } from '../../errors';
import { countEvents, eventsByIds, eventsPage, UNDATED, type EventCursor, type EventFilter, type EventRecord } from '../../graph/queries';
import type { ApiContext } from '../context';
import type { Resolvers } from '../generated/graphql';
import { decodeCursor, toGlobalId } from '../ids';
import { keysetConnection, keysetWindow, type PageArgs } from '../paging';
import { articleIdConnection } from './articles';
import type { EvidenceModel, MentionModel } from '../model';
import { keyOf } from '../names';

function cursorOf(cursor: string): EventCursor {
  const [date, id, ...rest] = decodeCursor(cursor);
  if (typeof date !== 'string' || typeof id !== 'string' || rest.length) throw new KgError('BAD_USER_INPUT', `"${cursor}" is not a valid cursor.`);
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
 * A page of events as a Relay connection: the window between `after` and `before`, then
 * `first` rows from its start or `last` from its end. Each page reads `limit + 1` rows in
 * its direction (never the whole result, and one row even for `first: 0`, so hasNextPage
 * stays right); totalCount is one more counting statement, run only when the query selects it.
 */
export async function eventConnection(ctx: ApiContext, filter: EventFilter | null, args: PageArgs, info?: GraphQLResolveInfo) {
  const window = keysetWindow(args, ctx.config.limits.maxPageSize, cursorOf);
  if (!filter) return { edges: [], nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
  const options = { signal: ctx.signal };
  const [rows, totalCount] = await Promise.all([
    eventsPage(ctx.store, filter, { limit: window.limit + 1, after: window.after, before: window.before, backward: window.backward }, options),
    // totalCount only when the query may select it: a statement less for lists nested in other queries.
    maySelect(info, 'totalCount') ? countEvents(ctx.store, filter, options) : Promise.resolve(0),
  ]);
  const connection = keysetConnection(rows, window, (r) => [r.date, r.id], (r) => r.event);
  // The page brings its events' records: the loader keeps them for nested fields that ask again.
  for (const e of connection.edges) ctx.loaders.event.prime(e.node.id, e.node);
  return { ...connection, totalCount };
}

/** Whether an event passes a filter's own conditions (types, statuses, dates, confidence); participants and places are the graph's to check. */
function passes(v: EventRecord, f: EventFilter): boolean {
  const date = v.date ?? null;
  return (
    f.types.includes(v.type) &&
    (!f.statuses || f.statuses.includes(v.status)) &&
    (f.minConfidence === null || (v.confidence ?? 0) >= f.minConfidence) &&
    (!f.from || (date !== null && date >= f.from.slice(0, date.length))) &&
    (!f.to || (date !== null && date <= f.to.slice(0, date.length)))
  );
}

/** The same connection as eventConnection over events already loaded (an article's), filtered and paged in memory. */
export function eventListConnection(ctx: ApiContext, events: EventRecord[], filter: EventFilter, args: PageArgs) {
  const window = keysetWindow(args, ctx.config.limits.maxPageSize, cursorOf);
  const key = (v: EventRecord) => ({ date: v.date ?? UNDATED, id: v.id });
  const before = (x: EventCursor, y: EventCursor) => x.date < y.date || (x.date === y.date && x.id < y.id);
  const matching = events.filter((v) => passes(v, filter)).sort((x, y) => (before(key(x), key(y)) ? -1 : 1));
  const inWindow = matching.filter((v) => (!window.after || before(window.after, key(v))) && (!window.before || before(key(v), window.before)));
  const rows = (window.backward ? inWindow.reverse() : inWindow).slice(0, window.limit + 1);
  return { ...keysetConnection(rows, window, (v) => [key(v).date, v.id], (v) => v), totalCount: matching.length };
}

/** Events by id in the given order, through the request's loader. */
export async function loadEvents(ctx: ApiContext, ids: readonly string[]): Promise<EventRecord[]> {
  const events = await ctx.loaders.event.loadMany(ids);
  return events.filter((e): e is EventRecord => !!e && !(e instanceof Error));
}

const ROLES = new Set(['HOST', 'GUEST', 'DELEGATION_HEAD', 'MEDIATOR', 'MEMBER', 'PARTICIPANT']);

/** A stored role (lower case) as the ParticipantRole enum; an unknown one is PARTICIPANT. */
export function participantRole(role: string | null | undefined): 'PARTICIPANT' {
  const upper = String(role ?? '').toUpperCase();
  return (ROLES.has(upper) ? upper : 'PARTICIPANT') as 'PARTICIPANT';
}

/** Type resolvers for events. */
export const eventResolvers: Resolvers = {
  Event: {
    id: (v) => toGlobalId('Event', v.id),
    eventType: (v) => v.type as never,
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
    articles: async (v, args, ctx) => {
      const reports = (await ctx.loaders.eventDetails.load(v.id))?.reports ?? [];
      return articleIdConnection(ctx, [...new Set(reports.map((r) => r.article))], args);
    },
  },
  Participant: {
    entity: async (p, _args, ctx) => (await ctx.loaders.entity.load(p.key))!,
    role: (p) => participantRole(p.role),
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
