/**
 * Root queries over the graph: search, encounters, meetings, timeline, rankings,
 * histograms, and lookups by id.
 */
import { KgError } from '../../errors';
import { EVENT_TYPES, MEETING_TYPES, eventHistogram, timelines, topCounterparts } from '../../graph/queries';
import type { Resolvers } from '../generated/graphql';
import type { ApiContext } from '../context';
import { offsetPage, offsetWindow, readCount } from '../paging';
import { keyOf, requireEntityKey, resolveFilter } from '../names';
import { entityEncounters } from './entities';
import { eventConnection, loadEvents } from './events';
import { present } from './present';

/** The `entity` of a page answered for a name: the entity the name resolved to. */
const resolvedEntity = async (p: { entityKey: string }, _args: unknown, ctx: ApiContext) => (await ctx.loaders.entity.load(p.entityKey))!;

/** Root query resolvers for the graph. */
export const graphQueryResolvers: Resolvers = {
  Query: {
    search: async (_root, args, ctx) => {
      if (args.text.length > 200) throw new KgError('BAD_USER_INPUT', 'Search text must be at most 200 characters.');
      const window = offsetWindow({ first: args.first, offset: args.offset }, ctx.config.limits.maxPageSize, 10);
      const hits = await ctx.search.search(args.text, args.types?.length ? [...args.types] : null, window.offset + window.limit, { signal: ctx.signal });
      return present(await ctx.loaders.entity.loadMany(hits.slice(window.offset).map((h) => h.key)));
    },
    // Name-taking fields are nullable: an unknown name is a NOT_FOUND on that field, the siblings are answered.
    encounters: async (_root, args, ctx) => {
      const window = offsetWindow(args, ctx.config.limits.maxPageSize, 50);
      const key = await requireEntityKey(ctx, args.name);
      return { entityKey: key, ...offsetPage(await entityEncounters(ctx, key, args, window), window) };
    },
    meetings: async (_root, args, ctx, info) => eventConnection(ctx, await resolveFilter(ctx, args.filter), args, info),
    timeline: async (_root, args, ctx) => {
      const window = offsetWindow(args, ctx.config.limits.maxPageSize, 100);
      if (args.from && args.to && args.from > args.to) throw new KgError('BAD_USER_INPUT', '`from` must not be after `to`.');
      const key = await requireEntityKey(ctx, args.name);
      const rows = await timelines(
        ctx.store,
        [key],
        {
          types: args.types?.length ? [...args.types] : [...EVENT_TYPES],
          statuses: args.status?.length ? [...args.status] : null,
          from: args.from ?? null,
          to: args.to ?? null,
          first: readCount(window),
        },
        { signal: ctx.signal },
      );
      const page = offsetPage(rows.get(key) ?? [], window);
      const events = new Map((await loadEvents(ctx, page.nodes.map((r) => r.id))).map((e) => [e.id, e]));
      const edges = page.edges.filter((e) => events.has(e.node.id)).map((e) => ({ cursor: e.cursor, node: events.get(e.node.id)! }));
      return { entityKey: key, edges, nodes: edges.map((e) => e.node), pageInfo: page.pageInfo };
    },
    topCounterparts: async (_root, args, ctx) => {
      const window = offsetWindow(args, ctx.config.limits.maxPageSize, 10);
      const key = await requireEntityKey(ctx, args.name);
      const rows = await topCounterparts(
        ctx.store,
        key,
        { types: [...MEETING_TYPES], statuses: args.status?.length ? [...args.status] : null, first: readCount(window) },
        { signal: ctx.signal },
      );
      return { entityKey: key, ...offsetPage(rows.map((r) => ({ counterpartKey: r.key, events: r.events, lastDate: r.lastDate })), window) };
    },
    meetingHistogram: async (_root, args, ctx) => {
      const filter = await resolveFilter(ctx, args.filter);
      if (!filter) return [];
      return eventHistogram(ctx.store, filter, args.bucket ?? 'MONTH', { signal: ctx.signal });
    },
    entity: async (_root, args, ctx) => ctx.loaders.entity.load(keyOf(args.id, ['Person', 'Organization', 'Place'])),
  },
  EncounterConnection: { entity: resolvedEntity },
  TimelineConnection: { entity: resolvedEntity },
  CounterpartConnection: { entity: resolvedEntity },
};
