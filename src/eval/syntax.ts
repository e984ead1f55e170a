/**
 * Syntax evaluation on UD English EWT dev over the gold tokens: UPOS and XPOS accuracy, UAS
 * and LAS with punctuation included (as in the CoNLL 2018 shared task; LAS compares the full
 * relation with its subtype), and the tagger + parser speed in words per second.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyzeWords } from '../extract/syntax/analyze';
import { readConllu, type ConlluSentence } from '../extract/syntax/conllu';
import type { SyntaxModel } from '../extract/syntax/model';

/** Scores of one run. */
export interface SyntaxScores {
  sentences: number;
  words: number;
  upos: number;
  xpos: number;
  uas: number;
  las: number;
  seconds: number;
  wordsPerSecond: number;
}

/** The EWT dev file under a data directory. */
export function ewtDevPath(dataDir: string): string {
  return path.join(dataDir, 'ud', 'en_ewt-ud-dev.conllu');
}

/** Scores a model on gold-tokenised sentences. */
export function scoreSyntax(model: SyntaxModel, sentences: ConlluSentence[]): SyntaxScores {
  let words = 0;
  let upos = 0;
  let xpos = 0;
  let uas = 0;
  let las = 0;
  const started = process.hrtime.bigint();
  const predicted = sentences.map((s) => analyzeWords(model, s.words.map((w) => w.form)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  sentences.forEach((s, i) => {
    const p = predicted[i];
    s.words.forEach((w, k) => {
      words++;
      if (p.upos[k] === w.upos) upos++;
      if (p.xpos[k] === w.xpos) xpos++;
      if (p.heads[k] === w.head) {
        uas++;
        if (p.deprels[k] === w.deprel) las++;
      }
    });
  });
  const r = (x: number) => (words ? x / words : 0);
  return { sentences: sentences.length, words, upos: r(upos), xpos: r(xpos), uas: r(uas), las: r(las), seconds, wordsPerSecond: seconds ? words / seconds : 0 };
}

/** Scores the model on EWT dev, or returns null when the data is absent. */
export function evaluateSyntax(model: SyntaxModel, dataDir: string): SyntaxScores | null {
  const file = ewtDevPath(dataDir);
  if (!fs.existsSync(file)) return null;
  return scoreSyntax(model, readConllu(fs.readFileSync(file, 'utf8')));
}
