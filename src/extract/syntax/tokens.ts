/**
 * Tokenisation in the UD English EWT style the syntax model was trained on: the NER's tokens
 * (punctuation split off, "U.S." and abbreviations whole, possessive 's and n't apart) with the
 * other clitics split as EWT does: I'm -> I 'm, we're -> we 're, they'll, I've, he'd, and
 * cannot -> can not, gonna -> gon na.
 */
import { tokenize, type Token } from '../ner/tokens';

const CLITIC = /^([\p{L}\p{N}]+)(['’](?:re|ll|ve|d|m))$/iu;
const FUSED = /^(can)(not)$|^(gon|wan|got)(na|ta)$/i;

/** EWT-style tokens of text[start, end), offsets into text. */
export function syntaxTokens(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  for (const t of tokenize(text, start, end)) {
    const m = CLITIC.exec(t.text) ?? FUSED.exec(t.text);
    if (!m) {
      out.push(t);
      continue;
    }
    const cut = t.start + (m[1] ?? m[3]).length;
    out.push({ start: t.start, end: cut, text: text.slice(t.start, cut) }, { start: cut, end: t.end, text: text.slice(cut, t.end) });
  }
  return out;
}
