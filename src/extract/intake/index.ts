/**
 * Intake: turns one input (plain text page, HTML page, or one JSONL or JSON-array record) into clean article
 * Docs: segmented, de-duplicated, with title, captions apart from the body, sources, a
 * publication date (given or inferred), sentences, and offsets that map back to the input.
 */
import { createHash } from 'node:crypto';
import { KgError } from '../../errors';
import type { Doc, Input, Sentence, Span } from '../types';
import { inferPublicationDate, normaliseGivenDate } from './dates';
import { looksLikeHtml, parseHtml } from './html';
import { splitLines, type Line } from './lines';
import { TextBuilder } from './offset-map';
import { segmentPage, type ArticleParts } from './segment';
import { splitSentences } from './sentences';
import { citedSources, creditSources, PHOTO_CREDIT } from './sources';

export { looksLikeJsonl, jsonlInputs, looksLikeJsonArray, jsonArrayInputs, recordInputs } from './jsonl';

/** Formats intake recognises. */
export type InputFormat = 'text' | 'html';

/** A stable article id: hash of the canonical URL when given, else of the normalised body. */
export function articleId(body: string, url?: string): string {
  const basis = url ? `url:${canonicalUrl(url)}` : body.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256').update(basis).digest('hex').slice(0, 16);
}

function canonicalUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (/^(utm_|fbclid|gclid|ref$)/.test(k)) u.searchParams.delete(k);
    return `${u.host.replace(/^www\./, '')}${u.pathname.replace(/\/$/, '')}${u.search}`.toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
}

/** Detects an input's format from its content, not its name. */
export function detectFormat(text: string): InputFormat {
  return looksLikeHtml(text) ? 'html' : 'text';
}

// Control characters other than tab, newlines and form feed.
const CONTROL = /[\u0000-\u0008\u000E-\u001F]/g;
// What invalid UTF-8 (or a wrong encoding) decodes to.
const REPLACEMENT = /\uFFFD/g;
/** Above this share of replacement characters a text is mostly undecodable: binary, not mis-decoded news. */
const MAX_REPLACEMENT_SHARE = 0.1;

/**
 * Whether a text is binary rather than text: any NUL, at least 3 control characters making up
 * over 2%, or more than a tenth replacement characters. A scraped page with a few percent of
 * replacement characters is still text (it gets a warning), since the rest of it can hold a meeting.
 */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const control = text.match(CONTROL)?.length ?? 0;
  if (control >= 3 && control / text.length > 0.02) return true;
  return (text.match(REPLACEMENT)?.length ?? 0) / Math.max(1, text.length) > MAX_REPLACEMENT_SHARE;
}

// A UTF-16 code unit of a surrogate pair without its other half.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The text with every lone surrogate replaced by U+FFFD (String#toWellFormed, which ES2023 lacks). */
export function toWellFormed(text: string): string {
  return text.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}

/**
 * The one text policy, for every entry point (files, JSONL records, the API, reindex): a lone
 * surrogate becomes U+FFFD here, before anything reads the text. The store keeps only valid
 * Unicode (it would turn them into U+FFFD itself), so text compared, hashed or re-extracted later is
 * the text stored, and a text mostly of them is refused as undecodable on first intake, not on reindex.
 */
export function wellFormedInput(input: Input): Input {
  const fix = (s: string | undefined) => (s !== undefined && LONE_SURROGATE.test(s) ? toWellFormed(s) : s);
  if (!LONE_SURROGATE.test(input.text) && !Object.values(input.meta ?? {}).some((v) => typeof v === 'string' && LONE_SURROGATE.test(v))) return input;
  const meta = input.meta && (Object.fromEntries(Object.entries(input.meta).map(([k, v]) => [k, fix(v)])) as Input['meta']);
  return { ...input, text: toWellFormed(input.text), ...(meta ? { meta } : {}) };
}

/** Splits one input into article Docs; throws KgError(BAD_INPUT_FILE) when no article text is found. */
export function intake(given: Input): Doc[] {
  const input = wellFormedInput(given);
  if (looksBinary(input.text)) {
    throw new KgError('BAD_INPUT_FILE', `${input.name}: the input is not text (it holds NUL or control characters, or is mostly undecodable).`, { input: input.name });
  }
  const format = detectFormat(input.text);
  let articles: ArticleParts[];
  let pageMeta: { title?: string; publishedAt?: string; author?: string; url?: string; siteName?: string } = {};
  if (format === 'html') {
    const page = parseHtml(input.text);
    pageMeta = page.meta;
    const lines = [page.title, ...page.captions, ...page.body].filter((l): l is Line => !!l);
    articles = lines.length ? [{ title: page.title, captions: page.captions, body: page.body, start: Math.min(...lines.map((l) => l.start)), end: Math.max(...lines.map((l) => l.end)), dropped: 0 }] : [];
  } else {
    articles = segmentPage(splitLines(input.text), input.single);
  }
  const docs = articles.map((parts) => buildDoc(input, format, parts, { ...pageMeta, ...definedOnly(input.meta ?? {}) })).filter((d) => d.sentences.some((s) => s.kind !== 'title'));
  if (!docs.length) {
    const what = format === 'html' ? 'HTML page has no article text (only markup, scripts or navigation)' : 'text has no sentence';
    throw new KgError('BAD_INPUT_FILE', `${input.name}: the ${what}.`, { input: input.name });
  }
  return docs;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function appendLine(b: TextBuilder, line: Line): Span {
  if (!line.pieces) return b.append(line.text, line.start, line.end);
  const start = b.length;
  line.pieces.forEach((p, i) => {
    if (i) b.separator(' ');
    b.append(p.text, p.start, p.end);
  });
  return { start, end: b.length };
}

function buildDoc(input: Input, format: InputFormat, parts: ArticleParts, meta: { title?: string; publishedAt?: string; author?: string; url?: string; siteName?: string; id?: string; source?: string }): Doc {
  const b = new TextBuilder();
  const sentences: Sentence[] = [];
  const captions: Span[] = [];
  const warnings: Doc['warnings'] = [];
  let title = meta.title ?? parts.title?.text ?? '';
  if (parts.title) {
    const span = appendLine(b, parts.title);
    sentences.push({ ...span, kind: 'title' });
    b.separator('\n\n');
  }
  for (const caption of parts.captions) {
    const span = appendLine(b, caption);
    captions.push(span);
    const text = b.toString();
    for (const s of splitSentences(text, span.start, span.end)) sentences.push({ ...s, kind: 'caption' });
    b.separator('\n');
  }
  if (parts.captions.length) b.separator('\n');
  const bodyStart = b.length;
  for (const line of parts.body) {
    const span = appendLine(b, line);
    for (const s of splitSentences(b.toString(), span.start, span.end)) sentences.push({ ...s, kind: 'body' });
    b.separator('\n\n');
  }
  const text = b.toString();
  const body = text.slice(bodyStart);
  if (!title) {
    const first = sentences.find((s) => s.kind === 'body');
    title = first ? text.slice(first.start, first.end).slice(0, 120) : '';
  }
  const sources = new Set<string>();
  if (meta.source) sources.add(meta.source);
  for (const c of captions) {
    const credit = PHOTO_CREDIT.exec(text.slice(c.start, c.end));
    if (credit) for (const s of creditSources(credit[0])) sources.add(s);
  }
  for (const s of citedSources(body)) sources.add(s);
  let publishedAt: string | null = null;
  let inferred = false;
  if (meta.publishedAt) {
    publishedAt = normaliseGivenDate(meta.publishedAt);
    if (!publishedAt) warnings.push({ code: 'BAD_DATE', message: `publication date "${meta.publishedAt}" is not a date (expected YYYY-MM-DD); inferring it from the text instead.` });
  }
  if (!publishedAt) {
    publishedAt = inferPublicationDate(text);
    inferred = publishedAt !== null;
  }
  const replaced = text.match(REPLACEMENT)?.length ?? 0;
  if (replaced) warnings.push({ code: 'REPLACEMENT_CHARACTERS', message: `${replaced} replacement character(s) (U+FFFD: text that was not valid in its encoding) kept as they are.` });
  if (parts.dropped) warnings.push({ code: 'DROPPED_LINES', message: `${parts.dropped} repeated or page-furniture line(s) dropped.` });
  const toInputOffset = b.toInput;
  return {
    id: meta.id ?? articleId(body || text, meta.url),
    title,
    publishedAt,
    publishedAtInferred: inferred,
    url: meta.url,
    author: meta.author,
    siteName: meta.siteName,
    sources: [...sources],
    text,
    sentences,
    captions,
    inputSpan: { start: parts.start, end: parts.end },
    inputName: input.name,
    inputText: input.text,
    format,
    toInputOffset,
    entities: [],
    syntax: [],
    events: [],
    warnings,
  };
}
