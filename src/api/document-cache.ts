/**
 * Apollo's parsed-document cache, bounded by what its entries really hold. Apollo's default
 * sizes a DocumentNode by JSON.stringify, which skips `loc.source.body`: every cached document
 * kept its whole query text (comments and all) while counting a few bytes, so unique padded
 * queries grew the server without bound. Here an entry weighs its AST plus its query text.
 */
import type { DocumentNode } from 'graphql';

/** The part of Apollo's KeyValueCache interface its document store uses. */
export interface DocumentCache {
  get(key: string): Promise<DocumentNode | undefined>;
  set(key: string, value: DocumentNode): Promise<void>;
  delete(key: string): Promise<boolean | void>;
  /** Bytes currently held (query text as UTF-16 plus the AST's JSON). */
  readonly bytes: number;
}

/** What one cached document weighs in bytes: its AST plus the query text it keeps alive. */
export function documentBytes(doc: DocumentNode): number {
  const source = doc.loc?.source.body.length ?? 0;
  return 2 * source + Buffer.byteLength(JSON.stringify(doc), 'utf8');
}

/** A least-recently-used document cache that never holds more than `maxBytes`. */
export function createDocumentCache(maxBytes: number): DocumentCache {
  const entries = new Map<string, { doc: DocumentNode; bytes: number }>();
  let bytes = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return false;
    entries.delete(key);
    bytes -= entry.bytes;
    return true;
  };
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      entries.delete(key);
      entries.set(key, entry);
      return entry.doc;
    },
    async set(key, doc) {
      drop(key);
      const size = documentBytes(doc);
      if (size > maxBytes) return;
      while (bytes + size > maxBytes) drop(entries.keys().next().value as string);
      entries.set(key, { doc, bytes: size });
      bytes += size;
    },
    async delete(key) {
      return drop(key);
    },
    get bytes() {
      return bytes;
    },
  };
}
