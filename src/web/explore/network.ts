/**
 * The meeting network and the path, drawn with Cytoscape.js: the entity in the middle, its
 * counterparts on rings around it (most shared events nearest), one edge per counterpart and
 * status, as wide as the events they share.
 */
import cytoscape from 'cytoscape';
import type { EntityRef } from './api';

/** Colours of event statuses (also used by the legend and the list). */
export const STATUS_COLOURS: Record<string, string> = {
  OCCURRED: '#2e7d32',
  PLANNED: '#1565c0',
  PROPOSED: '#8e24aa',
  HYPOTHETICAL: '#9e9e9e',
  DECLINED: '#ef6c00',
  CANCELLED: '#c62828',
};

/** Fill colours of entity types. */
export const TYPE_COLOURS: Record<string, string> = { PERSON: '#ffe0b2', ORGANIZATION: '#c5e1f5', PLACE: '#dcedc8' };

/** One counterpart and how many events of each status it shares with the centre. */
export interface Counterpart {
  entity: EntityRef;
  byStatus: Map<string, number>;
  total: number;
}

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      'min-zoomed-font-size': 7,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      color: '#1d2733',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      'background-color': 'data(fill)',
      'border-width': 1.5,
      'border-color': '#546e7a',
      width: 'data(size)',
      height: 'data(size)',
    },
  },
  { selector: 'node[type = "ORGANIZATION"]', style: { shape: 'round-rectangle' } },
  { selector: 'node[type = "PLACE"]', style: { shape: 'diamond' } },
  { selector: 'edge.role', style: { 'line-style': 'dashed' } },
  { selector: 'edge[label]', style: { label: 'data(label)', 'font-size': 10, color: '#37474f', 'text-rotation': 'autorotate', 'text-margin-y': -8, 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
  { selector: 'node.centre', style: { 'border-width': 3, 'border-color': '#1d2733', 'font-size': 14, 'font-weight': 'bold' } },
  { selector: 'node.hover', style: { 'border-color': '#0d47a1', 'border-width': 3, 'z-index': 10 } },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': 'data(colour)',
      'curve-style': 'bezier',
      opacity: 0.8,
      'control-point-step-size': 10,
    },
  },
];

function ringPositions(count: number): { x: number; y: number }[] {
  const positions: { x: number; y: number }[] = [];
  let ring = 1;
  while (positions.length < count) {
    const radius = 150 * ring;
    const capacity = Math.max(6, Math.floor((2 * Math.PI * radius) / 70));
    const here = Math.min(capacity, count - positions.length);
    for (let i = 0; i < here; i++) {
      const angle = (2 * Math.PI * i) / here - Math.PI / 2 + ring * 0.3;
      positions.push({ x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    }
    ring++;
  }
  return positions;
}

/** A Cytoscape view in a container, redrawn on each call. */
export class GraphView {
  private cy: cytoscape.Core;

  constructor(container: HTMLElement, onPick: (id: string) => void) {
    this.cy = cytoscape({
      container,
      style: STYLE,
      minZoom: 0.15,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      textureOnViewport: true,
      hideEdgesOnViewport: true,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    this.cy.on('tap', 'node', (e) => {
      if (!e.target.data('current')) onPick(e.target.id());
    });
    this.cy.on('mouseover', 'node', (e) => {
      e.target.addClass('hover');
      // Zoomed out, labels are hidden: the hovered one is shown at a readable size.
      e.target.style({ 'font-size': Math.max(11, 13 / this.cy.zoom()), 'min-zoomed-font-size': 0, 'z-index': 20 });
      container.style.cursor = e.target.data('current') ? 'default' : 'pointer';
    });
    this.cy.on('mouseout', 'node', (e) => {
      e.target.removeClass('hover');
      e.target.removeStyle('font-size min-zoomed-font-size z-index');
      container.style.cursor = '';
    });
  }

  /** Draws the centre and its counterparts (already filtered), most shared events first. */
  drawNetwork(centre: EntityRef, counterparts: Counterpart[]): void {
    const sorted = [...counterparts].sort((a, b) => b.total - a.total || a.entity.name.localeCompare(b.entity.name));
    const positions = ringPositions(sorted.length);
    const most = Math.max(1, ...sorted.map((c) => c.total));
    const elements: cytoscape.ElementDefinition[] = [
      { group: 'nodes', data: { id: centre.id, label: centre.name, type: centre.type, fill: TYPE_COLOURS[centre.type], size: 46, current: true }, position: { x: 0, y: 0 }, classes: 'centre' },
    ];
    sorted.forEach((c, i) => {
      elements.push({
        group: 'nodes',
        data: { id: c.entity.id, label: c.entity.name, type: c.entity.type, fill: TYPE_COLOURS[c.entity.type], size: 18 + 14 * Math.sqrt(c.total / most) },
        position: positions[i],
      });
      for (const [status, n] of c.byStatus) {
        elements.push({ group: 'edges', data: { id: `${c.entity.id}|${status}`, source: centre.id, target: c.entity.id, width: Math.min(14, 1.5 + 2 * n), colour: STATUS_COLOURS[status] ?? '#607d8b', status, n } });
      }
    });
    this.replace(elements);
  }

  /** Draws a path left to right, each step's edge coloured by its event's status. */
  drawPath(entities: EntityRef[], steps: { kind: string; title: string | null; event: { type: string; status: string; date: string | null } | null }[]): void {
    const elements: cytoscape.ElementDefinition[] = entities.map((e, i) => ({
      group: 'nodes',
      data: { id: e.id, label: e.name, type: e.type, fill: TYPE_COLOURS[e.type], size: 34 },
      position: { x: i * 190, y: i % 2 ? 40 : -40 },
      classes: i === 0 || i === entities.length - 1 ? 'centre' : '',
    }));
    steps.forEach((s, i) => {
      const colour = s.event ? (STATUS_COLOURS[s.event.status] ?? '#607d8b') : '#78909c';
      const label = s.event ? `${s.event.type.toLowerCase()}${s.event.date ? ' ' + s.event.date : ''}` : (s.title ?? 'role');
      elements.push({ group: 'edges', data: { id: `step${i}`, source: entities[i].id, target: entities[i + 1].id, width: 4, colour, label }, classes: s.event ? '' : 'role' });
    });
    this.replace(elements);
  }

  private replace(elements: cytoscape.ElementDefinition[]): void {
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(elements);
    });
    this.cy.resize();
    // Fitted from the positions we set: cy.fit() measures every label and edge first, which took
    // 250-580 ms for 136 counterparts (most of the first paint).
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const e of elements) {
      if (!e.position) continue;
      const r = (e.data.size as number) / 2;
      [x0, y0, x1, y1] = [Math.min(x0, e.position.x - r - 50), Math.min(y0, e.position.y - r), Math.max(x1, e.position.x + r + 50), Math.max(y1, e.position.y + r + 22)];
    }
    const [w, h] = [this.cy.width(), this.cy.height()];
    // A small network fitted to the box would be drawn huge: keep it at most a little enlarged.
    const zoom = Math.min(1.25, (w - 30) / (x1 - x0), (h - 30) / (y1 - y0));
    this.cy.viewport({ zoom, pan: { x: w / 2 - zoom * ((x0 + x1) / 2), y: h / 2 - zoom * ((y0 + y1) / 2) } });
    // The centre's name stays readable however far out the rings zoom.
    this.cy.nodes('.centre').style({ 'font-size': Math.max(14, 14 / zoom), 'min-zoomed-font-size': 0 });
    // Drawn now rather than on the renderer's next turn.
    this.cy.forceRender();
  }

  /** Resolves once the browser has shown the drawn frame. */
  painted(): Promise<void> {
    return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }
}
