/**
 * Tokenisation in the CoNLL-2003 style the NER model was trained on: punctuation split off,
 * possessive "'s" apart, abbreviations ("U.S.", "Gen.") and numbers ("1.13bn", "0745") whole.
 */
import type { Span } from '../types';

/** A token with its offsets into the text it was cut from. */
export interface Token extends Span {
  text: string;
}

const WORD = /[\p{L}\p{M}\p{N}]/u;
const ABBREVIATION = /^(?:\p{L}\.){2,}$|^(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Maj|Sgt|Prof|St|Jr|Sr|Inc|Corp|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mt|Ft|No|vs|etc|Rev|Adm|Cmdr|Hon|Pres|Gov)\.$/u;
const MAX_TOKEN = 64;

/** Splits text[start, end) into tokens; long runs are cut so that work stays linear. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const chunk = /\S+/g;
  chunk.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = chunk.exec(text)) && m.index < end) {
    const chunkEnd = Math.min(m.index + m[0].length, end);
    splitChunk(text, m.index, chunkEnd, tokens);
  }
  return tokens;
}

function push(text: string, s: number, e: number, out: Token[]): void {
  for (let p = s; p < e; p += MAX_TOKEN) {
    const q = Math.min(e, p + MAX_TOKEN);
    out.push({ start: p, end: q, text: text.slice(p, q) });
  }
}

function splitChunk(text: string, s: number, e: number, out: Token[]): void {
  // Leading punctuation: quotes, brackets.
  while (s < e && !WORD.test(text[s]) && !(text[s] === '$' || text[s] === '£' || text[s] === '€' || text[s] === '#' || text[s] === '@')) {
    push(text, s, s + 1, out);
    s++;
  }
  if (s >= e) return;
  const tail: Token[] = [];
  // Trailing punctuation, except the period of an abbreviation.
  while (e > s) {
    const c = text[e - 1];
    if (WORD.test(c)) break;
    if (c === '.') {
      const word = text.slice(s, e);
      if (ABBREVIATION.test(word) || /^\p{Lu}\.$/u.test(word)) break;
    }
    if (c === '%' ) break;
    tail.unshift({ start: e - 1, end: e, text: c });
    e--;
  }
  if (e > s) {
    const word = text.slice(s, e);
    // Possessives and contractions split as in the Penn/CoNLL convention.
    const poss = /(?:['’]s|['’])$/u.exec(word);
    const nt = /n['’]t$/iu.exec(word);
    if (poss && poss.index > 0 && WORD.test(word[poss.index - 1] ?? '')) {
      push(text, s, s + poss.index, out);
      push(text, s + poss.index, e, out);
    } else if (nt && nt.index > 0) {
      push(text, s, s + nt.index, out);
      push(text, s + nt.index, e, out);
    } else {
      splitInner(text, s, e, out);
    }
  }
  out.push(...tail);
}

/** Splits a word on inner separators that never join a name: slashes, commas between words, brackets. */
function splitInner(text: string, s: number, e: number, out: Token[]): void {
  let p = s;
  for (let i = s; i < e; i++) {
    const c = text[i];
    const splitter = c === '/' || c === '(' || c === ')' || c === '"' || c === '“' || c === '”' || c === ';' || (c === ',' && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''))) || (c === ':' && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')));
    if (splitter) {
      if (i > p) push(text, p, i, out);
      push(text, i, i + 1, out);
      p = i + 1;
    }
  }
  if (e > p) push(text, p, e, out);
}
