/**
 * A real `kg serve` in a child process, so its memory (RSS from /proc) and event loop are
 * measured apart from the test runner's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { tempDir } from '../helpers/stores';

const ROOT = path.join(__dirname, '..', '..');

/** A running child server. */
export interface ChildServer {
  url: string;
  pid: number;
  dataDir: string;
  /** Resident set size of the child in bytes, from /proc/<pid>/status. */
  rss(): number;
  stop(): Promise<number | null>;
}

/** Starts `kg serve` from source with the given environment on a free port. */
export async function startChildServer(env: Record<string, string> = {}, args: string[] = []): Promise<ChildServer> {
  const dataDir = env.KG_DATA_DIR ?? tempDir('kg-child-');
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', path.join(ROOT, 'src', 'cli', 'kg.ts'), 'serve', ...args], {
    cwd: ROOT,
    env: { ...process.env, KG_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', KG_LOG_LEVEL: 'info', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kg serve did not start: ${log}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /ready at (http:\/\/\S+\/graphql)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kg serve exited ${code}: ${log}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    dataDir,
    rss() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
    },
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      });
    },
  };
}
