/**
 * Article reads over the store port (writes are in write.ts).
 */
import { ARTICLE_BY_ID, ARTICLES_PAGE, ARTICLES_PAGE_DESC, COUNT_ALL, COUNT_ARTICLES } from './cypher';
import type { GraphStore } from './store';

/** An article as stored. */
export interface ArticleRecord {
  id: string;
  title: string;
  text?: string;
  url?: string | null;
  publishedAt?: string | null;
  publishedAtInferred?: boolean | null;
  source?: string | null;
  sources?: string[] | null;
  author?: string | null;
  siteName?: string | null;
  ingestedAt?: string | null;
  extractorVersion?: string | null;
}

/** Up to `limit` articles after the keyset cursor `after` (an article id), in id order. */
export async function articlesPage(store: GraphStore, limit: number, after: string | null): Promise<ArticleRecord[]> {
  return articlesWindow(store, { limit, after, before: null, backward: false });
}

/**
 * Up to `limit` articles strictly between the keyset cursors `after` and `before` (article ids),
 * in id order; with `backward` the last `limit` of them, nearest `before` first.
 */
export async function articlesWindow(store: GraphStore, page: { limit: number; after: string | null; before: string | null; backward: boolean }): Promise<ArticleRecord[]> {
  const rows = await store.query<{ article: ArticleRecord }>(page.backward ? ARTICLES_PAGE_DESC : ARTICLES_PAGE, { after: page.after, before: page.before, limit: page.limit });
  return rows.map((r) => r.article);
}

/** One article with its text, or null. */
export async function articleById(store: GraphStore, id: string): Promise<ArticleRecord | null> {
  const rows = await store.query<{ article: ArticleRecord }>(ARTICLE_BY_ID, { id });
  return rows[0]?.article ?? null;
}

/** How many articles, entities and events are stored. */
export async function countAll(store: GraphStore): Promise<{ articles: number; entities: number; events: number }> {
  const [row] = await store.query<{ articles: number; entities: number; events: number }>(COUNT_ALL);
  return { articles: Number(row?.articles ?? 0), entities: Number(row?.entities ?? 0), events: Number(row?.events ?? 0) };
}

/** How many articles are stored. */
export async function countArticles(store: GraphStore): Promise<number> {
  const rows = await store.query<{ count: number }>(COUNT_ARTICLES);
  return rows[0]?.count ?? 0;
}
