/**
 * Publication dates: a date given with the input wins; otherwise the latest explicit date
 * in the article (captions included) anchors the weekday words: the article was written on
 * the first day on or after that date named by a reporting weekday ("said on Thursday").
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** Weekday names, Sunday first (as Date.getUTCDay). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** An ISO day as a UTC Date. */
export function parseIsoDay(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 ? d : null;
}

/** Formats a UTC Date as YYYY-MM-DD. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Adds whole days. */
export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86400000);
}

/** A month name or abbreviation -> 0..11, or -1. */
export function monthIndex(name: string): number {
  const n = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3)));
}

/** An explicit date found in text, with its precision. */
export interface ExplicitDate {
  start: number;
  end: number;
  date: string;
  precision: 'DAY' | 'MONTH' | 'YEAR';
}

/** Explicit dates with a year: "July 14, 2025", "14 July 2025", "2025-07-14", "May 2024". */
export function explicitDates(text: string): ExplicitDate[] {
  const out: ExplicitDate[] = [];
  const push = (start: number, end: number, y: number, m: number, d?: number) => {
    if (y < 1900 || y > 2100 || m < 0) return;
    if (d !== undefined) {
      const date = new Date(Date.UTC(y, m, d));
      if (date.getUTCMonth() !== m) return;
      out.push({ start, end, date: isoDay(date), precision: 'DAY' });
    } else out.push({ start, end, date: `${y}-${String(m + 1).padStart(2, '0')}`, precision: 'MONTH' });
  };
  for (const m of text.matchAll(new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'g'))) push(m.index!, m.index! + m[0].length, +m[3], monthIndex(m[1]), +m[2]);
  for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE}\\s+(\\d{4})\\b`, 'g'))) push(m.index!, m.index! + m[0].length, +m[3], monthIndex(m[2]), +m[1]);
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) push(m.index!, m.index! + m[0].length, +m[1], +m[2] - 1, +m[3]);
  for (const m of text.matchAll(new RegExp(`\\b(?:in\\s+)?${MONTH_RE}\\s+(\\d{4})\\b`, 'g'))) {
    if (!out.some((o) => o.start <= m.index! + m[0].length && o.end >= m.index!)) push(m.index!, m.index! + m[0].length, +m[2], monthIndex(m[1]));
  }
  return out.sort((a, b) => a.start - b.start);
}

const REPORTING = '(?:said|says|told|announced|wrote|added|stated|reported|declared|insisted|warned|confirmed)';

/** Words right before a date that make it a limit or a time to come: "until 15 July 2006", "is due on 3 May 2025". */
const DATE_TO_COME = /\b(?:until|till|by|before|deadline(?:\s+of)?|due(?:\s+on)?|will\s+(?:\S+\s+){0,3}(?:on|from)|scheduled\s+for|expires?\s+on|starting|effective(?:\s+from)?|from)\s+$/i;

/** Infers a publication date (YYYY-MM-DD) from the article text, or null. */
export function inferPublicationDate(text: string): string | null {
  // "extended the deadline until 15 July 2006": a date given as a limit or a time to come says nothing of when the
  // article was written; the reported dates do.
  const days = explicitDates(text).filter((d) => d.precision === 'DAY' && !DATE_TO_COME.test(text.slice(Math.max(0, d.start - 40), d.start)));
  if (!days.length) return null;
  const anchor = parseIsoDay(days.map((d) => d.date).sort().at(-1)!)!;
  const reporting = new Set<number>();
  const past = new Set<number>();
  const wd = `(${WEEKDAYS.join('|')})`;
  for (const m of text.matchAll(new RegExp(`\\b${REPORTING}\\s+(?:\\S+\\s+){0,3}?on\\s+${wd}\\b|\\bon\\s+${wd}\\s+(?:that\\s+)?(?:\\S+\\s+){0,3}?${REPORTING}\\b`, 'gi'))) {
    reporting.add(WEEKDAYS.indexOf((m[1] ?? m[2]).toLowerCase()));
  }
  for (const m of text.matchAll(new RegExp(`\\b(?:on|last)\\s+${wd}\\b`, 'gi'))) {
    const before = text.slice(Math.max(0, m.index! - 40), m.index!);
    if (!/\b(?:will|would|to be|due|next|scheduled|set to|expected)\b/i.test(before)) past.add(WEEKDAYS.indexOf(m[1].toLowerCase()));
  }
  const candidates = reporting.size ? reporting : past;
  if (!candidates.size) return isoDay(anchor);
  // The earliest named reporting day on or after the anchor.
  let best: Date | null = null;
  for (const day of candidates) {
    const delta = (day - anchor.getUTCDay() + 7) % 7;
    const d = addDays(anchor, delta);
    if (!best || d < best) best = d;
  }
  return isoDay(best!);
}

/** The years a given date may fall in: older or later dates are typos or probes, not news. */
export const DATE_YEARS = { min: 1000, max: 2999 };

const ISO_GIVEN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

/**
 * Checks a given ISO 8601 date or date-time strictly: a real calendar day (no 30 February),
 * a real time and offset, a year in DATE_YEARS. Returns the day as written (YYYY-MM-DD: the
 * publisher's own calendar day, never shifted by its offset), or why it is not a date.
 */
export function strictGivenDate(value: string): { day: string } | { error: string } {
  const m = ISO_GIVEN.exec(value.trim());
  if (!m) return { error: `"${value.slice(0, 40)}" is not an ISO 8601 date such as 2025-07-14 (or 2025-07-14T09:30:00Z)` };
  const year = Number(m[1]);
  if (year < DATE_YEARS.min || year > DATE_YEARS.max) return { error: `the year ${m[1]} is outside ${DATE_YEARS.min}-${DATE_YEARS.max}` };
  if (!parseIsoDay(`${m[1]}-${m[2]}-${m[3]}`) || +m[2] < 1 || +m[3] < 1) return { error: `${m[1]}-${m[2]}-${m[3]} is not a calendar date` };
  if (m[4] !== undefined && (+m[4] > 23 || +m[5] > 59 || (m[6] !== undefined && +m[6] > 59))) return { error: `"${value.slice(0, 40)}" has no such time of day` };
  if (m[8] !== undefined && (+m[8] > 14 || +m[9] > 59)) return { error: `"${value.slice(0, 40)}" has no such UTC offset` };
  return { day: `${m[1]}-${m[2]}-${m[3]}` };
}

/** Normalises a given publication date (ISO date or date-time) to YYYY-MM-DD, or null when malformed. */
export function normaliseGivenDate(value: string): string | null {
  const strict = strictGivenDate(value);
  if ('day' in strict) return strict.day;
  if (ISO_GIVEN.test(value.trim())) return null;
  // Other spellings ("Mon, 14 Jul 2025 09:30:00 GMT") are read as an instant, within the same years.
  const t = Date.parse(value);
  if (Number.isNaN(t) || !/\d{4}/.test(value)) return null;
  const day = new Date(t).toISOString().slice(0, 10);
  const year = Number(day.slice(0, 4));
  return year >= DATE_YEARS.min && year <= DATE_YEARS.max ? day : null;
}
