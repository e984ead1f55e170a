/**
 * A short-lived thread that loads the models for the pool (see load-models.ts): parsing them
 * leaves a few hundred MB of garbage (the JSON text, base64 strings, unpacked rows), which goes
 * with this thread's heap instead of staying in the pool's thread until its next full collection.
 */
import { workerData, type MessagePort } from 'node:worker_threads';

const { port, done } = workerData as { port: MessagePort; done: Int32Array };
try {
  // Required here, not imported, so that a failure to load the code is reported too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { sharedModels } = require('../models') as typeof import('../models');
  port.postMessage({ models: sharedModels() });
} catch (error) {
  port.postMessage({ failure: { code: (error as { code?: string }).code ?? 'BAD_CONFIG', message: (error as Error).message } });
} finally {
  // The message is in the pool thread's queue once postMessage returns; this wakes it.
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
}
