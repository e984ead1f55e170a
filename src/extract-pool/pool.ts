/**
 * A pool of extraction worker threads, so a long article never blocks the event loop and
 * ingestion uses every core. Workers start on first use and share the models loaded once; a
 * task whose signal aborts terminates its worker (the work stops, a fresh worker replaces it).
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { adoptGazetteer } from '../extract/ner/gazetteer';
import type { SharedModels } from '../models';
import { loadModelsInThread } from './load-models';
import { startThread } from './thread';
import { unpackDoc, type PackedDoc } from './packed';
import type { ExtractResultLike, Input, InputError } from './types';

/** Extraction off the event loop. */
export interface ExtractPool {
  /** How many workers run at most. */
  readonly size: number;
  /** Extracts one input in a worker; rejects with an AbortError when `signal` fires first. */
  extract(input: Input, signal?: AbortSignal): Promise<ExtractResultLike>;
  /** Starts every worker and resolves once each has loaded the models. */
  ready(): Promise<void>;
  /** Stops every worker. */
  close(): Promise<void>;
}

interface Task {
  id: number;
  input: Input;
  signal?: AbortSignal;
  resolve(result: ExtractResultLike): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  loaded: Promise<void>;
}

/** The number of cores this process may use. */
export function defaultPoolSize(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * The young generation of a worker's heap, in MB. V8's default (up to 3 x 16 MB semi-spaces)
 * stays committed in every thread once extraction has filled it; this much keeps scavenges
 * rare enough not to show in extraction time.
 */
const WORKER_YOUNG_GENERATION_MB = 6;

function startWorker(models: SharedModels | undefined): Worker {
  return startThread('worker', { workerData: { models }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
}

/**
 * The models, loaded once (in a thread of their own) for every worker, and the gazetteer they
 * bring made this thread's too (writes read its names), so it is not built twice. A failure is
 * left for the workers to report.
 */
function loadShared(): SharedModels | undefined {
  try {
    const models = loadModelsInThread();
    adoptGazetteer(models.gazetteer);
    return models;
  } catch {
    return undefined;
  }
}

function abortError(): Error {
  const error = new Error('The extraction was cancelled.');
  error.name = 'AbortError';
  return error;
}

/** A pool of `size` extraction workers (default: one per core). */
export function createExtractPool(size = defaultPoolSize()): ExtractPool {
  const slots: Slot[] = [];
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;
  // Loaded on the first spawn and kept for replacements (a worker ended by a timeout).
  let models: SharedModels | undefined;

  const finish = (slot: Slot) => {
    slot.task = undefined;
    pump();
  };

  const spawn = (): Slot => {
    models ??= loadShared();
    const worker = startWorker(models);
    let loaded!: (value: void) => void;
    let failed!: (error: Error) => void;
    const slot: Slot = { worker, loaded: new Promise<void>((resolve, reject) => ((loaded = resolve), (failed = reject))) };
    slot.loaded.catch(() => undefined);
    slot.worker.unref();
    slot.worker.on('message', (message: { id?: number; ready?: boolean; docs?: PackedDoc[]; errors?: InputError[]; failure?: { code: string; message: string } }) => {
      if (message.ready !== undefined) {
        if (message.ready) loaded();
        else failed(Object.assign(new Error(message.failure?.message ?? 'extraction worker failed'), { code: message.failure?.code }));
        return;
      }
      const task = slot.task;
      if (!task || task.id !== message.id) return;
      task.signal?.removeEventListener('abort', onAbort(slot));
      if (message.failure) task.reject(Object.assign(new Error(message.failure.message), { code: message.failure.code }));
      else task.resolve({ docs: (message.docs ?? []).map(unpackDoc), errors: message.errors ?? [] });
      finish(slot);
    });
    slot.worker.on('error', (error) => {
      failed(error);
      slot.task?.reject(Object.assign(new Error(`extraction worker failed: ${error.message}`), { code: 'EXTRACTION_FAILED' }));
      replace(slot);
    });
    slot.worker.on('exit', () => {
      if (slots.includes(slot)) {
        slot.task?.reject(Object.assign(new Error('extraction worker exited'), { code: 'EXTRACTION_FAILED' }));
        replace(slot);
      }
    });
    slots.push(slot);
    return slot;
  };

  const replace = (slot: Slot) => {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    slot.task = undefined;
    void slot.worker.terminate();
    pump();
  };

  const aborters = new WeakMap<Slot, () => void>();
  const onAbort = (slot: Slot) => {
    let fn = aborters.get(slot);
    if (!fn) {
      fn = () => {
        const task = slot.task;
        if (!task) return;
        task.reject(abortError());
        // The only way to stop synchronous work in a thread is to end the thread.
        replace(slot);
      };
      aborters.set(slot, fn);
    }
    return fn;
  };

  const pump = () => {
    if (closed) return;
    while (queue.length) {
      const slot = slots.find((s) => !s.task) ?? (slots.length < size ? spawn() : undefined);
      if (!slot) return;
      const task = queue.shift()!;
      if (task.signal?.aborted) {
        task.reject(abortError());
        continue;
      }
      slot.task = task;
      task.signal?.addEventListener('abort', onAbort(slot), { once: true });
      slot.worker.postMessage({ id: task.id, input: task.input });
    }
  };

  return {
    size,
    extract(input, signal) {
      if (closed) return Promise.reject(new Error('the extraction pool is closed'));
      if (signal?.aborted) return Promise.reject(abortError());
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, input: { name: input.name, text: input.text, meta: input.meta, single: input.single }, signal, resolve, reject });
        pump();
      });
    },
    async ready() {
      while (slots.length < size) spawn();
      await Promise.all(slots.map((s) => s.loaded));
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new Error('the extraction pool is closed'));
      const all = slots.splice(0);
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
