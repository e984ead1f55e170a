/**
 * Mentions -> entities within one article: surname-only mentions join the full name,
 * transliteration variants share one key (Zelensky / Zelenskiy / Zelenskyy), shorter
 * organisation names join the longer one they end ("State Department"), gazetteer names
 * take their canonical form, demonyms and descriptions ("the Russian leader") become
 * references, and roles attach to people.
 */
import type { Entity, EntityType, PlaceInfo, PlaceKind, Role, TextSpan } from '../types';
import { fold, gazetteer, slug, type GazetteerEntry } from '../ner/gazetteer';
import type { Demonym, Mention } from './mentions';
import type { RawRole } from './roles';
import { OFFICE_REFERENCE, officeOf, officeTerms } from './offices';
import { firstAtOrAfter } from '../spans';

/** Offices named without their holder ("the prime minister", "the chief executive"), as a pattern of alternatives. */
const COMMON_OFFICES = String.raw`(?:prime|foreign|defen[cs]e|finance|interior|deputy prime) minister|president|vice president|chancellor|premier|(?:foreign|home|defen[cs]e|culture|health|trade|education) secretary|secretary of state|secretary-general|secretary general|chief executive|chairman|chairwoman|governor|mayor|senator|pope`;

/** Any letter case at a word's start: "Tory leader" also as "tory leader", "prime minister" as "Prime Minister". */
const anyInitialCase = (title: string) =>
  title
    .split(/\s+/)
    .map((w) => `[${w[0].toUpperCase()}${w[0].toLowerCase()}]${w.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
    .join('\\s+');
/** A title alone ("the chancellor", "his chancellor"): the common offices and the titles an article gives its people; not one right before a name. */
function titleAlonePattern(titles: string[]): RegExp {
  return new RegExp(String.raw`\b(?:[Tt]he|[Hh]is|[Hh]er)\s+(${[COMMON_OFFICES, ...titles.map(anyInitialCase)].join('|')})\b(?!\s+\p{Lu})`, 'gu');
}

/** Appends to the list a map keeps under a key. */
function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** "the commission", "the Bank": a body named by its head noun, not followed by a name or an "of"/"for" phrase of its own. */
const BODY_REFERENCE = new RegExp(
  String.raw`\b[Tt]he\s+(${['commission', 'committee', 'bank', 'council', 'agency', 'authority', 'board', 'fund', 'organisation', 'organization', 'federation', 'association', 'alliance', 'forum', 'ministry', 'department', 'exchange', 'institute', 'foundation', 'tribunal', 'assembly', 'union', 'court', 'corporation'].map(anyInitialCase).join('|')})\b(?!\s+(?:of|for)\b)(?![\s-]+\p{Lu})`,
  'gu',
);

const HONORIFIC = /^(?:Sir|Mr|Mrs|Ms|Miss|Dr|Lord|Lady|Dame|Baroness|Baron)\.?$/;

/** The sex an honorific right before offset `at` states ("Mr" male, "Mrs"/"Ms"/"Miss"/"Lady"/"Dame" female), if any. */
function honorificSex(text: string, at: number): 'male' | 'female' | null {
  const h = /\b(Mr|Sir|Lord|Baron|Mrs|Ms|Miss|Lady|Dame|Baroness)\.?\s+$/.exec(text.slice(Math.max(0, at - 12), at));
  if (!h) return null;
  return /^(?:Mr|Sir|Lord|Baron)$/.test(h[1]) ? 'male' : 'female';
}

/** One name token in the form keys use: folded, with Slavic -iy/-yy/-i endings unified. */
export function nameKeyToken(token: string): string {
  return fold(token).replace(/'/g, '').replace(/(?:iy|yy|yi|ij|ii|y|i)$/, 'y');
}

/**
 * How a person's name resolves across articles: its surname in key form, and whether the name is
 * partial (a surname alone, "Blair", "President Putin" once the title is set apart), which joins a
 * full-named person with that surname when exactly one is known.
 */
export function personNameParts(name: string): { surname: string; partial: boolean } {
  const tokens = name.split(/\s+/).filter((t) => /\p{L}{2,}/u.test(t));
  return { surname: nameKeyToken(tokens.at(-1) ?? name), partial: tokens.length <= 1 };
}

/** Stable key of a person from a full or partial name: first and last name tokens. */
export function personKey(name: string): string {
  const tokens = name.split(/\s+/).filter((t) => /\p{L}{2,}/u.test(t));
  const parts = tokens.length > 1 ? [tokens[0], tokens[tokens.length - 1]] : tokens;
  return `person:${parts.map(nameKeyToken).join('-')}`;
}

interface Cluster {
  key: string;
  type: EntityType;
  entry?: GazetteerEntry;
  mentions: Mention[];
  references: TextSpan[];
  roles: Role[];
}

const VENUE = /\b(?:Palace|House|Hotel|Stadium|Center|Centre|Hall|Square|Building|Airport|Embassy|Castle|Cathedral|Church|Mosque|Temple|Parliament|Museum|Park|Villa|Residence|Lodge|Resort|Tower|Bridge)$/;
const WATER = /\b(?:Sea|River|Lake|Strait|Ocean|Gulf|Bay|Channel|Canal|Sound)$|^(?:Bosphorus|Dardanelles)$/;
const REGION = /\b(?:Province|Region|Oblast|State|County|District|Territory|Valley|Peninsula|Island|Islands)$/;

// What the words around a one-word name say of a company, not a person: a corporate suffix, shares
// and results, a firm's parts, "the firm", and "it" for the name's pronoun.
const CORPORATE_AFTER = /^(?:\s+(?:Inc|Corp|Corporation|plc|PLC|Ltd|LLC|AG|SA|NV|GmbH|Holdings|Co)\b\.?|['’]s\s+(?:shares?|share price|stock|profits?|sales|revenues?|turnover|earnings|results|chief executive|boss|chairman|shareholders|customers|subscribers|products?|website|software|games?|consoles?|handsets?|phones?|cars?|factory|factories|plants?|stores?|shops?|brand|bid|takeover|rivals?|market share)\b|\s+(?:shares|shareholders|bosses|executives|spokes(?:man|woman|person))\b|\s+said\s+(?:it|its)\b|\s+(?:has|had|have)\s+(?:said\s+)?it\b|,\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,4}(?:company|firm|maker|group|giant|retailer|carrier|airline|manufacturer|bank|brewer|operator|conglomerate|chain|publisher|developer|provider|supplier|insurer|broadcaster|network|corporation|business)\b)/u;
const CORPORATE_BEFORE = /\b(?:shares\s+(?:in|of)|stake\s+in|(?:firm|company|group|giant|makers?|manufacturer|rival|rivals|carrier|retailer|operator|label|distributor|publisher|developer|studio|broadcaster)|chief\s+executive\s+of|takeover\s+of|bid\s+for|the\s+likes\s+of|(?:companies|firms|makers|manufacturers)\s+(?:such\s+as|like|including)|(?:owned|bought|acquired|made|manufactured|produced|released)\s+by)\s+$/i;

/**
 * A one-word "person" that the article never names in full, never gives a title, and writes of as a
 * company (shares, results, "it", "the firm") is a company: news introduces people by their full name,
 * and companies the 1996 training data never saw (Sony, Yahoo) otherwise read as surnames.
 */
function retypeCompaniesNamedAsPeople(text: string, clusters: Map<string, Cluster>, clusterOf: Cluster[]): void {
  const organisations = [...clusters.values()].filter((c) => c.type === 'ORGANIZATION').flatMap((c) => c.mentions);
  for (const c of [...clusters.values()]) {
    if (c.type !== 'PERSON' || c.roles.length || c.mentions.some((m) => /\s/.test(m.text))) continue;
    const corporate = c.mentions.some((m) => CORPORATE_AFTER.test(text.slice(m.end, m.end + 80)) || CORPORATE_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)) || coordinatedWithCompany(text, m, organisations));
    if (!corporate) continue;
    const key = `organization:${slug(c.mentions[0].text)}`;
    for (const m of c.mentions) m.type = 'ORGANIZATION';
    clusters.delete(c.key);
    const existing = clusters.get(key);
    if (existing) {
      existing.mentions.push(...c.mentions);
      clusterOf.forEach((x, i) => x === c && (clusterOf[i] = existing));
    } else {
      c.key = key;
      c.type = 'ORGANIZATION';
      clusters.set(key, c);
    }
  }
}

/** "Samsung and Sony", "Sony, Toshiba and IBM": conjuncts are of one kind, so a name listed with a company is one. */
function coordinatedWithCompany(text: string, m: Mention, organisations: Mention[]): boolean {
  return organisations.some((o) => (o.end <= m.start && m.start - o.end <= 6 && /^(?:\s+and\s+|\s*,\s*|\s+or\s+)$/.test(text.slice(o.end, m.start))) || (o.start >= m.end && o.start - m.end <= 6 && /^(?:\s+and\s+|\s*,\s*|\s+or\s+)$/.test(text.slice(m.end, o.start))));
}

/** Builds the Doc's entities from its mentions, demonyms and roles. */
export function resolveEntities(text: string, mentions: Mention[], demonyms: Demonym[], rawRoles: RawRole[], publishedAt: string | null = null): Entity[] {
  const gaz = gazetteer();
  const clusters = new Map<string, Cluster>();
  const clusterOf: Cluster[] = [];
  const get = (key: string, type: EntityType, entry?: GazetteerEntry) => {
    let c = clusters.get(key);
    if (!c) clusters.set(key, (c = { key, type, entry, mentions: [], references: [], roles: [] }));
    return c;
  };
  const persons = () => [...clusters.values()].filter((c) => c.type === 'PERSON');
  const surname = (name: string) => nameKeyToken(name.split(/\s+/).at(-1) ?? name);
  const firstName = (name: string) => nameKeyToken(name.split(/\s+/).find((t) => !HONORIFIC.test(t)) ?? name);

  // Full names first, so that surname-only mentions anywhere in the article can join them.
  // Longer names first ("Camilla Parker Bowles" before "Parker Bowles"), each length in text order.
  const words = (i: number) => mentions[i].text.split(/\s+/).length;
  const order = mentions.map((_, i) => i).sort((a, b) => words(b) - words(a) || a - b);
  // The endings of two or more words of each multi-word person name, to the clusters whose names end so.
  const endings = new Map<string, Set<Cluster>>();
  const fullSurnames = new Set(mentions.filter((m) => m.type === 'PERSON' && /\s/.test(m.text)).map((m) => surname(m.text)));
  for (const i of order) {
    const m = mentions[i];
    // A single word that is the surname of a person named in full is that person, whatever the model said.
    if (m.type !== 'PERSON' && !/\s/.test(m.text) && fullSurnames.has(nameKeyToken(m.text)) && !m.entry) m.type = 'PERSON';
    let cluster: Cluster;
    if (m.entry && m.type !== 'PERSON') cluster = get(m.entry.key, m.entry.type, m.entry);
    else if (m.type === 'PERSON') {
      const tokens = m.text.split(/\s+/);
      if (tokens.length === 1) {
        // "Mrs Howard" after "Mr Howard" joined Michael Howard is another person: an honorific's sex must agree.
        const sex = honorificSex(text, m.start);
        const candidates = persons().filter((c) => c.mentions.some((x) => /\s/.test(x.text) && surname(x.text) === nameKeyToken(m.text)) && (!sex || c.mentions.every((x) => (honorificSex(text, x.start) ?? sex) === sex)));
        const preceding = candidates.filter((c) => c.mentions.some((x) => x.start < m.start)).sort((a, b) => Math.max(...b.mentions.filter((x) => x.start < m.start).map((x) => x.start)) - Math.max(...a.mentions.filter((x) => x.start < m.start).map((x) => x.start)));
        // "Sandra ... with Michael" after "Michael Howard": a first name alone is the one person of the article named in
        // full with it, when there is exactly one and no one has it as a surname.
        const byFirstName = candidates.length ? [] : persons().filter((c) => c.mentions.some((x) => /\s/.test(x.text) && firstName(x.text) === nameKeyToken(m.text)));
        cluster = preceding[0] ?? candidates[0] ?? (byFirstName.length === 1 ? byFirstName[0] : undefined) ?? get(personKey(m.text), 'PERSON');
      } else {
        // "Mrs Parker Bowles" after "Camilla Parker Bowles": a name that ends the one longer name of the article is it.
        // Longer names come first, so every one that can end in this name is already indexed by its endings.
        const longer = endings.get(tokens.join(' '));
        cluster = longer && longer.size === 1 ? [...longer][0] : get(personKey(m.text), 'PERSON');
        for (let k = 1; k < tokens.length - 1; k++) {
          const ending = tokens.slice(k).join(' ');
          let set = endings.get(ending);
          if (!set) endings.set(ending, (set = new Set()));
          set.add(cluster);
        }
      }
    } else {
      const longer = [...clusters.values()].find((c) => c.type === m.type && c.mentions.some((x) => x.text.length > m.text.length && (x.text.endsWith(` ${m.text}`) || acronym(x.text) === m.text)));
      cluster = longer ?? get(`${m.type === 'PLACE' ? 'place' : 'organization'}:${slug(m.text)}`, m.type);
    }
    cluster.mentions.push(m);
    clusterOf[i] = cluster;
  }
  retypeCompaniesNamedAsPeople(text, clusters, clusterOf);
  for (const d of demonyms) get(d.entry.key, 'PLACE', d.entry).references.push({ start: d.start, end: d.end, text: d.text });

  // Roles, with their organisation or country resolved to a key.
  for (const r of rawRoles) {
    const c = clusterOf[r.mention];
    if (!c) continue;
    let of: string | undefined;
    let ofName: string | undefined;
    if (r.of) {
      const entry = 'entry' in r.of && r.of.entry ? r.of.entry : undefined;
      const idx = mentions.indexOf(r.of as Mention);
      const oc = idx >= 0 ? clusterOf[idx] : entry ? clusters.get(entry.key) : undefined;
      of = oc?.key ?? entry?.key;
      ofName = oc ? displayName(oc) : entry?.name;
    }
    if (!c.roles.some((x) => x.title === r.title && x.of === of)) c.roles.push({ title: r.title, ...(of ? { of, ofName } : {}) });
  }

  // Descriptions: "the Russian leader" -> the one person with a leading role of Russia.
  // "the US president": a country's name in place of its demonym.
  for (const m of text.matchAll(/\b[Tt]he\s+(\p{Lu}\p{Ll}+|\p{Lu}{2,3})\s+(leader|president|prime minister|premier|foreign minister|defen[cs]e minister|chancellor|king)\b/gu)) {
    const named = gaz.names.get(fold(m[1]));
    const country = gaz.demonyms.get(fold(m[1])) ?? (named?.type === 'PLACE' ? named : undefined);
    if (!country) continue;
    const office = m[2].toLowerCase();
    const holders = persons().filter((c) => c.roles.some((r) => r.of === country.key && (office === 'leader' ? /^(?:President|Prime Minister|Chancellor|King|Premier|Leader)$/.test(r.title) : r.title.toLowerCase() === office)));
    if (holders.length === 1) holders[0].references.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  }

  // Titles alone: "the prime minister" after "Prime Minister Malcolm Turnbull" or "Gordon Brown, the chancellor," is the
  // one person named earlier with that title. The offices looked for are the common ones and every title the article
  // gives someone ("the Tory leader" after "Michael Howard, the Tory leader,").
  const officeWords = (t: string) => t.replace(/\s+/g, ' ').toLowerCase();
  const givenTitles = new Set(persons().flatMap((c) => c.roles.map((r) => officeWords(r.title))).filter((t) => /^[\p{L} .'’-]{4,60}$/u.test(t)));
  const titleAlone = titleAlonePattern([...givenTitles]);
  // Per office, its holders with the end of their first mention: one lookup per match, not a pass over everyone
  // (a long text has thousands of both).
  const holdersOf = new Map<string, { c: Cluster; first: number }[]>();
  for (const c of persons()) {
    const first = c.mentions.reduce((min, x) => Math.min(min, x.end), Infinity);
    for (const t of new Set(c.roles.map((r) => officeWords(r.title)))) addTo(holdersOf, t, { c, first });
  }
  const personSpans = spanIndex(persons().flatMap((c) => [...c.mentions, ...c.references]));
  for (const m of text.matchAll(titleAlone)) {
    const holders = (holdersOf.get(officeWords(m[1])) ?? []).filter((h) => h.first <= m.index!);
    if (holders.length === 1 && !personSpans.covers(m.index!, m.index! + m[0].length)) holders[0].c.references.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  }

  // Offices the article names only by title ("the prime minister" in a report that writes "Tony Blair" once and never
  // says he is prime minister): the one person the article names who held that office on the publication date.
  // A party's name inside the title ("the Labour leader") is no reference to a person already made.
  // The result depends on the office and country only (the date is the article's): worked out once for each.
  const people = persons();
  const referred = spanIndex(people.flatMap((c) => [...c.mentions, ...c.references]));
  const holderFor = new Map<string, Cluster | null>();
  for (const m of text.matchAll(OFFICE_REFERENCE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (referred.overlaps(start, end)) continue;
    let country: string | null = null;
    if (m[1]) {
      const place = gaz.demonyms.get(fold(m[1])) ?? gaz.names.get(fold(m[1]));
      if (place?.type !== 'PLACE' || !place.countryCode) continue;
      country = place.countryCode;
    }
    const office = officeOf(m[2]);
    if (office.country && country && office.country !== country) continue;
    const key = `${office.office}|${country ?? office.country ?? ''}`;
    if (!holderFor.has(key)) {
      const terms = officeTerms(office.office, country ?? office.country, publishedAt);
      // A full name outweighs a surname alone: "Mr Howard" (Michael, the Tory leader) is no rival to "Tony Blair" for
      // "the prime minister", though John Howard was one too.
      const match = terms.length ? people.map((c) => ({ c, how: Math.max(0, ...terms.map((t) => namesHolder(c, t.holder))) })) : [];
      const best = Math.max(0, ...match.map((x) => x.how));
      const named = match.filter((x) => best && x.how === best);
      holderFor.set(key, named.length === 1 ? named[0].c : null);
    }
    holderFor.get(key)?.references.push({ start, end, text: m[0] });
  }

  // "the commission" after "the Commission for Africa", "the bank" after "the Bank of England": a definite description
  // whose head noun is a word of the name of one organisation named before it refers to that organisation.
  const organisations = [...clusters.values()].filter((c) => c.type === 'ORGANIZATION');
  if (organisations.length) {
    const anyName = spanIndex([...clusters.values()].flatMap((c) => [...c.mentions, ...c.references]));
    // Per head word, the organisations whose name has it, with the end of their first mention.
    const byWord = new Map<string, { c: Cluster; first: number }[]>();
    for (const c of organisations) {
      const first = c.mentions.reduce((min, x) => Math.min(min, x.end), Infinity);
      for (const w of new Set(displayName(c).toLowerCase().replace(/organization/g, 'organisation').split(/[\s-]+/))) addTo(byWord, w, { c, first });
    }
    for (const m of text.matchAll(BODY_REFERENCE)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (anyName.overlaps(start, end)) continue;
      const named = (byWord.get(m[1].toLowerCase().replace(/^organization$/, 'organisation')) ?? []).filter((o) => o.first <= start);
      if (named.length === 1) named[0].c.references.push({ start, end, text: m[0] });
    }
  }

  // Containment the text states: "Kyiv, Ukraine".
  const within = new Map<string, string>();
  mentions.forEach((m, i) => {
    const next = mentions[i + 1];
    if (m.type === 'PLACE' && next?.type === 'PLACE' && /^,\s*$/.test(text.slice(m.end, next.start)) && next.entry?.kind === 'COUNTRY') within.set(clusterOf[i].key, clusterOf[i + 1].key);
  });

  const out: Entity[] = [];
  const sorted = [...clusters.values()].sort((a, b) => firstOffset(a) - firstOffset(b));
  sorted.forEach((c, k) => {
    const name = displayName(c);
    const aliases = [...new Set(c.mentions.map((m) => m.text.replace(/\s+/g, ' ')))].filter((a) => a !== name);
    const entity: Entity = { id: `e${k + 1}`, key: c.key, type: c.type, name, aliases, roles: c.roles, mentions: c.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })), confidence: c.entry ? 0.95 : 0.85 };
    if (c.references.length) entity.references = c.references;
    if (c.type === 'PLACE') entity.place = placeInfo(c, name, within.get(c.key));
    out.push(entity);
  });
  return out;
}

function firstOffset(c: Cluster): number {
  // Not Math.min(...spans): a long text can give one entity more references than a call takes arguments.
  let first = Infinity;
  for (const s of [...c.mentions, ...c.references]) first = Math.min(first, s.start);
  return first;
}

function acronym(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/** Spans sorted by start, for overlap and cover tests by binary search (the longest span bounds how far back to look). */
function spanIndex(spans: TextSpan[]): { overlaps(start: number, end: number): boolean; covers(start: number, end: number): boolean } {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const longest = sorted.reduce((n, s) => Math.max(n, s.end - s.start), 0);
  const near = (start: number, end: number, test: (s: TextSpan) => boolean) => {
    for (let i = firstAtOrAfter(sorted, start - longest); i < sorted.length && sorted[i].start < end; i++) if (test(sorted[i])) return true;
    return false;
  };
  return {
    overlaps: (start, end) => near(start, end, (s) => s.start < end && start < s.end),
    covers: (start, end) => near(start, end, (s) => s.start <= start && s.end >= end),
  };
}

/**
 * How surely a person cluster is the office holder named: 2 for the same first and last name ("George Bush" for
 * "George W. Bush"), 1 for the same surname when the article gives no first name ("Mr Blair"), 0 for another person.
 */
function namesHolder(c: Cluster, holder: string): number {
  const own = holder.split(/\s+/).map(nameKeyToken);
  const full = c.mentions.map((m) => m.text.split(/\s+/).filter((t) => !HONORIFIC.test(t)).map(nameKeyToken)).filter((t) => t.length);
  if (!full.length) return 0;
  const longest = full.reduce((a, b) => (b.length > a.length ? b : a));
  if (longest.length === 1) return longest[0] === own.at(-1) ? 1 : 0;
  return longest[0] === own[0] && longest.at(-1) === own.at(-1) ? 2 : 0;
}

function displayName(c: Cluster): string {
  if (c.entry) return c.entry.name;
  const texts = c.mentions.map((m) => m.text.replace(/\s+/g, ' '));
  if (!texts.length) return c.key;
  // The longest name as first written; all-caps forms ("KLIMENTYEV") in title case.
  const longest = texts.reduce((a, b) => (b.split(' ').length > a.split(' ').length ? b : a));
  return c.type === 'PERSON' ? longest.replace(/\b(\p{Lu})(\p{Lu}{2,})\b/gu, (_, a: string, b: string) => a + b.toLowerCase()) : longest;
}

function placeInfo(c: Cluster, name: string, textWithin?: string): PlaceInfo {
  const gaz = gazetteer();
  const e = c.entry;
  const kind: PlaceKind = e?.kind ?? (VENUE.test(name) ? 'VENUE' : WATER.test(name) ? 'BODY_OF_WATER' : REGION.test(name) ? 'REGION' : 'OTHER');
  const chain: PlaceInfo['within'] = [];
  let parent = e?.within ?? textWithin;
  while (parent && chain.length < 5) {
    const p = gaz.byKey.get(parent);
    if (!p) break;
    chain.push({ key: p.key, name: p.name, kind: p.kind ?? 'OTHER' });
    parent = p.within;
  }
  return { kind, countryCode: e?.countryCode ?? (chain.length ? gaz.byKey.get(chain[chain.length - 1].key)?.countryCode : undefined), lat: e?.lat, lon: e?.lon, within: chain };
}
