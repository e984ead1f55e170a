// Fails when src/api/generated/graphql.ts is stale: regenerates into a temp file and compares.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const target = path.join(__dirname, '..', 'src', 'api', 'generated', 'graphql.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-codegen-'));
const config = fs.readFileSync(path.join(__dirname, '..', 'codegen.yml'), 'utf8').replace('src/api/generated/graphql.ts', path.join(dir, 'graphql.ts'));
fs.writeFileSync(path.join(dir, 'codegen.yml'), config);
execFileSync(path.join(__dirname, '..', 'node_modules', '.bin', 'graphql-codegen'), ['--config', path.join(dir, 'codegen.yml'), '--silent'], { cwd: path.join(__dirname, '..'), stdio: 'inherit' });
const fresh = fs.readFileSync(path.join(dir, 'graphql.ts'), 'utf8');
const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
fs.rmSync(dir, { recursive: true, force: true });
if (fresh !== current) {
  console.error('src/api/generated/graphql.ts is stale: run `npm run codegen` and commit the result.');
  process.exit(1);
}
console.log('codegen: generated resolver types are up to date');
