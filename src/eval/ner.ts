/**
 * NER evaluation on CoNLL-2003 dev: the model over the gold tokens, exact span and type,
 * per type and micro over PER/ORG/LOC.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseConllDocs, scoreSpans, type Score } from '../extract/ner/conll';
import type { NerModel } from '../extract/ner/model';
import { recognize } from '../extract/ner/recognize';

/** Scores the model on the CoNLL-2003 dev split, or returns null when the data is absent. */
export function evaluateConll(model: NerModel, dataDir: string): { words: number; seconds: number; scores: Record<string, Score> } | null {
  const file = path.join(dataDir, 'conll2003', 'conll2003_en_dev.docs.jsonl');
  if (!fs.existsSync(file)) return null;
  const docs = parseConllDocs(fs.readFileSync(file, 'utf8'));
  const started = process.hrtime.bigint();
  const gold = docs.flatMap((d) => d.sentences.map((s) => s.spans));
  const predicted = docs.flatMap((d) => recognize(model, d.sentences.map((s) => s.words)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const words = docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.words.length, 0), 0);
  return { words, seconds, scores: scoreSpans(gold, predicted) };
}
