/**
 * Relay paging over HTTP on the seed: both cursors applied (after, then before, then first or
 * last), cursors validated, `first: 0` still telling whether items follow, connections that
 * page both ways, the name-taking lists paging past one page, and undated events last.
 */
import { SEEDS_DIR, startTestServer, type TestServer } from '../helpers/server';

/** No extraction workers: these tests send no articles, and loading the models would only slow the start. */
const NO_WORKERS = { KG_EXTRACT_WORKERS: '0' };

const ALL_STATUSES = '[OCCURRED, PLANNED, PROPOSED, HYPOTHETICAL, DECLINED, CANCELLED]';
const ALL_TYPES = '[MEETING, TALKS, VISIT, CALL, SUMMIT, PRESS_CONFERENCE, INTERVIEW, DEBATE, HEARING]';
const FILTER = `{ types: ${ALL_TYPES}, status: ${ALL_STATUSES} }`;
const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id date } }';

describe('paging', () => {
  let server: TestServer;
  let all: { cursor: string; node: { id: string; date: string | null } }[];
  beforeAll(async () => {
    server = await startTestServer({ ingest: [SEEDS_DIR], env: NO_WORKERS });
    all = (await data(`{ meetings(first: 100, filter: ${FILTER}) { ${PAGE} } }`)).meetings.edges;
  });
  afterAll(async () => {
    await server.close();
  });

  async function data(query: string, variables?: Record<string, unknown>) {
    const { body } = await server.gql(query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  }
  async function code(query: string, variables?: Record<string, unknown>) {
    const { body } = await server.gql(query, variables);
    return body.errors?.[0]?.extensions?.code;
  }
  const ids = (page: { edges: { node: { id: string } }[] }) => page.edges.map((e) => e.node.id);
  const meetings = async (args: string, variables?: Record<string, unknown>) =>
    (await data(`query${declare(args)} { meetings(filter: ${FILTER}, ${args}) { ${PAGE} } }`, variables)).meetings;
  const declare = (args: string) => {
    const used = ['a', 'b'].filter((v) => args.includes(`$${v}`));
    return used.length ? `(${used.map((v) => `$${v}: String`).join(', ')})` : '';
  };

  test('after and before together: the window between them, then first or last', async () => {
    expect(all.length).toBeGreaterThanOrEqual(8);
    const a = all[1].cursor;
    const b = all[7].cursor;
    const expected = all.slice(2, 7).map((e) => e.node.id);
    expect(ids(await meetings('after: $a, before: $b', { a, b }))).toEqual(expected);
    const forward = await meetings('first: 2, after: $a, before: $b', { a, b });
    expect(ids(forward)).toEqual(expected.slice(0, 2));
    expect(forward.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const backward = await meetings('last: 2, after: $a, before: $b', { a, b });
    expect(ids(backward)).toEqual(expected.slice(-2));
    expect(backward.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const whole = await meetings('last: 10, after: $a, before: $b', { a, b });
    expect(ids(whole)).toEqual(expected);
    // Items lie before `after` (the cursor's own, at least): the spec lets the server say so.
    expect(whole.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const open = await meetings('last: 100');
    expect(ids(open)).toEqual(all.map((e) => e.node.id));
    expect(open.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: false });
  });

  test('an invalid cursor is BAD_USER_INPUT wherever it is given', async () => {
    for (const args of ['before: "garbage"', 'first: 2, before: "garbage"', 'last: 2, after: "garbage"', `after: "${Buffer.from('[1]').toString('base64url')}"`]) {
      expect([args, await code(`{ meetings(${args}) { totalCount } }`)]).toEqual([args, 'BAD_USER_INPUT']);
    }
    // A cursor of another list is not one of this connection's either.
    const enc = await data(`{ encounters(name: "Trump", first: 1, status: ${ALL_STATUSES}) { pageInfo { endCursor } } }`);
    expect(await code('query($c: String) { meetings(after: $c) { totalCount } }', { c: enc.encounters.pageInfo.endCursor })).toBe('BAD_USER_INPUT');
    expect(await code('query($c: String) { encounters(name: "Trump", after: $c) { nodes { role } } }', { c: all[0].cursor })).toBe('BAD_USER_INPUT');
    expect(await code('query($c: String) { articles(after: $c) { totalCount } }', { c: all[0].cursor })).toBe('BAD_USER_INPUT');
  });

  test('first: 0 and last: 0 still report whether items lie beyond', async () => {
    expect((await meetings('first: 0')).pageInfo).toMatchObject({ hasNextPage: true, startCursor: null, endCursor: null });
    expect((await meetings('first: 0, after: $a', { a: all[all.length - 1].cursor })).pageInfo.hasNextPage).toBe(false);
    expect((await meetings('last: 0')).pageInfo.hasPreviousPage).toBe(true);
    expect((await data('{ articles(first: 0) { pageInfo { hasNextPage } } }')).articles.pageInfo.hasNextPage).toBe(true);
  });

  test('undated events come last in connections, as in timelines', async () => {
    const dates = all.map((e) => e.node.date);
    const firstUndated = dates.indexOf(null);
    if (firstUndated >= 0) expect(dates.slice(firstUndated).every((d) => d === null)).toBe(true);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort());
    const timeline = await data(`{ timeline(name: "Trump", status: ${ALL_STATUSES}) { nodes { date } } }`);
    const tDates = timeline.timeline.nodes.map((e: any) => e.date);
    const tFirst = tDates.indexOf(null);
    if (tFirst >= 0) expect(tDates.slice(tFirst).every((d: string | null) => d === null)).toBe(true);
  });

  test('Query.articles, Entity.articles and Event.articles page both ways', async () => {
    const q = `query($a: String, $b: String, $f: Int, $l: Int) { articles(first: $f, last: $l, after: $a, before: $b) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { cursor node { id } } } }`;
    const every = (await data(q, { f: 100 })).articles.edges;
    expect(every.length).toBe(2);
    const last = (await data(q, { l: 1 })).articles;
    expect(last.edges.map((e: any) => e.node.id)).toEqual([every[every.length - 1].node.id]);
    expect(last.pageInfo.hasPreviousPage).toBe(true);
    const before = (await data(q, { l: 1, b: last.edges[0].cursor })).articles;
    expect(before.edges.map((e: any) => e.node.id)).toEqual([every[every.length - 2].node.id]);
    const between = (await data(q, { a: every[0].cursor, b: every[1].cursor })).articles;
    expect(between.edges).toEqual([]);
    expect(between.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });

    const entity = `query($a: String, $b: String, $f: Int, $l: Int) { search(text: "Zelensky", first: 1) { articles(first: $f, last: $l, after: $a, before: $b) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { cursor node { id } } } } }`;
    const mine = (await data(entity, { f: 10 })).search[0].articles.edges;
    expect(mine.length).toBe(2);
    const tail = (await data(entity, { l: 1 })).search[0].articles;
    expect(tail.edges.map((e: any) => e.node.id)).toEqual([mine[1].node.id]);
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const head = (await data(entity, { l: 1, b: mine[1].cursor })).search[0].articles;
    expect(head.edges.map((e: any) => e.node.id)).toEqual([mine[0].node.id]);

    const event = await data(`{ meetings(first: 1, filter: { participants: ["Zelensky"], types: [MEETING] }) { nodes { articles(last: 1) { totalCount edges { node { id } } } } } }`);
    expect(event.meetings.nodes[0].articles.edges).toHaveLength(1);
  });

  test('Article.events pages like meetings over the article, from batched loads', async () => {
    const before = server.store.stats().statements;
    const { articles } = await data(`{ articles(first: 10) { nodes { id events(first: 3, filter: ${FILTER}) { totalCount nodes { id } } } } }`);
    // articles page + count + the articles' facts + their events: not two statements per article.
    expect(server.store.stats().statements - before).toBeLessThanOrEqual(4);
    for (const a of articles.nodes) {
      const q = `query($id: ID) { meetings(first: 3, filter: { article: $id, types: ${ALL_TYPES}, status: ${ALL_STATUSES} }) { totalCount nodes { id } } }`;
      expect(a.events).toEqual((await data(q, { id: a.id })).meetings);
      const last = (await data(`query($id: ID!) { article(id: $id) { events(last: 2, filter: ${FILTER}) { nodes { id } } } }`, { id: a.id })).article.events.nodes;
      const all = (await data(`query($id: ID!) { article(id: $id) { events(first: 100, filter: ${FILTER}) { nodes { id } } } }`, { id: a.id })).article.events.nodes;
      expect(last).toEqual(all.slice(-2));
    }
  });

  test('encounters, timeline, topCounterparts and search page past one page', async () => {
    const pages = async (field: string, args: string, select: string) => {
      const whole = (await data(`{ x: ${field}(${args}, first: 100) { ${select} } }`)).x;
      const seen: unknown[] = [];
      let after: string | null = null;
      for (let i = 0; i < 50; i++) {
        const page: any = (await data(`query($after: String) { x: ${field}(${args}, first: 2, after: $after) { pageInfo { hasNextPage hasPreviousPage endCursor } nodes { ${select.replace(/^nodes \{ | \}$/g, '')} } } }`, { after })).x;
        seen.push(...page.nodes);
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      return { whole: whole.nodes, seen };
    };
    for (const [field, args, select] of [
      ['encounters', `name: "Trump", status: ${ALL_STATUSES}`, 'nodes { counterpart { name } event { id } }'],
      ['timeline', 'name: "Trump"', 'nodes { id }'],
      ['topCounterparts', 'name: "Trump"', 'nodes { counterpart { name } events }'],
    ]) {
      const { whole, seen } = await pages(field, args, select);
      expect(whole.length).toBeGreaterThan(2);
      expect(seen).toEqual(whole);
    }
    const ten = (await data('{ search(text: "a", first: 6) { id } }')).search;
    const split = [...(await data('{ search(text: "a", first: 3) { id } }')).search, ...(await data('{ search(text: "a", first: 3, offset: 3) { id } }')).search];
    expect(split).toEqual(ten);
    const z = await data('{ search(text: "Trump", first: 1) { all: encounters(first: 4, status: [OCCURRED, PLANNED]) { event { id } } rest: encounters(first: 2, offset: 2, status: [OCCURRED, PLANNED]) { event { id } } } }');
    expect(z.search[0].rest).toEqual(z.search[0].all.slice(2, 4));
    expect(await code('{ search(text: "a", offset: -1) { id } }')).toBe('BAD_USER_INPUT');
  });
});
