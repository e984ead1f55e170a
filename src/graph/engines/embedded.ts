/**
 * The embedded engine: Grafeo in-process, persistent in a directory. The only module
 * that imports @grafeo-db/js.
 */
import fs from 'node:fs';
import path from 'node:path';
import grafeo from '@grafeo-db/js';
import { KgError } from '../../errors';
import { COMMIT_COUNT, CONSTRAINTS, EMBEDDED_INDEXES, SET_COMMIT_COUNT, type Statement } from '../cypher';
import { untilAborted, withRetries, type GraphStore, type Params, type Row, type StoreStats, type Tx, type TxOptions } from '../store';

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

// What the engine says when the disk, a quota or a file-size limit refuses a write, or its log
// has stopped taking writes after such a failure.
const STORAGE_FAULT = /No space left|os error 28|File too large|os error 27|quota|os error 122|I\/O error|takes no more writes|Read-only file system|os error 30/i;

/** The one-line STORE_UNAVAILABLE error for a write the disk refused, or undefined for any other error. */
function storageFault(error: unknown, file: string): KgError | undefined {
  if (!(error instanceof Error) || error instanceof KgError || !STORAGE_FAULT.test(error.message)) return undefined;
  const why = /No space left|os error 28/i.test(error.message) ? 'the disk is full' : /File too large|os error 27/i.test(error.message) ? 'a file-size limit was reached' : /quota|os error 122/i.test(error.message) ? 'the disk quota is used up' : /Read-only|os error 30/i.test(error.message) ? 'the file system is read-only' : 'the disk refused a write';
  return new KgError('STORE_UNAVAILABLE', `The embedded store ${file} cannot write: ${why}. Nothing of the failed write was kept; free space (or raise the limit) and retry.`, undefined, { cause: error });
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
    // Only the lock's own messages: a damaged file's message can name a "block".
    if (/locked by another process|cannot be locked|database is locked/i.test(message)) {
      throw new KgError('STORE_UNAVAILABLE', `The embedded store ${file} is in use by another process; stop it or set KG_DATA_DIR to another directory.`);
    }
    if (/damaged|invalid file header|not a Grafeo database|beyond the end of the file/i.test(message)) {
      throw new KgError('STORE_UNAVAILABLE', `The embedded store ${file} is damaged or truncated (${message.replace(/^Database error: /, '')}); restore the directory from a backup, or move it away to start an empty store.`);
    }
    throw new KgError('STORE_UNAVAILABLE', `Cannot open the embedded store ${file}: ${message}`);
  }
  // The engine checkpoints only on close unless told: a long-running server would keep every
  // write in the log alone, and a lost log would mean a silently empty store.
  if (checkpoint.intervalMs || checkpoint.walBytes) db.setCheckpointTriggers(checkpoint);
  return new EmbeddedStore(db, file);
}

/** Checkpoint every minute, or once the log holds 8 MiB since the last one. */
export const DEFAULT_CHECKPOINTS = { intervalMs: 60_000, walBytes: 8 * 1024 * 1024 };

class EmbeddedStore implements GraphStore {
  readonly engine = 'embedded' as const;
  private readonly writer = new Mutex();
  private readonly counters: StoreStats = { statements: 0, transactions: 0, retries: 0 };
  private closed = false;
  private changes = 0;
  /** Committed write transactions, as counted in the graph (and recorded in `recordFile` after each). */
  private commits = 0;
  private readonly recordFile: string;

  constructor(
    private readonly db: GrafeoDB,
    private readonly file: string,
  ) {
    this.recordFile = `${file}.commits`;
  }

  async bootstrap(): Promise<void> {
    for (const s of [...CONSTRAINTS, ...EMBEDDED_INDEXES]) await this.db.executeCypher(s.text);
    const rows = (await this.db.executeCypher(COMMIT_COUNT.text)).toArray() as { writes?: unknown }[];
    this.commits = Number(rows[0]?.writes ?? 0);
    const recorded = this.recordedCommits();
    if (recorded !== undefined && this.commits < recorded) {
      this.closed = true;
      this.db.close();
      throw new KgError(
        'STORE_UNAVAILABLE',
        `The embedded store ${this.file} holds ${this.commits} of the ${recorded} committed writes recorded in ${this.recordFile}: its write-ahead log (${this.file}.wal) is missing or truncated, so acknowledged writes are lost. Restore the directory from a backup; or, to accept the loss and open what is left, delete ${this.recordFile}.`,
      );
    }
  }

  /** The count of committed writes recorded beside the store, or undefined when there is no record. */
  private recordedCommits(): number | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.recordFile, 'utf8');
    } catch {
      return undefined;
    }
    const n = Number(text.trim());
    // A record cut short by a crash while it was written is no record (it only ever lags the graph).
    return text.trim() && Number.isSafeInteger(n) ? n : undefined;
  }

  /** Records the count after a commit; failing to is safe (the record only lags, never leads). */
  private recordCommit(): void {
    try {
      fs.writeFileSync(this.recordFile, `${this.commits}\n`);
    } catch {
      // Disk full: the next commit fails and says so; a lagging record never refuses a good store.
    }
  }

  private tx(inner: GrafeoTx, running: Set<Promise<unknown>>, options?: TxOptions, abandonable = false): Tx {
    const run = async <T extends Row>(statement: Statement, params: Params = {}) => {
      options?.signal?.throwIfAborted();
      this.counters.statements++;
      const pending = inner.executeCypher(statement.text, params);
      running.add(pending);
      void pending.then(
        () => running.delete(pending),
        () => running.delete(pending),
      );
      // A read is given up when its request times out, mid-statement: the engine offers no way to
      // stop a running query, so the caller is answered now and the transaction ends when it does.
      const result = abandonable ? await untilAborted(pending, options?.signal) : await pending;
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
    const running = new Set<Promise<unknown>>();
    try {
      const value = await work(this.tx(inner, running, options, !commit));
      options?.signal?.throwIfAborted();
      if (commit) {
        await inner.executeCypher(SET_COMMIT_COUNT.text, { writes: this.commits + 1 });
        inner.commit();
        this.commits++;
        this.recordCommit();
      } else inner.rollback();
      return value;
    } catch (error) {
      const rollback = () => {
        if (!inner.isActive) return;
        try {
          inner.rollback();
        } catch {
          // The original error matters more than a failed rollback.
        }
      };
      // A statement given up on is still running, and the engine refuses to roll back under it.
      if (running.size) void Promise.allSettled([...running]).then(rollback);
      else rollback();
      throw storageFault(error, this.file) ?? error;
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
    try {
      this.db.close();
    } catch (error) {
      // Closing checkpoints the log into the store file, which a full disk refuses; the log keeps the commits.
      throw storageFault(error, this.file) ?? error;
    }
  }
}
