/**
 * The built `kg` command as a user runs it: bad configuration ends with one clear line.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { tempDir } from '../helpers/stores';

const ROOT = path.join(__dirname, '..', '..');
const KG = [require.resolve('@swc-node/register'), path.join(ROOT, 'src', 'cli', 'kg.ts')];

function kg(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['-r', KG[0], KG[1], ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', KG_DATA_DIR: tempDir(), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function oneClearLine(stderr: string) {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
}

describe('kg command line', () => {
  test('--help prints usage', () => {
    const r = kg(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/kg serve/);
  });

  test('unknown KG_STORE', () => {
    const r = kg(['ingest', 'seeds'], { KG_STORE: 'mysql' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/KG_STORE=mysql is not a known store/);
    oneClearLine(r.stderr);
  });

  test('unreachable Neo4j names the URI', () => {
    const r = kg(['ingest', 'seeds'], { KG_STORE: 'neo4j', NEO4J_URI: 'neo4j://127.0.0.1:1', NEO4J_PASSWORD: 'x' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Cannot reach Neo4j at neo4j:\/\/127\.0\.0\.1:1/);
    oneClearLine(r.stderr);
  });

  test('a NEO4J_URI that is not Bolt is one line, without its password', () => {
    const r = kg(['ingest', 'seeds'], { KG_STORE: 'neo4j', NEO4J_URI: 'http://neo4j:secret@127.0.0.1:7474', NEO4J_PASSWORD: 'x' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/NEO4J_URI=http:\/\/127\.0\.0\.1:7474 is not a Bolt address/);
    expect(r.stderr).not.toMatch(/secret/);
    oneClearLine(r.stderr);
  });

  test('unwritable KG_DATA_DIR', () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, 'x');
    const r = kg(['ingest', 'seeds'], { KG_DATA_DIR: path.join(file, 'data') });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/is not a writable directory/);
    oneClearLine(r.stderr);
  });

  test('port in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const r = kg(['serve'], { PORT: String(port), HOST: '127.0.0.1' });
    blocker.close();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(new RegExp(`Port ${port} is already in use`));
    oneClearLine(r.stderr);
  });

  test('extract prints JSON documents', () => {
    const r = kg(['extract', 'seeds']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.documents.length).toBeGreaterThanOrEqual(1);
  });
});
