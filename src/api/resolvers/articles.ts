/**
 * Resolvers for articles.
 */
import { articleById, articlesPage, countArticles, type ArticleRecord } from '../../graph/articles';
import { decodeCursor, encodeCursor, fromGlobalId, pageSize, toGlobalId } from '../ids';
import type { Resolvers } from '../generated/graphql';

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
    node: async (_root, args, { store }) => {
      const { type, id } = fromGlobalId(args.id);
      if (type === 'Article') {
        const record = await articleById(store, id);
        return record ? (articleNode(record) as never) : null;
      }
      return null;
    },
  },
  Article: {
    id: (a) => toGlobalId('Article', (a as unknown as ArticleRecord).id),
    text: async (a, _args, { store }) => {
      const record = a as unknown as ArticleRecord;
      if (typeof record.text === 'string') return record.text;
      return (await articleById(store, record.id))?.text ?? '';
    },
  },
  Node: {
    __resolveType: (obj) => (obj as { __typename?: string }).__typename as 'Article',
  },
};
