/**
 * `kg eval ner|events|syntax|pairs`: the product's scores, end to end, against gold data (CoNLL-2003
 * dev, the seed expectations, WikiEvents, RAMS and M2E2 dev), each event set beside the keyword
 * baseline; the syntax layer on UD English EWT dev; and who-met-whom pairs on articles a reader
 * judged (files given by path). Datasets that are absent are skipped, not failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_EVAL_DATA, DEFAULT_SEED_GOLD, readJsonl } from '../eval/data';
import { evaluatePairs, PAIR_TYPES, type JudgedArticle, type JudgedEvents } from '../eval/pairs';
import { evaluateConllEndToEnd, evaluateModelOnGoldTokens } from '../eval/ner';
import { EVENT_SETS, evaluateEvents, BASELINE_KEYWORDS, CONTACT_TYPES, USER_MEETING_TYPES, type EventSetName, type EventSetScores } from '../eval/events';
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

const prfLine = (c: { precision: number; recall: number; f1: number; tp: number; gold: number }, recallOnly: boolean) =>
  recallOnly ? `R ${pct(c.recall)} (${c.tp}/${c.gold})` : `P ${pct(c.precision)} R ${pct(c.recall)} F1 ${pct(c.f1)} (${c.tp}/${c.gold})`;

const SET_TITLES: Record<EventSetName, string> = { wikievents: 'WikiEvents dev', rams: 'RAMS dev (strict meetings)', m2e2: 'M2E2 dev (VOA news)' };

/** Prints one event set: the product's meetings beside the keyword baseline, and its calls. */
function printEventSet(name: EventSetName, set: EventSetScores | null, out: (s: string) => void): void {
  if (!set) return out(`${SET_TITLES[name]}: skipped (not found)`);
  const recallOnly = !set.exhaustive;
  const { product, baseline } = set.meetings;
  out(`${SET_TITLES[name]}, ${set.docs} docs, end to end (kg extract output; meetings = ${USER_MEETING_TYPES.join('/')}):`);
  out(`  meetings  trigger ${prfLine(product.trigger, recallOnly)}`);
  if (product.participants) out(`            participants ${prfLine(product.participants, recallOnly || product.participants.predicted === product.participants.tp)}`);
  const key = recallOnly ? 'recall' : 'f1';
  const margin = (product.trigger[key] - baseline.trigger[key]) * 100;
  out(`  keyword baseline (${BASELINE_KEYWORDS.join(', ')})  trigger ${prfLine(baseline.trigger, recallOnly)}  -> product ${margin >= 0 ? '+' : ''}${margin.toFixed(1)} ${recallOnly ? 'recall' : 'F1'} points`);
  if (set.calls) out(`  calls     trigger ${prfLine(set.calls.product.trigger, recallOnly)}; participants ${prfLine(set.calls.product.participants!, true)}`);
  out(`  diagnostic, not the product's meeting figure: counting ${CONTACT_TYPES.slice(USER_MEETING_TYPES.length).join('/')} as meetings too, trigger ${prfLine(set.contact.trigger, recallOnly)}`);
}

/** Runs `kg eval`; returns the exit status and prints a report (JSON with --json). */
export function runEval(args: string[], out: (s: string) => void): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { data: { type: 'string' }, gold: { type: 'string' }, articles: { type: 'string' }, json: { type: 'boolean' }, list: { type: 'boolean' } } });
  const what = positionals[0];
  const dataDir = values.data ?? DEFAULT_EVAL_DATA;
  const goldFile = values.gold ?? DEFAULT_SEED_GOLD;
  if (what === 'ner') {
    const conll = evaluateConllEndToEnd(pipelineComponents(), dataDir);
    const modelAlone = evaluateModelOnGoldTokens(nerModel(), dataDir);
    const seed = seedReport(goldFile);
    if (values.json) return out(JSON.stringify({ conll, modelAlone, seed }, null, 2)), 0;
    if (!conll || !modelAlone) out(`CoNLL-2003 dev: skipped (${dataDir}/conll2003 not found)`);
    else {
      out(`CoNLL-2003 dev, end to end (raw text through kg extract, exact span; MISC-overlapping predictions ignored), ${conll.docs} docs, ${conll.words} words in ${conll.seconds.toFixed(2)} s:`);
      for (const t of ['PER', 'ORG', 'LOC', 'micro']) out(`  ${t.padEnd(6)} P ${pct(conll.scores[t].precision)}  R ${pct(conll.scores[t].recall)}  F1 ${pct(conll.scores[t].f1)}`);
      out(`  diagnostic, model alone over gold tokens (not the product's figure): micro F1 ${pct(modelAlone.scores.micro.f1)} (PER ${pct(modelAlone.scores.PER.f1)}, ORG ${pct(modelAlone.scores.ORG.f1)}, LOC ${pct(modelAlone.scores.LOC.f1)})`);
    }
    printSeed(seed, (w) => !/event|forbidden/.test(w), out);
    return 0;
  }
  if (what === 'events') {
    const seed = seedReport(goldFile);
    const sets = evaluateEvents(dataDir, pipelineComponents());
    if (values.json) return out(JSON.stringify({ seed, ...sets }, null, 2)), 0;
    printSeed(seed, (w) => /event|forbidden|article/.test(w), out);
    for (const name of EVENT_SETS) printEventSet(name, sets[name], out);
    return 0;
  }
  if (what === 'syntax') {
    const scores = evaluateSyntax(syntaxModel(), dataDir);
    if (values.json) return out(JSON.stringify({ ewtDev: scores }, null, 2)), 0;
    if (!scores) out(`UD English EWT dev: skipped (${dataDir}/ud/en_ewt-ud-dev.conllu not found)`);
    else out(`UD English EWT dev (gold tokens, punctuation included), ${scores.sentences} sentences, ${scores.words} words: UPOS ${pct2(scores.upos)}  XPOS ${pct2(scores.xpos)}  UAS ${pct2(scores.uas)}  LAS ${pct2(scores.las)}; tagger + parser ${Math.round(scores.wordsPerSecond)} words/s`);
    return 0;
  }
  if (what === 'pairs') {
    // Judged files live outside the repository (they quote the articles): both are given by path.
    if (!values.gold || !values.articles) return out('usage: kg eval pairs --gold JUDGED.jsonl --articles ARTICLES.jsonl [--json] [--list]'), 2;
    const articles = readJsonl<JudgedArticle>(values.articles);
    const judged = readJsonl<JudgedEvents>(values.gold);
    if (!articles || !judged) return out(`kg eval pairs: ${!articles ? values.articles : values.gold} not found`), 2;
    const scores = evaluatePairs(articles, judged, pipelineComponents());
    if (values.json) return out(JSON.stringify(scores, null, 2)), 0;
    const p = scores.pairs;
    out(`who-met-whom pairs on ${scores.articles} judged articles, end to end (kg extract output; ${PAIR_TYPES.join('/')}):`);
    out(`  pairs  P ${pct(p.precision)} (${p.right} of ${p.given} given)  R ${pct(p.recall)} (${p.found} of the reader's ${p.gold})  F1 ${pct(p.f1)}`);
    out(`  reader's events ${scores.events.gold}: a product event in the same sentence for ${scores.events.found}, ${scores.events.foundWithTwo} of them with two parties or more; status as the reader's for ${scores.events.statusAgrees} of ${scores.events.statusJudged}`);
    out(`  diagnostic, not the product's figure: of the reader's pairs between two proper names (no groups such as "union leaders"), found ${scores.named.found} of ${scores.named.gold} (R ${pct(scores.named.gold ? scores.named.found / scores.named.gold : 0)})`);
    if (values.list) {
      for (const m of scores.missed) out(`  missed ${m.article}: ${m.a} -- ${m.b}`);
      for (const w of scores.wrong) out(`  not the reader's ${w.article}: ${w.a} -- ${w.b} [${w.event}]`);
    }
    return 0;
  }
  out('usage: kg eval ner|events|syntax [--data DIR] [--gold seed-gold.json] [--json]; kg eval pairs --gold JUDGED.jsonl --articles ARTICLES.jsonl');
  return 2;
}
