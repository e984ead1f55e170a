/**
 * Relay global ids and keyset cursors: opaque base64url strings, validated on the way in.
 */
import { KgError } from '../errors';

/** The object types that have global ids. */
export type NodeType = 'Article' | 'Person' | 'Organization' | 'Place' | 'Event';

const NODE_TYPES = new Set<NodeType>(['Article', 'Person', 'Organization', 'Place', 'Event']);

/** Encodes a type and a store id as a global id. */
export function toGlobalId(type: NodeType, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Decodes a global id, failing with BAD_USER_INPUT when it is not one of ours. */
export function fromGlobalId(globalId: string): { type: NodeType; id: string } {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  const type = decoded.slice(0, colon) as NodeType;
  // Only the canonical spelling counts: base64url decoding ignores padding and stray characters,
  // so "<id>==" would otherwise name the same object under a second id.
  if (colon < 1 || !NODE_TYPES.has(type) || decoded.length === colon + 1 || toGlobalId(type, decoded.slice(colon + 1)) !== globalId) {
    throw new KgError('BAD_USER_INPUT', `"${globalId}" is not a valid id.`);
  }
  return { type, id: decoded.slice(colon + 1) };
}

/** Encodes a keyset position (the sort key values of an item) as an opaque cursor. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor made by encodeCursor, failing with BAD_USER_INPUT otherwise. */
export function decodeCursor(cursor: string): unknown[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && encodeCursor(key) === cursor) return key;
  } catch {
    // fall through to the user error
  }
  throw new KgError('BAD_USER_INPUT', `"${cursor}" is not a valid cursor.`);
}

/** Clamps a requested page size to [0, max], rejecting negatives. */
export function pageSize(requested: number | null | undefined, max: number, fallback = 20): number {
  if (requested === null || requested === undefined) return Math.min(fallback, max);
  if (requested < 0) throw new KgError('BAD_USER_INPUT', '`first` and `last` must not be negative.');
  return Math.min(requested, max);
}
