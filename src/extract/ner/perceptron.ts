/**
 * A structured averaged perceptron over BILOU tags with first-order Viterbi decoding
 * (Collins 2002): emission weights per (feature, tag), transition weights per tag pair,
 * ill-formed transitions forbidden. Training can take passive-aggressive steps (Crammer et al.
 * 2006) against loss-augmented decodes instead of unit perceptron steps; the weights are averaged
 * either way.
 */
import { TAGS, allowed } from './tags';

const T = TAGS.length;
const NEG = -1e30;

/** Transitions allowed from tag a (row a+1, row 0 = sentence start) to tag b, and to sentence end. */
const ALLOWED = (() => {
  const m = new Uint8Array((T + 1) * (T + 1));
  for (let a = -1; a < T; a++) for (let b = -1; b < T; b++) m[(a + 1) * (T + 1) + (b + 1)] = allowed(a, b) ? 1 : 0;
  return m;
})();
const ok = (a: number, b: number) => ALLOWED[(a + 1) * (T + 1) + (b + 1)] === 1;

/** Trained weights, ready to decode. */
export interface PerceptronWeights {
  /** Feature string -> row index into `emission`. */
  features: Map<string, number>;
  /** Row-major [feature][tag]. */
  emission: Float32Array;
  /** Row-major [previous tag + 1][tag]; row 0 is the sentence start. */
  transition: Float32Array;
}

/** Emission scores of one sentence, [token][tag], from feature strings. */
export function emissionScores(w: PerceptronWeights, feats: string[][]): Float32Array {
  const scores = new Float32Array(feats.length * T);
  for (let i = 0; i < feats.length; i++) {
    const base = i * T;
    for (const f of feats[i]) {
      const row = w.features.get(f);
      if (row === undefined) continue;
      const off = row * T;
      for (let t = 0; t < T; t++) scores[base + t] += w.emission[off + t];
    }
  }
  return scores;
}

/** Best well-formed tag sequence for the given emission scores. */
export function viterbi(scores: Float32Array, n: number, transition: Float32Array): number[] {
  if (n === 0) return [];
  const delta = new Float64Array(n * T).fill(NEG);
  const back = new Int16Array(n * T);
  for (let t = 0; t < T; t++) if (ok(-1, t)) delta[t] = transition[t] + scores[t];
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      let best = NEG;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!ok(p, t)) continue;
        const v = delta[(i - 1) * T + p] + transition[(p + 1) * T + t];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[i * T + t] = best + scores[i * T + t];
      back[i * T + t] = arg;
    }
  }
  let best = NEG;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    if (!ok(t, -1)) continue;
    if (delta[(n - 1) * T + t] > best) {
      best = delta[(n - 1) * T + t];
      arg = t;
    }
  }
  const tags = new Array<number>(n);
  tags[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * T + tags[i]];
  return tags;
}

/** Training state (perceptron or passive-aggressive steps) with lazy averaging. */
export class PerceptronTrainer {
  private readonly features = new Map<string, number>();
  private emission = new Float32Array(1 << 16);
  private emissionSum = new Float64Array(1 << 16);
  private readonly transition = new Float32Array((T + 1) * T);
  private readonly transitionSum = new Float64Array((T + 1) * T);
  private step = 1;
  private lastScores = new Float32Array(0);

  /** Maps feature strings to row ids, growing the tables for new features. */
  ids(feats: string[][]): Int32Array[] {
    return feats.map((fs) => {
      const ids = new Int32Array(fs.length);
      fs.forEach((f, k) => {
        let id = this.features.get(f);
        if (id === undefined) {
          id = this.features.size;
          this.features.set(f, id);
          if ((id + 1) * T > this.emission.length) this.grow();
        }
        ids[k] = id;
      });
      return ids;
    });
  }

  private grow(): void {
    const e = new Float32Array(this.emission.length * 2);
    e.set(this.emission);
    this.emission = e;
    const s = new Float64Array(this.emissionSum.length * 2);
    s.set(this.emissionSum);
    this.emissionSum = s;
  }

  /**
   * Decodes with the current (non-averaged) weights. With `costFor`, each tag other than the gold
   * one scores `cost` more (loss-augmented decoding: the update then also fixes near misses).
   */
  predict(ids: Int32Array[], costFor?: number[], cost = 1): number[] {
    const scores = new Float32Array(ids.length * T);
    for (let i = 0; i < ids.length; i++) {
      for (const row of ids[i]) {
        const off = row * T;
        for (let t = 0; t < T; t++) scores[i * T + t] += this.emission[off + t];
      }
    }
    // The step size needs the scores without the cost, so the cost goes on a copy.
    this.lastScores = scores;
    if (!costFor) return viterbi(scores, ids.length, this.transition);
    const costed = scores.slice();
    for (let i = 0; i < ids.length; i++) for (let t = 0; t < T; t++) if (t !== costFor[i]) costed[i * T + t] += cost;
    return viterbi(costed, ids.length, this.transition);
  }

  /**
   * Step size of a passive-aggressive update (Crammer et al. 2006, PA-I): just enough to score
   * `gold` above `predicted` by their Hamming distance, capped at `aggressiveness`.
   */
  private passiveAggressiveStep(ids: Int32Array[], gold: number[], predicted: number[], aggressiveness: number): number {
    const s = this.lastScores;
    let margin = 0;
    let loss = 0;
    let norm = 0;
    for (let i = 0; i < ids.length; i++) {
      const g = gold[i];
      const p = predicted[i];
      const gp = i === 0 ? -1 : gold[i - 1];
      const pp = i === 0 ? -1 : predicted[i - 1];
      margin += s[i * T + g] - s[i * T + p] + this.transition[(gp + 1) * T + g] - this.transition[(pp + 1) * T + p];
      if (g !== p) {
        loss++;
        norm += 2 * ids[i].length;
      }
      if (g !== p || gp !== pp) norm += 2;
    }
    if (norm === 0) return 0;
    return Math.max(0, Math.min(aggressiveness, (loss - margin) / norm));
  }

  /** One update towards `gold` and away from `predicted`: a perceptron step, or a passive-aggressive one. */
  update(ids: Int32Array[], gold: number[], predicted: number[], aggressiveness?: number): void {
    const tau = aggressiveness === undefined ? 1 : this.passiveAggressiveStep(ids, gold, predicted, aggressiveness);
    if (tau === 0) return;
    const c = this.step * tau;
    for (let i = 0; i < ids.length; i++) {
      const g = gold[i];
      const p = predicted[i];
      const gp = i === 0 ? -1 : gold[i - 1];
      const pp = i === 0 ? -1 : predicted[i - 1];
      if (g !== p) {
        for (const row of ids[i]) {
          this.emission[row * T + g] += tau;
          this.emissionSum[row * T + g] += c;
          this.emission[row * T + p] -= tau;
          this.emissionSum[row * T + p] -= c;
        }
      }
      if (g !== p || gp !== pp) {
        this.transition[(gp + 1) * T + g] += tau;
        this.transitionSum[(gp + 1) * T + g] += c;
        this.transition[(pp + 1) * T + p] -= tau;
        this.transitionSum[(pp + 1) * T + p] -= c;
      }
    }
  }

  /** Advances the averaging clock by one example. */
  tick(): void {
    this.step++;
  }

  /** The averaged weights, dropping features whose weights all stay below `prune`. */
  averaged(prune = 0): PerceptronWeights {
    const c = this.step;
    const features = new Map<string, number>();
    const rows: number[] = [];
    for (const [f, id] of this.features) {
      let keep = false;
      for (let t = 0; t < T; t++) if (Math.abs(this.emission[id * T + t] - this.emissionSum[id * T + t] / c) > prune) keep = true;
      if (keep) {
        features.set(f, rows.length);
        rows.push(id);
      }
    }
    const emission = new Float32Array(rows.length * T);
    rows.forEach((id, r) => {
      for (let t = 0; t < T; t++) emission[r * T + t] = this.emission[id * T + t] - this.emissionSum[id * T + t] / c;
    });
    const transition = new Float32Array(this.transition.length);
    for (let k = 0; k < transition.length; k++) transition[k] = this.transition[k] - this.transitionSum[k] / c;
    return { features, emission, transition };
  }
}
