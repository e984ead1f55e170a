/**
 * Root queries over the graph: search, encounters, meetings, timeline, rankings,
 * histograms, and lookups by id.
 */
import { KgError } from '../../errors';
import { EVENT_TYPES, MEETING_TYPES, eventHistogram, timelines, topCounterparts } from '../../graph/queries';
import type { Resolvers } from '../generated/graphql';
import { pageSize } from '../ids';
import { keyOf, requireEntityKey, resolveFilter } from '../names';
import { entityEncounters } from './entities';
import { eventConnection, loadEvents } from './events';
import { present } from './present';

/** Root query resolvers for the graph. */
export const graphQueryResolvers: Resolvers = {
  Query: {
    search: async (_root, args, ctx) => {
      if (args.text.length > 200) throw new KgError('BAD_USER_INPUT', 'Search text must be at most 200 characters.');
      const hits = await ctx.search.search(args.text, args.types?.length ? [...args.types] : null, pageSize(args.first, ctx.config.limits.maxPageSize, 10), {
        signal: ctx.signal,
      });
      return present(await ctx.loaders.entity.loadMany(hits.map((h) => h.key)));
    },
    encounters: async (_root, args, ctx) => entityEncounters(ctx, await requireEntityKey(ctx, args.name), args),
    meetings: async (_root, args, ctx, info) => eventConnection(ctx, await resolveFilter(ctx, args.filter), args, info),
    timeline: async (_root, args, ctx) => {
      const key = await requireEntityKey(ctx, args.name);
      if (args.from && args.to && args.from > args.to) throw new KgError('BAD_USER_INPUT', '`from` must not be after `to`.');
      const rows = await timelines(
        ctx.store,
        [key],
        {
          types: args.types?.length ? [...args.types] : [...EVENT_TYPES],
          statuses: args.status?.length ? [...args.status] : null,
          from: args.from ?? null,
          to: args.to ?? null,
          first: pageSize(args.first, ctx.config.limits.maxPageSize, 100),
        },
        { signal: ctx.signal },
      );
      return loadEvents(ctx, (rows.get(key) ?? []).map((r) => r.id));
    },
    topCounterparts: async (_root, args, ctx) => {
      const key = await requireEntityKey(ctx, args.name);
      const rows = await topCounterparts(
        ctx.store,
        key,
        { types: [...MEETING_TYPES], statuses: args.status?.length ? [...args.status] : null, first: pageSize(args.first, ctx.config.limits.maxPageSize, 10) },
        { signal: ctx.signal },
      );
      return rows.map((r) => ({ counterpartKey: r.key, events: r.events, lastDate: r.lastDate }));
    },
    meetingHistogram: async (_root, args, ctx) => {
      const filter = await resolveFilter(ctx, args.filter);
      if (!filter) return [];
      return eventHistogram(ctx.store, filter, args.bucket ?? 'MONTH', { signal: ctx.signal });
    },
    entity: async (_root, args, ctx) => ctx.loaders.entity.load(keyOf(args.id, ['Person', 'Organization', 'Place'])),
  },
};
