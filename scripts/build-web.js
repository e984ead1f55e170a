// Bundles the browser pages (src/web/*) into dist/web with esbuild: every script, style and
// font is a local file, so the pages need no CDN and work offline. `npm run build` runs it.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const out = path.join(root, 'dist', 'web');
const PAGES = { explore: 'src/web/explore/main.ts', graphiql: 'src/web/graphiql/main.tsx' };

/** Builds every page; resolves when dist/web is complete. */
async function buildWeb() {
  const started = Date.now();
  fs.rmSync(out, { recursive: true, force: true });
  for (const [page, entry] of Object.entries(PAGES)) {
    const dir = path.join(out, page);
    await esbuild.build({
      entryPoints: { main: path.join(root, entry) },
      outdir: dir,
      bundle: true,
      minify: true,
      sourcemap: 'linked',
      format: 'iife',
      target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
      assetNames: '[name]-[hash]',
      publicPath: `/${page}/`,
      legalComments: 'linked',
      logLevel: 'warning',
    });
    fs.copyFileSync(path.join(root, 'src', 'web', page, 'index.html'), path.join(dir, 'index.html'));
  }
  return Date.now() - started;
}

module.exports = { buildWeb };

if (require.main === module) {
  buildWeb().then(
    (ms) => console.log(`build-web: dist/web built in ${ms} ms`),
    (error) => {
      console.error(`build-web: ${error.message}`);
      process.exit(1);
    },
  );
}
