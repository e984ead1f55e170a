/**
 * Ingestion: inputs -> extraction -> write transactions of up to WRITE_BATCH articles (each
 * article whole or absent). A bad input is reported and skipped; the rest goes on. The one ingestion path of the CLI and the
 * mutations: extraction runs in the worker pool when one is given (off the event loop, on
 * every core), in this thread otherwise.
 */
import type { Doc, Input, InputError } from '../extract/types';
import { extract, extractEach, type Component, type ExtractResult } from '../extract/pipeline';
import { recordInputs } from '../extract/intake';
import type { ExtractPool } from '../extract-pool/pool';
import { pipelineComponents } from '../models';
import { knownNames } from '../extract/ner/gazetteer';
import { isKgError } from '../errors';
import { writeArticle, writeArticlesOrEach, type WriteOutcome, type WriteOptions } from './write';
import type { GraphStore } from './store';

/** What extracts articles: the worker pool, or pipeline components run in this thread. */
export type Extractor = ExtractPool | Component[];

/** What an ingestion run did. */
export interface IngestReport {
  articles: (WriteOutcome & { input: string; title: string })[];
  errors: InputError[];
  /** Set when the store stopped taking writes (disk full): the run ended at this input, the rest untried. */
  stopped?: InputError;
}

/** Options of ingestion. */
export interface IngestOptions extends WriteOptions {
  /** Articles (one input, or one JSONL record) over this many UTF-8 bytes are refused. */
  maxArticleBytes?: number;
  /**
   * Articles written per transaction (default WRITE_BATCH): one commit, and one wait for the
   * disk, per batch. A batch that fails is written again one article at a time, so a bad article
   * fails alone. 1 writes (and reports) each article as soon as it is extracted.
   */
  writeBatch?: number;
  /** Cancels extraction in progress (pool only) and any write not yet begun. */
  signal?: AbortSignal;
  onArticle?: (article: IngestReport['articles'][number]) => void;
  /** Called for each input or article skipped, as it is skipped (a progress display counts them). */
  onError?: (error: InputError) => void;
}

/**
 * Builds what the write path needs from the gazetteer (known names of places and bodies) now,
 * so the first write after start does not spend seconds building it on the event loop.
 */
export function prepareWrites(): void {
  knownNames('');
}

/**
 * Articles per write transaction when ingesting many. Sixteen makes the per-commit cost (a log
 * sync: ~100 ms on Neo4j here) small beside the writes themselves while a batch stays a few
 * hundred statements, and a progress display still moves every second or two.
 */
export const WRITE_BATCH = 16;

/** The default article size limit (as KG_MAX_ARTICLE_BYTES). */
export const DEFAULT_MAX_ARTICLE_BYTES = 1024 * 1024;

/** The error for an article over the size limit, or undefined when it fits. */
export function articleTooLarge(input: Input, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): InputError | undefined {
  // A UTF-16 unit is at most 3 UTF-8 bytes: most texts need no byte count.
  if (input.text.length * 3 <= maxBytes) return undefined;
  const bytes = Buffer.byteLength(input.text, 'utf8');
  if (bytes <= maxBytes) return undefined;
  return { input: input.name, code: 'PAYLOAD_TOO_LARGE', message: `${input.name}: the article is ${bytes} bytes; the limit is ${maxBytes} (KG_MAX_ARTICLE_BYTES).` };
}

/** The longest article id accepted (ids come from JSONL records; derived ids are short hashes). */
export const MAX_ARTICLE_ID_LENGTH = 256;

function badId(input: Input): InputError | undefined {
  const id = input.meta?.id;
  if (id === undefined || (id.length <= MAX_ARTICLE_ID_LENGTH && id.trim())) return undefined;
  return { input: input.name, code: 'BAD_INPUT_FILE', message: `${input.name}: the id is ${id.trim() ? `${id.length} characters; at most ${MAX_ARTICLE_ID_LENGTH}` : 'blank'}.` };
}

/** Extracts one input with the given extractor. */
export async function extractInput(input: Input, extractor: Extractor, signal?: AbortSignal): Promise<ExtractResult> {
  if (Array.isArray(extractor)) return extract(input, extractor);
  return extractor.extract(input, signal);
}

/** The outcome of ingesting one article input. */
export interface ArticleIngest {
  docs: Doc[];
  outcomes: WriteOutcome[];
  errors: InputError[];
}

/**
 * Extracts one input (size-checked) and writes each of its documents in its own transaction.
 * Once a write has begun it is not cancelled: the caller learns what was committed.
 */
export async function ingestArticle(store: GraphStore, input: Input, extractor: Extractor, options: IngestOptions = {}): Promise<ArticleIngest> {
  const tooLarge = articleTooLarge(input, options.maxArticleBytes) ?? badId(input);
  if (tooLarge) return { docs: [], outcomes: [], errors: [tooLarge] };
  const { docs, errors } = await extractInput(input, extractor, options.signal);
  // The last moment to give up: once a write begins it is committed and reported.
  if (options.signal?.aborted) throw Object.assign(new Error('The ingestion was cancelled before anything was written.'), { name: 'AbortError' });
  const outcomes: WriteOutcome[] = [];
  for (const doc of docs) outcomes.push(await writeArticle(store, doc, options));
  return { docs, outcomes, errors };
}

/** One article input per JSONL or JSON-array record (split here, cheaply), or the input itself. */
function* articleInputs(inputs: Iterable<Input>, fail: (error: InputError) => void): Generator<Input> {
  for (const input of inputs) {
    const records = recordInputs(input);
    if (records) {
      records.errors.forEach(fail);
      yield* records.inputs;
    } else yield input;
  }
}

/** Extracts and stores every input; errors are collected per input, never thrown. */
export async function ingestInputs(
  store: GraphStore,
  inputs: Iterable<Input>,
  extractor: Extractor = pipelineComponents(),
  options: IngestOptions = {},
): Promise<IngestReport> {
  const report: IngestReport = { articles: [], errors: [] };
  const fail = (error: InputError) => {
    report.errors.push(error);
    options.onError?.(error);
  };
  const stored = (doc: Doc, outcome: WriteOutcome) => {
    const article = { ...outcome, input: doc.inputName, title: doc.title };
    report.articles.push(article);
    options.onArticle?.(article);
  };
  const failWrite = (error: unknown, input: Input) => {
    // A store that takes no writes (disk full) fails every article after this one too: stop here.
    const unavailable = isKgError(error, 'STORE_UNAVAILABLE');
    const failure = { input: input.name, code: unavailable ? 'STORE_UNAVAILABLE' : 'STORE_WRITE_FAILED', message: (error as Error).message };
    fail(failure);
    if (unavailable) report.stopped = failure;
  };
  const batchSize = Math.max(1, Math.floor(options.writeBatch ?? WRITE_BATCH));
  let batch: { doc: Doc; input: Input }[] = [];
  const flush = async () => {
    const items = batch;
    batch = [];
    const results = await writeArticlesOrEach(store, items.map((item) => item.doc), options);
    for (const [i, result] of results.entries()) {
      if (report.stopped) break;
      if ('error' in result) failWrite(result.error, items[i].input);
      else stored(result.doc, result.outcome);
    }
  };
  const write = async (doc: Doc, input: Input) => {
    batch.push({ doc, input });
    if (batch.length >= batchSize) await flush();
  };
  if (Array.isArray(extractor)) {
    for (const input of articleInputs(inputs, fail)) {
      const tooLarge = articleTooLarge(input, options.maxArticleBytes) ?? badId(input);
      if (tooLarge) {
        fail(tooLarge);
        continue;
      }
      // One article is extracted, then written, then the next: memory stays flat however long the file.
      for (const item of extractEach(input, extractor)) {
        if ('error' in item) fail(item.error);
        else await write(item.doc, input);
        if (report.stopped) return report;
      }
    }
    await flush();
    return report;
  }
  // Pool: up to `size` + a batch of articles are extracted at once while earlier ones are written, in input order.
  const pending: { input: Input; result: Promise<ExtractResult | InputError> }[] = [];
  const drain = async () => {
    const { input, result } = pending.shift()!;
    const done = await result;
    if ('code' in done) return void fail(done);
    done.errors.forEach(fail);
    for (const doc of done.docs) if (!report.stopped) await write(doc, input);
  };
  for (const input of articleInputs(inputs, fail)) {
    const tooLarge = articleTooLarge(input, options.maxArticleBytes) ?? badId(input);
    if (tooLarge) {
      fail(tooLarge);
      continue;
    }
    const result = extractor.extract(input, options.signal).catch(
      (error: Error & { code?: string }): InputError => ({ input: input.name, code: error.code ?? 'EXTRACTION_FAILED', message: `${input.name}: ${error.message}` }),
    );
    pending.push({ input, result });
    // Enough extractions in flight that the workers stay busy while a whole batch is written.
    if (pending.length > extractor.size + batchSize) await drain();
    if (report.stopped) break;
  }
  while (pending.length && !report.stopped) await drain();
  if (!report.stopped) await flush();
  return report;
}
