/**
 * The worker pool shares one copy of the models between its threads (weight tables on
 * SharedArrayBuffers, loaded in a short-lived loader thread): what a worker extracts must be
 * exactly what this thread extracts with the models loaded here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createExtractPool, type ExtractPool } from '../../src/extract-pool/pool';
import { loadModelsInThread } from '../../src/extract-pool/load-models';
import { extract } from '../../src/extract/pipeline';
import type { Doc, Input } from '../../src/extract/types';
import { pipelineComponents } from '../../src/models';

const SEEDS = path.join(__dirname, '../../seeds');
const inputs: Input[] = [
  ...fs
    .readdirSync(SEEDS)
    .slice(0, 4)
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(SEEDS, f), 'utf8') })),
  { name: 'short.txt', text: 'Anna Berg met Carl Dahl in Oslo on Monday, officials said. Berg later flew to Kyiv.', single: true, meta: { title: 'Short' } },
];

/** A Doc as comparable JSON (what is stored and printed), with the table its offset function stands for. */
function comparable(doc: Doc): string {
  const { toInputOffset, ...rest } = doc;
  return JSON.stringify({ ...rest, offsets: Array.from({ length: doc.text.length + 1 }, (_, i) => toInputOffset(i)) });
}

/** Whether a typed array is on shared memory (by its tag: the buffer comes from another realm under Jest). */
const shared = (a: ArrayBufferView) => Object.prototype.toString.call(a.buffer) === '[object SharedArrayBuffer]';

describe('extraction worker pool', () => {
  let pool: ExtractPool;
  beforeAll(async () => {
    pool = createExtractPool(1);
    await pool.ready();
  }, 120_000);
  afterAll(() => pool.close());

  it('extracts exactly what this thread extracts', async () => {
    for (const input of inputs) {
      const local = extract(input, pipelineComponents());
      const remote = await pool.extract(input);
      expect(remote.errors).toEqual(local.errors);
      expect(remote.docs.map(comparable)).toEqual(local.docs.map(comparable));
    }
  });

  it('gets the weight tables on shared memory, not copies', () => {
    const models = loadModelsInThread();
    expect(models.nerCompiled.emission.every(shared)).toBe(true);
    const moves = models.syntax.moves as unknown as { slots: Int32Array; spill: Int32Array };
    expect(shared(moves.slots) && shared(moves.spill)).toBe(true);
    // The feature strings the compiled ids replace are not sent at all.
    expect(models.ner.weights.features.size).toBe(0);
    expect(models.nerCompiled.ids.size).toBeGreaterThan(10_000);
  }, 120_000);
});
