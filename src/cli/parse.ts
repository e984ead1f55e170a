/**
 * `kg parse`: part-of-speech tags and dependency trees as CoNLL-U. From text (a file or stdin),
 * each sentence of the pipeline's intake is tokenised EWT-style and parsed; with --conllu, the
 * file's own tokens and sentences are kept and only UPOS, XPOS, HEAD and DEPREL are predicted.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { intake } from '../extract/intake';
import { analyzeWords } from '../extract/syntax/analyze';
import { readConllu, writeConllu } from '../extract/syntax/conllu';
import { parseSpan, type SyntaxModel } from '../extract/syntax';
import { decodeText } from './read-inputs';

function readSource(file: string): { name: string; text: string } {
  const name = file === '-' ? 'stdin' : file;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    throw new ParseInputError(`cannot read ${name}: ${(error as Error).message}`);
  }
  if (bytes.length === 0) return { name, text: '' };
  const decoded = decodeText(bytes, name);
  if ('message' in decoded) throw new ParseInputError(decoded.message);
  return { name, text: decoded.text };
}

/** A bad input file for kg parse (reported as a message, not a stack trace). */
export class ParseInputError extends Error {}

/** CoNLL-U of plain text: one sentence block per sentence of the intake, TokenRange offsets into the input. */
export function parseTextToConllu(model: SyntaxModel, name: string, text: string): string {
  if (!text.trim()) return '';
  const out: string[] = [];
  let sentenceId = 0;
  for (const doc of intake({ name, text, single: true })) {
    for (const s of doc.sentences) {
      const tokens = parseSpan(model, doc.text, s.start, s.end);
      if (!tokens.length) continue;
      out.push(`# sent_id = ${++sentenceId}`, `# text = ${doc.text.slice(s.start, s.end).replace(/\s+/g, ' ')}`);
      tokens.forEach((t, i) => {
        const misc: string[] = [];
        const next = tokens[i + 1];
        if (next && next.start === t.end) misc.push('SpaceAfter=No');
        misc.push(`TokenRange=${doc.toInputOffset(t.start)}:${doc.toInputOffset(t.end)}`);
        out.push([i + 1, t.text, '_', t.upos, t.xpos, '_', t.head + 1, t.deprel, '_', misc.join('|')].join('\t'));
      });
      out.push('');
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

/** The same CoNLL-U with columns 4, 5, 7 and 8 predicted; everything else as it was. */
export function reparseConllu(model: SyntaxModel, text: string): string {
  const sentences = readConllu(text);
  for (const s of sentences) {
    const a = analyzeWords(model, s.words.map((w) => w.form));
    s.words.forEach((w, i) => {
      w.upos = a.upos[i];
      w.xpos = a.xpos[i];
      w.head = a.heads[i];
      w.deprel = a.deprels[i];
    });
  }
  return writeConllu(sentences);
}

/** Runs `kg parse`; returns the exit status. */
export function runParse(args: string[], model: () => SyntaxModel, out: (s: string) => void, err: (s: string) => void): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { conllu: { type: 'string' } } });
  try {
    if (values.conllu !== undefined) {
      const { text } = readSource(values.conllu);
      try {
        out(reparseConllu(model(), text));
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('CoNLL-U line')) throw new ParseInputError(`${values.conllu}: ${error.message}`);
        throw error;
      }
      return 0;
    }
    if (positionals.length > 1) throw new ParseInputError('kg parse takes one FILE (or - for stdin)');
    const { name, text } = readSource(positionals[0] ?? '-');
    out(parseTextToConllu(model(), name, text));
    return 0;
  } catch (error) {
    if (error instanceof ParseInputError) {
      err(`kg parse: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
