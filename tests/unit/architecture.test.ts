/**
 * The layering rules of the README, checked on the source imports.
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.join(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
}

const sources = files(SRC).map((file) => ({ file: path.relative(SRC, file), text: fs.readFileSync(file, 'utf8') }));
const imports = (text: string) => [...text.matchAll(/(?:from\s+|import\(|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);

test('extract imports neither graph, api nor cli', () => {
  for (const s of sources.filter((s) => s.file.startsWith('extract'))) {
    expect({ file: s.file, bad: imports(s.text).filter((i) => /\/(graph|api|cli)(\/|$)/.test(i)) }).toEqual({ file: s.file, bad: [] });
  }
});

test('graph never imports api or cli', () => {
  for (const s of sources.filter((s) => s.file.startsWith('graph'))) {
    expect({ file: s.file, bad: imports(s.text).filter((i) => /\/(api|cli)(\/|$)/.test(i)) }).toEqual({ file: s.file, bad: [] });
  }
});

test('drivers live only in their engines and process.env only in config', () => {
  for (const s of sources) {
    if (imports(s.text).includes('neo4j-driver')) expect(s.file).toBe(path.join('graph', 'engines', 'neo4j.ts'));
    if (imports(s.text).includes('@grafeo-db/js')) expect(s.file).toBe(path.join('graph', 'engines', 'embedded.ts'));
    if (/process\.env/.test(s.text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) expect(s.file).toBe('config.ts');
  }
});

test('browser pages (src/web) import only each other and packages: they reach the data through the public API', () => {
  const web = files(path.join(SRC, 'web')).concat(fs.readdirSync(path.join(SRC, 'web', 'graphiql')).filter((f) => f.endsWith('.tsx')).map((f) => path.join(SRC, 'web', 'graphiql', f)));
  expect(web.length).toBeGreaterThan(3);
  for (const file of web) {
    const bad = imports(fs.readFileSync(file, 'utf8')).filter((i) => i.startsWith('.') && !path.resolve(path.dirname(file), i).startsWith(path.join(SRC, 'web')));
    expect({ file: path.relative(SRC, file), bad }).toEqual({ file: path.relative(SRC, file), bad: [] });
  }
});

test('client operations (src/client) import only each other and packages: the public API, no server code', () => {
  const client = sources.filter((s) => s.file.startsWith(`client${path.sep}`));
  expect(client.length).toBeGreaterThan(2);
  for (const s of client) {
    const bad = imports(s.text).filter((i) => i.startsWith('.') && !path.resolve(SRC, path.dirname(s.file), i).startsWith(path.join(SRC, 'client')));
    expect({ file: s.file, bad }).toEqual({ file: s.file, bad: [] });
  }
});
