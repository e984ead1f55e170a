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

/** Classes up to which rows are kept dense for scoring (one memory access per feature). */
const DENSE_CLASSES = 8;
/** Sparse rows: the table holds start * ROW_LENGTHS + length, so a row costs one lookup and one read. */
const ROW_LENGTHS = 128;

/**
 * Sparse weights with their key index, for scoring. Decoding is bound by memory accesses into
 * tables far larger than the cache, so each feature costs two: its table slot, and its row (dense
 * floats when there are few classes, else class and 16-bit weight packed in one integer each).
 */
export class Scorer {
  private readonly table: KeyTable;
  /** Sparse rows: class << 16 | (weight & 0xffff), per entry. */
  private readonly packed: Int32Array;
  private readonly scale: number;
  /** Dense rows [row][class] when there are few classes. */
  private readonly dense: Float32Array | undefined;
  readonly classes: number;
  /** Number of weights kept. */
  readonly entries: number;

  /** Gives a structured-clone copy of a Scorer (from another thread) its methods back. */
  static revive(scorer: object): Scorer {
    KeyTable.revive((scorer as { table: object }).table);
    return Object.setPrototypeOf(scorer, Scorer.prototype) as Scorer;
  }

  constructor(weights: SparseWeights) {
    const C = (this.classes = weights.classes);
    const rows = weights.keys.length;
    this.entries = weights.q.length;
    this.scale = weights.scale;
    this.table = new KeyTable(rows);
    if (C <= DENSE_CLASSES) {
      this.dense = new Float32Array(rows * C);
      for (let r = 0; r < rows; r++) for (let j = weights.start[r]; j < weights.start[r + 1]; j++) this.dense[r * C + weights.cls[j]] = weights.q[j] * weights.scale;
      weights.keys.forEach((k, r) => this.table.set(k, r));
      this.packed = new Int32Array(0);
      return;
    }
    if (C >= ROW_LENGTHS || this.entries * ROW_LENGTHS >= 2 ** 31) throw new Error('syntax model: too many weights for the packed scorer');
    this.packed = new Int32Array(this.entries);
    for (let j = 0; j < this.entries; j++) this.packed[j] = (weights.cls[j] << 16) | (weights.q[j] & 0xffff);
    weights.keys.forEach((k, r) => this.table.set(k, weights.start[r] * ROW_LENGTHS + (weights.start[r + 1] - weights.start[r])));
  }

  /** Writes the scores of keys[0, n) into out[0, classes). */
  score(keys: Int32Array, n: number, out: Float32Array): void {
    const { table, packed, dense } = this;
    out.fill(0);
    if (dense) {
      const C = this.classes;
      for (let i = 0; i < n; i++) {
        const r = table.get(keys[i]);
        if (r < 0) continue;
        for (let c = 0, off = r * C; c < C; c++) out[c] += dense[off + c];
      }
      return;
    }
    // Sums of 16-bit integers are exact in float32 here; the scale is applied once at the end.
    for (let i = 0; i < n; i++) {
      const v = table.get(keys[i]);
      if (v < 0) continue;
      const start = (v / ROW_LENGTHS) | 0;
      const end = start + (v % ROW_LENGTHS);
      for (let j = start; j < end; j++) {
        const e = packed[j];
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
