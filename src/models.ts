/**
 * Loads the trained models shipped in models/ (once, lazily) and assembles the default
 * extraction pipeline. The one place outside the CLI that reads model files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KgError } from './errors';
import { parseModel, type NerModel } from './extract/ner/model';
import { adoptCompiledModel, compile, type CompiledModel } from './extract/ner/compiled';
import { adoptGazetteer, gazetteer, type Gazetteer } from './extract/ner/gazetteer';
import type { PerceptronWeights } from './extract/ner/perceptron';
import { release } from './extract/release';
import { defaultComponents, type Component } from './extract/pipeline';
import { parseSyntaxModel, reviveSyntaxModel, type SyntaxModel } from './extract/syntax/model';

/** The models directory of this package (the same from src/ and dist/). */
export const MODELS_DIR = path.join(__dirname, '..', 'models');

let ner: NerModel | undefined;
let syntax: SyntaxModel | undefined;
let components: Component[] | undefined;

/** Reads models/NAME/model.json.gz with `parse`, failing with one line that says how to rebuild it. */
function loadModel<T>(name: 'ner' | 'syntax', what: string, parse: (bytes: Buffer) => T): T {
  const file = path.join(MODELS_DIR, name, 'model.json.gz');
  try {
    return parse(fs.readFileSync(file));
  } catch (error) {
    throw new KgError('BAD_CONFIG', `cannot load the ${what} model ${file}: ${(error as Error).message}. Rebuild it with npm run train:${name}.`, undefined, { cause: error });
  }
}

/** The NER model, loaded on first use. */
export function nerModel(): NerModel {
  return (ner ??= loadModel('ner', 'NER', parseModel));
}

/** The syntax model (tagger and parser), loaded on first use. */
export function syntaxModel(): SyntaxModel {
  return (syntax ??= loadModel('syntax', 'syntax', parseSyntaxModel));
}

/** The full extraction pipeline with the shipped models. */
export function pipelineComponents(): Component[] {
  return (components ??= defaultComponents({ ner: nerModel(), syntax: syntaxModel() }));
}

/**
 * What extraction worker threads are sent, built once in the thread that owns the pool: the NER
 * model compiled (without the per-stage feature maps the compiled ids replace), the syntax model,
 * and the gazetteer, with every large typed array on a SharedArrayBuffer.
 */
export interface SharedModels {
  /** The NER model without its feature strings (see `featureless`); `nerCompiled` decodes it. */
  ner: NerModel;
  nerCompiled: CompiledModel;
  syntax: SyntaxModel;
  gazetteer: Gazetteer;
}

/** Typed arrays under this size are copied to each thread; the model's weight tables are far larger. */
const SHARE_BYTES = 64 * 1024;

/** Moves every large typed array reachable from `root` (not inside Maps) onto a SharedArrayBuffer, in place. */
function shareArrays<T>(root: T): T {
  const seen = new Set<object>();
  const visit = (value: unknown): unknown => {
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      if (value.byteLength < SHARE_BYTES || value.buffer instanceof SharedArrayBuffer) return value;
      const view = value as unknown as { constructor: new (buffer: SharedArrayBuffer) => { set(a: ArrayLike<number>): void } };
      const copy = new view.constructor(new SharedArrayBuffer(value.byteLength));
      copy.set(value as unknown as ArrayLike<number>);
      return copy;
    }
    if (value === null || typeof value !== 'object' || value instanceof Map || value instanceof Set || seen.has(value)) return value;
    seen.add(value);
    for (const [k, v] of Object.entries(value)) (value as Record<string, unknown>)[k] = visit(v);
    return value;
  };
  return visit(root) as T;
}

/** Stage weights without the feature map and emission table, which only compiling reads. */
function featureless(w: PerceptronWeights): PerceptronWeights {
  return { features: new Map(), emission: new Float32Array(0), transition: w.transition };
}

/**
 * The models and the gazetteer for every worker thread, loaded here once: a structured clone of
 * this object shares the weight tables (about 100 MB) instead of each thread parsing and holding
 * its own copy, and no worker builds the feature maps or decodes the city list. Not cached: the
 * caller keeps it as long as it spawns workers.
 */
export function sharedModels(): SharedModels {
  const full = ner ?? loadModel('ner', 'NER', parseModel);
  const nerCompiled = shareArrays(compile(full));
  const lean: NerModel = { ...full, weights: featureless(full.weights), stage2: full.stage2 && featureless(full.stage2) };
  // Loaded for this alone (not this thread's model): its emission tables are garbage now.
  if (full !== ner) release(full.weights.emission, full.stage2?.emission);
  return { ner: lean, nerCompiled, syntax: shareArrays(syntax ?? loadModel('syntax', 'syntax', parseSyntaxModel)), gazetteer: gazetteer() };
}

/** Uses models another thread loaded (see sharedModels) instead of reading the files. */
export function adoptModels(shared: SharedModels): void {
  ner = shared.ner;
  adoptCompiledModel(ner, shared.nerCompiled);
  syntax = reviveSyntaxModel(shared.syntax);
  adoptGazetteer(shared.gazetteer);
  components = undefined;
}
