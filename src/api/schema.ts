/**
 * Loads the GraphQL SDL from schema/*.graphql (the API contract).
 */
import fs from 'node:fs';
import path from 'node:path';

/** Directory holding the *.graphql files, found from both src/ and dist/. */
export const SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'schema');

/** The concatenated SDL of every schema file, in name order. */
export function loadTypeDefs(dir: string = SCHEMA_DIR): string {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}
