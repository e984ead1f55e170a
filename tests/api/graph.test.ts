/**
 * End to end over HTTP on the seed: the questions the service exists to answer, paging,
 * bounded round trips, errors, and the mutations.
 */
import { SEEDS_DIR, startTestServer, type TestServer } from '../helpers/server';
import { engineNames } from '../helpers/stores';

const EVENT = 'id type status date datePrecision time place { name } participants { entity { name } role } evidence { sentence article { id title } } confidence';

describe.each(engineNames())('the knowledge graph over HTTP on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine, ingest: [SEEDS_DIR] });
  });
  afterAll(async () => {
    await server.close();
  });

  async function data(query: string, variables?: Record<string, unknown>) {
    const { status, body } = await server.gql(query, variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return body.data;
  }

  test('Zelensky met Kellogg in Kyiv, and spoke to Trump and Rutte', async () => {
    const { encounters } = await data(`{ encounters(name: "Zelensky") { entity { name } nodes { counterpart { name } event { ${EVENT} } } } }`);
    expect(encounters.entity).toEqual({ name: 'Volodymyr Zelensky' });
    const by = (name: string) => encounters.nodes.filter((e: any) => e.counterpart.name === name).map((e: any) => e.event);
    expect(by('Keith Kellogg')).toEqual([expect.objectContaining({ type: 'MEETING', date: '2025-07-14', status: 'OCCURRED', place: { name: 'Kyiv' } })]);
    expect(by('Donald Trump')).toEqual([expect.objectContaining({ type: 'CALL', date: '2025-07-14', status: 'OCCURRED' })]);
    expect(by('Mark Rutte')).toEqual([expect.objectContaining({ type: 'CALL', status: 'OCCURRED' })]);
    const kellogg = by('Keith Kellogg')[0];
    expect(kellogg.evidence.length).toBeGreaterThan(0);
    expect(kellogg.evidence[0].article.title).toBe('Zelenskiy Thanks Trump for Readiness to Support Ukraine');
    expect(kellogg.participants.map((p: any) => p.entity.name).sort()).toEqual(['Keith Kellogg', 'Volodymyr Zelensky']);
  });

  test('Trump met Rutte at the White House, and did not meet Putin', async () => {
    const { encounters } = await data(`{ encounters(name: "Trump", status: [OCCURRED, PLANNED, PROPOSED, HYPOTHETICAL, DECLINED, CANCELLED]) { nodes { counterpart { name } event { type status place { name } } } } }`);
    expect(encounters.nodes).toContainEqual({ counterpart: { name: 'Mark Rutte' }, event: { type: 'MEETING', status: 'OCCURRED', place: { name: 'White House' } } });
    const putin = encounters.nodes.filter((e: any) => e.counterpart.name === 'Vladimir Putin');
    expect(putin.length).toBeGreaterThan(0);
    expect(putin.every((e: any) => e.event.status !== 'OCCURRED')).toBe(true);
    const occurred = await data('{ encounters(name: "Donald Trump") { nodes { counterpart { name } } } }');
    expect(occurred.encounters.nodes.map((e: any) => e.counterpart.name)).not.toContain('Vladimir Putin');
  });

  test('meetings in Istanbul (and in Türkiye, which contains it) include the planned talks of 2025-05-16', async () => {
    for (const place of ['Istanbul', 'Türkiye', 'turkey']) {
      const { meetings } = await data(`query($place: String) { meetings(filter: {place: $place}) { totalCount edges { node { ${EVENT} } } } }`, { place });
      const talks = meetings.edges.map((e: any) => e.node).find((n: any) => n.date === '2025-05-16');
      expect(talks).toMatchObject({ type: 'TALKS', status: 'PLANNED' });
      const names = talks.participants.map((p: any) => p.entity.name);
      expect(names).toEqual(expect.arrayContaining(['Russia', 'Ukraine']));
    }
  });

  test('a connection counts its events only when the query asks for totalCount', async () => {
    const statements = async (query: string) => {
      const before = server.store.stats().statements;
      const result = await data(query);
      return { result, statements: server.store.stats().statements - before };
    };
    const counted = await statements('{ meetings(first: 2) { totalCount edges { node { type } } } }');
    const uncounted = await statements('{ meetings(first: 2) { edges { node { type } } } }');
    expect(counted.result.meetings.totalCount).toBeGreaterThan(2);
    expect(uncounted.result.meetings.edges).toEqual(counted.result.meetings.edges);
    expect(counted.statements - uncounted.statements).toBe(1);
    // Behind a fragment it may be asked for: counted.
    const fragment = await data('{ meetings(first: 2) { ... on EventConnection { totalCount } } }');
    expect(fragment.meetings.totalCount).toBe(counted.result.meetings.totalCount);
  });

  test('a path links Kellogg to Putin, each step saying how', async () => {
    const { path } = await data('{ path(from: "Kellogg", to: "Putin") { length entities { name } steps { kind description from { name } to { name } event { type } title } } }');
    expect(path.length).toBeGreaterThan(0);
    expect(path.entities[0].name).toBe('Keith Kellogg');
    expect(path.entities[path.entities.length - 1].name).toBe('Vladimir Putin');
    for (const step of path.steps) expect(step.description.length).toBeGreaterThan(5);
    const none = await data('{ path(from: "Kellogg", to: "Putin", maxHops: 1) { length } }');
    expect(none.path).toBeNull();
  });

  test('search is case-, accent- and transliteration-insensitive and ranked', async () => {
    const { a, b, c, d } = await data(`{
      a: search(text: "zelenskyy") { name aliases }
      b: search(text: "TURKIYE", types: [PLACE]) { name ... on Place { kind countryCode } }
      c: search(text: "kellog") { name }
      d: search(text: "Qqqxzy", first: 3) { name }
    }`);
    expect(a[0]).toEqual({ name: 'Volodymyr Zelensky', aliases: expect.arrayContaining(['Volodymyr Zelenskiy']) });
    expect(b[0]).toEqual({ name: 'Türkiye', kind: 'COUNTRY', countryCode: 'TR' });
    expect(c[0].name).toBe('Keith Kellogg');
    expect(d).toEqual([]);
  });

  test('meetings page both ways with keyset cursors and a totalCount', async () => {
    const { meetings } = await data('{ meetings(first: 100) { totalCount edges { cursor node { id } } } }');
    const ids = meetings.edges.map((e: any) => e.node.id);
    expect(meetings.totalCount).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(4);
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await data('query($after: String) { meetings(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }', { after })).meetings;
      forward.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(forward).toEqual(ids);
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: any = (await data('query($before: String) { meetings(last: 2, before: $before) { pageInfo { hasPreviousPage startCursor } edges { node { id } } } }', { before })).meetings;
      backward.unshift(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(ids);
  });

  test('filters combine: participants, dates, types, statuses, confidence', async () => {
    const q = (filter: string) => data(`{ meetings(filter: ${filter}) { totalCount edges { node { type status date participants { entity { name } } } } } }`);
    const both = await q('{participants: ["Zelensky", "Kellogg"]}');
    expect(both.meetings.totalCount).toBe(1);
    const july = await q('{from: "2025-07-01", to: "2025-07-31", types: [CALL]}');
    expect(july.meetings.edges.every((e: any) => e.node.type === 'CALL' && e.node.date.startsWith('2025-07'))).toBe(true);
    expect(july.meetings.totalCount).toBe(2);
    const planned = await q('{statuses: [PLANNED], minConfidence: 0.5}');
    expect(planned.meetings.edges.every((e: any) => e.node.status === 'PLANNED')).toBe(true);
    const nobody = await q('{participants: ["Nobody Atall Qqq"]}');
    expect(nobody.meetings.totalCount).toBe(0);
  });

  test('timeline, rankings and histogram', async () => {
    const { timeline, topCounterparts, meetingHistogram } = await data(`{
      timeline(name: "Zelensky") { nodes { type date status } }
      topCounterparts(name: "Zelensky") { nodes { counterpart { name } events lastDate } }
      meetingHistogram(bucket: MONTH) { bucket count }
    }`);
    const dated = timeline.nodes.filter((e: any) => e.date).map((e: any) => e.date);
    expect(dated).toEqual([...dated].sort());
    // The seed's three: the Kyiv meeting with Kellogg (one event however many sentences report it) and the calls with Trump and Rutte.
    expect(timeline.nodes.map((e: any) => `${e.type} ${e.status}`).sort()).toEqual(expect.arrayContaining(['CALL OCCURRED', 'CALL OCCURRED', 'MEETING OCCURRED']));
    expect(topCounterparts.nodes.map((c: any) => c.counterpart.name)).toEqual(expect.arrayContaining(['Donald Trump', 'Keith Kellogg', 'Mark Rutte']));
    expect(meetingHistogram).toEqual(expect.arrayContaining([{ bucket: '2025-07', count: 4 }]));
  });

  test('entities walk the graph: encounters, events and articles on the entity', async () => {
    const { search } = await data(`{ search(text: "Zelensky", first: 1) { id name articleCount
      encounters(first: 10) { counterpart { name } }
      events(first: 2) { totalCount edges { node { type } } }
      articles(first: 5) { totalCount edges { node { title mentions { entity { name } count spans } } } } } }`);
    const [z] = search;
    expect(z.articleCount).toBe(2);
    expect(z.articles.totalCount).toBe(2);
    expect(z.events.edges).toHaveLength(2);
    expect(z.events.totalCount).toBeGreaterThan(2);
    expect(z.encounters.length).toBeGreaterThan(2);
    const node = await data('query($id: ID!) { node(id: $id) { id ... on Person { name roles { title of { name } } } } }', { id: z.id });
    expect(node.node).toMatchObject({ id: z.id, name: 'Volodymyr Zelensky', roles: [{ title: 'President', of: { name: 'Ukraine' } }] });
  });

  test('a nested query costs a bounded number of round trips (no N+1)', async () => {
    const query = `{ meetings(first: 50) { edges { node { id place { name within { name } } participants { entity { name ... on Person { roles { of { name } } } } }
      evidence { sentence article { title } } } } } }`;
    const before = server.store.stats().statements;
    const result = await data(query);
    const used = server.store.stats().statements - before;
    const participants = result.meetings.edges.flatMap((e: any) => e.node.participants).length;
    expect(participants).toBeGreaterThan(10);
    // page + count + events + event details + entities (participants, places) + containing places + role targets + articles
    expect(used).toBeLessThanOrEqual(9);
  });

  test('bad input gets documented error codes and no internals', async () => {
    const cases: [string, string][] = [
      ['{ encounters(name: "Qqqzzz Nobody") { nodes { event { id } } } }', 'NOT_FOUND'],
      ['{ encounters(name: "") { nodes { event { id } } } }', 'BAD_USER_INPUT'],
      ['{ meetings(filter: {from: "2025-13-01"}) { totalCount } }', 'GRAPHQL_VALIDATION_FAILED'],
      ['{ meetings(first: -1) { totalCount } }', 'BAD_USER_INPUT'],
      ['{ meetings(after: "not-a-cursor") { totalCount } }', 'BAD_USER_INPUT'],
      ['{ meetings(first: 1, last: 1) { totalCount } }', 'BAD_USER_INPUT'],
      ['{ path(from: "Kellogg", to: "Putin", maxHops: 50) { length } }', 'BAD_USER_INPUT'],
      ['{ entity(id: "QXJ0aWNsZTp4") { name } }', 'BAD_USER_INPUT'],
      ['{ meetings(filter: {minConfidence: 2}) { totalCount } }', 'BAD_USER_INPUT'],
    ];
    for (const [query, code] of cases) {
      const { body } = await server.gql(query);
      expect({ query, code: body.errors?.[0]?.extensions?.code }).toEqual({ query, code });
      expect(JSON.stringify(body)).not.toMatch(/MATCH|Cypher|at .*\.ts:|GRAFEO/);
    }
  });

  test('ingest, re-ingest, delete and merge through mutations', async () => {
    const ingest = `mutation($input: ArticleInput!) { ingestArticle(input: $input) { alreadyKnown warnings { code }
      article { id title publishedAt publishedAtInferred } entities { name } events { type status date place { name } participants { entity { id name } } } } }`;
    const input = {
      title: 'Macron hosts Scholz in Paris',
      text: 'French President Emmanuel Macron met German Chancellor Olaf Scholz at the Elysee Palace in Paris on Wednesday, January 22, 2025. The two leaders discussed Ukraine.',
      publishedAt: '2025-01-22',
      source: 'Test Wire',
    };
    // Search answers are kept between requests, but never past a write.
    expect((await data('{ search(text: "Macron") { name } }')).search).toEqual([]);
    const first = (await data(ingest, { input })).ingestArticle;
    expect(first.alreadyKnown).toBe(false);
    expect((await data('{ search(text: "Macron") { name } }')).search.map((e: any) => e.name)).toContain('Emmanuel Macron');
    const statementsBefore = server.store.stats().statements;
    expect((await data('{ search(text: "Macron") { name } }')).search.map((e: any) => e.name)).toContain('Emmanuel Macron');
    // The entities; the search itself was kept (on Neo4j too: no bookmark changed since).
    expect(server.store.stats().statements - statementsBefore).toBe(1);
    expect(first.article).toMatchObject({ title: input.title, publishedAt: '2025-01-22', publishedAtInferred: false });
    expect(first.entities.map((e: any) => e.name)).toEqual(expect.arrayContaining(['Emmanuel Macron', 'Olaf Scholz']));
    expect(first.events).toContainEqual(expect.objectContaining({ type: 'MEETING', status: 'OCCURRED', date: '2025-01-22', place: { name: 'Elysee Palace' } }));
    const again = (await data(ingest, { input })).ingestArticle;
    expect(again.alreadyKnown).toBe(true);
    expect(again.article.id).toBe(first.article.id);

    const batch = await data('mutation($inputs: [ArticleInput!]!) { ingestArticles(inputs: $inputs) { alreadyKnown error { code } article { title } } }', {
      inputs: [input, { text: '   ' }, { text: '<html><script>x()</script></html>' }],
    });
    expect(batch.ingestArticles.map((r: any) => r.error?.code ?? null)).toEqual([null, 'BAD_USER_INPUT', 'BAD_USER_INPUT']);

    const macron = first.events[0].participants.find((p: any) => p.entity.name === 'Emmanuel Macron').entity.id;
    const scholz = first.events[0].participants.find((p: any) => p.entity.name === 'Olaf Scholz').entity.id;
    expect((await data('{ search(text: "Olaf Scholz", first: 1) { name } }')).search).toEqual([{ name: 'Olaf Scholz' }]);
    const merged = await data('mutation($keep: ID!, $merge: ID!) { mergeEntities(keep: $keep, merge: $merge) { name aliases } }', { keep: macron, merge: scholz });
    expect(merged.mergeEntities.aliases).toContain('Olaf Scholz');
    expect((await data('{ search(text: "Olaf Scholz", first: 1) { name } }')).search).toEqual([{ name: 'Emmanuel Macron' }]);

    const deleted = await data('mutation($id: ID!) { deleteArticle(id: $id) { deletedArticleId deleted } }', { id: first.article.id });
    expect(deleted.deleteArticle.deleted).toBe(true);
    const gone = await data('{ search(text: "Macron") { name } }');
    expect(gone.search).toEqual([]);
    const { articles } = await data('{ articles { totalCount } }');
    expect(articles.totalCount).toBe(2);
  });
});
