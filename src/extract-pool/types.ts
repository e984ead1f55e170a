/** Types shared by the extraction pool and its workers. */
import type { Doc, Input, InputError } from '../extract/types';

export type { Doc, Input, InputError };

/** The result of extracting one input (as the pipeline's ExtractResult). */
export interface ExtractResultLike {
  docs: Doc[];
  errors: InputError[];
}
