/**
 * NER evaluation on CoNLL-2003 dev. The product's figure runs each document's raw `text`
 * through the record contract of `kg extract --jsonl` (the same path as `kg ingest`) and scores
 * the final entity mentions, exact span and type; predictions overlapping a gold MISC span are
 * ignored (the product has no MISC class). The model alone over the gold tokens is a diagnostic.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseConllDocs, scoreSpans, type Score } from '../extract/ner/conll';
import type { NerModel } from '../extract/ner/model';
import { recognize } from '../extract/ner/recognize';
import type { Component } from '../extract/pipeline';
import { extractRecord } from '../extract/records';
import { readJsonl } from './data';

/** Scores of one run. */
export interface NerScores {
  docs: number;
  words: number;
  seconds: number;
  scores: Record<string, Score>;
}

interface GoldDoc {
  id: string;
  text: string;
  entities: { start: number; end: number; type: string }[];
  sentences: { tokens: string[] }[];
}

const CLASS_OF: Record<string, string> = { PERSON: 'PER', ORGANIZATION: 'ORG', PLACE: 'LOC' };
const DEV_FILE = (dataDir: string) => path.join(dataDir, 'conll2003', 'conll2003_en_dev.docs.jsonl');

/** The product's score: raw text in, final entity mentions out; null when the data is absent. */
export function evaluateConllEndToEnd(components: Component[], dataDir: string): NerScores | null {
  const docs = readJsonl<GoldDoc>(DEV_FILE(dataDir));
  if (!docs) return null;
  const started = process.hrtime.bigint();
  const gold: { start: number; end: number; cls: string }[][] = [];
  const predicted: { start: number; end: number; cls: string }[][] = [];
  for (const doc of docs) {
    const out = extractRecord({ id: doc.id, text: doc.text }, doc.id, components);
    const misc = doc.entities.filter((e) => e.type === 'MISC');
    gold.push(doc.entities.filter((e) => e.type !== 'MISC').map((e) => ({ start: e.start, end: e.end, cls: e.type })));
    const spans = 'error' in out ? [] : out.entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, cls: CLASS_OF[e.type] })));
    predicted.push(dedupe(spans).filter((p) => !misc.some((m) => m.start < p.end && p.start < m.end)));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // scoreSpans keys spans by start:end:class, so character offsets work as well as token indexes.
  const scores = scoreSpans(gold as never, predicted as never);
  return { docs: docs.length, words: countWords(docs), seconds, scores };
}

/** Diagnostic only (not the product's figure): the model over CoNLL's gold tokens and sentences. */
export function evaluateModelOnGoldTokens(model: NerModel, dataDir: string): NerScores | null {
  const file = DEV_FILE(dataDir);
  if (!fs.existsSync(file)) return null;
  const docs = parseConllDocs(fs.readFileSync(file, 'utf8'));
  const started = process.hrtime.bigint();
  const gold = docs.flatMap((d) => d.sentences.map((s) => s.spans));
  const predicted = docs.flatMap((d) => recognize(model, d.sentences.map((s) => s.words)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const words = docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.words.length, 0), 0);
  return { docs: docs.length, words, seconds, scores: scoreSpans(gold, predicted) };
}

function dedupe<T extends { start: number; end: number; cls: string }>(spans: T[]): T[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const key = `${s.start}:${s.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function countWords(docs: GoldDoc[]): number {
  return docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.tokens.length, 0), 0);
}
