/**
 * Rebuilding every derived fact from the stored article texts (the source of truth) with
 * the current extractor. Each article is rewritten in its own transaction, so a crash
 * leaves every article either fully old or fully new, and a rerun finishes the job.
 */
import type { Component } from '../extract/pipeline';
import { extract } from '../extract/pipeline';
import type { InputError } from '../extract/types';
import { articleById, articlesPage } from './articles';
import type { GraphStore } from './store';
import { recountArticleCounts, resolvePartialPersons, writeArticle } from './write';

/** What a reindex did. */
export interface ReindexReport {
  articles: number;
  rewritten: number;
  errors: InputError[];
}

/** Re-extracts and rewrites every stored article; `onProgress` is told after each one. */
export async function reindex(store: GraphStore, components: Component[], onProgress?: (done: number) => void): Promise<ReindexReport> {
  const report: ReindexReport = { articles: 0, rewritten: 0, errors: [] };
  let after: string | null = null;
  for (;;) {
    const page = await articlesPage(store, 100, after);
    if (!page.length) break;
    after = page[page.length - 1].id;
    for (const summary of page) {
      report.articles++;
      const article = await articleById(store, summary.id);
      if (!article?.text) continue;
      const meta = {
        id: article.id,
        title: article.title,
        url: article.url ?? undefined,
        // An inferred date is re-inferred by the current extractor; a given one is kept.
        publishedAt: article.publishedAtInferred ? undefined : (article.publishedAt ?? undefined),
        source: article.source ?? undefined,
      };
      const { docs, errors } = extract({ name: article.id, text: article.text, meta, single: true }, components);
      report.errors.push(...errors);
      const doc = docs[0];
      if (!doc) continue;
      // Keep the stored text exactly: the article's own slice is the whole input now.
      await writeArticle(store, { ...doc, id: article.id, inputSpan: { start: 0, end: article.text.length }, inputText: article.text }, { force: true });
      report.rewritten++;
      onProgress?.(report.articles);
    }
  }
  // Surname-only people join their one full-named namesake whatever order the articles came in.
  await resolvePartialPersons(store);
  // Rewriting adds and withdraws one per mention; counts a store never had are set here.
  await recountArticleCounts(store);
  return report;
}
