/**
 * Loads the trained models shipped in models/ (once, lazily) and assembles the default
 * extraction pipeline. The one place outside the CLI that reads model files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KgError } from './errors';
import { parseModel, type NerModel } from './extract/ner/model';
import { defaultComponents, type Component } from './extract/pipeline';
import { parseSyntaxModel, type SyntaxModel } from './extract/syntax/model';

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
