/**
 * The store contract: every engine must behave the same through the port.
 */
import { engines } from '../helpers/stores';
import { UPSERT_ARTICLE, ARTICLE_BY_ID, COUNT_ARTICLES } from '../../src/graph/cypher';
import { articlesPage, countArticles } from '../../src/graph/articles';
import { writeArticle } from '../../src/graph/write';
import { intake } from '../../src/extract/intake';
import type { GraphStore } from '../../src/graph/store';

describe.each(engines().map((e) => [e.name, e] as const))('store contract on %s', (_name, engine) => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await engine.open();
  });
  afterEach(async () => {
    await store.close();
  });

  test('bootstrap is idempotent', async () => {
    await store.bootstrap();
    await store.bootstrap();
    expect(await countArticles(store)).toBe(0);
  });

  test('writes return plain values and MERGE does not duplicate', async () => {
    const first = await store.write((tx) => tx.run(UPSERT_ARTICLE, { id: 'a1', props: { title: 'T', n: 3 }, now: '2025-01-01T00:00:00Z' }));
    expect(first).toEqual([{ id: 'a1', created: true }]);
    const again = await store.write((tx) => tx.run(UPSERT_ARTICLE, { id: 'a1', props: { title: 'T' }, now: '2025-01-01T00:00:00Z' }));
    expect(again).toEqual([{ id: 'a1', created: false }]);
    const [count] = await store.query<{ count: number }>(COUNT_ARTICLES);
    expect(count.count).toBe(1);
    expect(typeof count.count).toBe('number');
  });

  test('a failed write transaction leaves nothing behind', async () => {
    await expect(
      store.write(async (tx) => {
        await tx.run(UPSERT_ARTICLE, { id: 'rolled-back', props: { title: 'x' }, now: 'now' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.query(ARTICLE_BY_ID, { id: 'rolled-back' })).toEqual([]);
  });

  test('concurrent writes of the same id create one node', async () => {
    await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        store.write((tx) => tx.run(UPSERT_ARTICLE, { id: 'same', props: { title: `t${i}` }, now: 'now' })),
      ),
    );
    expect(await countArticles(store)).toBe(1);
  });

  test('keyset pages cover every article exactly once', async () => {
    for (let i = 0; i < 7; i++) {
      const [doc] = intake({ name: `n${i}`, text: `Headline ${i}\n\nBody number ${i}.` });
      await writeArticle(store, doc);
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await articlesPage(store, 3, after);
      if (!page.length) break;
      seen.push(...page.map((a) => a.id));
      after = page[page.length - 1].id;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort()).toEqual(seen);
  });

  test('counts statements and transactions', async () => {
    const before = store.stats();
    await store.query(COUNT_ARTICLES);
    const after = store.stats();
    expect(after.statements - before.statements).toBe(1);
    expect(after.transactions - before.transactions).toBe(1);
  });

  test('a cancelled request stops before running further statements', async () => {
    const controller = new AbortController();
    controller.abort();
    const before = store.stats().statements;
    await expect(store.query(COUNT_ARTICLES, {}, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(store.stats().statements).toBe(before);
  });

  test('changeCount moves with every write, and reads alone leave it', async () => {
    const start = store.changeCount();
    await store.query(COUNT_ARTICLES);
    const read = store.changeCount();
    await store.query(COUNT_ARTICLES);
    expect(store.changeCount()).toBe(read);
    await store.write((tx) => tx.run(UPSERT_ARTICLE, { id: 'cc', props: { title: 'T' }, now: 'now' }));
    expect(store.changeCount()).not.toBe(read);
    expect(start).not.toBeNull();
  });

  if (engine.name === 'neo4j') {
    test("another client's write changes changeCount from the next statement on", async () => {
      await store.query(COUNT_ARTICLES);
      const before = store.changeCount();
      const other = await engine.connect();
      try {
        await other.write((tx) => tx.run(UPSERT_ARTICLE, { id: 'elsewhere', props: { title: 'T' }, now: 'now' }));
      } finally {
        await other.close();
      }
      expect(store.changeCount()).toBe(before);
      await store.query(COUNT_ARTICLES);
      expect(store.changeCount()).not.toBe(before);
    });
  }
});
