/**
 * A multi-class averaged perceptron over integer feature keys (see hash.ts), the machinery the
 * tagger and the parser share. Training keeps dense rows per feature with lazy averaging, as the
 * NER's trainer does (Collins 2002; the sum-of-steps trick); decoding uses sparse rows of 16-bit
 * quantised weights, so a feature costs only the classes it actually scores.
 */
import { KeyTable } from './hash';

/** Trained, quantised weights ready to score: row r holds classes cls[start[r], start[r+1]). */
export interface SparseWeights {
  classes: number;
  keys: Int32Array;
  start: Int32Array;
  cls: Uint16Array;
  /** Quantised weights; the score of an entry is q * scale. */
  q: Int16Array;
  scale: number;
}

/** Int32s per slot of the scoring table: key, row length (and spill start), two entries. */
const SLOT = 4;
/** Entries a slot holds itself; longer rows spill into a side array. */
const INLINE = 2;
/** The slot's second integer is spillStart * ROW_LENGTHS + length. */
const ROW_LENGTHS = 128;
/** Most keys per slot of the scoring table (linear probing stays short at this load). */
const MAX_LOAD = 0.7;

/**
 * Sparse weights in one open-addressing table, for scoring. Decoding is bound by memory accesses
 * into tables far larger than the cache, so a feature's slot holds its key and its first two
 * entries (class << 16 | 16-bit weight) side by side: most rows (a perceptron update touches two
 * classes) cost one cache miss, and the keys of a configuration are all probed before any spilled
 * row is read, so their misses overlap.
 */
export class Scorer {
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Entries of rows longer than INLINE, packed as in a slot. */
  private readonly spill: Int32Array;
  private readonly scale: number;
  readonly classes: number;
  /** Number of weights kept. */
  readonly entries: number;
  /** Scratch: the slot of each key being scored (-1 when absent). */
  private found = new Int32Array(128);

  /** Gives a structured-clone copy of a Scorer (from another thread) its methods back. */
  static revive(scorer: object): Scorer {
    // Its fields are typed arrays and numbers, which the clone keeps; only the methods are lost.
    return Object.setPrototypeOf(scorer, Scorer.prototype) as Scorer;
  }

  constructor(weights: SparseWeights) {
    const C = (this.classes = weights.classes);
    const rows = weights.keys.length;
    this.entries = weights.q.length;
    this.scale = weights.scale;
    if (C >= ROW_LENGTHS || this.entries * ROW_LENGTHS >= 2 ** 31) throw new Error('syntax model: too many weights for the packed scorer');
    let size = 1024;
    while (size * MAX_LOAD < rows) size *= 2;
    this.mask = size - 1;
    const slots = (this.slots = new Int32Array(size * SLOT));
    let spilled = 0;
    for (let r = 0; r < rows; r++) if (weights.start[r + 1] - weights.start[r] > INLINE) spilled += weights.start[r + 1] - weights.start[r];
    const spill = (this.spill = new Int32Array(spilled));
    const entry = (j: number) => (weights.cls[j] << 16) | (weights.q[j] & 0xffff);
    let next = 0;
    for (let r = 0; r < rows; r++) {
      const key = weights.keys[r];
      let i = key & this.mask;
      while (slots[i * SLOT] !== 0) i = (i + 1) & this.mask;
      const from = weights.start[r];
      const length = weights.start[r + 1] - from;
      const b = i * SLOT;
      slots[b] = key;
      if (length <= INLINE) {
        slots[b + 1] = length;
        if (length > 0) slots[b + 2] = entry(from);
        if (length > 1) slots[b + 3] = entry(from + 1);
      } else {
        slots[b + 1] = next * ROW_LENGTHS + length;
        for (let j = 0; j < length; j++) spill[next++] = entry(from + j);
      }
    }
  }

  /** Writes the scores of keys[0, n) into out[0, classes). */
  score(keys: Int32Array, n: number, out: Float32Array): void {
    const { slots, mask, spill } = this;
    const found = this.found.length >= n ? this.found : (this.found = new Int32Array(n));
    out.fill(0);
    // Probe every key first: the loads are independent, so the CPU overlaps their misses.
    for (let f = 0; f < n; f++) {
      const key = keys[f];
      let i = key & mask;
      for (;;) {
        const k = slots[i * SLOT];
        if (k === key) {
          found[f] = i * SLOT;
          break;
        }
        if (k === 0) {
          found[f] = -1;
          break;
        }
        i = (i + 1) & mask;
      }
    }
    // Sums of 16-bit integers are exact in float32 here (any order); the scale is applied once at the end.
    for (let f = 0; f < n; f++) {
      const b = found[f];
      if (b < 0) continue;
      const v = slots[b + 1];
      const length = v % ROW_LENGTHS;
      if (length <= INLINE) {
        if (length > 0) {
          const e = slots[b + 2];
          out[e >>> 16] += (e << 16) >> 16;
        }
        if (length > 1) {
          const e = slots[b + 3];
          out[e >>> 16] += (e << 16) >> 16;
        }
        continue;
      }
      const start = (v / ROW_LENGTHS) | 0;
      const end = start + length;
      for (let j = start; j < end; j++) {
        const e = spill[j];
        out[e >>> 16] += (e << 16) >> 16;
      }
    }
    const scale = this.scale;
    for (let c = 0; c < out.length; c++) out[c] *= scale;
  }
}

/** Training state: dense rows [feature][class], created when a feature is first updated. */
export class Trainer {
  private readonly table = new KeyTable(1 << 16);
  private readonly order: number[] = [];
  private w: Float32Array;
  private sum: Float64Array;
  private step = 1;

  constructor(readonly classes: number) {
    this.w = new Float32Array(classes * 4096);
    this.sum = new Float64Array(classes * 4096);
  }

  /** Number of feature rows so far. */
  get size(): number {
    return this.order.length;
  }

  /** Adds the current (not averaged) weights of keys[0, n) into out. */
  score(keys: Int32Array, n: number, out: Float32Array): void {
    const C = this.classes;
    const w = this.w;
    for (let i = 0; i < n; i++) {
      const r = this.table.get(keys[i]);
      if (r < 0) continue;
      const off = r * C;
      for (let c = 0; c < C; c++) out[c] += w[off + c];
    }
  }

  private row(key: number): number {
    let r = this.table.get(key);
    if (r >= 0) return r;
    r = this.order.length;
    this.order.push(key);
    this.table.set(key, r);
    if ((r + 1) * this.classes > this.w.length) {
      const w = new Float32Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const s = new Float64Array(this.sum.length * 2);
      s.set(this.sum);
      this.sum = s;
    }
    return r;
  }

  /** Moves keys[0, n) by +tau towards class `gold` and -tau away from `predicted`. */
  update(keys: Int32Array, n: number, gold: number, predicted: number, tau = 1): void {
    if (gold === predicted) return;
    const C = this.classes;
    const c = this.step * tau;
    for (let i = 0; i < n; i++) {
      const off = this.row(keys[i]) * C;
      this.w[off + gold] += tau;
      this.sum[off + gold] += c;
      this.w[off + predicted] -= tau;
      this.sum[off + predicted] -= c;
    }
  }

  /** Moves keys[0, n) by `tau` for class `cls` alone (one side of a factored update). */
  add(keys: Int32Array, n: number, cls: number, tau: number): void {
    const C = this.classes;
    const c = this.step * tau;
    for (let i = 0; i < n; i++) {
      const off = this.row(keys[i]) * C;
      this.w[off + cls] += tau;
      this.sum[off + cls] += c;
    }
  }

  /** Advances the averaging clock by one example. */
  tick(): void {
    this.step++;
  }

  /**
   * The averaged weights, quantised to 16 bits; entries that round to zero are dropped, and so
   * are those below `prune` (in units of the largest weight's 1/32767).
   */
  averaged(prune = 0): SparseWeights {
    const C = this.classes;
    const steps = this.step;
    const avg = (j: number) => this.w[j] - this.sum[j] / steps;
    let max = 0;
    for (let j = 0; j < this.order.length * C; j++) max = Math.max(max, Math.abs(avg(j)));
    const scale = max / 32767 || 1;
    const keys: number[] = [];
    const start: number[] = [0];
    const cls: number[] = [];
    const q: number[] = [];
    for (let r = 0; r < this.order.length; r++) {
      const before = cls.length;
      for (let c = 0; c < C; c++) {
        const v = Math.round(avg(r * C + c) / scale);
        if (v === 0 || Math.abs(v) <= prune) continue;
        cls.push(c);
        q.push(v);
      }
      if (cls.length === before) continue;
      keys.push(this.order[r]);
      start.push(cls.length);
    }
    return { classes: C, keys: Int32Array.from(keys), start: Int32Array.from(start), cls: Uint16Array.from(cls), q: Int16Array.from(q), scale };
  }
}

/**
 * Weights without the entries whose quantised value is at most `threshold` in size (rows left
 * empty go too): the same as `Trainer.averaged(threshold)`, applied to finished weights.
 */
export function pruned(w: SparseWeights, threshold: number): SparseWeights {
  if (threshold <= 0) return w;
  const keys: number[] = [];
  const start: number[] = [0];
  const cls: number[] = [];
  const q: number[] = [];
  for (let r = 0; r < w.keys.length; r++) {
    const before = cls.length;
    for (let j = w.start[r]; j < w.start[r + 1]; j++) {
      if (Math.abs(w.q[j]) <= threshold) continue;
      cls.push(w.cls[j]);
      q.push(w.q[j]);
    }
    if (cls.length === before) continue;
    keys.push(w.keys[r]);
    start.push(cls.length);
  }
  return { classes: w.classes, keys: Int32Array.from(keys), start: Int32Array.from(start), cls: Uint16Array.from(cls), q: Int16Array.from(q), scale: w.scale };
}
