/**
 * Trains the NER model from CoNLL-2003 train, picks the epoch by dev F1, and writes
 * models/ner/model.json.gz plus the scores for the model card.
 *   npm run train:ner -- [--data ../shared/eval-data] [--epochs 12] [--out models/ner]
 * Updates are passive-aggressive with Hamming-loss-augmented decoding; `--update perceptron
 * --cost 0` gives the plain averaged perceptron (0.5 F1 lower on dev, measured with ±1 contexts).
 * `--stage1-only` reports the first stage per epoch and writes nothing, for feature experiments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseConllDocs, scoreSpans, type ConllDoc } from '../src/extract/ner/conll';
import { documentEvidence, labelHistory, sentenceFeatures } from '../src/extract/ner/features';
import { gazetteer } from '../src/extract/ner/gazetteer';
import { PerceptronTrainer, type PerceptronWeights } from '../src/extract/ner/perceptron';
import { encode } from '../src/extract/ner/tags';
import { serializeModel, type NerModel } from '../src/extract/ner/model';
import { recognize } from '../src/extract/ner/recognize';
import { learnClusters } from './word-clusters';

const { values } = parseArgs({ options: { data: { type: 'string', default: '../shared/eval-data' }, epochs: { type: 'string', default: '12' }, out: { type: 'string', default: 'models/ner' }, seed: { type: 'string', default: '7' }, clusters: { type: 'string', default: '1' }, update: { type: 'string', default: 'pa' }, aggressiveness: { type: 'string', default: '1' }, cost: { type: 'string', default: '1' }, prune: { type: 'string', default: '0.01' }, 'stage1-only': { type: 'boolean', default: false } } });
const dataDir = path.resolve(values.data!);
const trainPath = path.join(dataDir, 'conll2003', 'conll2003_en_train.docs.jsonl');
const devPath = path.join(dataDir, 'conll2003', 'conll2003_en_dev.docs.jsonl');
if (!fs.existsSync(trainPath)) {
  console.log(`skipped: ${trainPath} not found (the CoNLL-2003 data is not shipped with the repo)`);
  process.exit(0);
}

let seed = Number(values.seed);
const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);

const train = parseConllDocs(fs.readFileSync(trainPath, 'utf8'));
const dev = parseConllDocs(fs.readFileSync(devPath, 'utf8'));
const started = Date.now();

if (values.update !== 'pa' && values.update !== 'perceptron') {
  console.error(`--update ${values.update}: use pa (passive-aggressive) or perceptron`);
  process.exit(2);
}
const PRUNE = Number(values.prune);
const AGGRESSIVENESS = values.update === 'pa' ? Number(values.aggressiveness) : undefined;
const COST = Number(values.cost);
const { clusters, casing } = values.clusters === '1' ? learnClusters(dataDir, train) : { clusters: new Map<string, string>(), casing: new Map<string, string>() };
console.log(`clusters: ${clusters.size} words (${((Date.now() - started) / 1000).toFixed(1)} s)`);

const gaz = gazetteer();
const epochs = Number(values.epochs);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const pct = (x: number) => (x * 100).toFixed(2);

/** Trains one stage; `history` gives a document's first-stage labels for the second stage. */
function trainStage(docs: ConllDoc[], rounds: number, history?: (doc: ConllDoc) => Map<string, string>, onEpoch?: (epoch: number, weights: PerceptronWeights) => void): PerceptronWeights {
  const trainer = new PerceptronTrainer();
  const examples: { ids: Int32Array[]; gold: number[] }[] = [];
  for (const doc of docs) {
    const ctx = { gazetteer: gaz, clusters, casing, doc: documentEvidence(doc.sentences.map((s) => s.words)), history: history?.(doc) };
    for (const s of doc.sentences) if (s.words.length) examples.push({ ids: trainer.ids(sentenceFeatures(s.words, ctx)), gold: encode(s.words.length, s.spans) });
  }
  for (let epoch = 1; epoch <= rounds; epoch++) {
    for (let k = examples.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [examples[k], examples[j]] = [examples[j], examples[k]];
    }
    for (const ex of examples) {
      const predicted = COST > 0 ? trainer.predict(ex.ids, ex.gold, COST) : trainer.predict(ex.ids);
      if (predicted.some((t, i) => t !== ex.gold[i])) trainer.update(ex.ids, ex.gold, predicted, AGGRESSIVENESS);
      trainer.tick();
    }
    onEpoch?.(epoch, trainer.averaged(PRUNE));
  }
  return trainer.averaged(PRUNE);
}

function evaluate(model: NerModel, docs: ConllDoc[], stages: 1 | 2) {
  const gold = docs.flatMap((d) => d.sentences.map((s) => s.spans));
  const predicted = docs.flatMap((d) => recognize(model, d.sentences.map((s) => s.words), stages));
  return scoreSpans(gold, predicted);
}
const report = (label: string, sc: ReturnType<typeof evaluate>) => console.log(`${label}: dev F1 ${pct(sc.micro.f1)} (P ${pct(sc.micro.precision)} R ${pct(sc.micro.recall)}) PER ${pct(sc.PER.f1)} ORG ${pct(sc.ORG.f1)} LOC ${pct(sc.LOC.f1)}; ${elapsed()}`);

// Stage 1 on all of train.
const stage1 = trainStage(train, epochs, undefined, values['stage1-only'] ? (epoch, weights) => report(`stage 1 epoch ${epoch}`, evaluate({ weights, clusters, casing, meta: {} }, dev, 1)) : undefined);
if (values['stage1-only']) process.exit(0);
const model: NerModel = { weights: stage1, clusters, casing, meta: {} };
const stage1Scores = evaluate(model, dev, 1);
report('stage 1', stage1Scores);

// Out-of-fold first-stage labels for the training documents, so stage 2 learns from realistic noise.
const FOLDS = 5;
const trainHistory = new Map<string, Map<string, string>>();
for (let f = 0; f < FOLDS; f++) {
  const held = train.filter((_, i) => i % FOLDS === f);
  const foldModel: NerModel = { weights: trainStage(train.filter((_, i) => i % FOLDS !== f), epochs), clusters, casing, meta: {} };
  for (const doc of held) {
    const words = doc.sentences.map((s) => s.words);
    trainHistory.set(doc.id, labelHistory(words, recognize(foldModel, words, 1)));
  }
  console.log(`fold ${f + 1}/${FOLDS} labelled; ${elapsed()}`);
}
let best: { f1: number; epoch: number; weights: PerceptronWeights; scores: ReturnType<typeof evaluate> } | null = null;
trainStage(train, epochs, (doc) => trainHistory.get(doc.id)!, (epoch, weights) => {
  const scores = evaluate({ ...model, stage2: weights }, dev, 2);
  report(`stage 2 epoch ${epoch}`, scores);
  if (!best || scores.micro.f1 > best.f1) best = { f1: scores.micro.f1, epoch, weights, scores };
});
const chosen = best!;
model.stage2 = chosen.weights;
model.meta = {
  trainedOn: 'CoNLL-2003 English train (eng.train)',
  selectedOn: 'CoNLL-2003 English dev (eng.testa)',
  epochs,
  stage2Epoch: chosen.epoch,
  features: { stage1: stage1.features.size, stage2: chosen.weights.features.size },
  clusterWords: clusters.size,
  casingWords: casing.size,
  dev: { stage1: stage1Scores, final: chosen.scores },
  trainedAt: new Date().toISOString().slice(0, 10),
};
const buffer = serializeModel(model);
fs.mkdirSync(values.out!, { recursive: true });
fs.writeFileSync(path.join(values.out!, 'model.json.gz'), buffer);
fs.writeFileSync(path.join(values.out!, 'scores.json'), JSON.stringify({ stage2Epoch: chosen.epoch, dev: model.meta.dev }, null, 2) + '\n');
console.log(`wrote ${path.join(values.out!, 'model.json.gz')} (${(buffer.length / 1e6).toFixed(1)} MB), stage 2 epoch ${chosen.epoch}, dev F1 ${pct(chosen.f1)}`);
