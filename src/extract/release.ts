/**
 * Frees the memory behind typed arrays that are no longer needed now, rather than at the next
 * full collection. Loading the models makes a few hundred MB of such temporaries (decoded
 * base64, unpacked rows) outside the JS heap; the thread that loads them may run for minutes
 * without a full collection (its own heap hardly grows), and until one runs they stay resident.
 */
import { MessageChannel } from 'node:worker_threads';

/**
 * Detaches the buffers of `arrays` (each must be the sole view of its whole, unshared buffer):
 * they are transferred through a port closed beforehand, which drops the message (and frees
 * them) at once, and the arrays read as empty. Views of part of a buffer (Buffer pool slices)
 * and shared buffers are left alone.
 */
export function release(...arrays: (ArrayBufferView | undefined)[]): void {
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) {
    // By tag, not instanceof: the arrays may come from another realm (a vm context, a test runner).
    if (!a || Object.prototype.toString.call(a.buffer) !== '[object ArrayBuffer]' || a.byteOffset !== 0 || a.byteLength !== a.buffer.byteLength || a.byteLength < 64 * 1024) continue;
    buffers.add(a.buffer as ArrayBuffer);
  }
  if (!buffers.size) return;
  // Closed before the post: a port whose other end closes first frees the message only on a later tick.
  const { port1 } = new MessageChannel();
  port1.close();
  port1.postMessage(null, [...buffers]);
}
