/**
 * Record files: JSONL exports (one article per line) and JSON arrays of articles, each record
 * `{id?, title?, text, url?, publishedAt?, source?}`.
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
    const record = recordInput(rec, name, 'JSONL record');
    if ('code' in record) errors.push(record);
    else inputs.push(record);
  });
  return { inputs, errors };
}

/** One record as an article Input, or the error saying what it lacks. */
function recordInput(rec: unknown, name: string, what: string): Input | InputError {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) return { input: name, code: 'BAD_INPUT_FILE', message: `${name}: a ${what} must be an object {"text": ..., "title"?: ...}.` };
  const r = rec as Record<string, unknown>;
  if (typeof r.text !== 'string' || !r.text.trim()) return { input: name, code: 'BAD_INPUT_FILE', message: `${name}: a ${what} needs a non-empty "text" string.` };
  const str = (k: string) => (typeof r[k] === 'string' && (r[k] as string).trim() ? (r[k] as string).trim() : undefined);
  return { name, text: r.text, single: true, meta: { id: str('id'), title: str('title'), url: str('url'), publishedAt: str('publishedAt') ?? str('published_at') ?? str('date'), source: str('source') } };
}

/**
 * True when the text is meant as a JSON array of records: it opens with `[` then `{` (or `]`).
 * A text that opens so but does not parse is malformed JSON, reported as such (not read as prose).
 */
export function looksLikeJsonArray(text: string): boolean {
  return /^\s*\[\s*(?:\{|\])/.test(text.slice(0, 4096));
}

/** Line and column (1-based) of a character offset, for a parse error a person can find. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Splits a JSON array of records into one Input per record; bad records become errors naming their index. */
export function jsonArrayInputs(input: Input): { inputs: Input[]; errors: InputError[] } {
  let value: unknown;
  try {
    value = JSON.parse(input.text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? ` at ${lineColumn(input.text, Number(at[1]))}` : /end of JSON input/.test(message) ? ` (it ends early, at ${lineColumn(input.text, input.text.length)})` : '';
    return { inputs: [], errors: [{ input: input.name, code: 'BAD_INPUT_FILE', message: `${input.name}: not valid JSON${where} (${message}); nothing in it was read.` }] };
  }
  if (!Array.isArray(value)) return { inputs: [], errors: [{ input: input.name, code: 'BAD_INPUT_FILE', message: `${input.name}: expected a JSON array of records.` }] };
  if (!value.length) return { inputs: [], errors: [{ input: input.name, code: 'EMPTY_INPUT', message: `${input.name}: the JSON array holds no records.` }] };
  const inputs: Input[] = [];
  const errors: InputError[] = [];
  value.forEach((rec, i) => {
    const record = recordInput(rec, `${input.name}[${i}]`, 'JSON record');
    if ('code' in record) errors.push(record);
    else inputs.push(record);
  });
  return { inputs, errors };
}

/**
 * The article records of a record file (JSON array or JSONL), or undefined for a page of text or
 * HTML. Only a whole file is split: an input that is already one record (`single`, `meta`) never is.
 */
export function recordInputs(input: Input): { inputs: Input[]; errors: InputError[] } | undefined {
  if (input.meta || input.single) return undefined;
  if (looksLikeJsonArray(input.text)) return jsonArrayInputs(input);
  if (looksLikeJsonl(input.text)) return jsonlInputs(input);
  return undefined;
}
