#!/usr/bin/env node
/**
 * A test Neo4j without Docker: builds tools/neo4j (Neo4j Community from Maven Central, GPLv3,
 * downloaded into ~/.m2 at build time, never committed) and runs it with Bolt on 127.0.0.1.
 *
 *   npm run neo4j [-- --port 7687] [--data DIR]   prints bolt://127.0.0.1:PORT when ready; Ctrl-C stops it
 *
 * Also a module: `startNeo4j()` for scripts/test-neo4j.js, the crash test and the benchmark.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const TOOL = path.join(__dirname, '..', 'tools', 'neo4j');
const TARGET = path.join(TOOL, 'target');
const JAR = path.join(TARGET, 'neo4j-launcher-1.jar');
const CLASSPATH = path.join(TARGET, 'classpath.txt');

/** The JVM flags Neo4j's own launcher passes on Java 17 (conf/neo4j.conf server.jvm.additional), heap capped at 1 GiB. */
const JVM_FLAGS = [
  '-Xmx1g',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** True when the launcher jar and its class path are newer than the pom and the sources. */
function isBuilt() {
  if (!fs.existsSync(JAR) || !fs.existsSync(CLASSPATH)) return false;
  const sources = Math.max(fs.statSync(path.join(TOOL, 'pom.xml')).mtimeMs, newestMtime(path.join(TOOL, 'src')));
  return Math.min(fs.statSync(JAR).mtimeMs, fs.statSync(CLASSPATH).mtimeMs) >= sources;
}

/** Builds the launcher with Maven: offline when ~/.m2 already holds the jars, else from Maven Central. */
function buildLauncher({ quiet = false } = {}) {
  if (isBuilt()) return;
  const log = (line) => quiet || process.stderr.write(`${line}\n`);
  log('neo4j: building tools/neo4j with Maven (the first build downloads Neo4j Community from Maven Central)');
  for (const offline of [true, false]) {
    const args = ['-q', ...(offline ? ['-o'] : []), '-B', 'package'];
    const result = spawnSync('mvn', args, { cwd: TOOL, encoding: 'utf8' });
    if (result.error) throw new Error(`neo4j: cannot run mvn (${result.error.message}); install Maven 3 and a JDK 17`);
    if (result.status === 0) return;
    if (!offline) {
      throw new Error(`neo4j: \`mvn ${args.join(' ')}\` in tools/neo4j failed:\n${(result.stdout + result.stderr).trim().slice(-4000)}`);
    }
  }
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the launcher and resolves once it prints its Bolt URI.
 * Options: port (default a free one), dataDir (default a fresh temporary directory),
 * timeoutMs (default 180 s), onLog (each stderr chunk; default kept for the failure message).
 * Resolves { uri, port, child, log(), stop(), kill() }.
 */
async function startNeo4j(options = {}) {
  buildLauncher({ quiet: options.quiet });
  const port = options.port || (await freePort());
  const classpath = `${JAR}${path.delimiter}${fs.readFileSync(CLASSPATH, 'utf8').trim()}`;
  const args = [...JVM_FLAGS, '-cp', classpath, 'kg.Neo4jLauncher', String(port), ...(options.dataDir ? [options.dataDir] : [])];
  const child = spawn(process.env.JAVA || 'java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  child.stderr.on('data', (chunk) => {
    log += chunk;
    if (options.onLog) options.onLog(String(chunk));
  });
  const timeoutMs = options.timeoutMs ?? 180_000;
  const uri = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`neo4j: no Bolt line within ${timeoutMs / 1000} s; its log:\n${log.slice(-8000)}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`neo4j: cannot start java (${error.message}); install a JDK 17`));
    });
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /bolt:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`neo4j: the launcher exited (${signal ?? `code ${code}`}) before it was ready; its log:\n${log.slice(-8000)}`));
    });
  });
  return {
    uri,
    port,
    child,
    log: () => log,
    /** SIGTERM: Neo4j shuts down cleanly (checkpoint); resolves when the process is gone. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    /** SIGKILL: no shutdown at all, as in a crash. */
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
}

module.exports = { buildLauncher, startNeo4j, freePort, JVM_FLAGS };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv.includes('--help')) {
    process.stdout.write('usage: npm run neo4j [-- --port PORT] [--data DIR] [--build-only]\n');
    process.exit(0);
  }
  try {
    buildLauncher();
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  if (argv.includes('--build-only')) process.exit(0);
  startNeo4j({ port: Number(opt('--port')) || 7687, dataDir: opt('--data'), onLog: (s) => process.stderr.write(s) }).then(
    (server) => {
      process.stdout.write(`${server.uri}\n`);
      const stop = () => server.stop().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      server.child.on('exit', (code) => process.exit(code ?? 1));
    },
    (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}
