/**
 * The graph contract: writing, merging across articles, re-writing, deleting and curating
 * facts behave the same on every engine (embedded always, Neo4j when NEO4J_URI is set).
 */
import { engines } from '../helpers/stores';
import { SEEDS_DIR } from '../helpers/server';
import { readInputs } from '../../src/cli/read-inputs';
import { extract } from '../../src/extract/pipeline';
import type { Input } from '../../src/extract/types';
import { ingestInputs } from '../../src/graph/ingest';
import { countEvents, encounters, entitiesByKeys, eventDetails, eventsByIds, eventsPage, EVENT_TYPES, graphCounts, searchEntities } from '../../src/graph/queries';
import { reindex } from '../../src/graph/reindex';
import { statement } from '../../src/graph/statement';
import type { GraphStore } from '../../src/graph/store';
import { deleteArticle, mergeEntities, writeArticle } from '../../src/graph/write';
import { pipelineComponents } from '../../src/models';

const PLANNED: Input = {
  name: 'planned',
  text: 'US Secretary of State Marco Rubio will meet Russian Foreign Minister Sergei Lavrov in Riyadh on March 4, 2025, officials said.',
  meta: { title: 'Rubio and Lavrov to meet in Riyadh', publishedAt: '2025-03-01' },
  single: true,
};
const HELD: Input = {
  name: 'held',
  text: 'US Secretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov in Riyadh on Tuesday, March 4, 2025. The two discussed Ukraine.',
  meta: { title: 'Rubio meets Lavrov in Riyadh', publishedAt: '2025-03-05' },
  single: true,
};

function doc(input: Input) {
  const { docs, errors } = extract(input, pipelineComponents());
  expect(errors).toEqual([]);
  return docs[0];
}

async function allEvents(store: GraphStore) {
  const page = await eventsPage(
    store,
    { participants: [], place: null, from: null, to: null, types: [...EVENT_TYPES], statuses: null, minConfidence: null, article: null },
    { limit: 1000, after: null, before: null, backward: false },
  );
  const ids = page.map((p) => p.id);
  const details = await eventDetails(store, ids);
  return [...(await eventsByIds(store, ids)).values()].map((v) => ({ ...v, ...details.get(v.id)! }));
}

/** Every entity's stored article count equals its counted mentions. */
const COUNTED = statement('test_counted_mentions', 'MATCH (n:Entity) RETURN n.key AS key, coalesce(n.articleCount, 0) AS stored, COUNT { (n)<-[:MENTIONS]-(:Article) } AS counted', []);
async function expectStoredCountsTrue(store: GraphStore) {
  const rows = await store.query<{ key: string; stored: number; counted: number }>(COUNTED, {});
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.filter((r) => r.stored !== r.counted)).toEqual([]);
}

describe.each(engines().map((e) => [e.name, e] as const))('graph contract on %s', (_name, engine) => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await engine.open();
  });
  afterEach(async () => {
    await store.close();
  });

  test('the seed yields the expected encounters, and re-ingesting changes nothing', async () => {
    const first = await ingestInputs(store, readInputs([SEEDS_DIR]).inputs);
    expect(first.errors).toEqual([]);
    const counts = await graphCounts(store);
    const again = await ingestInputs(store, readInputs([SEEDS_DIR]).inputs);
    expect(again.articles.every((a) => a.alreadyKnown)).toBe(true);
    expect(await graphCounts(store)).toEqual(counts);

    const [zelensky] = await searchEntities(store, 'Zelensky', null, 1);
    expect(zelensky.key).toBe('person:volodymyr-zelensky');
    const met = (await encounters(store, [zelensky.key], { types: ['MEETING', 'CALL'], statuses: ['OCCURRED'], from: null, to: null, first: 50 })).get(zelensky.key)!;
    const events = await eventsByIds(store, met.map((m) => m.event));
    const seen = met.map((m) => {
      const v = events.get(m.event)!;
      return `${m.counterpart} ${v.type} ${v.date} ${v.placeKey}`;
    });
    expect(seen).toEqual(
      expect.arrayContaining([
        'person:keith-kellogg MEETING 2025-07-14 place:kyiv-ua',
        'person:donald-trump CALL 2025-07-14 null',
        'person:mark-rutte CALL 2025-07-14 null',
      ]),
    );
  });

  test('reports of one meeting in two articles are one event; the latest report sets its status', async () => {
    await writeArticle(store, doc(PLANNED));
    const held = doc(HELD);
    await writeArticle(store, held);
    const meetings = (await allEvents(store)).filter((v) => v.type === 'MEETING');
    expect(meetings).toHaveLength(1);
    const [meeting] = meetings;
    expect(meeting).toMatchObject({ status: 'OCCURRED', date: '2025-03-04', placeKey: 'place:riyadh-sa', articleCount: 2 });
    expect(meeting.reports.map((r) => r.status).sort()).toEqual(['OCCURRED', 'PLANNED']);
    expect(meeting.confidence).toBeGreaterThan(Math.max(...meeting.reports.map((r) => r.confidence)));

    // Withdrawing the later article leaves the earlier report: the meeting is planned again.
    expect(await deleteArticle(store, held.id)).toBe(true);
    const [after] = (await allEvents(store)).filter((v) => v.type === 'MEETING');
    expect(after).toMatchObject({ status: 'PLANNED', articleCount: 1 });
    expect(await deleteArticle(store, held.id)).toBe(false);
  });

  test('evidence offsets slice the stored article text', async () => {
    const d = doc(HELD);
    await writeArticle(store, d);
    const [meeting] = await allEvents(store);
    const report = meeting.reports[0];
    const text = d.inputText.slice(d.inputSpan.start, d.inputSpan.end);
    expect(text.slice(report.trigger[0], report.trigger[1])).toBe(report.triggerText);
    expect(text.slice(report.evidence[0], report.evidence[1]).replace(/\s+/g, ' ').trim()).toBe(report.sentences[0]);
  });

  test('reindex rebuilds the same graph, and deleting every article leaves nothing behind', async () => {
    await ingestInputs(store, readInputs([SEEDS_DIR]).inputs);
    const counts = await graphCounts(store);
    // As a store written before counts were kept: reindex must still leave them true.
    await store.write((tx) => tx.run(statement('test_forget_counts', 'MATCH (n:Entity) SET n.articleCount = null RETURN count(n) AS count'), {}));
    const report = await reindex(store, pipelineComponents());
    expect(report).toMatchObject({ articles: 2, rewritten: 2, errors: [] });
    expect(await graphCounts(store)).toEqual(counts);
    await expectStoredCountsTrue(store);
    for (const id of ['d74d24a971a5bf9a', '465dd867ad86617f']) expect(await deleteArticle(store, id)).toBe(true);
    expect(Object.values(await graphCounts(store)).every((n) => n === 0)).toBe(true);
  });

  test('events filtered by a place are found from the place and the places within it, as by their place keys', async () => {
    await ingestInputs(store, readInputs([SEEDS_DIR]).inputs);
    await writeArticle(store, doc(HELD));
    const byKeys = statement('test_events_by_place_keys', 'MATCH (v:Event) WHERE $place IN v.placeKeys RETURN v.id AS id', ['place']);
    const places = await store.query<{ key: string }>(statement('test_event_places', 'MATCH (v:Event) UNWIND v.placeKeys AS key RETURN DISTINCT key'), {});
    expect(places.length).toBeGreaterThan(3);
    for (const { key } of places) {
      const filter = { participants: [], place: key, from: null, to: null, types: [...EVENT_TYPES], statuses: null, minConfidence: null, article: null };
      const expected = (await store.query<{ id: string }>(byKeys, { place: key })).map((r) => r.id).sort();
      const page = await eventsPage(store, filter, { limit: 1000, after: null, before: null, backward: false });
      expect(page.map((r) => r.id).sort()).toEqual(expected);
      expect(await countEvents(store, filter)).toBe(expected.length);
    }
  });

  test('deleting one article keeps what another article still supports', async () => {
    await ingestInputs(store, readInputs([SEEDS_DIR]).inputs);
    await deleteArticle(store, '465dd867ad86617f');
    const found = await entitiesByKeys(store, ['person:keith-kellogg', 'person:volodymyr-zelensky', 'person:mark-rutte']);
    expect([...found.keys()]).toEqual(['person:volodymyr-zelensky']);
    expect(found.get('person:volodymyr-zelensky')!.articleCount).toBe(1);
    await expectStoredCountsTrue(store);
  });

  test('merging entities moves their facts and redirects later articles', async () => {
    await writeArticle(store, doc(HELD));
    await writeArticle(store, doc({ name: 'x', text: 'Marco Rubio met Maria Zakharova in Paris on March 7, 2025.', meta: { title: 'Paris', publishedAt: '2025-03-07' }, single: true }));
    const keep = 'person:sergey-lavrov';
    const merge = 'person:maria-zakharova';
    expect([...(await entitiesByKeys(store, [keep, merge])).keys()].sort()).toEqual([merge, keep]);
    await mergeEntities(store, keep, merge);
    const after = await entitiesByKeys(store, [keep, merge]);
    expect(after.has(merge)).toBe(false);
    expect(after.get(keep)!.articleCount).toBe(2);
    expect((await encounters(store, [keep], { types: ['MEETING'], statuses: null, from: null, to: null, first: 10 })).get(keep)).toHaveLength(2);
    await expectStoredCountsTrue(store);
    expect(after.get(keep)!.aliases).toContain('Maria Zakharova');
    const met = (await encounters(store, ['person:marco-rubio'], { types: ['MEETING'], statuses: null, from: null, to: null, first: 10 })).get('person:marco-rubio')!;
    expect(met.map((m) => m.counterpart)).toEqual([keep, keep]);
    const paris = (await allEvents(store)).find((v) => v.placeKey === 'place:paris-fr')!;
    expect(paris.participants.map((p) => p.key)).toEqual(['person:marco-rubio', keep]);
    // A later article naming the merged-away entity lands on the kept one.
    await writeArticle(store, doc({ name: 'z', text: 'Maria Zakharova spoke in Rome on March 9, 2025.', meta: { title: 'Later', publishedAt: '2025-03-09' }, single: true }));
    expect((await entitiesByKeys(store, [merge])).size).toBe(0);
    expect((await searchEntities(store, 'Zakharova', ['PERSON'], 1))[0].key).toBe(keep);
    await expect(mergeEntities(store, keep, keep)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(mergeEntities(store, keep, 'person:nobody-here')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('a file of many articles is extracted one batch at a time, each batch written before the next is extracted', async () => {
    const lines = [0, 1, 2].map((k) => JSON.stringify({ id: `stream-${k}`, title: `Talks ${k}`, date: '2025-03-01', text: `Marco Rubio met Sergei Lavrov in Riyadh on day ${k}.` }));
    const run = async (writeBatch: number) => {
      const steps: string[] = [];
      const components = [...pipelineComponents(), (d: { title: string }) => void steps.push(`extracted ${d.title}`)];
      const report = await ingestInputs(store, [{ name: 'stream.jsonl', text: [...lines, '{not json'].join('\n') }], components, { writeBatch, force: true, onArticle: (a) => void steps.push(`written ${a.title}`) });
      expect(report.errors).toHaveLength(1);
      return steps;
    };
    expect(await run(1)).toEqual(['extracted Talks 0', 'written Talks 0', 'extracted Talks 1', 'written Talks 1', 'extracted Talks 2', 'written Talks 2']);
    expect(await run(2)).toEqual(['extracted Talks 0', 'extracted Talks 1', 'written Talks 0', 'written Talks 1', 'extracted Talks 2', 'written Talks 2']);
  });

  test('articles written in batches make the same graph as articles written one at a time', async () => {
    // Articles that meet in the graph: one meeting planned then held, namesakes, and the seed.
    const inputs = () => [PLANNED, HELD, ...readInputs([SEEDS_DIR]).inputs, PLANNED];
    const snapshot = async () => ({ counts: await graphCounts(store), events: (await allEvents(store)).sort((a, b) => a.id.localeCompare(b.id)) });
    const batched = await ingestInputs(store, inputs(), pipelineComponents(), { writeBatch: 16 });
    expect(batched.errors).toEqual([]);
    expect(batched.articles.map((a) => a.alreadyKnown)).toEqual([false, false, false, false, true]);
    const together = await snapshot();
    await store.close();
    store = await engine.open();
    await ingestInputs(store, inputs(), pipelineComponents(), { writeBatch: 1 });
    expect(await snapshot()).toEqual(together);
    expect(together.events.find((v) => v.type === 'MEETING' && v.placeKey === 'place:riyadh-sa')).toMatchObject({ status: 'OCCURRED', articleCount: 2 });
  });

  test('an article the store refuses fails alone: the rest of its batch is written', async () => {
    const spoil = (d: { title: string; entities: unknown }) => {
      // A document the write path cannot read: its transaction fails midway and is rolled back.
      if (d.title.startsWith('Rubio meets')) d.entities = null;
    };
    const report = await ingestInputs(store, [PLANNED, HELD, ...readInputs([SEEDS_DIR]).inputs], [...pipelineComponents(), spoil as never], { writeBatch: 16 });
    expect(report.errors.map((e) => [e.input, e.code])).toEqual([['held', 'STORE_WRITE_FAILED']]);
    // The seed file holds two articles.
    const seed = readInputs([SEEDS_DIR]).inputs[0].name;
    expect(report.articles.map((a) => a.input)).toEqual(['planned', seed, seed]);
    expect((await graphCounts(store)).articles).toBe(3);
  });

  test('a surname-only person joins the one full-named namesake stored before or after, whatever the order', async () => {
    const articles: Input[] = [
      { name: 'a', text: 'Blair told MPs on Monday that the economy was strong. Blair met union leaders later.', meta: { title: 'Blair speaks', publishedAt: '2005-02-01' }, single: true },
      { name: 'b', text: 'Prime Minister Tony Blair met Chancellor Gordon Brown in London on Tuesday.', meta: { title: 'Blair and Brown', publishedAt: '2005-02-02' }, single: true },
      { name: 'c', text: 'President Putin said on Wednesday that talks would continue. Putin spoke in Moscow.', meta: { title: 'Putin speaks', publishedAt: '2005-02-03' }, single: true },
      { name: 'd', text: 'Russian President Vladimir Putin met German Chancellor Gerhard Schroeder in Berlin.', meta: { title: 'Putin in Berlin', publishedAt: '2005-02-04' }, single: true },
    ];
    const snapshot = async () => {
      const rows = await store.query<{ key: string; name: string; aliases: string[]; articles: number }>(
        statement('test_person_snapshot', "MATCH (n:Entity) WHERE n.type = 'PERSON' RETURN n.key AS key, n.name AS name, n.aliases AS aliases, COUNT { (n)<-[:MENTIONS]-(:Article) } AS articles ORDER BY key"),
        {},
      );
      return rows.map((r) => ({ ...r, aliases: [...(r.aliases ?? [])].sort() }));
    };
    await ingestInputs(store, articles, pipelineComponents());
    const forwards = await snapshot();
    const persons = new Map(forwards.map((r) => [r.key, r]));
    expect(persons.get('person:tony-blair')).toMatchObject({ name: 'Tony Blair', articles: 2 });
    expect(persons.get('person:vladimir-putin')).toMatchObject({ name: 'Vladimir Putin', articles: 2 });
    expect(persons.has('person:blair')).toBe(false);
    expect(persons.has('person:putin')).toBe(false);
    expect((await searchEntities(store, 'Putin', null, 5))[0].key).toBe('person:vladimir-putin');
    await reindex(store, pipelineComponents());
    expect(await snapshot()).toEqual(forwards);

    // The other order: the full names come first and the partial ones join them as they are written.
    await store.close();
    store = await engine.open();
    await ingestInputs(store, [...articles].reverse(), pipelineComponents());
    expect(await snapshot()).toEqual(forwards);
    await reindex(store, pipelineComponents());
    expect(await snapshot()).toEqual(forwards);
  });

  test('a surname shared by two full-named people equally reported stays apart', async () => {
    await ingestInputs(store, [
      { name: 'a', text: 'Tony Blair met Gordon Brown in London on Monday.', meta: { title: 'One', publishedAt: '2005-02-01' }, single: true },
      { name: 'b', text: 'Cherie Blair met Laura Bush in Washington on Tuesday.', meta: { title: 'Two', publishedAt: '2005-02-02' }, single: true },
      { name: 'c', text: 'Blair said on Wednesday that he would not resign.', meta: { title: 'Three', publishedAt: '2005-02-03' }, single: true },
    ], pipelineComponents());
    const keys = (await entitiesByKeys(store, ['person:tony-blair', 'person:cherie-blair', 'person:blair'])).size;
    expect(keys).toBe(3);
  });

  test('among several namesakes a bare surname means the one the news is about', async () => {
    const tony = [0, 1, 2, 3, 4].map((i) => ({ name: `t${i}`, text: `Prime Minister Tony Blair met Chancellor Gordon Brown on day ${i + 1} in London.`, meta: { title: `Tony ${i}`, publishedAt: `2005-03-0${i + 1}` }, single: true }));
    await ingestInputs(store, [
      ...tony,
      { name: 'c', text: 'Cherie Blair met Laura Bush in Washington on Tuesday.', meta: { title: 'Cherie', publishedAt: '2005-03-08' }, single: true },
      { name: 'b', text: 'Blair said on Wednesday that he would not resign.', meta: { title: 'Blair', publishedAt: '2005-03-09' }, single: true },
    ], pipelineComponents());
    const found = await entitiesByKeys(store, ['person:tony-blair', 'person:cherie-blair', 'person:blair']);
    expect([...found.keys()].sort()).toEqual(['person:cherie-blair', 'person:tony-blair']);
    expect((await searchEntities(store, 'Blair', null, 1))[0].key).toBe('person:tony-blair');
  });

  test('concurrent writes of the same article store it once', async () => {
    const d = doc(HELD);
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => writeArticle(store, d)));
    expect(outcomes.filter((o) => o.created)).toHaveLength(1);
    const counts = await graphCounts(store);
    expect(counts.articles).toBe(1);
    expect(counts.events).toBe(1);
  });
});
