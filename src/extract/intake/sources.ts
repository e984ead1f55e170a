/**
 * Sources an article names: photo credits and the news agencies it cites.
 */

const AGENCIES = ['Reuters', 'AFP', 'Agence France-Presse', 'AP', 'Associated Press', 'Bloomberg', 'TASS', 'Interfax', 'RIA Novosti', 'RIA', 'Xinhua', 'Anadolu', 'dpa', 'EFE', 'ANSA', 'Kyodo', 'Yonhap', 'Getty Images', 'Sputnik', 'Ukrinform', 'UNIAN', 'PA', 'BBC', 'CNN', 'Al Jazeera'];
const AGENCY_RE = new RegExp(`\\b(${AGENCIES.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'g');

/** A trailing photo credit in parentheses: "(Photo by X / POOL / AFP)", "(... /Handout via Reuters)". */
export const PHOTO_CREDIT = /\((?:photo|pictures?|image|credit)?[^()]*(?:\bphoto\b|\/|\bvia\b|\bhandout\b|\bpool\b|getty|reuters|afp|\bap\b)[^()]*\)\s*$/i;

/** Sources named in a photo credit: the agencies and outlets, not the photographers. */
export function creditSources(credit: string): string[] {
  const inner = credit.replace(/^\s*\(|\)\s*$/g, '').replace(/^(?:photo|pictures?|image)\s+by\s+/i, '');
  const out: string[] = [];
  for (const part of inner.split(/\s*\/\s*|\s+via\s+/i)) {
    const p = part.trim();
    if (!p || /^handout$/i.test(p)) continue;
    if (/^(?:POOL|[A-Z]{2,6}|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)$/.test(p) && AGENCIES.includes(p)) out.push(p);
    else if (/\b(?:Service|Agency|Office|Ministry|Press|News|Images|Photo)\b/.test(p)) out.push(p);
    else if (p === 'POOL') out.push('POOL');
  }
  return out;
}

/** Agencies the text cites: "Reuters reported", "according to AFP", "told Reuters". */
export function citedSources(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(AGENCY_RE)) {
    const before = text.slice(Math.max(0, m.index! - 20), m.index!);
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 20);
    if (/^\s*(?:reported|reports|said|says|news agency|quoted|cited|\))/i.test(after) || /(?:according to|told|via|\()\s*(?:the\s+)?$/i.test(before)) out.add(m[0]);
  }
  return [...out];
}
