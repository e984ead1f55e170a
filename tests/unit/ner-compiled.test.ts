/**
 * The compiled recogniser must score exactly what the feature strings the model was trained
 * on score: same features, same weights, same labels.
 */
import fs from 'node:fs';
import path from 'node:path';
import { nerModel } from '../../src/models';
import { compiledModel, compiledScores, sentenceIds, sentenceWords } from '../../src/extract/ner/compiled';
import { documentEvidence, gazetteerTags, labelHistory, sentenceFeatures } from '../../src/extract/ner/features';
import { gazetteer } from '../../src/extract/ner/gazetteer';
import { emissionScores, viterbi, type PerceptronWeights } from '../../src/extract/ner/perceptron';
import { tokenize } from '../../src/extract/ner/tokens';
import { decode } from '../../src/extract/ner/tags';

const seed = fs.readFileSync(path.join(__dirname, '../../seeds', fs.readdirSync(path.join(__dirname, '../../seeds'))[0]), 'utf8');
const extra = [
  'UKRAINE AND RUSSIA HOLD TALKS IN ISTANBUL',
  'a | b || c |x| "quoted" (brackets) U.S. officials met in Kyiv on Friday.',
  'Zelenskiy',
  'no capitals at all in this sentence about kyiv and moscow',
  'Секретар Ради Умєров зустрівся з делегацією 😀 in Doha.',
];
const sentences = [...seed.split(/\n+/), ...extra].map((line) => tokenize(line).map((t) => t.text)).filter((w) => w.length > 0);

describe('compiled NER model', () => {
  const model = nerModel();
  const m = compiledModel(model);
  const gaz = gazetteer();
  const doc = documentEvidence(sentences);
  const stringContext = { gazetteer: gaz, clusters: model.clusters, casing: model.casing, doc };

  const compare = (weights: PerceptronWeights, stage: number, history?: Map<string, string>) => {
    for (const words of sentences) {
      const expected = emissionScores(weights, sentenceFeatures(words, { ...stringContext, history }));
      const entries = sentenceWords(m, words);
      const ids = sentenceIds(m, words, { gazetteerTags: gazetteerTags(words, gaz), doc }, entries);
      const actual = compiledScores(m, stage, ids, entries, history);
      expect(actual.length).toBe(expected.length);
      for (let k = 0; k < actual.length; k++) expect(Math.abs(actual[k] - expected[k])).toBeLessThan(1e-3 * (1 + Math.abs(expected[k])));
      expect(decode(viterbi(actual, words.length, m.transition[stage]))).toEqual(decode(viterbi(expected, words.length, weights.transition)));
    }
  };

  it('scores every sentence as the feature strings do in stage 1', () => compare(model.weights, 0));

  it('scores every sentence as the feature strings do in stage 2, with label history', () => {
    const first = sentences.map((words) => decode(viterbi(emissionScores(model.weights, sentenceFeatures(words, stringContext)), words.length, model.weights.transition)));
    compare(model.stage2!, 1, labelHistory(sentences, first));
  });
});

describe('document evidence', () => {
  it('gathers the words around every occurrence of a capitalised word across the document', () => {
    const doc = documentEvidence([
      ['Roberto', 'Duran', 'climbs', 'into', 'the', 'ring', '.'],
      ['Duran', ',', '45', ',', 'takes', 'on', 'Cruz', '.'],
      ['DURAN', 'RETURNS', 'HOME'],
    ]);
    expect(doc.contexts.get('duran')).toEqual(expect.arrayContaining(['a-1=roberto', 'a+1=climbs', 'a-1=<s>', 'a+1=,', 'a+2=#num', 'a-2=<s>']));
    // Headlines are written in capitals, so their words and neighbours say little and are left out.
    expect(doc.contexts.get('duran')).not.toContain('a+1=returns');
    expect(doc.contexts.has('climbs')).toBe(false);
  });
});
