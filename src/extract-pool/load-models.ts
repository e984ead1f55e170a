/** Loads the models for the extraction workers in a thread of their own, synchronously. */
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { KgError } from '../errors';
import type { SharedModels } from '../models';
import { startThread } from './thread';

/** The longest a load may take before it is given up (a cold disk and a loaded host: seconds, not this). */
const LOAD_TIMEOUT_MS = 120_000;

/**
 * The shared models (see sharedModels), loaded in a short-lived thread so that none of the
 * parse's garbage is left in this one; blocks this thread meanwhile, as loading here would.
 */
export function loadModelsInThread(): SharedModels {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const thread = startThread('loader', { workerData: { port: port2, done }, transferList: [port2] });
  try {
    if (Atomics.wait(done, 0, 0, LOAD_TIMEOUT_MS) === 'timed-out') throw new KgError('BAD_CONFIG', `loading the models took more than ${LOAD_TIMEOUT_MS / 1000} s`);
    const reply = receiveMessageOnPort(port1)?.message as { models?: SharedModels; failure?: { code: string; message: string } } | undefined;
    if (!reply?.models) throw new KgError('BAD_CONFIG', reply?.failure?.message ?? 'the model loader thread stopped without an answer');
    return reply.models;
  } finally {
    port1.close();
    void thread.terminate();
  }
}
