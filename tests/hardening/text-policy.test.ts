/**
 * Issue 20 point 6: one text policy at every entry point. Lone surrogates become U+FFFD before
 * anything reads the text (file, JSONL record and API input alike), so what is stored is what was
 * compared and re-extracts cleanly; an HTML input's stored text is its readable text, not the
 * markup; a run of capitalised words is no entity name (names are bounded).
 */
import { openStore } from '../../src/graph/open';
import { ingestArticle, ingestInputs } from '../../src/graph/ingest';
import { articleById } from '../../src/graph/articles';
import { reindex } from '../../src/graph/reindex';
import { searchEntities } from '../../src/graph/queries';
import { pipelineComponents } from '../../src/models';
import { MAX_NAME_CHARS } from '../../src/extract/entities/mentions';
import { intake } from '../../src/extract/intake';
import { tempDir } from '../helpers/stores';

const BODY = 'Tony Blair met Gordon Brown in London on Monday \ud800 to discuss the budget \udc00, officials said.';

test('a lone surrogate is replaced the same way from a JSONL record and the API; the stored article is already known on re-ingest and reindexes cleanly', async () => {
  const store = await openStore({ store: 'embedded', dataDir: tempDir() });
  try {
    const jsonl = JSON.stringify({ id: 'j1', title: 'Budget \ud800 talks', text: BODY });
    const first = await ingestInputs(store, [{ name: 'a.jsonl', text: jsonl + '\n' }]);
    expect(first.errors).toEqual([]);
    const api = await ingestArticle(store, { name: 'input', text: BODY, meta: { id: 'm1', title: 'Budget talks' }, single: true }, pipelineComponents());
    expect(api.errors).toEqual([]);
    const fromJsonl = await articleById(store, 'j1');
    const fromApi = await articleById(store, 'm1');
    expect(fromJsonl!.text).toBe(BODY.replace(/[\ud800\udc00]/g, '\ufffd'));
    expect(fromApi!.text).toBe(fromJsonl!.text);
    expect(fromJsonl!.title).toBe('Budget \ufffd talks');
    // The same record again is the text stored, not a "new version" every time.
    const again = await ingestInputs(store, [{ name: 'a.jsonl', text: jsonl + '\n' }]);
    expect(again.articles).toEqual([expect.objectContaining({ id: 'j1', alreadyKnown: true })]);
    const report = await reindex(store, pipelineComponents());
    expect(report).toEqual(expect.objectContaining({ articles: 2, rewritten: 2, errors: [] }));
  } finally {
    await store.close();
  }
});

test('a text made mostly of lone surrogates is refused at intake, as undecodable text is (never stored to fail on reindex)', () => {
  expect(() => intake({ name: 'x', text: 'Blair met Brown. ' + '\ud800'.repeat(40), single: true })).toThrow(/mostly undecodable/);
});

test("an HTML input's stored text is its readable text: no <script>, no onerror, and mention offsets point into it", async () => {
  const store = await openStore({ store: 'embedded', dataDir: tempDir() });
  try {
    const html = '<html><head><title>Talks</title></head><body><p>Tony Blair met Gordon Brown in London on Monday.</p><script>alert(1)</script><p>Hello <img src=x onerror="alert(2)"> world, officials said.</p></body></html>';
    const report = await ingestInputs(store, [{ name: 'page.html', text: html }]);
    expect(report.errors).toEqual([]);
    const article = await articleById(store, report.articles[0].id);
    expect(article!.text).not.toMatch(/<|onerror|alert/);
    expect(article!.text).toContain('Tony Blair met Gordon Brown in London on Monday.');
    const hits = await searchEntities(store, 'Blair', null, 5);
    expect(hits.length).toBeGreaterThan(0);
    const again = await ingestInputs(store, [{ name: 'page.html', text: html }]);
    expect(again.articles).toEqual([expect.objectContaining({ alreadyKnown: true })]);
    expect((await reindex(store, pipelineComponents())).errors).toEqual([]);
    expect((await articleById(store, report.articles[0].id))!.text).toBe(article!.text);
  } finally {
    await store.close();
  }
});

test('a long line of capitalised words makes no entity with a name over the bound, and a search for Blair stays small', async () => {
  const store = await openStore({ store: 'embedded', dataDir: tempDir() });
  try {
    const words = ['Blair', 'Brown', 'Prescott', 'Straw', 'Hoon', 'Reid', 'Blunkett', 'Milburn'];
    const line = Array.from({ length: 6000 }, (_, i) => words[i % words.length]).join(' ') + '.';
    const report = await ingestInputs(store, [{ name: 'caps.txt', text: `Capitals\n\n${line}\n` }]);
    expect(report.errors).toEqual([]);
    const hits = await searchEntities(store, 'Blair', null, 20);
    for (const hit of hits) expect(JSON.stringify(hit).length).toBeLessThan(MAX_NAME_CHARS * 4);
  } finally {
    await store.close();
  }
});
