/**
 * `kg eval ner|events|syntax`: measured scores against gold data (CoNLL-2003 dev, the seed
 * expectations, WikiEvents and RAMS dev, UD English EWT dev). Datasets that are absent are skipped, not failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_EVAL_DATA, DEFAULT_SEED_GOLD } from '../eval/data';
import { evaluateConll } from '../eval/ner';
import { evaluateEvents } from '../eval/events';
import { evaluateSeed, type SeedReport } from '../eval/seed';
import { evaluateSyntax } from '../eval/syntax';
import { extract } from '../extract/pipeline';
import { nerModel, pipelineComponents, syntaxModel } from '../models';

const SEED_FILE = path.join(__dirname, '..', '..', 'seeds', '000_f8a6b1e95007139e.txt');
const pct = (x: number) => (x * 100).toFixed(1);
const pct2 = (x: number) => (x * 100).toFixed(2);

function seedReport(goldFile: string): SeedReport | null {
  if (!fs.existsSync(goldFile) || !fs.existsSync(SEED_FILE)) return null;
  const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8'));
  const { docs } = extract({ name: SEED_FILE, text: fs.readFileSync(SEED_FILE, 'utf8') }, pipelineComponents());
  return evaluateSeed(gold, docs);
}

function printSeed(report: SeedReport | null, filter: (what: string) => boolean, out: (s: string) => void): void {
  if (!report) return out('seed: skipped (seed-gold.json not found)');
  for (const c of report.checks.filter((c) => filter(c.what))) out(`${c.ok ? 'ok  ' : 'MISS'} ${c.what}${c.detail ? `  (${c.detail})` : ''}`);
  out(`seed: required ${report.required.found}/${report.required.total}, optional ${report.optional.found}/${report.optional.total}, forbidden emitted ${report.forbiddenEmitted}`);
}

/** Runs `kg eval`; returns the exit status and prints a report (JSON with --json). */
export function runEval(args: string[], out: (s: string) => void): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { data: { type: 'string' }, gold: { type: 'string' }, json: { type: 'boolean' } } });
  const what = positionals[0];
  const dataDir = values.data ?? DEFAULT_EVAL_DATA;
  const goldFile = values.gold ?? DEFAULT_SEED_GOLD;
  if (what === 'ner') {
    const conll = evaluateConll(nerModel(), dataDir);
    const seed = seedReport(goldFile);
    if (values.json) return out(JSON.stringify({ conll, seed }, null, 2)), 0;
    if (!conll) out(`CoNLL-2003 dev: skipped (${dataDir}/conll2003 not found)`);
    else {
      out(`CoNLL-2003 dev (exact span), ${conll.words} words in ${conll.seconds.toFixed(2)} s:`);
      for (const t of ['PER', 'ORG', 'LOC', 'micro']) out(`  ${t.padEnd(6)} P ${pct(conll.scores[t].precision)}  R ${pct(conll.scores[t].recall)}  F1 ${pct(conll.scores[t].f1)}`);
    }
    printSeed(seed, (w) => !/event|forbidden/.test(w), out);
    return 0;
  }
  if (what === 'events') {
    const seed = seedReport(goldFile);
    const sets = evaluateEvents(dataDir, pipelineComponents());
    if (values.json) return out(JSON.stringify({ seed, ...sets }, null, 2)), 0;
    printSeed(seed, (w) => /event|forbidden|article/.test(w), out);
    if (sets.wikievents) out(`WikiEvents dev (${sets.wikievents.docs} docs) meetings: trigger P ${pct(sets.wikievents.trigger.precision)} R ${pct(sets.wikievents.trigger.recall)} F1 ${pct(sets.wikievents.trigger.f1)} (${sets.wikievents.trigger.tp}/${sets.wikievents.trigger.gold}); participants P ${pct(sets.wikievents.participants!.precision)} R ${pct(sets.wikievents.participants!.recall)} F1 ${pct(sets.wikievents.participants!.f1)}`);
    else out('WikiEvents dev: skipped (not found)');
    if (sets.rams) out(`RAMS dev strict meetings: trigger recall ${pct(sets.rams.trigger.recall)} (${sets.rams.trigger.tp}/${sets.rams.trigger.gold}); participant recall ${pct(sets.rams.participants!.recall)}`);
    else out('RAMS dev: skipped (not found)');
    return 0;
  }
  if (what === 'syntax') {
    const scores = evaluateSyntax(syntaxModel(), dataDir);
    if (values.json) return out(JSON.stringify({ ewtDev: scores }, null, 2)), 0;
    if (!scores) out(`UD English EWT dev: skipped (${dataDir}/ud/en_ewt-ud-dev.conllu not found)`);
    else out(`UD English EWT dev (gold tokens, punctuation included), ${scores.sentences} sentences, ${scores.words} words: UPOS ${pct2(scores.upos)}  XPOS ${pct2(scores.xpos)}  UAS ${pct2(scores.uas)}  LAS ${pct2(scores.las)}; tagger + parser ${Math.round(scores.wordsPerSecond)} words/s`);
    return 0;
  }
  out('usage: kg eval ner|events|syntax [--data DIR] [--gold seed-gold.json] [--json]');
  return 2;
}
