/**
 * Ingestion: inputs -> extraction -> one write transaction per article. A bad input is
 * reported and skipped; the rest goes on.
 */
import type { Input, InputError } from '../extract/types';
import { extractEach, type Component } from '../extract/pipeline';
import { pipelineComponents } from '../models';
import { writeArticle, type WriteOutcome, type WriteOptions } from './write';
import type { GraphStore } from './store';

/** What an ingestion run did. */
export interface IngestReport {
  articles: (WriteOutcome & { input: string; title: string })[];
  errors: InputError[];
}

/** Extracts and stores every input; errors are collected per input, never thrown. */
export async function ingestInputs(
  store: GraphStore,
  inputs: Iterable<Input>,
  components: Component[] = pipelineComponents(),
  options: WriteOptions & { onArticle?: (article: IngestReport['articles'][number]) => void } = {},
): Promise<IngestReport> {
  const report: IngestReport = { articles: [], errors: [] };
  for (const input of inputs) {
    // One article is extracted, then written, then the next: memory stays flat however long the file.
    for (const item of extractEach(input, components)) {
      if ('error' in item) {
        report.errors.push(item.error);
        continue;
      }
      const { doc } = item;
      try {
        const outcome = await writeArticle(store, doc, options);
        const article = { ...outcome, input: doc.inputName, title: doc.title };
        report.articles.push(article);
        options.onArticle?.(article);
      } catch (error) {
        report.errors.push({ input: input.name, code: 'STORE_WRITE_FAILED', message: (error as Error).message });
      }
    }
  }
  return report;
}
