/**
 * An event's arguments read from the dependency tree of its sentence (the syntax stage's
 * doc.syntax): who took part (subject and object of a meeting verb, the `with`/`between`/`among`
 * of the trigger or its light verb, the owner of "their meeting", the agent of "was joined by",
 * conjuncts on either side), and where (the most specific place of an `in`/`at` modifier, a
 * visit's destination). What the tree never makes a party: a place, a name inside a modifier of
 * another noun ("the tomb of a former president", "an HIV/Aids orphanage"), anything inside a
 * relative clause, the speaker of the sentence's quote.
 */
import type { Doc, EventType, ParsedSentence, Span, SyntaxToken } from '../types';
import { findRefFrom, maxRefLength, refsStartingIn, resolvePronoun, type Ref } from './refs';

/** One argument the tree found: the entity and the span that names it here. */
export interface TreeArgument {
  entity: string;
  span: Span;
  /** The slot it fills: subject side, object side, or a guest of a host. */
  slot: 'subject' | 'object';
}

/** What the tree says of one trigger. */
export interface TreeArguments {
  participants: TreeArgument[];
  place: string | null;
  /** The token heading the trigger, its light verb (if any), for callers that read more of the tree. */
  head: number;
  verb: number | null;
  /** Entities that name a gathering as its modifiers: "the G8 summit", "the Brussels summit", "the Commons debate". */
  namedBy: string[];
  /** The trigger is a noun with an "of" phrase or a clause of its own ("the meeting of the commission", "the conference called in Jakarta"). */
  owned: boolean;
}

/** Verbs whose object names what is held, not who: "held talks", "had a meeting", "began negotiations"; who leaves a summit was at it. */
const LIGHT_VERB = new RegExp(
  `^(?:${[
    'hold|held', 'leav|left', 'hav|has|had', 'begin|began|begun', 'start', 'open', 'resum', 'conduct', 'host', 'chair', 'attend', 'join', 'call', 'conven', 'arrang', 'seek|sought',
    'want', 'continu', 'launch', 'enter', 'organis', 'organiz', 'end', 'wrap', 'schedul', 'plan', 'propos', 'offer', 'request', 'agree', 'accept',
  ].join('|')})(?:e|es|s|ed|d|ing|ping|ped|ning|ned)?$`,
  'i',
);
/** Verbs whose subject speaks to the gathering that is their object, and so attends it: "Sir Ian told a meeting of the authority", "addressed the summit". */
const ADDRESS_VERB = /^(?:tell|tells|told|telling|address|addresses|addressed|addressing|brief|briefs|briefed|briefing)$/i;
/** Nouns of a part in a gathering: its subject is at it ("Blair was the host of the talks", "a member of the delegation"). */
const PART_IN_GATHERING = /^(?:host|hosts|chair|chairman|chairwoman|chairs|member|members|participant|participants|guest|guests|delegate|delegates|attendee|attendees|organiser|organisers|organizer|organizers|head|leader|leaders|speaker|speakers|part|side|sides|party|parties|negotiator|negotiators|envoy|mediator|mediators|representative|representatives)$/i;
/** Verbs of a relative clause on a gathering that put its subject at it: attend, join, chair, host, address. */
const RELATIVE_ATTEND = /^(?:attend|attends|attended|attending|join|joins|joined|joining|chair|chairs|chaired|chairing|host|hosts|hosted|hosting|address|addresses|addressed|addressing)$/i;
/** Verbs of setting off on a visit: "leaving on a tour", "embarked on a visit", "went on a trip". */
const SET_OFF_VERB = /^(?:leave|leaves|leaving|left|embark|embarks|embarked|embarking|go|goes|going|went|gone|set|sets|setting|head|heads|headed|heading|travel|travels|travelling|traveling|travelled|traveled|arrive|arrives|arrived|arriving|be|is|are|was|were|been|being)$/i;
/** Verbs whose subject attends the gathering named by their oblique: "arrive for their meeting", "spoke at a rally". */
const ATTEND_VERB = /^(?:arrive|arrives|arrived|arriving|attend|attends|attended|attending|speak|speaks|spoke|speaking|address|addresses|addressed|addressing|come|comes|came|go|goes|went|travel|travels|travelled|traveled|fly|flies|flew|head|heads|headed|gather|gathers|gathered|participate|participates|participated|take|took|taken|sit|sat|appear|appears|appeared|walk|walks|walked|leave|leaves|left|talk|talks|talked|met|meet|meets|say|says|said|tell|tells|told|answer|answers|answered|pose|poses|posed|shake|shook|greet|greets|greeted|wait|waits|waited|stand|stands|stood)$/i;
/** Group nouns that make a country or organisation a party: "Russian negotiators", "UDA leaders". */
const PARTY_NOUN = /^(?:leaders?|leadership|officials?|negotiators?|delegations?|delegates|representatives?|diplomats?|envoys?|ministers?|authorities|government|governments|team|side|members?|chiefs?|commanders?|officers?|counterparts?|ambassadors?|president|presidents|premier|chancellor|minister|secretary|deputy|pm|countries|nations|states|allies|partners|economies|king|queen|prince|spokes(?:man|woman|person)|executives?|bosses|boss|chairman|head|heads|mayor|governor|board|boards|council|committee|commission|panel|cabinet|management|directors|shareholders|regulators?|lawmakers|legislators|prosecutors|investigators|inspectors|mediators|programme|program|newspaper|paper|magazine|channel|station|website|service|agency|correspondent|editor|reporter)$/i;
/** Nouns that name a gathering one can be at: the object of "hosted", "held", "gave" that a "where" clause may follow. */
const GATHERING_NOUN = /^(?:dinners?|lunch(?:es)?|luncheons?|breakfasts?|receptions?|banquets?|parties|party|meetings?|summits?|conferences?|talks|gatherings?|sessions?|rally|rallies|ceremony|ceremonies|events?)$/i;
/** Party nouns that name a group, whose owner is the body it stands for: "the EU's leaders", "Russia's negotiators". */
const GROUP_NOUN = /^(?:leaders|countries|nations|states|allies|partners|economies|leadership|officials|negotiators|delegations?|delegates|representatives|diplomats|envoys|ministers|authorities|government|team|side|members|chiefs|commanders|officers|counterparts|ambassadors|executives|bosses|board|council|committee|commission|panel|cabinet|management|directors|shareholders|regulators|lawmakers|legislators|prosecutors|investigators|inspectors|mediators)$/i;
/** Nouns for a part or moment of a gathering: "the start of a meeting", "the sidelines of the summit". */
const PART_NOUN = /^(?:start|beginning|opening|end|close|conclusion|middle|sidelines?|margins?|eve|outset|wake|session|round|part|day)$/i;
const PARTICIPANT_CASE = /^(?:with|between|among|amongst|alongside)$/i;
// Not "on": talks on Africa are about Africa.
const PLACE_CASE = /^(?:in|at|inside|outside|near|to)$/i;
/** Relations that stay inside the noun phrase that names someone. */
const NAME_PARTS = new Set(['flat', 'flat:name', 'compound', 'nmod:desc', 'appos', 'nmod:npmod']);
const PLACE_RANK: Record<string, number> = { VENUE: 5, BODY_OF_WATER: 1, CITY: 4, REGION: 3, COUNTRY: 2, CONTINENT: 0, OTHER: 2 };

/** The parsed sentence of each sentence index, for one Doc. */
export function parsedSentences(doc: Doc): Map<number, ParsedSentence> {
  return new Map((doc.syntax ?? []).map((p) => [p.sentence, p]));
}

/** Reads the arguments of the trigger at [start, end) from its sentence's tree; null when the trigger is not in it. */
export function treeArguments(doc: Doc, refs: Ref[], parsed: ParsedSentence, trigger: Span, type: EventType, lastTrigger: Span = trigger): TreeArguments | null {
  const t = treeOf(doc, refs, parsed);
  let head = t.headOf(trigger);
  if (head < 0) return null;
  // "a summit meeting": the first trigger word modifies the last one, which heads the phrase.
  const g = t.tokens[head].head;
  if (g >= 0 && (t.tokens[head].deprel === 'compound' || t.tokens[head].deprel === 'amod') && t.tokens[g].start >= lastTrigger.start && t.tokens[g].end <= lastTrigger.end) head = g;
  const found: TreeArgument[] = [];
  const placeRefs: Ref[] = [];
  const namedBy: string[] = [];
  // "talks with Moscow": a place named by with/between/among stands for its government, never for where.
  const add = (items: { ref: Ref | null; entity: string; span: Span }[], slot: TreeArgument['slot'], acting = false) => {
    for (const a of items) {
      if (a.ref && !acting && t.isPlace(a.ref)) {
        // Whom one tells is never where: "told BBC Radio 4's Westminster Hour" names a programme.
        if (type !== 'INTERVIEW' || slot !== 'object') placeRefs.push(a.ref);
        continue;
      }
      if (!found.some((f) => f.entity === a.entity)) found.push({ entity: a.entity, span: a.span, slot });
    }
  };
  const tok = t.tokens[head];
  let verb: number | null = null;
  // "a meeting between Raha, Miller and Aiyar" names every party: whoever signs something during it ("India and Russia
  // signed a memorandum during a meeting between ...") is represented there, not added to it.
  let namesAllItsParties = /^\s+between\s/.test(doc.text.slice(lastTrigger.end, lastTrigger.end + 12));
  if (tok.upos === 'VERB' || tok.upos === 'AUX') {
    verb = head;
    add(t.subjectsOf(head), 'subject');
    for (const c of t.children(head)) {
      const rel = t.tokens[c].deprel;
      // A bare name hung on the verb as an oblique is its object mislabelled ("greets Devlet Bahceli").
      if (rel === 'obj' || rel === 'iobj' || (rel === 'obl' && !t.caseOf(c) && t.tokens[c].upos === 'PROPN')) {
        // A visit's object is where it went; a person or organisation visited takes part.
        if (type === 'VISIT') for (const a of t.nominal(c)) a.ref && t.isPlace(a.ref, true) ? placeRefs.push(a.ref) : add([a], 'object');
        else add(t.nominal(c), 'object');
      } else if (rel.startsWith('obl') || rel === 'nmod') {
        const cs = t.caseOf(c);
        // "spoke to Bush": whom one speaks or talks to takes part in the call.
        if (rel === 'obl:agent' || (cs && (PARTICIPANT_CASE.test(cs) || (type === 'CALL' && /^to$/i.test(cs))))) add(t.nominal(c), 'object', !!cs && PARTICIPANT_CASE.test(cs));
        else if (cs && (PLACE_CASE.test(cs) || (type === 'VISIT' && /^(?:to)$/i.test(cs)))) placeRefs.push(...t.placesIn(c));
      }
    }
  } else {
    // A noun: its own with/between/of, its owner, its compound parties, and its light verb's subject.
    for (const c of t.children(head)) {
      const rel = t.tokens[c].deprel;
      const cs = t.caseOf(c);
      if ((rel === 'nmod' || rel.startsWith('obl')) && cs && (PARTICIPANT_CASE.test(cs) || (type === 'CALL' && /^to$/i.test(cs)))) {
        const parties = t.betweenBoth(t.nominal(c), cs);
        if (/^between$/i.test(cs) && parties.length >= 2) namesAllItsParties = true;
        add(parties, 'object', PARTICIPANT_CASE.test(cs));
      }
      else if (rel === 'nmod:poss') add(t.owner(c, head), 'subject');
      // "he has been in talks with ...", "Blair was at the summit": the subject of a copular gathering is at it.
      // "was not at the meeting" says who was absent.
      else if (rel === 'nsubj' && t.children(head).some((k) => t.tokens[k].deprel === 'cop') && !t.children(head).some((k) => /^(?:not|never|n't)$/i.test(t.tokens[k].text))) add(t.subjectsOf(head), 'subject');
      else if (rel === 'nmod' && cs && /^of$/i.test(cs) && type !== 'VISIT') add(t.nominal(c).filter((a) => !a.ref || a.ref.type !== 'PLACE' || a.ref.placeKind === 'COUNTRY'), 'subject');
      // "a visit to China", "a tour of Africa": where a visit goes.
      else if (rel === 'nmod' && cs && /^(?:to|of)$/i.test(cs) && type === 'VISIT') placeRefs.push(...t.placesIn(c));
      else if ((rel === 'nmod' || rel.startsWith('obl')) && cs && PLACE_CASE.test(cs)) placeRefs.push(...t.placesIn(c));
      // "a meeting which Gordon Brown is thought likely to attend", "the talks he chaired": who a relative clause on the
      // gathering says attends, joins, chairs, hosts or addresses it is at it.
      else if (rel === 'acl:relcl' && t.attendsIn(c)) add(t.subjectsOf(c), 'subject');
      // "a dinner hosted by the deputy leader": the host of the gathering is at it. Only gatherings are hosted, so
      // "a conference on developing enterprise hosted by Brown" is hosted by Brown, wherever the parser hung "hosted".
      else if (rel === 'acl' || rel === 'nmod') {
        for (const k of t.hostsBelow(c)) add(t.nominal(k), 'subject');
      } else if (rel === 'compound' || rel === 'amod') {
        for (const a of t.nominal(c)) {
          if (a.ref) namedBy.push(a.entity);
          // "a four-nation EU visit", "his Washington visit": what names a visit is where it goes, not who goes.
          if (a.ref && type === 'VISIT') {
            if (a.ref.type === 'PLACE') placeRefs.push(a.ref);
          } else if (a.ref && (a.ref.type !== 'PLACE' || a.ref.placeKind === 'COUNTRY')) add([a], 'subject');
          else if (a.ref) placeRefs.push(a.ref);
        }
      }
    }
    // The same of a gathering set beside it: "at their meeting at Westminster - a behind-closed doors meeting which ...".
    for (const c of t.children(head)) {
      if (!/^(?:nmod|appos)$/.test(t.tokens[c].deprel) || !GATHERING_NOUN.test(t.tokens[c].text)) continue;
      for (const k of t.children(c)) if (t.tokens[k].deprel === 'acl:relcl' && t.attendsIn(k)) add(t.subjectsOf(k), 'subject');
    }
    // "waits for the start of a meeting", "on the sidelines of the summit": the part stands in the meeting's place.
    let at = head;
    while (t.tokens[at].head >= 0 && t.tokens[at].deprel === 'nmod' && /^of$/i.test(t.caseOf(at) ?? '') && PART_NOUN.test(t.tokens[t.tokens[at].head].text)) at = t.tokens[at].head;
    const gov = t.tokens[at].head;
    if (gov >= 0) {
      const g = t.tokens[gov];
      const rel = t.tokens[at].deprel;
      const cs = t.caseOf(at);
      const lightVerb = g.upos === 'VERB' && (((rel === 'obj' || rel === 'nsubj:pass') && LIGHT_VERB.test(g.text)) || ((rel === 'obj' || rel === 'iobj') && ADDRESS_VERB.test(g.text)));
      // "is leaving Britain on a tour of Africa", "embarked on a mini tour": who sets off on a visit makes it.
      const attended = (g.upos === 'VERB' || g.upos === 'AUX') && rel.startsWith('obl') && cs && (/^(?:at|for|to|during|in|after|before|ahead|into|from)$/i.test(cs) ? ATTEND_VERB.test(g.text) : /^on$/i.test(cs) && type === 'VISIT' && SET_OFF_VERB.test(g.text));
      // A caption names who was there, then the occasion: "Senators John McCain and Lindsey Graham, following a meeting with Obama".
      const captioned = !lightVerb && !attended && rel !== 'nmod:poss' && cs && /^(?:at|after|before|following|during|ahead|upon|on)$/i.test(cs) && t.refAt(gov)?.type === 'PERSON';
      if (captioned) add(t.nominal(gov), 'subject');
      // "announced by minister Dominique Bussereau after talks with vintners' representatives", "he resigned following
      // talks with the board": who did something after or before talks with someone held them.
      const sequenced = !lightVerb && !attended && !captioned && (g.upos === 'VERB' || g.upos === 'AUX') && rel.startsWith('obl') && cs && /^(?:after|following|before|ahead)$/i.test(cs) && found.some((f) => f.slot === 'object');
      if (sequenced) add(t.subjectsOf(gov), 'subject');
      // "At a dinner hosted by Prescott he told Brown ...": who does something at or during a gathering is there, and so
      // is the person it is done to.
      const presentAt = !lightVerb && (g.upos === 'VERB' || g.upos === 'AUX') && rel.startsWith('obl') && cs && /^(?:at|during)$/i.test(cs);
      if (presentAt && !namesAllItsParties) {
        if (!attended) add(t.subjectsOf(gov), 'subject');
        for (const c of t.children(gov)) if (c !== at && (t.tokens[c].deprel === 'obj' || t.tokens[c].deprel === 'iobj')) add(t.nominal(c).filter((a) => a.ref?.type === 'PERSON'), 'object');
      }
      if (lightVerb || attended) {
        verb = gov;
        // "the British, who arranged a meeting between him and an MI6 agent": who arranges or brokers a gathering
        // between named parties brings them together, without being one of them.
        if (!(namesAllItsParties && /^(?:arrang|organi[sz]|broker|set|sets|setting|propos|call)/i.test(g.text))) add(t.subjectsOf(gov), 'subject');
        for (const c of t.children(gov)) {
          if (c === at) continue;
          const crel = t.tokens[c].deprel;
          const ccs = t.caseOf(c);
          if (lightVerb && (crel.startsWith('obl') || crel === 'nmod') && ccs && PARTICIPANT_CASE.test(ccs)) add(t.nominal(c), 'object', true);
          else if ((crel.startsWith('obl') || crel === 'nmod') && ccs && PLACE_CASE.test(ccs)) placeRefs.push(...t.placesIn(c));
        }
      }
    }
  }
  // "hosted a dinner where the prime minister told Mr Brown ...": what a "where" clause after a gathering tells was
  // done at the gathering, so its doer and the person it was done to were there.
  const gathering = tok.upos === 'NOUN' ? head : t.children(head).find((c) => /^(?:obj|obl)$/.test(t.tokens[c].deprel) && GATHERING_NOUN.test(t.tokens[c].text));
  if (gathering !== undefined) {
    for (const clause of t.whereClauses(gathering)) {
      add(t.subjectsOf(clause), 'subject');
      for (const c of t.children(clause)) if (t.tokens[c].deprel === 'obj' || t.tokens[c].deprel === 'iobj') add(t.nominal(c).filter((a) => a.ref?.type === 'PERSON'), 'object');
    }
  }
  // "talks with Jones in London": a locative attached to a party's noun phrase still says where the event was.
  if (!placeRefs.length) for (const a of found) placeRefs.push(...t.locativesOf(a.span));
  let place: Ref | null = null;
  for (const r of placeRefs) if (!found.some((f) => f.entity === r.entity) && (!place || (PLACE_RANK[r.placeKind ?? 'OTHER'] ?? 0) > (PLACE_RANK[place.placeKind ?? 'OTHER'] ?? 0))) place = r;
  // "the final meeting of the commission", "the international conference called in Jakarta": a gathering whose own
  // "of" phrase or clause says which one it is.
  const owned = tok.upos !== 'VERB' && tok.upos !== 'AUX' && t.children(head).some((c) => (t.tokens[c].deprel === 'nmod' && /^of$/i.test(t.caseOf(c) ?? '')) || /^acl/.test(t.tokens[c].deprel));
  return { participants: found, place: place?.entity ?? null, head, verb, namedBy, owned };
}

/**
 * Whether two triggers of a sentence belong to one clause, as the tree has it: one heads a phrase under the other
 * ("will meet ... for peace talks"), or both hang on the same verb without a clause between. Not two clauses:
 * "canceled his meeting with Duterte, conferring instead with the President of South Korea". Null when either
 * trigger is not in the tree.
 */
export function sameClause(doc: Doc, refs: Ref[], parsed: ParsedSentence, a: Span, b: Span): boolean | null {
  const t = treeOf(doc, refs, parsed);
  const ha = t.headOf(a);
  const hb = t.headOf(b);
  if (ha < 0 || hb < 0) return null;
  const upA = t.pathUp(ha);
  const upB = t.pathUp(hb);
  if (upA.includes(hb) || upB.includes(ha)) return true;
  // The nearest verb at or above each trigger heads its clause.
  const clause = (path: number[]) => path.find((k) => t.tokens[k].upos === 'VERB' || t.tokens[k].upos === 'AUX') ?? -1;
  return clause(upA) === clause(upB);
}

/**
 * Whether the tree rules out a name found by the word patterns as a party of the trigger's event:
 * a name inside a relative clause that does not hold the trigger ("Euronext, which combines the
 * Paris, Amsterdam and Lisbon exchanges, began talks"), the object of another verb ("met to
 * discuss Ukraine"), or a name that modifies another common noun
 * ("the tomb of a former president", "an HIV/Aids orphanage"). A "with" or "between" phrase hung on
 * a nearby noun is no such modifier: the parser often misplaces it ("negotiate a settlement with Mr Spitzer").
 */
export function treeRulesOut(doc: Doc, refs: Ref[], parsed: ParsedSentence, trigger: Span, arg: Span, visit = false): boolean {
  const t = treeOf(doc, refs, parsed);
  const head = t.headOf(trigger);
  const at = t.headOf(arg);
  if (head < 0 || at < 0) return false;
  const triggerPath = new Set(t.pathUp(head));
  for (let k = at, steps = 0; k >= 0 && !triggerPath.has(k) && steps < 30; k = t.tokens[k].head, steps++) {
    const rel = t.tokens[k].deprel;
    if (rel === 'acl:relcl') return true;
    // "a four-nation EU visit": a name compounded with the visit says where it goes, not who goes.
    if (visit && rel === 'compound' && t.tokens[k].head === head) return true;
    // "Mr Blair is an enthusiastic proponent of talks": the subject of a copular noun the gathering modifies is no
    // party, unless the noun names a part in it ("Blair was the host of the talks").
    if (/^nsubj/.test(rel) && t.tokens[k].head >= 0 && t.tokens[k].head !== head && triggerPath.has(t.tokens[k].head) && t.tokens[t.tokens[k].head].upos === 'NOUN' && t.children(t.tokens[k].head).some((c) => t.tokens[c].deprel === 'cop') && !PART_IN_GATHERING.test(t.tokens[t.tokens[k].head].text)) return true;
    // "told the BBC News website Ford did not deserve any credit": a name in what is reported is no party.
    // (A clause: a noun the parser labels ccomp is the object it mistook: "told GMTV's Sunday programme".)
    if (rel === 'ccomp' && t.tokens[k].head >= 0 && triggerPath.has(t.tokens[k].head) && t.tokens[k].upos !== 'NOUN' && t.tokens[k].upos !== 'PROPN') return true;
    const up = t.tokens[k].head;
    if (up < 0) break;
    const g = t.tokens[up];
    // "met in Brussels to discuss Ukraine": the object of another verb is what that verb is about.
    // Only a verb that heads its own clause (a "to", an auxiliary or a subject of its own): a participle the tagger
    // misread ("acting Prime Minister Mariano Rajoy") is no such verb.
    if ((rel === 'obj' || rel === 'iobj') && g.upos === 'VERB' && !triggerPath.has(up) && t.children(up).some((c) => /^(?:mark|aux|nsubj)/.test(t.tokens[c].deprel))) return true;
    // "an economist with ABN Amro", "a trader at HSBC": the employer in a description of a person is no party either.
    // "James Carrick, an economist with ABN Amro": the employer in an apposition describing a person is no party either.
    // "Simon Wheatley, from Goldman Sachs,": so is where a named person is from.
    const employer = /^(?:with|at|from)$/i.test(t.caseOf(k) ?? '') && ((rel === 'nmod' && g.deprel === 'appos') || (rel !== 'conj' && t.refAt(up)?.type === 'PERSON'));
    if (employer && !triggerPath.has(up)) return true;
    // "visiting Sikhism's holiest shrine": the owner of a thing visited is no party either (but the owner of a thing
    // negotiated is: "negotiating Britain's exit").
    const modifier = rel === 'compound' || rel === 'amod' || (visit && rel === 'nmod:poss') || (rel === 'nmod' && /^of$/i.test(t.caseOf(k) ?? ''));
    if (modifier && g.upos === 'NOUN' && !PARTY_NOUN.test(g.text) && !triggerPath.has(up)) return true;
  }
  return false;
}

// One Tree per parsed sentence and reference list: a sentence's triggers and candidate parties all read the same one.
const trees = new WeakMap<ParsedSentence, { refs: Ref[]; tree: Tree }>();
function treeOf(doc: Doc, refs: Ref[], parsed: ParsedSentence): Tree {
  const hit = trees.get(parsed);
  if (hit && hit.refs === refs) return hit.tree;
  const tree = new Tree(doc, refs, parsed);
  trees.set(parsed, { refs, tree });
  return tree;
}

interface Found {
  ref: Ref | null;
  entity: string;
  span: Span;
}

/** A parsed sentence with the document's references laid over its tokens. */
class Tree {
  readonly tokens: SyntaxToken[];
  private readonly kids: number[][];
  private readonly refOf: (Ref | null)[];

  constructor(
    private readonly doc: Doc,
    private readonly refs: Ref[],
    parsed: ParsedSentence,
  ) {
    this.tokens = parsed.tokens;
    this.kids = this.tokens.map(() => []);
    this.tokens.forEach((tk, i) => tk.head >= 0 && this.kids[tk.head].push(i));
    const first = parsed.tokens[0]?.start ?? 0;
    const last = parsed.tokens.at(-1)?.end ?? 0;
    const inside = refsStartingIn(refs, first - maxRefLength(refs), last).filter((r) => r.end > first);
    this.refOf = this.tokens.map((tk) => inside.find((r) => r.start <= tk.start && tk.end <= r.end) ?? null);
  }

  children(i: number): number[] {
    return this.kids[i];
  }

  /** The reference a token lies in, if any. */
  refAt(i: number): Ref | null {
    return this.refOf[i];
  }

  /** The token and its heads up to the root. */
  pathUp(i: number): number[] {
    const out: number[] = [];
    for (let k = i; k >= 0 && out.length < 60; k = this.tokens[k].head) out.push(k);
    return out;
  }

  /** The token heading the trigger: the one whose head lies outside it. */
  headOf(span: Span): number {
    const inside = this.tokens.map((tk, i) => (tk.start < span.end && span.start < tk.end ? i : -1)).filter((i) => i >= 0);
    if (!inside.length) return -1;
    return inside.find((i) => !inside.includes(this.tokens[i].head)) ?? inside[0];
  }

  /** The preposition of a nominal ("with" in "with Jones"). */
  caseOf(i: number): string | null {
    const c = this.kids[i].find((k) => this.tokens[k].deprel === 'case' || this.tokens[k].deprel === 'mark');
    return c === undefined ? null : this.tokens[c].text.toLowerCase();
  }

  isPlace(ref: Ref, visiting = false): boolean {
    if (ref.type !== 'PLACE') return false;
    // Countries act ("Russia and Ukraine held talks"); a visit's country is where it went.
    return visiting || ref.placeKind !== 'COUNTRY';
  }

  /** The subjects of a verb: its own (nsubj, passive agent side), or, without one, the subject of the verb it depends on. */
  subjectsOf(v: number): Found[] {
    let own = this.kids[v].filter((k) => /^nsubj/.test(this.tokens[k].deprel) || this.tokens[k].deprel === 'obl:agent');
    // "India's petroleum minister Mr Aiyar and ... Khristenko would discuss": a bare name before a verb that has no
    // subject, which the parser hung on it as an oblique, is its subject.
    if (!own.length) own = this.kids[v].filter((k) => k < v && this.tokens[k].deprel === 'obl' && this.tokens[k].upos === 'PROPN' && !this.caseOf(k));
    // "at a dinner hosted by John Prescott he told Mr Brown": where the parser makes the name that ends a fronted phrase a
    // second subject, the pronoun right after it is the subject (a pronoun never restates the name just before it).
    const pronoun = own.find((k) => this.tokens[k].upos === 'PRON' && /^(?:he|she|they|we|i)$/i.test(this.tokens[k].text));
    if (pronoun !== undefined && own.length > 1) own = own.filter((k) => k === pronoun || !(this.tokens[k].upos === 'PROPN' && this.tokens[k].start < this.tokens[pronoun].start));
    // "Rutte, who met with Trump": a relative pronoun stands for the noun the clause describes.
    if (own.length) {
      const found = own.map((k) => (/^(?:who|which|that)$/i.test(this.tokens[k].text) ? this.antecedent(k, v) : this.nominal(k)));
      // Two subjects where the parser split "US Secretary of State | Marco Rubio": the one naming a person is the subject.
      const people = found.filter((f) => f.some((x) => x.ref?.type === 'PERSON'));
      return (found.length > 1 && people.length ? people : found).flat();
    }
    const rel = this.tokens[v].deprel;
    const up = this.tokens[v].head;
    // "agreed to meet", "is to hold", "after meeting with": the controlling verb's subject.
    // Not a reported clause (ccomp): "the paper claimed that [the firms] have held discussions" is not the paper's.
    // "He is due to take part": where the parser makes the infinitive the clausal subject of "due", the subject is due's.
    if (up >= 0 && (/^(?:xcomp|conj|advcl)$/.test(rel) || (rel === 'csubj' && this.kids[up].some((k) => /^nsubj/.test(this.tokens[k].deprel))))) return this.subjectsOf(up);
    // "play hardball in negotiating with Britain": a gerund after a subordinator is an adverbial clause of the verb
    // above, whose subject it shares, even where the parser hung it on that verb's object noun.
    const marked = this.children(v).some((k) => this.tokens[k].deprel === 'mark' && /^(?:in|by|after|before|while|when|without|since|on)$/i.test(this.tokens[k].text));
    if (up >= 0 && rel === 'acl' && this.tokens[v].xpos === 'VBG' && marked) {
      const verb = this.tokens[up].head;
      if (verb >= 0 && /^(?:obj|obl)$/.test(this.tokens[up].deprel) && this.tokens[verb].upos === 'VERB') return this.subjectsOf(verb);
    }
    return [];
  }

  /**
   * The clauses a relative "where" joins to the noun at i: its own relative clause, or (as parsers often hang it) a
   * clause of the noun's governor that starts right after the noun's phrase, with no verb between.
   */
  whereClauses(i: number): number[] {
    const out: number[] = [];
    const gov = this.tokens[i].head;
    for (let w = i + 1; w < this.tokens.length && w <= i + 8; w++) {
      const tok = this.tokens[w];
      if (tok.upos === 'VERB' || tok.upos === 'AUX' || tok.upos === 'PUNCT') break;
      if (!/^where$/i.test(tok.text) || tok.deprel !== 'advmod') continue;
      const clause = tok.head;
      if (clause < 0 || this.tokens[clause].upos !== 'VERB') break;
      const rel = this.tokens[clause].deprel;
      if ((rel === 'acl:relcl' && this.tokens[clause].head === i) || (/^(?:advcl|conj|parataxis)$/.test(rel) && gov >= 0 && this.tokens[clause].head === gov)) out.push(clause);
      break;
    }
    return out;
  }

  /** Whether the clause headed by verb i, or a verb it controls ("is thought likely to attend"), attends, joins, chairs, hosts or addresses. */
  attendsIn(i: number, depth = 0): boolean {
    if (RELATIVE_ATTEND.test(this.tokens[i].text)) return true;
    return depth < 3 && this.children(i).some((c) => /^(?:xcomp|ccomp)$/.test(this.tokens[c].deprel) && this.attendsIn(c, depth + 1));
  }

  /** The agents of "hosted by"-like clauses at or below token i within its phrase (nmod, acl, obj, up to 3 levels). */
  hostsBelow(i: number, depth = 0): number[] {
    const out: number[] = [];
    if (this.tokens[i].deprel === 'acl' && /^(?:hosted|given|organi[sz]ed|thrown|chaired|convened|called)$/i.test(this.tokens[i].text)) {
      for (const k of this.kids[i]) if (this.tokens[k].deprel === 'obl:agent') out.push(k);
      return out;
    }
    if (depth >= 3) return out;
    for (const k of this.kids[i]) if (/^(?:nmod|acl|obj|obl)$/.test(this.tokens[k].deprel)) out.push(...this.hostsBelow(k, depth + 1));
    return out;
  }

  /**
   * "The EU has announced that it will start talks": "it", the subject of a clause reported by a verb whose own subject
   * is an organisation or a country, is that subject (a thing that speaks is the thing it speaks of).
   */
  reportingSubject(pronoun: number): Found | null {
    const clause = this.tokens[pronoun].head;
    if (clause < 0 || this.tokens[clause].deprel !== 'ccomp') return null;
    const reporter = this.tokens[clause].head;
    if (reporter < 0) return null;
    const speakers = this.kids[reporter].filter((k) => this.tokens[k].deprel === 'nsubj').flatMap((k) => this.nominal(k, 3));
    const acting = speakers.filter((f) => f.ref && (f.ref.type === 'ORGANIZATION' || (f.ref.type === 'PLACE' && f.ref.placeKind === 'COUNTRY')));
    return acting.length === 1 && speakers.length === 1 ? acting[0] : null;
  }

  /**
   * What a relative pronoun stands for: the noun its clause describes, or, where the parser did not
   * attach the clause, the name right before the pronoun ("Mark Rutte, who met with Trump").
   */
  antecedent(pronoun: number, verb: number): Found[] {
    if (this.tokens[verb].deprel === 'acl:relcl' && this.tokens[verb].head >= 0) {
      const noun = this.tokens[verb].head;
      const found = this.nominal(noun);
      // "Stephen Schechter, a UK investment banker who has held talks": the clause describes the banker, who is the name.
      if (!found.length && this.tokens[noun].deprel === 'appos' && this.tokens[noun].head >= 0) return this.nominal(this.tokens[noun].head);
      return found;
    }
    const at = this.tokens[pronoun].start;
    const before = refsStartingIn(this.refs, at - 3 - maxRefLength(this.refs), at).filter((r) => r.end <= at && at - r.end <= 3 && /^[\s,]*$/.test(this.doc.text.slice(r.end, at)));
    const r = before.at(-1);
    return r ? [{ ref: r, entity: r.entity, span: { start: r.start, end: r.end } }] : [];
  }

  /** The owner of "their meeting" / "Erdogan's meeting": a name, or a plural pronoun resolved to the clause's subjects. */
  owner(poss: number, noun: number): Found[] {
    const tk = this.tokens[poss];
    if (/^(?:their|its)$/i.test(tk.text)) {
      let v = this.tokens[noun].head;
      while (v >= 0 && this.tokens[v].upos !== 'VERB' && this.tokens[v].upos !== 'AUX') v = this.tokens[v].head;
      const subjects = v >= 0 ? this.subjectsOf(v) : [];
      // "Netanyahu walks with Clinton upon her arrival to their meeting": "their" is the subject and its companions.
      const companions = v >= 0 ? this.kids[v].filter((c) => /^(?:obl|nmod)/.test(this.tokens[c].deprel) && /^(?:with|alongside)$/i.test(this.caseOf(c) ?? '')).flatMap((c) => this.nominal(c)) : [];
      const both = [...subjects, ...companions.filter((c) => !subjects.some((x) => x.entity === c.entity))];
      return both.length >= 2 || /^its$/i.test(tk.text) ? both : [];
    }
    if (/^(?:his|her)$/i.test(tk.text)) {
      const entity = resolvePronoun(this.doc, this.refs, tk.start, new Set());
      return entity ? [{ ref: null, entity, span: { start: tk.start, end: tk.end } }] : [];
    }
    return this.nominal(poss, 0, true);
  }

  /** "between Blair and Brown" names two parties, however the parser attached the second: the name right after "and". */
  betweenBoth(found: Found[], preposition: string): Found[] {
    if (!/^between$/i.test(preposition) || found.length !== 1) return found;
    const end = found[0].span.end;
    const next = findRefFrom(this.refs, end, (r) => r.entity !== found[0].entity, end + 41);
    if (!next || !/^\s+and\s+(?:[\p{L}.'’-]+\s+){0,4}$/u.test(this.doc.text.slice(end, next.start))) return found;
    return [...found, { ref: next, entity: next.entity, span: { start: next.start, end: next.end } }];
  }

  /** The person named right after a title or possessive, with only title words between ("envoy to Ukraine Keith Kellogg"). */
  personAfter(i: number): Ref | null {
    const from = this.tokens[i].end;
    // Within the sentence: "a meeting of the committee on Tuesday. Gordon Brown was ..." names no member.
    const r = findRefFrom(this.refs, from, (x) => x.type === 'PERSON' && !x.indirect, Math.min(from + 46, this.tokens[this.tokens.length - 1].end));
    if (!r) return null;
    return /^(?:['’]s?)?[\s\p{L}.-]*$/u.test(this.doc.text.slice(from, r.start)) && !/\b(?:and|or|who|which|that|said|says|met|meets)\b/i.test(this.doc.text.slice(from, r.start)) ? r : null;
  }

  /** The first person named inside a noun's phrase (not inside a clause of it). */
  personIn(i: number): Ref | null {
    const stack = [...this.kids[i]];
    while (stack.length) {
      const k = stack.shift()!;
      const rel = this.tokens[k].deprel;
      if (/^(?:acl|advcl|parataxis|conj|cc|punct|ccomp|xcomp)/.test(rel)) continue;
      const r = this.refOf[k];
      if (r && r.type === 'PERSON' && !r.indirect) return r;
      stack.push(...this.kids[k]);
    }
    return null;
  }

  /** Places in in/at modifiers of the token that carries a span ("Jones in London"). */
  locativesOf(span: Span): Ref[] {
    const i = this.tokens.findIndex((tk) => tk.start >= span.start && tk.end <= span.end && !(tk.head >= 0 && this.tokens[tk.head].start >= span.start && this.tokens[tk.head].end <= span.end));
    if (i < 0) return [];
    return this.kids[i].filter((c) => this.tokens[c].deprel === 'nmod' && /^(?:in|at)$/i.test(this.caseOf(c) ?? '')).flatMap((c) => this.placesIn(c));
  }

  /** The places named in a locative nominal, with the places it contains: "a school in Leeds". */
  placesIn(i: number): Ref[] {
    const out: Ref[] = [];
    const walk = (k: number, depth: number) => {
      const r = this.refOf[k];
      if (r && r.type === 'PLACE') out.push(r);
      if (depth > 3) return;
      for (const c of this.kids[k]) {
        const rel = this.tokens[c].deprel;
        if (NAME_PARTS.has(rel) || rel === 'conj' || (rel === 'nmod' && /^(?:in|of|at)$/i.test(this.caseOf(c) ?? ''))) walk(c, depth + 1);
      }
    };
    walk(i, 0);
    return out;
  }

  /**
   * The entities a nominal names: the name it is, the name inside its own noun phrase ("Prime
   * Minister Tony Blair", "Foreign Minister Adel al-Jubeir"), the party of a group noun ("Russian
   * negotiators"), a resolved personal pronoun, and the same for each conjunct. Never a name in a
   * modifier of another noun or in a relative clause.
   */
  nominal(i: number, depth = 0, possessor = false): Found[] {
    const out: Found[] = [];
    const tk = this.tokens[i];
    // "Ukraine's President Zelenskiy": a possessive names an owner, never a party, wherever the parser hung it.
    // Where the parser hung the possessed name on the possessor ("to Iran's Rouhani"), that name is the party.
    if (!possessor && this.kids[i].some((k) => this.tokens[k].deprel === 'case' && /^['’]s?$/.test(this.tokens[k].text))) {
      if (depth < 3) for (const c of this.kids[i]) if (['flat', 'flat:name', 'appos'].includes(this.tokens[c].deprel)) out.push(...this.nominal(c, depth + 1));
      // "Russia's President Vladimir Putin": the person the possessive phrase goes on to name.
      const named = out.length ? null : this.personAfter(i);
      if (named) out.push({ ref: named, entity: named.entity, span: { start: named.start, end: named.end } });
      return out;
    }
    const r = this.refOf[i];
    if (r) out.push({ ref: r, entity: r.entity, span: { start: r.start, end: r.end } });
    else if (tk.upos === 'PRON' && /^(?:he|she|him|her|himself|herself)$/i.test(tk.text)) {
      const entity = resolvePronoun(this.doc, this.refs, tk.start, new Set());
      if (entity) out.push({ ref: null, entity, span: { start: tk.start, end: tk.end } });
    } else if (tk.upos === 'PRON' && /^it$/i.test(tk.text) && /^nsubj/.test(tk.deprel)) {
      const speaker = this.reportingSubject(i);
      if (speaker) out.push({ ref: null, entity: speaker.entity, span: { start: tk.start, end: tk.end } });
    } else if (depth < 3 && PARTY_NOUN.test(tk.text) && (this.personIn(i) || this.personAfter(i))) {
      // A title names its holder: "US special envoy to Ukraine Keith Kellogg" is Kellogg, wherever the parser hung his name.
      const p = (this.personIn(i) ?? this.personAfter(i))!;
      out.push({ ref: p, entity: p.entity, span: { start: p.start, end: p.end } });
    } else if (depth < 3) {
      const party = PARTY_NOUN.test(tk.text);
      // A common noun ("a UK investment banker") is named only by an apposition; its modifiers are no parties.
      const named = tk.upos === 'PROPN' || party;
      for (const c of this.kids[i]) {
        const rel = this.tokens[c].deprel;
        if ((named ? NAME_PARTS.has(rel) : rel === 'appos') || (party && (rel === 'amod' || rel === 'nmod:poss' || (rel === 'nmod' && /^of$/i.test(this.caseOf(c) ?? ''))))) {
          // "the EU's leaders": the owner of a group noun is the party it stands for; the owner of one office is not
          // ("Ukraine's president" is a person).
          for (const f of this.nominal(c, depth + 1, GROUP_NOUN.test(tk.text))) if (!out.some((o) => o.entity === f.entity)) out.push(f);
        }
      }
    }
    if (depth < 6) for (const c of this.kids[i]) if (this.tokens[c].deprel === 'conj') for (const f of this.nominal(c, depth + 1)) if (!out.some((o) => o.entity === f.entity)) out.push(f);
    return out;
  }
}
