/**
 * Sentence splitting for news text: abbreviations (U.S., Gen., Jan.), initials, quotes,
 * numbers (0745 GMT, $1.13bn) and lines without final punctuation (headlines, captions).
 */
import type { Span } from '../types';

const ABBREVIATIONS = new Set(
  'mr mrs ms dr gen sen rep gov lt col capt maj sgt prof st jr sr inc corp co ltd jan feb mar apr jun jul aug sep sept oct nov dec mt ft no vs etc rev adm cmdr hon pres gov dept univ approx est fig vol op cf al'.split(' '),
);

const SENTENCE_OPENERS = new Set('the he she it they we i but and in on a an this that there his her its their mr ms mrs after before when while if as at'.split(' '));

/** Splits text[start, end) into sentence spans; line breaks always end a sentence. */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let lineStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n') {
      splitLine(text, lineStart, i, out);
      lineStart = i + 1;
    }
  }
  return out;
}

function push(text: string, s: number, e: number, out: Span[]): void {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s) out.push({ start: s, end: e });
}

function splitLine(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    if (c !== '.' && c !== '!' && c !== '?') continue;
    // Extend over closing quotes and brackets, and repeated marks.
    let j = i + 1;
    while (j < end && /[.!?"'”’)\]]/.test(text[j])) j++;
    if (j >= end) break;
    if (!/\s/.test(text[j])) continue;
    let k = j;
    while (k < end && /\s/.test(text[k])) k++;
    if (k >= end) break;
    const next = text[k];
    if (!/[\p{Lu}\p{N}"“'‘(\[]/u.test(next)) continue;
    if (c === '.' && depth > 0 && !/[)\]]/.test(text.slice(i + 1, j))) continue;
    if (c === '.' && isAbbreviation(text, start, i)) continue;
    push(text, s, j, out);
    s = j;
    depth = 0;
  }
  push(text, s, end, out);
}

function isAbbreviation(text: string, lineStart: number, dot: number): boolean {
  let w = dot;
  while (w > lineStart && /[\p{L}.]/u.test(text[w - 1])) w--;
  const word = text.slice(w, dot);
  if (!word) return false;
  if (/^\p{Lu}$/u.test(word)) return true; // initial: "George W. Bush"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    // "U.S." mid-sentence is followed by a name; at a sentence end, by a sentence opener.
    const following = /^\s*(\S+)/.exec(text.slice(dot + 1))?.[1] ?? '';
    return !SENTENCE_OPENERS.has(following.replace(/[^\p{L}]/gu, '').toLowerCase());
  }
  return ABBREVIATIONS.has(word.toLowerCase());
}
