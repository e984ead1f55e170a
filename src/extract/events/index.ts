/**
 * The event stage: finds meeting-family triggers in each sentence, builds one n-ary record
 * per event (participants with roles, place, date and precision, clock time, status,
 * evidence, confidence), and merges the records of one article that describe the same
 * event ("the encounter", "the talks", a caption and a body sentence).
 */
import type { Doc, Event, EventStatus, EventType, ParsedSentence, Participant, Span } from '../types';
import { HABITUAL, MEET_IDIOM_BEFORE, MEET_SATISFY, MEETING_FAMILY, MET_AS_SATISFIED, NOT_AN_EVENT_AFTER, NOT_AN_EVENT_BEFORE, SATISFY_NOUN, TALKS_AS_SPEAKING, TRIGGERS } from './lexicon';
import { collectRefs, findRefFrom, refsIn, refsStartingIn, resolvePronoun, type Ref } from './refs';
import { conditionOnOutcome, eventStatus } from './status';
import { clockTime, dateMentions } from './time';
import { mergeWithinDoc } from './merge';
import { parsedSentences, sameClause, treeArguments, treeRulesOut, type TreeArguments } from './tree';

/** An event while it is being built, with what merging needs to know. */
export interface DraftEvent extends Omit<Event, 'id'> {
  sentence: number;
  /** "the talks", "the encounter": refers back to an earlier event rather than introducing one. */
  anaphoric: boolean;
  /** The verb that links anaphoric participants ("will represent the US in the talks"). */
  joins: boolean;
  ownDate: boolean;
  /** "had not met": kept for mention-level evaluation, never emitted. */
  negated: boolean;
  /** Index of the latest sentence reporting the event. */
  lastSentence: number;
  /** Entities the tree found in a party's slot (subject, object, with/between, owner, attendee), not the word patterns. */
  treeFound: Set<string>;
  /** Entities that name the gathering ("the G8 summit"): an anaphor so named refers only to an event of theirs. */
  namedBy: string[];
  /** A noun trigger with an "of" phrase or a clause of its own ("the final meeting of the commission", "the conference called in Jakarta"). */
  owned: boolean;
}

const LOCATIVE = /\b(?:in|at|on|near|outside|inside|to|from)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s+|(?:capital|city|town|village|port|region|province|resort)\s+(?:of\s+)?){0,3}$/u;
const PLACE_RANK: Record<string, number> = { VENUE: 5, BODY_OF_WATER: 1, CITY: 4, REGION: 3, COUNTRY: 2, CONTINENT: 0, OTHER: 2 };
const CLAUSE_BREAK = /(?:[;:]|,\s*(?:but|and then|while|whereas|although|which|who|where)\b|\s(?:but|when|after|before|because|although|while|as)\s)/gi;
const SUBJECT_STOP = /\b(?:said|says|told|announced|added|wrote|reported|according|that|when|after|before|because|while|where|which|who|amid)\b/i;
// A full stop inside a sentence belongs to an abbreviation ("U.S. District Judge"); only the last one ends the object.
const OBJECT_STOP = /(?:,(?!\s*(?:and\s+)?\p{Lu})|\s(?:in|at|on|amid|during|where|who|which|to discuss|over|about|after|before|since|shortly|when|as)\s|\sfor\s(?!\p{Lu})|[;:!?]|\.(?=["”’)\s]*$))/u;
/** Group nouns that make a country or organisation a party: "UDA leaders", "Russian negotiators". */
const PARTY_NOUN = /^\s+(?:leaders?|leadership|officials?|negotiators?|delegations?|delegates|representatives?|diplomats?|envoys?|ministers?|authorities|government|team|side|members?|chiefs?|commanders?|officers?|counterparts?)\b/i;
/** The run of title words right before a person's name, within the same noun phrase. */
const TITLE_RUN = /(?:(?:\p{Lu}[\p{L}.'’-]*|of|for|the|prosecutor|judge|lawyer|attorney|minister|secretary|president|envoy|aide|adviser|advisor|spokes(?:man|woman|person)|officer|commander|chief|general|ambassador|senator|governor|mayor|chairman|chairwoman|director|head|leader)\s+)+$/u;
const LIST_GAP = /^\s*(?:(?:,|and|&|as well as|'s|’s|the|to|\p{Lu}[\p{L}.-]*|of|for|left|right|centre|center|rear|second from|special|Special|acting|former|interim|outgoing|incoming|deputy|foreign|defen[cs]e|prime|vice|chief|top|senior|envoy|minister|president|secretary|general|aide|adviser|officials?|leaders?|negotiators?|delegations?|representatives?|counterparts?|presidents?|ministers?|prosecutors?|lawyers?|attorneys?|judges?|spokes(?:man|woman|person)|chief|director|head|commander|ambassador|chairman|chairwoman|founder|owner|manager|executive|member|captain|coach|senator|governor|mayor|king|queen|prince|colonel|officer|capital|city|counterpart)\s*)*$/u;

/** Creates the event component. */
export function eventComponent(): (doc: Doc) => void {
  return (doc) => {
    doc.events = mergeWithinDoc(doc, draftEvents(doc)).map((d, i) => ({ id: `v${i + 1}`, type: d.type, status: d.status, participants: d.participants, place: d.place, date: d.date, datePrecision: d.datePrecision, time: d.time, trigger: d.trigger, evidence: d.evidence, mentions: d.mentions, confidence: d.confidence }));
  };
}

/** Whether a sentence of the doc holds a meeting-family trigger (the sentences the syntax stage needs to parse). */
export function hasEventTrigger(doc: Doc, sentenceIndex: number): boolean {
  const s = doc.sentences[sentenceIndex];
  return findTriggers(doc.text, s.start, s.end).length > 0;
}

/** One draft record per trigger group of each sentence, before merging. */
export function draftEvents(doc: Doc): DraftEvent[] {
  const refs = collectRefs(doc);
  const drafts: DraftEvent[] = [];
  const parsed = parsedSentences(doc);
  doc.sentences.forEach((sentence, index) => {
    for (const d of sentenceEvents(doc, refs, sentence, index, parsed.get(index))) drafts.push(d);
  });
  return drafts;
}

interface Trigger {
  start: number;
  end: number;
  type: EventType;
  pos: 'verb' | 'noun';
}

function findTriggers(text: string, start: number, end: number): Trigger[] {
  const slice = text.slice(start, end);
  const found: Trigger[] = [];
  for (const p of TRIGGERS) {
    p.re.lastIndex = 0;
    for (const m of slice.matchAll(p.re)) {
      const s = start + m.index!;
      const e = s + m[0].length;
      if (found.some((f) => f.start < e && s < f.end)) continue;
      if (p.notAfter?.test(text.slice(Math.max(start, s - 200), s))) continue;
      if (NOT_AN_EVENT_AFTER.test(text.slice(e, e + 20)) || NOT_AN_EVENT_BEFORE.test(text.slice(Math.max(0, s - 40), s))) continue;
      // "Meet" as satisfy or receive: "meet the requirements", "objectives could be met" (not "a meeting with").
      if (/^(?:meet|meets|met|meeting)\b/i.test(m[0]) && !/\b(?:a|an|the|their|his|her|its|this|that)\s+$/i.test(text.slice(Math.max(0, s - 8), s))) {
        const verb = /^\S+/.exec(m[0])![0].length;
        const before = text.slice(Math.max(0, s - 60), s);
        if (MEET_SATISFY.test(text.slice(s + verb, s + verb + 90)) || MET_AS_SATISFIED.test(before) || MEET_IDIOM_BEFORE.test(before)) continue;
      }
      // "called Labour "a brilliant machine"", "called him a liar": calling someone something names them, it is no call.
      if (p.type === 'CALL' && /^called$/i.test(m[0]) && CALLED_AS_NAMING.test(text.slice(e, e + 80))) continue;
      // "a NGO called Preemptive Love Coalition", "a small coffeehouse called Diem": an indefinite thing called a name is named.
      if (p.type === 'CALL' && /^called$/i.test(m[0]) && /\b(?:a|an)\s+(?:[\p{L}-]+\s+){1,3}$/iu.test(text.slice(Math.max(0, s - 40), s))) continue;
      if (p.type === 'TALKS' && /^talks$/i.test(m[0]) && TALKS_AS_SPEAKING.test(text.slice(e, e + 40))) continue;
      // "a big debate out there": a debate in the figurative sense, not an event.
      if (p.type === 'DEBATE' && /\b(?:a|an)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, s - 20), s))) continue;
      let pos = p.pos;
      // "a meeting", "the meeting": the -ing form as a noun.
      if (p.type === 'MEETING' && /^meeting/i.test(m[0]) && /\b(?:a|an|the|their|his|her|its|this|that|first|next|last|\w+'s)\s+$/i.test(text.slice(Math.max(0, s - 12), s))) pos = 'noun';
      found.push({ start: s, end: e, type: p.type, pos });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function sentenceEvents(doc: Doc, refs: Ref[], sentence: Doc['sentences'][number], index: number, parsed: ParsedSentence | undefined): DraftEvent[] {
  const text = doc.text;
  const triggers = findTriggers(text, sentence.start, sentence.end);
  if (!triggers.length) return [];
  // "will meet ... for peace talks": one event, typed by its most specific trigger.
  const groups: Trigger[][] = [];
  for (const t of triggers) {
    const last = groups[groups.length - 1];
    const between = last ? text.slice(last[last.length - 1].end, t.start) : '';
    const ownArgs = /^\s*(?:between|with)\b/i.test(text.slice(t.end, t.end + 10)) && last && last.some((x) => /^\s*(?:between|with)\b/i.test(text.slice(x.end, x.end + 10)));
    // "a news conference following a Security Council meeting": one gathering after another is two events; so are two
    // on either side of a verb of saying ("was not at the meeting, says he has been in talks").
    // Two triggers the tree puts in different clauses are two events ("canceled his meeting with Duterte, conferring
    // instead with the President of South Korea").
    const oneClause = !last || !parsed || sameClause(doc, refs, parsed, last[last.length - 1], t) !== false;
    if (last && !ownArgs && oneClause && between.length < 60 && !/[;]|,\s*(?:followed|but|while|who|which|where)|\bbut\b|\bfollowed by\b|\b(?:following|after|before|ahead of)\b|\b(?:says|said|told|tells|added|adds)\b/i.test(between)) last.push(t);
    else groups.push([t]);
  }
  const out: DraftEvent[] = [];
  groups.forEach((group, g) => {
    const head = group[0];
    const type = group.some((t) => t.type === 'TALKS') ? 'TALKS' : group.find((t) => t.type !== 'MEETING')?.type ?? head.type;
    const frameStart = g > 0 ? groups[g - 1][groups[g - 1].length - 1].end : sentence.start;
    const frameEnd = g + 1 < groups.length ? groups[g + 1][0].start : sentence.end;
    const last = group[group.length - 1];
    const before = text.slice(frameStart, head.start);
    const after = text.slice(last.end, frameEnd);
    // A habitual or generic statement reports no one event.
    // Not words quoted before or after it: "winning support every day" in quotes says nothing of "the G8 summit in July".
    if (HABITUAL.test(withoutQuotes(text.slice(lastBreak(text, frameStart, head.start), head.start)) + text.slice(head.start, last.end) + withoutQuotes(text.slice(last.end, nextBreak(text, last.end, frameEnd))))) return;
    let status = eventStatus(text.slice(sentence.start, head.start), after, sentence.kind === 'title');
    const negated = status === null;
    // Arguments from the sentence's tree where it was parsed; the word patterns where it was not, or where the tree found no party.
    const tree = parsed ? treeArguments(doc, refs, parsed, head, type, last) : null;
    // "the negotiating table", "the meeting room": a trigger word that modifies another noun names a kind of thing, not an event.
    if (tree && parsed && modifiesOtherNoun(parsed, tree.head, triggers)) return;
    // "the 19 February meets": "meets" as a noun is a sporting or hunting fixture, not a meeting.
    if (tree && parsed && /^meets?$/i.test(text.slice(head.start, head.end)) && parsed.tokens[tree.head].upos === 'NOUN') return;
    // "a NGO called Preemptive Love Coalition", "a checkpoint called Hajer": a participle that names, not a call.
    if (tree && parsed && /^called$/i.test(text.slice(head.start, head.end)) && parsed.tokens[tree.head].xpos === 'VBN' && /^acl/.test(parsed.tokens[tree.head].deprel)) return;
    // "Yingluck Shinawatra talks to media": "talks" as a verb is speaking, not negotiating.
    if (tree && parsed && /^talks$/i.test(text.slice(head.start, head.end)) && parsed.tokens[tree.head].upos === 'VERB') return;
    // "ex-chatshow host Robert Kilroy-Silk": "host" as a noun is a job, not hosting.
    if (tree && parsed && /^host/i.test(text.slice(head.start, head.end)) && parsed.tokens[tree.head].upos === 'NOUN') return;
    // "meet his fiscal rules", "targets for the airport can be met": what is met is a requirement, not a party.
    if (tree && parsed && meetsARequirement(parsed, tree.head)) return;
    // Arguments from the tree where it was parsed, with those the word patterns find that the tree does not rule out
    // (the parser misplaces many a "with" phrase and title); the word patterns alone where it was not parsed.
    const fromWords = findParticipants(doc, refs, sentence, head, last, frameStart, frameEnd);
    // "The visit to Sheffield will be seen as ...": the trigger is a noun where the tree says so, whatever its pattern guessed.
    const nounTrigger = head.pos === 'noun' || (tree !== null && parsed !== undefined && parsed.tokens[tree.head].upos === 'NOUN');
    const byTree = tree && parsed ? treeParticipants(doc, refs, tree, /^host/i.test(text.slice(head.start, head.end))) : null;
    const participants = byTree && parsed ? withWordParticipants(byTree, fromWords, (p) => (!isLocality(doc, p.entity) || namedAsParty(text, p)) && !inLocative(doc, text, p) && !(type === 'VISIT' && isPlaceEntity(doc, p.entity)) && (!p.mention || !treeRulesOut(doc, refs, parsed, head, p.mention, type === 'VISIT'))) : fromWords;
    // "Two councillors who back Mr Flight met Mr Tanguay": a name right after a relative clause's verb, just before the
    // trigger, is that clause's object, not the trigger's subject (the parser often misses "who back" as a clause).
    dropParticipants(participants, (x) => !!x.mention && x.mention.end <= head.start && /^\s*$/.test(text.slice(x.mention.end, head.start)) && /\b(?:who|that)\s+(?:\p{Ll}+\s+){1,2}$/u.test(text.slice(Math.max(0, x.mention.start - 40), x.mention.start)));
    // "the Pakistani president's visit": a country named only as the office of one person is not the party; that person is.
    // The mention may already hold the office ("Israeli counterpart"): the words after its first are tested too.
    const officeAfter = (m: Span) => OFFICE_AFTER_DEMONYM.test(text.slice(m.end, m.end + 30)) || OFFICE_AFTER_DEMONYM.test(text.slice(m.start, m.end + 30).replace(/^\S+/, ''));
    dropParticipants(participants, (x) => !!x.mention && officeAfter(x.mention) && isPlaceEntity(doc, x.entity));
    // A name that modifies a noun is no party: "will visit an HIV/Aids orphanage" (a name takes no "a" of its own).
    // A gathering's own modifier is its party, though: "attended a BNP meeting".
    dropParticipants(participants, (x) => !!x.mention && modifiesNounAfterArticle(text, x.mention) && !/^\s*$/.test(text.slice(x.mention.end, head.start)) && !GATHERING_AFTER.test(text.slice(x.mention.end, x.mention.end + 40)));
    // "visits Manchester, Leicester, Dorset and Torbay": what a visit lists with a place is a place, whatever its type.
    if (type === 'VISIT') dropParticipants(participants, (x) => !!x.mention && listedWithPlaceAfter(text, refs, last.end, x.mention.start));
    // "The two companies held talks", "the pair met": a group named by number stands for the story's two of that kind.
    if (participants.list.length < 2) addGroupAntecedents(doc, refs, frameStart, frameEnd, participants);
    // "Mr Pound says he rang Lucy ..., they met up": "they" meeting after two people are named is those two.
    if (participants.list.length < 2 && /\b[Tt]hey\s+(?:(?:have|had|then|later|first|finally|also|will|would|were|are)\s+){0,2}$/.test(before)) addTheyPair(doc, refs, index, head.start, participants);
    // Where the tree found no one at a gathering (the parser often loses the subject of a long sentence), the words
    // still say who was there: "Musharraf has said during a visit to Britain", "At a news conference ..., Mr Abbas said".
    if (!participants.list.length && nounTrigger) addSpeakerPresent(doc, refs, sentence, head, last, participants);
    // "One option being discussed with other ministries": "discuss" is talks only through the two sides it names; with
    // fewer than two found it says nothing of who talked.
    if (/^discuss(?:ed|es|ing)?$/i.test(text.slice(head.start, head.end)) && participants.list.length < 2) return;
    // "Visitors can take private tours of Parliament": a visit by nobody named to nowhere named is no event.
    if (type === 'VISIT' && !participants.list.length && !tree?.place && !findPlace(text, refs, participants.entities, head.end, nextBreak(text, last.end, frameEnd), lastBreak(text, frameStart, head.start), head.start)) return;
    // "Lyon will host the semi-finals": hosting is a meeting only when someone is hosted, or when what is hosted is a
    // gathering ("Prince Charles and Mrs Parker Bowles hosted a dinner at Windsor Castle": its hosts are at it).
    if (/^host/i.test(head.end > head.start ? text.slice(head.start, head.end) : '') && !participants.list.some((p) => p.role === 'guest') && !HOSTED_GATHERING.test(text.slice(last.end, last.end + 40))) return;
    // "He will visit Tanzania before chairing a meeting", "Talks aimed at ... will take place this weekend": a clause the
    // trigger belongs to, or one it modifies, that is in the future tense makes the event planned.
    if (status === 'OCCURRED' && tree && parsed && futureAbove(parsed, tree.head) && !conditionOnOutcome(text.slice(sentence.start, head.start), after)) status = 'PLANNED';
    // "hoping to strike a deal at a June summit": what is wished is the deal; the gathering where it would be struck
    // is one still to come, not one proposed.
    if (status === 'PROPOSED' && tree && parsed && nounTrigger && settingOfVerb(parsed, tree.head)) status = 'PLANNED';
    // "The government is holding a further meeting on Friday", "ministers meet on Thursday": the present progressive or
    // simple present with a day is an arrangement.
    if (status === 'OCCURRED' && tree && parsed && progressiveWithDay(parsed, tree.verb ?? tree.head, text.slice(last.end, frameEnd))) status = 'PLANNED';
    // "following the recent G7 meeting", "urged the WTO to conclude negotiations": a gathering called recent or last, or
    // one to be concluded, continued or suspended, has taken place, whatever is asked of it.
    if (status !== 'OCCURRED' && status !== null && tree && parsed && nounTrigger && takenPlace(parsed, tree.head)) status = 'OCCURRED';
    // "Paid leave would be increased by 2007, Ms Hewitt told GMTV": a trigger verb in the simple past happened, whatever
    // the words before it say of something else; not in a condition ("if they met").
    if ((status === 'PLANNED' || status === 'HYPOTHETICAL' || status === 'PROPOSED') && tree && parsed && simplePast(parsed, tree.head)) status = 'OCCURRED';
    // "..., he told a conference on ageing", "Speaking at the conference he said": a gathering one spoke to or attended
    // in the simple past took place.
    // "Before visiting Israel, Mr Blair made a surprise visit to Iraq": what came before or after something that
    // happened happened too.
    else if (status === 'PLANNED' && tree && parsed && beforeOrAfterPast(parsed, tree.head)) status = 'OCCURRED';
    else if ((status === 'PLANNED' || status === 'HYPOTHETICAL') && tree && parsed && tree.verb !== null && tree.verb !== tree.head && ATTENDED_IN_PAST.test(parsed.tokens[tree.verb].text) && simplePast(parsed, tree.verb)) status = 'OCCURRED';
    // "the talks", "the three-day conference", "Thursday's meeting": a gathering named as one already told of.
    const anaphoric = nounTrigger && ANAPHOR_BEFORE.test(before.slice(-32)) && !participants.explicitList;
    const future = status === 'PLANNED';
    const dates = dateMentions(text, sentence.start, sentence.end, doc.publishedAt, future);
    const undatedStatus = status === 'PROPOSED' || status === 'HYPOTHETICAL' || status === 'DECLINED';
    const usable: typeof dates = undatedStatus ? dates.filter((d) => d.start >= last.end && d.end <= frameEnd) : dates.filter((d) => d.end <= frameEnd && d.start >= frameStart - 80);
    // "the reform plans agreed in Lisbon in 2000": a date inside a clause that modifies another noun dates that clause,
    // not the event. Dropped only where the tree shows it.
    const otherClause = tree && parsed ? dates.filter((d) => datesOtherClause(parsed, d, tree)) : [];
    for (let k = usable.length - 1; k >= 0; k--) if (otherClause.includes(usable[k])) usable.splice(k, 1);
    let ownDate = usable.length > 0;
    if (!usable.length && !undatedStatus && !anaphoric) {
      usable.push(...dates.filter((d) => !otherClause.includes(d)));
      ownDate = usable.length > 0;
    }
    const date = usable.length ? usable.reduce((best, d) => (Math.abs(d.start - head.start) < Math.abs(best.start - head.start) ? d : best)) : null;
    // The tree's place where it found one; the locative patterns otherwise (the parser often hangs "at the White House" on a name).
    const treePlace = tree?.place && !participants.entities.has(tree.place) ? tree.place : null;
    // A call has no one place; an interview given to an outlet is placed only by the tree ("told BBC Radio 4's
    // Westminster Hour" names a programme, not Westminster).
    const place = type === 'CALL' ? null : type === 'INTERVIEW' ? treePlace : treePlace ?? findPlace(text, refs, participants.entities, head.end, nextBreak(text, last.end, frameEnd), lastBreak(text, frameStart, head.start), head.start);
    // "Speaking to the BBC's Westminster Hour, Mr Kennedy said": speaking to an organisation (an outlet) is an interview, not a call.
    const interview = type === 'CALL' && /^(?:spoke|spoken|speak|speaks|speaking|talked)\b/i.test(text.slice(head.start, head.end)) && participants.list.length > 1 && participants.list.slice(1).every((p) => doc.entities.some((e) => e.id === p.entity && e.type === 'ORGANIZATION'));
    // "is to hold talks with both Iraq and Afghanistan", "talks with Chile and with Peru": two counterparts, each met
    // by the other side apart, are two events, not one where Iraq met Afghanistan.
    for (const group of apartCounterparts(text, last.end, frameEnd, participants.list)) out.push({
      type: interview ? 'INTERVIEW' : type,
      // Nothing dated after the article was written has happened yet: "a summit next July" is planned.
      status: (status ?? 'OCCURRED') === 'OCCURRED' && date && afterPublication(date.date, doc.publishedAt) ? 'PLANNED' : (status ?? 'OCCURRED'),
      negated,
      participants: group,
      place,
      date: date?.date ?? null,
      datePrecision: date?.precision ?? null,
      time: clockTime(text, last.end, frameEnd),
      trigger: { start: head.start, end: last.end, text: text.slice(head.start, last.end) },
      evidence: [{ start: sentence.start, end: sentence.end }],
      mentions: [{ trigger: { start: head.start, end: last.end, text: text.slice(head.start, last.end) }, sentence: { start: sentence.start, end: sentence.end } }],
      confidence: 0,
      sentence: index,
      lastSentence: index,
      anaphoric,
      joins: /\b(?:represent|attend|join|lead|head|take part|participate)s?\b/i.test(before),
      ownDate,
      treeFound: new Set(byTree ? byTree.list.map((p) => p.entity) : []),
      namedBy: tree?.namedBy ?? [],
      owned: tree?.owned ?? false,
    });
  });
  // "greets Adel al-Jubeir before a meeting", "a news conference after their meeting": a gathering named as what
  // came before or after another, with no party of its own, has the other's parties.
  for (let i = 1; i < out.length; i++) {
    if (out[i].participants.length || !out[i - 1].participants.length) continue;
    if (SEQUENCE_BEFORE.test(text.slice(out[i - 1].trigger.end, out[i].trigger.start))) out[i].participants = out[i - 1].participants.map((p) => ({ ...p }));
  }
  return out;
}

/** What follows "hosted" when it is a gathering: "hosted a dinner", "hosts the talks", "hosted a reception for". */
const HOSTED_GATHERING = /^\s+(?:a|an|the|their|his|her|its)\s+(?:[\p{L}-]+\s+){0,2}?(?:dinner|lunch|luncheon|breakfast|reception|banquet|party|meeting|conference|summit|talks|gathering|event)s?\b/iu;

/** A verb of saying, then "during"/"at" and the gathering: "has said during a visit", "told reporters at a summit". */
const SAID_AT = /\b(?:said|says|told|tells|spoke|speaks|speaking|added|warned|insisted|announced)\s+(?:[\p{L}-]+\s+){0,3}?(?:during|at|on|after)\s+(?:a|an|the|his|her|their|its)\s+(?:[\p{L}\d-]+\s+){0,3}$/iu;
/** A sentence opening "At/During <gathering ...>," before the clause that says who spoke there. */
const FRONTED_GATHERING = /^\s*(?:At|During|After|Following|Ahead of|Before|Speaking (?:at|after|before|during))\s+(?:a|an|the|his|her|their|its|[\p{L}]+['’]s)\s+(?:[\p{L}\d-]+\s+){0,2}$/u;
/** A name (with its title words) or a pronoun, then a verb of saying: the speaker of a clause. */
const SPEAKER_THEN_SAYS = /^\s*(?:[\p{L}.'’-]+\s+){0,6}?(?:said|says|told|added|warned|insisted|announced)\b/u;

/**
 * Who spoke during or at a gathering was at it: the person whose saying the gathering modifies. Read from the words:
 * "President Musharraf of Pakistan has said during a visit to Britain" (the speaker before the verb), "At a news
 * conference following talks with Mr Blair, Mr Abbas said" (the speaker after the fronted phrase).
 */
function addSpeakerPresent(doc: Doc, refs: Ref[], sentence: Span, head: Trigger, last: Trigger, found: FoundParticipants): void {
  const text = doc.text;
  const before = text.slice(sentence.start, head.start);
  const person = (r: Ref) => r.type === 'PERSON' && !r.indirect;
  let speaker: Ref | undefined;
  const said = SAID_AT.exec(before);
  if (said) {
    const verbAt = sentence.start + said.index;
    // The nearest person before the verb, outside any quote (quotes close before a reported speaker).
    const candidates = refsStartingIn(refs, sentence.start, verbAt).filter((r) => person(r) && !/["“”]/.test(text.slice(r.end, verbAt)));
    speaker = candidates.at(-1);
  } else if (FRONTED_GATHERING.test(before)) {
    const comma = text.indexOf(',', last.end);
    if (comma > 0 && comma < sentence.end) {
      const next = findRefFrom(refs, comma, person, sentence.end);
      // Only title words between the comma and the name: "..., Mr Abbas said", "..., the minister, Jane Hutt, said".
      if (next && /^[\s,]*(?:[\p{L}.]+\s+){0,4}$/u.test(text.slice(comma + 1, next.start)) && SPEAKER_THEN_SAYS.test(text.slice(next.end))) speaker = next;
    }
  }
  if (speaker) addFound(found, speaker.entity, { start: speaker.start, end: speaker.end });
}

/** After "called": a name or pronoun, then a quote or an indefinite noun phrase, is the naming sense. */
const CALLED_AS_NAMING = /^\s+(?:(?:him|her|them|it|(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}|(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*['’]s\s+(?:[\p{L}-]+\s+){1,3}))\s*(?:["“'‘]|an?\s)/u;

const SEQUENCE_BEFORE = /\b(?:following|after|before|ahead of)\s+(?:(?:a|an|the|their|his|her|its)\s+)?(?:[\p{L}.-]+\s+){0,4}$/u;

/** A singular office right after a demonym: "Pakistani president", "French foreign minister's". */
const OFFICE_AFTER_DEMONYM = /^\s+(?:(?:deputy|vice|acting|former|new)\s+)?(?:president|prime minister|premier|leader|king|queen|chancellor|(?:foreign|defen[cs]e|finance|interior|trade) minister|minister|(?:foreign |home |defen[cs]e |treasury |commerce |energy )?secretary(?: of state)?|secretary-general|attorney general|ambassador|envoy|general|commander|monarch|ruler|counterpart)(?:['’]s)?\b/i;

/** Phrases that name a group of two by number; the capture says what kind of entity the group is made of. */
const GROUP_OF_TWO = /\b(?:the\s+(pair|duo)|(?:the\s+two|both(?:\s+the)?)\s+(?:(men|women|leaders|ministers|presidents|politicians)|(sides)|(companies|firms|groups|banks|unions|parties|clubs)|(countries|nations|governments|states))|(both)(?=\s+(?:met|meet|held|have|had|were|are|will|agreed|sat|spoke)\b))\b/gi;

/**
 * "The two companies held four days of talks", "the pair met in Paris", "both leaders": when an event has fewer
 * than two parties and its clause names a group of two by number, the group is the two entities of its kind the
 * article has named most before it (the story's two), as a reader takes them. "The pair" and "both" mean people.
 */
function addGroupAntecedents(doc: Doc, refs: Ref[], frameStart: number, frameEnd: number, found: FoundParticipants): void {
  GROUP_OF_TWO.lastIndex = 0;
  const phrase = GROUP_OF_TWO.exec(doc.text.slice(frameStart, frameEnd));
  // "the two unions' executives hold their meetings": a possessive group owns what follows, each its own.
  if (!phrase || /^['’]/.test(doc.text.slice(frameStart + phrase.index + phrase[0].length))) return;
  const start = frameStart + phrase.index;
  const country = (r: Ref) => r.type === 'PLACE' && r.placeKind === 'COUNTRY';
  const kind: (r: Ref) => boolean = phrase[3]
    ? (r) => r.type === 'PERSON' || r.type === 'ORGANIZATION' || country(r)
    : phrase[4]
      ? (r) => r.type === 'ORGANIZATION'
      : phrase[5]
        ? country
        : (r) => r.type === 'PERSON';
  // The two of that kind the article has named most often before the phrase (the story's two), the later named first on ties.
  const count = new Map<string, { ref: Ref; n: number; last: number }>();
  for (let i = 0; i < refs.length && refs[i].end <= start; i++) {
    const r = refs[i];
    if (!kind(r)) continue;
    const c = count.get(r.entity);
    if (c) {
      c.n++;
      c.last = r.start;
    } else count.set(r.entity, { ref: r, n: 1, last: r.start });
  }
  const picked = [...count.values()].sort((x, y) => y.n - x.n || y.last - x.last).slice(0, 2).map((c) => c.ref);
  if (picked.length < 2) return;
  const mention = { start, end: start + phrase[0].length };
  for (const r of picked) addFound(found, r.entity, mention);
  found.explicitList = true;
}

/** "They met": the last two people named in this sentence and the one before, when exactly two are named there. */
function addTheyPair(doc: Doc, refs: Ref[], sentenceIndex: number, at: number, found: FoundParticipants): void {
  const from = doc.sentences[Math.max(0, sentenceIndex - 1)].start;
  const people = new Map<string, Ref>();
  for (const r of refsStartingIn(refs, from, at)) if (r.type === 'PERSON' && !people.has(r.entity)) people.set(r.entity, r);
  if (people.size !== 2) return;
  for (const r of people.values()) addFound(found, r.entity, { start: r.start, end: r.end });
  found.explicitList = true;
}

/** Adds a participant named at `mention`, unless it is one already. */
function addFound(found: FoundParticipants, entity: string, mention: Span): void {
  if (found.entities.has(entity)) return;
  found.entities.add(entity);
  found.list.push({ entity, role: 'participant', mention });
}

/** The tree's arguments as participants with roles (host and guests for "host"). */
function treeParticipants(doc: Doc, refs: Ref[], tree: TreeArguments, hosted: boolean): FoundParticipants {
  const list: Participant[] = [];
  const seen = new Set<string>();
  for (const a of tree.participants) {
    if (seen.has(a.entity)) continue;
    seen.add(a.entity);
    list.push({ entity: a.entity, role: hosted ? (a.slot === 'subject' ? 'host' : 'guest') : 'participant', mention: nounPhrase(doc.text, a.span, refs) });
  }
  return { list, entities: seen, explicitList: tree.participants.length >= 2 };
}

/** Whether the date at `span` hangs, in the tree, under a clause modifying a noun (acl, relative clause) that the trigger is not in. */
function datesOtherClause(parsed: ParsedSentence, span: Span, tree: TreeArguments): boolean {
  const tokens = parsed.tokens;
  const at = tokens.findIndex((t) => t.start >= span.start && t.end <= span.end);
  if (at < 0) return false;
  const mine = new Set<number>();
  for (let k = tree.head; k >= 0 && mine.size < 64; k = tokens[k].head) mine.add(k);
  for (let k = tokens[at].head, steps = 0; k >= 0 && steps < 64; k = tokens[k].head, steps++) {
    if (mine.has(k)) return false;
    // A noun-modifying clause that is not above the trigger, or a reported clause ("told BBC Wales he had agreed with
    // Ms Hutt in 2003"): the date is that clause's.
    if (/^(?:acl|ccomp)/.test(tokens[k].deprel)) return true;
  }
  return false;
}

/**
 * Whether the trigger's clause is in the future tense: from the trigger up through its verb (a noun's governing verb),
 * then up through adverbial and complement clauses ("will visit ... before chairing a meeting"), the first verb with a
 * tense decides: "will"/"shall" is future, a past form or past auxiliary is not. Reported speech (ccomp) is not crossed.
 */
function futureAbove(parsed: ParsedSentence, head: number): boolean {
  const tokens = parsed.tokens;
  const auxOf = (v: number) => tokens.filter((t) => t.head === v && (t.deprel === 'aux' || t.deprel === 'aux:pass'));
  let at = head;
  if (tokens[at].upos !== 'VERB' && tokens[at].upos !== 'AUX') {
    // "Officials at the two-day summit will plan ...": a gathering that modifies a verb's argument shares its clause.
    if (tokens[at].deprel === 'nmod' && tokens[at].head >= 0) at = tokens[at].head;
    if (!/^(?:nsubj|nsubj:pass|obj|obl|iobj)$/.test(tokens[at].deprel) || tokens[at].head < 0) return false;
    at = tokens[at].head;
  }
  for (let steps = 0; steps < 4 && at >= 0; steps++) {
    const t = tokens[at];
    if (t.upos !== 'VERB' && t.upos !== 'AUX') return false;
    const aux = auxOf(at);
    if (aux.some((a) => /^(?:will|shall|'ll|wo)$/i.test(a.text))) return true;
    // "is expected to call for ... at a meeting on Sunday", "are due to hold talks": expectation and schedule look ahead.
    if (/^(?:expected|due|set|scheduled|planning|planned|going|poised)$/i.test(t.text) && tokens.some((c) => c.head === at && c.deprel === 'xcomp')) return true;
    if (t.xpos === 'VBD' || aux.some((a) => /^(?:had|did|was|were|has|have)$/i.test(a.text) || a.xpos === 'VBD')) return false;
    if (!/^(?:advcl|xcomp|acl)$/.test(t.deprel)) return false;
    at = t.head;
  }
  return false;
}

/** The text with every complete quotation ("...", “...”) blanked out. */
function withoutQuotes(s: string): string {
  return s.replace(/"[^"]*"|“[^”]*”/g, (q) => ' '.repeat(q.length));
}

/** A gathering noun right after a name ("a BNP meeting", "a Labour party conference"). */
const GATHERING_AFTER = /^\s+(?:[\p{Ll}-]+\s+)?(?:meetings?|conferences?|summits?|talks|rall(?:y|ies)|dinners?|receptions?|gatherings?|sessions?)\b/u;

/** "an HIV/Aids orphanage", "a Labour MP": a name after "a"/"an" and before a lower-case word modifies that word. */
function modifiesNounAfterArticle(text: string, m: Span): boolean {
  return /\b(?:a|an)\s+$/i.test(text.slice(Math.max(0, m.start - 4), m.start)) && /^\s+\p{Ll}[\p{L}-]*\b(?!\s+(?:of|to|for|and|or|in|on|at|with)\b)/u.test(text.slice(m.end, m.end + 40)) && !/^\s+(?:and|or|in|on|at|with|to|for|of|who|which|that|said|says|is|was|has|had|will|would)\b/i.test(text.slice(m.end, m.end + 12));
}

/**
 * The participant sets of a trigger whose "with" names counterparts met apart ("with both A and B", "with A and with
 * B"): one set per counterpart, each with the parties named before the "with". Otherwise the one set given.
 */
function apartCounterparts(text: string, from: number, to: number, list: Participant[]): Participant[][] {
  const apart = /^\s+(?:[\p{Ll}-]+\s+){0,2}?with\s+(?:both\s+(?=[^,;.]*?\band\b)|(?=[^,;.]*?\band\s+with\b))/u.exec(text.slice(from, to));
  if (!apart) return [list];
  const at = from + apart[0].length;
  const counterparts = list.filter((p) => p.mention && p.mention.start >= at);
  const others = list.filter((p) => !counterparts.includes(p));
  if (counterparts.length < 2 || !others.length) return [list];
  return counterparts.map((c) => [...others.map((p) => ({ ...p })), c]);
}

/** Removes the participants `drop` picks, from the list and the entity set alike. */
function dropParticipants(found: FoundParticipants, drop: (p: Participant) => boolean): void {
  for (const p of found.list.filter(drop)) {
    found.list.splice(found.list.indexOf(p), 1);
    found.entities.delete(p.entity);
  }
}

/** Whether a gathering noun is where its verb's act happens ("strike a deal at a June summit"), not what the verb asks for. */
function settingOfVerb(parsed: ParsedSentence, head: number): boolean {
  const tk = parsed.tokens[head];
  if (tk.head < 0) return false;
  const up = parsed.tokens[tk.head];
  // The parser often hangs the place of the act on the act's object ("a deal at a June summit").
  const onVerb = tk.deprel.startsWith('obl') ? up.upos === 'VERB' : tk.deprel === 'nmod' && up.deprel === 'obj' && up.head >= 0 && parsed.tokens[up.head].upos === 'VERB';
  if (!onVerb) return false;
  return parsed.tokens.some((t) => t.head === head && t.deprel === 'case' && /^(?:at|during|in)$/i.test(t.text));
}

/** Past forms of verbs that say the gathering they govern took place: told, addressed, attended, chaired, held, hosted. */
const ATTENDED_IN_PAST = /^(?:told|addressed|attended|chaired|held|hosted|opened|spoke|joined|left|briefed)$/i;

/** The words before a gathering noun that refer back to one ("the", "this", "the three-day", "Thursday's"). */
const ANAPHOR_BEFORE = /\b(?:the|these|those|that|this|such)\s+(?:[\w-]+\s+)?$|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)['’]s\s+(?:[\w-]+\s+)?$/i;

/** A gathering noun whose words say it has begun: "the recent meeting", "the last summit", "conclude the negotiations". */
function takenPlace(parsed: ParsedSentence, head: number): boolean {
  const tokens = parsed.tokens;
  if (tokens.some((t) => t.head === head && t.deprel === 'amod' && /^(?:recent|last|previous|earlier|latest|past|ongoing|continuing)$/i.test(t.text))) return true;
  const tk = tokens[head];
  return tk.deprel === 'obj' && tk.head >= 0 && /^(?:conclude|concludes|concluded|concluding|complete|completes|completed|completing|continue|continues|continued|continuing|suspend|suspends|suspended|suspending|finish|finishes|finished|finishing|wrap)$/i.test(tokens[tk.head].text);
}

/**
 * Whether the verb is in the present progressive ("is holding", "are meeting") or the simple present ("meet") and what
 * follows names a day (or, for the progressive, this week).
 */
function progressiveWithDay(parsed: ParsedSentence, verb: number, after: string): boolean {
  const tk = parsed.tokens[verb];
  // "EU finance ministers meet on Thursday": the simple present with a day is a timetable, as news writes it.
  if ((tk.xpos === 'VBP' || tk.xpos === 'VBZ') && !parsed.tokens.some((t) => t.head === verb && /^aux/.test(t.deprel))) return /^[^.;]{0,40}?\bon (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)/.test(after);
  if (tk.xpos !== 'VBG') return false;
  const aux = parsed.tokens.filter((t) => t.head === verb && (t.deprel === 'aux' || t.deprel === 'aux:pass'));
  if (aux.length !== 1 || !/^(?:is|are|am|'s|'re)$/i.test(aux[0].text)) return false;
  return /^[^.;]{0,80}?\b(?:on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|this (?:week|weekend|month)|tomorrow|tonight)\b/.test(after);
}

/** Whether the trigger hangs, by "before"/"after"/"ahead of", on a verb in the simple past ("Before visiting Israel, he made ..."). */
function beforeOrAfterPast(parsed: ParsedSentence, head: number): boolean {
  const tokens = parsed.tokens;
  const tk = tokens[head];
  if (!/^(?:advcl|obl)/.test(tk.deprel) || tk.head < 0) return false;
  const marker = tokens.find((t) => t.head === head && (t.deprel === 'mark' || t.deprel === 'case') && /^(?:before|after|ahead|prior|following)$/i.test(t.text));
  return !!marker && simplePast(parsed, tk.head);
}

/** Whether the trigger is a verb in the simple past (VBD) with no auxiliary of its own, outside a condition. */
function simplePast(parsed: ParsedSentence, head: number): boolean {
  const tokens = parsed.tokens;
  const tk = tokens[head];
  if (tk.upos !== 'VERB' || tk.xpos !== 'VBD') return false;
  const kids = tokens.filter((t) => t.head === head);
  if (kids.some((t) => t.deprel === 'aux' || t.deprel === 'aux:pass')) return false;
  for (let k = head, steps = 0; k >= 0 && steps < 3; k = tokens[k].head, steps++) if (tokens.some((t) => t.head === k && t.deprel === 'mark' && /^(?:if|unless|whether|lest)$/i.test(t.text))) return false;
  return true;
}

/** Whether a "meet" verb's object (or passive subject) is a requirement: the satisfy sense. */
function meetsARequirement(parsed: ParsedSentence, head: number): boolean {
  const tk = parsed.tokens[head];
  if (!/^(?:meet|meets|met|meeting)$/i.test(tk.text) || (tk.upos !== 'VERB' && tk.upos !== 'AUX')) return false;
  const satisfied = (i: number) => parsed.tokens[i].upos === 'NOUN' && SATISFY_NOUN.test(parsed.tokens[i].text);
  return parsed.tokens.some((c, i) => {
    if (c.head !== head || (c.deprel !== 'obj' && c.deprel !== 'nsubj:pass')) return false;
    // "meet it": a person is never "it". "met all of its promises", "meet some of the targets": the quantity's whole is what is met.
    if (/^it$/i.test(c.text)) return true;
    return satisfied(i) || (/^(?:all|some|most|many|none|each|both|any|half|several)$/i.test(c.text) && parsed.tokens.some((d, j) => d.head === i && d.deprel.startsWith('nmod') && satisfied(j)));
  });
}

/** Whether the trigger's head token is an adjective or compound modifier of a noun that is no trigger itself. */
function modifiesOtherNoun(parsed: ParsedSentence, head: number, triggers: Trigger[]): boolean {
  const tk = parsed.tokens[head];
  // Only the -ing form names a kind ("negotiating table"): "a negotiated deal" says talks were held, and a tagger
  // that reads "greets" as a noun must not drop it.
  const participle = (tk.deprel === 'compound' || tk.deprel === 'amod') && /ing$/i.test(tk.text);
  if (!participle || tk.head < 0) return false;
  const g = parsed.tokens[tk.head];
  return g.upos === 'NOUN' && !triggers.some((t) => t.start < g.end && g.start < t.end);
}

/** A place smaller than a country never takes part: "Belfast IRA leaders" are the IRA's. */
function isLocality(doc: Doc, entity: string): boolean {
  const e = doc.entities.find((x) => x.id === entity);
  return !!e && e.type === 'PLACE' && e.place?.kind !== 'COUNTRY';
}

/** Whether the names from right after the trigger up to `at` form one list (commas, "and") with a place in it. */
function listedWithPlaceAfter(text: string, refs: Ref[], from: number, at: number): boolean {
  let pos = from;
  let place = false;
  for (const r of refsStartingIn(refs, from, at)) {
    if (!/^(?:\s+|,\s*|,?\s+and\s+)$/.test(text.slice(pos, r.start)) && pos !== from) return false;
    if (pos === from && !/^\s+$/.test(text.slice(pos, r.start))) return false;
    if (r.type === 'PLACE') place = true;
    pos = r.end;
  }
  return place && /^(?:,\s*|,?\s+and\s+)$/.test(text.slice(pos, at));
}

/** "visits Manchester, Liverpool and Torbay", "leaving Britain on a tour of Africa": a place a visit's words name is where it went or left, never who visited (the tree reads a visiting country as subject or owner). */
function isPlaceEntity(doc: Doc, entity: string): boolean {
  return doc.entities.some((e) => e.id === entity && e.type === 'PLACE');
}

/** A place named after "in", "at" or "from" ("arrives in Indonesia for a summit") is where, never who. */
function inLocative(doc: Doc, text: string, p: Participant): boolean {
  return !!p.mention && /\b(?:in|at|from|inside|across)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, p.mention.start - 10), p.mention.start)) && isPlaceEntity(doc, p.entity);
}

/** "talks with Moscow", "between London and Dublin": a place after with/between/among stands for its government. */
function namedAsParty(text: string, p: Participant): boolean {
  return !!p.mention && /\b(?:with|between|among|and)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, p.mention.start - 14), p.mention.start));
}

/** The tree's participants, then the word patterns' others that pass the check. */
function withWordParticipants(tree: FoundParticipants, words: FoundParticipants, keep: (p: Participant) => boolean): FoundParticipants {
  const list = [...tree.list];
  const entities = new Set(tree.entities);
  for (const p of words.list) {
    if (entities.has(p.entity) || !keep(p)) continue;
    entities.add(p.entity);
    list.push(p);
  }
  return { list, entities, explicitList: tree.explicitList || words.explicitList };
}

interface FoundParticipants {
  list: Participant[];
  entities: Set<string>;
  explicitList: boolean;
}

function findParticipants(doc: Doc, refs: Ref[], sentence: Span, head: Trigger, last: Trigger, frameStart: number, frameEnd: number): FoundParticipants {
  const text = doc.text;
  const list: Participant[] = [];
  const seen = new Set<string>();
  const add = (entity: string | null, role: string, span: Span) => {
    if (!entity || seen.has(entity)) return;
    seen.add(entity);
    list.push({ entity, role, mention: nounPhrase(text, span, refs) });
  };
  const clauseStart = lastBreak(text, frameStart, head.start);
  const afterTrigger = text.slice(last.end, frameEnd);
  const between = /^\s*(?:\w+\s+){0,2}?between\s/i.exec(afterTrigger);
  const withObj = /^\s*(?:\w+\s+){0,3}?(?:with|to)\s/i.exec(afterTrigger);
  let explicitList = false;
  const hosted = /^host/i.test(head.start < text.length ? text.slice(head.start, head.end) : '');
  if (between) {
    explicitList = true;
    const s = last.end + between[0].length;
    for (const r of npGroup(text, refs, s, frameEnd)) add(r.entity, 'participant', r);
    for (const p of pronounsIn(text, s, objectEnd(text, s, frameEnd))) add(resolvePronoun(doc, refs, p.start, new Set()), 'participant', p);
  } else {
    // Subject: the noun phrase closing the clause before the trigger.
    const subjectText = text.slice(clauseStart, head.start);
    const stop = lastMatchEnd(subjectText, SUBJECT_STOP);
    const subjStart = clauseStart + stop;
    const subject = subjectGroup(text, refs, subjStart, head.start);
    for (const r of subject) add(r.entity, hosted ? 'host' : 'participant', r);
    // "Anton will represent the US in the talks": the subject of the joining verb takes part too.
    const join = /\b(?:will |would |to )?(?:represent|attend|join|lead|head|take part in|participate in)s?\b/i.exec(subjectText);
    if (join) for (const r of subjectGroup(text, refs, clauseStart, clauseStart + join.index)) add(r.entity, 'participant', r);
    const rel = /,\s*who\s+(?:\w+\s+){0,3}$/i.exec(text.slice(sentence.start, head.start));
    if (!subject.length && rel) {
      const antecedent = refsIn(refs, sentence.start, sentence.start + rel.index).pop();
      if (antecedent) add(antecedent.entity, 'participant', antecedent);
    }
    const pron = /\b(he|she|himself|herself)\b(?:\s+\w+){0,4}\s*$/i.exec(text.slice(subjStart, head.start));
    if (!subject.length && pron) add(resolvePronoun(doc, refs, subjStart + pron.index, seen), 'participant', { start: subjStart + pron.index, end: subjStart + pron.index + pron[1].length });
    // Object: after "with"/"to" or directly after a verb.
    // "greets Adel al-Jubeir before a meeting": where one trigger group holds two, the verb's object follows the first.
    const objStart = head !== last && head.pos === 'verb' && npGroup(text, refs, head.end, last.start).length ? head.end : withObj ? last.end + withObj[0].length : head.pos === 'verb' ? last.end : -1;
    if (objStart >= 0) {
      const end = objectEnd(text, objStart, frameEnd);
      const obj = npGroup(text, refs, objStart, end);
      for (const r of obj) if (r.type !== 'PLACE' || r.indirect || head.type !== 'VISIT') add(r.entity, hosted ? 'guest' : 'participant', r);
      if (!obj.length) for (const p of pronounsIn(text, objStart, Math.min(end, objStart + 12))) add(resolvePronoun(doc, refs, p.start, seen), hosted ? 'guest' : 'participant', p);
    }
    // "a challenge from Zelenskiy to meet him": the challenger takes part.
    const from = /\bfrom\s+([^,;]*?)\s+to\s+$/i.exec(text.slice(clauseStart, head.start));
    if (from) for (const r of npGroup(text, refs, clauseStart + from.index + 5, head.start)) add(r.entity, 'participant', r);
    // "Russia says it sees them as a continuation of the negotiations": the speaker is a party.
    if (!list.length && head.pos === 'noun') {
      const opener = findRefFrom(refs, sentence.start, (r) => !r.indirect, sentence.start + 3);
      if (opener && opener.type !== 'PLACE' || opener?.placeKind === 'COUNTRY') if (/^\s*(?:says|said|sees|saw|wants|called|has|had)\b/.test(text.slice(opener!.end, opener!.end + 12))) add(opener!.entity, 'participant', opener!);
    }
  }
  return { list, entities: seen, explicitList };
}

/**
 * The whole noun phrase that names a participant: a person with the title before the name
 * ("U.S. District Judge Richard Matsch"), a country or organisation with the group noun after it
 * ("the UDA leaders").
 */
function nounPhrase(text: string, span: Span, refs: Ref[]): Span {
  let { start, end } = span;
  const ref = findRefFrom(refs, span.start, (r) => r.end === span.end, span.start + 1);
  if (!ref) return { start, end };
  if (ref.type === 'PERSON') {
    const from = Math.max(0, start - 60);
    const title = TITLE_RUN.exec(text.slice(from, start));
    if (title) start = from + title.index;
    // A phrase never starts with a function word: "of the State Department" is cut to "State Department".
    const lead = /^(?:(?:of|for|the)\s+)+/.exec(text.slice(start, span.start));
    if (lead) start += lead[0].length;
  } else {
    const party = PARTY_NOUN.exec(text.slice(end, end + 30));
    if (party) end += party[0].length;
  }
  return { start, end };
}

function lastBreak(text: string, from: number, to: number): number {
  let at = from;
  const slice = text.slice(from, to);
  CLAUSE_BREAK.lastIndex = 0;
  for (const m of slice.matchAll(CLAUSE_BREAK)) at = from + m.index! + m[0].length;
  return at;
}

function nextBreak(text: string, from: number, to: number): number {
  CLAUSE_BREAK.lastIndex = 0;
  const m = new RegExp(CLAUSE_BREAK.source, 'i').exec(text.slice(from, to));
  return m ? from + m.index : to;
}

function lastMatchEnd(s: string, re: RegExp): number {
  let end = 0;
  for (const m of s.matchAll(new RegExp(re.source, 'gi'))) end = m.index! + m[0].length;
  return end;
}

function objectEnd(text: string, start: number, frameEnd: number): number {
  const m = OBJECT_STOP.exec(text.slice(start, frameEnd));
  return m ? start + m.index : frameEnd;
}

function pronounsIn(text: string, start: number, end: number): Span[] {
  return [...text.slice(start, end).matchAll(/\b(?:him|her|himself|herself|he|she)\b/gi)].map((m) => ({ start: start + m.index!, end: start + m.index! + m[0].length }));
}

/** The references of one coordinated noun phrase starting near `start`, modifiers dropped. */
function npGroup(text: string, refs: Ref[], start: number, end: number): Ref[] {
  const inside = refsIn(refs, start, end);
  if (!inside.length) return [];
  const lead = text.slice(start, inside[0].start);
  if (!/^[\s\p{L}'’.,&-]*$/u.test(lead) || inside[0].start - start > 60) return [];
  // "the tomb of a former president, Anwar Sadat": a name after "<common noun> of" modifies that noun, unless the noun is a group or role.
  const of = /\b(\p{Ll}[\p{Ll}-]*)\s+of\b/u.exec(lead);
  if (of && !PARTY_NOUN.test(' ' + of[1]) && !TITLE_RUN.test(of[1] + ' ')) return [];
  const group: Ref[] = [inside[0]];
  for (let i = 1; i < inside.length; i++) {
    if (!LIST_GAP.test(text.slice(inside[i - 1].end, inside[i].start))) break;
    group.push(inside[i]);
  }
  return dropModifiers(text, group);
}

/** The references of the noun phrase ending right before `end` (the subject of a verb trigger). */
function subjectGroup(text: string, refs: Ref[], start: number, end: number): Ref[] {
  const inside = refsIn(refs, start, end);
  if (!inside.length) return [];
  const tail = text.slice(inside[inside.length - 1].end, end);
  if (!/^[\s\p{L}'’,-]*$/u.test(tail) || /\b(?:he|she|they|him|her)\b/i.test(tail) || tail.split(/\s+/).length > 8) return [];
  const group: Ref[] = [inside[inside.length - 1]];
  for (let i = inside.length - 2; i >= 0; i--) {
    if (!LIST_GAP.test(text.slice(inside[i].end, inside[i + 1].start))) break;
    group.unshift(inside[i]);
  }
  return dropModifiers(text, group);
}

/** In "Russia's President Vladimir Putin" or "US Special Envoy for Ukraine Keith Kellogg" only the person takes part. */
function dropModifiers(text: string, group: Ref[]): Ref[] {
  const out: Ref[] = [];
  for (let i = 0; i < group.length; i++) {
    const r = group[i];
    if (r.type !== 'PERSON') {
      const nextPerson = group.slice(i + 1).find((x) => x.type === 'PERSON');
      if (nextPerson && !/,|\band\b|&/.test(text.slice(r.end, nextPerson.start))) continue;
    }
    out.push(r);
  }
  return out;
}

function findPlace(textOf: string, refs: Ref[], participants: Set<string>, start: number, end: number, frameStart: number, triggerStart: number): string | null {
  const candidates = refsStartingIn(refs, Math.min(start, frameStart), Math.max(end, triggerStart)).filter((r) => r.type === 'PLACE' && !r.indirect && !participants.has(r.entity) && ((r.start >= start && r.end <= end) || (r.start >= frameStart && r.end <= triggerStart)));
  // Only places the text locates something at: "in Kyiv", "at the Dolmabahce Palace", "in the Ukrainian capital Kyiv".
  const located = candidates.filter((r) => LOCATIVE.test(textOf.slice(Math.max(0, r.start - 40), r.start)) && !modifiesPerson(textOf, refs, r));
  let best: Ref | null = null;
  for (const r of located) if (!best || (PLACE_RANK[r.placeKind ?? 'OTHER'] ?? 0) > (PLACE_RANK[best.placeKind ?? 'OTHER'] ?? 0)) best = r;
  return best?.entity ?? null;
}

/** "US" in "US President Donald Trump" describes the person; it is not where anything happens. */
function modifiesPerson(text: string, refs: Ref[], r: Ref): boolean {
  // Only a person within 50 characters counts, so the search stops there.
  const next = findRefFrom(refs, r.end, (x) => x.type === 'PERSON', r.end + 50);
  return !!next && next.start - r.end < 50 && LIST_GAP.test(text.slice(r.end, next.start)) && !/,|\band\b/.test(text.slice(r.end, next.start));
}

/** Whether a date (at its own precision) lies wholly after the publication day. */
function afterPublication(date: string, publishedAt: string | null): boolean {
  if (!publishedAt) return false;
  return date.length === 10 ? date > publishedAt : date.length === 7 ? date > publishedAt.slice(0, 7) : date > publishedAt.slice(0, 4);
}

/** Whether an event type belongs to the meeting family. */
export function isMeetingFamily(type: EventType): boolean {
  return MEETING_FAMILY.includes(type);
}

/** Statuses that say the event did not (yet) happen. */
export const NOT_HAPPENED: EventStatus[] = ['PLANNED', 'PROPOSED', 'HYPOTHETICAL', 'DECLINED', 'CANCELLED'];
