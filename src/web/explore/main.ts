/**
 * The explorer: search, an entity's meeting network, timeline and meetings with their evidence,
 * the path finder and the article view. Routes live in the URL hash (#/entity/ID,
 * #/path/FROM/TO, #/article/ID/OFFSET) so every view can be linked and the back button works.
 */
import { ApiError, ARTICLE, gql, HISTOGRAM, MEETINGS, NETWORK, PATH, SEARCH, setReadKey, type EntityRef, type EventItem, type EvidenceItem } from './api';
import { fill, h, route } from './dom';
import { marked, type Mark } from './marks';
import { GraphView, STATUS_COLOURS, type Counterpart } from './network';
import './style.css';

const STATUSES = ['OCCURRED', 'PLANNED', 'PROPOSED', 'HYPOTHETICAL', 'DECLINED', 'CANCELLED'];
const EVENT_TYPES = ['MEETING', 'TALKS', 'VISIT', 'SUMMIT', 'CALL'];
const ENTITY_TYPES = ['PERSON', 'ORGANIZATION', 'PLACE'];
const TYPE_NAMES: Record<string, string> = { PERSON: 'people', ORGANIZATION: 'organisations', PLACE: 'places' };

/** Filters shared by the network (in the page), the list and the timeline (in the API). */
const filters = {
  entityTypes: new Set(ENTITY_TYPES),
  statuses: new Set(STATUSES),
  eventTypes: new Set(EVENT_TYPES),
  from: '',
  to: '',
};

const view = document.getElementById('view')!;
const statusBar = document.getElementById('status')!;
let generation = 0;
let graph: GraphView | null = null;

function status(message: string, error = false): void {
  statusBar.className = error ? 'error' : '';
  fill(statusBar, message);
}

function fail(error: unknown): void {
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
    const input = h('input', { type: 'password', placeholder: 'read key', 'aria-label': 'API read key' });
    const form = h('form', { class: 'key', onsubmit: (e: Event) => (e.preventDefault(), setReadKey(input.value.trim()), render()) }, 'This server needs a key: ', input, h('button', {}, 'Use key'));
    statusBar.className = 'error';
    fill(statusBar, form);
    input.focus();
    return;
  }
  status(error instanceof Error ? error.message : String(error), true);
}

/** Whether an event passes the date range (dates of any precision compare as prefixes). */
function inRange(date: string | null): boolean {
  if (!filters.from && !filters.to) return true;
  if (!date) return false;
  if (filters.from && date < filters.from.slice(0, date.length)) return false;
  if (filters.to && date > filters.to.slice(0, date.length)) return false;
  return true;
}

function passes(e: EventItem): boolean {
  return filters.statuses.has(e.status) && filters.eventTypes.has(e.type) && inRange(e.date);
}

function apiFilter(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { status: [...filters.statuses], types: [...filters.eventTypes], from: filters.from || undefined, to: filters.to || undefined, ...extra };
}

function statusBadge(s: string): HTMLElement {
  return h('span', { class: 'badge', style: `background:${STATUS_COLOURS[s] ?? '#607d8b'}` }, s.toLowerCase());
}

function entityLink(e: EntityRef): HTMLElement {
  return h('a', { href: route('entity', e.id), class: `ent ${e.type.toLowerCase()}` }, e.name);
}

// ---------------------------------------------------------------- search

const q = document.getElementById('q') as HTMLInputElement;
const results = document.getElementById('results') as HTMLUListElement;
let searchTimer = 0;
let searchSeq = 0;

async function runSearch(text: string): Promise<EntityRef[]> {
  const seq = ++searchSeq;
  if (!text.trim()) {
    results.hidden = true;
    return [];
  }
  const data = await gql<{ search: (EntityRef & { articleCount: number; aliases: string[] })[] }>(SEARCH, { text });
  if (seq !== searchSeq) return data.search;
  fill(
    results,
    data.search.length
      ? data.search.map((e) =>
          h('li', { role: 'option' }, h('a', { href: route('entity', e.id), class: `ent ${e.type.toLowerCase()}` }, e.name, h('small', {}, ` ${e.type.toLowerCase()} · ${e.articleCount} article${e.articleCount === 1 ? '' : 's'}`))),
        )
      : [h('li', { class: 'none' }, 'No entity matches.')],
  );
  results.hidden = false;
  return data.search;
}

q.addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = window.setTimeout(() => runSearch(q.value).catch(fail), 120);
});
q.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowDown') {
    e.preventDefault();
    results.querySelector('a')?.focus();
  } else if (e.key === 'Escape') results.hidden = true;
});
results.addEventListener('keydown', (e) => {
  const links = [...results.querySelectorAll('a')];
  const i = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (e.key === 'ArrowDown') (e.preventDefault(), links[Math.min(links.length - 1, i + 1)]?.focus());
  if (e.key === 'ArrowUp') (e.preventDefault(), i <= 0 ? q.focus() : links[i - 1].focus());
  if (e.key === 'Escape') (results.hidden = true), q.focus();
});
results.addEventListener('click', () => (results.hidden = true));
document.getElementById('search')!.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearTimeout(searchTimer);
  try {
    const [first] = await runSearch(q.value);
    if (first) {
      results.hidden = true;
      location.hash = route('entity', first.id);
    }
  } catch (error) {
    fail(error);
  }
});
document.addEventListener('keydown', (e) => {
  if (e.key === '/' && !(e.target instanceof HTMLInputElement)) (e.preventDefault(), q.focus(), q.select());
});
document.addEventListener('click', (e) => {
  if (!(e.target as Element).closest('#search')) results.hidden = true;
});

// ---------------------------------------------------------------- path form

const fromInput = document.getElementById('from') as HTMLInputElement;
const toInput = document.getElementById('to') as HTMLInputElement;
document.getElementById('pathform')!.addEventListener('submit', (e) => {
  e.preventDefault();
  if (fromInput.value.trim() && toInput.value.trim()) location.hash = route('path', fromInput.value.trim(), toInput.value.trim());
  else (fromInput.value.trim() ? toInput : fromInput).focus();
});

// ---------------------------------------------------------------- entity view

interface NetworkData {
  entity: EntityRef & { aliases: string[]; articleCount: number; roles?: { title: string; of: { name: string } }[] };
  events: EventItem[];
  total: number;
}

function counterpartsOf(data: NetworkData): Counterpart[] {
  const byId = new Map<string, Counterpart>();
  for (const e of data.events) {
    if (!passes(e)) continue;
    for (const p of e.participants) {
      if (p.entity.id === data.entity.id || !filters.entityTypes.has(p.entity.type)) continue;
      let c = byId.get(p.entity.id);
      if (!c) byId.set(p.entity.id, (c = { entity: p.entity, byStatus: new Map(), total: 0 }));
      c.byStatus.set(e.status, (c.byStatus.get(e.status) ?? 0) + 1);
      c.total++;
    }
  }
  return [...byId.values()].sort((a, b) => b.total - a.total || a.entity.name.localeCompare(b.entity.name));
}

function checkboxes(name: string, values: string[], chosen: Set<string>, label: (v: string) => Node | string, onChange: () => void): HTMLElement {
  return h(
    'fieldset',
    { class: 'checks' },
    h('legend', {}, name),
    values.map((v) =>
      h(
        'label',
        {},
        h('input', {
          type: 'checkbox',
          checked: chosen.has(v),
          onchange: (e: Event) => {
            if ((e.target as HTMLInputElement).checked) chosen.add(v);
            else chosen.delete(v);
            onChange();
          },
        }),
        label(v),
      ),
    ),
  );
}

function filterBar(onChange: () => void): HTMLElement {
  const date = (key: 'from' | 'to', text: string) =>
    h('label', {}, text + ' ', h('input', { type: 'date', value: filters[key], onchange: (e: Event) => ((filters[key] = (e.target as HTMLInputElement).value), onChange()) }));
  return h(
    'div',
    { class: 'filters' },
    checkboxes('Status', STATUSES, filters.statuses, (v) => h('span', { class: 'swatch', style: `--c:${STATUS_COLOURS[v]}` }, v.toLowerCase()), onChange),
    checkboxes('Counterparts', ENTITY_TYPES, filters.entityTypes, (v) => TYPE_NAMES[v], onChange),
    checkboxes('Events', EVENT_TYPES, filters.eventTypes, (v) => v.toLowerCase(), onChange),
    h('fieldset', { class: 'dates' }, h('legend', {}, 'Dates'), date('from', 'from'), date('to', 'to'), h('button', { type: 'button', onclick: () => ((filters.from = filters.to = ''), onChange()) }, 'any')),
  );
}

type NetworkAnswer = { entity: (NetworkData['entity'] & { events: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: EventItem }[] } }) | null };

async function loadNetwork(id: string, first: Promise<NetworkAnswer>, onPage: (data: NetworkData, done: boolean) => void, gen: number): Promise<void> {
  let after: string | null = null;
  const events: EventItem[] = [];
  for (let page = 0; page < 50; page++) {
    const data: NetworkAnswer = page === 0 ? await first : await gql<NetworkAnswer>(NETWORK, { id, after });
    if (gen !== generation) return;
    if (!data.entity) throw new ApiError('No such entity.', 'NOT_FOUND');
    events.push(...data.entity.events.edges.map((e) => e.node));
    const more = data.entity.events.pageInfo.hasNextPage;
    onPage({ entity: data.entity, events, total: data.entity.events.totalCount }, !more);
    if (!more) return;
    after = data.entity.events.pageInfo.endCursor;
  }
}

function meetingItem(e: EventItem, centreId: string): HTMLElement {
  const others = e.participants.filter((p) => p.entity.id !== centreId);
  return h(
    'li',
    { class: 'meeting', dataset: { event: e.id } },
    h('div', { class: 'meta' }, statusBadge(e.status), ` ${e.type.toLowerCase()}`, e.date ? ` · ${e.date}` : ' · undated', e.time ? ` ${e.time}` : '', e.place ? [' · ', h('a', { href: route('entity', e.place.id), class: 'ent place' }, e.place.name)] : ''),
    others.length ? h('div', { class: 'who' }, 'with ', others.flatMap((p, i) => [i ? ', ' : '', entityLink(p.entity)])) : null,
    (e.evidence ?? []).map((ev) => evidenceQuote(ev)),
  );
}

function evidenceQuote(ev: EvidenceItem): HTMLElement {
  const marks: Mark[] = [];
  if (ev.trigger) marks.push({ start: ev.trigger.start, end: ev.trigger.end, cls: 'trigger', title: 'trigger' });
  for (const m of ev.mentions) for (const [start, end] of m.spans) marks.push({ start, end, cls: `mention ${m.entity.type.toLowerCase()}`, entity: m.entity.id, title: m.entity.name });
  return h(
    'blockquote',
    { class: 'evidence' },
    h('p', {}, marked(ev.sentence, ev.start, marks)),
    h('a', { class: 'source', href: route('article', ev.article.id, String(ev.start)) }, `${ev.article.title}${ev.article.publishedAt ? ', ' + ev.article.publishedAt : ''} ›`),
  );
}

async function loadMeetings(id: string, list: HTMLElement, more: HTMLButtonElement, count: HTMLElement, gen: number, before: string | null = null): Promise<void> {
  type Answer = { entity: { events: { totalCount: number; pageInfo: { hasPreviousPage: boolean; startCursor: string | null }; edges: { node: EventItem }[] } } | null };
  more.disabled = true;
  const data = await gql<Answer>(MEETINGS, { id, filter: apiFilter(), before });
  if (gen !== generation || !data.entity) return;
  const page = data.entity.events;
  if (!before) list.replaceChildren();
  const items = [...page.edges].reverse().map((e) => meetingItem(e.node, id));
  list.append(...items);
  if (!before && !items.length) list.append(h('li', { class: 'none' }, 'No meetings match the filters.'));
  fill(count, String(page.totalCount));
  more.hidden = !page.pageInfo.hasPreviousPage;
  more.disabled = false;
  more.onclick = () => loadMeetings(id, list, more, count, gen, page.pageInfo.startCursor).catch(fail);
}

async function loadTimeline(id: string, box: HTMLElement, gen: number, onPick: (from: string, to: string) => void): Promise<void> {
  const data = await gql<{ meetingHistogram: { bucket: string; count: number }[] }>(HISTOGRAM, {
    filter: { participants: [id], status: [...filters.statuses], types: [...filters.eventTypes] },
  });
  if (gen !== generation) return;
  const counts = new Map(data.meetingHistogram.map((b) => [b.bucket, b.count]));
  const months = [...counts.keys()].sort();
  if (!months.length) return fill(box, h('p', { class: 'none' }, 'No dated meetings.'));
  // Every month between the first and last, so the axis is linear in time.
  const all: string[] = [];
  let [y, m] = months[0].split('-').map(Number);
  const [ly, lm] = months[months.length - 1].split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    all.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) (m = 1), y++;
  }
  const most = Math.max(...counts.values());
  const bars = all.map((month) => {
    const n = counts.get(month) ?? 0;
    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
    const chosen = filters.from && filters.to && filters.from <= `${month}-01` && filters.to >= `${month}-${last}`;
    return h(
      'button',
      { type: 'button', class: `bar${chosen ? ' chosen' : ''}`, title: `${month}: ${n} event${n === 1 ? '' : 's'}`, 'aria-label': `${month}: ${n} events`, onclick: () => onPick(`${month}-01`, `${month}-${last}`) },
      h('span', { style: `height:${n ? 8 + 92 * (n / most) : 0}%` }),
    );
  });
  fill(box, h('div', { class: 'bars' }, bars), h('div', { class: 'axis' }, h('span', {}, all[0]), h('span', {}, all[all.length - 1])));
}

async function entityView(id: string): Promise<void> {
  const gen = ++generation;
  const started = performance.now();
  // The network's first page is asked for before anything else is built: it is what paints first.
  const firstPage = gql<NetworkAnswer>(NETWORK, { id, after: null });
  const heading = h('h1', {}, '…');
  const sub = h('p', { class: 'sub' });
  const graphBox = h('div', { class: 'graph', id: 'graph', 'aria-label': 'Meeting network' });
  const timeline = h('div', { class: 'timeline', 'aria-label': 'Meetings per month' });
  const counterpartList = h('ol', { class: 'counterparts' });
  const counterpartCount = h('span', {}, '…');
  const meetingList = h('ol', { class: 'meetings' });
  const meetingCount = h('span', {}, '…');
  const older = h('button', { type: 'button', class: 'more', hidden: true }, 'Older meetings');
  let data: NetworkData | null = null;
  let firstPaint = true;

  const redraw = () => {
    if (!data) return;
    const counterparts = counterpartsOf(data);
    graph!.drawNetwork(data.entity, counterparts);
    fill(counterpartCount, String(counterparts.length));
    fill(
      counterpartList,
      counterparts.length
        ? counterparts.map((c) => h('li', {}, entityLink(c.entity), ' ', h('span', { class: 'n', title: 'shared events' }, String(c.total)), [...c.byStatus.keys()].map((s) => h('i', { class: 'dot', style: `background:${STATUS_COLOURS[s]}`, title: s.toLowerCase() }))))
        : [h('li', { class: 'none' }, 'No counterparts match the filters.')],
    );
  };
  const refilter = () => {
    redraw();
    loadMeetings(id, meetingList, older, meetingCount, gen).catch(fail);
    loadTimeline(id, timeline, gen, pickMonth).catch(fail);
  };
  const pickMonth = (from: string, to: string) => {
    const same = filters.from === from && filters.to === to;
    filters.from = same ? '' : from;
    filters.to = same ? '' : to;
    fill(filtersBox, filterBar(refilter));
    refilter();
  };
  const filtersBox = h('div', {}, filterBar(refilter));

  fill(
    view,
    h(
      'div',
      { class: 'entity-view' },
      h('section', { class: 'left' }, h('div', { class: 'title' }, heading, sub), filtersBox, graphBox, h('div', { class: 'legend' }, h('span', { class: 'hint' }, 'edge colour: status · width: shared events · click a name to move to it')), timeline),
      h('section', { class: 'right' }, h('h2', {}, 'Counterparts ', counterpartCount), counterpartList, h('h2', {}, 'Meetings ', meetingCount), meetingList, older),
    ),
  );
  graph = new GraphView(graphBox, (picked) => (location.hash = route('entity', picked)));
  status('Loading…');
  // The list and the timeline wait for the network's first paint, so they do not compete with it.
  let painted: () => void = () => undefined;
  void new Promise<void>((resolve) => (painted = resolve)).then(() => {
    if (gen !== generation) return;
    loadMeetings(id, meetingList, older, meetingCount, gen).catch(fail);
    loadTimeline(id, timeline, gen, pickMonth).catch(fail);
  });
  void firstPage.catch(() => painted());
  await loadNetwork(
    id,
    firstPage,
    (d, done) => {
      data = d;
      fill(heading, d.entity.name);
      const roles = (d.entity.roles ?? []).map((r) => `${r.title}, ${r.of.name}`);
      fill(sub, `${d.entity.type.toLowerCase()} · ${d.entity.articleCount} article${d.entity.articleCount === 1 ? '' : 's'} · ${d.total} event${d.total === 1 ? '' : 's'}`, roles.length ? ` · ${roles.join('; ')}` : '');
      document.title = `${d.entity.name} · news-kg explorer`;
      fromInput.value = d.entity.name;
      const arrived = performance.now();
      if (firstPaint || done) redraw();
      if (firstPaint) {
        firstPaint = false;
        document.documentElement.dataset.networkDataMs = String(Math.round(arrived - started));
        document.documentElement.dataset.routeStartMs = String(Math.round(started));
        void graph!.painted().then(() => {
          // Read by bench/explorer.ts (and the browser test): route start to the first painted network.
          document.documentElement.dataset.firstPaintMs = String(Math.round(performance.now() - started));
          document.documentElement.dataset.sinceNavigationMs = String(Math.round(performance.now()));
          painted();
        });
      }
      status(done ? '' : `Loaded ${d.events.length} of ${d.total} events…`);
    },
    gen,
  );
}

function legend(): HTMLElement {
  return h('div', { class: 'legend' }, STATUSES.map((s) => h('span', { class: 'swatch', style: `--c:${STATUS_COLOURS[s]}` }, s.toLowerCase())), h('span', { class: 'hint' }, 'edge width: shared events · click a name to move to it'));
}

// ---------------------------------------------------------------- path view

async function pathView(from: string, to: string): Promise<void> {
  const gen = ++generation;
  fromInput.value = from;
  toInput.value = to;
  const graphBox = h('div', { class: 'graph', id: 'graph', 'aria-label': 'Path' });
  const steps = h('ol', { class: 'steps' });
  const heading = h('h1', {}, `${from} → ${to}`);
  fill(view, h('div', { class: 'entity-view' }, h('section', { class: 'left' }, h('div', { class: 'title' }, heading), graphBox, legend()), h('section', { class: 'right' }, h('h2', {}, 'Steps'), steps)));
  graph = new GraphView(graphBox, (picked) => (location.hash = route('entity', picked)));
  status('Finding a path…');
  type Step = { kind: string; title: string | null; description: string; from: { id: string }; to: { id: string }; event: { id: string; type: string; status: string; date: string | null; place: { name: string } | null } | null };
  const data = await gql<{ path: { length: number; entities: EntityRef[]; steps: Step[] } | null }>(PATH, { from, to });
  if (gen !== generation) return;
  status('');
  if (!data.path) {
    fill(steps, h('li', { class: 'none' }, `No path within 6 steps between “${from}” and “${to}”.`));
    return;
  }
  const p = data.path;
  fill(heading, p.entities[0].name, ' → ', p.entities[p.entities.length - 1].name, h('small', {}, ` ${p.length} step${p.length === 1 ? '' : 's'}`));
  graph.drawPath(p.entities, p.steps);
  fill(
    steps,
    p.steps.map((s, i) =>
      h(
        'li',
        { class: 'step' },
        h('div', {}, entityLink(p.entities[i]), ' — ', entityLink(p.entities[i + 1])),
        h('div', { class: 'meta' }, s.event ? [statusBadge(s.event.status), ` ${s.event.type.toLowerCase()}`, s.event.date ? ` · ${s.event.date}` : '', s.event.place ? ` · ${s.event.place.name}` : ''] : `role: ${s.title ?? ''}`),
        h('p', {}, s.description),
      ),
    ),
  );
}

// ---------------------------------------------------------------- article view

async function articleView(id: string, at: number | null): Promise<void> {
  const gen = ++generation;
  status('Loading the article…');
  type Answer = {
    article: {
      id: string; title: string; url: string | null; publishedAt: string | null; source: string | null; text: string;
      mentions: { entity: EntityRef; spans: [number, number][] }[];
      events: { nodes: (EventItem & { evidence: { start: number; end: number; status: string; trigger: { start: number; end: number } | null; article: { id: string } }[] })[] };
    } | null;
  };
  const data = await gql<Answer>(ARTICLE, { id });
  if (gen !== generation) return;
  status('');
  const a = data.article;
  if (!a) return fill(view, h('p', { class: 'none' }, 'No such article.'));
  const marks: Mark[] = [];
  for (const m of a.mentions) for (const [start, end] of m.spans) marks.push({ start, end, cls: `mention ${m.entity.type.toLowerCase()}`, entity: m.entity.id, title: m.entity.name });
  for (const e of a.events.nodes) {
    const label = `${e.type.toLowerCase()}, ${e.status.toLowerCase()}${e.date ? ', ' + e.date : ''}`;
    for (const ev of e.evidence.filter((x) => x.article.id === a.id)) {
      marks.push({ start: ev.start, end: ev.end, cls: `sentence s-${ev.status.toLowerCase()}`, title: label });
      if (ev.trigger) marks.push({ start: ev.trigger.start, end: ev.trigger.end, cls: 'trigger', title: 'trigger' });
    }
  }
  // The sentence the reader came from (an evidence link) is outlined.
  const focus = at === null ? undefined : marks.find((m) => m.cls.startsWith('sentence') && m.start === at);
  if (focus) marks.push({ start: focus.start, end: focus.end, cls: 'flash' });
  const body = h('div', { class: 'article-text' }, marked(a.text, 0, marks));
  const events = h(
    'ol',
    { class: 'meetings' },
    a.events.nodes.map((e) => meetingItem({ ...e, evidence: [] }, '')),
  );
  fill(
    view,
    h(
      'div',
      { class: 'article-view' },
      h('article', {}, h('h1', {}, a.title), h('p', { class: 'sub' }, [a.publishedAt, a.source].filter(Boolean).join(' · '), a.url ? [' · ', h('a', { href: a.url, rel: 'noreferrer' }, 'original')] : ''), body),
      h('aside', {}, h('h2', {}, 'Events reported'), events, h('h2', {}, 'Mentioned'), h('ul', { class: 'mentioned' }, a.mentions.map((m) => h('li', {}, entityLink(m.entity), h('small', {}, ` ×${m.spans.length}`))))),
    ),
  );
  document.title = `${a.title} · news-kg explorer`;
  body.querySelector('.flash')?.scrollIntoView({ block: 'center' });
}

// ---------------------------------------------------------------- routing

function home(): void {
  generation++;
  fill(
    view,
    h(
      'div',
      { class: 'home' },
      h('h1', {}, 'Who met whom, where and when'),
      h('p', {}, 'Search a person, organisation or place above (press / to jump there), or find the path between two names. Every meeting links to the sentences that report it.'),
      h('p', {}, 'Try: ', ['Zelensky', 'Putin', 'Rutte'].flatMap((n, i) => [i ? ' · ' : '', h('a', { href: '#', onclick: (e: Event) => (e.preventDefault(), (q.value = n), document.getElementById('search')!.dispatchEvent(new Event('submit', { cancelable: true }))) }, n)])),
    ),
  );
  q.focus();
}

function render(): void {
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  status('');
  const run = (p: Promise<void>) => p.catch(fail);
  if (parts[0] === 'entity' && parts[1]) run(entityView(parts[1]));
  else if (parts[0] === 'path' && parts[1] && parts[2]) run(pathView(parts[1], parts[2]));
  else if (parts[0] === 'article' && parts[1]) run(articleView(parts[1], parts[2] ? Number(parts[2]) : null));
  else home();
}

window.addEventListener('hashchange', render);
render();
