/**
 * Builds cleaned text out of slices of the input while remembering where each slice came
 * from, so any offset of the cleaned text maps back to the original input exactly.
 */
import type { Span } from '../types';

interface Segment {
  docStart: number;
  inputStart: number;
  length: number;
  /** False when the slice was transformed (HTML entities): offsets inside map to its start. */
  exact: boolean;
}

/** Appends input slices and separators; `toInput` maps offsets back. */
export class TextBuilder {
  private text = '';
  private readonly segments: Segment[] = [];

  /** Current length of the built text. */
  get length(): number {
    return this.text.length;
  }

  /** Appends `value`, which is (or was decoded from) input[inputStart, inputEnd). Returns its span in the built text. */
  append(value: string, inputStart: number, inputEnd = inputStart + value.length): Span {
    const start = this.text.length;
    this.text += value;
    this.segments.push({ docStart: start, inputStart, length: value.length, exact: inputEnd - inputStart === value.length });
    if (!this.segments[this.segments.length - 1].exact) this.segments[this.segments.length - 1].inputStart = inputStart;
    this.ends.push(inputEnd);
    return { start, end: this.text.length };
  }

  private readonly ends: number[] = [];

  /** Appends text that is not in the input (line breaks between pieces). */
  separator(value: string): void {
    this.text += value;
  }

  /** The built text. */
  toString(): string {
    return this.text;
  }

  /** Maps an offset of the built text to the input. */
  toInput = (offset: number): number => {
    const segs = this.segments;
    if (!segs.length) return offset;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].docStart <= offset) lo = mid;
      else hi = mid - 1;
    }
    const s = segs[lo];
    if (offset < s.docStart) return s.inputStart;
    const within = offset - s.docStart;
    if (within >= s.length) return this.ends[lo];
    return s.exact ? s.inputStart + within : within === 0 ? s.inputStart : this.ends[lo];
  };
}
