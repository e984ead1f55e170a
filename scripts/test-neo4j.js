#!/usr/bin/env node
/**
 * The whole jest suite with a real Neo4j beside the embedded engine: starts the test Neo4j
 * (scripts/neo4j.js), runs jest with NEO4J_URI set, so the engine suites (store and graph
 * contracts, API end to end, restart, crash) run on both engines, stops Neo4j, and ends with
 *
 *   engines: embedded N passed, neo4j N passed, N failed
 *
 * Tests whose name carries "on neo4j" (or "neo4j" as a test.each value) count for Neo4j; the
 * rest (the embedded variants and the engine-free tests) for embedded. Jest runs one file at a
 * time: the suites share Neo4j's one database and empty it before each test.
 *
 *   npm run test:neo4j [-- jest args, e.g. tests/store]   --summary FILE writes the counts as JSON
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startNeo4j } = require('./neo4j');

const ROOT = path.join(__dirname, '..');

function parseArgs(argv) {
  const jestArgs = [];
  let summary = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--summary') summary = argv[++i];
    else jestArgs.push(argv[i]);
  }
  return { jestArgs, summary };
}

/** Counts passed and failed tests per engine from jest's JSON results. */
function countByEngine(results) {
  const counts = { embedded: { passed: 0, failed: 0 }, neo4j: { passed: 0, failed: 0 }, failed: 0 };
  for (const file of results.testResults ?? []) {
    if (file.status === 'failed' && !(file.assertionResults ?? []).length) counts.failed++; // the file did not run
    for (const test of file.assertionResults ?? []) {
      const engine = /\bneo4j\b/.test(test.fullName ?? test.title) ? 'neo4j' : 'embedded';
      if (test.status === 'passed') counts[engine].passed++;
      else if (test.status === 'failed') counts[engine].failed++;
    }
  }
  counts.failed += counts.embedded.failed + counts.neo4j.failed;
  return counts;
}

function finish(line, summaryFile, counts, code) {
  if (summaryFile) fs.writeFileSync(summaryFile, JSON.stringify(counts));
  process.stdout.write(`${line}\n`);
  process.exit(code);
}

async function main() {
  const { jestArgs, summary } = parseArgs(process.argv.slice(2));
  const failedLine = 'engines: embedded 0 passed, neo4j 0 passed, 1 failed';
  const none = { embedded: { passed: 0, failed: 0 }, neo4j: { passed: 0, failed: 0 }, failed: 1 };
  let neo4j;
  try {
    process.stderr.write('test:neo4j: starting the test Neo4j\n');
    neo4j = await startNeo4j({ timeoutMs: 240_000 });
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    finish(failedLine, summary, none, 1);
  }
  process.stderr.write(`test:neo4j: Neo4j at ${neo4j.uri}\n`);
  const stopNeo4j = () => neo4j.stop();
  process.on('SIGINT', () => stopNeo4j().then(() => process.exit(130)));
  process.on('SIGTERM', () => stopNeo4j().then(() => process.exit(143)));

  const results = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kg-jest-neo4j-')), 'results.json');
  const jest = require.resolve('jest/bin/jest');
  const status = await new Promise((resolve) => {
    const child = spawn(process.execPath, [jest, '--maxWorkers=1', '--json', `--outputFile=${results}`, ...jestArgs], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '' },
      stdio: 'inherit',
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
  await stopNeo4j();

  let counts;
  try {
    counts = countByEngine(JSON.parse(fs.readFileSync(results, 'utf8')));
  } catch {
    finish(failedLine, summary, none, 1);
  }
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  finish(`engines: embedded ${counts.embedded.passed} passed, neo4j ${counts.neo4j.passed} passed, ${counts.failed} failed`, summary, counts, status);
}

main();
