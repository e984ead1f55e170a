/**
 * The dynamic oracle of the arc-eager system (Goldberg & Nivre 2012): the cost of a move is the
 * number of gold arcs it makes unreachable (plus one for a wrong label on the arc it adds), so
 * training can follow the model's own mistakes and still learn the best move from there.
 */
import { LEFT, REDUCE, RIGHT, SHIFT, type State } from './parser';

/** Costs of the four moves (Infinity where not allowed), ignoring labels; gold heads 1-based, 0 = root. */
export function moveCosts(st: State, goldHeads: Int32Array, out: Float64Array): void {
  const n = st.n;
  const s = st.s0;
  const b = st.b;
  const inStack = (k: number) => {
    for (let i = 0; i < st.top; i++) if (st.stack[i] === k) return true;
    return false;
  };
  // Gold dependents of x in the buffer from `from` on.
  const depsInBuffer = (x: number, from: number) => {
    let c = 0;
    for (let k = from; k <= n; k++) if (goldHeads[k] === x) c++;
    return c;
  };
  // Gold dependents of x on the stack still without a head.
  const depsInStack = (x: number) => {
    let c = 0;
    for (let i = 0; i < st.top; i++) {
      const k = st.stack[i];
      if (k > 0 && goldHeads[k] === x && st.heads[k] < 0) c++;
    }
    return c;
  };
  if (st.rootEnd && b > n) {
    // Only the root is left: every move is forced; the cost is whether its arc is gold.
    out[SHIFT] = Infinity;
    out[REDUCE] = st.valid(REDUCE) ? 0 : Infinity;
    out[LEFT] = st.valid(LEFT) ? (goldHeads[s] === st.root ? 0 : 1) : Infinity;
    out[RIGHT] = st.valid(RIGHT) ? (goldHeads[s] === st.stack[st.top - 2] ? 0 : 1) : Infinity;
    return;
  }
  out[SHIFT] = st.valid(SHIFT) ? (inStack(goldHeads[b]) ? 1 : 0) + depsInStack(b) : Infinity;
  out[REDUCE] = st.valid(REDUCE) ? depsInBuffer(s, b) : Infinity;
  out[LEFT] = st.valid(LEFT) ? (goldHeads[s] > b ? 1 : 0) + depsInBuffer(s, b) : Infinity;
  if (st.valid(RIGHT)) {
    const h = goldHeads[b];
    out[RIGHT] = (h !== s && (h > b || inStack(h)) ? 1 : 0) + depsInStack(b) + (h !== s ? 0 : 0);
  } else out[RIGHT] = Infinity;
}
