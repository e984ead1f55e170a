/** release() frees the memory of typed arrays at once, not at the next full collection. */
import { release } from '../../src/extract/release';

describe('release', () => {
  it('frees whole-buffer arrays at once and leaves slices and shared memory alone', () => {
    const big = Array.from({ length: 4 }, () => new Int32Array(4 << 20).fill(7));
    const before = process.memoryUsage().arrayBuffers;
    const slice = Buffer.from('a pooled slice');
    const shared = new Int32Array(new SharedArrayBuffer(1 << 20));
    release(...big, slice, shared, undefined);
    // Synchronously: the 64 MB are gone before anything else runs.
    expect(before - process.memoryUsage().arrayBuffers).toBeGreaterThanOrEqual(60 << 20);
    expect(big.every((a) => a.length === 0)).toBe(true);
    expect(slice.toString()).toBe('a pooled slice');
    expect(shared.length).toBe(1 << 18);
  });
});
