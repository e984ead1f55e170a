/**
 * Issue 19: a real Apollo Client 4 (HttpLink over Node's fetch, InMemoryCache with the generated
 * possibleTypes) against the real server on a free port with the seeds ingested. It runs the
 * README's queries as codegen-typed documents, reads fragments on the Entity interface from the
 * cache, and pages the meetings forward and backward.
 */
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { SEEDS_DIR, startTestServer, type TestServer } from '../helpers/server';
import possibleTypes from '../../src/client/generated/possible-types';
import {
  DeleteArticleDocument,
  EncountersDocument,
  EntityCardFragmentDoc,
  ExploreDocument,
  FindEntitiesDocument,
  IngestArticleDocument,
  MeetingsPageDocument,
  NodeByIdDocument,
  TimelineDocument,
  TopCounterpartsDocument,
} from '../../src/client/generated/operations';
import { EXAMPLE_VARIABLES } from '../../src/api/example';

let server: TestServer;
let client: ApolloClient;

function newClient(withPossibleTypes = true): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: server.url, fetch }),
    cache: new InMemoryCache(withPossibleTypes ? { possibleTypes: possibleTypes.possibleTypes } : {}),
  });
}

beforeAll(async () => {
  server = await startTestServer({ ingest: [SEEDS_DIR] });
  client = newClient();
});
afterAll(() => server.close());

test("the README's first query, with the README's variables", async () => {
  const { data, error } = await client.query({ query: ExploreDocument, variables: EXAMPLE_VARIABLES });
  expect(error).toBeUndefined();
  expect(data!.encounters!.entity.name).toBe('Volodymyr Zelensky');
  expect(data!.encounters!.nodes.map((e) => e.counterpart.name)).toEqual(expect.arrayContaining(['Keith Kellogg']));
  expect(data!.meetings.totalCount).toBeGreaterThanOrEqual(1);
  expect(data!.meetings.edges.every((e) => e.node.place?.name)).toBe(true);
  expect(data!.path?.length).toBeGreaterThanOrEqual(1);
});

test('fragments on Entity are read from the cache with the generated possibleTypes', async () => {
  const { data } = await client.query({ query: FindEntitiesDocument, variables: { text: 'Zelensky' } });
  const person = data!.search[0];
  expect(person).toMatchObject({ __typename: 'Person', name: 'Volodymyr Zelensky' });
  const id = client.cache.identify(person);
  const card = client.cache.readFragment({ id, fragment: EntityCardFragmentDoc, fragmentName: 'EntityCard' });
  expect(card).toMatchObject({ __typename: 'Person', name: 'Volodymyr Zelensky', titles: expect.any(Array) });
  const place = (await client.query({ query: FindEntitiesDocument, variables: { text: 'Kyiv' } })).data!.search.find((e) => e.__typename === 'Place');
  const placeCard = client.cache.readFragment({ id: client.cache.identify(place!), fragment: EntityCardFragmentDoc, fragmentName: 'EntityCard' });
  expect(placeCard).toMatchObject({ __typename: 'Place', name: 'Kyiv', kind: expect.any(String) });
  // Why README tells Apollo users to pass possibleTypes: without it the fragment's fields are dropped.
  const bare = (await newClient(false).query({ query: FindEntitiesDocument, variables: { text: 'Zelensky' } })).data!.search[0];
  expect(bare).toEqual({ __typename: 'Person' });
});

test('the other reads of the README table, typed', async () => {
  const encounters = (await client.query({ query: EncountersDocument, variables: { name: 'Zelensky', first: 5 } })).data!.encounters!.nodes;
  expect(encounters.length).toBeGreaterThanOrEqual(1);
  const timeline = (await client.query({ query: TimelineDocument, variables: { name: 'Zelensky' } })).data!.timeline!.nodes;
  expect(timeline.length).toBeGreaterThanOrEqual(1);
  const top = (await client.query({ query: TopCounterpartsDocument, variables: { name: 'Zelensky', first: 3 } })).data!.topCounterparts!.nodes;
  expect(top[0].events).toBeGreaterThanOrEqual(1);
  const node = (await client.query({ query: NodeByIdDocument, variables: { id: top[0].counterpart.id } })).data!.node;
  expect(node).toMatchObject({ id: top[0].counterpart.id, name: top[0].counterpart.name });
});

describe('paging the meetings', () => {
  const page = (variables: { first?: number; after?: string; last?: number; before?: string }) =>
    client.query({ query: MeetingsPageDocument, variables, fetchPolicy: 'network-only' }).then((r) => r.data!.meetings);

  let forward: string[] = [];
  test('forward with first/after, to the end', async () => {
    let after: string | undefined;
    let total = 0;
    for (let i = 0; i < 50; i++) {
      const p = await page({ first: 2, after });
      total = p.totalCount;
      forward.push(...p.edges.map((e) => e.node.id));
      expect(p.pageInfo.hasPreviousPage).toBe(i > 0);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor!;
    }
    expect(total).toBeGreaterThanOrEqual(4);
    expect(forward).toHaveLength(total);
    expect(new Set(forward).size).toBe(total);
  });

  test('backward with last/before gives the same events in the same order', async () => {
    const backward: string[] = [];
    let before: string | undefined;
    for (let i = 0; i < 50; i++) {
      const p = await page({ last: 2, before });
      backward.unshift(...p.edges.map((e) => e.node.id));
      expect(p.pageInfo.hasNextPage).toBe(i > 0);
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor!;
    }
    expect(backward).toEqual(forward);
  });

  test('both cursors at once: the window between after and before, from either end', async () => {
    expect(forward.length).toBeGreaterThanOrEqual(5);
    const all = await page({ first: forward.length });
    const cursors = all.edges.map((e) => e.cursor);
    const [after, before] = [cursors[0], cursors[forward.length - 1]];
    const inside = forward.slice(1, -1);
    const fromStart = await page({ after, before, first: 100 });
    expect(fromStart.edges.map((e) => e.node.id)).toEqual(inside);
    const fromEnd = await page({ after, before, last: 2 });
    expect(fromEnd.edges.map((e) => e.node.id)).toEqual(inside.slice(-2));
    const firstTwo = await page({ after, before, first: 2 });
    expect(firstTwo.edges.map((e) => e.node.id)).toEqual(inside.slice(0, 2));
    expect(firstTwo.pageInfo.hasNextPage).toBe(inside.length > 2);
  });
});

test('fragments add no depth, but fields through fragments still count', async () => {
  // The explorer's network query reads through two nested fragments: 7 fields deep, within 10.
  const id = (await client.query({ query: FindEntitiesDocument, variables: { text: 'Zelensky' } })).data!.search[0].id;
  const { print } = await import('graphql');
  const { NETWORK } = await import('../../src/web/explore/operations');
  const ok = await server.gql(print(NETWORK), { id });
  expect(ok.body.errors).toBeUndefined();
  // 11 fields deep, spread over fragments: refused as before.
  const deep = `query { entity(id: "x") { ...A } }
    fragment A on Entity { events { edges { node { ...B } } } }
    fragment B on Event { participants { entity { events { edges { node { participants { entity { name } } } } } } } }`;
  const refused = await server.gql(deep);
  expect(refused.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  expect(refused.body.errors[0].message).toMatch(/depth limit of 10 exceeded, found 1[1-9]/);
});

test('mutations through the client: ingest an article, then delete it', async () => {
  const { data, error } = await client.mutate({
    mutation: IngestArticleDocument,
    variables: { input: { title: 'Scholz meets Macron', text: 'German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday, 6 May 2024.' } },
  });
  expect(error).toBeUndefined();
  const stored = data!.ingestArticle;
  expect(stored.alreadyKnown).toBe(false);
  expect(stored.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Olaf Scholz', 'Emmanuel Macron']));
  const gone = (await client.mutate({ mutation: DeleteArticleDocument, variables: { id: stored.article!.id } })).data!.deleteArticle;
  expect(gone).toMatchObject({ deleted: true, deletedArticleId: stored.article!.id });
});
