/**
 * Issue 19: a JSON array of article records is ingested like JSONL, one article per record;
 * a bad record is reported by its index and the rest stored; malformed JSON is one clear error.
 */
import { recordInputs } from '../../src/extract/intake';
import { ingestInputs } from '../../src/graph/ingest';
import { openStore } from '../../src/graph/open';
import { countAll } from '../../src/graph/articles';
import { tempDir } from '../helpers/stores';

const good = (n: number) => ({ id: `rec-${n}`, title: `Meeting ${n}`, text: `German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday ${n}.`, publishedAt: '2024-05-0' + n, source: 'Reuters' });

describe('splitting a JSON array', () => {
  test('one input per record, carrying the record fields', () => {
    const split = recordInputs({ name: 'a.json', text: JSON.stringify([good(1), good(2)], null, 2) })!;
    expect(split.errors).toEqual([]);
    expect(split.inputs.map((i) => [i.name, i.meta?.id, i.meta?.title, i.meta?.publishedAt, i.meta?.source])).toEqual([
      ['a.json[0]', 'rec-1', 'Meeting 1', '2024-05-01', 'Reuters'],
      ['a.json[1]', 'rec-2', 'Meeting 2', '2024-05-02', 'Reuters'],
    ]);
  });

  test('a bad record in the middle is an error naming its index; the others are kept', () => {
    const split = recordInputs({ name: 'a.json', text: JSON.stringify([good(1), { title: 'no text' }, 42, good(4)]) })!;
    expect(split.inputs.map((i) => i.name)).toEqual(['a.json[0]', 'a.json[3]']);
    expect(split.errors).toEqual([
      { input: 'a.json[1]', code: 'BAD_INPUT_FILE', message: 'a.json[1]: a JSON record needs a non-empty "text" string.' },
      { input: 'a.json[2]', code: 'BAD_INPUT_FILE', message: expect.stringMatching(/a\.json\[2\]: a JSON record must be an object/) },
    ]);
  });

  test('malformed JSON is one error saying where, and nothing is read as prose', () => {
    const split = recordInputs({ name: 'bad.json', text: '[\n  {"text": "Scholz met Macron."},\n  {"text": "x" "title": "y"}\n]' })!;
    expect(split.inputs).toEqual([]);
    expect(split.errors).toHaveLength(1);
    expect(split.errors[0].code).toBe('BAD_INPUT_FILE');
    expect(split.errors[0].message).toMatch(/^bad\.json: not valid JSON at line 3, column \d+ \(.*\); nothing in it was read\.$/);
    const truncated = recordInputs({ name: 'cut.json', text: '[{"text": "Scholz met Macron."},\n{"text": ' })!;
    expect(truncated.errors[0].message).toMatch(/cut\.json: not valid JSON \(it ends early, at line 2, column 10\)/);
  });

  test('an empty array is EMPTY_INPUT; prose opening with a bracket is still prose', () => {
    expect(recordInputs({ name: 'e.json', text: ' [ ] ' })!.errors[0].code).toBe('EMPTY_INPUT');
    expect(recordInputs({ name: 'p.txt', text: '[Reuters] Scholz met Macron in Paris.' })).toBeUndefined();
    expect(recordInputs({ name: 'r', text: JSON.stringify([good(1)]), single: true })).toBeUndefined();
  });
});

test('kg ingest path: a JSON array file with a bad record stores the rest in a real store', async () => {
  const store = await openStore({ store: 'embedded', dataDir: tempDir() });
  try {
    const report = await ingestInputs(store, [{ name: 'a.json', text: JSON.stringify([good(1), { text: '' }, good(3)]) }]);
    expect(report.articles.map((a) => [a.id, a.input])).toEqual([
      ['rec-1', 'a.json[0]'],
      ['rec-3', 'a.json[2]'],
    ]);
    expect(report.errors.map((e) => e.input)).toEqual(['a.json[1]']);
    expect((await countAll(store)).articles).toBe(2);
  } finally {
    await store.close();
  }
});
