/**
 * What `kg --version` and /health report: the package, the extractor every stored fact records,
 * and the GraphQL schema (a hash of the SDL, so it changes whenever the contract does).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EXTRACTOR_VERSION } from './extract/pipeline';
import { loadTypeDefs } from './api/schema';

/** The versions of this build. */
export interface Versions {
  package: string;
  extractor: string;
  schema: string;
}

let cached: Versions | undefined;

/** The package, extractor and schema versions (read once; found from src/ and dist/ alike). */
export function versions(): Versions {
  if (cached) return cached;
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  const schema = createHash('sha256').update(loadTypeDefs()).digest('hex').slice(0, 12);
  cached = { package: pkg.version, extractor: EXTRACTOR_VERSION, schema };
  return cached;
}
