/**
 * The browser pages: /explore (the explorer) and /graphiql (the self-hosted IDE), served from
 * the files `npm run build` writes to dist/web. Everything they load comes from this server: the
 * Content-Security-Policy lets the pages reach no other origin, so they work offline.
 */
import fs from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { EXAMPLE_QUERY, EXAMPLE_VARIABLES, exampleHeaders } from './example';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Same origin only; styles inline because React and Cytoscape set style attributes. */
const CSP = "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'self'";

/** The pages under their mount points; each is a folder of dist/web. */
const PAGES = ['explore', 'graphiql'] as const;

/** A handler for the browser pages: answers true when the request was one of theirs. */
export interface WebPages {
  handle(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<boolean>;
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-cache',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

function notFound(res: http.ServerResponse, message: string): void {
  send(res, 404, 'text/plain; charset=utf-8', message + '\n');
}

/** The page's settings, as a JSON data block (not executed, so the CSP needs no inline script). */
function settingsBlock(config: Config): string {
  const settings = { endpoint: '/graphql', query: EXAMPLE_QUERY, variables: EXAMPLE_VARIABLES, headers: exampleHeaders(config) };
  return `<script id="kg-settings" type="application/json">${JSON.stringify(settings).replace(/</g, '\\u003c')}</script>`;
}

/** Serves /explore and /graphiql (the IDE only when config.graphiql) from config.webDir. */
export function createWebPages(config: Config, logger: Logger): WebPages {
  return {
    async handle(req, res, pathname) {
      const [, page, file = '', ...rest] = pathname.split('/');
      if (!PAGES.includes(page as (typeof PAGES)[number])) return false;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'text/plain; charset=utf-8', 'Only GET here.\n');
        return true;
      }
      if (page === 'graphiql' && !config.graphiql) {
        notFound(res, 'The GraphQL IDE is off in production; set KG_GRAPHIQL=true to serve it.');
        return true;
      }
      // One flat folder per page: a name with a slash, or a dot first, is none of ours.
      if (rest.length || (file && !/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(file))) {
        notFound(res, 'No such file.');
        return true;
      }
      const name = file || 'index.html';
      const target = path.join(config.webDir, page, name);
      let body: Buffer;
      try {
        body = await fs.readFile(target);
      } catch (error) {
        if (!file) {
          logger.warn(`browser page ${page} is not built (${target} missing): run npm run build`, error);
          send(res, 503, 'text/plain; charset=utf-8', `The ${page} page is not built: run \`npm run build\`, then reload.\n`);
        } else notFound(res, 'No such file.');
        return true;
      }
      const type = TYPES[path.extname(name)] ?? 'application/octet-stream';
      if (name === 'index.html') send(res, 200, type, body.toString('utf8').replace('<!--kg-settings-->', settingsBlock(config)));
      else send(res, 200, type, body);
      return true;
    },
  };
}
