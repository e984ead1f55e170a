/**
 * Tagging and parsing a sentence of words with a loaded model.
 */
import type { SyntaxModel } from './model';
import { parseSentenceBeam } from './beam';
import { parseSentence, parserInput, type ParserWeights } from './parser';
import { tagSentence } from './tagger';

/** The analysis of one sentence: per word UPOS, XPOS, 0-based head (-1 for root) and relation. */
export interface WordAnalysis {
  upos: string[];
  xpos: string[];
  heads: number[];
  deprels: string[];
}

const weightsCache = new WeakMap<SyntaxModel, { weights: ParserWeights; beam: number; upos: string[]; xpos: string[] }>();

function prepared(model: SyntaxModel) {
  let p = weightsCache.get(model);
  if (!p) {
    const label = (name: string) => {
      const i = model.labels.indexOf(name);
      if (i < 0) throw new Error(`syntax model lacks the relation "${name}"`);
      return i;
    };
    const options = model.meta.options as { rootEnd?: boolean; beam?: number } | undefined;
    p = {
      beam: Math.max(1, options?.beam ?? 1),
      weights: { moves: model.moves, labels: model.labelScorer, root: label('root'), punct: label('punct'), parataxis: label('parataxis'), rootEnd: options?.rootEnd === true },
      upos: model.tags.map((t) => t.split('|')[0]),
      xpos: model.tags.map((t) => t.split('|')[1]),
    };
    weightsCache.set(model, p);
  }
  return p;
}

/** The form the model reads: curly quotes and apostrophes as EWT mostly writes them, straight. */
function modelForm(w: string): string {
  return /[‘’“”]/.test(w) ? w.replace(/[‘’]/g, "'").replace(/[“”]/g, '"') : w;
}

/** Tags and parses a sentence given as words (EWT-style tokens). */
export function analyzeWords(model: SyntaxModel, given: string[]): WordAnalysis {
  if (given.length === 0) return { upos: [], xpos: [], heads: [], deprels: [] };
  const words = given.map(modelForm);
  const p = prepared(model);
  const first = tagSentence(model.tagger, model.dictionary, model.lexicon, words);
  const tags = model.tagger2 ? tagSentence(model.tagger2, model.dictionary, model.lexicon, words, first) : first;
  const upos = tags.map((t) => p.upos[t]);
  const x = parserInput(words, tags, model.lexicon, p.weights.rootEnd);
  const isPunct = (i: number) => upos[i] === 'PUNCT';
  // The model says how wide a beam it was trained for (1: greedy).
  const tree = p.beam > 1 ? parseSentenceBeam(p.weights, x, words.length, isPunct, p.beam) : parseSentence(p.weights, x, words.length, isPunct);
  return { upos, xpos: tags.map((t) => p.xpos[t]), heads: tree.heads, deprels: tree.labels.map((l) => model.labels[l]) };
}
