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

/** The largest input file read (a JSONL file of many articles may be large; /dev/zero is not a file). */
export const DEFAULT_MAX_FILE_BYTES = 512 * 1024 * 1024;

/**
 * The regular files under `target`, in name order. A symlink is followed once (to a file, or a
 * directory not already being walked); loops, dangling links, FIFOs, sockets and devices are
 * each reported and skipped, and the rest of the directory is still read.
 */
function listFiles(target: string, errors: InputError[], walking: Set<string> = new Set(), top = true): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (top && code === 'ENOENT' && !isLink(target)) throw error;
    const why = code === 'ELOOP' ? 'a symbolic link loop' : code === 'ENOENT' ? 'a dangling symbolic link' : (error as Error).message;
    errors.push({ input: target, code: 'UNREADABLE', message: `${target}: skipped: ${why}.` });
    return [];
  }
  if (stat.isFile()) return [target];
  if (!stat.isDirectory()) {
    const kind = stat.isFIFO() ? 'a FIFO (named pipe)' : stat.isSocket() ? 'a socket' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : 'not a regular file';
    errors.push({ input: target, code: 'UNREADABLE', message: `${target}: skipped: ${kind}, not a regular file.` });
    return [];
  }
  const real = fs.realpathSync(target);
  if (walking.has(real)) {
    errors.push({ input: target, code: 'UNREADABLE', message: `${target}: skipped: a symbolic link back into a directory being read (a loop).` });
    return [];
  }
  walking.add(real);
  let names: string[];
  try {
    names = fs.readdirSync(target);
  } catch (error) {
    walking.delete(real);
    errors.push({ input: target, code: 'UNREADABLE', message: `${target}: ${(error as Error).message}` });
    return [];
  }
  const files = names
    .filter((name) => !name.startsWith('.'))
    .sort()
    .flatMap((name) => listFiles(path.join(target, name), errors, walking, false));
  walking.delete(real);
  return files;
}

function isLink(target: string): boolean {
  try {
    return fs.lstatSync(target).isSymbolicLink();
  } catch {
    return false;
  }
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

/** Reads every regular file under the given paths (directories recursively, in name order). */
export function readInputs(paths: string[], options: { maxFileBytes?: number } = {}): ReadResult {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const result: ReadResult = { inputs: [], errors: [] };
  for (const target of paths) {
    let files: string[];
    try {
      files = listFiles(target, result.errors);
    } catch (error) {
      result.errors.push({ input: target, code: 'UNREADABLE', message: `${target}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}` });
      continue;
    }
    for (const file of files) {
      let bytes: Buffer;
      try {
        const size = fs.statSync(file).size;
        if (size > maxFileBytes) {
          result.errors.push({ input: file, code: 'PAYLOAD_TOO_LARGE', message: `${file}: skipped: ${size} bytes, over the ${maxFileBytes}-byte file limit.` });
          continue;
        }
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
