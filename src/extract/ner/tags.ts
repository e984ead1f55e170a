/**
 * BILOU tags over entity types, and the transitions that keep a tag sequence well formed.
 */

/** Entity classes the model labels; MISC is modelled but never emitted. */
export const CLASSES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
/** One of the model's entity classes. */
export type EntityClass = (typeof CLASSES)[number];

/** All tags: O, then B/I/L/U of each class. */
export const TAGS: string[] = ['O', ...CLASSES.flatMap((c) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${c}`))];

/** Whether tag `b` may follow tag `a` (a = -1 means sentence start; b = -1 means sentence end). */
export function allowed(a: number, b: number): boolean {
  const pa = a < 0 ? 'O' : TAGS[a][0];
  const ca = a < 0 ? '' : TAGS[a].slice(2);
  if (b < 0) return pa === 'O' || pa === 'L' || pa === 'U';
  const pb = TAGS[b][0];
  const cb = TAGS[b].slice(2);
  const open = pa === 'B' || pa === 'I';
  if (open) return (pb === 'I' || pb === 'L') && ca === cb;
  return pb === 'O' || pb === 'B' || pb === 'U';
}

/** A labelled span in token indices [start, end). */
export interface TokenSpan {
  start: number;
  end: number;
  cls: EntityClass;
}

/** Encodes spans as a BILOU tag-index sequence. */
export function encode(length: number, spans: TokenSpan[]): number[] {
  const tags = new Array<number>(length).fill(0);
  for (const s of spans) {
    if (s.end - s.start === 1) tags[s.start] = TAGS.indexOf(`U-${s.cls}`);
    else {
      tags[s.start] = TAGS.indexOf(`B-${s.cls}`);
      for (let i = s.start + 1; i < s.end - 1; i++) tags[i] = TAGS.indexOf(`I-${s.cls}`);
      tags[s.end - 1] = TAGS.indexOf(`L-${s.cls}`);
    }
  }
  return tags;
}

/** Decodes a tag-index sequence into spans, tolerating ill-formed runs. */
export function decode(tags: number[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = TAGS[tags[i]];
    const p = t[0];
    const c = t.slice(2) as EntityClass;
    if (p === 'O') {
      if (open) spans.push({ ...open, end: i });
      open = null;
    } else if (p === 'U') {
      if (open) spans.push({ ...open, end: i });
      open = null;
      spans.push({ start: i, end: i + 1, cls: c });
    } else if (p === 'B' || !open || open.cls !== c) {
      if (open) spans.push({ ...open, end: i });
      open = { start: i, end: i + 1, cls: c };
      if (p === 'L') {
        spans.push({ ...open, end: i + 1 });
        open = null;
      }
    } else if (p === 'L') {
      spans.push({ ...open, end: i + 1 });
      open = null;
    }
  }
  if (open) spans.push({ ...open, end: tags.length });
  return spans;
}
