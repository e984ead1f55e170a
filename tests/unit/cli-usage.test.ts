/**
 * Issue 19, the CLI: per-command help, --version, kg serve --port/--host over the config, parse
 * errors in kg's own words, and kg ingest's summary (non-TTY) and progress bar (a pseudo-terminal).
 * Every case spawns the real command.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/stores';
import { EXTRACTOR_VERSION } from '../../src/extract/pipeline';

const ROOT = path.join(__dirname, '..', '..');
const REGISTER = require.resolve('@swc-node/register');
const CLI = path.join(ROOT, 'src', 'cli', 'kg.ts');
const baseEnv = () => ({ PATH: process.env.PATH ?? '', KG_DATA_DIR: tempDir(), KG_EXTRACT_WORKERS: '0' });

function kg(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['-r', REGISTER, CLI, ...args], { cwd: ROOT, env: { ...baseEnv(), ...env }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('help', () => {
  test.each(['serve', 'ingest', 'eval'])('kg help %s and kg COMMAND --help print that command', (command) => {
    const a = kg(['help', command]);
    const b = kg([command, '--help']);
    expect(a.status).toBe(0);
    expect(a.stdout.startsWith(`kg ${command}`)).toBe(true);
    expect(a.stdout).not.toMatch(/Usage:/); // not the global list
    expect(b).toEqual(a);
  });

  test('kg serve --help lists --port and --host; kg ingest --help names every input format', () => {
    expect(kg(['serve', '--help']).stdout).toMatch(/--port N[\s\S]*--host ADDR/);
    const ingest = kg(['ingest', '-h']).stdout;
    for (const format of ['plain text', 'HTML', 'JSONL', 'JSON array']) expect(ingest).toContain(format);
  });

  test('kg help of an unknown command says so, with the list', () => {
    const r = kg(['help', 'serv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command "serv"[\s\S]*Usage:/);
  });
});

test('--version prints the package, extractor and schema versions', () => {
  const r = kg(['--version']);
  expect(r.status).toBe(0);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(r.stdout).toBe(`news-kg ${pkg.version}\nextractor ${EXTRACTOR_VERSION}\nschema ${r.stdout.match(/schema ([0-9a-f]{12})/)?.[1]}\n`);
  expect(kg(['-V']).stdout).toBe(r.stdout);
});

describe('parse errors are one kg line and the pointer to the command help', () => {
  test.each([
    [['serve', '--bogus'], /^kg: kg serve has no option --bogus\.\nRun "kg help serve" for usage\.\n$/],
    [['serve', '--port'], /^kg: --port needs a value\.\n/],
    [['serve', '--port', 'abc'], /^kg: --port abc is not a TCP port/],
    [['serve', 'extra'], /^kg: kg serve takes no argument "extra"\./],
  ])('kg %j', (args, message) => {
    const r = kg(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/To specify a positional argument/); // Node's own text
  });
});

test('kg serve --port and --host override PORT and HOST, and /health answers there', async () => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ['-r', REGISTER, CLI, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...baseEnv(), PORT: '1', HOST: '203.0.113.1', KG_LOG_LEVEL: 'info' },
  });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line: ${err}`)), 120_000);
      child.stderr.on('data', () => err.includes('GraphQL API ready') && (clearTimeout(timer), resolve()));
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
    });
    expect(err).toContain(`http://localhost:${port}/graphql`);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
});

describe('kg ingest output', () => {
  const dir = tempDir('kg-ingest-out-');
  const file = path.join(dir, 'articles.json');
  fs.writeFileSync(
    file,
    JSON.stringify([
      { title: 'Scholz meets Macron', text: 'German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday.' },
      { title: 'no text' },
    ]),
  );

  test('not a terminal: no bar, one summary line with the rate (and one line per skipped record)', () => {
    const r = kg(['ingest', file]);
    expect(r.status).toBe(1); // a record was skipped
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/warn  skipped .*articles\.json\[1\]: .*needs a non-empty "text" string/);
    expect(lines[1]).toMatch(/info  ingested 1 article\(s\) from 1 file\(s\) in \d+\.\d s \(\d+\.\d articles\/s\): 1 new, .* 1 error\(s\)$/);
    expect(r.stderr).not.toContain('ingesting [');
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  (hasScript ? test : test.skip)('a terminal: a progress bar with articles, rate and errors, then the summary', () => {
    const command = [process.execPath, '-r', REGISTER, CLI, 'ingest', file].map((a) => `'${a}'`).join(' ');
    // script(1) gives the command a pseudo-terminal, as a user's shell would.
    const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: { ...baseEnv(), TERM: 'xterm' }, encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout).toMatch(/ingesting \[[#-]+\] 2\/2 articles read \| \d+\.\d stored\/s \| 1 error\(s\)/);
    expect(r.stdout).toMatch(/info  ingested 1 article\(s\)/);
  });
});
