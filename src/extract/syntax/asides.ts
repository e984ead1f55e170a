/**
 * Photo-caption position asides: "Vladimir Putin, right, and Bashar Assad arrive", "Erdogan
 * (left) greets Bahceli". News captions mark where each person stands with a bare direction word
 * between commas or brackets right after a name. Treebank text has almost none of them, and the
 * parser reads "left" as the verb of the sentence, so the sentence is parsed without its asides
 * and each aside is hung back on the name it follows.
 */
import type { Token } from '../ner/tokens';

const POSITION = /^(?:left|right|center|centre|front|back|rear|top|bottom|foreground|background|far|second|third|fourth|from|upper|lower|row|l|r|c)$/i;
const DIRECTION = /^(?:left|right|center|centre|front|rear|foreground|background|l|r)$/i;

/** A run of tokens to leave out of the parse: [from, to) in token indices, hung on token `host`. */
export interface Aside {
  from: number;
  to: number;
  host: number;
}

/** The position asides of a sentence's tokens: an opening comma or bracket after a capitalised word, up to four position words, and a closing comma or bracket (kept when it ends the sentence). */
export function positionAsides(tokens: Token[]): Aside[] {
  const out: Aside[] = [];
  for (let i = 1; i < tokens.length - 1; i++) {
    const open = tokens[i].text;
    if (open !== ',' && open !== '(') continue;
    if (!/^\p{Lu}/u.test(tokens[i - 1].text) && tokens[i - 1].text !== ')') continue;
    let j = i + 1;
    while (j < tokens.length && j - i <= 4 && POSITION.test(tokens[j].text)) j++;
    const words = tokens.slice(i + 1, j).map((t) => t.text);
    // One-letter marks only in brackets ("(L)"); a run must hold a direction ("second from left", "center rear").
    if (!words.length || j - i > 4 || !words.some((w) => DIRECTION.test(w)) || (open === ',' && words.some((w) => w.length === 1))) continue;
    const close = tokens[j]?.text;
    if (open === '(' ? close !== ')' : close !== ',' && close !== '.' && close !== ';' && close !== ':' && close !== undefined) continue;
    // The closing comma or bracket goes with the aside; a full stop stays to end the sentence.
    const to = close === ',' || close === ')' ? j + 1 : j;
    out.push({ from: i, to, host: i - 1 });
    i = to - 1;
  }
  return out;
}
