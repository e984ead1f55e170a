/**
 * JSONL exports: one article per line, `{id?, title?, text, url?, publishedAt?, source?}`.
 */
import type { Input, InputError } from '../types';

/** True when the text is JSON Lines (every non-empty line of the first few is a JSON object). */
export function looksLikeJsonl(text: string): boolean {
  const lines = text.slice(0, 200000).split('\n').filter((l) => l.trim()).slice(0, 5);
  if (!lines.length || !lines[0].trimStart().startsWith('{')) return false;
  const parses = (l: string) => {
    try {
      const value = JSON.parse(l);
      return typeof value === 'object' && value !== null;
    } catch {
      return false;
    }
  };
  // The first record must parse; a bad line further on is reported as that line's error.
  return parses(lines[0]) && lines.filter(parses).length * 2 > lines.length;
}

/** Splits a JSONL input into one Input per record; bad records become errors naming their line. */
export function jsonlInputs(input: Input): { inputs: Input[]; errors: InputError[] } {
  const inputs: Input[] = [];
  const errors: InputError[] = [];
  input.text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const name = `${input.name}:${i + 1}`;
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(line);
    } catch (error) {
      errors.push({ input: name, code: 'BAD_INPUT_FILE', message: `${name}: not valid JSON (${(error as Error).message}).` });
      return;
    }
    if (!rec || typeof rec !== 'object' || typeof rec.text !== 'string' || !rec.text.trim()) {
      errors.push({ input: name, code: 'BAD_INPUT_FILE', message: `${name}: a JSONL record needs a non-empty "text" string.` });
      return;
    }
    const str = (k: string) => (typeof rec[k] === 'string' && (rec[k] as string).trim() ? (rec[k] as string).trim() : undefined);
    inputs.push({ name, text: rec.text, single: true, meta: { id: str('id'), title: str('title'), url: str('url'), publishedAt: str('publishedAt') ?? str('published_at') ?? str('date'), source: str('source') } });
  });
  return { inputs, errors };
}
