/**
 * The schema as a client reads it, and the answers that follow from it: every argument
 * described, defaults in the SDL, enums where values are closed sets, one spelling of the
 * status filter, no field clashes under node(id); partial answers per name-taking field with
 * the entity the name resolved to; ids checked the same way by every lookup.
 */
import { buildSchema, getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, print, astFromValue, type GraphQLObjectType } from 'graphql';
import { loadTypeDefs } from '../../src/api/schema';
import { SEEDS_DIR, startTestServer, type TestServer } from '../helpers/server';
import { MEETING_TYPES } from '../../src/graph/queries';

/** No extraction workers: these tests send no articles, and loading the models would only slow the start. */
const NO_WORKERS = { KG_EXTRACT_WORKERS: '0' };

const schema = buildSchema(loadTypeDefs());

describe('the schema', () => {
  const fields = Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__') && (isObjectType(t) || isInterfaceType(t)))
    .flatMap((t) => Object.values((t as GraphQLObjectType).getFields()).map((f) => ({ type: t.name, field: f })));

  test('every argument has a description', () => {
    const missing = fields.flatMap(({ type, field }) => field.args.filter((a) => !a.description?.trim()).map((a) => `${type}.${field.name}(${a.name})`));
    expect(missing).toEqual([]);
  });

  test('defaults live in the SDL', () => {
    const defaultOf = (type: string, field: string, arg: string) => {
      const a = (schema.getType(type) as GraphQLObjectType).getFields()[field].args.find((x) => x.name === arg)!;
      return a.defaultValue === undefined ? undefined : print(astFromValue(a.defaultValue, a.type)!);
    };
    expect(defaultOf('Query', 'encounters', 'first')).toBe('50');
    expect(defaultOf('Query', 'encounters', 'status')).toBe('[OCCURRED]');
    expect(defaultOf('Query', 'encounters', 'types')).toBe(`[${MEETING_TYPES.join(', ')}]`);
    expect(defaultOf('Person', 'encounters', 'status')).toBe('[OCCURRED]');
    expect(defaultOf('Query', 'meetingHistogram', 'bucket')).toBe('MONTH');
    expect(defaultOf('Query', 'path', 'maxHops')).toBe('4');
    expect(defaultOf('Query', 'search', 'first')).toBe('10');
    expect(defaultOf('Query', 'timeline', 'first')).toBe('100');
  });

  test('closed sets are enums', () => {
    const typeOf = (type: string, field: string) => getNamedType((schema.getType(type) as GraphQLObjectType).getFields()[field].type);
    for (const [type, field] of [['Participant', 'role'], ['Encounter', 'role'], ['Encounter', 'counterpartRole'], ['Place', 'kind'], ['IngestWarning', 'code']]) {
      expect([type, field, isEnumType(typeOf(type, field))]).toEqual([type, field, true]);
    }
    expect(typeOf('HistogramBucket', 'bucket').name).toBe('Date');
  });

  test('one name for the status filter; the old one is deprecated', () => {
    const filter = schema.getType('MeetingFilter');
    if (!isInputObjectType(filter)) throw new Error('MeetingFilter is not an input');
    expect(filter.getFields().status).toBeDefined();
    expect(filter.getFields().statuses.deprecationReason).toMatch(/status/);
    const statusArgs = fields.flatMap(({ field }) => field.args.filter((a) => /^status/.test(a.name)).map((a) => a.name));
    expect(new Set(statusArgs)).toEqual(new Set(['status']));
  });

  test('fields of the same name have the same type and arguments on every Node type', () => {
    const nodes = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'));
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const t of nodes) {
      for (const f of Object.values(t.getFields())) {
        if (f.deprecationReason) continue;
        const signature = `${String(f.type)}(${f.args.map((a) => `${a.name}: ${String(a.type)}`).join(', ')})`;
        const before = seen.get(f.name);
        if (before && before !== signature) clashes.push(`${t.name}.${f.name}: ${signature} vs ${before}`);
        seen.set(f.name, before ?? signature);
      }
    }
    expect(clashes).toEqual([]);
    expect(Object.keys((schema.getType('DeleteResult') as GraphQLObjectType).getFields())).not.toContain('id');
  });
});

describe('answers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ingest: [SEEDS_DIR], env: NO_WORKERS });
  });
  afterAll(async () => {
    await server.close();
  });
  async function data(query: string, variables?: Record<string, unknown>) {
    const { body } = await server.gql(query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  test('an unknown name fails its own field only; the siblings are answered', async () => {
    const { status, body } = await server.gql(`{
      encounters(name: "Qqqzzz Nobody") { nodes { counterpart { name } } }
      timeline(name: "Qqqzzz Nobody") { nodes { id } }
      topCounterparts(name: "Qqqzzz Nobody") { nodes { events } }
      meetings(first: 1) { totalCount }
      search(text: "Zelensky", first: 1) { name }
      ok: encounters(name: "Zelensky", first: 1) { entity { name } }
    }`);
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ encounters: null, timeline: null, topCounterparts: null, search: [{ name: 'Volodymyr Zelensky' }], ok: { entity: { name: 'Volodymyr Zelensky' } } });
    expect(body.data.meetings.totalCount).toBeGreaterThan(0);
    expect(body.errors.map((e: any) => [e.path, e.extensions.code]).sort()).toEqual([
      [['encounters'], 'NOT_FOUND'],
      [['timeline'], 'NOT_FOUND'],
      [['topCounterparts'], 'NOT_FOUND'],
    ]);
  });

  test('name-taking answers say which entity the name resolved to', async () => {
    const { encounters, timeline, topCounterparts } = await data(`{
      encounters(name: "Putin", status: [PLANNED, PROPOSED, HYPOTHETICAL, DECLINED, CANCELLED]) { entity { id name articleCount } }
      timeline(name: "Zelenskiy") { entity { name } }
      topCounterparts(name: "kellog") { entity { name } }
    }`);
    expect(encounters.entity).toMatchObject({ name: 'Vladimir Putin' });
    expect(typeof encounters.entity.articleCount).toBe('number');
    expect(timeline.entity.name).toBe('Volodymyr Zelensky');
    expect(topCounterparts.entity.name).toBe('Keith Kellogg');
  });

  test('roles and place kinds are enum values; histogram buckets are dates', async () => {
    const { meetings, search, meetingHistogram } = await data(`{
      meetings(first: 20) { nodes { participants { role } } }
      search(text: "Kyiv", types: [PLACE], first: 1) { ... on Place { kind } }
      meetingHistogram(bucket: YEAR) { bucket }
    }`);
    const roles = new Set(meetings.nodes.flatMap((n: any) => n.participants.map((p: any) => p.role)));
    for (const role of roles) expect(['HOST', 'GUEST', 'DELEGATION_HEAD', 'MEDIATOR', 'MEMBER', 'PARTICIPANT']).toContain(role);
    expect(search[0].kind).toBe('CITY');
    expect(meetingHistogram.every((b: any) => /^\d{4}$/.test(b.bucket))).toBe(true);
  });

  test('status and its deprecated name statuses filter alike; both at once is refused', async () => {
    const a = await data('{ meetings(filter: { status: [PLANNED] }) { totalCount } }');
    const b = await data('{ meetings(filter: { statuses: [PLANNED] }) { totalCount } }');
    expect(a.meetings.totalCount).toBe(b.meetings.totalCount);
    expect(a.meetings.totalCount).toBeGreaterThan(0);
    const both = await server.gql('{ meetings(filter: { status: [PLANNED], statuses: [OCCURRED] }) { totalCount } }');
    expect(both.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  test('Entity.events without a filter is the meeting family, like meetings', async () => {
    const { search } = await data('{ search(text: "Trump", first: 1) { id events(first: 100) { totalCount nodes { eventType } } } }');
    const [trump] = search;
    expect(trump.events.nodes.every((n: any) => (MEETING_TYPES as readonly string[]).includes(n.eventType))).toBe(true);
    const { meetings } = await data('query($id: String!) { meetings(filter: { participants: [$id] }) { totalCount } }', { id: trump.id });
    expect(trump.events.totalCount).toBe(meetings.totalCount);
    const every = await data(`query($id: ID!) { entity(id: $id) { events(filter: { types: [PRESS_CONFERENCE, INTERVIEW, DEBATE, HEARING, MEETING, TALKS, VISIT, CALL, SUMMIT] }) { totalCount } } }`, { id: trump.id });
    expect(every.entity.events.totalCount).toBeGreaterThanOrEqual(trump.events.totalCount);
  });

  test('node(id) selects type and articles on entities and events in one query', async () => {
    const { search, meetings } = await data('{ search(text: "Zelensky", first: 1) { id } meetings(first: 1) { nodes { id } } }');
    const query = `query($id: ID!) { node(id: $id) { id
      ... on Entity { type articles(first: 1) { totalCount } events(first: 1) { totalCount } }
      ... on Event { eventType articles(first: 1) { totalCount } }
      ... on Article { events(first: 1) { totalCount } } } }`;
    const person = await data(query, { id: search[0].id });
    expect(person.node).toMatchObject({ type: 'PERSON', articles: { totalCount: 2 } });
    const event = await data(query, { id: meetings.nodes[0].id });
    expect(event.node.eventType).toBeDefined();
    expect(event.node.articles.totalCount).toBeGreaterThan(0);
  });

  test('ids: a padded id is refused; a wrong-type id is BAD_USER_INPUT for entity, event and article alike', async () => {
    const { search, meetings, articles } = await data('{ search(text: "Zelensky", first: 1) { id } meetings(first: 1) { nodes { id } } articles(first: 1) { nodes { id } } }');
    const person = search[0].id;
    const event = meetings.nodes[0].id;
    const article = articles.nodes[0].id;
    const codeOf = async (query: string, id: string) => (await server.gql(query, { id })).body.errors?.[0]?.extensions?.code ?? null;
    const lookups = ['query($id: ID!) { entity(id: $id) { id } }', 'query($id: ID!) { event(id: $id) { id } }', 'query($id: ID!) { article(id: $id) { id } }'];
    const right = [person, event, article];
    for (const [i, query] of lookups.entries()) {
      for (const [j, id] of right.entries()) expect([i, j, await codeOf(query, id)]).toEqual([i, j, i === j ? null : 'BAD_USER_INPUT']);
      expect(await codeOf(query, `${right[i]}=`)).toBe('BAD_USER_INPUT');
    }
    expect(await codeOf('query($id: ID!) { node(id: $id) { id } }', `${person}==`)).toBe('BAD_USER_INPUT');
    const node = await data('query($id: ID!) { node(id: $id) { id } }', { id: person });
    expect(node.node.id).toBe(person);
  });
});
