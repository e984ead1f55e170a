/**
 * The extraction pipeline: a list of components run in order over each Doc.
 */
import type { Doc, Input, InputError } from './types';
import { intake } from './intake';

/** Version of the extractor; every derived fact in the graph records it. Bump on any behaviour change. */
export const EXTRACTOR_VERSION = '0.1.0';

/** A pipeline stage that adds to a Doc in place. */
export type Component = (doc: Doc) => void;

/** The components run after intake, in order. Later issues add entities and events here. */
export const COMPONENTS: Component[] = [];

/** The result of extracting one input: its documents, or the error that stopped it. */
export interface ExtractResult {
  docs: Doc[];
  errors: InputError[];
}

/** Runs intake and every component over one input; a failing input yields an error, never a throw. */
export function extract(input: Input, components: Component[] = COMPONENTS): ExtractResult {
  let docs: Doc[];
  try {
    docs = intake(input);
  } catch (error) {
    return { docs: [], errors: [{ input: input.name, code: 'BAD_INPUT_FILE', message: (error as Error).message }] };
  }
  for (const doc of docs) for (const component of components) component(doc);
  return { docs, errors: [] };
}
