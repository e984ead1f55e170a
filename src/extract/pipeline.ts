/**
 * The extraction pipeline: a list of components run in order over each Doc.
 */
import type { Doc, Input, InputError } from './types';
import { intake, recordInputs } from './intake';
import { entityComponent } from './entities';
import { eventComponent, hasEventTrigger } from './events';
import type { NerModel } from './ner/model';
import { syntaxComponent, type SyntaxModel } from './syntax';

/** Version of the extractor; every derived fact in the graph records it. Bump on any behaviour change. */
export const EXTRACTOR_VERSION = '0.6.0';

/** A pipeline stage that adds to a Doc in place. */
export type Component = (doc: Doc) => void;

/** The trained models the components need (loaded by the caller: extract does no I/O). */
export interface PipelineModels {
  ner: NerModel;
  syntax: SyntaxModel;
}

/** The components run after intake, in order: entities, syntax, then events. */
export function defaultComponents(models: PipelineModels): Component[] {
  // Only sentences with an event trigger are parsed: the events read their trees, nothing else does yet.
  return [entityComponent(models.ner), syntaxComponent(models.syntax, { select: hasEventTrigger }), eventComponent()];
}

/** The result of extracting one input: its documents, or the error that stopped it. */
export interface ExtractResult {
  docs: Doc[];
  errors: InputError[];
}

/** Runs intake and every component over one input; a failing input yields an error, never a throw. */
export function extract(input: Input, components: Component[]): ExtractResult {
  const result: ExtractResult = { docs: [], errors: [] };
  for (const item of extractEach(input, components)) 'doc' in item ? result.docs.push(item.doc) : result.errors.push(item.error);
  return result;
}

/**
 * `extract`, one document at a time: each is extracted only when the caller asks for the next,
 * so a file of thousands of articles never holds more than one extracted document at once.
 */
export function* extractEach(input: Input, components: Component[]): Generator<{ doc: Doc } | { error: InputError }> {
  const records = recordInputs(input);
  if (records) {
    for (const error of records.errors) yield { error };
    for (const record of records.inputs) yield* extractEach(record, components);
    return;
  }
  let docs: Doc[];
  try {
    docs = intake(input);
  } catch (error) {
    yield { error: { input: input.name, code: (error as { code?: string }).code ?? 'BAD_INPUT_FILE', message: (error as Error).message } };
    return;
  }
  for (const doc of docs) {
    try {
      for (const component of components) component(doc);
    } catch (error) {
      yield { error: { input: input.name, code: 'EXTRACTION_FAILED', message: `${input.name}: article "${doc.title.slice(0, 60)}" could not be processed: ${(error as Error).message}` } };
      continue;
    }
    yield { doc };
  }
}
