/**
 * Runs the NER model over tokenised sentences of one document: a first pass labels each
 * sentence, a second pass re-labels with how the same words were labelled elsewhere in the
 * document (so "Simmons" alone inherits PER from "Phil Simmons").
 */
import { gazetteer } from './gazetteer';
import { documentEvidence, gazetteerTags, labelHistory } from './features';
import { compiledModel, compiledScores, sentenceIds, sentenceWords } from './compiled';
import { viterbi } from './perceptron';
import { decode, type TokenSpan } from './tags';
import type { NerModel } from './model';

/** Labels every sentence of a document (given as word lists); returns spans per sentence. */
export function recognize(model: NerModel, sentences: string[][], stages: 1 | 2 = 2): TokenSpan[][] {
  const m = compiledModel(model);
  const gaz = gazetteer();
  const doc = documentEvidence(sentences);
  // Features are computed once and scored by each stage; only the history features differ.
  const prepared = sentences.map((words) => {
    const entries = sentenceWords(m, words);
    return { entries, ids: sentenceIds(m, words, { gazetteerTags: gazetteerTags(words, gaz), doc }, entries) };
  });
  const pass = (stage: number, history?: Map<string, string>) =>
    prepared.map(({ entries, ids }) => (entries.length === 0 ? [] : decode(viterbi(compiledScores(m, stage, ids, entries, history), entries.length, m.transition[stage]))));
  const first = pass(0);
  if (!model.stage2 || stages === 1) return first;
  return pass(1, labelHistory(sentences, first));
}
