/**
 * Intake: turns one input into clean article Docs (no entities or events yet).
 * Foundation slice: plain text, one article per input, title = first non-empty line.
 */
import { createHash } from 'node:crypto';
import type { Doc, Input, Sentence } from '../types';

/** A stable article id from normalised body text. */
export function articleId(text: string): string {
  const normalised = text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 16);
}

function naiveSentences(text: string, from: number): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^\n.!?]+(?:[.!?]+["')\]]*|$)/g;
  for (let m = re.exec(text.slice(from)); m; m = re.exec(text.slice(from))) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ start: from + m.index + lead, end: from + m.index + lead + trimmed.length, kind: 'body' });
  }
  return out;
}

/** Splits one input into article Docs. */
export function intake(input: Input): Doc[] {
  const text = input.text;
  const firstLine = /\S[^\n]*/.exec(text);
  const title = input.meta?.title ?? (firstLine ? firstLine[0].trim() : '');
  const sentences = naiveSentences(text, 0);
  if (firstLine && !input.meta?.title && sentences[0]) sentences[0].kind = 'title';
  return [
    {
      id: input.meta?.id ?? articleId(text),
      title,
      publishedAt: input.meta?.publishedAt ?? null,
      publishedAtInferred: false,
      url: input.meta?.url,
      sources: input.meta?.source ? [input.meta.source] : [],
      text,
      sentences,
      captions: [],
      inputSpan: { start: 0, end: text.length },
      toInputOffset: (offset) => offset,
      entities: [],
      events: [],
      warnings: [],
    },
  ];
}
