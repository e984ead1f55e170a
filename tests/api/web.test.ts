/**
 * The browser-facing parts of the server without a browser: the pages under /explore and
 * /graphiql (on and off), the /graphql landing page, CORS, and the evidence offsets the
 * explorer marks (Evidence.trigger, Evidence.mentions).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { EXAMPLE_QUERY, EXAMPLE_VARIABLES } from '../../src/api/example';
import { SEEDS_DIR, startTestServer, type TestServer } from '../helpers/server';

const STUDIO = 'https://studio.apollographql.com';

function origin(server: TestServer): string {
  return new URL(server.url).origin;
}

describe('default (development) server over the seeds', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ingest: [SEEDS_DIR] });
  });
  afterAll(() => server.close());

  test('/explore serves the built page and its assets, same-origin only', async () => {
    const page = await fetch(`${origin(server)}/explore`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const html = await page.text();
    expect(html).toContain('/explore/main.js');
    const script = await fetch(`${origin(server)}/explore/main.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    // Nothing in the bundles points at another host to load code, styles or fonts from.
    for (const file of ['explore/main.js', 'explore/main.css', 'graphiql/main.js', 'graphiql/main.css']) {
      const text = fs.readFileSync(path.join(server.config.webDir, file), 'utf8');
      expect({ file, cdn: /(fonts\.googleapis|cdn\.jsdelivr|unpkg\.com|cdnjs)/.test(text) }).toEqual({ file, cdn: false });
    }
  });

  test('/graphiql carries the example query and variables; no file outside the page folders is served', async () => {
    const page = await fetch(`${origin(server)}/graphiql`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const block = /<script id="kg-settings" type="application\/json">(.*?)<\/script>/.exec(html);
    expect(block).not.toBeNull();
    const settings = JSON.parse(block![1]);
    expect(settings).toEqual({ endpoint: '/graphql', query: EXAMPLE_QUERY, variables: EXAMPLE_VARIABLES, headers: {} });
    for (const bad of ['/explore/%2e%2e%2fpackage.json', '/explore/..%2F..%2Fpackage.json', '/graphiql/.hidden', '/explore/a/b.js']) {
      expect({ bad, status: (await fetch(`${origin(server)}${bad}`)).status }).toEqual({ bad, status: 404 });
    }
    expect((await fetch(`${origin(server)}/explore`, { method: 'POST' })).status).toBe(405);
  });

  test('a browser on /graphql gets Sandbox with the example, and links to the IDE and the explorer', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('href="/graphiql"');
    expect(html).toContain('href="/explore"');
    expect(html).toContain('embeddable-sandbox');
    expect(html).toContain('Zelensky');
  });

  test('CORS: the default origin (Studio Sandbox) is allowed, others are not', async () => {
    const preflight = (o: string) =>
      fetch(server.url, { method: 'OPTIONS', headers: { origin: o, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });
    const ok = await preflight(STUDIO);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(STUDIO);
    expect(ok.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    const bad = await preflight('https://elsewhere.example');
    expect(bad.status).toBe(403);
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();
    const post = await fetch(server.url, { method: 'POST', headers: { origin: STUDIO, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(post.status).toBe(200);
    expect(post.headers.get('access-control-allow-origin')).toBe(STUDIO);
    expect(post.headers.get('vary')).toMatch(/Origin/);
  });

  test('evidence gives the trigger and the participants as offsets into the article text', async () => {
    const { body } = await server.gql(`{ encounters(name: "Kellogg", first: 3) { nodes { event { evidence { start end sentence trigger { start end text } mentions { entity { name } count spans } article { text } } } } } }`);
    expect(body.errors).toBeUndefined();
    const evidence = body.data.encounters.nodes.flatMap((e: any) => e.event.evidence);
    const withTrigger = evidence.find((e: any) => e.trigger);
    expect(withTrigger.trigger.text).toBe('meets with');
    for (const e of evidence) {
      const text: string = e.article.text;
      expect(text.slice(e.start, e.end)).toBe(e.sentence);
      if (e.trigger) expect(text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      for (const m of e.mentions) {
        expect(m.count).toBe(m.spans.length);
        for (const [s, t] of m.spans) {
          expect(s).toBeGreaterThanOrEqual(e.start);
          expect(t).toBeLessThanOrEqual(e.end);
        }
      }
    }
    const names = withTrigger.mentions.map((m: any) => m.entity.name).sort();
    expect(names).toEqual(['Keith Kellogg', 'Volodymyr Zelensky']);
    const spans = withTrigger.mentions.flatMap((m: any) => m.spans.map(([s, t]: number[]) => withTrigger.article.text.slice(s, t)));
    expect(spans.sort()).toEqual(['Keith Kellogg', 'Volodymyr Zelenskiy']);
  });
});

describe('production', () => {
  test('no IDE and no landing page unless KG_GRAPHIQL=true; the explorer stays', async () => {
    const server = await startTestServer({ env: { NODE_ENV: 'production' } });
    try {
      const ide = await fetch(`${origin(server)}/graphiql`);
      expect(ide.status).toBe(404);
      expect(await ide.text()).toContain('KG_GRAPHIQL=true');
      expect((await fetch(`${origin(server)}/explore`)).status).toBe(200);
      const landing = await fetch(server.url, { headers: { accept: 'text/html' } });
      expect(await landing.text()).not.toContain('embeddable-sandbox');
    } finally {
      await server.close();
    }
    const enabled = await startTestServer({ env: { NODE_ENV: 'production', KG_GRAPHIQL: 'true', KG_CORS_ORIGINS: '*' } });
    try {
      expect((await fetch(`${origin(enabled)}/graphiql`)).status).toBe(200);
      // The IDE's docs need the schema.
      const { body } = await enabled.gql('{ __schema { queryType { name } } }');
      expect(body.data.__schema.queryType.name).toBe('Query');
      const post = await fetch(enabled.url, { method: 'POST', headers: { origin: 'https://any.example', 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(post.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await enabled.close();
    }
  });
});

describe('configuration', () => {
  test('KG_CORS_ORIGINS and KG_GRAPHIQL: defaults and clear errors', () => {
    expect(loadConfig({}).corsOrigins).toEqual([STUDIO]);
    expect(loadConfig({}).graphiql).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).graphiql).toBe(false);
    expect(loadConfig({ KG_CORS_ORIGINS: 'http://localhost:3000/, https://app.example.org' }).corsOrigins).toEqual(['http://localhost:3000', 'https://app.example.org']);
    expect(loadConfig({ KG_CORS_ORIGINS: '' }).corsOrigins).toEqual([]);
    expect(() => loadConfig({ KG_CORS_ORIGINS: 'app.example.org' })).toThrow(/not an origin/);
    expect(() => loadConfig({ KG_GRAPHIQL: 'maybe' })).toThrow(/KG_GRAPHIQL=true/);
  });

  test('the README shows the example the IDEs pre-fill', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(EXAMPLE_QUERY);
    expect(readme).toContain(JSON.stringify(EXAMPLE_VARIABLES));
  });
});
