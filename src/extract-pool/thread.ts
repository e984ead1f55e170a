/** Starts a thread on one of this directory's modules, from the TypeScript sources or the build alike. */
import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker thread running ./NAME (worker, loader) of this directory. */
export function startThread(name: string, options: WorkerOptions): Worker {
  const file = path.join(__dirname, `${name}${path.extname(__filename)}`);
  // From the TypeScript sources (tests, ts runners) the thread compiles itself through SWC.
  if (file.endsWith('.ts')) {
    return new Worker(`require(${JSON.stringify(require.resolve('@swc-node/register'))}); require(${JSON.stringify(file)});`, { ...options, eval: true });
  }
  return new Worker(file, options);
}
