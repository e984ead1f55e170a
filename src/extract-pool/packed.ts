/**
 * A Doc as it crosses a thread boundary: everything but its offset function, which is sent as
 * a table (one input offset per cleaned-text offset) and rebuilt on the other side.
 */
import type { Doc, ExtractResultLike } from './types';

/** A Doc without its function, plus the table that replaces it. */
export type PackedDoc = Omit<Doc, 'toInputOffset'> & { offsets: Int32Array };

/** Packs a Doc for postMessage; the table's buffer can be transferred. */
export function packDoc(doc: Doc): PackedDoc {
  const { toInputOffset, ...rest } = doc;
  const offsets = new Int32Array(doc.text.length + 1);
  for (let i = 0; i <= doc.text.length; i++) offsets[i] = toInputOffset(i);
  return { ...rest, offsets };
}

/** Rebuilds a Doc from its packed form. */
export function unpackDoc(packed: PackedDoc): Doc {
  const { offsets, ...rest } = packed;
  const last = offsets.length - 1;
  return { ...rest, toInputOffset: (offset: number) => offsets[offset < 0 ? 0 : offset > last ? last : offset] };
}

export type { ExtractResultLike };
