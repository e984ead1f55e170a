/**
 * What `kg ingest` shows while it works: a progress bar on a terminal (articles, articles/s,
 * errors), and nothing until the one summary line otherwise (logs and CI stay readable).
 */
import { SingleBar } from 'cli-progress';
import type { Input } from '../extract/types';
import { recordInputs } from '../extract/intake';

/** Receives ingestion events; `stop` ends the display before the summary is printed. */
export interface Progress {
  article(): void;
  error(): void;
  stop(): void;
}

/**
 * How many articles the inputs hold, as far as can be told before extracting: one per record of
 * a record file, one per page otherwise (a page may hold more; the bar then grows its total).
 */
export function estimateArticles(inputs: Input[]): number {
  let total = 0;
  for (const input of inputs) {
    const records = recordInputs(input);
    total += records ? records.inputs.length + records.errors.length : 1;
  }
  return total;
}

/** A bar on `stream` when it is a terminal, else a display that shows nothing. */
export function createProgress(stream: NodeJS.WriteStream, total: number, startedAt = Date.now()): Progress {
  if (!stream.isTTY) return { article() {}, error() {}, stop() {} };
  const bar = new SingleBar({
    stream,
    format: 'ingesting [{bar}] {value}/{total} articles read | {rate} stored/s | {errors} error(s) | {duration_formatted}',
    barCompleteChar: '#',
    barIncompleteChar: '-',
    hideCursor: true,
    clearOnComplete: false,
    fps: 5,
  });
  let done = 0;
  let stored = 0;
  let errors = 0;
  const rate = () => (stored / Math.max(0.001, (Date.now() - startedAt) / 1000)).toFixed(1);
  bar.start(Math.max(total, 1), 0, { rate: '0.0', errors: 0 });
  const tick = () => {
    if (done > bar.getTotal()) bar.setTotal(done);
    bar.update(done, { rate: rate(), errors });
  };
  return {
    article() {
      stored++;
      done++;
      tick();
    },
    error() {
      errors++;
      done++;
      tick();
    },
    stop() {
      bar.stop();
    },
  };
}
