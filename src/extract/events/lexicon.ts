/**
 * Event triggers: verbs, nouns and light-verb phrases of the CAMEO consult family.
 */
import type { EventType } from '../types';

/** A trigger pattern: its type and whether it heads a clause as a verb or a noun. */
export interface TriggerPattern {
  re: RegExp;
  type: EventType;
  pos: 'verb' | 'noun';
  /** The match is no trigger where the sentence's text before it matches this (a lookbehind, tested per match). */
  notAfter?: RegExp;
}

/** Words that name a news outlet: agencies, broadcasters, programmes and papers ("BBC Radio 4", "the Financial Times"). */
const NEWS_OUTLET = String.raw`BBC|ITV|ITN|GMTV|CNN|Sky|Channel\s+4|Radio(?:\s+\d)?|TV|Television|News|Newsnight|Reuters|Bloomberg|AFP|AP|Associated\s+Press|Interfax|Tass|TASS|Xinhua|Times|Post|Journal|Telegraph|Guardian|Independent|Mail|Herald|Gazette|Tribune|Observer|Express|Mirror|Sun|Standard|Chronicle|Spectator|Economist|Magazine|Shimbun|Programme|Today|Online`;

/** Patterns in priority order; longer phrases first so they win overlaps. */
export const TRIGGERS: TriggerPattern[] = [
  { re: /\b(?:press|news|media) (?:conference|briefing)s?\b/gi, type: 'PRESS_CONFERENCE', pos: 'noun' },
  { re: /\b(?:phone|telephone|video) (?:call|conversation|talks?)s?\b/gi, type: 'CALL', pos: 'noun' },
  // A conference is a formal meeting ("the party's spring conference", "a conference hosted by Gordon Brown"); in lower
  // case only: "the Conference" of a sports league is a division, a conference room or centre is a place, and a
  // conference company or "party conference standards" name a trade and a yardstick.
  { re: /\bconferences?\b(?! (?:room|centre|center|hall|table|facilities|venue|season|title|league|champions?|calls?|platform|stage|circuit|compan(?:y|ies)|organi[sz]ers?|business|industry|standards)\b)/g, type: 'MEETING', pos: 'noun' },
  // Not to an audience: "speaks to journalists during a news conference" is press contact, not a call.
  { re: /\b(?:spoke|spoken|speak|speaks|speaking|talked) (?:(?:by|on the|over the) (?:tele)?phone )?(?:to|with)\b(?! (?:the )?(?:journalists|reporters|media|press|audience|crowd|students|supporters|delegates)\b)/gi, type: 'CALL', pos: 'verb' },
  // "Obama and Rouhani have spoken by telephone".
  { re: /\b(?:spoke|spoken|speak|speaks|speaking|talked) (?:by|on the|over the) (?:tele)?phone\b/gi, type: 'CALL', pos: 'verb' },
  // "was joined by the prime minister": being joined by someone is meeting them.
  { re: /(?<=\b(?:was|were|is|are|been|being|be)\s+(?:\w+\s+)?)joined(?= by\b)/gi, type: 'MEETING', pos: 'verb' },
  // Not "so-called".
  { re: /(?<!so-)\b(?:phoned|telephoned|called)\b(?= (?:[A-Z]|his|her|their))/g, type: 'CALL', pos: 'verb' },
  { re: /\bconversations?\b/gi, type: 'CALL', pos: 'noun' },
  { re: /\bsummits?\b/gi, type: 'SUMMIT', pos: 'noun' },
  { re: /\b(?:peace )?(?:talks|negotiations)\b/gi, type: 'TALKS', pos: 'noun' },
  // "held discussions with Japanese regulators": discussions with or between parties are talks (a discussion of a topic is not).
  { re: /\bdiscussions\b(?= (?:with|between)\b)/gi, type: 'TALKS', pos: 'noun' },
  { re: /\bnegotiat(?:ed|es|e|ing)(?: with)?\b/gi, type: 'TALKS', pos: 'verb' },
  // "he had discussed the campaign with the prime minister": to discuss something with someone is to hold talks
  // with them; discussing a topic alone ("the cabinet discussed the budget") names no other party, so no event. After
  // another gathering word in the sentence ("a meeting with Obama to discuss Syria", "met Kellogg in Kyiv, where they
  // discussed ...") it tells what that gathering was about, not another event. "With European help" is a means.
  // (The "another gathering word before" test is `notAfter`, run on the few matches: as a lookbehind of up to 160
  // characters it was tried at every position of every sentence, a fifth of the whole pipeline's time.)
  {
    re: /\bdiscuss(?:ed|es|ing)?\b(?=(?: (?!with\b)[\p{L}\d'’-]+){0,8} with (?!(?:regard|respect|reference|a view|(?:the |\p{L}+ )?(?:help|support|aid|assistance|backing))\b))/giu,
    type: 'TALKS',
    pos: 'verb',
    notAfter: /\b(?:meetings?|talks|summits?|conferences?|met|meet|meets|gathered|convened|visit|visited|visits|trip|call|called|phoned|dinner|lunch)\b[^.;]{0,160}$/iu,
  },
  { re: /\b(?:dialogue|parley)s?\b/gi, type: 'TALKS', pos: 'noun' },
  { re: /\b(?:debates?)\b(?! (?:over|about|on) (?:whether|the|how))/gi, type: 'DEBATE', pos: 'noun' },
  { re: /\binterview(?:ed|s|ing)?\b/gi, type: 'INTERVIEW', pos: 'verb' },
  // "Mr Howard told BBC Radio 4's Today programme", "told Reuters": telling a news outlet is giving it an interview.
  { re: new RegExp(String.raw`\b(?:told|tells|telling)\b(?= (?:the )?(?:[\p{Lu}\d][\p{L}\d.'’&-]*\s+){0,3}(?:${NEWS_OUTLET})(?:['’]s)?\b)`, 'gu'), type: 'INTERVIEW', pos: 'verb' },
  { re: /\b(?:convened?|convenes|convening|reconvened?)\b/gi, type: 'MEETING', pos: 'verb' },
  // An adverb may come between: "conferring instead with the President of South Korea".
  { re: /\b(?:conferr(?:ed|ing)|confers?)(?: (?:instead|again|privately|briefly|separately|later|\w+ly))? with\b/gi, type: 'MEETING', pos: 'verb' },
  // "face-to-face" names a meeting only as one ("a face-to-face with", "face-to-face talks"): a face-to-face service is none.
  { re: /\b(?:meetings?|encounters?|face-to-face(?= (?:with|between|meetings?|talks|encounters?)\b)|get-together|tête-à-tête)\b(?! (?:point|place|room|hall)s?\b)/gi, type: 'MEETING', pos: 'noun' },
  { re: /\b(?:meets|met|meet|meeting)\b(?: (?:up )?with)?/gi, type: 'MEETING', pos: 'verb' },
  { re: /\b(?:sat|sit|sits) down with\b/gi, type: 'MEETING', pos: 'verb' },
  // Shaking hands with someone is meeting them, as greeting is.
  { re: /\b(?:shakes|shook|shaking|shake|shaken) hands with\b/gi, type: 'MEETING', pos: 'verb' },
  // Greeting someone is meeting them (captions: "Erdogan, right, greets Saudi Arabia's Foreign Minister").
  { re: /\b(?:greets|greeted|greeting|greet)\b(?= (?:\p{Lu}|his |her |their |the |a |an |visiting |members |supporters |people |delegates |leaders ))(?! the (?:news|decision|announcement|move|result|results|plan|proposal|ruling|report|verdict|deal|offer|idea)\b)/gu, type: 'MEETING', pos: 'verb' },
  // A meal with someone is a meeting ("a dinner hosted by the deputy leader", "lunch with the chancellor"); a school dinner is not.
  // Lower case only: "Breakfast with Frost" is a programme.
  { re: /\b(?:working |state |private |official )?(?:dinner|lunch|luncheon|breakfast)s?\b(?= (?:with|hosted by|for|in honou?r of) )/g, type: 'MEETING', pos: 'noun' },
  // A rally in the sense of a gathering: one attended, held or spoken at, never a rise in prices.
  { re: /(?<=\b(?:at|during|to|addresse[sd]|address|held|holds?|attend(?:s|ed)?|told|organi[sz]ed|led)\s+(?:a|an|the|his|her|their|its|this|that|[\p{L}-]+['’]s)\s+(?:[\p{L}-]+\s+)?)rall(?:y|ies)\b/giu, type: 'MEETING', pos: 'noun' },
  // "ex-chatshow host Robert Kilroy-Silk", "talk show host": a broadcaster's job title, not hosting.
  { re: /(?<!\b(?:show|chatshow|chat-show|talkshow|TV|television|radio|programme|program|quiz|game|breakfast|co-)[\s-]?)\b(?:hosted|hosts|hosting|host)\b(?= (?:[A-Z]|his|her|their|a |the ))/g, type: 'MEETING', pos: 'verb' },
  { re: /\b(?:visited|visits|visiting|visit)\b/gi, type: 'VISIT', pos: 'verb' },
  // "touring South East Asian countries", "toured the flood zone": touring places is visiting them (not "a touring show").
  { re: /\b(?:touring|toured)\b(?= (?:\p{Lu}|the |a |an |his |her |their |its ))/gu, type: 'VISIT', pos: 'verb' },
  { re: /\b(?:visit|trip|tour)s? (?:to|of)\b/gi, type: 'VISIT', pos: 'noun' },
];

/** Event types counted as meetings ("who met whom"). */
export const MEETING_FAMILY: EventType[] = ['MEETING', 'TALKS', 'VISIT', 'SUMMIT', 'CALL'];

/** "room for further negotiations", "the need for talks": a gathering named as a possibility is no event. */
export const NOT_AN_EVENT_BEFORE = /\b(?:room|scope|need|appetite|basis|framework|mechanism|forum)\s+for\s+(?:(?:further|more|new|fresh|direct|formal|serious|any)\s+)?$/i;

/** Words that make a "meeting"/"talks" noun generic rather than an event ("meeting room", "talks about"). */
export const NOT_AN_EVENT_AFTER = /^\s*(?:room|point|place|hall|rooms|points|places|halls|about the talks)\b/i;

/**
 * What one meets in the sense of satisfy or receive, one list for the word patterns and the tree: requirements,
 * targets, rules, costs, promises, a reception ("meet with hostility"), "the ones" (targets named before).
 */
const SATISFIED_THINGS = 'agendas?|duty|duties|responsibilit(?:y|ies)|reception|welcome|silence|disbelief|dismay|anger|condemnation|timetables?|schedules?|mandates?|requirements?|obligations?|conditions?|demands?|targets?|goals?|objectives?|criteria|criterion|standards?|deadlines?|needs?|expectations?|approval|disapproval|resistance|opposition|criticism|challenges?|costs?|thresholds?|quotas?|commitments?|requests?|terms|qualifications?|specifications?|limits?|benchmarks?|payments?|debts?|bills?|expenses?|shortfalls?|success|failure|skepticism|scepticism|scrutiny|hostility|derision|applause|acclaim|protests?|outrage|objections?|responses?|reactions?|fate|end|ends|death|demise|match|halfway|eye|repayments?|interest|shortage|supply|supplies|capacity|budget|quorum|rules?|priorities|priority|concerns?|aims?|ambitions?|aspirations?|pledges?|promises?|tests?|wishes|hopes|ones|regulations?|guidelines?|directives?|norms?|forecasts?|estimates?|predictions?|projections?|levels?';

/**
 * "Meet" in the sense of satisfy or receive: its object is a requirement or a reception, not a
 * party ("meet the requirements", "met all conditions", "meeting its obligations", "meeting with
 * the approval of", "to meet the country's growing demand").
 */
export const MEET_SATISFY = new RegExp(String.raw`^\s+(?:with\s+)?(?:(?:that|this|these|those)\s+)?(?:(?!(?:to|and|or|in|at|on|for|with|by|who|which|that|from|about|over|after|before|during|than|as)\s)(?:[\p{Ll}\d$£€][\p{L}\d.,%'’$£€-]*|[\p{L}-]+['’]s)\s+){0,4}(?:${SATISFIED_THINGS})\b`, 'iu');

/** The passive of "meet" as satisfy: "whether the objectives could be met", "targets for the runway can be met", "criteria still had to be met". */
export const MET_AS_SATISFIED = new RegExp(String.raw`\b(?:${SATISFIED_THINGS})\s+(?:(?:for|of|on|in|at)\s+(?:[\p{L}\d'’-]+\s+){1,4}?)?(?:(?:could|can|would|will|may|might|must|should|have|has|had|to|not|never|yet|all|fully|easily|already|still)\s+){0,4}(?:be|been|being|is|are|was|were)\s+(?:(?:not|never|fully|all|easily|already)\s+)?$`, 'iu');

/** Idioms and senses of "meet" that name no meeting: "make ends meet"; a hunt meets to ride out ("270 hunts met legally", "hunt supporters to meet as normal"). */
export const MEET_IDIOM_BEFORE = /\b(?:make|makes|made|making)\s+(?:both\s+)?ends\s+$|\bhunts?(?:\s+(?:supporters|members|followers))?\s+(?:(?:to|will|would|have|had|did|all|still|also|legally|again)\s+){0,2}$/i;

/** "Talks" as a verb of speaking about a topic ("she talks of improving discipline") or to the press ("talks to reporters"), not a meeting; talking to supporters is meeting them. */
export const TALKS_AS_SPEAKING = /^\s+(?:of|about|to\s+(?:the\s+)?(?:media|reporters|journalists|press|newsmen))\b/i;

/** Habitual or generic uses name no one event: "tourists who visit Cuba every year", "meetings are often a waste", "after every meeting", "regular visits by naval ships". */
export const HABITUAL = /\b(?:every|each)\s+(?:(?:other|few|couple of|two|three|four|five|six|ten|\d+)\s+)?(?:days?|weeks?|months?|years?|summers?|winters?|springs?|autumns?|time)\b|\b(?:every|each|regular|frequent|repeated|routine)\s+(?:[\p{L}-]+\s+)?(?:meetings?|visits?|talks|trips?|summits?|encounters?|negotiations?)\b|\b(?:annually|regularly|routinely|usually|typically|generally|often|frequently|always|sometimes|rarely|seldom)\b/iu;

/** Head nouns of what one meets in the sense of satisfy: requirements, targets, rules, costs ("meet his golden economic rule", "noise targets for the airport can be met"). */
export const SATISFY_NOUN = new RegExp(String.raw`^(?:${SATISFIED_THINGS})$`, 'i');
