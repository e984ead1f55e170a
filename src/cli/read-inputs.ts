/**
 * Reads files and directories into Inputs for the pipeline. Unreadable inputs become
 * per-input errors; the rest goes on.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Input, InputError } from '../extract/types';

/** Inputs read, and the paths that could not be. */
export interface ReadResult {
  inputs: Input[];
  errors: InputError[];
}

function listFiles(target: string): string[] {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return [target];
  return fs
    .readdirSync(target)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .flatMap((name) => listFiles(path.join(target, name)));
}

/**
 * Decodes bytes as UTF-8, rejecting binary data with a clear message. Invalid sequences become
 * U+FFFD: a page with a few of them is still text (intake warns); one made mostly of them is
 * rejected by intake as not text.
 */
export function decodeText(bytes: Buffer, name: string): Input | InputError {
  if (bytes.length === 0) return { input: name, code: 'EMPTY_INPUT', message: `${name} is empty.` };
  if (bytes.subarray(0, 8192).includes(0)) return { input: name, code: 'BINARY_INPUT', message: `${name} looks binary (it holds NUL bytes), not text.` };
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { name, text };
}

/** Reads every file under the given paths (directories recursively, in name order). */
export function readInputs(paths: string[]): ReadResult {
  const result: ReadResult = { inputs: [], errors: [] };
  for (const target of paths) {
    let files: string[];
    try {
      files = listFiles(target);
    } catch (error) {
      result.errors.push({ input: target, code: 'UNREADABLE', message: `${target}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}` });
      continue;
    }
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (error) {
        result.errors.push({ input: file, code: 'UNREADABLE', message: `${file}: ${(error as Error).message}` });
        continue;
      }
      const decoded = decodeText(bytes, file);
      if ('code' in decoded) result.errors.push(decoded);
      else result.inputs.push(decoded);
    }
  }
  return result;
}
