/**
 * Trains the syntax model (tagger + arc-eager parser) on UD English EWT train, reports EWT dev
 * per parser epoch, and writes models/syntax/model.json.gz and scores.json.
 *   npm run train:syntax -- [--data ../shared/eval-data] [--out models/syntax]
 * Deterministic: the same data and options rebuild the model byte for byte.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import zlib from 'node:zlib';
import { readConllu } from '../src/extract/syntax/conllu';
import { parseSyntaxModel, serializeSyntaxModel } from '../src/extract/syntax/model';
import { inventories, jackknifeTags, rng, tagDictionary, trainParser, trainSentences, trainTagger, type TrainOptions } from '../src/extract/syntax/train';
import { scoreSyntax } from '../src/eval/syntax';
import { Scorer, pruned } from '../src/extract/syntax/classifier';
import { lexicon, tagSentence } from '../src/extract/syntax/tagger';
import { parseModel } from '../src/extract/ner/model';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/eval-data' },
    out: { type: 'string', default: 'models/syntax' },
    'tagger-epochs': { type: 'string', default: '8' },
    'parser-epochs': { type: 'string', default: '12' },
    folds: { type: 'string', default: '4' },
    explore: { type: 'string', default: '0.9' },
    seed: { type: 'string', default: '7' },
    'dev-every-epoch': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    'tagger-only': { type: 'boolean', default: false },
    clusters: { type: 'string', default: 'models/ner/model.json.gz' },
    'second-pass': { type: 'boolean', default: true },
    // Shipped weights drop entries of at most this size (in 1/32767 of the largest): smaller and, on dev, no worse.
    prune: { type: 'string', default: '100' },
    // With --dev-every-epoch: score dev from this parser epoch on, and write each epoch's model here
    // (the model a run with --parser-epochs N writes), to choose the epoch count.
    'dev-from': { type: 'string', default: '1' },
    'save-epochs': { type: 'string' },
    // Train on the first N training sentences only (quick experiments; 0: all).
    limit: { type: 'string', default: '0' },
    // Arc-eager with the root at the end of the buffer (Ballesteros & Nivre 2013); --no-root-end for Nivre's.
    'root-end': { type: 'boolean', default: false },
    // Experiments on the parser alone: keep the taggers, the jackknifed tags and the random state in
    // this file (written when absent, read when present); the model is the same as without it.
    'tag-cache': { type: 'string' },
    // Beam search (Zhang & Nivre 2011): the width, trained globally from parser epoch --beam-from on, and decoded with.
    beam: { type: 'string', default: '1' },
    'beam-from': { type: 'string', default: '1' },
    'max-violation': { type: 'boolean', default: false },
  },
});
const dataDir = path.resolve(values.data!);
const trainPath = path.join(dataDir, 'ud', 'en_ewt-ud-train.conllu');
const devPath = path.join(dataDir, 'ud', 'en_ewt-ud-dev.conllu');
if (!fs.existsSync(trainPath)) {
  console.log(`skipped: ${trainPath} not found (UD English EWT is not shipped with the repo)`);
  process.exit(0);
}
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (m: string) => console.log(`[${elapsed()}] ${m}`);
const pct = (x: number) => (x * 100).toFixed(2);

const trainConllu = readConllu(fs.readFileSync(trainPath, 'utf8'));
const dev = fs.existsSync(devPath) ? readConllu(fs.readFileSync(devPath, 'utf8')) : [];
const { tags, labels } = inventories(trainConllu);
const train = trainSentences(trainConllu, tags, labels).slice(0, Number(values.limit) || undefined);
const options: TrainOptions = {
  taggerEpochs: Number(values['tagger-epochs']),
  parserEpochs: Number(values['parser-epochs']),
  seed: Number(values.seed),
  folds: Number(values.folds),
  explore: Number(values.explore),
  rootEnd: values['root-end'],
  beam: Number(values.beam),
  beamFrom: Number(values['beam-from']),
  maxViolation: values['max-violation'],
  log,
};
const seeded = rng(options.seed);
let randomCalls = 0;
const random = () => (randomCalls++, seeded());
const dictionary = tagDictionary(train);
// The word clusters the NER learned from unlabelled news (scripts/word-clusters.ts), shipped in its model.
const clusters = values.clusters ? parseModel(fs.readFileSync(path.resolve(values.clusters))).clusters : new Map<string, string>();
const lex = lexicon(clusters);
log(`${train.length} sentences, ${tags.length} tags, ${labels.length} relations, ${dictionary.size} dictionary words; load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const devSentences = trainSentences(dev, tags, labels);
/** Dev accuracy of a tagger (a second pass when `firstPass` is given), for the per-epoch report. */
const devTagging = (label: string, firstPass?: Scorer) => (epoch: number, weights: Parameters<typeof serializeSyntaxModel>[0]['tagger']) => {
  const scorer = new Scorer(weights);
  let upos = 0;
  let xpos = 0;
  let total = 0;
  for (const s of devSentences) {
    const first = firstPass ? tagSentence(firstPass, dictionary, lex, s.words) : undefined;
    tagSentence(scorer, dictionary, lex, s.words, first).forEach((t, i) => {
      total++;
      if (t === s.tags[i]) xpos++;
      if (tags[t].split('|')[0] === tags[s.tags[i]].split('|')[0]) upos++;
    });
  }
  log(`  dev ${label} epoch ${epoch}: UPOS ${pct(upos / total)} UPOS|XPOS ${pct(xpos / total)}`);
};
const taggerOnly = values['tagger-only'];
const lastEpoch = (report: ReturnType<typeof devTagging>) => (epoch: number, weights: Parameters<typeof report>[1]) => (taggerOnly || epoch === options.taggerEpochs) && dev.length && report(epoch, weights);
type TaggerWeights = ReturnType<typeof trainTagger>;
// The cache holds no options: use one file per tagger configuration (--limit, --folds, --tagger-epochs, --seed).
const cachePath = values['tag-cache'] && !taggerOnly ? path.resolve(values['tag-cache']) : undefined;
let tagger: TaggerWeights;
let parserTags: number[][];
let tagger2: TaggerWeights | undefined;
if (cachePath && fs.existsSync(cachePath)) {
  const cached = v8.deserialize(zlib.gunzipSync(fs.readFileSync(cachePath))) as { tagger: TaggerWeights; tagger2?: TaggerWeights; parserTags: number[][]; randomCalls: number };
  ({ tagger, tagger2, parserTags } = cached);
  for (let i = 0; i < cached.randomCalls; i++) random();
  log(`taggers and jackknifed tags from ${cachePath}`);
} else {
  tagger = trainTagger(train, tags.length, dictionary, lex, options.taggerEpochs, random, log, lastEpoch(devTagging('tagger')));
  parserTags = jackknifeTags(train, tags.length, dictionary, lex, options, random);
  tagger2 = options.folds >= 2 && values['second-pass'] ? trainTagger(train, tags.length, dictionary, lex, options.taggerEpochs, random, log, lastEpoch(devTagging('second pass', new Scorer(tagger))), parserTags) : undefined;
  if (cachePath) fs.writeFileSync(cachePath, zlib.gzipSync(v8.serialize({ tagger, tagger2, parserTags, randomCalls })));
}
if (taggerOnly) process.exit(0);
const meta = {
  data: 'UD English EWT train (en_ewt-ud-train.conllu), tuned on en_ewt-ud-dev.conllu',
  licence: 'CC BY-SA 4.0 (trained on Universal Dependencies English EWT)',
  options: { taggerEpochs: options.taggerEpochs, parserEpochs: options.parserEpochs, seed: options.seed, folds: options.folds, explore: options.explore, prune: Number(values.prune), ...(options.rootEnd ? { rootEnd: true } : {}), ...(options.beam! > 1 ? { beam: options.beam, beamFrom: options.beamFrom, ...(options.maxViolation ? { maxViolation: true } : {}) } : {}) },
};
const prune = Number(values.prune);
type Weights = Parameters<typeof serializeSyntaxModel>[0]['moves'];
const build = (moves: Weights, labelWeights: Weights, parserEpochs = options.parserEpochs) =>
  serializeSyntaxModel({ tags, labels, dictionary, clusters, tagger: pruned(tagger, prune), tagger2: tagger2 && pruned(tagger2, prune), moves: pruned(moves, prune), labelWeights: pruned(labelWeights, prune), meta: { ...meta, options: { ...meta.options, parserEpochs } } });
const epochs: Record<string, unknown>[] = [];
const { moves, labels: labelWeights } = trainParser(train, parserTags, lex, labels.length, labels.indexOf('root'), {
  ...options,
  onParserEpoch: values['dev-every-epoch'] && dev.length
    ? (epoch, m, l) => {
        if (epoch < Number(values['dev-from'])) return;
        const bytes = build(m, l, epoch);
        if (values['save-epochs']) fs.mkdirSync(values['save-epochs'], { recursive: true }), fs.writeFileSync(path.join(values['save-epochs'], `epoch-${epoch}.json.gz`), bytes);
        const s = scoreSyntax(parseSyntaxModel(bytes), dev);
        epochs.push({ epoch, ...s });
        log(`  dev epoch ${epoch}: UPOS ${pct(s.upos)} XPOS ${pct(s.xpos)} UAS ${pct(s.uas)} LAS ${pct(s.las)}`);
      }
    : undefined,
}, random);
const buffer = build(moves, labelWeights);
const trainingSeconds = (Date.now() - started) / 1000;
// CPU time as well as wall time: on a shared machine the wall time mostly measures the others' load.
const cpuSeconds = process.cpuUsage().user / 1e6;
const model = parseSyntaxModel(buffer);
const scores = dev.length ? scoreSyntax(model, dev) : null;
if (scores) log(`dev: UPOS ${pct(scores.upos)} XPOS ${pct(scores.xpos)} UAS ${pct(scores.uas)} LAS ${pct(scores.las)}; ${Math.round(scores.wordsPerSecond)} words/s`);
log(`model ${(buffer.length / 1e6).toFixed(2)} MB; trained in ${trainingSeconds.toFixed(0)} s (${cpuSeconds.toFixed(0)} s of CPU); load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
if (!values['no-write']) {
  const out = path.resolve(values.out!);
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'model.json.gz'), buffer);
  fs.writeFileSync(path.join(out, 'scores.json'), JSON.stringify({ dev: scores, epochs, trainingSeconds, cpuSeconds, loadAverage: os.loadavg(), cpus: os.cpus().length, bytes: buffer.length }, null, 2) + '\n');
  log(`wrote ${out}`);
}
