/**
 * The public JSON shape of an extracted document (`kg extract`): every offset is mapped to the input.
 */
import type { Doc, Span, TextSpan } from './types';

/** The `kg extract` JSON for one document. */
export function toPublicJson(doc: Doc, inputText: string) {
  const map = (span: Span): Span => ({ start: doc.toInputOffset(span.start), end: doc.toInputOffset(span.end) });
  const mapText = (span: TextSpan): TextSpan => {
    const mapped = map(span);
    return { ...mapped, text: inputText.slice(mapped.start, mapped.end) };
  };
  return {
    id: doc.id,
    title: doc.title,
    publishedAt: doc.publishedAt,
    publishedAtInferred: doc.publishedAtInferred,
    url: doc.url ?? null,
    span: doc.inputSpan,
    sentences: doc.sentences.map((s) => ({ ...map(s), kind: s.kind })),
    captions: doc.captions.map((c) => ({ ...map(c), text: doc.text.slice(c.start, c.end) })),
    sources: doc.sources,
    entities: doc.entities.map((e) => ({
      id: e.id,
      key: e.key,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      roles: e.roles,
      ...(e.place ? { place: e.place } : {}),
      mentions: e.mentions.map(mapText),
      references: (e.references ?? []).map(mapText),
    })),
    events: doc.events.map((v) => ({
      id: v.id,
      type: v.type,
      status: v.status,
      participants: v.participants.map((p) => ({ entity: p.entity, role: p.role, ...(p.mention ? { mention: mapText({ ...p.mention, text: '' }) } : {}) })),
      place: v.place,
      date: v.date,
      datePrecision: v.datePrecision,
      time: v.time,
      trigger: mapText(v.trigger),
      evidence: v.evidence.map(map),
      mentions: v.mentions.map((m) => ({ trigger: mapText(m.trigger), sentence: map(m.sentence) })),
      confidence: v.confidence,
    })),
    warnings: doc.warnings,
  };
}
