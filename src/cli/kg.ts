#!/usr/bin/env node
/**
 * The `kg` command: serve the API, ingest articles, print extractions.
 */
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config';
import { isKgError } from '../errors';
import { extract } from '../extract/pipeline';
import { pipelineComponents, syntaxModel } from '../models';
import { toPublicJson } from '../extract/output';
import { openStore } from '../graph/open';
import { ingestInputs } from '../graph/ingest';
import { createExtractPool } from '../extract-pool/pool';
import { reindex } from '../graph/reindex';
import { createLogger, type Logger } from '../logger';
import { startServer } from '../api/server';
import { readInputs } from './read-inputs';
import { runEval } from './eval';
import { extractJsonlStream, openJsonlSource } from './extract-jsonl';
import { runParse } from './parse';
import { COMMAND_HELP } from './help';
import { createProgress, estimateArticles } from './progress';
import { versions } from '../versions';

const HELP = `kg — a knowledge graph of who met whom, where and when, from news articles

Usage:
  kg serve [--ingest PATH]... [--port N] [--host ADDR]
                                Serve the GraphQL API (ingesting PATHs first)
  kg ingest PATH...             Extract and store articles (text, HTML, JSONL, JSON array files)
  kg extract FILE...            Print the extraction of files as JSON (nothing is stored)
  kg extract --jsonl [FILE|-]   One document per input line {id, text, title?, publishedAt?}; one
                                output line {id, title, publishedAt, entities, events} per input line
  kg reindex                    Rebuild every derived fact from the stored article texts
  kg parse [FILE|-]             Print part-of-speech tags and dependency trees of text as CoNLL-U
  kg parse --conllu FILE        Re-predict UPOS, XPOS, HEAD, DEPREL of a CoNLL-U file, all else kept
  kg eval ner|events|syntax [--data DIR] [--json]
                                Score the extractor against gold data (CoNLL-2003, seed, WikiEvents, RAMS)
  kg eval pairs --gold FILE --articles FILE
                                Score who-met-whom pairs against a reader's judgement of some articles
  kg help [COMMAND]             Show this help, or one command's (also: kg COMMAND --help)
  kg --version                  Print the package, extractor and schema versions

Environment: KG_STORE (embedded|neo4j), KG_DATA_DIR, NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD,
NEO4J_DATABASE, PORT, HOST, NODE_ENV, KG_API_KEY, KG_READ_KEY, KG_LOG_LEVEL (see README).`;

type Command = (args: string[], config: () => Config, logger: Logger) => Promise<number>;

async function ingestPaths(paths: string[], config: Config, logger: Logger, store?: Awaited<ReturnType<typeof openStore>>) {
  const own = !store;
  const s = store ?? (await openStore(config));
  try {
    const started = Date.now();
    const read = readInputs(paths);
    const progress = createProgress(process.stderr, estimateArticles(read.inputs), started);
    read.errors.forEach(() => progress.error());
    // Worker threads extract (one per core by default) while this thread writes, in input order.
    const pool = config.extractWorkers > 0 ? createExtractPool(config.extractWorkers) : undefined;
    const report = await ingestInputs(s, read.inputs, pool, {
      maxArticleBytes: config.limits.maxArticleBytes,
      onArticle: (a) => {
        progress.article();
        logger.debug(`stored ${a.id} ${a.alreadyKnown ? '(already known)' : a.created ? '(new)' : a.corrected ? '(new version: its text changed)' : '(rewritten)'} from ${a.input}`);
      },
      onError: () => progress.error(),
    }).finally(() => {
      progress.stop();
      return pool?.close();
    });
    const errors = [...read.errors, ...report.errors];
    for (const e of errors) if (e !== report.stopped) logger.warn(`skipped ${e.input}: ${e.message} [${e.code}]`);
    if (report.stopped) logger.error(`stopped at ${report.stopped.input}: ${report.stopped.message} [${report.stopped.code}] ${report.articles.length} article(s) stored before it; the rest were not tried (run the same command again to go on).`);
    const created = report.articles.filter((a) => a.created).length;
    const corrected = report.articles.filter((a) => a.corrected).length;
    const seconds = (Date.now() - started) / 1000;
    logger.info(`ingested ${report.articles.length} article(s) from ${read.inputs.length} file(s) in ${seconds.toFixed(1)} s (${(report.articles.length / Math.max(seconds, 0.001)).toFixed(1)} articles/s): ${created} new, ${corrected} new version(s), ${report.articles.length - created - corrected} already known, ${errors.length} error(s)`);
    return { report, errors };
  } finally {
    if (own) await s.close();
  }
}

const commands: Record<string, Command> = {
  async serve(args, config, logger) {
    const { values } = parseArgs({ args, options: { ingest: { type: 'string', multiple: true }, port: { type: 'string' }, host: { type: 'string' } } });
    // Flags override PORT and HOST.
    const cfg = { ...config(), ...listenFlags(values) };
    const store = await openStore(cfg);
    if (values.ingest?.length) await ingestPaths(values.ingest, cfg, logger, store);
    const server = await startServer({ store, config: cfg, logger });
    logger.info(`GraphQL API ready at ${server.url}${cfg.production ? '' : ' (open it in a browser for Apollo Sandbox)'}; health at ${server.url.replace('/graphql', '/health')}; store: ${store.engine}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    logger.info('shutting down');
    await server.close();
    await store.close();
    return 0;
  },

  async ingest(args, config, logger) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (!positionals.length) throw new UsageError('kg ingest needs at least one file or directory.');
    const { errors } = await ingestPaths(positionals, config(), logger);
    return errors.length ? 1 : 0;
  },

  async reindex(_args, config, logger) {
    const store = await openStore(config());
    try {
      const started = Date.now();
      // Extraction on the worker pool (one per core), as kg ingest does; this thread writes.
      const pool = config().extractWorkers > 0 ? createExtractPool(config().extractWorkers) : undefined;
      const report = await reindex(store, pool ?? pipelineComponents()).finally(() => pool?.close());
      for (const e of report.errors) logger.warn(`article ${e.input}: ${e.message} [${e.code}]`);
      logger.info(`reindexed ${report.rewritten} of ${report.articles} article(s) in ${((Date.now() - started) / 1000).toFixed(1)} s; ${report.errors.length} error(s)`);
      return report.errors.length ? 1 : 0;
    } finally {
      await store.close();
    }
  },

  async eval(args) {
    return runEval(args, (line) => process.stdout.write(line + '\n'));
  },

  async parse(args) {
    return runParse(args, syntaxModel, (text) => process.stdout.write(text), (line) => process.stderr.write(line + '\n'));
  },

  async extract(args, _config, logger) {
    const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { jsonl: { type: 'boolean' } } });
    if (values.jsonl) {
      if (positionals.length > 1) throw new UsageError('kg extract --jsonl reads one file (or - for standard input).');
      const { stream, source } = openJsonlSource(positionals[0]);
      const opened = new Promise<void>((resolve, reject) => {
        stream.once('error', reject);
        stream.once('readable', resolve);
        stream.once('end', resolve);
      });
      try {
        await opened;
      } catch (error) {
        throw new UsageError(`cannot read ${source}: ${(error as Error).message}`);
      }
      const report = await extractJsonlStream(stream, source, process.stdout, pipelineComponents());
      if (report.failed) process.stderr.write(`kg extract: ${report.failed} of ${report.lines} line(s) failed (their output lines carry "error")\n`);
      return report.lines > report.failed ? 0 : 1;
    }
    if (!positionals.length) throw new UsageError('kg extract needs at least one file.');
    const read = readInputs(positionals);
    const documents: unknown[] = [];
    const errors = [...read.errors];
    for (const input of read.inputs) {
      const result = extract(input, pipelineComponents());
      errors.push(...result.errors);
      for (const doc of result.docs) documents.push({ input: doc.inputName, ...toPublicJson(doc, doc.inputText) });
    }
    for (const e of errors) logger.warn(`skipped ${e.input}: ${e.message} [${e.code}]`);
    process.stdout.write(JSON.stringify({ documents, errors }, null, 2) + '\n');
    return errors.length ? 1 : 0;
  },
};

class UsageError extends Error {}

/** The --port and --host of kg serve, checked. */
function listenFlags(values: { port?: string; host?: string }): { port?: number; host?: string } {
  const out: { port?: number; host?: string } = {};
  if (values.port !== undefined) {
    if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) throw new UsageError(`--port ${values.port} is not a TCP port; use 1-65535 (or 0 for any free port).`);
    out.port = Number(values.port);
  }
  if (values.host !== undefined) {
    if (!values.host.trim()) throw new UsageError('--host needs an address, e.g. --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface).');
    out.host = values.host.trim();
  }
  return out;
}

/** Node's parseArgs errors, said the way the rest of kg speaks. */
function usageMessage(command: string, error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  const positional = /'([^']*)'/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `kg ${command} has no option ${option ?? ''}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(error.message) ? `${option ?? 'the option'} needs a value.` : `${option ?? 'the option'} takes no value.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `kg ${command} takes no argument ${positional !== undefined ? `"${positional}"` : 'here'}.`;
    default:
      return error.message;
  }
}

function versionText(): string {
  const v = versions();
  return `news-kg ${v.package}\nextractor ${v.extractor}\nschema ${v.schema}`;
}

/** Runs the command line and returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  let logger = createLogger('info');
  if (name === '--version' || name === '-V' || name === 'version') {
    process.stdout.write(versionText() + '\n');
    return 0;
  }
  if (name === 'help' && rest[0]) {
    const help = COMMAND_HELP[rest[0]];
    if (!help) {
      process.stderr.write(`kg: unknown command "${rest[0]}"\n\n${HELP}\n`);
      return 2;
    }
    process.stdout.write(help + '\n');
    return 0;
  }
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(HELP + '\n');
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`kg: unknown command "${name}"\n\n${HELP}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write((COMMAND_HELP[name] ?? HELP) + '\n');
    return 0;
  }
  try {
    let config: Config | undefined;
    const getConfig = () => (config ??= loadConfig());
    logger = createLogger(getConfig().logLevel);
    return await command(rest, getConfig, logger);
  } catch (error) {
    if (isKgError(error)) {
      process.stderr.write(`kg: ${error.message}\n`);
      return 1;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const message = error instanceof UsageError ? error.message : usageMessage(name, error as Error & { code?: string });
      process.stderr.write(`kg: ${message}\nRun "kg help ${name}" for usage.\n`);
      return 2;
    }
    logger.error('unexpected failure', error);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
