/**
 * Part-of-speech tagging: a greedy left-to-right averaged perceptron over UPOS|XPOS pairs
 * (Collins 2002; Honnibal's "A good part-of-speech tagger in about 200 lines of Python"): the
 * word, its lower case, shape, prefixes and suffixes, the two words either side, and the two
 * previous predicted tags. Frequent unambiguous words take their tag from a dictionary.
 */
import { hashString, key1, key2, key3 } from './hash';
import type { Scorer, Trainer } from './classifier';

/** Features a word contributes, computed once per distinct word. */
export interface WordAtoms {
  word: number;
  lower: number;
  shape: number;
  prefix1: number;
  prefix2: number;
  prefix3: number;
  suffix1: number;
  suffix2: number;
  suffix3: number;
  suffix4: number;
  /** Cluster bit-string prefixes of 4, 8 and 12 bits and the full path (hashes; a fixed value when unknown). */
  c4: number;
  c8: number;
  c12: number;
  c: number;
}

/** Word clusters (lower-cased word -> bit string) and the atoms computed under them. */
export interface Lexicon {
  clusters: Map<string, string>;
  cache: Map<string, WordAtoms>;
}

/** A lexicon over a cluster map. */
export function lexicon(clusters: Map<string, string>): Lexicon {
  return { clusters, cache: new Map() };
}

const WORD_CACHE_LIMIT = 30_000;

/** Word shape: letters to X/x, digits to d, runs capped at two ("Kyiv" -> "Xxx", "1.5bn" -> "d.dxx"). */
export function wordShape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c === last) {
      if (++run > 2) continue;
    } else run = 1;
    last = c;
    out += c;
  }
  return out;
}

/** The lower-cased form with digits folded, as the features see it. */
export function normalize(w: string): string {
  const l = w.toLowerCase();
  if (/^\d{4}$/.test(l)) return '!year';
  if (/^\d[\d,.:/-]*$/.test(l)) return '!digits';
  return l.length > 40 ? l.slice(0, 40) : l;
}

/** The atoms of one word (cached in the lexicon). */
export function wordAtoms(lex: Lexicon, w: string): WordAtoms {
  let a = lex.cache.get(w);
  if (a) return a;
  if (lex.cache.size >= WORD_CACHE_LIMIT) lex.cache.clear();
  const l = normalize(w);
  const c = lex.clusters.get(w.toLowerCase()) ?? '?';
  a = {
    word: hashString(w),
    lower: hashString(l),
    shape: hashString(wordShape(w)),
    prefix1: hashString(l.slice(0, 1)),
    prefix2: hashString(l.slice(0, 2)),
    prefix3: hashString(l.slice(0, 3)),
    suffix1: hashString(l.slice(-1)),
    suffix2: hashString(l.slice(-2)),
    suffix3: hashString(l.slice(-3)),
    suffix4: hashString(l.slice(-4)),
    c4: hashString(c.slice(0, 4)),
    c8: hashString(c.slice(0, 8)),
    c12: hashString(c.slice(0, 12)),
    c: hashString(c),
  };
  lex.cache.set(w, a);
  return a;
}

const EDGE_BEFORE = wordAtoms(lexicon(new Map()), '<s>');
const EDGE_AFTER = wordAtoms(lexicon(new Map()), '</s>');
/** Tag number used for "no previous tag". */
const NO_TAG = 0xffff;
/** Most features a token has. */
export const MAX_TAGGER_FEATURES = 56;

/** Feature keys of token i given the two previous tags; returns how many were written. */
export function taggerFeatures(atoms: WordAtoms[], i: number, prev1: number, prev2: number, out: Int32Array): number {
  const n = atoms.length;
  const a = atoms[i];
  const m1 = i > 0 ? atoms[i - 1] : EDGE_BEFORE;
  const m2 = i > 1 ? atoms[i - 2] : EDGE_BEFORE;
  const p1 = i + 1 < n ? atoms[i + 1] : EDGE_AFTER;
  const p2 = i + 2 < n ? atoms[i + 2] : EDGE_AFTER;
  let k = 0;
  out[k++] = key1(1, 0);
  out[k++] = key1(2, a.word);
  out[k++] = key1(3, a.lower);
  out[k++] = key1(4, a.shape);
  out[k++] = key1(5, a.prefix1);
  out[k++] = key1(6, a.prefix2);
  out[k++] = key1(7, a.prefix3);
  out[k++] = key1(8, a.suffix1);
  out[k++] = key1(9, a.suffix2);
  out[k++] = key1(10, a.suffix3);
  out[k++] = key1(11, a.suffix4);
  out[k++] = key1(12, prev1);
  out[k++] = key2(13, prev1, prev2);
  out[k++] = key2(14, prev1, a.lower);
  out[k++] = key1(15, m1.lower);
  out[k++] = key1(16, m1.suffix3);
  out[k++] = key1(17, m2.lower);
  out[k++] = key1(18, p1.lower);
  out[k++] = key1(19, p1.suffix3);
  out[k++] = key1(20, p2.lower);
  out[k++] = key2(21, m1.lower, a.lower);
  out[k++] = key2(22, a.lower, p1.lower);
  out[k++] = key2(23, prev1, p1.lower);
  out[k++] = key1(24, p1.shape);
  out[k++] = key1(25, m1.shape);
  out[k++] = key3(26, prev1, a.suffix3, a.shape);
  out[k++] = key2(27, a.shape, p1.lower);
  out[k++] = key2(28, m1.lower, p1.lower);
  out[k++] = key1(29, p2.suffix3);
  out[k++] = key2(30, prev1, a.shape);
  out[k++] = key1(31, a.c4);
  out[k++] = key1(32, a.c8);
  out[k++] = key1(33, a.c12);
  out[k++] = key1(34, a.c);
  out[k++] = key1(35, m1.c8);
  out[k++] = key1(36, p1.c8);
  out[k++] = key2(37, prev1, a.c8);
  out[k++] = key1(38, p2.c8);
  return k;
}

/**
 * The second pass's extra features: the first pass's tags of the next two words, which a
 * left-to-right tagger cannot see (its right context is words only).
 */
export function rightTagFeatures(atoms: WordAtoms[], i: number, prev1: number, first: number[], out: Int32Array, k: number): number {
  const n = atoms.length;
  const a = atoms[i];
  const next1 = i + 1 < n ? first[i + 1] : NO_TAG;
  const next2 = i + 2 < n ? first[i + 2] : NO_TAG;
  out[k++] = key1(39, next1);
  out[k++] = key2(40, next1, next2);
  out[k++] = key2(41, prev1, next1);
  out[k++] = key2(42, next1, a.lower);
  out[k++] = key2(43, next1, a.suffix3);
  out[k++] = key3(44, prev1, next1, a.shape);
  out[k++] = key1(45, first[i]);
  out[k++] = key2(46, first[i], a.shape);
  return k;
}

/** Tags a sentence greedily; `dictionary` maps words to a fixed tag; with `first`, as the second pass over those tags. */
export function tagSentence(scorer: Scorer, dictionary: Map<string, number>, lex: Lexicon, words: string[], first?: number[]): number[] {
  const atoms = words.map((w) => wordAtoms(lex, w));
  const tags = new Array<number>(words.length);
  const keys = new Int32Array(MAX_TAGGER_FEATURES);
  const scores = new Float32Array(scorer.classes);
  for (let i = 0; i < words.length; i++) {
    const fixed = dictionary.get(words[i]);
    if (fixed !== undefined) {
      tags[i] = fixed;
      continue;
    }
    const prev1 = i > 0 ? tags[i - 1] : NO_TAG;
    let n = taggerFeatures(atoms, i, prev1, i > 1 ? tags[i - 2] : NO_TAG, keys);
    if (first) n = rightTagFeatures(atoms, i, prev1, first, keys, n);
    scores.fill(0);
    scorer.score(keys, n, scores);
    tags[i] = argmax(scores);
  }
  return tags;
}

/** One training pass over a sentence with gold tags; returns the number of correct predictions. */
export function trainTaggerSentence(trainer: Trainer, dictionary: Map<string, number>, lex: Lexicon, words: string[], gold: number[], first?: number[]): number {
  const atoms = words.map((w) => wordAtoms(lex, w));
  const tags = new Array<number>(words.length);
  const keys = new Int32Array(MAX_TAGGER_FEATURES);
  const scores = new Float32Array(trainer.classes);
  let correct = 0;
  for (let i = 0; i < words.length; i++) {
    const fixed = dictionary.get(words[i]);
    if (fixed !== undefined) {
      tags[i] = fixed;
      if (fixed === gold[i]) correct++;
      continue;
    }
    const prev1 = i > 0 ? tags[i - 1] : NO_TAG;
    let n = taggerFeatures(atoms, i, prev1, i > 1 ? tags[i - 2] : NO_TAG, keys);
    if (first) n = rightTagFeatures(atoms, i, prev1, first, keys, n);
    scores.fill(0);
    trainer.score(keys, n, scores);
    const guess = argmax(scores);
    trainer.update(keys, n, gold[i], guess);
    trainer.tick();
    tags[i] = guess;
    if (guess === gold[i]) correct++;
  }
  return correct;
}

/** Index of the largest score (the first on ties). */
export function argmax(scores: Float32Array): number {
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c] > scores[best]) best = c;
  return best;
}
