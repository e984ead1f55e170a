/**
 * Resolvers for entities (Person, Organization, Place behind the Entity interface) and
 * the types that point at them. Nested lists (encounters, articles) go through batched
 * loaders so a list of entities costs one statement per field, not one per entity.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityRecord } from '../../graph/queries';
import { EVENT_TYPES, MEETING_TYPES } from '../../graph/queries';
import type { ApiContext } from '../context';
import type { Resolvers } from '../generated/graphql';
import { decodeCursor, encodeCursor, pageSize, toGlobalId } from '../ids';
import type { EncounterModel } from '../model';
import { resolveFilter } from '../names';
import { eventConnection } from './events';
import { present } from './present';

const NODE_TYPE = { PERSON: 'Person', ORGANIZATION: 'Organization', PLACE: 'Place' } as const;

/** The GraphQL object type of an entity record. */
export function entityTypeName(e: Pick<EntityRecord, 'type'>): 'Person' | 'Organization' | 'Place' {
  return NODE_TYPE[e.type] ?? 'Organization';
}

/** Arguments of encounter lists. */
export interface EncounterArgsInput {
  types?: readonly string[] | null;
  status?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
  first?: number | null;
}

/** Encounters of one entity through the batched loader, with the API's defaults. */
export async function entityEncounters(ctx: ApiContext, key: string, args: EncounterArgsInput): Promise<EncounterModel[]> {
  const rows = await ctx.loaders.encounters.load({
    key,
    args: {
      types: args.types?.length ? [...args.types] : [...MEETING_TYPES],
      statuses: args.status?.length ? [...args.status] : ['OCCURRED'],
      from: args.from ?? null,
      to: args.to ?? null,
      first: pageSize(args.first, ctx.config.limits.maxPageSize, 50),
    },
  });
  return rows.map((r) => ({ counterpartKey: r.counterpart, eventId: r.event, role: r.role, counterpartRole: r.counterpartRole }));
}

async function entityArticleConnection(ctx: ApiContext, e: EntityRecord, args: { first?: number | null; after?: string | null }) {
  const first = pageSize(args.first, ctx.config.limits.maxPageSize);
  const after = args.after ? String(decodeCursor(args.after)[0]) : null;
  const rows = await ctx.loaders.entityArticles.load({ key: e.key, args: { after, first: first + 1 } });
  const page = rows.slice(0, first);
  const articles = await ctx.loaders.article.loadMany(page.map((r) => r.id));
  const edges = page.map((r, i) => ({ cursor: encodeCursor([r.id]), node: articles[i] })).filter((x) => x.node && !(x.node instanceof Error));
  return {
    edges: edges as never,
    totalCount: e.articleCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

const entityFields = {
  id: (e: EntityRecord) => toGlobalId(entityTypeName(e), e.key),
  type: (e: EntityRecord) => e.type,
  encounters: (e: EntityRecord, args: EncounterArgsInput, ctx: ApiContext) => entityEncounters(ctx, e.key, args),
  events: async (e: EntityRecord, args: { filter?: Parameters<typeof resolveFilter>[1]; first?: number | null; after?: string | null; last?: number | null; before?: string | null }, ctx: ApiContext, info: GraphQLResolveInfo) =>
    eventConnection(ctx, await resolveFilter(ctx, args.filter, { participants: [e.key], types: EVENT_TYPES }), args, info),
  articles: (e: EntityRecord, args: { first?: number | null; after?: string | null }, ctx: ApiContext) => entityArticleConnection(ctx, e, args),
};

/** Type resolvers for entities. */
export const entityResolvers: Resolvers = {
  Entity: {
    __resolveType: (e) => entityTypeName(e),
  },
  Person: {
    ...entityFields,
    roles: (e: EntityRecord) => e.roles.map((r) => ({ title: r.title, ofKey: r.ofKey })),
    titles: (e: EntityRecord) => e.titles,
  } as never,
  Organization: entityFields as never,
  Place: {
    ...entityFields,
    latitude: (e: EntityRecord) => e.lat,
    longitude: (e: EntityRecord) => e.lon,
    within: async (e: EntityRecord, _args: unknown, ctx: ApiContext) => present(await ctx.loaders.entity.loadMany(e.within)),
  } as never,
  Role: {
    of: async (r, _args, ctx) => (await ctx.loaders.entity.load(r.ofKey))!,
  },
  Encounter: {
    counterpart: async (e, _args, ctx) => (await ctx.loaders.entity.load(e.counterpartKey))!,
    event: async (e, _args, ctx) => (await ctx.loaders.event.load(e.eventId))!,
  },
  CounterpartCount: {
    counterpart: async (c, _args, ctx) => (await ctx.loaders.entity.load(c.counterpartKey))!,
  },
  Mention: {
    entity: async (m, _args, ctx) => (await ctx.loaders.entity.load(m.key))!,
    spans: (m) => Array.from({ length: m.offsets.length / 2 }, (_, i) => [m.offsets[2 * i], m.offsets[2 * i + 1]]),
  },
};
