/**
 * How fast the explorer paints an entity's network in a real browser (Debian's Chromium):
 * a hub that met 100+ counterparts (synthetic wire reports, one meeting each), and the most-met
 * entity of the BBC corpus when ../shared/eval-data is present. Loopback only; bounded runs.
 *
 *   node -r @swc-node/register bench/explorer.ts [--runs 5] [--no-bbc]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer } from '../src/api/server';
import { readInputs } from '../src/cli/read-inputs';
import { loadConfig } from '../src/config';
import type { Input } from '../src/extract/types';
import { ingestInputs } from '../src/graph/ingest';
import { openStore } from '../src/graph/open';
import { createLogger } from '../src/logger';

const ROOT = path.join(__dirname, '..');
const BBC = path.join(ROOT, '..', 'shared', 'eval-data', 'news', 'bbc_news.jsonl');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, 'no-bbc': { type: 'boolean', default: false } } });
const RUNS = Math.max(1, Math.min(20, Number(values.runs)));

const FIRST = ['Anna', 'Peter', 'Maria', 'Thomas', 'Elena', 'David', 'Sofia', 'Martin', 'Laura', 'Jonas', 'Clara', 'Henrik'];
const LAST = ['Schmidt', 'Novak', 'Lindqvist', 'Moreau', 'Kowalski', 'Jensen', 'Ferreira', 'Horvath', 'Baker', 'Costa', 'Larsen'];

/** Wire reports in which the hub meets two new people each: 66 reports, 132 counterparts. */
function hubReports(): Input[] {
  const names = FIRST.flatMap((f) => LAST.map((l) => `${f} ${l}`));
  const inputs: Input[] = [];
  for (let i = 0; i + 1 < names.length; i += 2) {
    const day = new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
    const text = `Ukrainian President Volodymyr Zelensky met ${names[i]} and ${names[i + 1]} in Geneva on ${day}, officials said.\n\nThe three discussed reconstruction funding and energy supplies for the winter.`;
    inputs.push({ name: `hub-${i}`, text, meta: { id: `hub-${i}`, title: `Zelensky meets ${names[i]} and ${names[i + 1]}`, publishedAt: day }, single: true });
  }
  return inputs;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bench-explorer-'));
  const config = loadConfig({ KG_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', KG_LOG_LEVEL: 'silent' });
  const store = await openStore(config);
  const inputs = [...readInputs([path.join(ROOT, 'seeds')]).inputs, ...hubReports()];
  if (!values['no-bbc'] && fs.existsSync(BBC)) inputs.push(...readInputs([BBC]).inputs);
  const t0 = Date.now();
  await ingestInputs(store, inputs);
  console.log(`ingested ${inputs.length} inputs in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const server = await startServer({ store, config, logger: createLogger('silent') });
  const origin = new URL(server.url).origin;
  const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<any> =>
    ((await (await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json()) as { data: any }).data;

  // The targets: the hub, and the entity with the most distinct counterparts in the whole graph.
  const targets: { label: string; id: string }[] = [];
  const [hub] = (await gql('{ search(text: "Zelensky", first: 1) { id name } }')).search;
  targets.push({ label: 'Zelensky (seeds + synthetic reports)', id: hub.id });
  const met = new Map<string, { name: string; others: Set<string> }>();
  let after: string | null = null;
  for (let page = 0; page < 200; page++) {
    const data = await gql('query($after: String) { meetings(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { participants { entity { id name } } } } } }', { after });
    for (const { node } of data.meetings.edges as { node: { participants: { entity: { id: string; name: string } }[] } }[]) {
      for (const p of node.participants) {
        const entry = met.get(p.entity.id) ?? { name: p.entity.name, others: new Set<string>() };
        met.set(p.entity.id, entry);
        for (const q of node.participants) if (q.entity.id !== p.entity.id) entry.others.add(q.entity.id);
      }
    }
    if (!data.meetings.pageInfo.hasNextPage) break;
    after = data.meetings.pageInfo.endCursor;
  }
  const ranked = [...met.entries()].filter(([id]) => id !== hub.id).sort((a, b) => b[1].others.size - a[1].others.size);
  if (ranked.length) targets.push({ label: `${ranked[0][1].name} (most counterparts after the hub)`, id: ranked[0][0] });

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const target of targets) {
      const paints: number[] = [];
      const loads: number[] = [];
      const phases: number[][] = [];
      let counterparts = 0;
      for (let run = 0; run <= RUNS; run++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(`${origin}/explore#/entity/${encodeURIComponent(target.id)}`);
        // Polled with a function (the page's CSP refuses evaluating strings), at most 30 s.
        const read = () =>
          page.evaluate(() => {
            const d = (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string | undefined> } } }).document.documentElement.dataset;
            return d.sinceNavigationMs === undefined ? null : [Number(d.firstPaintMs), Number(d.sinceNavigationMs), Number(d.routeStartMs), Number(d.networkDataMs)];
          });
        let got: number[] | null = null;
        for (let i = 0; i < 300 && !(got = await read()); i++) await new Promise((r) => setTimeout(r, 100));
        if (!got) throw new Error(`no first paint for ${target.label}`);
        const [paint, load, routeStart, dataAt] = got;
        if (run > 0) phases.push([routeStart, dataAt, paint - dataAt]);
        counterparts = Number(await page.locator('.right h2 span').first().textContent());
        if (run > 0) (paints.push(paint), loads.push(load)); // run 0 warms the server's caches
        await page.close();
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      console.log(`${target.label}: ${counterparts} counterparts; first paint ${median(paints)} ms after the route started (median of ${RUNS}, max ${Math.max(...paints)}), ${median(loads)} ms after navigation (max ${Math.max(...loads)})`);
      // Where the time goes: page load and script start, the network's first page, drawing it.
      const at = (k: number) => median(phases.map((p) => p[k]));
      console.log(`  medians: route starts ${at(0)} ms after navigation; first page of events ${at(1)} ms after that; drawn and painted ${at(2)} ms later`);
    }
  } finally {
    await browser.close();
    await server.close();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
