/**
 * `kg extract --jsonl [FILE|-]`: the record contract (src/extract/records.ts) over a file or
 * standard input, one output line per input line, in order, streamed so that a large file is
 * never held whole in memory.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { extractRecordLine } from '../extract/records';
import type { Component } from '../extract/pipeline';

/** Counts of a run. */
export interface JsonlRunReport {
  lines: number;
  failed: number;
}

/** Extracts every non-blank line of `input` to `output`; returns how many lines there were and how many failed. */
export async function extractJsonlStream(input: Readable, source: string, output: Writable, components: Component[]): Promise<JsonlRunReport> {
  const report: JsonlRunReport = { lines: 0, failed: 0 };
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    report.lines++;
    const result = extractRecordLine(line, lineNumber, source, components);
    if ('error' in result) report.failed++;
    if (!output.write(JSON.stringify(result) + '\n')) await new Promise((resolve) => output.once('drain', resolve));
  }
  return report;
}

/** Opens FILE, or standard input for "-" or no file. */
export function openJsonlSource(file: string | undefined): { stream: Readable; source: string } {
  if (!file || file === '-') return { stream: process.stdin, source: 'stdin' };
  return { stream: fs.createReadStream(file), source: file };
}
