/** The office-holder table: well-formed, one holder per office and day, and the lookups the resolver makes. */
import { OFFICE_REFERENCE, OFFICE_TERMS, officeOf, officeTerms } from '../../src/extract/entities/offices';

describe('office holders', () => {
  test('every term starts before it ends, and terms of one office never overlap', () => {
    const byOffice = new Map<string, typeof OFFICE_TERMS>();
    for (const t of OFFICE_TERMS) {
      expect(t.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (t.to) expect(t.from < t.to).toBe(true);
      const key = `${t.office}|${t.country}`;
      byOffice.set(key, [...(byOffice.get(key) ?? []), t]);
    }
    for (const terms of byOffice.values()) {
      const sorted = [...terms].sort((a, b) => a.from.localeCompare(b.from));
      sorted.slice(1).forEach((t, i) => expect(sorted[i].to !== null && sorted[i].to! <= t.from).toBe(true));
    }
  });

  test('a reference names the office, a date picks the holder, a successor\'s first day is theirs', () => {
    expect(officeOf('PM')).toEqual({ office: 'prime minister', country: null });
    expect(officeOf('Tory leader')).toEqual({ office: 'conservative leader', country: 'GB' });
    expect(officeOf('chancellor of the exchequer')).toEqual({ office: 'chancellor', country: 'GB' });
    expect(officeTerms('prime minister', 'GB', '2005-03-01').map((t) => t.holder)).toEqual(['Tony Blair']);
    expect(officeTerms('prime minister', 'GB', '2007-06-27').map((t) => t.holder)).toEqual(['Gordon Brown']);
    expect(officeTerms('chancellor', null, '2005-03-01').map((t) => t.holder).sort()).toEqual(['Gerhard Schroeder', 'Gordon Brown']);
  });

  test('a title followed by a name or by "of" is no reference to an office alone', () => {
    const found = (s: string) => [...s.matchAll(OFFICE_REFERENCE)].map((m) => m[0]);
    expect(found('the prime minister said')).toEqual(['the prime minister']);
    expect(found('The Prime Minister Tony Blair said')).toEqual([]);
    expect(found('the president of Iran said')).toEqual([]);
    expect(found('the deputy prime minister and the US president')).toEqual(['the deputy prime minister', 'the US president']);
    expect(found('The prime minister and chancellor faced MPs')).toEqual(['The prime minister', 'chancellor']);
  });
});
