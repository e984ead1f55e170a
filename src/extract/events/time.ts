/**
 * Event dates and clock times, resolved against the article's publication date:
 * "on Friday" (future) -> the next Friday, "on Monday" (past) -> the last Monday (or the
 * day itself), "July 14, 2025", "in 2022", "March 2022", "today", "yesterday", "0745 GMT".
 */
import type { DatePrecision } from '../types';
import { addDays, explicitDates, isoDay, parseIsoDay, WEEKDAYS } from '../intake/dates';

/** A date expression found in text. */
export interface DateMention {
  start: number;
  end: number;
  date: string;
  precision: DatePrecision;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Every resolvable date expression in text[start, end); `future` decides weekday direction. */
export function dateMentions(text: string, start: number, end: number, publishedAt: string | null, future: boolean): DateMention[] {
  const slice = text.slice(start, end);
  const out: DateMention[] = explicitDates(slice).map((d) => ({ start: start + d.start, end: start + d.end, date: d.date, precision: d.precision }));
  const taken = (s: number, e: number) => out.some((o) => o.start < e && s < o.end);
  const pub = publishedAt ? parseIsoDay(publishedAt) : null;
  for (const m of slice.matchAll(/\b(?:(?:on|last|next|this)\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g)) {
    const s = start + m.index!;
    const e = s + m[0].length;
    if (!pub || taken(s, e)) continue;
    const day = WEEKDAYS.indexOf(m[1].toLowerCase());
    const delta = (day - pub.getUTCDay() + 7) % 7;
    const ahead = /^next/i.test(m[0]) || (future && !/^last/i.test(m[0]));
    const d = ahead ? addDays(pub, delta === 0 ? 7 : delta) : addDays(pub, delta === 0 ? 0 : delta - 7);
    out.push({ start: s, end: e, date: isoDay(d), precision: 'DAY' });
  }
  for (const m of slice.matchAll(/\b(today|tonight|yesterday|tomorrow)\b/gi)) {
    const s = start + m.index!;
    if (!pub || taken(s, s + m[0].length)) continue;
    const w = m[1].toLowerCase();
    out.push({ start: s, end: s + m[0].length, date: isoDay(addDays(pub, w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0)), precision: 'DAY' });
  }
  // "next week", "last month", "this year": relative to the publication date, at the precision they name.
  for (const m of slice.matchAll(/\b(next|last|this|coming|past)\s+(week|month|year)\b/gi)) {
    const s = start + m.index!;
    if (!pub || taken(s, s + m[0].length)) continue;
    const sign = /^(?:next|coming)$/i.test(m[1]) ? 1 : /^(?:last|past)$/i.test(m[1]) ? -1 : 0;
    const unit = m[2].toLowerCase();
    if (unit === 'year') out.push({ start: s, end: s + m[0].length, date: String(pub.getUTCFullYear() + sign), precision: 'YEAR' });
    else {
      const d = unit === 'week' ? addDays(pub, 7 * sign) : new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() + sign, 1));
      out.push({ start: s, end: s + m[0].length, date: isoDay(d).slice(0, 7), precision: 'MONTH' });
    }
  }
  // A month without a day or year: "next July", "last March", "in July" (ahead when the event is still to come).
  for (const m of slice.matchAll(/\b(?:(next|last|this|in|since|by|until|from|during|early|late|mid-?)\s+)?(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+(?:\d|of\s+\d))(?!,?\s+(?:19|20)\d{2})/g)) {
    const s = start + m.index!;
    if (!pub || taken(s, s + m[0].length) || (!m[1] && m[2] === 'May')) continue;
    const month = MONTHS.indexOf(m[2].toLowerCase());
    const now = pub.getUTCMonth();
    const ahead = /^next$/i.test(m[1] ?? '') || (future && !/^(?:last|since)$/i.test(m[1] ?? ''));
    const year = pub.getUTCFullYear() + (ahead ? (month > now || (month === now && !/^next$/i.test(m[1] ?? '')) ? 0 : 1) : month <= now ? 0 : -1);
    out.push({ start: s, end: s + m[0].length, date: `${year}-${String(month + 1).padStart(2, '0')}`, precision: 'MONTH' });
  }
  for (const m of slice.matchAll(/\b(?:in|since|of|during)\s+((?:19|20)\d{2})\b/g)) {
    const s = start + m.index!;
    if (taken(s, s + m[0].length)) continue;
    out.push({ start: s, end: s + m[0].length, date: m[1], precision: 'YEAR' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A clock time in the span, normalised "HH:MM ZONE" ("0745 GMT" -> "07:45 GMT"), or null. */
export function clockTime(text: string, start: number, end: number): string | null {
  const m = /\b(\d{1,2})[:.]?(\d{2})\s*(GMT|UTC|CET|CEST|EST|EDT|BST|MSK|local time)\b|\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?/i.exec(text.slice(start, end));
  if (!m) return null;
  if (m[3]) {
    const h = +m[1];
    const min = +m[2];
    if (h > 23 || min > 59) return null;
    return `${String(h).padStart(2, '0')}:${m[2]} ${m[3].toUpperCase() === 'LOCAL TIME' ? 'local' : m[3].toUpperCase()}`;
  }
  let h = +m[4] % 12;
  if (m[6].toLowerCase() === 'p') h += 12;
  return `${String(h).padStart(2, '0')}:${m[5] ?? '00'}`;
}
