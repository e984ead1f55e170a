/**
 * Runs the NER model over tokenised sentences of one document: a first pass labels each
 * sentence, a second pass re-labels with how the same words were labelled elsewhere in the
 * document (so "Simmons" alone inherits PER from "Phil Simmons").
 */
import { gazetteer } from './gazetteer';
import { documentEvidence, labelHistory, sentenceFeatures, type FeatureContext } from './features';
import { emissionScores, viterbi, type PerceptronWeights } from './perceptron';
import { decode, type TokenSpan } from './tags';
import type { NerModel } from './model';

function pass(weights: PerceptronWeights, sentences: string[][], ctx: FeatureContext): TokenSpan[][] {
  return sentences.map((words) => {
    if (words.length === 0) return [];
    const scores = emissionScores(weights, sentenceFeatures(words, ctx));
    return decode(viterbi(scores, words.length, weights.transition));
  });
}

/** Labels every sentence of a document (given as word lists); returns spans per sentence. */
export function recognize(model: NerModel, sentences: string[][], stages: 1 | 2 = 2): TokenSpan[][] {
  const ctx: FeatureContext = { gazetteer: gazetteer(), clusters: model.clusters, casing: model.casing, doc: documentEvidence(sentences) };
  const first = pass(model.weights, sentences, ctx);
  if (!model.stage2 || stages === 1) return first;
  return pass(model.stage2, sentences, { ...ctx, history: labelHistory(sentences, first) });
}
