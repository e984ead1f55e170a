/**
 * Titles and roles from the words before a person's name: "Defense Minister Rustem Umerov",
 * "NATO Secretary General Mark Rutte", "US Special Envoy for Ukraine Keith Kellogg",
 * "Kremlin aide Vladimir Medinsky", "Ukraine's President Volodymyr Zelenskiy", and the
 * heads of delegations ("the Russian delegation is headed by ...").
 */
import type { Demonym, Mention } from './mentions';
import { firstAtOrAfter } from '../spans';

/** A role found in the text, before resolution to entity keys. */
export interface RawRole {
  /** Index of the person mention. */
  mention: number;
  title: string;
  /** The organisation or country the role belongs to, as a mention or demonym. */
  of?: Mention | Demonym;
}

const TITLE_WORDS = new Set(
  'president vice prime minister foreign defense defence interior finance economy deputy secretary general special envoy aide adviser advisor spokesperson spokesman spokeswoman chief head director ambassador chancellor king queen prince premier governor mayor senator sen. rep. representative leader commander gen. general admiral foreign-minister minister ceo chairman chairwoman chair executive officer of for policy planning state national security intelligence military staff presidential press secretary-general attorney speaker envoy'.split(' '),
);

/** The last word of an office ("deputy prime minister", "Tory leader"): a title word that can head the phrase alone. */
const OFFICE_HEAD = /^(?:president|minister|secretary|chancellor|premier|leader|chairman|chairwoman|chair|governor|mayor|ambassador|envoy|spokesman|spokeswoman|spokesperson|director|chief|executive|commander|speaker|senator|king|queen|secretary-general|general|adviser|advisor|aide)$/i;
/** ", the chancellor," right after a name (the phrase in group 1, closed by a comma or the sentence's end). */
const APPOSITION_AFTER = /^,\s+((?:the|its|his|her)\s+[^,;:()"“”]{3,60}?)\s*(?:,|\.(?:\s|$))/u;
/** "the chancellor, " right before a name, at a clause's start or after a verb. */
const APPOSITION_BEFORE = /(?:^|[.;:]\s+|\b(?:and|but|said|says|with|by|met|meet|meets|between)\s+)((?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er)\s+[^,;:()"“”]{3,60}?),\s+$/u;

/** Roles of person mentions from the words right before them. */
export function findRoles(text: string, mentions: Mention[], demonyms: Demonym[]): RawRole[] {
  const roles: RawRole[] = [];
  mentions.forEach((m, i) => {
    if (m.type !== 'PERSON') return;
    // Walk back over title words, organisations, countries and demonyms.
    let cursor = m.start;
    let title: string[] = [];
    const found: (Mention | Demonym)[] = [];
    for (;;) {
      const before = text.slice(Math.max(0, cursor - 80), cursor);
      const word = /([\p{L}.'’-]+)\s+$/u.exec(before);
      if (!word) break;
      const wStart = cursor - word[0].length;
      const prevName = mentions.find((x) => x.end <= cursor && x.end >= wStart && x.type !== 'PERSON' && /^\s*(?:['’]s)?\s*$/u.test(text.slice(x.end, cursor)) && text.slice(x.end, cursor).length < 5);
      const possessive = /^(.+?)['’]s$/u.exec(word[1]);
      const prevOrg = prevName ?? mentions.find((x) => x.type !== 'PERSON' && x.start === wStart && possessive);
      const dem = demonyms.find((d) => d.start === wStart);
      if (prevOrg || dem) {
        found.push((prevOrg ?? dem)!);
        cursor = (prevOrg ?? dem)!.start;
        continue;
      }
      const w = word[1].toLowerCase();
      if (TITLE_WORDS.has(w) || (title.length && /^\p{Lu}/u.test(word[1]) && !/^(?:The|A|An|But|And|With|By|To|In|On)$/.test(word[1]) && TITLE_WORDS.has(w.replace(/s$/, '')))) {
        title.unshift(word[1]);
        cursor = wStart;
        continue;
      }
      break;
    }
    // A name right after "for" is the remit ("Special Envoy for Ukraine"); the next one out owns the role.
    let remit = '';
    const nearest = found[0];
    if (nearest && /\bfor\s+$/i.test(text.slice(Math.max(0, nearest.start - 5), nearest.start))) {
      remit = ` for ${nearest.text}`;
      found.shift();
    }
    // "President Musharraf of Pakistan", "Prime Minister Junichiro Koizumi of Japan": the owner can follow the name.
    const next = mentions[i + 1];
    const ownerAfter = !found.length && title.length && next && next.type !== 'PERSON' && /^\s+of\s+(?:the\s+)?$/.test(text.slice(m.end, next.start)) ? next : undefined;
    const of = found[0] ?? ownerAfter;
    while (title.length && /^(?:of|for)$/i.test(title[0])) title.shift();
    while (title.length && /^(?:of|for)$/i.test(title[title.length - 1])) title.pop();
    const t = (title.join(' ') + remit).trim();
    if (t && /\p{L}{2,}/u.test(t)) roles.push({ mention: i, title: normaliseTitle(t), of });
  });
  // Appositions: "Gordon Brown, the chancellor, said", "Mr Howard, the Tory leader,", and the other way round, "the
  // chancellor, Gordon Brown, said". A noun phrase of title words set off by commas beside a name is that person's office.
  const titled = new Set(roles.map((r) => r.mention));
  const named = [...mentions, ...demonyms].sort((a, b) => a.start - b.start);
  mentions.forEach((m, i) => {
    if (m.type !== 'PERSON' || titled.has(i)) return;
    const after = APPOSITION_AFTER.exec(text.slice(m.end, m.end + 90));
    const before = after ? null : APPOSITION_BEFORE.exec(text.slice(Math.max(0, m.start - 90), m.start));
    const phrase = after ?? before;
    if (!phrase) return;
    const phraseStart = after ? m.end + after.index + after[0].indexOf(after[1]) : m.start - before![0].length + before![0].indexOf(before![1]);
    const phraseEnd = phraseStart + phrase[1].length;
    const owner = firstWithin(named, phraseStart, phraseEnd, m);
    // Title words only, once the owner's name is set aside; the last one names the office ("the party's deputy leader").
    const words = text.slice(owner ? owner.end : phraseStart, phraseEnd).replace(/^['’]s\b/, '').match(/[\p{L}.'’-]+/gu) ?? [];
    const title = words.filter((w) => !/^(?:the|a|an|its|his|her|their|of|for)$/i.test(w));
    // Up to two capitalised words of whose office it is may lead: "the Tory leader", "the Lib Dem leader".
    let own = 0;
    while (own < 2 && own < title.length - 1 && /^\p{Lu}/u.test(title[own]) && !TITLE_WORDS.has(title[own].toLowerCase())) own++;
    if (!title.length || title.length > 4 || !title.slice(own).every((w) => TITLE_WORDS.has(w.toLowerCase())) || !OFFICE_HEAD.test(title[title.length - 1])) return;
    roles.push({ mention: i, title: normaliseTitle(title.join(' ')), of: owner });
  });
  // "The Russian delegation is headed by ... X", "his team would be led by ... X".
  const head = /\b(?:the\s+|his\s+|her\s+)?([\p{L}]+\s+)?(?:delegation|team|side)\s+(?:is|was|will be|would be)\s+(?:headed|led)\s+by\s+/giu;
  for (const m of text.matchAll(head)) {
    const after = m.index! + m[0].length;
    const person = mentions.findIndex((x) => x.type === 'PERSON' && x.start >= after && x.start - after < 60);
    if (person < 0) continue;
    let of: Mention | Demonym | undefined = demonyms.find((d) => d.start >= m.index! && d.end <= after);
    if (!of && /^(?:his|her)\s/i.test(m[0])) {
      // "his team": the team of the person speaking, taken to be on the side of the country that person leads.
      const speaker = [...mentions].reverse().find((x) => x.type === 'PERSON' && x.end <= m.index! && m.index! - x.end < 120);
      const speakerRole = speaker ? roles.find((r) => mentions[r.mention].text.split(' ').at(-1) === speaker.text.split(' ').at(-1) && r.of) : undefined;
      of = speakerRole?.of;
      if (of) for (const r of roles) if (r.mention === person && !r.of) r.of = of;
    }
    roles.push({ mention: person, title: 'head of delegation', of });
  }
  return roles;
}

/** The first name or demonym (sorted by start) inside [start, end), other than `not`. */
function firstWithin(sorted: (Mention | Demonym)[], start: number, end: number, not: Mention): Mention | Demonym | undefined {
  for (let i = firstAtOrAfter(sorted, start); i < sorted.length && sorted[i].start < end; i++) if (sorted[i] !== not && sorted[i].end <= end) return sorted[i];
  return undefined;
}

function normaliseTitle(t: string): string {
  return t
    .split(' ')
    .map((w) => (/^(?:of|for|the|and)$/i.test(w) ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1)))
    .join(' ');
}
