/**
 * Reading CoNLL-2003 documents (the `.docs.jsonl` form) into words and gold spans, and
 * scoring predicted spans against gold the way conlleval does (exact span and type).
 */
import type { EntityClass, TokenSpan } from './tags';

/** One gold document: sentences of words with their gold spans. */
export interface ConllDoc {
  id: string;
  sentences: { words: string[]; spans: TokenSpan[] }[];
}

/** Parses the text of a `.docs.jsonl` file. */
export function parseConllDocs(jsonl: string): ConllDoc[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => {
      const d = JSON.parse(line) as { id: string; sentences: { tokens: string[]; tags: string[] }[] };
      return {
        id: d.id,
        sentences: d.sentences.map((s) => ({ words: s.tokens, spans: iobSpans(s.tags) })),
      };
    });
}

function iobSpans(tags: string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | null = null;
  tags.forEach((tag, i) => {
    const [p, c] = tag === 'O' ? ['O', ''] : [tag[0], tag.slice(2)];
    if (p === 'O' || p === 'B' || !open || open.cls !== c) {
      if (open) spans.push({ ...open, end: i });
      open = p === 'O' ? null : { start: i, end: i + 1, cls: c as EntityClass };
    }
  });
  if (open) spans.push({ ...(open as TokenSpan), end: tags.length });
  return spans;
}

/** Precision, recall and F1 counts of one entity class. */
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Scores predicted against gold spans per class and micro over PER/ORG/LOC (MISC ignored). */
export function scoreSpans(gold: TokenSpan[][], predicted: TokenSpan[][], classes: EntityClass[] = ['PER', 'ORG', 'LOC']): Record<string, Score> {
  const counts: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const c of [...classes, 'micro']) counts[c] = { tp: 0, fp: 0, fn: 0 };
  gold.forEach((g, i) => {
    const key = (s: TokenSpan) => `${s.start}:${s.end}:${s.cls}`;
    const gs = new Set(g.filter((s) => classes.includes(s.cls)).map(key));
    const ps = new Set(predicted[i].filter((s) => classes.includes(s.cls)).map(key));
    for (const k of ps) {
      const c = k.split(':')[2];
      const hit = gs.has(k);
      counts[c][hit ? 'tp' : 'fp']++;
      counts.micro[hit ? 'tp' : 'fp']++;
    }
    for (const k of gs) if (!ps.has(k)) {
      counts[k.split(':')[2]].fn++;
      counts.micro.fn++;
    }
  });
  const out: Record<string, Score> = {};
  for (const [c, { tp, fp, fn }] of Object.entries(counts)) {
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    out[c] = { tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  }
  return out;
}
