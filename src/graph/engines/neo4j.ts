/**
 * The Neo4j engine: neo4j-driver with managed transactions, so transient errors are
 * retried by the driver. The only module that imports neo4j-driver.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { KgError } from '../../errors';
import type { Neo4jConfig } from '../../config';
import { CONSTRAINTS, NEO4J_AWAIT_INDEXES, NEO4J_INDEXES, type Statement } from '../cypher';
import { untilAborted, withRetries, type GraphStore, type Params, type Row, type StoreStats, type Tx, type TxOptions } from '../store';

/** Converts driver values (Integers, temporals, nodes, paths) to plain JS, once, here. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (Array.isArray(value)) return value.map(toPlain);
  // Maps (record objects, map projections) are most of what reads return: skip the driver-type checks.
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const k in value) out[k] = toPlain((value as Record<string, unknown>)[k]);
    return out;
  }
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (
    neo4j.isDate(value as never) ||
    neo4j.isDateTime(value as never) ||
    neo4j.isLocalDateTime(value as never) ||
    neo4j.isTime(value as never) ||
    neo4j.isLocalTime(value as never) ||
    neo4j.isDuration(value as never)
  ) {
    return String(value);
  }
  if (neo4j.isNode(value as never) || neo4j.isRelationship(value as never)) {
    return toPlain((value as { properties: unknown }).properties);
  }
  if (neo4j.isPath(value as never)) {
    const p = value as { segments: { start: unknown; relationship: unknown; end: unknown }[] };
    return p.segments.map((s) => ({ start: toPlain(s.start), relationship: toPlain(s.relationship), end: toPlain(s.end) }));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
  return out;
}

/**
 * Neo4j wants integers for LIMIT/SKIP and integral values: JS numbers that are whole become
 * Integers (a JS number is a float to the driver, and `LIMIT 10.0` is refused). A Date would
 * travel as an empty map: it becomes the ISO string the embedded engine stores too.
 */
export function toDriverParams(params: Params): Params {
  const convert = (value: unknown): unknown => {
    if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(convert);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    }
    return value;
  };
  return convert(params) as Params;
}

/** A Neo4j error the driver would retry: transient by its code. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Neo.TransientError.');
}

/** Connects to Neo4j, failing with a clear error naming the URI when it is unreachable. */
export async function openNeo4jStore(config: Neo4jConfig): Promise<GraphStore> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    // Integers arrive as JS numbers (as toPlain would make them): no Integer object per value.
    disableLosslessIntegers: true,
    connectionTimeout: 10_000,
    // The server skips building notifications (deprecations, plan hints) nobody here reads;
    // the planner lint test reads them through its own driver.
    notificationFilter: { minimumSeverityLevel: 'OFF' },
  });
  try {
    await driver.verifyConnectivity({ database: config.database });
  } catch (error) {
    await driver.close();
    throw new KgError(
      'STORE_UNAVAILABLE',
      `Cannot reach Neo4j at ${config.uri} (${(error as Error).message.split('\n')[0]}); check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, or use KG_STORE=embedded.`,
    );
  }
  return new Neo4jStore(driver, config.database, config.readTimeoutMs);
}

class Neo4jStore implements GraphStore {
  readonly engine = 'neo4j' as const;
  private readonly counters: StoreStats = { statements: 0, transactions: 0, retries: 0 };
  /** The database's bookmark as the last finished statement saw it, and how often it has changed. */
  private bookmark: string | null = null;
  private changes = 0;

  constructor(
    private readonly driver: Driver,
    private readonly database?: string,
    readTimeoutMs?: number,
  ) {
    this.readConfig = readTimeoutMs ? { timeout: readTimeoutMs } : undefined;
  }

  /** Transaction config of reads: the server-side time limit. */
  private readonly readConfig: { timeout: number } | undefined;

  async bootstrap(): Promise<void> {
    const session = this.driver.session({ database: this.database });
    try {
      for (const s of [...CONSTRAINTS, ...NEO4J_INDEXES, NEO4J_AWAIT_INDEXES]) await session.run(s.text);
    } finally {
      await session.close();
    }
  }

  /**
   * Every transaction, a read too, ends with the bookmark of the newest transaction committed in
   * the database, by any client: a different one means the graph changed since the last statement.
   */
  private observe(bookmarks: string[]): void {
    const seen = bookmarks.join(',');
    if (seen && seen !== this.bookmark) {
      this.bookmark = seen;
      this.changes++;
    }
  }

  private tx(inner: ManagedTransaction, options?: TxOptions): Tx {
    return {
      run: async <T extends Row>(statement: Statement, params: Params = {}) => {
        options?.signal?.throwIfAborted();
        this.counters.statements++;
        const result = await inner.run(statement.text, toDriverParams(params));
        return result.records.map((record) => toPlain(record.toObject()) as T);
      },
      // Bolt pipelines: every RUN goes out before the first answer comes back, and the server
      // runs them in order in this transaction. One round trip instead of one per statement.
      runAll: async (steps) => {
        options?.signal?.throwIfAborted();
        this.counters.statements += steps.length;
        const results = steps.map(([statement, params]) => inner.run(statement.text, toDriverParams(params)));
        const settled = await Promise.allSettled(results.map((r) => Promise.resolve(r)));
        const failed = settled.find((x) => x.status === 'rejected');
        if (failed) throw (failed as PromiseRejectedResult).reason;
        return settled.map((x) => (x as PromiseFulfilledResult<{ records: { toObject(): unknown }[] }>).value.records.map((record) => toPlain(record.toObject()) as Row));
      },
    };
  }

  async read<T>(work: (tx: Tx) => Promise<T>, options?: TxOptions): Promise<T> {
    options?.signal?.throwIfAborted();
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    // The server ends a read that outlives the request's time limit; the caller is answered at once.
    const reading = session.executeRead((inner) => work(this.tx(inner, options)), this.readConfig);
    const closed = reading.then(
      () => session.close(),
      () => session.close(),
    ).catch(() => undefined);
    try {
      const value = await untilAborted(reading, options?.signal);
      await closed;
      this.observe(session.lastBookmarks());
      return value;
    } finally {
      this.counters.transactions++;
    }
  }

  async write<T>(work: (tx: Tx) => Promise<T>, options?: TxOptions): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    let attempts = 0;
    try {
      // The driver retries transient errors (deadlocks between concurrent MERGEs, leader switches)
      // with backoff for up to 30 s; what still fails after that is a conflict to retry later.
      return await session.executeWrite((inner) => {
        if (attempts++ > 0) this.counters.retries++;
        return work(this.tx(inner, options));
      });
    } catch (error) {
      if (isTransient(error)) throw new KgError('CONFLICT', 'A concurrent write kept conflicting; retry the request.', undefined, { cause: error });
      throw error;
    } finally {
      // A failed write may still have committed: count it as a change whatever the bookmark says.
      this.changes++;
      this.observe(session.lastBookmarks());
      this.counters.transactions++;
      await session.close();
    }
  }

  /**
   * One read statement as an auto-commit transaction: RUN and PULL in one round trip, where a
   * managed transaction needs a second for COMMIT. Transient errors are retried here, as the
   * driver retries managed transactions.
   */
  query<T extends Row = Row>(statement: Statement, params: Params = {}, options?: TxOptions): Promise<T[]> {
    return withRetries(
      async () => {
        options?.signal?.throwIfAborted();
        const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
        try {
          this.counters.statements++;
          const running = Promise.resolve(session.run(statement.text, toDriverParams(params), this.readConfig));
          const closed = running.then(
            () => session.close(),
            () => session.close(),
          ).catch(() => undefined);
          const result = await untilAborted(running, options?.signal);
          await closed;
          this.observe(session.lastBookmarks());
          return result.records.map((record) => toPlain(record.toObject()) as T);
        } finally {
          this.counters.transactions++;
        }
      },
      isTransient,
      () => this.counters.retries++,
    );
  }

  stats(): StoreStats {
    return { ...this.counters };
  }

  changeCount(): number {
    // Other services may write to the same database: their writes count once a statement of this
    // process has seen their bookmark (the next one after they commit); this process's own writes
    // count when they finish.
    return this.changes;
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
