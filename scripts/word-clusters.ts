/**
 * Word clusters learned from unlabelled news text (BBC News, the CoNLL-2003 training text and
 * the event sets' raw text, all read by path): each word is a PPMI vector of its left and right
 * neighbours among the frequent words, and bisecting spherical k-means builds a binary tree
 * whose root-to-leaf path (a bit string, as in Brown clusters) is the word's cluster.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ConllDoc } from '../src/extract/ner/conll';
import { tokenize } from '../src/extract/ner/tokens';

const CONTEXT_WORDS = 3000;
const MIN_COUNT = 3;
const DEPTH = 14;
const MIN_LEAF = 4;

/** Sentences of lower-cased words from every unlabelled text found under the data path. */
function corpus(dataDir: string, train: ConllDoc[]): string[][] {
  const out: string[][] = train.flatMap((d) => d.sentences.map((s) => s.words));
  const files = [
    ['news', 'bbc_news.jsonl'],
    ['events', 'rams_dev.jsonl'],
    ['events', 'wikievents_dev.jsonl'],
  ];
  for (const parts of files) {
    const file = path.join(dataDir, ...parts);
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line) as { text: string; title?: string };
      for (const para of `${rec.title ?? ''}\n${rec.text}`.split(/\n+|(?<=[.!?])\s+(?=[A-Z"])/)) {
        const words = tokenize(para).map((t) => t.text);
        if (words.length) out.push(words);
      }
    }
  }
  return out;
}

/** Learns the word -> bit-string cluster map. */
export function learnClusters(dataDir: string, train: ConllDoc[]): { clusters: Map<string, string>; casing: Map<string, string> } {
  const cased = corpus(dataDir, train);
  // Casing from unlabelled text only: on the training text it would echo the gold labels.
  const casing = learnCasing(cased.slice(train.reduce((n, d) => n + d.sentences.length, 0)));
  const sentences = cased.map((s) => s.map((w) => w.toLowerCase()));
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byFreq = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const contextIndex = new Map(byFreq.slice(0, CONTEXT_WORDS).map(([w], i) => [w, i]));
  const vocab = byFreq.filter(([, c]) => c >= MIN_COUNT).map(([w]) => w);
  const vocabIndex = new Map(vocab.map((w, i) => [w, i]));
  // Co-occurrence counts: dims [0, C) left neighbour, [C, 2C) right neighbour.
  const rows: Map<number, number>[] = vocab.map(() => new Map());
  const colTotals = new Float64Array(2 * CONTEXT_WORDS);
  let total = 0;
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const v = vocabIndex.get(s[i]);
      if (v === undefined) continue;
      const l = i > 0 ? contextIndex.get(s[i - 1]) : undefined;
      const r = i + 1 < s.length ? contextIndex.get(s[i + 1]) : undefined;
      for (const d of [l, r === undefined ? undefined : r + CONTEXT_WORDS]) {
        if (d === undefined) continue;
        rows[v].set(d, (rows[v].get(d) ?? 0) + 1);
        colTotals[d]++;
        total++;
      }
    }
  }
  // PPMI, L2-normalised, as sparse vectors.
  const vectors = rows.map((row) => {
    const rowTotal = [...row.values()].reduce((a, b) => a + b, 0);
    const dims: number[] = [];
    const vals: number[] = [];
    for (const [d, c] of row) {
      const pmi = Math.log((c * total) / (rowTotal * colTotals[d]));
      if (pmi > 0) {
        dims.push(d);
        vals.push(pmi);
      }
    }
    const norm = Math.sqrt(vals.reduce((a, b) => a + b * b, 0)) || 1;
    return { dims: Int32Array.from(dims), vals: Float64Array.from(vals.map((v) => v / norm)) };
  });
  const paths = new Map<string, string>();
  const dim = 2 * CONTEXT_WORDS;
  let seed = 11;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const dot = (c: Float64Array, v: (typeof vectors)[number]) => {
    let s = 0;
    for (let k = 0; k < v.dims.length; k++) s += c[v.dims[k]] * v.vals[k];
    return s;
  };
  const split = (members: number[], prefix: string) => {
    if (prefix.length >= DEPTH || members.length < MIN_LEAF) {
      for (const m of members) paths.set(vocab[m], prefix || '0');
      return;
    }
    // Seeds: the most frequent word and a random other member, then a few spherical k-means rounds.
    let centroids = [members[0], members[1 + Math.floor(random() * (members.length - 1))]].map((m) => {
      const c = new Float64Array(dim);
      vectors[m].dims.forEach((d, k) => (c[d] = vectors[m].vals[k]));
      return c;
    });
    let assign = new Uint8Array(members.length);
    for (let round = 0; round < 6; round++) {
      assign = Uint8Array.from(members.map((m) => (dot(centroids[0], vectors[m]) >= dot(centroids[1], vectors[m]) ? 0 : 1)));
      const next = [new Float64Array(dim), new Float64Array(dim)];
      members.forEach((m, i) => vectors[m].dims.forEach((d, k) => (next[assign[i]][d] += vectors[m].vals[k])));
      for (const c of next) {
        const norm = Math.sqrt(c.reduce((a, b) => a + b * b, 0)) || 1;
        for (let d = 0; d < dim; d++) c[d] /= norm;
      }
      centroids = next;
    }
    const left = members.filter((_, i) => assign[i] === 0);
    const right = members.filter((_, i) => assign[i] === 1);
    if (!left.length || !right.length) {
      for (const m of members) paths.set(vocab[m], prefix || '0');
      return;
    }
    split(left, prefix + '0');
    split(right, prefix + '1');
  };
  split(vocab.map((_, i) => i), '');
  return { clusters: paths, casing };
}

/**
 * How a word is usually written away from the start of a mixed-case sentence: "C" nearly
 * always capitalised, "c" mostly, "l" mostly lower case, "L" nearly always. Headlines in
 * capitals lose their case; this restores the evidence.
 */
function learnCasing(sentences: string[][]): Map<string, string> {
  const counts = new Map<string, [number, number]>();
  for (const s of sentences) {
    const letters = s.filter((w) => /\p{L}/u.test(w));
    if (letters.filter((w) => w === w.toUpperCase()).length > letters.length * 0.6) continue;
    for (let i = 1; i < s.length; i++) {
      const w = s[i];
      if (!/^\p{L}/u.test(w) || /^[.!?"]$/.test(s[i - 1])) continue;
      const c = counts.get(w.toLowerCase()) ?? [0, 0];
      c[/^\p{Lu}/u.test(w) ? 0 : 1]++;
      counts.set(w.toLowerCase(), c);
    }
  }
  const out = new Map<string, string>();
  for (const [w, [cap, low]] of counts) {
    if (cap + low < 2) continue;
    const r = cap / (cap + low);
    out.set(w, r > 0.9 ? 'C' : r > 0.5 ? 'c' : r > 0.1 ? 'l' : 'L');
  }
  return out;
}
