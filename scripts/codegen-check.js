// Fails when any output of codegen.yml is stale (the resolver types, the client operations'
// typed documents, possibleTypes), or when a client operation no longer validates against the
// schema: regenerates every output in memory and compares it with the file.
const fs = require('node:fs');
const path = require('node:path');
const { generate, loadCodegenConfig } = require('@graphql-codegen/cli');

const root = path.join(__dirname, '..');

async function main() {
  const { config } = await loadCodegenConfig({ configFilePath: path.join(root, 'codegen.yml') });
  let outputs;
  try {
    outputs = await generate({ ...config, cwd: root, silent: true, errorsOnly: true }, false);
  } catch (error) {
    // A document that no longer validates (a field renamed or removed): say which and where.
    console.error(`codegen: ${error.message ?? error}`);
    for (const e of error.errors ?? []) console.error(`  ${e.message ?? e}`);
    console.error('A client operation (src/web/explore/operations.ts, src/client/operations/*.ts) no longer matches schema/*.graphql.');
    process.exit(1);
  }
  const stale = outputs.filter((o) => {
    const file = path.resolve(root, o.filename);
    return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== o.content;
  });
  if (stale.length) {
    console.error(`${stale.map((o) => path.relative(root, path.resolve(root, o.filename))).join(', ')} stale: run \`npm run codegen\` and commit the result.`);
    process.exit(1);
  }
  console.log(`codegen: ${outputs.length} generated file(s) up to date; every client operation validates against the schema`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
