/**
 * Beam-search decoding for the arc-eager parser (Zhang & Clark 2008; Zhang & Nivre 2011): the k
 * best partial parses by summed move + label scores are kept at each step instead of the single
 * greedy one, so an early attachment that looks good locally can lose to one that scores better
 * over the whole sentence. A parse that has finished is carried forward with its score.
 */
import { LEFT, RIGHT, State, arcLabel, finishTree, moveFeatures, scratch, type ParserInput, type ParserWeights } from './parser';

/** Beam candidates: a parent item, its move (-1: finished, carried forward), label and total score. */
export interface Candidates {
  parent: Int32Array;
  move: Int32Array;
  label: Int32Array;
  score: Float64Array;
  count: number;
}

/** Room for `size` candidates. */
export function candidates(size: number): Candidates {
  return { parent: new Int32Array(size), move: new Int32Array(size), label: new Int32Array(size), score: new Float64Array(size), count: 0 };
}

/** Adds a candidate. */
export function pushCandidate(c: Candidates, parent: number, move: number, label: number, score: number): void {
  const i = c.count++;
  c.parent[i] = parent;
  c.move[i] = move;
  c.label[i] = label;
  c.score[i] = score;
}

/**
 * Indices of the k best candidates, best first, into `out`; ties keep the order they were added in
 * (lower parent, then lower move: the greedy parser's preference), so decoding is deterministic.
 */
export function topCandidates(c: Candidates, k: number, out: Int32Array): number {
  let m = 0;
  for (let i = 0; i < c.count; i++) {
    const s = c.score[i];
    if (m === k && s <= c.score[out[m - 1]]) continue;
    let j = m < k ? m++ : m - 1;
    while (j > 0 && c.score[out[j - 1]] < s) {
      out[j] = out[j - 1];
      j--;
    }
    out[j] = i;
  }
  return m;
}

/** The second-best label of an arc (for beams that expand two labels per arc), or -1. */
function secondLabel(scores: Float32Array, first: number, toRoot: boolean, root: number): number {
  if (toRoot) return -1;
  let best = -1;
  for (let l = 0; l < scores.length; l++) if (l !== root && l !== first && (best < 0 || scores[l] > scores[best])) best = l;
  return best;
}

/** Parses one sentence with a beam of `k` (k = 1 is the greedy parser); returns 0-based heads and labels. */
export function parseSentenceBeam(w: ParserWeights, x: ParserInput, n: number, isPunct: (i: number) => boolean, k: number, labelsPerArc = 1): { heads: number[]; labels: number[] } {
  let beam: State[] = [new State(n, w.rootEnd)];
  let next: State[] = [];
  let scores = new Float64Array(k);
  let nextScores = new Float64Array(k);
  const sc = scratch(w.labels.classes);
  const cands = candidates(k * (2 + 2 * labelsPerArc));
  const chosen = new Int32Array(k);
  for (;;) {
    cands.count = 0;
    let open = 0;
    for (let b = 0; b < beam.length; b++) {
      const st = beam[b];
      if (st.done) {
        pushCandidate(cands, b, -1, -1, scores[b]);
        continue;
      }
      open++;
      const nm = moveFeatures(st, x, sc.moveKeys);
      w.moves.score(sc.moveKeys, nm, sc.moveScores);
      for (let m = 0; m < 4; m++) {
        if (!st.valid(m)) continue;
        const base = scores[b] + sc.moveScores[m];
        if (m !== LEFT && m !== RIGHT) {
          pushCandidate(cands, b, m, -1, base);
          continue;
        }
        const head = st.arcHead(m);
        const l = arcLabel(st, x, w, sc, m);
        const ls = m === LEFT ? sc.leftScores : sc.rightScores;
        pushCandidate(cands, b, m, l, base + ls[l]);
        if (labelsPerArc > 1) {
          const l2 = secondLabel(ls, l, head === st.root, w.root);
          if (l2 >= 0) pushCandidate(cands, b, m, l2, base + ls[l2]);
        }
      }
    }
    if (open === 0) break;
    const m = topCandidates(cands, k, chosen);
    for (let i = 0; i < m; i++) {
      const c = chosen[i];
      let st = next[i];
      if (!st) st = next[i] = new State(n, w.rootEnd);
      st.copyFrom(beam[cands.parent[c]]);
      if (cands.move[c] >= 0) st.apply(cands.move[c], cands.label[c]);
      nextScores[i] = cands.score[c];
    }
    // The states not kept are reused as the next step's copies.
    const spare = beam;
    beam = next.slice(0, m);
    next = spare.concat(next.slice(m));
    const t = scores;
    scores = nextScores;
    nextScores = t;
  }
  return finishTree(beam[0], w, isPunct);
}
