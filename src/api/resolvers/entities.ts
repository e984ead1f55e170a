/**
 * Resolvers for entities (Person, Organization, Place behind the Entity interface) and
 * the types that point at them. Nested lists (encounters, articles) go through batched
 * loaders so a list of entities costs one statement per field, not one per entity.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityRecord } from '../../graph/queries';
import { MEETING_TYPES } from '../../graph/queries';
import type { ApiContext } from '../context';
import type { Resolvers } from '../generated/graphql';
import { toGlobalId } from '../ids';
import type { EncounterModel } from '../model';
import { resolveFilter } from '../names';
import { keysetConnection, keysetWindow, offsetPage, offsetWindow, readCount, type OffsetWindow, type PageArgs } from '../paging';
import { articleCursor } from './articles';
import { eventConnection, participantRole } from './events';
import { present } from './present';

const NODE_TYPE = { PERSON: 'Person', ORGANIZATION: 'Organization', PLACE: 'Place' } as const;

/** The GraphQL object type of an entity record. */
export function entityTypeName(e: Pick<EntityRecord, 'type'>): 'Person' | 'Organization' | 'Place' {
  return NODE_TYPE[e.type] ?? 'Organization';
}

const PLACE_KINDS = new Set(['COUNTRY', 'CITY', 'REGION', 'VENUE', 'BODY_OF_WATER', 'CONTINENT', 'OTHER']);

/** A stored place kind as the PlaceKind enum: null when unknown, OTHER for a kind the enum lacks. */
function placeKind(kind: string | null | undefined): 'OTHER' | null {
  if (!kind) return null;
  const upper = kind.toUpperCase();
  return (PLACE_KINDS.has(upper) ? upper : 'OTHER') as 'OTHER';
}

/** Arguments of encounter lists. */
export interface EncounterArgsInput {
  types?: readonly string[] | null;
  status?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
  first?: number | null;
  after?: string | null;
  offset?: number | null;
}

/** The encounters of one entity from the start up to the window's end (and one more), through the batched loader, with the API's defaults. */
export async function entityEncounters(ctx: ApiContext, key: string, args: EncounterArgsInput, window: OffsetWindow): Promise<EncounterModel[]> {
  const rows = await ctx.loaders.encounters.load({
    key,
    args: {
      types: args.types?.length ? [...args.types] : [...MEETING_TYPES],
      statuses: args.status?.length ? [...args.status] : ['OCCURRED'],
      from: args.from ?? null,
      to: args.to ?? null,
      first: readCount(window),
    },
  });
  return rows.map((r) => ({ counterpartKey: r.counterpart, eventId: r.event, role: r.role, counterpartRole: r.counterpartRole }));
}

async function entityArticleConnection(ctx: ApiContext, e: EntityRecord, args: PageArgs) {
  const window = keysetWindow(args, ctx.config.limits.maxPageSize, articleCursor);
  const rows = await ctx.loaders.entityArticles.load({ key: e.key, args: { after: window.after, before: window.before, backward: window.backward, first: window.limit + 1 } });
  const page = keysetConnection(rows, window, (r) => [r.id], (r) => r.id);
  const articles = present(await ctx.loaders.article.loadMany(page.edges.map((x) => x.node)));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const edges = page.edges.filter((x) => byId.has(x.node)).map((x) => ({ cursor: x.cursor, node: byId.get(x.node)! }));
  return { edges: edges as never, nodes: edges.map((x) => x.node) as never, totalCount: e.articleCount, pageInfo: page.pageInfo };
}

const entityFields = {
  id: (e: EntityRecord) => toGlobalId(entityTypeName(e), e.key),
  type: (e: EntityRecord) => e.type,
  encounters: async (e: EntityRecord, args: EncounterArgsInput, ctx: ApiContext) => {
    const window = offsetWindow({ first: args.first, offset: args.offset }, ctx.config.limits.maxPageSize, 50);
    return offsetPage(await entityEncounters(ctx, e.key, args, window), window).nodes;
  },
  // The meeting family by default, as for `meetings` (filter.types widens it).
  events: async (e: EntityRecord, args: PageArgs & { filter?: Parameters<typeof resolveFilter>[1] }, ctx: ApiContext, info: GraphQLResolveInfo) =>
    eventConnection(ctx, await resolveFilter(ctx, args.filter, { participants: [e.key] }), args, info),
  articles: (e: EntityRecord, args: PageArgs, ctx: ApiContext) => entityArticleConnection(ctx, e, args),
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
    kind: (e: EntityRecord) => placeKind(e.kind),
    latitude: (e: EntityRecord) => e.lat,
    longitude: (e: EntityRecord) => e.lon,
    within: async (e: EntityRecord, _args: unknown, ctx: ApiContext) => present(await ctx.loaders.entity.loadMany(e.within)),
  } as never,
  Role: {
    of: async (r, _args, ctx) => (await ctx.loaders.entity.load(r.ofKey))!,
  },
  Encounter: {
    role: (e) => participantRole(e.role),
    counterpartRole: (e) => participantRole(e.counterpartRole),
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
