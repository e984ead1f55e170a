/**
 * An extraction worker thread: loads the models once, then extracts each input it is sent
 * and posts back the packed documents (offset tables transferred, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extract } from '../extract/pipeline';
import { adoptModels, pipelineComponents, type SharedModels } from '../models';
import { packDoc } from './packed';
import type { Input } from './types';

// Models load as the thread starts, so the first article waits for nothing; the pool hears when.
try {
  // The pool sends the models it loaded once, their weight tables shared between the threads.
  const shared = (workerData as { models?: SharedModels } | null)?.models;
  if (shared) adoptModels(shared);
  // One small article builds what the stages build lazily (gazetteer indexes, compiled features).
  extract({ name: 'warm-up', text: 'Anna Berg met Carl Dahl in Oslo on Monday, officials said.', single: true, meta: { title: 'Warm-up' } }, pipelineComponents());
  parentPort!.postMessage({ ready: true });
} catch (error) {
  parentPort!.postMessage({ ready: false, failure: { code: 'BAD_CONFIG', message: (error as Error).message } });
}

parentPort!.on('message', ({ id, input }: { id: number; input: Input }) => {
  try {
    const result = extract(input, pipelineComponents());
    const docs = result.docs.map(packDoc);
    parentPort!.postMessage({ id, docs, errors: result.errors }, docs.map((d) => d.offsets.buffer as ArrayBuffer));
  } catch (error) {
    parentPort!.postMessage({ id, failure: { code: (error as { code?: string }).code ?? 'EXTRACTION_FAILED', message: (error as Error).message } });
  }
});
