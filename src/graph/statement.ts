/**
 * The shape of a Cypher statement of the Cypher module.
 */

/** A named, parameterised Cypher statement. */
export interface Statement {
  readonly name: string;
  readonly text: string;
  /** Every parameter the statement reads, declared for the linter. */
  readonly params: readonly string[];
}

/** Declares a statement (frozen, whitespace-normalised). */
export function statement(name: string, text: string, params: readonly string[] = []): Statement {
  return Object.freeze({ name, text: text.trim().replace(/\s+\n/g, '\n'), params: Object.freeze([...params]) });
}

