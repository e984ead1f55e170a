/**
 * Lines of a page with their offsets, and the tests that classify them: furniture,
 * title-like, captions, repeats.
 */
import { PHOTO_CREDIT } from './sources';

/** A trimmed, non-empty line of the input. */
export interface Line {
  start: number;
  end: number;
  text: string;
  /** Blank lines before this one. */
  gap: number;
  /** For text assembled from markup: the input slices it was built from, joined by single spaces. */
  pieces?: { text: string; start: number; end: number }[];
}

/** The non-empty lines of text[start, end), trimmed, with their offsets. */
export function splitLines(text: string, start = 0, end = text.length): Line[] {
  const out: Line[] = [];
  let gap = 0;
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n') {
      let a = s;
      let b = i;
      while (a < b && /\s/.test(text[a])) a++;
      while (b > a && /\s/.test(text[b - 1])) b--;
      if (b > a) {
        out.push({ start: a, end: b, text: text.slice(a, b), gap });
        gap = 0;
      } else gap++;
      s = i + 1;
    }
  }
  return out;
}

/** Comparison form for repeat detection: case, spacing and trailing punctuation ignored. */
export function repeatKey(line: string): string {
  return line.toLowerCase().replace(/\s+/g, '').replace(/[.!?…]+$/, '');
}

const FURNITURE = /^(?:share(?: this| on \w+)?|subscribe(?: now)?|sign up|advertisement|advert|read more|related(?: articles| stories)?|follow us(?: on \w+)?|print|e-?mail|comments?|tweet|more on this story|skip to (?:main )?content|cookie settings|accept(?: all)? cookies|menu|home|back to top|listen|watch|\d+ min read)\b.{0,40}$/i;

/** Page furniture: short non-sentences ("TT", "20"), share and subscribe lines, bare numbers. */
export function isFurniture(line: string): boolean {
  const words = line.split(/\s+/);
  if (FURNITURE.test(line) && words.length <= 8) return true;
  if (/^[\d\s:./|-]+$/.test(line)) return true;
  if (line.length <= 3) return true;
  if (words.length <= 2 && !/[.!?"”]$/.test(line) && line === line.toUpperCase() && line.length <= 12) return true;
  return false;
}

/** A headline: a few words, no sentence-final punctuation, most longer words capitalised or it opens the page. */
export function isTitleLike(line: string, first = false): boolean {
  const words = line.split(/\s+/);
  if (words.length < 2 || words.length > 25 || line.length > 200) return false;
  if (/[.:;,。；]$/.test(line) || isFurniture(line)) return false;
  if (first) return true;
  const long = words.filter((w) => /^\p{L}{4,}/u.test(w));
  const caps = long.filter((w) => /^\p{Lu}/u.test(w));
  return long.length > 0 && caps.length / long.length >= 0.6;
}

/** A photo caption: ends with a credit, or opens with a picture marker. */
export function isCaption(line: string): boolean {
  return PHOTO_CREDIT.test(line) || /^\((?:COMBO|FILE|PHOTO|FILES)\)/i.test(line) || /^(?:FILE PHOTO|Photo|Picture):/i.test(line);
}
