/**
 * Feature templates of the NER model: the word and its shape, affixes, context words,
 * capitalisation in context, headline position, gazetteer membership, word clusters and
 * document-level evidence of how the same word is written elsewhere.
 */
import { fold, type Gazetteer } from './gazetteer';

/** What the features of one sentence can see beyond its own words. */
export interface FeatureContext {
  gazetteer: Gazetteer;
  /** Word -> cluster path (bit string), learned from unlabelled news text. */
  clusters: Map<string, string>;
  /** Lower-cased word -> how it is usually cased mid-sentence (C, c, l, L). */
  casing: Map<string, string>;
  /** Document evidence, from `documentEvidence`. */
  doc: DocumentEvidence;
  /** First-stage labels of each word across the document (the second stage's extra evidence). */
  history?: Map<string, string>;
}

/** How words are written across a whole document. */
export interface DocumentEvidence {
  /** Lower-cased words seen written entirely in lower case (so: common words). */
  lowercase: Set<string>;
  /** Words seen capitalised away from the start of a sentence in a mixed-case sentence. */
  capitalisedMid: Set<string>;
  /**
   * Capitalised word (lower-cased) -> the words around its occurrences across the document, as
   * feature strings (context aggregation, Ratinov & Roth 2009): "Duran , 45" in one sentence
   * tells every "Duran" of the article that it is a person.
   */
  contexts: Map<string, string[]>;
}

/** Occurrences of a word whose contexts are aggregated; later ones add nothing new in practice. */
const CONTEXT_OCCURRENCES = 12;

/** How a neighbouring word enters an aggregated context: numbers by shape, other words lower-cased. */
function contextWord(words: string[], j: number): string {
  if (j < 0) return '<s>';
  if (j >= words.length) return '</s>';
  const w = words[j];
  return /^[\d.,:/-]*\d[\d.,:/-]*$/.test(w) ? '#num' : w.toLowerCase();
}

/** Collects document evidence from all sentences of a document. */
export function documentEvidence(sentences: string[][]): DocumentEvidence {
  const lowercase = new Set<string>();
  const capitalisedMid = new Set<string>();
  const occurrences = new Map<string, number>();
  const contexts = new Map<string, Set<string>>();
  for (const words of sentences) {
    const headline = isHeadline(words);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (/^\p{Ll}/u.test(w)) lowercase.add(w);
      // Only capitalised words of mixed-case sentences say how a name is written and used.
      if (headline || !/^\p{Lu}/u.test(w)) continue;
      const l = w.toLowerCase();
      if (i > 0 && !/^\p{Lu}+$/u.test(w)) capitalisedMid.add(l);
      const seen = occurrences.get(l) ?? 0;
      if (seen >= CONTEXT_OCCURRENCES) continue;
      occurrences.set(l, seen + 1);
      let set = contexts.get(l);
      if (!set) contexts.set(l, (set = new Set()));
      set.add(`a-1=${contextWord(words, i - 1)}`);
      set.add(`a+1=${contextWord(words, i + 1)}`);
      set.add(`a-2=${contextWord(words, i - 2)}`);
      set.add(`a+2=${contextWord(words, i + 2)}`);
    }
  }
  return { lowercase, capitalisedMid, contexts: new Map([...contexts].map(([l, set]) => [l, [...set]])) };
}

/** A sentence written in capitals (headlines, datelines in wire copy). */
export function isHeadline(words: string[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const w of words) {
    if (/\p{L}/u.test(w)) {
      letters++;
      if (w === w.toUpperCase()) upper++;
    }
  }
  return letters >= 2 && upper / letters > 0.8;
}

/** Word shape: Xx, XX, dd, X.X. ... with repeated characters collapsed. */
export function shape(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w.length > 24 ? w.slice(0, 24) : w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : /\p{L}/u.test(ch) ? 'a' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** Word shape of the first and last three characters, uncollapsed. */
export function longShape(w: string): string {
  let out = '';
  for (const ch of w.length > 6 ? w.slice(0, 3) + w.slice(-3) : w) out += /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
  return out;
}

/** Gazetteer labels per token, by longest match: "COUNTRY:B", "CITY:U", "ORGANIZATION:L", "DEMONYM". */
export function gazetteerTags(words: string[], gazetteer: Gazetteer): string[] {
  const tags = new Array<string>(words.length).fill('');
  const folded = words.map(foldWord);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const capitalised = UPPER_INITIAL.test(w);
    if (!capitalised && !UPPER_INITIAL.test(w.toUpperCase())) continue;
    let matched = 0;
    let kind = '';
    if (capitalised && folded[i]) {
      // Only names whose first word is this one can match here; their length bounds the look-ahead.
      const space = folded[i].indexOf(' ');
      const longest = gazetteer.starts.get(space < 0 ? folded[i] : folded[i].slice(0, space)) ?? 0;
      // Tokens that fold to nothing (punctuation) are skipped in the key, so they do not count.
      let limit = 0;
      for (let n = 1, counted = 0; n <= Math.min(gazetteer.maxTokens, words.length - i); n++) {
        if (folded[i + n - 1] && ++counted > longest) break;
        limit = n;
      }
      for (let n = limit; n >= 1; n--) {
        const key = folded.slice(i, i + n).filter(Boolean).join(' ');
        const entry = gazetteer.names.get(key);
        if (entry) {
          matched = n;
          kind = entry.type === 'PLACE' ? entry.kind ?? 'PLACE' : entry.type;
          break;
        }
      }
    }
    if (matched) {
      if (matched === 1) tags[i] = `${kind}:U`;
      else {
        tags[i] = `${kind}:B`;
        for (let k = i + 1; k < i + matched - 1; k++) tags[k] = `${kind}:I`;
        tags[i + matched - 1] = `${kind}:L`;
      }
      i += matched - 1;
    } else if (gazetteer.demonyms.has(folded[i])) tags[i] = 'DEMONYM';
  }
  return tags;
}

const UPPER_INITIAL = /^\p{Lu}/u;
const FOLD_CACHE_LIMIT = 200_000;
const foldCache = new Map<string, string>();

/** `fold` of one word, remembered: the same words recur across every document. */
function foldWord(w: string): string {
  let f = foldCache.get(w);
  if (f === undefined) {
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(w, (f = fold(w)));
  }
  return f;
}

/** The feature strings of every token of one sentence. */
export function sentenceFeatures(words: string[], ctx: FeatureContext): string[][] {
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(shape);
  const headline = isHeadline(words);
  const gaz = gazetteerTags(words, ctx.gazetteer);
  const cluster = (i: number) => (i < 0 || i >= n ? '' : ctx.clusters.get(lower[i]) ?? '');
  const at = (arr: string[], i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : arr[i]);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const l = lower[i];
    const f: string[] = ['b', `w=${w}`, `l=${l}`, `sh=${shapes[i]}`, `ls=${longShape(w)}`];
    const len = Math.min(l.length, 4);
    for (let k = 1; k <= len; k++) f.push(`p${k}=${l.slice(0, k)}`, `s${k}=${l.slice(-k)}`);
    if (headline) f.push('hl', `hl|l=${l}`);
    if (i === 0) f.push('first', `first|sh=${shapes[i]}`);
    f.push(`l-1=${at(lower, i - 1)}`, `l+1=${at(lower, i + 1)}`, `l-2=${at(lower, i - 2)}`, `l+2=${at(lower, i + 2)}`);
    f.push(`l-1|l=${at(lower, i - 1)}|${l}`, `l|l+1=${l}|${at(lower, i + 1)}`, `l-2|l-1=${at(lower, i - 2)}|${at(lower, i - 1)}`, `l+1|l+2=${at(lower, i + 1)}|${at(lower, i + 2)}`, `w-1=${at(words, i - 1)}`, `w+1=${at(words, i + 1)}`);
    f.push(`sh-1|sh=${at(shapes, i - 1)}|${shapes[i]}`, `sh|sh+1=${shapes[i]}|${at(shapes, i + 1)}`, `sh-1|sh|sh+1=${at(shapes, i - 1)}|${shapes[i]}|${at(shapes, i + 1)}`);
    f.push(`s3-1=${at(lower, i - 1).slice(-3)}`, `s3+1=${at(lower, i + 1).slice(-3)}`);
    if (gaz[i]) f.push(`g=${gaz[i]}`, `g|sh=${gaz[i]}|${shapes[i]}`);
    f.push(`g-1=${i > 0 ? gaz[i - 1] : '<s>'}`, `g+1=${i + 1 < n ? gaz[i + 1] : '</s>'}`);
    const c = cluster(i);
    if (c) f.push(`c4=${c.slice(0, 4)}`, `c8=${c.slice(0, 8)}`, `c12=${c.slice(0, 12)}`, `c=${c}`);
    const cp = cluster(i - 1);
    const cn = cluster(i + 1);
    const cs = ctx.casing.get(l);
    f.push(`cs=${cs ?? '?'}`, `cs|sh=${cs ?? '?'}|${shapes[i]}`);
    if (headline) f.push(`hl|cs=${cs ?? '?'}`);
    if (cp) f.push(`c-1=${cp.slice(0, 8)}`);
    if (cn) f.push(`c+1=${cn.slice(0, 8)}`);
    if (/^\p{Lu}/u.test(w)) {
      const aggregated = ctx.doc.contexts.get(l);
      if (aggregated) f.push(...aggregated);
      if (ctx.doc.lowercase.has(l)) f.push('d:lc');
      if (ctx.doc.capitalisedMid.has(l)) f.push(i === 0 || headline ? 'd:capmid-elsewhere' : 'd:capmid');
    }
    if (ctx.history) {
      const h = ctx.history.get(l);
      if (h) f.push(`h=${h}`, `h|sh=${h}|${shapes[i]}`);
    }
    out.push(f);
  }
  return out;
}

/** Summarises first-stage labels per lower-cased word: the majority class and whether it is unanimous. */
export function labelHistory(sentences: string[][], labels: { start: number; end: number; cls: string }[][]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  sentences.forEach((words, s) => {
    const cls = new Array<string>(words.length).fill('O');
    for (const span of labels[s]) for (let i = span.start; i < span.end; i++) cls[i] = span.cls;
    words.forEach((w, i) => {
      if (!/^\p{Lu}/u.test(w) && cls[i] === 'O') return;
      const l = w.toLowerCase();
      let m = counts.get(l);
      if (!m) counts.set(l, (m = new Map()));
      m.set(cls[i], (m.get(cls[i]) ?? 0) + 1);
    });
  });
  const out = new Map<string, string>();
  for (const [w, m] of counts) {
    const sorted = [...m.entries()].sort((a, b) => b[1] - a[1]);
    const total = sorted.reduce((a, [, c]) => a + c, 0);
    out.set(w, `${sorted[0][0]}${sorted[0][1] === total ? '!' : ''}${total > 1 ? '+' : ''}`);
  }
  return out;
}
