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

/** The NER model, loaded on first use. */
export function nerModel(): NerModel {
  if (!ner) {
    const file = path.join(MODELS_DIR, 'ner', 'model.json.gz');
    try {
      ner = parseModel(fs.readFileSync(file));
    } catch (error) {
      throw new KgError('BAD_CONFIG', `cannot load the NER model ${file}: ${(error as Error).message}. Rebuild it with npm run train:ner.`, undefined, { cause: error });
    }
  }
  return ner;
}

/** The syntax model (tagger and parser), loaded on first use. */
export function syntaxModel(): SyntaxModel {
  if (!syntax) {
    const file = path.join(MODELS_DIR, 'syntax', 'model.json.gz');
    try {
      syntax = parseSyntaxModel(fs.readFileSync(file));
    } catch (error) {
      throw new KgError('BAD_CONFIG', `cannot load the syntax model ${file}: ${(error as Error).message}. Rebuild it with npm run train:syntax.`, undefined, { cause: error });
    }
  }
  return syntax;
}

/** The full extraction pipeline with the shipped models. */
export function pipelineComponents(): Component[] {
  return (components ??= defaultComponents({ ner: nerModel(), syntax: syntaxModel() }));
}
