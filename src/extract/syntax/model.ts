/**
 * The syntax model as shipped: the tagger's and the parser's sparse weights (16-bit), the tag
 * and label sets, the tag dictionary and the metadata the model card reports, as gzipped JSON.
 */
import zlib from 'node:zlib';
import { Scorer, type SparseWeights } from './classifier';
import { lexicon, type Lexicon } from './tagger';
import { release } from '../release';

/** A loaded syntax model. */
export interface SyntaxModel {
  /** Tag names "UPOS|XPOS", by tag number. */
  tags: string[];
  /** Dependency relations by label number. */
  labels: string[];
  /** Words whose tag is fixed (frequent and unambiguous in training). */
  dictionary: Map<string, number>;
  /** Word clusters the tagger reads, with its per-word cache. */
  lexicon: Lexicon;
  tagger: Scorer;
  /** Second tagging pass, reading the first pass's tags of the words to the right; optional. */
  tagger2?: Scorer;
  moves: Scorer;
  labelScorer: Scorer;
  meta: Record<string, unknown>;
}

interface PackedWeights {
  classes: number;
  scale: number;
  keys: string;
  counts: string;
  cls: string;
  q: string;
}

interface ModelFile {
  format: 'news-kg-syntax/1';
  meta: Record<string, unknown>;
  tags: string[];
  labels: string[];
  dictionary: [string, number][];
  clusters: [string, string][];
  tagger: PackedWeights;
  tagger2?: PackedWeights;
  moves: PackedWeights;
  labels_: PackedWeights;
}

const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function fromB64<T>(s: string, make: (buf: ArrayBuffer) => T): T {
  const raw = Buffer.from(s, 'base64');
  // A large decode has a buffer of its own: used as it is, not copied (the copy would be garbage).
  if (raw.byteOffset === 0 && raw.byteLength === raw.buffer.byteLength) return make(raw.buffer as ArrayBuffer);
  return make(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
}

function pack(w: SparseWeights): PackedWeights {
  // Row lengths compress better than row starts; classes fit a byte when there are few.
  const counts = new Uint16Array(w.keys.length);
  for (let r = 0; r < counts.length; r++) counts[r] = w.start[r + 1] - w.start[r];
  const cls = w.classes <= 256 ? Uint8Array.from(w.cls) : w.cls;
  return { classes: w.classes, scale: w.scale, keys: b64(w.keys), counts: b64(counts), cls: b64(cls), q: b64(w.q) };
}

function unpack(p: PackedWeights): SparseWeights {
  const keys = fromB64(p.keys, (b) => new Int32Array(b));
  const counts = fromB64(p.counts, (b) => new Uint16Array(b));
  const start = new Int32Array(keys.length + 1);
  for (let r = 0; r < counts.length; r++) start[r + 1] = start[r] + counts[r];
  release(counts);
  const bytes = p.classes <= 256 ? fromB64(p.cls, (b) => new Uint8Array(b)) : undefined;
  const cls = bytes ? Uint16Array.from(bytes) : fromB64(p.cls, (b) => new Uint16Array(b));
  release(bytes);
  return { classes: p.classes, scale: p.scale, keys, start, cls, q: fromB64(p.q, (b) => new Int16Array(b)) };
}

/** A scorer over packed weights, the unpacked rows freed as soon as it is built. */
function scorer(p: PackedWeights): Scorer {
  const w = unpack(p);
  const s = new Scorer(w);
  release(w.keys, w.start, w.cls, w.q);
  return s;
}

/** Serialises a model (its weights as trained, before the Scorers' float copies). */
export function serializeSyntaxModel(parts: { tags: string[]; labels: string[]; dictionary: Map<string, number>; clusters: Map<string, string>; tagger: SparseWeights; tagger2?: SparseWeights; moves: SparseWeights; labelWeights: SparseWeights; meta: Record<string, unknown> }): Buffer {
  const file: ModelFile = {
    format: 'news-kg-syntax/1',
    meta: parts.meta,
    tags: parts.tags,
    labels: parts.labels,
    dictionary: [...parts.dictionary],
    clusters: [...parts.clusters],
    tagger: pack(parts.tagger),
    ...(parts.tagger2 ? { tagger2: pack(parts.tagger2) } : {}),
    moves: pack(parts.moves),
    labels_: pack(parts.labelWeights),
  };
  return zlib.gzipSync(JSON.stringify(file), { level: 9 });
}

/** Gives a structured-clone copy of a loaded model (sent from another thread) its scorers' methods back. */
export function reviveSyntaxModel(model: SyntaxModel): SyntaxModel {
  for (const s of [model.tagger, model.tagger2, model.moves, model.labelScorer]) if (s) Scorer.revive(s);
  return model;
}

/** Parses a buffer written by `serializeSyntaxModel`; throws on anything else. */
export function parseSyntaxModel(buffer: Buffer): SyntaxModel {
  const json = zlib.gunzipSync(buffer);
  const file = JSON.parse(json.toString('utf8')) as ModelFile;
  release(json);
  if (file.format !== 'news-kg-syntax/1') throw new Error('unsupported syntax model format');
  return {
    tags: file.tags,
    labels: file.labels,
    dictionary: new Map(file.dictionary),
    lexicon: lexicon(new Map(file.clusters)),
    tagger: scorer(file.tagger),
    tagger2: file.tagger2 ? scorer(file.tagger2) : undefined,
    moves: scorer(file.moves),
    labelScorer: scorer(file.labels_),
    meta: file.meta,
  };
}
