/**
 * Transition-based dependency parsing, arc-eager (Nivre 2003) with greedy decoding. Scores are
 * factored: an averaged perceptron over the four moves with Zhang & Nivre's (2011) rich
 * non-local features (words, tags, distance, valency, third-order children and label sets of the
 * stack top and the buffer front), plus a label perceptron over fewer features conjoined with the
 * arc's direction, so LEFT-l scores move(LEFT) + label(l | left).
 */
import { hashString, key1, key2, key3, key4 } from './hash';
import type { Scorer } from './classifier';
import { wordAtoms, type Lexicon } from './tagger';

export const SHIFT = 0;
export const REDUCE = 1;
export const LEFT = 2;
export const RIGHT = 3;
/** Most move features per configuration. */
export const MAX_MOVE_FEATURES = 128;
/** Most label features per configuration and direction. */
export const MAX_LABEL_FEATURES = 40;

const NONE = -1;

/** A parser configuration over words 1..n (0 is the root). */
export class State {
  readonly n: number;
  readonly stack: Int32Array;
  top = 0;
  /** Buffer front (n + 1 when empty). */
  b = 1;
  readonly heads: Int32Array;
  readonly labels: Int32Array;
  readonly lc1: Int32Array;
  readonly lc2: Int32Array;
  readonly rc1: Int32Array;
  readonly rc2: Int32Array;
  readonly nLeft: Int32Array;
  readonly nRight: Int32Array;
  /** Label sets of the left and right children, as bits (labels < 31; the rest share bit 31). */
  readonly leftSet: Int32Array;
  readonly rightSet: Int32Array;
  readonly leftSet2: Int32Array;
  readonly rightSet2: Int32Array;
  rootChildren = 0;
  /** Where the root is: 0 (the stack's bottom, Nivre 2003) or n + 1 (the buffer's end, Ballesteros & Nivre 2013). */
  readonly root: number;
  /** Last buffer position: n, or n + 1 when the root ends the buffer. */
  readonly last: number;

  /**
   * With `rootEnd`, the root waits at the end of the buffer, so no word is made the root before the
   * whole sentence is read; once only the root is left, a headless stack top hangs from the word
   * below it, and the last one from the root (so there is always exactly one root).
   */
  constructor(n: number, readonly rootEnd = false) {
    this.n = n;
    const size = n + 2;
    this.stack = new Int32Array(size);
    this.root = rootEnd ? n + 1 : 0;
    this.last = rootEnd ? n + 1 : n;
    if (!rootEnd) {
      this.stack[0] = 0;
      this.top = 1;
    }
    this.heads = new Int32Array(size).fill(NONE);
    this.labels = new Int32Array(size).fill(NONE);
    this.lc1 = new Int32Array(size).fill(NONE);
    this.lc2 = new Int32Array(size).fill(NONE);
    this.rc1 = new Int32Array(size).fill(NONE);
    this.rc2 = new Int32Array(size).fill(NONE);
    this.nLeft = new Int32Array(size);
    this.nRight = new Int32Array(size);
    this.leftSet = new Int32Array(size);
    this.rightSet = new Int32Array(size);
    this.leftSet2 = new Int32Array(size);
    this.rightSet2 = new Int32Array(size);
  }

  /** Makes this state a copy of another of the same sentence (beam search reuses its states). */
  copyFrom(o: State): void {
    this.stack.set(o.stack);
    this.top = o.top;
    this.b = o.b;
    this.rootChildren = o.rootChildren;
    this.heads.set(o.heads);
    this.labels.set(o.labels);
    this.lc1.set(o.lc1);
    this.lc2.set(o.lc2);
    this.rc1.set(o.rc1);
    this.rc2.set(o.rc2);
    this.nLeft.set(o.nLeft);
    this.nRight.set(o.nRight);
    this.leftSet.set(o.leftSet);
    this.rightSet.set(o.rightSet);
    this.leftSet2.set(o.leftSet2);
    this.rightSet2.set(o.rightSet2);
  }

  /** Stack top, or NONE when the stack is empty. */
  get s0(): number {
    return this.top > 0 ? this.stack[this.top - 1] : NONE;
  }

  get done(): boolean {
    return this.rootEnd ? this.b > this.n && this.top === 0 : this.b > this.n;
  }

  /** Head of the arc LEFT or RIGHT would add (at the root-end's last steps RIGHT hangs the top from the word below it). */
  arcHead(move: number): number {
    if (move === LEFT) return this.b;
    return this.b <= this.n ? this.s0 : this.stack[this.top - 2];
  }

  /** Dependent of the arc LEFT or RIGHT would add. */
  arcDep(move: number): number {
    return move === LEFT ? this.s0 : this.b <= this.n ? this.b : this.s0;
  }

  /** Whether a move is allowed here. */
  valid(move: number): boolean {
    const s = this.s0;
    switch (move) {
      case SHIFT:
        return this.b <= this.n;
      case REDUCE:
        return s > 0 && this.heads[s] !== NONE;
      case LEFT:
        // With the root at the end, an empty buffer leaves only the forced final attachments (see the oracle).
        return s > 0 && this.heads[s] === NONE && (this.b <= this.n || (this.rootEnd && this.top === 1));
      default:
        if (this.rootEnd) return s > 0 && (this.b <= this.n || (this.heads[s] === NONE && this.top > 1));
        return this.b <= this.n && s >= 0 && (s > 0 || this.rootChildren === 0);
    }
  }

  private arc(h: number, d: number, label: number): void {
    this.heads[d] = h;
    this.labels[d] = label;
    const bit = 1 << Math.min(label, 31);
    const bit2 = label >= 31 ? 1 << Math.min(label - 31, 31) : 0;
    if (h === this.root) this.rootChildren++;
    if (d < h) {
      this.lc2[h] = this.lc1[h];
      this.lc1[h] = d;
      this.nLeft[h]++;
      this.leftSet[h] |= bit;
      this.leftSet2[h] |= bit2;
    } else {
      this.rc2[h] = this.rc1[h];
      this.rc1[h] = d;
      this.nRight[h]++;
      this.rightSet[h] |= bit;
      this.rightSet2[h] |= bit2;
    }
  }

  /** Applies a move (label used by LEFT and RIGHT). */
  apply(move: number, label: number): void {
    const s = this.s0;
    switch (move) {
      case SHIFT:
        this.stack[this.top++] = this.b++;
        break;
      case REDUCE:
        this.top--;
        break;
      case LEFT:
        this.arc(this.b, s, label);
        this.top--;
        break;
      default:
        if (this.b > this.n) {
          this.arc(this.stack[this.top - 2], s, label);
          this.top--;
        } else {
          this.arc(s, this.b, label);
          this.stack[this.top++] = this.b++;
        }
    }
  }
}

/** Per-sentence atoms the features read: word and tag ids, 1-based (0 is the root). */
export interface ParserInput {
  words: Int32Array;
  tags: Int32Array;
  /** Word-tag pair ids. */
  wordTags: Int32Array;
  /** Word cluster ids: the full bit string and its 8-bit prefix. */
  clusters: Int32Array;
  clusters8: Int32Array;
}

const ROOT_WORD = hashString('<root>');
const NO_WORD = hashString('<none>');
const NO_TAG = 0xfffe;
const NO_LABEL = 0xfffd;

/** Builds the parser's atoms from words, tag numbers and the word clusters. */
export function parserInput(words: string[], tags: number[], lex: Lexicon, rootEnd = false): ParserInput {
  const n = words.length;
  const w = new Int32Array(n + 2);
  const t = new Int32Array(n + 2);
  const wt = new Int32Array(n + 2);
  const c = new Int32Array(n + 2);
  const c8 = new Int32Array(n + 2);
  w[0] = ROOT_WORD;
  t[0] = 0xfff0;
  c[0] = c8[0] = ROOT_WORD;
  for (let i = 0; i < n; i++) {
    const a = wordAtoms(lex, words[i]);
    w[i + 1] = a.lower;
    t[i + 1] = tags[i];
    c[i + 1] = a.c;
    c8[i + 1] = a.c8;
  }
  w[n + 1] = rootEnd ? ROOT_WORD : NO_WORD;
  t[n + 1] = rootEnd ? 0xfff0 : NO_TAG;
  c[n + 1] = c8[n + 1] = rootEnd ? ROOT_WORD : NO_WORD;
  for (let i = 0; i < n + 2; i++) wt[i] = key2(0, w[i], t[i]);
  return { words: w, tags: t, wordTags: wt, clusters: c, clusters8: c8 };
}

/** Move feature keys of a configuration (Zhang & Nivre 2011's templates); returns the count. */
export function moveFeatures(st: State, x: ParserInput, out: Int32Array): number {
  const words = x.words, tags = x.tags, wordTags = x.wordTags, labels = st.labels, clusters = x.clusters, clusters8 = x.clusters8;
  const W = (i: number) => (i < 0 ? NO_WORD : words[i]);
  const P = (i: number) => (i < 0 ? NO_TAG : tags[i]);
  const WP = (i: number) => (i < 0 ? NO_WORD : wordTags[i]);
  const L = (i: number) => (i < 0 || labels[i] < 0 ? NO_LABEL : labels[i]);
  const n = st.n;
  const s0 = st.s0;
  const s1 = st.top > 1 ? st.stack[st.top - 2] : NONE;
  const n0 = st.b <= st.last ? st.b : NONE;
  const n1 = st.b + 1 <= n ? st.b + 1 : NONE;
  const n2 = st.b + 2 <= n ? st.b + 2 : NONE;
  const s0h = s0 >= 0 ? st.heads[s0] : NONE;
  const s0h2 = s0h >= 0 ? st.heads[s0h] : NONE;
  const s0l = s0 >= 0 ? st.lc1[s0] : NONE;
  const s0r = s0 >= 0 ? st.rc1[s0] : NONE;
  const s0l2 = s0 >= 0 ? st.lc2[s0] : NONE;
  const s0r2 = s0 >= 0 ? st.rc2[s0] : NONE;
  const n0l = n0 >= 0 ? st.lc1[n0] : NONE;
  const n0l2 = n0 >= 0 ? st.lc2[n0] : NONE;
  const s0w = W(s0), s0p = P(s0), s0wp = WP(s0);
  const n0w = W(n0), n0p = P(n0), n0wp = WP(n0);
  const n1w = W(n1), n1p = P(n1), n1wp = WP(n1);
  const n2w = W(n2), n2p = P(n2), n2wp = WP(n2);
  const dist = s0 >= 0 && n0 >= 0 ? Math.min(n0 - s0, 6) : 0;
  const s0vl = s0 >= 0 ? st.nLeft[s0] : 0;
  const s0vr = s0 >= 0 ? st.nRight[s0] : 0;
  const n0vl = n0 >= 0 ? st.nLeft[n0] : 0;
  const s0sl = s0 >= 0 ? st.leftSet[s0] ^ (st.leftSet2[s0] * 31) : 0;
  const s0sr = s0 >= 0 ? st.rightSet[s0] ^ (st.rightSet2[s0] * 31) : 0;
  const n0sl = n0 >= 0 ? st.leftSet[n0] ^ (st.leftSet2[n0] * 31) : 0;
  let k = 0;
  // Single words.
  out[k++] = key1(1, s0wp);
  out[k++] = key1(2, s0w);
  out[k++] = key1(3, s0p);
  out[k++] = key1(4, n0wp);
  out[k++] = key1(5, n0w);
  out[k++] = key1(6, n0p);
  out[k++] = key1(7, n1wp);
  out[k++] = key1(8, n1w);
  out[k++] = key1(9, n1p);
  out[k++] = key1(10, n2wp);
  out[k++] = key1(11, n2w);
  out[k++] = key1(12, n2p);
  // Word pairs.
  out[k++] = key2(13, s0wp, n0wp);
  out[k++] = key3(14, s0wp, n0w, 0);
  out[k++] = key2(15, s0w, n0wp);
  out[k++] = key2(16, s0wp, n0p);
  out[k++] = key2(17, s0p, n0wp);
  out[k++] = key2(18, s0w, n0w);
  out[k++] = key2(19, s0p, n0p);
  out[k++] = key2(20, n0p, n1p);
  // Three words.
  out[k++] = key3(21, n0p, n1p, n2p);
  out[k++] = key3(22, s0p, n0p, n1p);
  out[k++] = key3(23, P(s0h), s0p, n0p);
  out[k++] = key3(24, s0p, P(s0l), n0p);
  out[k++] = key3(25, s0p, P(s0r), n0p);
  out[k++] = key3(26, s0p, n0p, P(n0l));
  // Distance.
  out[k++] = key2(27, s0w, dist);
  out[k++] = key2(28, s0p, dist);
  out[k++] = key2(29, n0w, dist);
  out[k++] = key2(30, n0p, dist);
  out[k++] = key3(31, s0w, n0w, dist);
  out[k++] = key3(32, s0p, n0p, dist);
  // Valency.
  out[k++] = key2(33, s0w, s0vr);
  out[k++] = key2(34, s0p, s0vr);
  out[k++] = key2(35, s0w, s0vl);
  out[k++] = key2(36, s0p, s0vl);
  out[k++] = key2(37, n0w, n0vl);
  out[k++] = key2(38, n0p, n0vl);
  // Second-order unigrams.
  out[k++] = key1(39, W(s0h));
  out[k++] = key1(40, P(s0h));
  out[k++] = key1(41, L(s0));
  out[k++] = key1(42, W(s0l));
  out[k++] = key1(43, P(s0l));
  out[k++] = key1(44, L(s0l));
  out[k++] = key1(45, W(s0r));
  out[k++] = key1(46, P(s0r));
  out[k++] = key1(47, L(s0r));
  out[k++] = key1(48, W(n0l));
  out[k++] = key1(49, P(n0l));
  out[k++] = key1(50, L(n0l));
  // Third order.
  out[k++] = key1(51, W(s0h2));
  out[k++] = key1(52, P(s0h2));
  out[k++] = key1(53, L(s0h));
  out[k++] = key1(54, W(s0l2));
  out[k++] = key1(55, P(s0l2));
  out[k++] = key1(56, L(s0l2));
  out[k++] = key1(57, W(s0r2));
  out[k++] = key1(58, P(s0r2));
  out[k++] = key1(59, L(s0r2));
  out[k++] = key1(60, W(n0l2));
  out[k++] = key1(61, P(n0l2));
  out[k++] = key1(62, L(n0l2));
  out[k++] = key3(63, s0p, P(s0l), P(s0l2));
  out[k++] = key3(64, s0p, P(s0r), P(s0r2));
  out[k++] = key3(65, s0p, P(s0h), P(s0h2));
  out[k++] = key3(66, n0p, P(n0l), P(n0l2));
  // Label sets.
  out[k++] = key2(67, s0w, s0sr);
  out[k++] = key2(68, s0p, s0sr);
  out[k++] = key2(69, s0w, s0sl);
  out[k++] = key2(70, s0p, s0sl);
  out[k++] = key2(71, n0w, n0sl);
  out[k++] = key2(72, n0p, n0sl);
  // Beyond Zhang & Nivre: the word below the stack top, whether the top has a head, the pair's labels.
  out[k++] = key3(73, P(s1), s0p, n0p);
  out[k++] = key2(74, W(s1), n0w);
  out[k++] = key3(75, s0p, n0p, s0h >= 0 ? 1 : 0);
  out[k++] = key4(76, s0p, L(s0), n0p, n1p);
  out[k++] = key3(77, s0w, n0p, n1p);
  out[k++] = key3(78, s0p, n0w, n1p);
  out[k++] = key4(79, s0p, n0p, dist, st.rootChildren > 0 ? 1 : 0);
  out[k++] = key2(80, n1w, n0p);
  out[k++] = key3(81, s0p, n0p, n0sl);
  out[k++] = key3(82, s0p, n0p, s0sr);
  // Word clusters (Koo et al. 2008).
  const C = (i: number) => (i < 0 ? NO_WORD : clusters[i]);
  const C8 = (i: number) => (i < 0 ? NO_WORD : clusters8[i]);
  out[k++] = key1(83, C(s0));
  out[k++] = key1(84, C(n0));
  out[k++] = key1(85, C(n1));
  out[k++] = key2(86, C(s0), C(n0));
  out[k++] = key2(87, C(s0), n0p);
  out[k++] = key2(88, s0p, C(n0));
  out[k++] = key3(89, C8(s0), C8(n0), C8(n1));
  out[k++] = key3(90, C8(s0h), C8(s0), C8(n0));
  out[k++] = key2(91, C(n0), n1p);
  out[k++] = key3(92, C8(s0), C8(n0), dist);
  return k;
}

/** Label feature keys for an arc head -> dep in direction `dir` (LEFT or RIGHT); returns the count. */
export function labelFeatures(st: State, x: ParserInput, head: number, dep: number, dir: number, out: Int32Array): number {
  const W = (i: number) => (i < 0 ? NO_WORD : x.words[i]);
  const P = (i: number) => (i < 0 ? NO_TAG : x.tags[i]);
  const WP = (i: number) => (i < 0 ? NO_WORD : x.wordTags[i]);
  const L = (i: number) => (i < 0 || st.labels[i] < 0 ? NO_LABEL : st.labels[i]);
  const hw = W(head), hp = P(head), dw = W(dep), dp = P(dep);
  const dist = Math.min(Math.abs(head - dep), 6);
  const next = st.b + 1 <= st.n ? st.b + 1 : NONE;
  const hset = st.leftSet[head] ^ (st.rightSet[head] * 7) ^ (st.leftSet2[head] * 13) ^ (st.rightSet2[head] * 17);
  const dset = st.leftSet[dep] ^ (st.leftSet2[dep] * 13);
  let k = 0;
  const d = dir;
  out[k++] = key1(101 + d * 100, 0);
  out[k++] = key1(102 + d * 100, hw);
  out[k++] = key1(103 + d * 100, hp);
  out[k++] = key1(104 + d * 100, dw);
  out[k++] = key1(105 + d * 100, dp);
  out[k++] = key1(106 + d * 100, WP(head));
  out[k++] = key1(107 + d * 100, WP(dep));
  out[k++] = key2(108 + d * 100, hp, dp);
  out[k++] = key2(109 + d * 100, hw, dp);
  out[k++] = key2(110 + d * 100, hp, dw);
  out[k++] = key2(111 + d * 100, hw, dw);
  out[k++] = key3(112 + d * 100, hp, dp, dist);
  out[k++] = key3(113 + d * 100, hp, dp, P(next));
  out[k++] = key3(114 + d * 100, hp, dp, L(head));
  out[k++] = key3(115 + d * 100, hp, dp, hset);
  out[k++] = key3(116 + d * 100, hp, dp, dset);
  out[k++] = key3(117 + d * 100, hp, dp, P(st.lc1[dep]));
  out[k++] = key3(118 + d * 100, hp, dp, P(st.heads[head]));
  out[k++] = key3(119 + d * 100, hp, dp, W(st.lc1[dep]));
  out[k++] = key2(120 + d * 100, dw, P(dep - 1));
  out[k++] = key3(121 + d * 100, hp, dp, P(dep - 1));
  out[k++] = key3(122 + d * 100, hp, dp, P(dep + 1));
  out[k++] = key3(123 + d * 100, hp, dw, hset);
  out[k++] = key2(124 + d * 100, dp, W(next));
  out[k++] = key3(125 + d * 100, hp, dp, L(st.lc1[head]));
  out[k++] = key3(126 + d * 100, hp, dp, W(st.lc1[dep]));
  const C = (i: number) => (i < 0 ? NO_WORD : x.clusters[i]);
  const C8 = (i: number) => (i < 0 ? NO_WORD : x.clusters8[i]);
  out[k++] = key2(127 + d * 100, C(head), C(dep));
  out[k++] = key2(128 + d * 100, C8(head), dp);
  out[k++] = key2(129 + d * 100, hp, C8(dep));
  out[k++] = key1(130 + d * 100, C(dep));
  out[k++] = key1(131 + d * 100, C(head));
  return k;
}

/** The parser's two scorers and label names. */
export interface ParserWeights {
  moves: Scorer;
  labels: Scorer;
  /** Label number of "root" and "punct". */
  root: number;
  /** The transition system puts the root at the end of the buffer. */
  rootEnd?: boolean;
  punct: number;
  parataxis: number;
}

/** Scratch buffers reused across configurations. */
export interface Scratch {
  moveKeys: Int32Array;
  leftKeys: Int32Array;
  rightKeys: Int32Array;
  moveScores: Float32Array;
  leftScores: Float32Array;
  rightScores: Float32Array;
}

/** Fresh scratch buffers for a label count. */
export function scratch(labels: number): Scratch {
  return {
    moveKeys: new Int32Array(MAX_MOVE_FEATURES),
    leftKeys: new Int32Array(MAX_LABEL_FEATURES),
    rightKeys: new Int32Array(MAX_LABEL_FEATURES),
    moveScores: new Float32Array(4),
    leftScores: new Float32Array(labels),
    rightScores: new Float32Array(labels),
  };
}

/** Scores the labels of an arc move (LEFT or RIGHT) into the scratch's left or right scores; returns the best one. */
export function arcLabel(st: State, x: ParserInput, w: ParserWeights, sc: ReturnType<typeof scratch>, m: number): number {
  const left = m === LEFT;
  const head = st.arcHead(m);
  const scores = left ? sc.leftScores : sc.rightScores;
  const keys = left ? sc.leftKeys : sc.rightKeys;
  const nl = labelFeatures(st, x, head, st.arcDep(m), left ? 0 : 1, keys);
  w.labels.score(keys, nl, scores);
  return bestLabel(scores, head === st.root, w.root);
}

/** Best label for an arc, never "root" unless the head is the root (and then always). */
export function bestLabel(scores: Float32Array, toRoot: boolean, root: number): number {
  if (toRoot) return root;
  let best = -1;
  for (let l = 0; l < scores.length; l++) if (l !== root && (best < 0 || scores[l] > scores[best])) best = l;
  return best;
}

/** Parses one sentence: returns 0-based heads (-1 for the root) and label numbers. */
export function parseSentence(w: ParserWeights, x: ParserInput, n: number, isPunct: (i: number) => boolean): { heads: number[]; labels: number[] } {
  const st = new State(n, w.rootEnd);
  const sc = scratch(w.labels.classes);
  while (!st.done) {
    const nm = moveFeatures(st, x, sc.moveKeys);
    w.moves.score(sc.moveKeys, nm, sc.moveScores);
    let best = -1;
    let bestScore = -Infinity;
    let label = -1;
    for (let m = 0; m < 4; m++) {
      if (!st.valid(m)) continue;
      let score = sc.moveScores[m];
      let l = -1;
      if (m === LEFT || m === RIGHT) {
        l = arcLabel(st, x, w, sc, m);
        score += (m === LEFT ? sc.leftScores : sc.rightScores)[l];
      }
      if (score > bestScore) {
        bestScore = score;
        best = m;
        label = l;
      }
    }
    st.apply(best, label);
  }
  return finishTree(st, w, isPunct);
}

/** Attaches what is left headless: one root, the rest to it (punctuation as punct, others parataxis). */
export function finishTree(st: State, { root, punct, parataxis }: { root: number; punct: number; parataxis: number }, isPunct: (i: number) => boolean): { heads: number[]; labels: number[] } {
  const n = st.n;
  let rootWord = -1;
  for (let i = 1; i <= n; i++) if (st.heads[i] === st.root) rootWord = i;
  if (rootWord < 0) for (let i = 1; i <= n && rootWord < 0; i++) if (st.heads[i] === NONE && !isPunct(i - 1)) rootWord = i;
  if (rootWord < 0) for (let i = 1; i <= n && rootWord < 0; i++) if (st.heads[i] === NONE) rootWord = i;
  const heads: number[] = [];
  const labels: number[] = [];
  for (let i = 1; i <= n; i++) {
    if (i === rootWord) {
      heads.push(-1);
      labels.push(root);
    } else if (st.heads[i] === NONE || st.heads[i] === st.root) {
      heads.push(rootWord - 1);
      labels.push(isPunct(i - 1) ? punct : parataxis);
    } else {
      heads.push(st.heads[i] - 1);
      labels.push(st.labels[i]);
    }
  }
  return { heads, labels };
}
