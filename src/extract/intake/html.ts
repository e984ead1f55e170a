/**
 * HTML pages: the article's blocks (headline, paragraphs, captions) with input offsets,
 * and the metadata pages carry (meta tags and JSON-LD: date, author, URL, site name).
 * Scripts, styles, navigation, headers, footers and forms are dropped.
 */
import { Parser } from 'htmlparser2';
import type { Line } from './lines';

/** What an HTML page yields. */
export interface HtmlPage {
  title: Line | null;
  captions: Line[];
  body: Line[];
  meta: { title?: string; publishedAt?: string; author?: string; url?: string; siteName?: string };
}

const SKIP = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'svg', 'iframe', 'template', 'select', 'menu']);
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'figcaption', 'blockquote', 'td', 'dd', 'dt', 'pre', 'title', 'caption', 'div', 'section', 'article', 'main', 'br', 'figure', 'tr', 'ul', 'ol', 'table', 'body']);

/** True when the text looks like HTML rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) return true;
  const tags = text.slice(0, 20000).match(/<\/?(?:p|div|span|a|h[1-6]|body|head|meta|script|br|article|figure|img)\b[^>]*>/gi);
  return (tags?.length ?? 0) >= 3;
}

/** Parses an HTML page into blocks with offsets into `html`. */
export function parseHtml(html: string): HtmlPage {
  const blocks: { tag: string; line: Line }[] = [];
  const meta: HtmlPage['meta'] = {};
  const stack: string[] = [];
  let skipDepth = 0;
  let current: { tag: string; pieces: NonNullable<Line['pieces']> } | null = null;
  let docTitle = '';
  let inTitle = false;
  let jsonLd: string | null = null;
  const openBlocks: string[] = [];

  const flush = () => {
    if (current && current.pieces.length) {
      const text = current.pieces.map((p) => p.text).join(' ');
      blocks.push({ tag: current.tag, line: { start: current.pieces[0].start, end: current.pieces[current.pieces.length - 1].end, text, gap: 0, pieces: current.pieces } });
    }
    current = null;
  };

  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name);
        if (name === 'meta') readMeta(attrs, meta);
        if (name === 'link' && attrs.rel === 'canonical' && attrs.href) meta.url ??= attrs.href;
        if (name === 'time' && attrs.datetime && (attrs.itemprop === 'datePublished' || attrs.pubdate !== undefined)) meta.publishedAt ??= attrs.datetime;
        if (name === 'script' && /ld\+json/i.test(attrs.type ?? '')) jsonLd = '';
        if (name === 'title') inTitle = true;
        if (SKIP.has(name)) skipDepth++;
        if (BLOCKS.has(name)) {
          flush();
          openBlocks.push(name);
        }
      },
      ontext(text) {
        if (jsonLd !== null) {
          jsonLd += text;
          return;
        }
        if (inTitle) {
          docTitle += text;
          return;
        }
        if (skipDepth > 0) return;
        const rawStart = parser.startIndex;
        const rawEnd = parser.endIndex + 1;
        const tag = openBlocks[openBlocks.length - 1] ?? 'body';
        if (!current || current.tag !== tag) {
          flush();
          current = { tag, pieces: [] };
        }
        const raw = html.slice(rawStart, rawEnd);
        if (raw === text) {
          for (const m of text.matchAll(/\S+/g)) current.pieces.push({ text: m[0], start: rawStart + m.index!, end: rawStart + m.index! + m[0].length });
        } else {
          const collapsed = text.replace(/\s+/g, ' ').trim();
          if (collapsed) current.pieces.push({ text: collapsed, start: rawStart, end: rawEnd });
        }
      },
      onclosetag(name) {
        if (name === 'script' && jsonLd !== null) {
          readJsonLd(jsonLd, meta);
          jsonLd = null;
        }
        if (name === 'title') inTitle = false;
        if (SKIP.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (BLOCKS.has(name)) {
          flush();
          const i = openBlocks.lastIndexOf(name);
          if (i >= 0) openBlocks.length = i;
        }
        stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  const h1 = blocks.find((b) => b.tag === 'h1');
  // <title> usually carries the site's name too ("Site | Headline"): the page's h1 is the headline.
  if (docTitle.trim() && !h1) meta.title ??= docTitle.replace(/\s+/g, ' ').trim();
  const title = h1?.line ?? null;
  const captions = blocks.filter((b) => b.tag === 'figcaption' || b.tag === 'caption').map((b) => b.line);
  const body = blocks.filter((b) => b !== h1 && b.tag !== 'figcaption' && b.tag !== 'caption' && b.tag !== 'title').map((b) => b.line);
  return { title, captions, body, meta };
}

function readMeta(attrs: Record<string, string>, meta: HtmlPage['meta']): void {
  const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
  const content = attrs.content?.trim();
  if (!content) return;
  if (['article:published_time', 'datepublished', 'pubdate', 'publishdate', 'date', 'dc.date.issued', 'dcterms.created', 'og:published_time', 'sailthru.date'].includes(key)) meta.publishedAt ??= content;
  else if (key === 'og:title' || key === 'twitter:title') meta.title ??= content;
  else if (key === 'author' || key === 'article:author') meta.author ??= content;
  else if (key === 'og:url') meta.url ??= content;
  else if (key === 'og:site_name' || key === 'application-name') meta.siteName ??= content;
}

function readJsonLd(text: string, meta: HtmlPage['meta']): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return;
  }
  const items: unknown[] = Array.isArray(data) ? data : [data, ...(((data as { '@graph'?: unknown[] })['@graph']) ?? [])];
  for (const item of items) {
    if (!item || typeof item !== 'object') continue;
    const o = item as Record<string, unknown>;
    if (typeof o.datePublished === 'string') meta.publishedAt ??= o.datePublished;
    if (typeof o.headline === 'string') meta.title ??= o.headline;
    if (typeof o.url === 'string' && /Article/i.test(String(o['@type']))) meta.url ??= o.url;
    const author = Array.isArray(o.author) ? o.author[0] : o.author;
    if (author && typeof author === 'object' && typeof (author as { name?: unknown }).name === 'string') meta.author ??= (author as { name: string }).name;
    const publisher = o.publisher as { name?: unknown } | undefined;
    if (publisher && typeof publisher.name === 'string') meta.siteName ??= publisher.name;
  }
}
