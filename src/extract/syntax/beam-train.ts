/**
 * Global training of the parser for beam search (Zhang & Clark 2008; Zhang & Nivre 2011): one
 * sentence is decoded with the beam under the current weights, and the perceptron update is over
 * whole move sequences (the gold-consistent one minus the best-scoring one), so the weights learn
 * to rank partial parses, which locally trained weights do not (a beam over greedy-trained weights
 * scores worse than greedy). "Gold-consistent" uses the dynamic oracle (oracle.ts): a partial parse
 * is gold when every move so far had the least cost available, so arc-eager's spurious
 * ambiguity (when to REDUCE) does not count as an error, and non-projective sentences have gold
 * parses too. Updates are early (Collins & Roark 2004: stop when no gold parse is left in the beam)
 * or max-violation (Huang et al. 2012: continue the gold parse outside the beam and update where
 * the best parse leads it by most).
 */
import type { Trainer } from './classifier';
import { candidates, pushCandidate, topCandidates } from './beam';
import { moveCosts } from './oracle';
import { LEFT, RIGHT, State, bestLabel, labelFeatures, moveFeatures, scratch, type ParserInput, type Scratch } from './parser';

/** A move sequence as a linked list (shared prefixes shared). */
interface History {
  prev: History | null;
  move: number;
  label: number;
}

/** A beam item in training. */
interface Item {
  st: State;
  score: number;
  gold: boolean;
  hist: History | null;
}

/** What the trainer needs to know of a sentence. */
export interface BeamSentence {
  n: number;
  x: ParserInput;
  /** 1-based gold heads (the root where the transition system has it) and gold labels. */
  heads: Int32Array;
  labels: Int32Array;
}

function sequence(h: History | null): History[] {
  const out: History[] = [];
  for (; h; h = h.prev) out.push(h);
  return out.reverse();
}

/** Adds `sign` times the features of a move sequence (after their shared prefix) to the weights. */
function addSequence(moves: Trainer, labels: Trainer, s: BeamSentence, rootEnd: boolean, seq: History[], from: number, sign: number, sc: Scratch): void {
  const st = new State(s.n, rootEnd);
  for (let i = 0; i < seq.length; i++) {
    const { move, label } = seq[i];
    if (move < 0) continue;
    if (i >= from) {
      const nm = moveFeatures(st, s.x, sc.moveKeys);
      moves.add(sc.moveKeys, nm, move, sign);
      if (move === LEFT || move === RIGHT) {
        const nl = labelFeatures(st, s.x, st.arcHead(move), st.arcDep(move), move === LEFT ? 0 : 1, sc.leftKeys);
        labels.add(sc.leftKeys, nl, label, sign);
      }
    }
    st.apply(move, label);
  }
}

/** Updates towards the gold sequence and away from the predicted one; returns whether anything changed. */
function update(moves: Trainer, labels: Trainer, s: BeamSentence, rootEnd: boolean, gold: History | null, pred: History | null, sc: Scratch): boolean {
  const g = sequence(gold);
  const p = sequence(pred);
  let common = 0;
  while (common < g.length && common < p.length && g[common].move === p[common].move && g[common].label === p[common].label) common++;
  if (common === g.length && common === p.length) return false;
  addSequence(moves, labels, s, rootEnd, g, common, 1, sc);
  addSequence(moves, labels, s, rootEnd, p, common, -1, sc);
  return true;
}

/** Beam-training statistics of an epoch. */
export interface BeamStats {
  sentences: number;
  updates: number;
  /** Steps decoded and steps the sentences would take in full (how early the updates are). */
  steps: number;
}

/**
 * Trains on one sentence with a beam of `k`: decodes under the current weights and updates (early
 * or at the maximum violation) when the gold parse falls out of the beam or does not win.
 */
export function trainBeamSentence(moves: Trainer, labels: Trainer, s: BeamSentence, root: number, rootEnd: boolean, k: number, maxViolation: boolean, stats: BeamStats): void {
  const sc = scratch(labels.classes);
  const costs = new Float64Array(4);
  const cands = candidates(k * 6);
  const chosen = new Int32Array(k);
  // Per candidate: whether it is gold-consistent.
  const candGold = new Uint8Array(k * 6);
  let beam: Item[] = [{ st: new State(s.n, rootEnd), score: 0, gold: true, hist: null }];
  // The gold parse followed outside the beam (max-violation), and the largest violation so far.
  let goldOut: Item | null = null;
  let worst = 0;
  let worstGold: History | null = null;
  let worstPred: History | null = null;
  stats.sentences++;
  for (;;) {
    cands.count = 0;
    let open = 0;
    const expand = (items: Item[], marks: boolean) => {
      for (let b = 0; b < items.length; b++) {
        const it = items[b];
        const st = it.st;
        if (st.done) {
          if (marks) candGold[cands.count] = it.gold ? 1 : 0;
          pushCandidate(cands, b, -1, -1, it.score);
          continue;
        }
        open++;
        const nm = moveFeatures(st, s.x, sc.moveKeys);
        sc.moveScores.fill(0);
        moves.score(sc.moveKeys, nm, sc.moveScores);
        let minCost = Infinity;
        if (it.gold) {
          moveCosts(st, s.heads, costs);
          for (let m = 0; m < 4; m++) if (costs[m] < minCost) minCost = costs[m];
        }
        for (let m = 0; m < 4; m++) {
          if (!st.valid(m)) continue;
          const base = it.score + sc.moveScores[m];
          const optimal = it.gold && costs[m] === minCost;
          if (m !== LEFT && m !== RIGHT) {
            candGold[cands.count] = optimal ? 1 : 0;
            pushCandidate(cands, b, m, -1, base);
            continue;
          }
          const left = m === LEFT;
          const head = st.arcHead(m);
          const dep = st.arcDep(m);
          const ls = left ? sc.leftScores : sc.rightScores;
          const keys = left ? sc.leftKeys : sc.rightKeys;
          const nl = labelFeatures(st, s.x, head, dep, left ? 0 : 1, keys);
          ls.fill(0);
          labels.score(keys, nl, ls);
          const l = bestLabel(ls, head === st.root, root);
          const goldArc = s.heads[dep] === head;
          candGold[cands.count] = optimal && (!goldArc || s.labels[dep] === l || head === st.root) ? 1 : 0;
          pushCandidate(cands, b, m, l, base + ls[l]);
          // A gold arc whose gold label is not the best one stays reachable as its own candidate.
          if (optimal && goldArc && head !== st.root && s.labels[dep] !== l) {
            candGold[cands.count] = 1;
            pushCandidate(cands, b, m, s.labels[dep], base + ls[s.labels[dep]]);
          }
        }
      }
    };
    expand(beam, true);
    if (open === 0) break;
    stats.steps++;
    const m = topCandidates(cands, k, chosen);
    // The best gold candidate (all gold items are in the beam, or followed as goldOut).
    let bestGold = -1;
    for (let c = 0; c < cands.count; c++) if (candGold[c] && (bestGold < 0 || cands.score[c] > cands.score[bestGold])) bestGold = c;
    const child = (items: Item[], c: number, gold: boolean): Item => {
      const parent = items[cands.parent[c]];
      const st = new State(s.n, rootEnd);
      st.copyFrom(parent.st);
      const move = cands.move[c];
      if (move >= 0) st.apply(move, cands.label[c]);
      return { st, score: cands.score[c], gold, hist: move >= 0 ? { prev: parent.hist, move, label: cands.label[c] } : parent.hist };
    };
    const nextBeam: Item[] = [];
    let goldIn = false;
    for (let i = 0; i < m; i++) {
      const c = chosen[i];
      nextBeam.push(child(beam, c, candGold[c] === 1));
      if (candGold[c]) goldIn = true;
    }
    let goldItem: Item | null = null;
    if (goldIn && maxViolation && !nextBeam[0].gold) {
      let g = nextBeam[0];
      for (const it of nextBeam) if (it.gold && (!g.gold || it.score > g.score)) g = it;
      const violation = nextBeam[0].score - g.score;
      if (violation > worst) (worst = violation), (worstGold = g.hist), (worstPred = nextBeam[0].hist);
    }
    if (!goldIn) {
      goldItem = bestGold >= 0 ? child(beam, bestGold, true) : null;
      // The gold parse was outside the beam already: extend it alone.
      if (!goldItem && goldOut) {
        cands.count = 0;
        open = 0;
        expand([goldOut], true);
        let g = -1;
        for (let c = 0; c < cands.count; c++) if (candGold[c] && (g < 0 || cands.score[c] > cands.score[g])) g = c;
        goldItem = g >= 0 ? child([goldOut], g, true) : goldOut;
      }
      if (!goldItem) break;
      const violation = nextBeam[0].score - goldItem.score;
      if (!maxViolation) {
        if (update(moves, labels, s, rootEnd, goldItem.hist, nextBeam[0].hist, sc)) stats.updates++;
        return;
      }
      if (violation > worst || worstPred === null) (worst = violation), (worstGold = goldItem.hist), (worstPred = nextBeam[0].hist);
      goldOut = goldItem;
    }
    beam = nextBeam;
  }
  // The end: the best parse should be gold.
  const top = beam[0];
  if (goldOut === null && (!maxViolation || !worstPred)) {
    if (!top.gold) {
      let g: Item | null = null;
      for (const it of beam) if (it.gold && (!g || it.score > g.score)) g = it;
      if (g && update(moves, labels, s, rootEnd, g.hist, top.hist, sc)) stats.updates++;
    }
    return;
  }
  if (worstPred && update(moves, labels, s, rootEnd, worstGold, worstPred, sc)) stats.updates++;
}
