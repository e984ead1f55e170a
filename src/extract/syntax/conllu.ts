/**
 * CoNLL-U reading and writing (https://universaldependencies.org/format.html): sentences of
 * syntactic words, keeping every original line so a file can be written back with only the
 * predicted columns changed. Multi-word token lines ("3-4") are kept as they are; empty nodes
 * ("5.1") are skipped for parsing but kept in the output.
 */

/** One syntactic word of a CoNLL-U sentence. */
export interface ConlluWord {
  form: string;
  upos: string;
  xpos: string;
  /** Head as a 0-based word index, -1 for the root. */
  head: number;
  deprel: string;
  /** Index of the word's line in `ConlluSentence.lines`. */
  line: number;
}

/** A sentence: its raw lines (comments, word, multi-word and empty-node lines) and its words. */
export interface ConlluSentence {
  lines: string[];
  words: ConlluWord[];
}

/** Parses CoNLL-U text; throws with the line number on a malformed word line. */
export function readConllu(text: string): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let current: ConlluSentence = { lines: [], words: [] };
  const lines = text.split(/\r?\n/);
  lines.forEach((line, at) => {
    if (line.trim() === '') {
      if (current.lines.length) sentences.push(current);
      current = { lines: [], words: [] };
      return;
    }
    current.lines.push(line);
    if (line.startsWith('#')) return;
    const cols = line.split('\t');
    if (cols.length !== 10) throw new Error(`CoNLL-U line ${at + 1}: expected 10 tab-separated columns, found ${cols.length}`);
    if (/^\d+$/.test(cols[0])) {
      const head = cols[6] === '_' ? -1 : Number(cols[6]) - 1;
      if (!Number.isInteger(head)) throw new Error(`CoNLL-U line ${at + 1}: bad HEAD "${cols[6]}"`);
      current.words.push({ form: cols[1], upos: cols[3], xpos: cols[4], head, deprel: cols[7], line: current.lines.length - 1 });
    } else if (!/^\d+-\d+$|^\d+\.\d+$/.test(cols[0])) throw new Error(`CoNLL-U line ${at + 1}: bad ID "${cols[0]}"`);
  });
  if (current.lines.length) sentences.push(current);
  return sentences;
}

/** Writes sentences back, with columns 4, 5, 7 and 8 of each word line taken from its word. */
export function writeConllu(sentences: ConlluSentence[]): string {
  const out: string[] = [];
  for (const s of sentences) {
    const lines = s.lines.slice();
    for (const w of s.words) {
      const cols = lines[w.line].split('\t');
      cols[3] = w.upos;
      cols[4] = w.xpos;
      cols[6] = String(w.head + 1);
      cols[7] = w.deprel;
      lines[w.line] = cols.join('\t');
    }
    out.push(lines.join('\n'), '');
  }
  return out.join('\n') + (out.length ? '\n' : '');
}
