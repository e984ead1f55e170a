/**
 * Article reads and writes over the store port.
 */
import type { Doc } from '../extract/types';
import { EXTRACTOR_VERSION } from '../extract/pipeline';
import { ARTICLE_BY_ID, ARTICLES_PAGE, COUNT_ARTICLES, UPSERT_ARTICLE } from './cypher';
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
  ingestedAt?: string | null;
}

/** The outcome of writing one article. */
export interface WriteOutcome {
  id: string;
  created: boolean;
}

/** Writes one extracted document (the raw article text is the source of truth) in one transaction. */
export async function writeArticle(store: GraphStore, doc: Doc, inputText: string): Promise<WriteOutcome> {
  const props = {
    title: doc.title,
    text: inputText.slice(doc.inputSpan.start, doc.inputSpan.end),
    url: doc.url ?? null,
    publishedAt: doc.publishedAt,
    publishedAtInferred: doc.publishedAtInferred,
    source: doc.sources[0] ?? null,
    extractorVersion: EXTRACTOR_VERSION,
  };
  const rows = await store.write((tx) =>
    tx.run<{ id: string; created: boolean }>(UPSERT_ARTICLE, { id: doc.id, props, now: new Date().toISOString() }),
  );
  return { id: rows[0].id, created: rows[0].created === true };
}

/** Up to `limit` articles after the keyset cursor `after` (an article id), in id order. */
export async function articlesPage(store: GraphStore, limit: number, after: string | null): Promise<ArticleRecord[]> {
  const rows = await store.query<{ article: ArticleRecord }>(ARTICLES_PAGE, { after, limit });
  return rows.map((r) => r.article);
}

/** One article with its text, or null. */
export async function articleById(store: GraphStore, id: string): Promise<ArticleRecord | null> {
  const rows = await store.query<{ article: ArticleRecord }>(ARTICLE_BY_ID, { id });
  return rows[0]?.article ?? null;
}

/** How many articles are stored. */
export async function countArticles(store: GraphStore): Promise<number> {
  const rows = await store.query<{ count: number }>(COUNT_ARTICLES);
  return rows[0]?.count ?? 0;
}
