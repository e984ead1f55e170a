/**
 * Resolvers for articles.
 */
import { articleById, articlesWindow, countArticles, type ArticleRecord } from '../../graph/articles';
import { KgError } from '../../errors';
import type { ApiContext } from '../context';
import { decodeCursor, fromGlobalId, toGlobalId } from '../ids';
import type { Resolvers } from '../generated/graphql';
import { keyOf, resolveFilter } from '../names';
import { keysetConnection, keysetWindow, type PageArgs } from '../paging';
import { present } from './present';
import { entityTypeName } from './entities';
import { eventConnection, eventListConnection, loadEvents } from './events';

function articleNode(record: ArticleRecord) {
  return { ...record, __typename: 'Article' as const };
}

/** The article id an article cursor holds, failing with BAD_USER_INPUT for any other cursor. */
export function articleCursor(cursor: string): string {
  const key = decodeCursor(cursor);
  if (key.length !== 1 || typeof key[0] !== 'string') throw new KgError('BAD_USER_INPUT', `"${cursor}" is not a valid cursor.`);
  return key[0];
}

/** An article connection over a known set of article ids (an event's reports), paged in memory in id order. */
export async function articleIdConnection(ctx: ApiContext, ids: string[], args: PageArgs) {
  const window = keysetWindow(args, ctx.config.limits.maxPageSize, articleCursor);
  const inWindow = [...ids].sort().filter((id) => (window.after === null || id > window.after) && (window.before === null || id < window.before));
  const rows = (window.backward ? inWindow.reverse() : inWindow).slice(0, window.limit + 1);
  const page = keysetConnection(rows, window, (id) => [id], (id) => id);
  const articles = present(await ctx.loaders.article.loadMany(page.edges.map((e) => e.node)));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const edges = page.edges.filter((e) => byId.has(e.node)).map((e) => ({ cursor: e.cursor, node: byId.get(e.node)! }));
  return { edges, nodes: edges.map((e) => e.node), pageInfo: page.pageInfo, totalCount: ids.length };
}

/** Query and type resolvers for Article. */
export const articleResolvers: Resolvers = {
  Query: {
    articles: async (_root, args, { store, config }) => {
      const window = keysetWindow(args, config.limits.maxPageSize, articleCursor);
      const [rows, total] = await Promise.all([
        articlesWindow(store, { limit: window.limit + 1, after: window.after, before: window.before, backward: window.backward }),
        countArticles(store),
      ]);
      const connection = keysetConnection(rows, window, (a) => [a.id], (a) => articleNode(a) as never);
      return { ...connection, totalCount: total };
    },
    // A well-formed id of another type is the same BAD_USER_INPUT as entity(id:) and event(id:) give.
    article: async (_root, args, { store }) => (await articleById(store, keyOf(args.id, ['Article']))) as never,
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
    // A connection like Entity.events (the same field under node(id) must have the same type and arguments).
    events: async (a, args, ctx) => {
      if (args.filter?.article) throw new KgError('BAD_USER_INPUT', 'Article.events is already the article\'s events: leave filter.article out.');
      const filter = await resolveFilter(ctx, args.filter, { article: a.id });
      // Participants and places need the graph; the rest is read from the batched loaders (no statement per article).
      if (!filter || filter.participants.length || filter.place) return eventConnection(ctx, filter, args);
      return eventListConnection(ctx, await loadEvents(ctx, (await ctx.loaders.articleFacts.load(a.id))?.events ?? []), filter, args);
    },
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
