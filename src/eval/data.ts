/**
 * Where the third-party evaluation data lives (never in the repo) and how to read it.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Default data path: ../shared/eval-data from the project root. */
export const DEFAULT_EVAL_DATA = path.join(__dirname, '..', '..', '..', 'shared', 'eval-data');
/** The hand-made seed expectations. */
export const DEFAULT_SEED_GOLD = path.join(__dirname, '..', '..', '..', 'shared', 'eval', 'seed-gold.json');

/** Reads a JSONL file, or returns null when it is absent (the data is not shipped). */
export function readJsonl<T>(file: string): T[] | null {
  if (!fs.existsSync(file)) return null;
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** Precision, recall and F1 from counts. */
export function prf(tp: number, predicted: number, gold: number): { precision: number; recall: number; f1: number; tp: number; predicted: number; gold: number } {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, tp, predicted, gold };
}
