/**
 * Resolvers for articles.
 */
import { articleById, articlesPage, countArticles, type ArticleRecord } from '../../graph/articles';
import { decodeCursor, encodeCursor, fromGlobalId, pageSize, toGlobalId } from '../ids';
import type { Resolvers } from '../generated/graphql';
import { entityTypeName } from './entities';
import { loadEvents } from './events';

function articleNode(record: ArticleRecord) {
  return { ...record, __typename: 'Article' as const };
}

/** Query and type resolvers for Article. */
export const articleResolvers: Resolvers = {
  Query: {
    articles: async (_root, args, { store, config }) => {
      const first = pageSize(args.first, config.limits.maxPageSize);
      const after = args.after ? String(decodeCursor(args.after)[0]) : null;
      const [rows, total] = await Promise.all([articlesPage(store, first + 1, after), countArticles(store)]);
      const page = rows.slice(0, first);
      const edges = page.map((a) => ({ cursor: encodeCursor([a.id]), node: articleNode(a) as never }));
      return {
        edges,
        totalCount: total,
        pageInfo: {
          hasNextPage: rows.length > first,
          hasPreviousPage: after !== null,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges[edges.length - 1]?.cursor ?? null,
        },
      };
    },
    article: async (_root, args, { store }) => {
      const { type, id } = fromGlobalId(args.id);
      if (type !== 'Article') return null;
      return (await articleById(store, id)) as never;
    },
    node: async (_root, args, { store, loaders }) => {
      const { type, id } = fromGlobalId(args.id);
      if (type === 'Article') {
        const record = await articleById(store, id);
        return record ? (articleNode(record) as never) : null;
      }
      if (type === 'Event') return (await loaders.event.load(id)) as never;
      const entity = await loaders.entity.load(id);
      return entity && entityTypeName(entity) === type ? (entity as never) : null;
    },
  },
  Article: {
    id: (a) => toGlobalId('Article', a.id),
    sources: (a) => a.sources ?? (a.source ? [a.source] : []),
    mentions: async (a, _args, ctx) => (await ctx.loaders.articleFacts.load(a.id))?.mentions ?? [],
    events: async (a, _args, ctx) => loadEvents(ctx, (await ctx.loaders.articleFacts.load(a.id))?.events ?? []),
    text: async (a, _args, { store }) => {
      if (typeof a.text === 'string') return a.text;
      return (await articleById(store, a.id))?.text ?? '';
    },
  },
  Node: {
    __resolveType: (obj) => {
      const o = obj as { __typename?: string; key?: string; type?: string; status?: unknown };
      if (o.__typename) return o.__typename as 'Article';
      if (o.status !== undefined && o.key === undefined) return 'Event';
      if (o.key && o.type) return entityTypeName(o as { type: 'PERSON' });
      return 'Article';
    },
  },
};
