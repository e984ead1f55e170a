/**
 * The NER model as shipped: averaged perceptron weights quantised to 16 bits, the word
 * clusters, and the metadata the model card reports. Serialised as gzipped JSON.
 */
import zlib from 'node:zlib';
import { TAGS } from './tags';
import type { PerceptronWeights } from './perceptron';
import { release } from '../release';

/** A loaded model. */
export interface NerModel {
  weights: PerceptronWeights;
  /** Second stage, reading the first stage's labels across the document; optional. */
  stage2?: PerceptronWeights;
  clusters: Map<string, string>;
  casing: Map<string, string>;
  meta: Record<string, unknown>;
}

interface ModelFile {
  format: 'news-kg-ner/1';
  tags: string[];
  meta: Record<string, unknown>;
  stages: { features: string[]; scale: number; emission: string; transition: number[] }[];
  clusters: Record<string, string>;
  casing: Record<string, string>;
}

/** Serialises a model to a compact gzipped buffer. */
export function serializeModel(model: NerModel): Buffer {
  const file: ModelFile = {
    format: 'news-kg-ner/1',
    tags: TAGS,
    meta: model.meta,
    stages: [model.weights, ...(model.stage2 ? [model.stage2] : [])].map(packStage),
    clusters: Object.fromEntries(model.clusters),
    casing: Object.fromEntries(model.casing),
  };
  return zlib.gzipSync(JSON.stringify(file), { level: 9 });
}

/** Parses a buffer written by `serializeModel`; throws on anything else. */
export function parseModel(buffer: Buffer): NerModel {
  const json = zlib.gunzipSync(buffer);
  const file = JSON.parse(json.toString('utf8')) as ModelFile;
  release(json);
  if (file.format !== 'news-kg-ner/1' || file.tags.join() !== TAGS.join()) throw new Error('unsupported NER model format');
  const [weights, stage2] = file.stages.map(unpackStage);
  return { weights, stage2, clusters: new Map(Object.entries(file.clusters)), casing: new Map(Object.entries(file.casing)), meta: file.meta };
}

function packStage(w: PerceptronWeights): ModelFile['stages'][number] {
  let max = 0;
  for (const v of w.emission) max = Math.max(max, Math.abs(v));
  const scale = max / 32767 || 1;
  const q = new Int16Array(w.emission.length);
  for (let k = 0; k < q.length; k++) q[k] = Math.round(w.emission[k] / scale);
  return { features: [...w.features.keys()], scale, emission: Buffer.from(q.buffer).toString('base64'), transition: [...w.transition] };
}

function unpackStage(stage: ModelFile['stages'][number]): PerceptronWeights {
  const raw = Buffer.from(stage.emission, 'base64');
  const q = new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
  release(raw);
  const emission = new Float32Array(q.length);
  for (let k = 0; k < q.length; k++) emission[k] = q[k] * stage.scale;
  release(q);
  const features = new Map<string, number>();
  stage.features.forEach((f, i) => features.set(f, i));
  return { features, emission, transition: Float32Array.from(stage.transition) };
}
