/**
 * The syntax stage: tags and parses the sentences that need it (by default those with a
 * meeting-family word, so the pipeline stays fast) and puts the trees on doc.syntax.
 */
import type { Doc, ParsedSentence } from '../types';
import { analyzeWords, type WordAnalysis } from './analyze';
import type { SyntaxModel } from './model';
import { positionAsides } from './asides';
import { syntaxTokens } from './tokens';

export type { SyntaxModel } from './model';
export { parseSyntaxModel } from './model';
export { syntaxTokens } from './tokens';

/** Words that may signal a meeting; a sentence containing one is parsed by default. */
export const MEETING_CANDIDATE =
  /\b(?:meet(?:s|ing|ings)?|met|talks?|visit(?:s|ed|ing)?|summit|call(?:s|ed)?|phoned?|telephone|dinner|lunch|breakfast|greet(?:s|ed)?|shak(?:e|es|ing)|shook|host(?:s|ed)?|received?|join(?:ed)?|spoke|discuss(?:ed)?|confer|conference|negotiat\w*|interview|hearing|debate)\b/i;

/** Options of the syntax component. */
export interface SyntaxOptions {
  /** Which sentences to parse; default: those matching MEETING_CANDIDATE. */
  select?: (doc: Doc, sentenceIndex: number) => boolean;
}

/** Whether a sentence of the doc contains a meeting-family candidate word. */
export function hasMeetingCandidate(doc: Doc, sentenceIndex: number): boolean {
  const s = doc.sentences[sentenceIndex];
  return MEETING_CANDIDATE.test(doc.text.slice(s.start, s.end));
}

/** Tags and parses a sentence of words (EWT-style tokens): UPOS, XPOS, 0-based heads (-1 root), relations. */
export function parseWords(model: SyntaxModel, words: string[]): WordAnalysis {
  return analyzeWords(model, words);
}

/** Tags and parses one span of text: its tokens with offsets into `text`. */
export function parseSpan(model: SyntaxModel, text: string, start: number, end: number): ParsedSentence['tokens'] {
  const tokens = syntaxTokens(text, start, end);
  const asides = positionAsides(tokens);
  if (!asides.length) {
    const a = analyzeWords(model, tokens.map((t) => t.text));
    return tokens.map((t, i) => ({ start: t.start, end: t.end, text: t.text, upos: a.upos[i], xpos: a.xpos[i], head: a.heads[i], deprel: a.deprels[i] }));
  }
  // Parse without the caption asides, then hang each aside's words on the name before it.
  const asideOf = new Map<number, (typeof asides)[number]>();
  for (const s of asides) for (let i = s.from; i < s.to; i++) asideOf.set(i, s);
  const kept = tokens.map((_, i) => i).filter((i) => !asideOf.has(i));
  const a = analyzeWords(model, kept.map((i) => tokens[i].text));
  const out: ParsedSentence['tokens'] = tokens.map((t) => ({ start: t.start, end: t.end, text: t.text, upos: 'PUNCT', xpos: ',', head: -1, deprel: 'punct' }));
  kept.forEach((i, k) => Object.assign(out[i], { upos: a.upos[k], xpos: a.xpos[k], head: a.heads[k] < 0 ? -1 : kept[a.heads[k]], deprel: a.deprels[k] }));
  for (const s of asides) {
    const word = tokens.findIndex((t, i) => i > s.from && i < s.to && /^\p{L}/u.test(t.text));
    for (let i = s.from; i < s.to; i++) {
      const punct = !/^\p{L}/u.test(tokens[i].text);
      if (punct) Object.assign(out[i], { upos: 'PUNCT', xpos: tokens[i].text === ',' ? ',' : tokens[i].text === '(' ? '-LRB-' : '-RRB-', head: word, deprel: 'punct' });
      else Object.assign(out[i], { upos: 'ADV', xpos: 'RB', head: i === word ? s.host : word, deprel: i === word ? 'advmod' : 'fixed' });
    }
  }
  return out;
}

/** The pipeline component that fills doc.syntax. */
export function syntaxComponent(model: SyntaxModel, options: SyntaxOptions = {}): (doc: Doc) => void {
  const select = options.select ?? hasMeetingCandidate;
  return (doc) => {
    doc.syntax = [];
    doc.sentences.forEach((s, i) => {
      if (!select(doc, i)) return;
      const tokens = parseSpan(model, doc.text, s.start, s.end);
      if (tokens.length) doc.syntax.push({ sentence: i, tokens });
    });
  };
}
