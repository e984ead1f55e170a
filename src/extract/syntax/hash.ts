/**
 * Integer feature keys: a feature is a template number and a few atom ids (word hashes, tag and
 * label numbers) mixed into one 32-bit integer, so no feature strings are built at run time.
 */

/** 32-bit FNV-1a hash of a string (word atoms). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Mixes one more atom into a key (murmur3-style round). */
export function mix(h: number, x: number): number {
  let k = Math.imul(x | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Final avalanche of a key; never 0 (0 marks an empty slot in `KeyTable`). */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

/** Key of template `t` over atoms a (and b, c when given). */
export function key1(t: number, a: number): number {
  return finish(mix(mix(t, a), 1));
}
/** Key of template `t` over atoms a, b. */
export function key2(t: number, a: number, b: number): number {
  return finish(mix(mix(mix(t, a), b), 2));
}
/** Key of template `t` over atoms a, b, c. */
export function key3(t: number, a: number, b: number, c: number): number {
  return finish(mix(mix(mix(mix(t, a), b), c), 3));
}
/** Key of template `t` over atoms a, b, c, d. */
export function key4(t: number, a: number, b: number, c: number, d: number): number {
  return finish(mix(mix(mix(mix(mix(t, a), b), c), d), 4));
}

/**
 * An open-addressing map from nonzero 32-bit keys to row numbers, compact in memory: key and
 * row sit side by side, so a lookup in a table far larger than the cache costs one miss.
 */
export class KeyTable {
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let n = 1024;
    while (n < capacity * 2) n *= 2;
    this.slots = new Int32Array(n * 2);
    this.mask = n - 1;
  }

  /** Row of `key`, or -1. */
  get(key: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let i = key & mask;
    for (;;) {
      const k = slots[i << 1];
      if (k === key) return slots[(i << 1) + 1];
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Sets the row of `key`. */
  set(key: number, row: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.resize();
    let i = key & this.mask;
    while (this.slots[i << 1] !== 0 && this.slots[i << 1] !== key) i = (i + 1) & this.mask;
    if (this.slots[i << 1] === 0) this.size++;
    this.slots[i << 1] = key;
    this.slots[(i << 1) + 1] = row;
  }

  private resize(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.slots.length / 2 - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.set(old[i], old[i + 1]);
  }
}
