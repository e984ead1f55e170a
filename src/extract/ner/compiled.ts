/**
 * The NER model compiled for decoding: the same features as `sentenceFeatures`, but as integer
 * ids, built once per distinct word (and per adjacent word pair) instead of once per token, and
 * shared by both stages. Building and hashing ~45 feature strings per token was four fifths of
 * the recogniser's time; this yields identical scores (tests/unit/ner-compiled.test.ts).
 */
import { isHeadline, longShape, shape, type DocumentEvidence } from './features';
import { TAGS } from './tags';
import type { NerModel } from './model';
import type { PerceptronWeights } from './perceptron';

const T = TAGS.length;
/** Words kept in the per-word cache before it is cleared, so a long-running server stays bounded. */
const WORD_CACHE_LIMIT = 20_000;
const UPPER_INITIAL = /^\p{Lu}/u;
/** Features a word gives the token after it (it is their "-1" word) and the token before it. */
const PREVIOUS_ROLES = ['l-1', 'w-1', 's3-1', 'c-1'];
const NEXT_ROLES = ['l+1', 'w+1', 's3+1', 'c+1'];
/** Features a word gives the tokens two away, in `WordFeatures.asFarNeighbour` order. */
const FAR_ROLES = ['l-2', 'l+2'];
const FAR_OFFSETS = [-2, 2];
const OWN = 0;
const AS_PREVIOUS = 1;
const AS_NEXT = 2;
const PAIR_TEMPLATES = ['l-1|l', 'l|l+1', 'l-2|l-1', 'l+1|l+2'] as const;
const SHAPE_PAIR_TEMPLATES = ['sh-1|sh', 'sh|sh+1'] as const;

/** Everything about one distinct word that its features need, computed once. */
export interface WordFeatures {
  lower: string;
  shape: string;
  upperInitial: boolean;
  /** The word contains '|', so pair features are looked up by their strings (the compiled tables split on '|'). */
  hasBar: boolean;
  /** Per stage, the summed weights [tag] of the word's own features, then of its features as the
   * previous word and as the next word of the token being labelled (OWN, AS_PREVIOUS, AS_NEXT). */
  scores: Float32Array;
  /** Extra ids in a headline. */
  headline: number[];
  /** Id of `first|sh` for the word's shape, or -1. */
  firstShape: number;
  /** Ids of the word's features two words away (see FAR_ROLES), -1 where the model has none. */
  asFarNeighbour: Int32Array;
  /** Id of the lower-cased word among the words of pair features, or -1. */
  pairWord: number;
  /** Id of the shape among the shapes of shape n-gram features, or -1. */
  shapeId: number;
}

/** A model ready for fast decoding; build with `compiledModel`. */
export interface CompiledModel {
  /** Feature string -> id, over the union of both stages' features. */
  ids: Map<string, number>;
  /** Emission weights per stage, [id][tag], zero where a stage lacks the feature. */
  emission: Float32Array[];
  transition: Float32Array[];
  clusters: Map<string, string>;
  casing: Map<string, string>;
  words: Map<string, WordFeatures>;
  pairWords: Map<string, number>;
  /** (left pair word * size + right pair word) -> where its ids per PAIR_TEMPLATES start in `pairIds`. */
  pairs: Map<number, number>;
  /** Feature ids of word pairs, PAIR_TEMPLATES.length per pair (-1 where absent): one array, not one per pair. */
  pairIds: Int32Array;
  shapes: Map<string, number>;
  /** As `pairs`, for shape pairs (ids in `shapePairIds`, SHAPE_PAIR_TEMPLATES.length per pair). */
  shapePairs: Map<number, number>;
  shapePairIds: Int32Array;
  shapeTriples: Map<number, number>;
  /** Ids of fixed features: b, hl, first, d:lc, d:capmid, d:capmid-elsewhere. */
  fixed: Record<'b' | 'hl' | 'first' | 'lc' | 'capmid' | 'capmidElsewhere', number>;
  /** Per stage, summed weights of the neighbour features at the sentence edges: [stage][AS_PREVIOUS | AS_NEXT][tag]. */
  edgeScores: Float32Array;
  /** Ids of the far-neighbour features at the sentence edges, per FAR_ROLES. */
  farEdge: Int32Array;
  /** Gazetteer tag ('' for none) -> ids of g=, g-1=, g+1= with that tag. */
  gazetteerIds: Map<string, Int32Array>;
}

const cache = new WeakMap<NerModel, CompiledModel>();

/** The compiled form of a model, built on first use and kept as long as the model. */
export function compiledModel(model: NerModel): CompiledModel {
  let compiled = cache.get(model);
  if (!compiled) cache.set(model, (compiled = compile(model)));
  return compiled;
}

/**
 * Makes `compiled` (built by `compile` in another thread and cloned here) the compiled form of
 * `model`, so that this thread never needs the model's feature strings, only the compiled ids.
 */
export function adoptCompiledModel(model: NerModel, compiled: CompiledModel): void {
  cache.set(model, compiled);
}

/** Compiles a model afresh (its caches empty), for sending to other threads; not cached here. */
export function compile(model: NerModel): CompiledModel {
  const stages: PerceptronWeights[] = [model.weights, ...(model.stage2 ? [model.stage2] : [])];
  const ids = new Map<string, number>();
  for (const stage of stages) for (const f of stage.features.keys()) if (!ids.has(f)) ids.set(f, ids.size);
  const emission = stages.map((stage) => {
    const table = new Float32Array(ids.size * T);
    for (const [f, row] of stage.features) table.set(stage.emission.subarray(row * T, row * T + T), ids.get(f)! * T);
    return table;
  });
  const pairWords = new Map<string, number>();
  const shapes = new Map<string, number>();
  const split = (value: string): [string, string] | undefined => {
    const parts = value.split('|');
    return parts.length === 2 ? [parts[0], parts[1]] : undefined;
  };
  const intern = (map: Map<string, number>, key: string) => {
    let id = map.get(key);
    if (id === undefined) map.set(key, (id = map.size));
    return id;
  };
  const pending: { table: 'pair' | 'shapePair' | 'triple'; slot: number; keys: string[]; id: number }[] = [];
  for (const [f, id] of ids) {
    const eq = f.indexOf('=');
    const template = f.slice(0, eq);
    const value = f.slice(eq + 1);
    const pairSlot = (PAIR_TEMPLATES as readonly string[]).indexOf(template);
    const shapeSlot = (SHAPE_PAIR_TEMPLATES as readonly string[]).indexOf(template);
    if (pairSlot >= 0 || shapeSlot >= 0) {
      const parts = split(value);
      if (!parts) continue; // ambiguous ('|' inside a word): found by its string at run time
      pairSlot >= 0 ? parts.forEach((p) => intern(pairWords, p)) : parts.forEach((p) => intern(shapes, p));
      pending.push({ table: pairSlot >= 0 ? 'pair' : 'shapePair', slot: Math.max(pairSlot, shapeSlot), keys: parts, id });
    } else if (template === 'sh-1|sh|sh+1') {
      const parts = value.split('|');
      if (parts.length !== 3) continue;
      parts.forEach((p) => intern(shapes, p));
      pending.push({ table: 'triple', slot: 0, keys: parts, id });
    }
  }
  const pairs = new Map<number, number>();
  const shapePairs = new Map<number, number>();
  const pairList: number[] = [];
  const shapePairList: number[] = [];
  const shapeTriples = new Map<number, number>();
  const P = pairWords.size;
  const S = shapes.size;
  for (const p of pending) {
    if (p.table === 'triple') {
      shapeTriples.set((shapes.get(p.keys[0])! * S + shapes.get(p.keys[1])!) * S + shapes.get(p.keys[2])!, p.id);
      continue;
    }
    const [vocab, size, table, list, slots] = p.table === 'pair' ? [pairWords, P, pairs, pairList, PAIR_TEMPLATES.length] : [shapes, S, shapePairs, shapePairList, SHAPE_PAIR_TEMPLATES.length];
    const key = vocab.get(p.keys[0])! * size + vocab.get(p.keys[1])!;
    let at = table.get(key);
    if (at === undefined) {
      table.set(key, (at = list.length));
      for (let k = 0; k < slots; k++) list.push(-1);
    }
    list[at + p.slot] = p.id;
  }
  const id = (f: string) => ids.get(f) ?? -1;
  // At the edges the neighbour is '<s>' or '</s>': it has no cluster, and its last three characters are itself.
  const edgeFeatures = (roles: string[], mark: string) => roles.filter((r) => r[0] !== 'c').map((r) => `${r}=${r[0] === 's' ? mark.slice(-3) : mark}`);
  const edgeScores = new Float32Array(emission.length * 3 * T);
  emission.forEach((table, stage) => {
    addRows(edgeScores, (stage * 3 + AS_PREVIOUS) * T, table, edgeFeatures(PREVIOUS_ROLES, '<s>').map(id));
    addRows(edgeScores, (stage * 3 + AS_NEXT) * T, table, edgeFeatures(NEXT_ROLES, '</s>').map(id));
  });
  return {
    ids,
    emission,
    transition: stages.map((s) => s.transition),
    clusters: model.clusters,
    casing: model.casing,
    words: new Map(),
    pairWords,
    pairs,
    pairIds: Int32Array.from(pairList),
    shapes,
    shapePairs,
    shapePairIds: Int32Array.from(shapePairList),
    shapeTriples,
    fixed: { b: id('b'), hl: id('hl'), first: id('first'), lc: id('d:lc'), capmid: id('d:capmid'), capmidElsewhere: id('d:capmid-elsewhere') },
    edgeScores,
    farEdge: Int32Array.from(FAR_ROLES.map((r) => id(`${r}=${r.includes('-') ? '<s>' : '</s>'}`))),
    gazetteerIds: new Map(),
  };
}

/** Adds the weight rows of `ids` (skipping -1) into out[at, at + T). */
function addRows(out: Float32Array, at: number, table: Float32Array, ids: number[]): void {
  for (const id of ids) {
    if (id < 0) continue;
    for (let t = 0; t < T; t++) out[at + t] += table[id * T + t];
  }
}

function wordFeatures(m: CompiledModel, w: string): WordFeatures {
  let entry = m.words.get(w);
  if (entry) return entry;
  if (m.words.size >= WORD_CACHE_LIMIT) m.words.clear();
  const l = w.toLowerCase();
  const sh = shape(w);
  const own: number[] = [];
  const add = (list: number[], f: string) => {
    const id = m.ids.get(f);
    if (id !== undefined) list.push(id);
  };
  add(own, `w=${w}`);
  add(own, `l=${l}`);
  add(own, `sh=${sh}`);
  add(own, `ls=${longShape(w)}`);
  const len = Math.min(l.length, 4);
  for (let k = 1; k <= len; k++) {
    add(own, `p${k}=${l.slice(0, k)}`);
    add(own, `s${k}=${l.slice(-k)}`);
  }
  const c = m.clusters.get(l) ?? '';
  if (c) for (const f of [`c4=${c.slice(0, 4)}`, `c8=${c.slice(0, 8)}`, `c12=${c.slice(0, 12)}`, `c=${c}`]) add(own, f);
  const cs = m.casing.get(l) ?? '?';
  add(own, `cs=${cs}`);
  add(own, `cs|sh=${cs}|${sh}`);
  const headline: number[] = [];
  add(headline, `hl|l=${l}`);
  add(headline, `hl|cs=${cs}`);
  const asNeighbour = (roles: string[]) => {
    const found: number[] = [];
    for (const role of roles) {
      const value = role[0] === 'l' ? l : role[0] === 'w' ? w : role[0] === 's' ? l.slice(-3) : c ? c.slice(0, 8) : undefined;
      if (value !== undefined) add(found, `${role}=${value}`);
    }
    return found;
  };
  const scores = new Float32Array(m.emission.length * 3 * T);
  m.emission.forEach((table, stage) => {
    addRows(scores, (stage * 3 + OWN) * T, table, own);
    addRows(scores, (stage * 3 + AS_PREVIOUS) * T, table, asNeighbour(PREVIOUS_ROLES));
    addRows(scores, (stage * 3 + AS_NEXT) * T, table, asNeighbour(NEXT_ROLES));
  });
  entry = {
    lower: l,
    shape: sh,
    upperInitial: UPPER_INITIAL.test(w),
    hasBar: w.includes('|'),
    scores,
    headline,
    firstShape: m.ids.get(`first|sh=${sh}`) ?? -1,
    asFarNeighbour: Int32Array.from(FAR_ROLES.map((role) => m.ids.get(`${role}=${l}`) ?? -1)),
    pairWord: m.pairWords.get(l) ?? -1,
    shapeId: m.shapes.get(sh) ?? -1,
  };
  m.words.set(w, entry);
  return entry;
}

function gazetteerIds(m: CompiledModel, tag: string): Int32Array {
  let entry = m.gazetteerIds.get(tag);
  if (!entry) {
    const id = (f: string) => m.ids.get(f) ?? -1;
    m.gazetteerIds.set(tag, (entry = Int32Array.of(tag ? id(`g=${tag}`) : -1, id(`g-1=${tag}`), id(`g+1=${tag}`))));
  }
  return entry;
}

/** The feature ids of one sentence: token i's ids are ids[offsets[i], offsets[i + 1]). */
export interface SentenceIds {
  ids: Int32Array;
  offsets: Int32Array;
  /** Per token, the summed weights [stage][tag] of its word's aggregated document contexts, if any. */
  contexts: (Float32Array | undefined)[];
}

/** Per-sentence inputs the compiled features need besides the words. */
export interface SentenceContext {
  gazetteerTags: string[];
  doc: DocumentEvidence;
}

/** Feature ids of one sentence: the same feature set as `sentenceFeatures` without the history ones. */
export function sentenceIds(m: CompiledModel, words: string[], ctx: SentenceContext, entries = sentenceWords(m, words)): SentenceIds {
  const n = words.length;
  const headline = isHeadline(words);
  const gaz = ctx.gazetteerTags;
  const out: number[] = [];
  const offsets = new Int32Array(n + 1);
  const contexts = new Array<Float32Array | undefined>(n);
  const push = (id: number) => {
    if (id >= 0) out.push(id);
  };
  const lookup = (f: string) => push(m.ids.get(f) ?? -1);
  const P = m.pairWords.size;
  const S = m.shapes.size;
  // Pair word id at position j, counting the sentence edges as the words '<s>' and '</s>'.
  const edgeWord = (j: number) => (j < 0 ? '<s>' : j >= n ? '</s>' : entries[j].lower);
  const pairWord = (j: number) => (j < 0 || j >= n ? m.pairWords.get(edgeWord(j)) ?? -1 : entries[j].pairWord);
  const edgeShape = (j: number) => (j < 0 ? '<s>' : j >= n ? '</s>' : entries[j].shape);
  const shapeId = (j: number) => (j < 0 || j >= n ? m.shapes.get(edgeShape(j)) ?? -1 : entries[j].shapeId);
  const bar = (j: number) => j >= 0 && j < n && entries[j].hasBar;
  const pairIds = (a: number, slot: number, template: string) => {
    if (bar(a) || bar(a + 1)) return lookup(`${template}=${edgeWord(a)}|${edgeWord(a + 1)}`);
    const x = pairWord(a);
    const y = pairWord(a + 1);
    if (x < 0 || y < 0) return;
    const at = m.pairs.get(x * P + y);
    if (at !== undefined) push(m.pairIds[at + slot]);
  };
  const shapePairIds = (a: number, slot: number, template: string) => {
    if (bar(a) || bar(a + 1)) return lookup(`${template}=${edgeShape(a)}|${edgeShape(a + 1)}`);
    const x = shapeId(a);
    const y = shapeId(a + 1);
    if (x < 0 || y < 0) return;
    const at = m.shapePairs.get(x * S + y);
    if (at !== undefined) push(m.shapePairIds[at + slot]);
  };
  for (let i = 0; i < n; i++) {
    offsets[i] = out.length;
    const e = entries[i];
    push(m.fixed.b);
    if (headline) {
      push(m.fixed.hl);
      for (const id of e.headline) out.push(id);
    }
    if (i === 0) {
      push(m.fixed.first);
      push(e.firstShape);
    }
    for (let k = 0; k < FAR_ROLES.length; k++) {
      const at = i + FAR_OFFSETS[k];
      push(at < 0 || at >= n ? m.farEdge[k] : entries[at].asFarNeighbour[k]);
    }
    pairIds(i - 1, 0, PAIR_TEMPLATES[0]);
    pairIds(i, 1, PAIR_TEMPLATES[1]);
    pairIds(i - 2, 2, PAIR_TEMPLATES[2]);
    pairIds(i + 1, 3, PAIR_TEMPLATES[3]);
    shapePairIds(i - 1, 0, SHAPE_PAIR_TEMPLATES[0]);
    shapePairIds(i, 1, SHAPE_PAIR_TEMPLATES[1]);
    if (bar(i - 1) || bar(i) || bar(i + 1)) lookup(`sh-1|sh|sh+1=${edgeShape(i - 1)}|${e.shape}|${edgeShape(i + 1)}`);
    else {
      const a = shapeId(i - 1);
      const b = shapeId(i);
      const c = shapeId(i + 1);
      if (a >= 0 && b >= 0 && c >= 0) push(m.shapeTriples.get((a * S + b) * S + c) ?? -1);
    }
    if (gaz[i]) {
      push(gazetteerIds(m, gaz[i])[0]);
      lookup(`g|sh=${gaz[i]}|${e.shape}`);
    }
    push(gazetteerIds(m, i > 0 ? gaz[i - 1] : '<s>')[1]);
    push(gazetteerIds(m, i + 1 < n ? gaz[i + 1] : '</s>')[2]);
    if (e.upperInitial) {
      contexts[i] = contextScores(m, ctx.doc, e.lower);
      if (ctx.doc.lowercase.has(e.lower)) push(m.fixed.lc);
      if (ctx.doc.capitalisedMid.has(e.lower)) push(i === 0 || headline ? m.fixed.capmidElsewhere : m.fixed.capmid);
    }
  }
  offsets[n] = out.length;
  return { ids: Int32Array.from(out), offsets, contexts };
}

const documentContexts = new WeakMap<DocumentEvidence, { model: CompiledModel; scores: Map<string, Float32Array | null> }>();

/**
 * The summed weights [stage][tag] of a capitalised word's aggregated document contexts, computed
 * once per word per document: a name seen a dozen times has up to 48 such features, and summing
 * them for every occurrence cost a fifth of the recogniser's time.
 */
function contextScores(m: CompiledModel, doc: DocumentEvidence, lower: string): Float32Array | undefined {
  let cached = documentContexts.get(doc);
  if (!cached || cached.model !== m) documentContexts.set(doc, (cached = { model: m, scores: new Map() }));
  let found = cached.scores.get(lower);
  if (found === undefined) {
    const features = doc.contexts.get(lower);
    found = null;
    if (features) {
      const ids: number[] = [];
      for (const f of features) {
        const id = m.ids.get(f);
        if (id !== undefined) ids.push(id);
      }
      if (ids.length) {
        found = new Float32Array(m.emission.length * T);
        m.emission.forEach((table, stage) => addRows(found!, stage * T, table, ids));
      }
    }
    cached.scores.set(lower, found);
  }
  return found ?? undefined;
}

/** The word features of a sentence, for reuse across stages. */
export function sentenceWords(m: CompiledModel, words: string[]): WordFeatures[] {
  return words.map((w) => wordFeatures(m, w));
}

/** Emission scores [token][tag] of one sentence under stage `stage`, with the history features when given. */
export function compiledScores(m: CompiledModel, stage: number, sentence: SentenceIds, words: WordFeatures[], history?: Map<string, string>): Float32Array {
  const n = sentence.offsets.length - 1;
  const table = m.emission[stage];
  const scores = new Float32Array(n * T);
  const { ids, offsets } = sentence;
  const edges = m.edgeScores;
  for (let i = 0; i < n; i++) {
    const base = i * T;
    const own = words[i].scores;
    const ownAt = (stage * 3 + OWN) * T;
    const [prev, prevAt] = i > 0 ? [words[i - 1].scores, (stage * 3 + AS_PREVIOUS) * T] : [edges, (stage * 3 + AS_PREVIOUS) * T];
    const [next, nextAt] = i + 1 < n ? [words[i + 1].scores, (stage * 3 + AS_NEXT) * T] : [edges, (stage * 3 + AS_NEXT) * T];
    for (let t = 0; t < T; t++) scores[base + t] = own[ownAt + t] + prev[prevAt + t] + next[nextAt + t];
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const off = ids[k] * T;
      for (let t = 0; t < T; t++) scores[base + t] += table[off + t];
    }
    const context = sentence.contexts[i];
    if (context) for (let t = 0; t < T; t++) scores[base + t] += context[stage * T + t];
    const h = history?.get(words[i].lower);
    if (h) {
      for (const f of [`h=${h}`, `h|sh=${h}|${words[i].shape}`]) {
        const id = m.ids.get(f);
        if (id === undefined) continue;
        for (let t = 0; t < T; t++) scores[base + t] += table[id * T + t];
      }
    }
  }
  return scores;
}

