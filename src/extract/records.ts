/**
 * The record contract of `kg extract --jsonl`, which evaluation tools depend on: each input line
 * `{id, text, title?, publishedAt?}` is one document (never split into articles), and yields one
 * output line `{id, title, publishedAt, entities, events, warnings}` with every offset into that
 * line's `text`, or `{id, error: {code, message}}` when the line cannot be extracted.
 */
import { extract, type Component } from './pipeline';
import { toPublicJson } from './output';

/** The public extraction of one document, offsets into its input text. */
export type PublicDoc = ReturnType<typeof toPublicJson>;

/** One output line of the record contract. */
export type RecordOutput =
  | { id: string | null; title: string; publishedAt: string | null; entities: PublicDoc['entities']; events: PublicDoc['events']; warnings: PublicDoc['warnings'] }
  | { id: string | null; error: { code: string; message: string } };

/** One input record, already parsed. */
export interface InputRecord {
  id?: unknown;
  text?: unknown;
  title?: unknown;
  publishedAt?: unknown;
}

const stringOr = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** Extracts one parsed record as one document. */
export function extractRecord(record: InputRecord, name: string, components: Component[]): RecordOutput {
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : null;
  if (typeof record.text !== 'string' || !record.text.trim()) return { id, error: { code: 'BAD_INPUT_FILE', message: `${name}: a record needs a non-empty "text" string.` } };
  const result = extract({ name, text: record.text, single: true, meta: { id: id ?? undefined, title: stringOr(record.title), publishedAt: stringOr(record.publishedAt) } }, components);
  const doc = result.docs[0];
  if (!doc) {
    const error = result.errors[0] ?? { code: 'BAD_INPUT_FILE', message: `${name}: no article text.` };
    return { id, error: { code: error.code, message: error.message } };
  }
  const out = toPublicJson(doc, doc.inputText);
  return { id: id ?? out.id, title: out.title, publishedAt: out.publishedAt, entities: out.entities, events: out.events, warnings: out.warnings };
}

/** Extracts one JSONL line (`lineNumber` counts from 1, for messages). */
export function extractRecordLine(line: string, lineNumber: number, source: string, components: Component[]): RecordOutput {
  const name = `${source}:${lineNumber}`;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return { id: null, error: { code: 'BAD_INPUT_FILE', message: `${name}: not valid JSON (${(error as Error).message}).` } };
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) return { id: null, error: { code: 'BAD_INPUT_FILE', message: `${name}: a line must hold one JSON object.` } };
  return extractRecord(record as InputRecord, name, components);
}
