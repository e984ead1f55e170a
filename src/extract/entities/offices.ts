/**
 * Who held an office when: the knowledge a news reader brings to "the prime minister" or "the Tory leader" when an
 * article names the person but never says that they hold the office (BBC reports write "Tony Blair" once and "the
 * prime minister" afterwards). A reference is resolved only to a person the article itself names, and only when one
 * named person held that office on the publication date (or, undated, at any time), so the table never invents a
 * participant; it only joins a title to a name already in the text. Heads of state and government of the countries
 * news reports most, the offices British and American reports name alone, and international posts; dates are the
 * first and last day in office (ISO), an open end meaning in office now.
 */
/** One term of one office. */
export interface OfficeTerm {
  /** The office as a reference names it, lower case: "prime minister", "chancellor", "conservative leader". */
  office: string;
  /** ISO 3166 alpha-2 code of the country (or "UN", "NATO", "EU", "VA"). */
  country: string;
  holder: string;
  from: string;
  to: string | null;
}

// [office, country, [holder, from, to|null]...]: compact rows, expanded below.
type Row = [string, string, ...[string, string, string | null][]];
const ROWS: Row[] = [
  ['prime minister', 'GB', ['John Major', '1990-11-28', '1997-05-02'], ['Tony Blair', '1997-05-02', '2007-06-27'], ['Gordon Brown', '2007-06-27', '2010-05-11'], ['David Cameron', '2010-05-11', '2016-07-13'], ['Theresa May', '2016-07-13', '2019-07-24'], ['Boris Johnson', '2019-07-24', '2022-09-06'], ['Liz Truss', '2022-09-06', '2022-10-25'], ['Rishi Sunak', '2022-10-25', '2024-07-05'], ['Keir Starmer', '2024-07-05', null]],
  ['chancellor', 'GB', ['Norman Lamont', '1990-11-28', '1993-05-27'], ['Kenneth Clarke', '1993-05-27', '1997-05-02'], ['Gordon Brown', '1997-05-02', '2007-06-27'], ['Alistair Darling', '2007-06-28', '2010-05-11'], ['George Osborne', '2010-05-11', '2016-07-13'], ['Philip Hammond', '2016-07-13', '2019-07-24'], ['Sajid Javid', '2019-07-24', '2020-02-13'], ['Rishi Sunak', '2020-02-13', '2022-07-05'], ['Nadhim Zahawi', '2022-07-05', '2022-09-06'], ['Kwasi Kwarteng', '2022-09-06', '2022-10-14'], ['Jeremy Hunt', '2022-10-14', '2024-07-05'], ['Rachel Reeves', '2024-07-05', null]],
  ['home secretary', 'GB', ['Michael Howard', '1993-05-27', '1997-05-02'], ['Jack Straw', '1997-05-02', '2001-06-08'], ['David Blunkett', '2001-06-08', '2004-12-15'], ['Charles Clarke', '2004-12-15', '2006-05-05'], ['John Reid', '2006-05-05', '2007-06-28'], ['Jacqui Smith', '2007-06-28', '2009-06-05'], ['Alan Johnson', '2009-06-05', '2010-05-11'], ['Theresa May', '2010-05-12', '2016-07-13'], ['Amber Rudd', '2016-07-13', '2018-04-29'], ['Sajid Javid', '2018-04-30', '2019-07-24'], ['Priti Patel', '2019-07-24', '2022-09-06'], ['Suella Braverman', '2022-09-06', '2023-11-13'], ['James Cleverly', '2023-11-13', '2024-07-05'], ['Yvette Cooper', '2024-07-05', '2025-09-05'], ['Shabana Mahmood', '2025-09-05', null]],
  ['foreign secretary', 'GB', ['Douglas Hurd', '1989-10-26', '1995-07-05'], ['Malcolm Rifkind', '1995-07-05', '1997-05-02'], ['Robin Cook', '1997-05-02', '2001-06-08'], ['Jack Straw', '2001-06-08', '2006-05-05'], ['Margaret Beckett', '2006-05-05', '2007-06-27'], ['David Miliband', '2007-06-28', '2010-05-11'], ['William Hague', '2010-05-12', '2014-07-14'], ['Philip Hammond', '2014-07-15', '2016-07-13'], ['Boris Johnson', '2016-07-13', '2018-07-09'], ['Jeremy Hunt', '2018-07-09', '2019-07-24'], ['Dominic Raab', '2019-07-24', '2021-09-15'], ['Liz Truss', '2021-09-15', '2022-09-06'], ['James Cleverly', '2022-09-06', '2023-11-13'], ['David Cameron', '2023-11-13', '2024-07-05'], ['David Lammy', '2024-07-05', '2025-09-05'], ['Yvette Cooper', '2025-09-05', null]],
  ['deputy prime minister', 'GB', ['John Prescott', '1997-05-02', '2007-06-27'], ['Nick Clegg', '2010-05-11', '2015-05-08'], ['Dominic Raab', '2021-09-15', '2023-04-21'], ['Oliver Dowden', '2023-04-21', '2024-07-05'], ['Angela Rayner', '2024-07-05', '2025-09-05'], ['David Lammy', '2025-09-05', null]],
  ['conservative leader', 'GB', ['John Major', '1990-11-27', '1997-06-19'], ['William Hague', '1997-06-19', '2001-09-13'], ['Iain Duncan Smith', '2001-09-13', '2003-11-06'], ['Michael Howard', '2003-11-06', '2005-12-06'], ['David Cameron', '2005-12-06', '2016-07-11'], ['Theresa May', '2016-07-11', '2019-07-23'], ['Boris Johnson', '2019-07-23', '2022-09-05'], ['Liz Truss', '2022-09-05', '2022-10-24'], ['Rishi Sunak', '2022-10-24', '2024-11-02'], ['Kemi Badenoch', '2024-11-02', null]],
  ['labour leader', 'GB', ['John Smith', '1992-07-18', '1994-05-12'], ['Tony Blair', '1994-07-21', '2007-06-24'], ['Gordon Brown', '2007-06-24', '2010-05-11'], ['Ed Miliband', '2010-09-25', '2015-05-08'], ['Jeremy Corbyn', '2015-09-12', '2020-04-04'], ['Keir Starmer', '2020-04-04', null]],
  ['liberal democrat leader', 'GB', ['Paddy Ashdown', '1988-07-16', '1999-08-09'], ['Charles Kennedy', '1999-08-09', '2006-01-07'], ['Menzies Campbell', '2006-03-02', '2007-10-15'], ['Nick Clegg', '2007-12-18', '2015-07-16'], ['Tim Farron', '2015-07-16', '2017-07-20'], ['Vince Cable', '2017-07-20', '2019-07-22'], ['Jo Swinson', '2019-07-22', '2019-12-13'], ['Ed Davey', '2019-12-13', null]],
  ['president', 'US', ['George H. W. Bush', '1989-01-20', '1993-01-20'], ['Bill Clinton', '1993-01-20', '2001-01-20'], ['George W. Bush', '2001-01-20', '2009-01-20'], ['Barack Obama', '2009-01-20', '2017-01-20'], ['Donald Trump', '2017-01-20', '2021-01-20'], ['Joe Biden', '2021-01-20', '2025-01-20'], ['Donald Trump', '2025-01-20', null]],
  ['vice president', 'US', ['Dan Quayle', '1989-01-20', '1993-01-20'], ['Al Gore', '1993-01-20', '2001-01-20'], ['Dick Cheney', '2001-01-20', '2009-01-20'], ['Joe Biden', '2009-01-20', '2017-01-20'], ['Mike Pence', '2017-01-20', '2021-01-20'], ['Kamala Harris', '2021-01-20', '2025-01-20'], ['JD Vance', '2025-01-20', null]],
  ['secretary of state', 'US', ['James Baker', '1989-01-25', '1992-08-23'], ['Warren Christopher', '1993-01-20', '1997-01-17'], ['Madeleine Albright', '1997-01-23', '2001-01-20'], ['Colin Powell', '2001-01-20', '2005-01-26'], ['Condoleezza Rice', '2005-01-26', '2009-01-20'], ['Hillary Clinton', '2009-01-21', '2013-02-01'], ['John Kerry', '2013-02-01', '2017-01-20'], ['Rex Tillerson', '2017-02-01', '2018-03-31'], ['Mike Pompeo', '2018-04-26', '2021-01-20'], ['Antony Blinken', '2021-01-26', '2025-01-20'], ['Marco Rubio', '2025-01-21', null]],
  ['president', 'FR', ['Francois Mitterrand', '1981-05-21', '1995-05-17'], ['Jacques Chirac', '1995-05-17', '2007-05-16'], ['Nicolas Sarkozy', '2007-05-16', '2012-05-15'], ['Francois Hollande', '2012-05-15', '2017-05-14'], ['Emmanuel Macron', '2017-05-14', null]],
  ['chancellor', 'DE', ['Helmut Kohl', '1982-10-01', '1998-10-27'], ['Gerhard Schroeder', '1998-10-27', '2005-11-22'], ['Angela Merkel', '2005-11-22', '2021-12-08'], ['Olaf Scholz', '2021-12-08', '2025-05-06'], ['Friedrich Merz', '2025-05-06', null]],
  ['president', 'RU', ['Boris Yeltsin', '1991-07-10', '1999-12-31'], ['Vladimir Putin', '1999-12-31', '2008-05-07'], ['Dmitry Medvedev', '2008-05-07', '2012-05-07'], ['Vladimir Putin', '2012-05-07', null]],
  ['prime minister', 'RU', ['Vladimir Putin', '1999-08-16', '2000-05-07'], ['Mikhail Kasyanov', '2000-05-17', '2004-02-24'], ['Mikhail Fradkov', '2004-03-05', '2007-09-12'], ['Viktor Zubkov', '2007-09-14', '2008-05-07'], ['Vladimir Putin', '2008-05-08', '2012-05-07'], ['Dmitry Medvedev', '2012-05-08', '2020-01-16'], ['Mikhail Mishustin', '2020-01-16', null]],
  ['president', 'UA', ['Leonid Kuchma', '1994-07-19', '2005-01-23'], ['Viktor Yushchenko', '2005-01-23', '2010-02-25'], ['Viktor Yanukovych', '2010-02-25', '2014-02-22'], ['Petro Poroshenko', '2014-06-07', '2019-05-20'], ['Volodymyr Zelensky', '2019-05-20', null]],
  ['president', 'CN', ['Jiang Zemin', '1993-03-27', '2003-03-15'], ['Hu Jintao', '2003-03-15', '2013-03-14'], ['Xi Jinping', '2013-03-14', null]],
  ['premier', 'CN', ['Zhu Rongji', '1998-03-17', '2003-03-16'], ['Wen Jiabao', '2003-03-16', '2013-03-15'], ['Li Keqiang', '2013-03-15', '2023-03-11'], ['Li Qiang', '2023-03-11', null]],
  ['prime minister', 'JP', ['Junichiro Koizumi', '2001-04-26', '2006-09-26'], ['Shinzo Abe', '2006-09-26', '2007-09-26'], ['Yasuo Fukuda', '2007-09-26', '2008-09-24'], ['Taro Aso', '2008-09-24', '2009-09-16'], ['Yukio Hatoyama', '2009-09-16', '2010-06-08'], ['Naoto Kan', '2010-06-08', '2011-09-02'], ['Yoshihiko Noda', '2011-09-02', '2012-12-26'], ['Shinzo Abe', '2012-12-26', '2020-09-16'], ['Yoshihide Suga', '2020-09-16', '2021-10-04'], ['Fumio Kishida', '2021-10-04', '2024-10-01'], ['Shigeru Ishiba', '2024-10-01', '2025-10-21'], ['Sanae Takaichi', '2025-10-21', null]],
  ['prime minister', 'IN', ['Atal Bihari Vajpayee', '1998-03-19', '2004-05-22'], ['Manmohan Singh', '2004-05-22', '2014-05-26'], ['Narendra Modi', '2014-05-26', null]],
  ['prime minister', 'IT', ['Silvio Berlusconi', '2001-06-11', '2006-05-17'], ['Romano Prodi', '2006-05-17', '2008-05-08'], ['Silvio Berlusconi', '2008-05-08', '2011-11-16'], ['Mario Monti', '2011-11-16', '2013-04-28'], ['Enrico Letta', '2013-04-28', '2014-02-22'], ['Matteo Renzi', '2014-02-22', '2016-12-12'], ['Paolo Gentiloni', '2016-12-12', '2018-06-01'], ['Giuseppe Conte', '2018-06-01', '2021-02-13'], ['Mario Draghi', '2021-02-13', '2022-10-22'], ['Giorgia Meloni', '2022-10-22', null]],
  ['prime minister', 'CA', ['Jean Chretien', '1993-11-04', '2003-12-12'], ['Paul Martin', '2003-12-12', '2006-02-06'], ['Stephen Harper', '2006-02-06', '2015-11-04'], ['Justin Trudeau', '2015-11-04', '2025-03-14'], ['Mark Carney', '2025-03-14', null]],
  ['prime minister', 'AU', ['John Howard', '1996-03-11', '2007-12-03'], ['Kevin Rudd', '2007-12-03', '2010-06-24'], ['Julia Gillard', '2010-06-24', '2013-06-27'], ['Kevin Rudd', '2013-06-27', '2013-09-18'], ['Tony Abbott', '2013-09-18', '2015-09-15'], ['Malcolm Turnbull', '2015-09-15', '2018-08-24'], ['Scott Morrison', '2018-08-24', '2022-05-23'], ['Anthony Albanese', '2022-05-23', null]],
  ['prime minister', 'IL', ['Ariel Sharon', '2001-03-07', '2006-01-04'], ['Ehud Olmert', '2006-01-04', '2009-03-31'], ['Benjamin Netanyahu', '2009-03-31', '2021-06-13'], ['Naftali Bennett', '2021-06-13', '2022-06-30'], ['Yair Lapid', '2022-07-01', '2022-12-29'], ['Benjamin Netanyahu', '2022-12-29', null]],
  ['prime minister', 'ES', ['Jose Maria Aznar', '1996-05-05', '2004-04-17'], ['Jose Luis Rodriguez Zapatero', '2004-04-17', '2011-12-21'], ['Mariano Rajoy', '2011-12-21', '2018-06-02'], ['Pedro Sanchez', '2018-06-02', null]],
  ['taoiseach', 'IE', ['Bertie Ahern', '1997-06-26', '2008-05-07'], ['Brian Cowen', '2008-05-07', '2011-03-09'], ['Enda Kenny', '2011-03-09', '2017-06-14'], ['Leo Varadkar', '2017-06-14', '2020-06-27'], ['Micheal Martin', '2020-06-27', '2022-12-17'], ['Leo Varadkar', '2022-12-17', '2024-04-09'], ['Simon Harris', '2024-04-09', '2025-01-23'], ['Micheal Martin', '2025-01-23', null]],
  ['president', 'TR', ['Ahmet Necdet Sezer', '2000-05-16', '2007-08-28'], ['Abdullah Gul', '2007-08-28', '2014-08-28'], ['Recep Tayyip Erdogan', '2014-08-28', null]],
  ['prime minister', 'TR', ['Recep Tayyip Erdogan', '2003-03-14', '2014-08-28'], ['Ahmet Davutoglu', '2014-08-28', '2016-05-24'], ['Binali Yildirim', '2016-05-24', '2018-07-09']],
  ['secretary-general', 'UN', ['Kofi Annan', '1997-01-01', '2006-12-31'], ['Ban Ki-moon', '2007-01-01', '2016-12-31'], ['Antonio Guterres', '2017-01-01', null]],
  ['secretary-general', 'NATO', ['Jaap de Hoop Scheffer', '2004-01-01', '2009-08-01'], ['Anders Fogh Rasmussen', '2009-08-01', '2014-10-01'], ['Jens Stoltenberg', '2014-10-01', '2024-10-01'], ['Mark Rutte', '2024-10-01', null]],
  ['commission president', 'EU', ['Romano Prodi', '1999-09-16', '2004-11-22'], ['Jose Manuel Barroso', '2004-11-22', '2014-10-31'], ['Jean-Claude Juncker', '2014-11-01', '2019-11-30'], ['Ursula von der Leyen', '2019-12-01', null]],
  ['pope', 'VA', ['John Paul II', '1978-10-16', '2005-04-02'], ['Benedict XVI', '2005-04-19', '2013-02-28'], ['Francis', '2013-03-13', '2025-04-21'], ['Leo XIV', '2025-05-08', null]],
];

/** Every term in the table. */
export const OFFICE_TERMS: OfficeTerm[] = ROWS.flatMap(([office, country, ...terms]) => terms.map(([holder, from, to]) => ({ office, country, holder, from, to })));

/**
 * A reference to an office by its title alone, in a reporter's words: "the prime minister", "the PM", "his
 * chancellor", "the Tory leader", "the US president". Group 1 is an optional country or demonym, group 2 the office.
 */
export const OFFICE_REFERENCE = officeReference();

function officeReference(): RegExp {
  // Each word in either initial case ("the Prime Minister" as "the prime minister"); a name after the title
  // ("the Prime Minister Tony Blair") or "of"/"for" ("the president of Iran") makes it a title, not a reference.
  const either = (phrase: string) => phrase.replace(/\b([a-z])/g, (_, c: string) => `[${c.toUpperCase()}${c}]`);
  const offices = [
    'prime minister', 'premier', 'chancellor(?: of the exchequer)?', 'home secretary', 'foreign secretary', 'deputy prime minister',
    'vice[ -]president', 'president', 'secretary of state', 'taoiseach', 'pope', '(?:UN |Nato |NATO )?secretary[ -]general',
    '(?:Tory|Conservative|Labour|Lib Dem|Liberal Democrat)(?: party)? leader',
  ].map((o) => either(o).replace(/ /g, '\\s+'));
  // "The prime minister and chancellor": an office coordinated with another shares its determiner.
  return new RegExp(String.raw`(?:\b(?:[Tt]he|[Hh]is|[Hh]er)\s+|(?<=\b(?:[Mm]inister|[Cc]hancellor|[Pp]resident|[Ss]ecretary|PM|[Ll]eader)\s+and\s+))(?:(?!(?:Deputy|Prime|Vice|Home|Foreign|Tory|Conservative|Labour|Lib|Liberal|UN|Nato|NATO|Secretary|Chancellor|President)\b)(\p{Lu}[\p{L}.]+)\s+)?(PM|${offices.join('|')})\b(?!\s+(?:\p{Lu}|of\b|for\b))`, 'gu');
}

/** The office an OFFICE_REFERENCE match names, in the table's words, and the country its wording fixes, if any. */
export function officeOf(words: string): { office: string; country: string | null } {
  const w = words.replace(/\s+/g, ' ').toLowerCase();
  if (w === 'pm') return { office: 'prime minister', country: null };
  if (w.startsWith('chancellor')) return { office: 'chancellor', country: w.includes('exchequer') ? 'GB' : null };
  if (w === 'vice-president') return { office: 'vice president', country: null };
  if (w.endsWith(' leader')) {
    const party = /^(?:tory|conservative)/.test(w) ? 'conservative' : w.startsWith('labour') ? 'labour' : 'liberal democrat';
    return { office: `${party} leader`, country: 'GB' };
  }
  const general = /^(?:(un|nato) )?secretary[ -]general$/.exec(w);
  if (general) return { office: 'secretary-general', country: general[1]?.toUpperCase() ?? null };
  return { office: w, country: null };
}

/** The terms of an office held on `date` (ISO, or null for any time; a term's last day is its successor's first), in the given country if one is fixed. */
export function officeTerms(office: string, country: string | null, date: string | null): OfficeTerm[] {
  const day = date?.slice(0, 10) ?? null;
  return OFFICE_TERMS.filter((t) => t.office === office && (!country || t.country === country) && (!day || (t.from <= day && (t.to === null || day < t.to))));
}
