/**
 * Text with marked stretches (mentions, triggers, evidence sentences): overlapping marks are
 * cut at every boundary, so each piece carries the classes of all marks over it.
 */
import { h, route } from './dom';

/** A marked stretch, in offsets of the whole article text. */
export interface Mark {
  start: number;
  end: number;
  cls: string;
  /** Entity id: the piece links to that entity. */
  entity?: string;
  title?: string;
}

/** Renders text[from, to) (offsets of the article) with its marks as a list of nodes. */
export function marked(text: string, from: number, marks: Mark[]): Node[] {
  const to = from + text.length;
  const inside = marks.filter((m) => m.end > from && m.start < to && m.end > m.start);
  const cuts = new Set<number>([from, to]);
  for (const m of inside) {
    cuts.add(Math.max(from, m.start));
    cuts.add(Math.min(to, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes: Node[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a - from, b - from);
    const over = inside.filter((m) => m.start <= a && m.end >= b);
    if (!over.length) {
      nodes.push(document.createTextNode(piece));
      continue;
    }
    const cls = over.map((m) => m.cls).join(' ');
    const title = over.map((m) => m.title).filter(Boolean).join(' · ') || undefined;
    const entity = over.find((m) => m.entity)?.entity;
    nodes.push(entity ? h('a', { class: cls, href: route('entity', entity), title, dataset: { start: String(a) } }, piece) : h('span', { class: cls, title, dataset: { start: String(a) } }, piece));
  }
  return nodes;
}
