/**
 * The embedded engine: Grafeo in-process, persistent in a directory. The only module
 * that imports @grafeo-db/js.
 */
import fs from 'node:fs';
import path from 'node:path';
import grafeo from '@grafeo-db/js';
import { KgError } from '../../errors';
import { CONSTRAINTS, EMBEDDED_INDEXES, type Statement } from '../cypher';
import { withRetries, type GraphStore, type Params, type Row, type StoreStats, type Tx, type TxOptions } from '../store';

type GrafeoDB = InstanceType<typeof grafeo.GrafeoDB>;
type GrafeoTx = ReturnType<GrafeoDB['beginTransaction']>;

/** Grafeo returns plain JSON-like values, but integers beyond 2^53 come back as bigint. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return value;
}

function isWriteConflict(error: unknown): boolean {
  return error instanceof Error && /GRAFEO-T001|write conflict/i.test(error.message);
}

/** Serialises async work: one writer at a time keeps conflicts rare; retries handle the rest. */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** Opens (creating when needed) the embedded store in `dataDir`. */
export function openEmbeddedStore(dataDir: string, checkpoint: { intervalMs?: number; walBytes?: number } = DEFAULT_CHECKPOINTS): GraphStore {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (error) {
    throw new KgError(
      'BAD_CONFIG',
      `KG_DATA_DIR=${dataDir} is not a writable directory (${(error as NodeJS.ErrnoException).code ?? 'error'}); point KG_DATA_DIR at a directory you can write.`,
    );
  }
  const file = path.join(dataDir, 'graph.grafeo');
  let db: GrafeoDB;
  try {
    db = grafeo.GrafeoDB.create(file);
  } catch (error) {
    const message = (error as Error).message;
    if (/lock/i.test(message)) {
      throw new KgError('STORE_UNAVAILABLE', `The embedded store ${file} is in use by another process; stop it or set KG_DATA_DIR to another directory.`);
    }
    throw new KgError('STORE_UNAVAILABLE', `Cannot open the embedded store ${file}: ${message}`);
  }
  // The engine checkpoints only on close unless told: a long-running server would keep every
  // write in the log alone, and a lost log would mean a silently empty store.
  if (checkpoint.intervalMs || checkpoint.walBytes) db.setCheckpointTriggers(checkpoint);
  return new EmbeddedStore(db);
}

/** Checkpoint every minute, or once the log holds 8 MiB since the last one. */
export const DEFAULT_CHECKPOINTS = { intervalMs: 60_000, walBytes: 8 * 1024 * 1024 };

class EmbeddedStore implements GraphStore {
  readonly engine = 'embedded' as const;
  private readonly writer = new Mutex();
  private readonly counters: StoreStats = { statements: 0, transactions: 0, retries: 0 };
  private closed = false;
  private changes = 0;

  constructor(private readonly db: GrafeoDB) {}

  async bootstrap(): Promise<void> {
    for (const s of [...CONSTRAINTS, ...EMBEDDED_INDEXES]) await this.db.executeCypher(s.text);
  }

  private tx(inner: GrafeoTx, options?: TxOptions): Tx {
    const run = async <T extends Row>(statement: Statement, params: Params = {}) => {
      options?.signal?.throwIfAborted();
      this.counters.statements++;
      const result = await inner.executeCypher(statement.text, params);
      return result.toArray().map((row) => plain(row) as T);
    };
    return {
      run,
      // In-process: nothing to save by sending together; one after another, in order.
      runAll: async (steps) => {
        const out: Row[][] = [];
        for (const [statement, params] of steps) out.push(await run(statement, params));
        return out;
      },
    };
  }

  private async inTransaction<T>(work: (tx: Tx) => Promise<T>, commit: boolean, options?: TxOptions): Promise<T> {
    if (this.closed) throw new KgError('STORE_UNAVAILABLE', 'The store is closed.');
    const inner = this.db.beginTransaction();
    try {
      const value = await work(this.tx(inner, options));
      options?.signal?.throwIfAborted();
      if (commit) inner.commit();
      else inner.rollback();
      return value;
    } catch (error) {
      if (inner.isActive) {
        try {
          inner.rollback();
        } catch {
          // The original error matters more than a failed rollback.
        }
      }
      throw error;
    } finally {
      this.counters.transactions++;
    }
  }

  read<T>(work: (tx: Tx) => Promise<T>, options?: TxOptions): Promise<T> {
    return this.inTransaction(work, false, options);
  }

  write<T>(work: (tx: Tx) => Promise<T>, options?: TxOptions): Promise<T> {
    return this.writer.run(() =>
      withRetries(
        () => this.inTransaction(work, true, options),
        isWriteConflict,
        () => this.counters.retries++,
      ).then(
        (value) => {
          this.changes++;
          return value;
        },
        (error) => {
          // A failed transaction may still have committed nothing or something: count it as a change.
          this.changes++;
          throw error;
        },
      ).catch((error) => {
        if (isWriteConflict(error)) throw new KgError('CONFLICT', 'A concurrent write kept conflicting; retry the request.', undefined, { cause: error });
        throw error;
      }),
    );
  }

  query<T extends Row = Row>(statement: Statement, params?: Params, options?: TxOptions): Promise<T[]> {
    return this.read((tx) => tx.run<T>(statement, params), options);
  }

  stats(): StoreStats {
    return { ...this.counters };
  }

  changeCount(): number {
    // The store file is locked to this process, so every change goes through write() here.
    return this.changes;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Wait for writes in flight so the WAL holds every committed transaction.
    await this.writer.run(async () => undefined);
    this.closed = true;
    this.db.close();
  }
}
