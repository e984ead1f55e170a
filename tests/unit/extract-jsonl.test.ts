/**
 * The record contract of `kg extract --jsonl`, which evaluation tools depend on: one output line
 * per input line, in order, ids kept, offsets into that line's text, failing lines reported in
 * place, standard input as well as a file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/stores';

const ROOT = path.join(__dirname, '..', '..');

function kg(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['-r', require.resolve('@swc-node/register'), path.join(ROOT, 'src', 'cli', 'kg.ts'), ...args], {
    cwd: ROOT,
    input,
    env: { PATH: process.env.PATH ?? '', KG_DATA_DIR: tempDir() },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, lines: result.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)), stderr: result.stderr };
}

const RECORDS = [
  { id: 'first', text: 'Ukrainian President Volodymyr Zelenskiy met NATO Secretary General Mark Rutte in Kyiv on Monday.\n\nThey discussed air defence.', publishedAt: '2025-07-15' },
  { id: 'second', title: 'Talks', text: 'Russian negotiators met Ukrainian officials in Istanbul on Friday.', publishedAt: '2025-05-17' },
];
const INPUT = [JSON.stringify(RECORDS[0]), '{not json', JSON.stringify({ id: 'empty', text: '' }), JSON.stringify(RECORDS[1])].join('\n') + '\n';

describe('kg extract --jsonl', () => {
  let fromFile: ReturnType<typeof kg>;
  beforeAll(() => {
    const file = path.join(tempDir(), 'in.jsonl');
    fs.writeFileSync(file, INPUT);
    fromFile = kg(['extract', '--jsonl', file]);
  });

  test('one output line per input line, in order, with the ids given', () => {
    expect(fromFile.status).toBe(0);
    expect(fromFile.lines.map((l) => l.id)).toEqual(['first', null, 'empty', 'second']);
    expect(fromFile.lines[3]).toMatchObject({ title: 'Talks', publishedAt: '2025-05-17' });
  });

  test('offsets slice that line\'s text: entity mentions, event mentions and sentences', () => {
    RECORDS.forEach((record, k) => {
      const out = fromFile.lines[k === 0 ? 0 : 3];
      for (const e of out.entities) for (const m of e.mentions) expect(record.text.slice(m.start, m.end)).toBe(m.text);
      expect(out.events.length).toBeGreaterThan(0);
      for (const v of out.events) {
        expect(record.text.slice(v.trigger.start, v.trigger.end)).toBe(v.trigger.text);
        for (const m of v.mentions) {
          expect(record.text.slice(m.trigger.start, m.trigger.end)).toBe(m.trigger.text);
          expect(m.sentence.start).toBeLessThanOrEqual(m.trigger.start);
          expect(m.sentence.end).toBeGreaterThanOrEqual(m.trigger.end);
        }
      }
    });
  });

  test('a failing line gives an error line in its place, the rest go on, and stderr counts failures', () => {
    expect(fromFile.lines[1].error.code).toBe('BAD_INPUT_FILE');
    expect(fromFile.lines[2]).toEqual({ id: 'empty', error: expect.objectContaining({ code: 'BAD_INPUT_FILE' }) });
    expect(fromFile.stderr).toMatch(/2 of 4 line\(s\) failed/);
  });

  test('standard input gives the same output', () => {
    const fromStdin = kg(['extract', '--jsonl', '-'], INPUT);
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.lines.map((l) => ({ ...l, error: l.error && { code: l.error.code } }))).toEqual(fromFile.lines.map((l) => ({ ...l, error: l.error && { code: l.error.code } })));
  });

  test('every line failing exits 1', () => {
    expect(kg(['extract', '--jsonl', '-'], '{bad\n').status).toBe(1);
  });
});
