/**
 * Issue 20 point 9: a record whose id exists with different text is a new version (its facts
 * withdrawn and rewritten), never dropped as "already known"; ids are bounded.
 */
import { openStore } from '../../src/graph/open';
import { ingestInputs } from '../../src/graph/ingest';
import { articleFacts } from '../../src/graph/queries';
import { tempDir } from '../helpers/stores';

const record = (id: string, text: string) => JSON.stringify({ id, title: 'Talks', text, publishedAt: '2025-03-01' });

test('a corrected record replaces the facts of its first version; the same text again is already known', async () => {
  const store = await openStore({ store: 'embedded', dataDir: tempDir() });
  try {
    const first = await ingestInputs(store, [{ name: 'a.jsonl', text: record('r1', 'Emmanuel Macron met Olaf Scholz in Paris on Monday, officials said.') + '\n' }]);
    expect(first.articles).toEqual([expect.objectContaining({ id: 'r1', created: true })]);
    const second = await ingestInputs(store, [{ name: 'b.jsonl', text: record('r1', 'Emmanuel Macron met Giorgia Meloni in Rome on Monday, officials said.') + '\n' }]);
    expect(second.articles).toEqual([expect.objectContaining({ id: 'r1', created: false, alreadyKnown: false, corrected: true })]);
    const keys = (await articleFacts(store, ['r1'])).get('r1')!.mentions.map((m) => m.key).join(' ');
    expect(keys).toMatch(/giorgia/);
    expect(keys).not.toMatch(/scholz/);
    const third = await ingestInputs(store, [{ name: 'c.jsonl', text: record('r1', 'Emmanuel Macron met Giorgia Meloni in Rome on Monday, officials said.') + '\n' }]);
    expect(third.articles).toEqual([expect.objectContaining({ id: 'r1', alreadyKnown: true })]);
  } finally {
    await store.close();
  }
});

test('an id over 256 characters is refused with a clear error and the rest is ingested', async () => {
  const store = await openStore({ store: 'embedded', dataDir: tempDir() });
  try {
    const text = [record('x'.repeat(100_000), 'Olaf Scholz met Donald Tusk in Warsaw.'), record('ok', 'Olaf Scholz met Donald Tusk in Berlin.')].join('\n');
    const report = await ingestInputs(store, [{ name: 'ids.jsonl', text }]);
    expect(report.articles.map((a) => a.id)).toEqual(['ok']);
    expect(report.errors).toEqual([expect.objectContaining({ code: 'BAD_INPUT_FILE', message: expect.stringMatching(/the id is 100000 characters; at most 256/) })]);
  } finally {
    await store.close();
  }
});
