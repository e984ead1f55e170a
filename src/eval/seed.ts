/**
 * The seed expectations (seed-gold.json): required entities with aliases and roles,
 * required, optional and forbidden events.
 */
import { fold, gazetteer } from '../extract/ner/gazetteer';
import { nameKeyToken } from '../extract/entities/resolve';
import type { Doc, Entity } from '../extract/types';

interface GoldEntity {
  name: string;
  aliases?: string[];
  roles?: string[];
}
interface GoldEvent {
  type: string;
  participants?: string[];
  participantsAny?: string[][];
  place?: string[];
  date?: string;
  status?: string;
}
interface GoldArticle {
  title: string;
  inferredPublishedAt: string;
  entities: Record<string, { required: (string | GoldEntity)[]; optional?: (string | GoldEntity)[]; aliasesThatMustResolve?: Record<string, string> }>;
  events: { required: GoldEvent[]; optional: GoldEvent[]; forbidden: { participants: string[] }[] };
}

/** One check and whether it passed. */
export interface Check {
  what: string;
  ok: boolean;
  detail?: string;
}

/** The seed report: checks per article and totals. */
export interface SeedReport {
  checks: Check[];
  required: { found: number; total: number };
  optional: { found: number; total: number };
  forbiddenEmitted: number;
}

const TYPE_MAP: Record<string, string> = { PERSON: 'PERSON', ORGANIZATION: 'ORGANIZATION', PLACE: 'PLACE' };

function names(e: Entity): string[] {
  return [e.name, ...e.aliases].map(fold);
}

function findEntity(doc: Doc, name: string, type?: string): Entity | undefined {
  const f = fold(name);
  return doc.entities.find((e) => (!type || e.type === type) && names(e).includes(f)) ?? doc.entities.find((e) => (!type || e.type === type) && names(e).some((n) => n.replace(/(?:iy|yy|y)\b/g, 'y') === f.replace(/(?:iy|yy|y)\b/g, 'y')));
}

/** Checks extracted docs against the seed expectations. */
export function evaluateSeed(gold: { articles: GoldArticle[] }, docs: Doc[]): SeedReport {
  const checks: Check[] = [];
  const report: SeedReport = { checks, required: { found: 0, total: 0 }, optional: { found: 0, total: 0 }, forbiddenEmitted: 0 };
  const require = (what: string, ok: boolean, detail?: string) => {
    checks.push({ what, ok, detail });
    report.required.total++;
    if (ok) report.required.found++;
  };
  require(`article count ${gold.articles.length}`, docs.length === gold.articles.length, `got ${docs.length}`);
  for (const article of gold.articles) {
    const doc = docs.find((d) => d.title === article.title);
    require(`article "${article.title}"`, !!doc);
    if (!doc) continue;
    require(`  published ${article.inferredPublishedAt} (inferred)`, doc.publishedAt === article.inferredPublishedAt && doc.publishedAtInferred, `got ${doc.publishedAt}`);
    for (const [type, spec] of Object.entries(article.entities)) {
      for (const item of spec.required) {
        const g: GoldEntity = typeof item === 'string' ? { name: item } : item;
        const e = findEntity(doc, g.name, TYPE_MAP[type]);
        require(`  ${type} ${g.name}`, !!e);
        if (!e) continue;
        for (const alias of g.aliases ?? []) {
          // An alias resolves when it names the same entity (in this article, or by its stable key).
          const a = findEntity(doc, alias, TYPE_MAP[type]);
          const ok = a === e || (!a && (resolvesByGazetteer(alias, e) || sameSpelling(alias, e)));
          checks.push({ what: `    alias ${alias}`, ok, detail: ok ? undefined : a ? `resolves to ${a.name}` : 'unresolved' });
        }
        for (const role of g.roles ?? []) {
          const words = fold(role).split(' ').filter((w) => w.length > 2 && !['the', 'of', 'and', 'for'].includes(w));
          const have = e.roles.map((r) => fold(`${r.title} ${r.ofName ?? ''}`));
          const ok = have.some((h) => words.filter((w) => h.includes(w) || (w === 'russian' && h.includes('russia')) || (w === 'ukrainian' && h.includes('ukraine')) || (w === 'united' && h.includes('united'))).length >= Math.min(2, words.length));
          checks.push({ what: `    role ${role}`, ok, detail: ok ? undefined : `have ${e.roles.map((r) => `${r.title}/${r.ofName ?? ''}`).join('; ')}` });
        }
      }
      for (const item of spec.optional ?? []) {
        const g = typeof item === 'string' ? { name: item } : item;
        report.optional.total++;
        if (findEntity(doc, g.name)) report.optional.found++;
      }
      for (const [alias, target] of Object.entries(spec.aliasesThatMustResolve ?? {})) {
        const e = findEntity(doc, target);
        require(`  alias ${alias} -> ${target}`, !!e && names(e).includes(fold(alias)) || (!!e && e.mentions.some((m) => fold(m.text) === fold(alias))) || resolvesByGazetteer(alias, e));
      }
    }
    for (const ev of article.events.required) {
      const found = doc.events.find((v) => matchesEvent(doc, v, ev));
      require(`  event ${ev.type} ${describe(ev)} ${ev.status} ${ev.date}`, !!found, found ? undefined : closest(doc, ev));
    }
    for (const ev of article.events.optional) {
      report.optional.total++;
      if (doc.events.some((v) => matchesEvent(doc, v, ev))) report.optional.found++;
    }
    for (const f of article.events.forbidden) {
      const bad = doc.events.filter((v) => v.status === 'OCCURRED' && f.participants.every((p) => v.participants.some((q) => isEntity(doc, q.entity, p))));
      checks.push({ what: `  forbidden: ${f.participants.join(' + ')} did not meet`, ok: bad.length === 0 });
      report.forbiddenEmitted += bad.length;
    }
  }
  return report;
}

/** Transliteration variants resolve through the stable key ("Zelensky" ~ "Zelenskiy"). */
function sameSpelling(alias: string, e: Entity): boolean {
  const last = (n: string) => nameKeyToken(n.split(/\s+/).at(-1) ?? n);
  return e.type === 'PERSON' && [e.name, ...e.aliases].some((n) => last(n) === last(alias));
}

/** "US" and "Turkey" resolve through the gazetteer to the canonical entity. */
function resolvesByGazetteer(alias: string, e: Entity | undefined): boolean {
  return !!e && gazetteer().names.get(fold(alias))?.key === e.key;
}

function isEntity(doc: Doc, id: string, name: string): boolean {
  const e = doc.entities.find((x) => x.id === id);
  return !!e && (names(e).includes(fold(name)) || findEntity(doc, name) === e);
}

function matchesEvent(doc: Doc, v: Doc['events'][number], g: GoldEvent): boolean {
  if (v.type !== g.type && !(g.type === 'MEETING' && ['TALKS', 'SUMMIT'].includes(v.type)) && !(g.type === 'TALKS' && v.type === 'MEETING')) return false;
  if (g.status && v.status !== g.status) return false;
  if (g.date && v.date !== g.date) return false;
  if (g.participants && !g.participants.every((p) => v.participants.some((q) => isEntity(doc, q.entity, p)))) return false;
  if (g.participantsAny && !g.participantsAny.every((group) => group.some((p) => v.participants.some((q) => isEntity(doc, q.entity, p))))) return false;
  if (g.place) {
    const place = doc.entities.find((e) => e.id === v.place);
    if (!place) return false;
    const placeNames = [...names(place), ...(place.place?.within ?? []).map((w) => fold(w.name))];
    if (!g.place.some((p) => placeNames.includes(fold(p)))) return false;
  }
  return true;
}

function describe(g: GoldEvent): string {
  return (g.participants ?? g.participantsAny?.map((x) => x.join('|')) ?? []).join(' + ');
}

function closest(doc: Doc, g: GoldEvent): string {
  const name = (id: string | null) => doc.entities.find((e) => e.id === id)?.name ?? '-';
  return doc.events.filter((v) => v.type === g.type || v.date === g.date).map((v) => `${v.type} ${v.status} ${v.participants.map((p) => name(p.entity)).join('+')} @${name(v.place)} ${v.date}`).join(' | ') || 'no event of that type';
}
