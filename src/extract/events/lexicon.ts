/**
 * Event triggers: verbs, nouns and light-verb phrases of the CAMEO consult family.
 */
import type { EventType } from '../types';

/** A trigger pattern: its type and whether it heads a clause as a verb or a noun. */
export interface TriggerPattern {
  re: RegExp;
  type: EventType;
  pos: 'verb' | 'noun';
}

/** Patterns in priority order; longer phrases first so they win overlaps. */
export const TRIGGERS: TriggerPattern[] = [
  { re: /\b(?:press|news) (?:conference|briefing)s?\b/gi, type: 'PRESS_CONFERENCE', pos: 'noun' },
  { re: /\b(?:phone|telephone|video) (?:call|conversation|talks?)s?\b/gi, type: 'CALL', pos: 'noun' },
  { re: /\b(?:spoke|spoken|speak|speaks|speaking|talked) (?:by (?:tele)?phone )?(?:to|with)\b/gi, type: 'CALL', pos: 'verb' },
  { re: /\b(?:phoned|telephoned|called)\b(?= (?:[A-Z]|his|her|their))/g, type: 'CALL', pos: 'verb' },
  { re: /\bconversations?\b/gi, type: 'CALL', pos: 'noun' },
  { re: /\bsummits?\b/gi, type: 'SUMMIT', pos: 'noun' },
  { re: /\b(?:peace )?(?:talks|negotiations)\b/gi, type: 'TALKS', pos: 'noun' },
  { re: /\bnegotiat(?:ed|es|e|ing)(?: with)?\b/gi, type: 'TALKS', pos: 'verb' },
  { re: /\b(?:dialogue|parley)s?\b/gi, type: 'TALKS', pos: 'noun' },
  { re: /\b(?:debates?)\b(?! (?:over|about|on) (?:whether|the|how))/gi, type: 'DEBATE', pos: 'noun' },
  { re: /\binterview(?:ed|s|ing)?\b/gi, type: 'INTERVIEW', pos: 'verb' },
  { re: /\b(?:convened?|convenes|convening|reconvened?)\b/gi, type: 'MEETING', pos: 'verb' },
  { re: /\b(?:conferr(?:ed|ing)|confers?) with\b/gi, type: 'MEETING', pos: 'verb' },
  { re: /\b(?:meetings?|encounters?|face-to-face|get-together|tête-à-tête)\b(?! (?:point|place|room|hall)s?\b)/gi, type: 'MEETING', pos: 'noun' },
  { re: /\b(?:meets|met|meet|meeting)\b(?: (?:up )?with)?/gi, type: 'MEETING', pos: 'verb' },
  { re: /\b(?:sat|sit|sits) down with\b/gi, type: 'MEETING', pos: 'verb' },
  { re: /\b(?:hosted|hosts|hosting|host)\b(?= (?:[A-Z]|his|her|their|a |the ))/g, type: 'MEETING', pos: 'verb' },
  { re: /\b(?:visited|visits|visiting|visit)\b/gi, type: 'VISIT', pos: 'verb' },
  { re: /\b(?:visit|trip|tour)s? (?:to|of)\b/gi, type: 'VISIT', pos: 'noun' },
];

/** Event types counted as meetings ("who met whom"). */
export const MEETING_FAMILY: EventType[] = ['MEETING', 'TALKS', 'VISIT', 'SUMMIT', 'CALL'];

/** Words that make a "meeting"/"talks" noun generic rather than an event ("meeting room", "talks about"). */
export const NOT_AN_EVENT_AFTER = /^\s*(?:room|point|place|hall|rooms|points|places|halls|about the talks)\b/i;
