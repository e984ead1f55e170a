/**
 * Beam search for the parser: candidate selection, and a beam of one decoding exactly as the
 * greedy parser does (so a beam-trained model's width is the only difference between them).
 */
import { candidates, parseSentenceBeam, pushCandidate, topCandidates } from '../../src/extract/syntax/beam';
import { parseSentence, parserInput, type ParserWeights } from '../../src/extract/syntax/parser';
import { tagSentence } from '../../src/extract/syntax/tagger';
import { syntaxTokens } from '../../src/extract/syntax';
import { syntaxModel } from '../../src/models';

describe('beam candidates', () => {
  test('the k best, best first, ties in the order they were added', () => {
    const c = candidates(8);
    [3, 1, 5, 3, 0, 5].forEach((s, i) => pushCandidate(c, i, 0, -1, s));
    const out = new Int32Array(3);
    expect(topCandidates(c, 3, out)).toBe(3);
    expect([...out]).toEqual([2, 5, 0]);
    const few = candidates(2);
    pushCandidate(few, 0, 0, -1, 1);
    expect(topCandidates(few, 3, out)).toBe(1);
  });
});

describe('beam decoding', () => {
  test('a beam of one gives the greedy parser\'s trees', () => {
    const model = syntaxModel();
    const label = (name: string) => model.labels.indexOf(name);
    const w: ParserWeights = { moves: model.moves, labels: model.labelScorer, root: label('root'), punct: label('punct'), parataxis: label('parataxis') };
    for (const text of ['Zelenskiy met Kellogg in Kyiv on Monday.', 'The minister who met Blinken resigned, officials said on Tuesday, after talks with both sides.', 'Yes']) {
      const words = syntaxTokens(text).map((t) => t.text);
      const tags = tagSentence(model.tagger, model.dictionary, model.lexicon, words);
      const x = parserInput(words, tags, model.lexicon);
      const punct = (i: number) => model.tags[tags[i]].startsWith('PUNCT');
      const beam = parseSentenceBeam(w, x, words.length, punct, 1);
      expect(beam).toEqual(parseSentence(w, x, words.length, punct));
      // Wider beams still give one tree over every word.
      const wide = parseSentenceBeam(w, x, words.length, punct, 4, 2);
      expect(wide.heads.filter((h) => h === -1)).toHaveLength(1);
      expect(wide.heads).toHaveLength(words.length);
    }
  });
});
