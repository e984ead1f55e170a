/**
 * The store port: parameterised Cypher in read or write transactions, returning plain JS
 * values. Engines convert driver types (Neo4j Integers, temporals, nodes) once, at their
 * boundary, so nothing above this port sees them.
 */
import type { Statement } from './cypher';

/** A plain record: strings, numbers, booleans, null, arrays and objects only. */
export type Row = Record<string, unknown>;

/** Parameters of a statement: plain values only. */
export type Params = Record<string, unknown>;

/** A unit of work inside one transaction. */
export interface Tx {
  /** Runs one statement of the Cypher module and returns its rows as plain objects. */
  run<T extends Row = Row>(statement: Statement, params?: Params): Promise<T[]>;
  /**
   * Runs statements in order, as `run` one after another would, and returns each one's rows. A
   * server engine sends them together (one round trip instead of one each): for steps that do
   * not need each other's results.
   */
  runAll(steps: Step[]): Promise<Row[][]>;
}

/** One statement with its parameters, for Tx.runAll. */
export type Step = readonly [Statement, Params];

/** Counters for observability and for tests that bound database round trips. */
export interface StoreStats {
  /** Statements run since the store opened. */
  statements: number;
  /** Transactions committed or finished. */
  transactions: number;
  /** Write transactions retried after a transient conflict. */
  retries: number;
}

/** A graph store: the embedded engine or Neo4j behind one interface. */
export interface GraphStore {
  /** Which engine this is, for /health and logs. */
  readonly engine: 'embedded' | 'neo4j';
  /** Creates constraints and indexes (idempotent). */
  bootstrap(): Promise<void>;
  /** Runs `work` in a read transaction. */
  read<T>(work: (tx: Tx) => Promise<T>, options?: TxOptions): Promise<T>;
  /** Runs `work` in a write transaction, retried (bounded, with backoff) on transient conflicts. */
  write<T>(work: (tx: Tx) => Promise<T>, options?: TxOptions): Promise<T>;
  /** Runs one read statement in its own transaction. */
  query<T extends Row = Row>(statement: Statement, params?: Params, options?: TxOptions): Promise<T[]>;
  /** Live counters. */
  stats(): StoreStats;
  /**
   * A number that changes whenever the graph may have changed: what was read may be kept across
   * requests only while this is unchanged. The embedded engine counts its writes (the store is
   * locked to this process); Neo4j counts its writes and the database bookmarks its statements
   * see, so another client's write counts from this process's next statement on. Null: unknown.
   */
  changeCount(): number | null;
  /** Closes the store; further calls fail. */
  close(): Promise<void>;
}

/** Per-transaction options. */
export interface TxOptions {
  /** Abort the work when this signal fires (request timeouts). */
  signal?: AbortSignal;
}

/** Bounded exponential backoff with jitter, shared by the engines' retry loops. */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  isTransient: (error: unknown) => boolean,
  onRetry: () => void,
  maxAttempts = 8,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= maxAttempts || !isTransient(error)) throw error;
      onRetry();
      const delay = Math.min(1000, 5 * 2 ** n) * (0.5 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Settles as `work` does, or rejects with an AbortError as soon as the signal fires. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  // An Error of this realm, named as the signal's reason is: every layer above knows it as a timeout.
  const aborted = () => Object.assign(new Error('The work was cancelled: its request timed out.'), { name: 'AbortError' });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(aborted());
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}
