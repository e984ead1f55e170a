/**
 * Training the tagger and the parser from CoNLL-U sentences (deterministic: a seeded shuffle,
 * fixed orders everywhere, so the same data and options give the same model byte for byte).
 * The parser trains on tags predicted by taggers that did not see the sentence (jackknifing),
 * so it learns from the tags it will get at run time.
 */
import { Trainer, Scorer, type SparseWeights } from './classifier';
import type { ConlluSentence } from './conllu';
import { trainBeamSentence, type BeamStats } from './beam-train';
import { moveCosts } from './oracle';
import { LEFT, RIGHT, State, bestLabel, labelFeatures, moveFeatures, parserInput, scratch, type ParserInput } from './parser';
import { tagSentence, trainTaggerSentence, type Lexicon } from './tagger';

/** Training options. */
export interface TrainOptions {
  taggerEpochs: number;
  parserEpochs: number;
  seed: number;
  /** Folds for jackknifed training tags (0: train the parser on gold tags). */
  folds: number;
  /** Probability of following the model's own move after the first epoch. */
  explore: number;
  /** Arc-eager with the root at the end of the buffer (State's rootEnd). */
  rootEnd?: boolean;
  /** Beam width for global training (Zhang & Nivre 2011); 1 or absent: greedy with the dynamic oracle only. */
  beam?: number;
  /** First parser epoch trained with the beam (the ones before are greedy). */
  beamFrom?: number;
  /** Max-violation updates (Huang et al. 2012) instead of early updates. */
  maxViolation?: boolean;
  /** Called after each epoch with the progress so far. */
  log?: (message: string) => void;
  /** Called after each parser epoch with the averaged weights, e.g. to score dev. */
  onParserEpoch?: (epoch: number, moves: SparseWeights, labels: SparseWeights) => void;
}

/** A sentence ready for training: words, gold tag numbers, 1-based gold heads, gold labels. */
export interface TrainSentence {
  words: string[];
  tags: number[];
  heads: Int32Array;
  labels: Int32Array;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Tag and label inventories of a treebank, sorted. */
export function inventories(sentences: ConlluSentence[]): { tags: string[]; labels: string[] } {
  const tags = new Set<string>();
  const labels = new Set<string>();
  for (const s of sentences) for (const w of s.words) tags.add(`${w.upos}|${w.xpos}`), labels.add(w.deprel);
  return { tags: [...tags].sort(), labels: [...labels].sort() };
}

/** Converts CoNLL-U sentences to training sentences over the given inventories. */
export function trainSentences(sentences: ConlluSentence[], tags: string[], labels: string[]): TrainSentence[] {
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  return sentences
    .filter((s) => s.words.length > 0)
    .map((s) => {
      const n = s.words.length;
      const heads = new Int32Array(n + 2).fill(-1);
      const labs = new Int32Array(n + 2).fill(-1);
      s.words.forEach((w, i) => {
        heads[i + 1] = w.head + 1;
        labs[i + 1] = labelIndex.get(w.deprel) ?? labelIndex.get('dep') ?? 0;
      });
      return { words: s.words.map((w) => w.form), tags: s.words.map((w) => tagIndex.get(`${w.upos}|${w.xpos}`) ?? 0), heads, labels: labs };
    });
}

/** Words seen at least `minCount` times with one tag at least `purity` of the time. */
export function tagDictionary(sentences: TrainSentence[], minCount = 20, purity = 0.995): Map<string, number> {
  const counts = new Map<string, Map<number, number>>();
  for (const s of sentences)
    s.words.forEach((w, i) => {
      let m = counts.get(w);
      if (!m) counts.set(w, (m = new Map()));
      m.set(s.tags[i], (m.get(s.tags[i]) ?? 0) + 1);
    });
  const dictionary = new Map<string, number>();
  for (const [w, m] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    let total = 0;
    let best = -1;
    let bestCount = 0;
    for (const [t, c] of [...m].sort((a, b) => a[0] - b[0])) {
      total += c;
      if (c > bestCount) (best = t), (bestCount = c);
    }
    if (total >= minCount && bestCount / total >= purity) dictionary.set(w, best);
  }
  return dictionary;
}

/** Trains a tagger over sentences. */
export function trainTagger(sentences: TrainSentence[], classes: number, dictionary: Map<string, number>, lex: Lexicon, epochs: number, random: () => number, log?: (m: string) => void, onEpoch?: (epoch: number, weights: SparseWeights) => void, first?: number[][]): SparseWeights {
  const trainer = new Trainer(classes);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    let correct = 0;
    let total = 0;
    for (const i of shuffled(sentences.map((_, i) => i), random)) {
      const s = sentences[i];
      correct += trainTaggerSentence(trainer, dictionary, lex, s.words, s.tags, first?.[i]);
      total += s.words.length;
    }
    log?.(`tagger${first ? ' (second pass)' : ''} epoch ${epoch}: train accuracy ${((100 * correct) / total).toFixed(2)}, ${trainer.size} features`);
    onEpoch?.(epoch, trainer.averaged());
  }
  return trainer.averaged();
}

/** Tags for the parser's training: from taggers trained on the other folds (or gold with no folds). */
export function jackknifeTags(sentences: TrainSentence[], classes: number, dictionary: Map<string, number>, lex: Lexicon, options: TrainOptions, random: () => number): number[][] {
  if (options.folds < 2) return sentences.map((s) => s.tags);
  const out: number[][] = new Array(sentences.length);
  for (let f = 0; f < options.folds; f++) {
    const rest = sentences.filter((_, i) => i % options.folds !== f);
    const scorer = new Scorer(trainTagger(rest, classes, dictionary, lex, options.taggerEpochs, random));
    let correct = 0;
    let total = 0;
    sentences.forEach((s, i) => {
      if (i % options.folds !== f) return;
      out[i] = tagSentence(scorer, dictionary, lex, s.words);
      out[i].forEach((t, k) => (correct += t === s.tags[k] ? 1 : 0));
      total += s.words.length;
    });
    options.log?.(`jackknife fold ${f + 1}/${options.folds}: accuracy ${((100 * correct) / total).toFixed(2)}`);
  }
  return out;
}

/** Trains the parser with the dynamic oracle; returns the averaged move and label weights. */
export function trainParser(sentences: TrainSentence[], tags: number[][], lex: Lexicon, labelCount: number, root: number, options: TrainOptions, random: () => number): { moves: SparseWeights; labels: SparseWeights } {
  const moves = new Trainer(4);
  const labels = new Trainer(labelCount);
  const sc = scratch(labelCount);
  const costs = new Float64Array(4);
  const rootEnd = !!options.rootEnd;
  const inputs: ParserInput[] = sentences.map((s, i) => parserInput(s.words, tags[i], lex, rootEnd));
  // Gold heads with the root where the transition system has it (0 or n + 1).
  const goldHeads = sentences.map((s) => {
    if (!rootEnd) return s.heads;
    const h = s.heads.slice();
    for (let k = 1; k <= s.words.length; k++) if (h[k] === 0) h[k] = s.words.length + 1;
    return h;
  });
  const order = sentences.map((_, i) => i);
  let result = { moves: moves.averaged(), labels: labels.averaged() };

  for (let epoch = 1; epoch <= options.parserEpochs; epoch++) {
    let correct = 0;
    let total = 0;
    const k = options.beam ?? 1;
    if (k > 1 && epoch >= (options.beamFrom ?? 1)) {
      const stats: BeamStats = { sentences: 0, updates: 0, steps: 0 };
      for (const i of shuffled(order, random)) {
        const s = sentences[i];
        trainBeamSentence(moves, labels, { n: s.words.length, x: inputs[i], heads: goldHeads[i], labels: s.labels }, root, rootEnd, k, !!options.maxViolation, stats);
        moves.tick();
        labels.tick();
      }
      if (options.onParserEpoch || epoch === options.parserEpochs) result = { moves: moves.averaged(), labels: labels.averaged() };
      options.log?.(`parser epoch ${epoch} (beam ${k}): ${stats.updates} updates in ${stats.sentences} sentences, ${stats.steps} steps, ${moves.size} move features, ${labels.size} label features`);
      options.onParserEpoch?.(epoch, result.moves, result.labels);
      continue;
    }
    for (const i of shuffled(order, random)) {
      const s = sentences[i];
      const heads = goldHeads[i];
      const x = inputs[i];
      const st = new State(s.words.length, rootEnd);
      while (!st.done) {
        const nm = moveFeatures(st, x, sc.moveKeys);
        sc.moveScores.fill(0);
        moves.score(sc.moveKeys, nm, sc.moveScores);
        moveCosts(st, heads, costs);
        // Label candidates per direction: the predicted label and the cheapest (gold) label.
        let nl = 0;
        let nr = 0;
        if (st.valid(LEFT)) {
          nl = labelFeatures(st, x, st.arcHead(LEFT), st.arcDep(LEFT), 0, sc.leftKeys);
          sc.leftScores.fill(0);
          labels.score(sc.leftKeys, nl, sc.leftScores);
        }
        if (st.valid(RIGHT)) {
          nr = labelFeatures(st, x, st.arcHead(RIGHT), st.arcDep(RIGHT), 1, sc.rightKeys);
          sc.rightScores.fill(0);
          labels.score(sc.rightKeys, nr, sc.rightScores);
        }
        let pred = -1;
        let predLabel = -1;
        let predScore = -Infinity;
        let predCost = 0;
        let gold = -1;
        let goldLabel = -1;
        let goldScore = -Infinity;
        let goldCost = Infinity;
        for (let m = 0; m < 4; m++) {
          if (costs[m] === Infinity) continue;
          let score = sc.moveScores[m];
          let label = -1;
          let cost = costs[m];
          let glabel = -1;
          let gscore = score;
          if (m === LEFT || m === RIGHT) {
            const head = st.arcHead(m);
            const dep = st.arcDep(m);
            const scores = m === LEFT ? sc.leftScores : sc.rightScores;
            label = bestLabel(scores, head === st.root, root);
            score += scores[label];
            const goldArc = heads[dep] === head;
            if (goldArc && s.labels[dep] !== label) cost += 1;
            glabel = goldArc ? s.labels[dep] : label;
            gscore = sc.moveScores[m] + scores[glabel];
          }
          if (score > predScore) (predScore = score), (pred = m), (predLabel = label), (predCost = cost);
          if (costs[m] < goldCost || (costs[m] === goldCost && gscore > goldScore)) (goldCost = costs[m]), (goldScore = gscore), (gold = m), (goldLabel = glabel);
        }
        total++;
        if (predCost > goldCost) {
          moves.update(sc.moveKeys, nm, gold, pred);
          if (gold === LEFT || gold === RIGHT) labels.add(gold === LEFT ? sc.leftKeys : sc.rightKeys, gold === LEFT ? nl : nr, goldLabel, 1);
          if (pred === LEFT || pred === RIGHT) labels.add(pred === LEFT ? sc.leftKeys : sc.rightKeys, pred === LEFT ? nl : nr, predLabel, -1);
        } else correct++;
        moves.tick();
        labels.tick();
        const follow = epoch > 1 && random() < options.explore;
        if (follow) st.apply(pred, predLabel);
        else st.apply(gold, goldLabel);
      }
    }
    if (options.onParserEpoch || epoch === options.parserEpochs) result = { moves: moves.averaged(), labels: labels.averaged() };
    options.log?.(`parser epoch ${epoch}: ${((100 * correct) / total).toFixed(2)}% moves cost-free, ${moves.size} move features, ${labels.size} label features`);
    options.onParserEpoch?.(epoch, result.moves, result.labels);
  }
  return result;
}
