/**
 * Whether an event happened: OCCURRED, PLANNED ("will meet", "to hold talks"), PROPOSED
 * (offers, proposals, invitations), HYPOTHETICAL (conditions: "no movement without a
 * meeting"), DECLINED ("spurned a challenge to meet"), CANCELLED; null when negated.
 */
import type { EventStatus } from '../types';

const DECLINED = /\b(?:spurned|spurns|spurn|rejected|rejects|reject|declined|declines|decline|refused|refuses|refuse|turned down|snubbed|ruled out|rules out|dismissed)\b[^.;]*$/i;
const CANCELLED = /\b(?:cancel(?:l)?ed|cancels|called off|calls off|postponed|postpones|scrapped|suspended)\b/i;
// "may" in lower case only: "Theresa May" is a name, not a modal.
const HYPOTHETICAL = /\b(?:[Ww]ithout|[Uu]nless|[Ii]f|[Ww]hether|[Cc]ould|[Mm]ight|may)\b[^.;,]*$/;
const PROPOSED = /\b(?:proposed|proposes|propose|proposal|offered|offers|offer|invited|invites|invite|invitation|challenge[sd]?|called for|calls for|urged|urges|suggested|suggests|ready to|willing to|happy to|glad to|prepared to|keen to|eager to|want(?:s|ed)? to|hop(?:es|ed|ing|e) to|wish(?:es|ed)? to|seeking|seeks|push(?:ed|es)? for|open to|request(?:ed|s)?|asked|ask|asks|asking|favou?rs?|in favou?r of|proponents? of|advocates?|supports?|backs)\b[^.;]*$/i;
const PLANNED = /\b(?:will|'ll|shall|to be held|is to|are to|was to|were to|scheduled|set to|plans? to|planned|planning|expected to|due to|would|going to|upcoming|next week|later this|to hold|to meet|agreed to|agree to|agrees to|to (?:open|begin|start|resume|have|attend|host|join|hold))\b[^.;]*$/i;
/** "ahead of meeting the secretary", "before a meeting in Ankara": at the time of the sentence the meeting is still to come. */
// Case-sensitive so that a capitalised modifier ("ahead of an EU summit") is told from any word; the first letters may be capitals.
const AHEAD = /\b(?:[Aa]head of|[Ii]n advance of|[Pp]rior to|[Bb]efore|[Ii]n preparation for|[Tt]o prepare for|[Rr]un-up to|[Bb]uild-up to|[Ll]ead-up to)\s+(?:(?:a|an|the|their|his|her|its|next|this|planned|scheduled|expected|upcoming|[\p{L}-]+['’]s|\p{Lu}[\p{L}\d-]*)\s+){0,3}$/u;
/**
 * A time still to come after the trigger, in a clause with no past tense: "talks begin ... later on Wednesday",
 * "the summit opens tomorrow". Present tense with a future time is the news way of saying "will".
 */
const FUTURE_TIME_AFTER = /^(?:(?![^.;]*\b(?:was|were|had|did|began|met|held|came|went|took|said|told|spoke|\w+ed)\b[^.;]*?\b(?:later|tomorrow|next|coming)\b)[^.;]){0,120}?\b(?:later (?:on |this |today|tonight|in the)|tomorrow|next (?:week|month|year|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|spring|summer|autumn|winter)|in the coming (?:days|weeks|months))/i;
const NEGATED = /\b(?:not|never|no|n't|neither|nor|without ever)\s+(?:\w+\s+){0,2}$|\bno\s+(?:plans?|intention|desire|need|interest|prospect)\s+(?:\w+\s+){0,4}$/i;

/** A verb of outcome right after a gathering (and its with-phrase): "(if rescue talks with creditors) fail", "collapse". */
const OUTCOME_AFTER = /^(?:\s+(?:with|between|on|over)\s+[^,.;]{1,40}?)?\s+(?:fail|fails|collapse|collapses|break down|breaks down|stall|stalls|succeed|succeeds|end|ends|drag on|drags on)\b/i;

/** "if ongoing coalition talks fail": a condition on how talks end takes for granted that they are held. */
export function conditionOnOutcome(before: string, after: string): boolean {
  return OUTCOME_AFTER.test(after) && /\b(?:if|unless|whether)\b[^.;,]*$/i.test(before);
}

/** The status of a trigger from the words of its clause before it (and a little after, for "would take place"). */
export function eventStatus(before: string, after: string, headline: boolean): EventStatus | null {
  const clause = before.split(/[;]|,\s*but\b|\bbut\s+|\bwhile\b|\bwhereas\b/i).at(-1) ?? before;
  if (DECLINED.test(clause)) return 'DECLINED';
  if (CANCELLED.test(clause) || /^\s*(?:was|were|has been|had been)\s+(?:cancel|called off|postponed)/i.test(after)) return 'CANCELLED';
  if (conditionOnOutcome(clause, after)) return 'OCCURRED';
  if (HYPOTHETICAL.test(clause.slice(-70))) return 'HYPOTHETICAL';
  if (NEGATED.test(clause) || /\bno\s+$/i.test(clause)) return null;
  if (PROPOSED.test(clause.slice(-80))) return 'PROPOSED';
  if (AHEAD.test(clause.slice(-60)) || /\b(?:is|are|was|were)\s+next\s+$/i.test(clause)) return 'PLANNED';
  // "a meeting of the Club of Madrid - a group of former leaders - to be held in Madrid in March": an infinitive of
  // holding after the gathering, before any other gathering, sets it in the future.
  const toBeHeld = /^([^.;]{0,110}?)\bto (?:be held|take place|be staged|be hosted|be convened)\b/i.exec(after);
  if (toBeHeld && !/\b(?:meetings?|summits?|talks|conferences?|visits?|negotiations)\b/i.test(toBeHeld[1])) return 'PLANNED';
  if (PLANNED.test(clause.slice(-60)) || /^\s*(?:\S+\s+){0,6}?(?:would|will) (?:take place|be held|start|begin|open)\b/i.test(after) || /^\s*(?:[^\s.;]+\s+){0,6}?(?:is|are) (?:due|scheduled|expected|planned|set) to\b/i.test(after) || /^\s*(?:is|are) (?:due|scheduled|expected|planned)\b/i.test(after)) return 'PLANNED';
  if (headline && /\bto\s+(?:\w+\s+){0,3}$/i.test(clause)) return 'PLANNED';
  if (FUTURE_TIME_AFTER.test(after) && !/\b(?:was|were|had|did|\w+ed)\s+(?:\w+\s+){0,2}$/i.test(clause)) return 'PLANNED';
  return 'OCCURRED';
}
