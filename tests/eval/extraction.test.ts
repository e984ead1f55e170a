/**
 * Extraction against gold data and hand-written cases: the seed expectations, CoNLL-2003 dev,
 * WikiEvents and RAMS dev (each skipped when its data is absent: it is never in the repo), and
 * the behaviours the issues name, on sentences written for these tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_EVAL_DATA, DEFAULT_SEED_GOLD } from '../../src/eval/data';
import { evaluateConllEndToEnd } from '../../src/eval/ner';
import { evaluateEventSet } from '../../src/eval/events';
import { evaluateSeed } from '../../src/eval/seed';
import { extract } from '../../src/extract/pipeline';
import type { Doc } from '../../src/extract/types';
import { pipelineComponents } from '../../src/models';

const SEEDS = path.join(__dirname, '../../seeds');
const has = (file: string) => fs.existsSync(file);
const conll = path.join(DEFAULT_EVAL_DATA, 'conll2003', 'conll2003_en_dev.docs.jsonl');
const wikievents = path.join(DEFAULT_EVAL_DATA, 'events', 'wikievents_dev.jsonl');

/** Extracts one plain-text article, published on a Thursday. */
function one(text: string, title = 'Test article'): Doc {
  const { docs, errors } = extract({ name: 'test', text, single: true, meta: { title, publishedAt: '2025-05-15' } }, pipelineComponents());
  expect(errors).toEqual([]);
  return docs[0];
}
const entity = (doc: Doc, id: string) => doc.entities.find((e) => e.id === id)!;
const names = (doc: Doc, ids: string[]) => ids.map((id) => entity(doc, id).name).sort();
const spanText = (doc: Doc, s: { start: number; end: number }) => doc.text.slice(s.start, s.end);

/** The measured end-to-end figures (kg eval ner|events), held as floors. */
const FLOORS = {
  conllMicroF1: 0.944,
  // belowBaseline: how far under the keyword baseline the product may be. WikiEvents dev has 11 meetings,
  // 8 of them courtroom quotes; 5 of the product's 8 mentions there are real meetings its gold leaves out
  // (a dinner with the suspects, two rallies, a televised meeting, coreferent "their emergency meeting").
  wikievents: { trigger: 0.19, participantRecall: 0.07, belowBaseline: 0.035 },
  rams: { trigger: 0.61, participantRecall: 0.29, belowBaseline: 0 },
  m2e2: { trigger: 0.43, participantRecall: 0.53, belowBaseline: 0 },
};

describe('gold data', () => {
  (has(DEFAULT_SEED_GOLD) ? test : test.skip)('seed: every required entity and event, no forbidden event', () => {
    const file = path.join(SEEDS, fs.readdirSync(SEEDS)[0]);
    const { docs } = extract({ name: file, text: fs.readFileSync(file, 'utf8') }, pipelineComponents());
    const report = evaluateSeed(JSON.parse(fs.readFileSync(DEFAULT_SEED_GOLD, 'utf8')), docs);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.forbiddenEmitted).toBe(0);
  });

  // End to end: raw text through the kg extract path, final output scored (src/eval). Floors are the measured figures.
  (has(conll) ? test : test.skip)('CoNLL-2003 dev, raw text end to end: micro F1 holds', () => {
    const result = evaluateConllEndToEnd(pipelineComponents(), DEFAULT_EVAL_DATA)!;
    expect(result.scores.micro.f1).toBeGreaterThanOrEqual(FLOORS.conllMicroF1);
  });

  (has(wikievents) ? test.each : test.skip.each)(['wikievents', 'rams', 'm2e2'] as const)('%s dev end to end: meetings at their floors and not below the keyword baseline', (name) => {
    const set = evaluateEventSet(name, DEFAULT_EVAL_DATA, pipelineComponents())!;
    const key = set.exhaustive ? 'f1' : 'recall';
    expect(set.meetings.product.trigger[key]).toBeGreaterThanOrEqual(FLOORS[name].trigger);
    expect(set.meetings.product.participants!.recall).toBeGreaterThanOrEqual(FLOORS[name].participantRecall);
    expect(set.meetings.product.trigger[key]).toBeGreaterThanOrEqual(set.meetings.baseline.trigger[key] - FLOORS[name].belowBaseline);
  });
});

describe('entities', () => {
  test('titles, surnames and demonyms resolve to one person with a role', () => {
    const doc = one('Ukrainian President Volodymyr Zelenskiy spoke in Kyiv on Monday. Zelenskiy said the talks would go on.');
    const person = doc.entities.filter((e) => e.type === 'PERSON');
    expect(person.map((e) => e.name)).toEqual(['Volodymyr Zelenskiy']);
    expect(person[0].mentions.map((m) => m.text)).toEqual(['Volodymyr Zelenskiy', 'Zelenskiy']);
    expect(person[0].roles.map((r) => r.title)).toContain('President');
    const places = doc.entities.filter((e) => e.type === 'PLACE').map((e) => e.name);
    expect(places).toEqual(expect.arrayContaining(['Kyiv', 'Ukraine']));
    // "Ukrainian" refers to Ukraine without being a name mention of it.
    expect(doc.entities.find((e) => e.name === 'Ukraine')!.mentions).toEqual([]);
  });

  test('a first name alone is the one person named in full with it', () => {
    const doc = one('Tory leader Michael Howard toured Kent with his wife. She has been campaigning with Michael on a number of visits.');
    expect(doc.entities.filter((e) => e.type === 'PERSON').map((e) => e.name)).toEqual(['Michael Howard']);
    const two = one('Michael Howard and Michael Portillo spoke. Later Michael left.');
    expect(two.entities.filter((e) => e.type === 'PERSON').map((e) => e.name).sort()).toEqual(['Michael', 'Michael Howard', 'Michael Portillo']);
  });

  test('an acronym in the gazetteer is not matched by the ordinary word', () => {
    const doc = one('"Who was it?" the lawyer asked. "Us," he said. The WHO and the US said nothing.');
    const orgs = doc.entities.filter((e) => e.name === 'World Health Organization');
    expect(orgs).toHaveLength(1);
    expect(orgs[0].mentions.map((m) => m.text)).toEqual(['WHO']);
    expect(doc.entities.find((e) => e.name === 'United States')!.mentions.map((m) => m.text)).toEqual(['US']);
  });

  test.each([
    ['all capitals', 'PRESIDENT ZELENSKIY MET NATO CHIEF MARK RUTTE IN KYIV ON MONDAY.'],
    ['no capitals', 'president zelenskiy met nato chief mark rutte in kyiv on monday.'],
    ['a very long token', `Rutte met ${'x'.repeat(200_000)} in Kyiv.`],
    ['non-Latin scripts', 'Зеленський зустрівся з Рютте в Києві. 泽连斯基在基辅会见了吕特。'],
    ['emoji', 'Zelenskiy 🤝 Rutte in Kyiv 🇺🇦 on Monday 🎉.'],
  ])('bad input (%s) gives sensible output, not a crash', (_, text) => {
    const doc = one(text);
    for (const e of doc.entities) for (const m of e.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('events', () => {
  test('one meeting with every participant, its place and date', () => {
    const doc = one('Ukrainian President Volodymyr Zelenskiy met NATO Secretary General Mark Rutte in Kyiv on Monday.');
    expect(doc.events).toHaveLength(1);
    const [event] = doc.events;
    expect(event).toMatchObject({ type: 'MEETING', status: 'OCCURRED', date: '2025-05-12', datePrecision: 'DAY' });
    expect(names(doc, event.participants.map((p) => p.entity))).toEqual(['Mark Rutte', 'Volodymyr Zelenskiy']);
    expect(entity(doc, event.place!).name).toBe('Kyiv');
    expect(spanText(doc, event.trigger)).toBe('met');
  });

  test('a planned meeting is PLANNED, a refused one DECLINED, a denied one never OCCURRED', () => {
    const planned = one('Donald Trump will meet Vladimir Putin in Budapest on Friday.');
    expect(planned.events.map((e) => [e.type, e.status, e.date])).toEqual([['MEETING', 'PLANNED', '2025-05-16']]);
    const declined = one('Vladimir Putin spurned a challenge from Volodymyr Zelenskiy to meet him in person in Istanbul.');
    expect(declined.events.every((e) => e.status !== 'OCCURRED')).toBe(true);
    const denied = one('Donald Trump has never met Vladimir Putin in person.');
    expect(denied.events.filter((e) => e.status === 'OCCURRED')).toEqual([]);
  });

  test('a party named with a group noun is one participant whose mention is the whole phrase', () => {
    const doc = one('Russian negotiators met Ukrainian officials in Istanbul on Friday.');
    const [event] = doc.events;
    expect(names(doc, event.participants.map((p) => p.entity))).toEqual(['Russia', 'Ukraine']);
    expect(event.participants.map((p) => spanText(doc, p.mention!)).sort()).toEqual(['Russian negotiators', 'Ukrainian officials']);
  });

  test('quotes are not meetings, in a courtroom or anywhere', () => {
    const text = [
      'The witness testified for two hours before the jury.',
      '"I was looking right at him," he told jurors and District Judge Anna Lowell.',
      '"Is there any doubt in your mind?" asked prosecutor Ben Carver.',
      '"No," Tom Baxter replied.',
    ].join(' ');
    expect(one(text).events).toEqual([]);
  });
});

describe('entity typing: the gazetteer adds facts, the model decides the type', () => {
  test('clubs and companies named after cities stay organisations', () => {
    const doc = one('Leeds beat Barcelona 2-1 on Saturday. Boston have won three games in a row.');
    for (const name of ['Leeds', 'Barcelona']) expect(doc.entities.find((e) => e.name === name)?.type).toBe('ORGANIZATION');
  });

  test('a city in a locative phrase is still a place with its gazetteer facts', () => {
    const doc = one('The talks were held in Barcelona on Friday.');
    const place = doc.entities.find((e) => e.name === 'Barcelona')!;
    expect(place.type).toBe('PLACE');
    expect(place.place?.countryCode).toBe('ES');
  });

  test('a name that modifies a role names the employer', () => {
    const doc = one('Kremlin aide Vladimir Medinsky will lead the delegation.');
    expect(doc.entities.find((e) => e.name === 'Kremlin')?.type).toBe('ORGANIZATION');
  });
});

describe('meeting senses', () => {
  test.each([
    'The firm struggled to meet the country\'s growing demand for power.',
    'Inspectors asked whether the objectives could be met by Friday.',
    'Iran has met all conditions under the nuclear deal, the agency said.',
    'The plan is meeting with the approval of Republicans in Congress.',
    'Education Secretary Ruth Kelly talks of improving discipline in schools.',
    'Carers have said they need more money to make ends meet.',
    'Chancellor Gordon Brown told BBC One\'s Breakfast with Frost that taxes would not rise.',
    'Two million tourists visit Cuba every year.',
    'Daiwa said there were no plans to enter into negotiations with Sumitomo Trust.',
    'The minister claimed the party has met all of its promises since 2001.',
    'He has failed to meet the ones he set last year.',
    'His remarks about President Bush met a cool reception from Jacques Chirac.',
    'Prisons cannot meet their duty of care to vulnerable inmates.',
    'The alliance said the 19 February meets would show the law was unworkable.',
    'Shadow Home Secretary David Davis talks to reporters outside Parliament.',
    'The council said it had met that target two years early.',
    'He said there was room for further negotiations on the deal.',
    'The book was written by ex-chatshow host Robert Kilroy-Silk.',
  ])('no meeting in "%s"', (text) => {
    expect(one(text).events.filter((e) => ['MEETING', 'TALKS', 'VISIT', 'SUMMIT'].includes(e.type))).toEqual([]);
  });

  test.each([
    ['NATO ambassadors met Sunday in Brussels to discuss Ukraine.', 'MEETING'],
    ["Turkey's President Recep Tayyip Erdogan, right, greets Saudi Arabia's Foreign Minister Adel al-Jubeir in Ankara.", 'MEETING'],
    ['At a dinner hosted by Deputy Prime Minister John Prescott, she told Chancellor Gordon Brown of her plans.', 'MEETING'],
    ['Senator Ted Cruz spoke at a rally in Irvine, California, on Monday.', 'MEETING'],
  ])('a meeting in "%s"', (text, type) => {
    expect(one(text).events.map((e) => e.type)).toContain(type);
  });

  test('calling someone something names them: no call', () => {
    expect(one('Tory Shadow Chancellor Oliver Letwin called Labour "a brilliant machine for talking" on Monday.').events.filter((e) => e.type === 'CALL')).toEqual([]);
    expect(one('Senator John Smith called Jane Doe a liar.').events.filter((e) => e.type === 'CALL')).toEqual([]);
  });

  test('speaking to an outlet is an interview, not a call', () => {
    const doc = one("Speaking to the BBC's Westminster Hour on Sunday, Liberal Democrat leader Charles Kennedy said the election would be close.");
    expect(doc.events.map((e) => e.type)).toEqual(['INTERVIEW']);
  });

  test('shares that rally are no gathering', () => {
    expect(one('Shares in Vodafone staged a late rally on Friday after the results.').events).toEqual([]);
  });
});

describe('companies the 1996 training data never saw', () => {
  test.each([
    ['Sony said it would cut the price of its console in Europe.', 'Sony'],
    ['Flat screens are made by the likes of Sony and Samsung.', 'Sony'],
    ['Shares in Yahoo rose 5% after the results.', 'Yahoo'],
  ])('"%s": %s is an organisation', (text, name) => {
    expect(one(text).entities.find((e) => e.name === name)?.type).toBe('ORGANIZATION');
  });

  test('a person named by surname stays a person', () => {
    const doc = one('Prime Minister Tony Blair met union leaders. Blair said he would listen.');
    expect(doc.entities.filter((e) => e.type === 'PERSON').map((e) => e.name)).toEqual(['Tony Blair']);
  });
});

describe('status from the words above the trigger', () => {
  test.each([
    ['EU leaders and President George Bush are to hold a summit in Brussels next July.', 'SUMMIT'],
    ['The summit in Brussels next July brings EU leaders and President George Bush together.', 'SUMMIT'],
    ['Britain and France agreed to open talks with Iran on its nuclear programme.', 'TALKS'],
    ['Foreign Secretary Jack Straw spoke in London ahead of meeting US Secretary of State Condoleezza Rice on Friday.', 'MEETING'],
    ['Opec members are next meeting in Vienna to discuss production levels on 16 March.', 'MEETING'],
    ['A meeting of Suffolk Coastal UKIP members is due to be held next week to discuss a replacement.', 'MEETING'],
    ['Three days of talks on the future of the islands begin at the foreign minister\'s residence later on Friday.', 'TALKS'],
    ['The talks between Britain and Spain open in Madrid tomorrow.', 'TALKS'],
    ['Mr Blair spoke to reporters ahead of an EU summit in Brussels.', 'SUMMIT'],
    ['Gordon Brown will visit an orphanage in Tanzania before chairing a meeting of the Commission for Africa in Cape Town.', 'MEETING'],
    ['Talks aimed at averting a series of national strikes over pensions will take place this weekend.', 'TALKS'],
    ['Officials at the two-day summit at Chevening will plan a new forum on the future of Gibraltar.', 'SUMMIT'],
  ])('"%s" is planned', (text, type) => {
    const events = one(text).events.filter((e) => e.type === type);
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((e) => e.status)).toEqual(events.map(() => 'PLANNED'));
  });
});

test('a name that is also a modal ("Theresa May") leaves the status alone', () => {
  const doc = one('Prime Minister Theresa May met Spanish Prime Minister Mariano Rajoy in Madrid on Monday.');
  expect(doc.events.map((e) => [e.type, e.status])).toEqual([['MEETING', 'OCCURRED']]);
});

test('being happy to meet someone, or asking for talks, offers a meeting: PROPOSED', () => {
  expect(one('President Jacques Chirac said he would be happy to meet Iyad Allawi.').events.map((e) => e.status)).toEqual(['PROPOSED']);
  expect(one('"We are asking for them to negotiate," said union leader Hugh Lanning.').events.map((e) => e.status)).toEqual(['PROPOSED']);
});

describe('who met whom, read from the tree', () => {
  const parties = (doc: Doc) => doc.events.map((e) => names(doc, e.participants.map((p) => p.entity)));
  test.each([
    ['Euronext, which combines the Paris, Amsterdam and Lisbon exchanges, began talks with the LSE.', ['Euronext', 'LSE']],
    ['London Mayor Ken Livingstone was joined by Prime Minister Tony Blair at a school in Leeds.', ['Ken Livingstone', 'Tony Blair']],
    ['John Smith held private talks with Peter Jones in London.', ['John Smith', 'Peter Jones']],
    ['The WTO is to hold talks with both Chile and Peru.', ['Chile', 'World Trade Organization']],
    ['NATO Secretary General Mark Rutte, who met with Donald Trump at the White House on Monday, spoke to reporters.', ['Donald Trump', 'Mark Rutte']],
    ['The meeting between Blair and Brown is said to have gone well.', ['Blair', 'Brown']],
    // Photo captions: the position aside is no verb, and the caption's names were there.
    ["Turkey's President Recep Tayyip Erdogan, left, greets Devlet Bahceli before a meeting in Ankara.", ['Devlet Bahceli', 'Recep Tayyip Erdogan']],
    ['Senators John McCain, left, and Lindsey Graham, following a closed-door meeting with President Barack Obama.', ['Barack Obama', 'John McCain', 'Lindsey Graham']],
    // "their meeting" after "X walks with Y": the subject and the companion.
    ["Israel's Prime Minister Benjamin Netanyahu walks with Hillary Clinton upon her arrival to their meeting in Jerusalem.", ['Benjamin Netanyahu', 'Hillary Clinton']],
    // Where the parser hangs the "with" phrase or the title elsewhere, the words still name the party.
    ['Werner Seifert met LSE chief executive Clara Furse amid rumours of a higher bid.', ['Clara Furse', 'Werner Seifert']],
    ['Obama will meet with King Felipe and acting Prime Minister Mariano Rajoy before traveling to Rota.', ['King Felipe', 'Mariano Rajoy', 'Obama']],
    ['Russian President Vladimir Putin, right, and Syria President Bashar Assad arrive for their meeting in the Kremlin.', ['Bashar Assad', 'Vladimir Putin']],
    ["Turkish President Recep Tayyip Erdogan, right, greets Saudi Arabia's Foreign Minister Adel al-Jubeir before a meeting in Ankara.", ['Adel al-Jubeir', 'Recep Tayyip Erdogan']],
  ])('"%s"', (text, want) => {
    expect(parties(one(text))).toContainEqual(want);
  });

  test.each([
    ['President George Bush visited the tomb of former president Anwar Sadat in Cairo.', 'Anwar Sadat'],
    ['Stephen Schechter, a UK investment banker who has held talks with Borussia Dortmund, said the club needed cash.', 'United Kingdom'],
    ["Ukraine's President Volodymyr Zelenskiy meets with US Special Envoy for Ukraine Keith Kellogg in Kyiv.", 'Ukraine'],
    ['The Irish duo have cut off talks with Malcolm Glazer over the sale of their stake.', 'Ireland'],
    ['The Belfast IRA leaders meet in the Andersonstown estate.', 'Belfast'],
    ['NATO ambassadors met Sunday in Brussels to discuss Ukraine.', 'Ukraine'],
    ['Jimmy Carter visited the tomb of a former president, Anwar Sadat, in Cairo.', 'Anwar Sadat'],
  ])('"%s": %s takes no part', (text, name) => {
    expect(parties(one(text)).flat()).not.toContain(name);
  });

  test.each([
    'Mr Brown said he would meet his golden economic rule over the cycle.',
    'The government insists the noise targets for the new runway can be met.',
    'Blair promised to meet concerns about the bill.',
    'The ex-chatshow host Robert Kilroy-Silk left the party.',
    'And behold, after every meeting, the siege on Aleppo gets tighter.',
    'We could see regular visits by Russian naval ships to Suva.',
    'Visitors can take private tours of Parliament.',
    // A hunt meets to ride out: the hunting sense, not a meeting of parties.
    'Some 270 hunts met legally on Saturday, killing 91 foxes.',
    'The Countryside Alliance called on hunt supporters to meet as normal.',
  ])('"%s" is no meeting', (text) => {
    expect(one(text).events).toEqual([]);
  });

  test('a news conference after a meeting is another event; shaking hands is meeting', () => {
    const doc = one('Vice President Joe Biden, left, shakes hands with Turkish Prime Minister Ahmet Davutoglu, right, following a joint news conference after their meeting in Istanbul.');
    const meeting = doc.events.find((e) => e.type === 'MEETING');
    expect(doc.events.map((e) => e.type).sort()).toEqual(['MEETING', 'PRESS_CONFERENCE']);
    expect(meeting && names(doc, meeting.participants.map((p) => p.entity))).toEqual(['Ahmet Davutoglu', 'Joe Biden']);
  });

  test('a title alone is the one person named earlier with it', () => {
    const doc = one('Prime Minister Malcolm Turnbull waited in New York. Trump arrived late, delaying his meeting with the prime minister by hours.');
    expect(parties(doc).flat()).toContain('Malcolm Turnbull');
  });

  test('an office set off by commas beside a name is that person\'s title, and the title alone refers to them later', () => {
    const doc = one('Gordon Brown, the chancellor, spoke in Leeds. Michael Howard, the Tory leader, stayed in London. Later Tony Blair held talks with the chancellor. On Friday Mr Blair met the Tory leader in Manchester.');
    expect(entity(doc, doc.entities.find((e) => e.name === 'Gordon Brown')!.id).roles?.map((r) => r.title)).toEqual(['Chancellor']);
    const talks = doc.events.find((e) => e.type === 'TALKS');
    expect(talks && names(doc, talks.participants.map((p) => p.entity))).toEqual(['Gordon Brown', 'Tony Blair']);
    const meeting = doc.events.find((e) => e.type === 'MEETING');
    expect(meeting && names(doc, meeting.participants.map((p) => p.entity))).toEqual(['Michael Howard', 'Tony Blair']);
  });

  test('who a relative clause on a gathering says attends or chairs it is at it', () => {
    const doc = one('Tony Blair will address MPs on Monday at a behind-closed doors meeting which Gordon Brown is thought likely to attend.');
    const meeting = doc.events.find((e) => e.type === 'MEETING');
    expect(meeting && names(doc, meeting.participants.map((p) => p.entity))).toEqual(['Gordon Brown', 'Tony Blair']);
  });

  test('a host named with a lower-case title is the host; a pronoun right after a fronted phrase\'s last name is not that name', () => {
    const doc = one('Tony Blair felt he had lost voters\' trust. And that at a dinner hosted by deputy PM John Prescott he told Gordon Brown of his intention to stand down.');
    const dinner = doc.events.find((e) => e.type === 'MEETING');
    expect(dinner && names(doc, dinner.participants.map((p) => p.entity))).toEqual(['Gordon Brown', 'John Prescott', 'Tony Blair']);
  });

  test('countries or nations named with a body stand for that body', () => {
    const doc = one('The G8 countries will meet at Gleneagles in Scotland.');
    expect(parties(doc)).toEqual([['G8']]);
  });

  test('a name after "a" or "an" that modifies a noun is no party', () => {
    const doc = one('Gordon Brown will visit an HIV/Aids orphanage in Tanzania on Monday.');
    expect(parties(doc)).toEqual([['Gordon Brown']]);
  });

  test('talks with both A and B, or with A and with B, are two events: A did not meet B', () => {
    const doc = one('The World Trade Organisation is to hold membership talks with both Iraq and Afghanistan.');
    expect(parties(doc).map((p) => p.sort())).toEqual([['Iraq', 'World Trade Organisation'], ['Afghanistan', 'World Trade Organisation']]);
    expect(parties(one('Smith held talks with Jones and Brown on Monday.'))).toHaveLength(1);
  });

  test('who is due to take part in talks takes part, however the parser hangs "due to"', () => {
    const doc = one('On Thursday Jack Straw was in India. He is due to take part in talks with the Indian government on Friday.');
    const talks = doc.events.find((e) => e.type === 'TALKS');
    expect(talks && names(doc, talks.participants.map((p) => p.entity))).toEqual(['India', 'Jack Straw']);
  });

  test('the simple present with a day is a timetable; a recent meeting, or negotiations to conclude, have taken place', () => {
    const planned = one('European Union finance ministers meet on Thursday to discuss a tax on jet fuel.').events[0];
    expect([planned.status, planned.date]).toEqual(['PLANNED', '2025-05-22']);
    expect(one('The plan was tabled by France following the recent G7 meeting.').events[0].status).toBe('OCCURRED');
    expect(one('The FAO has urged the World Trade Organisation to swiftly conclude negotiations on trade.').events[0].status).toBe('OCCURRED');
  });

  test('"the three-day conference" and "Thursday\'s meeting" refer back to the gathering told before', () => {
    const doc = one('Protesters are set to gather at Labour\'s spring conference in Gateshead. Campaigners were also expected to demonstrate during the three-day conference which starts on Friday.');
    expect(doc.events.filter((e) => e.type === 'MEETING')).toHaveLength(1);
  });

  test('"the commission" is the one organisation named before with that word; who acts after talks with someone held them', () => {
    const doc = one('The European Commission proposed a tax. Jack Straw met the commission in Brussels on Monday.');
    expect(parties(doc).flat().sort()).toEqual(['European Commission', 'Jack Straw']);
    const after = one('The package was announced by agriculture minister Dominique Bussereau after talks with Oxfam on Monday.');
    expect(parties(after).flat().sort()).toEqual(['Dominique Bussereau', 'Oxfam']);
  });

  test('a proponent of talks is no party to them; a name compounded with a visit is where it goes', () => {
    expect(parties(one('Mr Blair is an enthusiastic proponent of talks to bring Turkey within the EU.'))).toEqual([[]]);
    expect(parties(one('John Snow, who is in Dublin at the start of a four-nation EU visit, praised Ireland.')).flat()).not.toContain('European Union');
    expect(parties(one('Tony Blair was the host of the talks with George Bush.')).flat().sort()).toEqual(['George Bush', 'Tony Blair']);
  });

  test('a meeting between named parties has those parties; who signs something during it is represented, not added', () => {
    const doc = one('India and Russia signed a memorandum on Tuesday during a meeting between Gazprom chairman Aleksey Miller and ONGC chairman Subir Raha.');
    expect(parties(doc).flat()).not.toContain('India');
    expect(parties(doc).flat()).toContain('Aleksey Miller');
  });

  test('"his" before a name continues the story\'s subject; a possessor is not what a sentence is about', () => {
    const doc = one('Viktor Makarov joined the KGB as a young man. One of his fellow pupils was Vladimir Putin. In 1992 he made contact with the British, who arranged a meeting between him and an MI6 agent in Latvia.');
    expect(parties(doc).flat()).toContain('Viktor Makarov');
    expect(parties(doc).flat()).not.toContain('Vladimir Putin');
    // Who arranged the meeting between him and the agent brought them together, and was not at it.
    expect(parties(doc).flat()).not.toContain('United Kingdom');
    const owner = one("Putin's former classmate Alexander Makarov was jailed in 1990. In 1992 he made contact with the British, who arranged a meeting between him and an agent in Latvia.");
    expect(parties(owner).flat()).toContain('Alexander Makarov');
    expect(parties(owner).flat()).not.toContain('Putin');
  });

  test('who sets off on a tour of a place visits it; touring places is visiting them', () => {
    const doc = one('Gordon Brown is leaving Britain on a high-profile tour of Africa.');
    const tour = doc.events.find((e) => e.type === 'VISIT');
    expect(tour && names(doc, tour.participants.map((p) => p.entity))).toEqual(['Gordon Brown']);
    expect(tour && entity(doc, tour.place!).name).toBe('Africa');
    const touring = one('Foreign Secretary Jack Straw, touring South East Asian countries, praised the aid effort.');
    expect(parties(touring)).toEqual([['Jack Straw']]);
  });

  test('a habit quoted elsewhere in the sentence does not make its gathering habitual', () => {
    const doc = one('Mr Brown said it was "winning support every day" and said a programme had been agreed in time for the G8 summit in July.');
    expect(doc.events.map((e) => e.type)).toEqual(['SUMMIT']);
    expect(one('Tourists who visit Cuba every year spend millions.').events).toEqual([]);
  });

  test('an office the article never gives is the named person who held it on the publication date', () => {
    const text = 'Tony Blair and Gordon Brown were seen together. The prime minister and his chancellor arrived for a meeting of the Parliamentary Labour Party on Monday, Mr Howard said.';
    const at = (publishedAt: string) => extract({ name: 'test', text, single: true, meta: { title: 'Test', publishedAt } }, pipelineComponents()).docs[0];
    const in2005 = at('2005-03-01');
    const meeting = in2005.events.find((e) => e.type === 'MEETING');
    // "Mr Howard" (a surname alone) is no rival to the full name Tony Blair, though a John Howard was a prime minister.
    expect(meeting && names(in2005, meeting.participants.map((p) => p.entity))).toEqual(['Gordon Brown', 'Parliamentary Labour Party', 'Tony Blair']);
    // In 2008 Gordon Brown was the prime minister and his chancellor is not named: no one is made up.
    const in2008 = at('2008-03-01');
    const later = in2008.events.find((e) => e.type === 'MEETING');
    expect(later && names(in2008, later.participants.map((p) => p.entity))).toEqual(['Gordon Brown', 'Parliamentary Labour Party']);
  });

  test('a description with a demonym is the person with that office of that country, not the country', () => {
    const doc = one('President Pervez Musharraf of Pakistan arrived in London. On Monday the Pakistani president met Prime Minister Tony Blair at Downing Street. He is due to visit Manchester on Tuesday.');
    const meeting = doc.events.find((e) => e.type === 'MEETING');
    expect(meeting && names(doc, meeting.participants.map((p) => p.entity))).toEqual(['Pervez Musharraf', 'Tony Blair']);
    const visit = doc.events.find((e) => e.type === 'VISIT');
    expect(visit && names(doc, visit.participants.map((p) => p.entity))).toEqual(['Pervez Musharraf']);
  });

  test('a group of two by number is the two the story names most', () => {
    const doc = one('Foster\'s Group has bid for Southcorp. Southcorp rejected the offer from Foster\'s Group on Monday. The two companies held four days of talks in Sydney.');
    const talks = doc.events.find((e) => e.type === 'TALKS');
    expect(talks && names(doc, talks.participants.map((p) => p.entity))).toEqual(["Foster's Group", 'Southcorp']);
    const pair = one('Ray Mallon and Neil Herron have argued for months. The pair met on the platform at Sunderland station on Friday.');
    expect(parties(pair).flat().sort()).toEqual(['Neil Herron', 'Ray Mallon']);
  });

  test('"he" continues the story\'s subject across sentences', () => {
    const doc = one('General Ali Khan flew in from Washington. He arrived in London on Sunday, where he met President George Bush. He is due to visit Manchester on Tuesday.');
    const visit = doc.events.find((e) => e.type === 'VISIT');
    expect(visit && names(doc, visit.participants.map((p) => p.entity))).toEqual(['Ali Khan']);
  });

  test('who acts at a gathering was there; a country after "in" is where, not who', () => {
    const doc = one('At a dinner hosted by John Prescott on Monday, Tony Blair told Gordon Brown of his plans.');
    expect(parties(doc).flat().sort()).toEqual(['Gordon Brown', 'John Prescott', 'Tony Blair']);
    const summit = one('Foreign Secretary Jack Straw arrives in Indonesia for a special summit meeting on the disaster.');
    const event = summit.events.find((e) => e.type === 'SUMMIT');
    expect(event && names(summit, event.participants.map((p) => p.entity))).toEqual(['Jack Straw']);
    expect(event?.place && entity(summit, event.place).name).toBe('Indonesia');
  });

  test('what a "where" clause after a gathering tells was done there, by and to those at it', () => {
    const doc = one('Ruth Kelly hosted a lunch in March where Home Secretary Charles Clarke told David Miliband of the plan.');
    expect(parties(doc).flat().sort()).toEqual(['Charles Clarke', 'David Miliband', 'Ruth Kelly']);
    const summit = one('Jacques Chirac and Gerhard Schroeder met at a summit in Paris where Mr Chirac told Silvio Berlusconi of his doubts.');
    expect(parties(summit).flat().sort()).toEqual(['Gerhard Schroeder', 'Jacques Chirac', 'Silvio Berlusconi']);
  });

  test('to discuss something with someone is to hold talks with them; a meeting\'s purpose is not another event', () => {
    const talks = one('Mr Clarke said he had discussed the new bill with Home Office minister Hazel Blears on Friday.');
    expect(talks.events.map((e) => [e.type, e.status, names(talks, e.participants.map((p) => p.entity))])).toEqual([['TALKS', 'OCCURRED', ['Clarke', 'Hazel Blears']]]);
    expect(one('The cabinet discussed the budget on Monday.').events).toEqual([]);
    // Without both sides named, "discuss" says nothing of who talked.
    expect(one('One option being discussed with other ministries is a new tax.').events).toEqual([]);
    const meeting = one('Nicolas Sarkozy held a meeting with Angela Merkel to discuss the crisis with her ministers.');
    expect(meeting.events.map((e) => e.type)).toEqual(['MEETING']);
  });

  test('the owner of a group noun is the party it stands for; a gerund after "in" shares the subject of the verb above', () => {
    const doc = one("The EU's leaders are expected to drive a hard bargain in negotiating with Switzerland.");
    expect(parties(doc).flat().sort()).toEqual(['European Union', 'Switzerland']);
  });

  test('a wish to meet is proposed; a gathering "to be held" or where a wished act would happen is still to come', () => {
    const status = (text: string) => one(text).events.map((e) => [e.type, e.status]);
    expect(status('The campaign group said it now wanted to meet party chairman Alan Johnson for discussions.')).toEqual([['MEETING', 'PROPOSED']]);
    expect(status('A meeting of the Council of Europe - a body of 46 states - to be held in Strasbourg in May will discuss the report.')).toEqual([['MEETING', 'PLANNED']]);
    expect(status('The Dutch presidency is hoping to strike a deal at a December summit.')).toEqual([['SUMMIT', 'PLANNED']]);
    expect(status('Mr Cook called for a summit on the crisis.')).toEqual([['SUMMIT', 'PROPOSED']]);
  });

  test('a lead that reports a gathering without its parties is the gathering the next sentence names them in', () => {
    const doc = one('Talks aimed at averting a national rail strike have ended without agreement. Three rail unions met Transport Secretary Alistair Darling in Leeds.');
    expect(doc.events.map((e) => [e.type, names(doc, e.participants.map((p) => p.entity)), e.mentions.length])).toEqual([['TALKS', ['Alistair Darling'], 2]]);
  });

  test('an anaphor with a day of its own dates the undated gathering it names again', () => {
    const doc = one('The Liberal Democrat spring conference began in Harrogate. Charles Kennedy, who had been due to welcome delegates to the conference on Friday, will address them on Saturday.');
    expect(doc.events.filter((e) => e.type === 'MEETING').map((e) => [e.status, e.mentions.length])).toEqual([['OCCURRED', 2]]);
  });

  test('a name that ends a relative clause just before the trigger is that clause\'s object, not a party', () => {
    const doc = one('Three activists who support Mr Galloway met Ms Prentice in Bethnal Green on Monday.');
    expect(parties(doc).flat()).toEqual(['Prentice']);
  });

  test('criteria that "had to be met", a conference company and "party conference standards" name no gathering', () => {
    for (const text of ['Mr Cook said tough criteria on human rights still had to be met before any sale.', 'The reaction was muted by party conference standards.', 'Informa is the largest independent conference company in Europe.']) {
      expect(one(text).events).toEqual([]);
    }
  });

  test('"the US president" is the president of the United States named before', () => {
    const doc = one('US President George W Bush arrived in London. The minister spoke on the telephone to the US president and the presidents of Chile and Peru.');
    const call = doc.events.find((e) => e.type === 'CALL');
    expect(call && names(doc, call.participants.map((p) => p.entity))).toEqual(['Chile', 'George W Bush', 'Peru']);
  });

  test('the places a visit names are where it went, not who visited', () => {
    const doc = one('Liberal Democrat leader Charles Kennedy visits Manchester, Liverpool, Leicester, Bristol, Dorset and Torbay this week.');
    const visit = doc.events.find((e) => e.type === 'VISIT');
    expect(visit && names(doc, visit.participants.map((p) => p.entity))).toEqual(['Charles Kennedy']);
    expect(doc.entities.filter((e) => ['Manchester', 'Liverpool', 'Leicester', 'Bristol'].includes(e.name)).map((e) => e.type)).toEqual(['PLACE', 'PLACE', 'PLACE', 'PLACE']);
  });

  test('a date inside a clause about another noun is not the event\'s', () => {
    const doc = one('The summit in Brussels will assess progress on the reform plans agreed in Lisbon in 2000.');
    expect(doc.events.find((e) => e.type === 'SUMMIT')?.date).toBeNull();
  });

  test('a country named only as one person\'s office is not a party', () => {
    const doc = one('Files about the Pakistani president\'s visit to London were found on a train.');
    expect(doc.events.flatMap((e) => names(doc, e.participants.map((p) => p.entity)))).not.toContain('Pakistan');
  });

  test('the subject of "was at"/"has been in talks" takes part, unless it says who was absent; saying splits two gatherings', () => {
    const doc = one('Mr Brown, who was not at the Downing Street meeting, says he has been in "intensive talks" with other finance ministers.');
    expect(doc.events.map((e) => [e.type, names(doc, e.participants.map((p) => p.entity))])).toEqual([['MEETING', []], ['TALKS', ['Brown']]]);
  });

  test('speaking to a meeting is attending it', () => {
    const doc = one('Commissioner Ian Blair told a meeting of the Metropolitan Police Authority that the risk was low.');
    expect(parties(doc).flat()).toContain('Ian Blair');
  });

  test('a trigger word that modifies another noun names a kind of thing, not an event', () => {
    expect(one('They expect compromise from the regime at the negotiating table.').events).toEqual([]);
  });

  test('"the visit" refers back to the visit named before, even where its word is also a verb', () => {
    const doc = one('Jane Porter is to join Home Secretary Alan Grey in a visit to Sheffield on Thursday. The visit to Sheffield will be seen as a show of unity.');
    expect(doc.events.filter((v) => v.type === 'VISIT')).toHaveLength(1);
  });

  test('an anaphor named by another organisation is another gathering; "the conference" is the conference named before', () => {
    const doc = one('India attends the G7 meeting of leading nations on Friday. The G8 summit will be held in Scotland next year.');
    expect(doc.events).toHaveLength(2);
    const two = one('Ravi Menon is attending the G7 meeting in London. At a conference hosted by Alan Grey on Friday, Mr Menon praised floating rates. "It works," he told the conference.');
    const conference = two.events.find((v) => v.mentions.some((m) => m.trigger.text === 'conference'))!;
    expect(conference.mentions).toHaveLength(2);
  });

  test('who attends or leaves a gathering was at it, whatever the verb\'s form', () => {
    expect(parties(one('Ravi Menon is attending the G7 meeting as part of the G20 group.')).flat()).toEqual(expect.arrayContaining(['G7', 'Ravi Menon']));
    expect(parties(one('Leaving a Brussels summit Mr Blair said the deal was fair.')).flat()).toContain('Blair');
  });

  test('"it" reported by an organisation is that organisation', () => {
    const doc = one('The EU has announced that it will start accession talks with Croatia in April 2005.');
    expect(parties(doc)[0]).toEqual(expect.arrayContaining(['European Union', 'Croatia']));
  });

  test('a pronoun after a fronted phrase continues the story, not a name inside the phrase; a gathering is hosted wherever "hosted" hangs', () => {
    const doc = one('Ravi Menon, the finance minister, argued for reform. At a conference on developing enterprise hosted by Alan Grey on Friday, he said that rates should float. "It works," he told the conference.');
    expect(parties(doc)).toEqual([['Alan Grey', 'Ravi Menon']]);
    // The subject of a fronted clause is still the pronoun's antecedent.
    expect(parties(one('After Tony Blair arrived, he met Jacques Chirac.'))).toEqual([['Jacques Chirac', 'Tony Blair']]);
  });

  test('"Mrs Howard" after "Mr Howard" is another person; "the meeting of the commission" is not the summit before it', () => {
    const doc = one('Michael Howard will tour the country. Mr Howard said he was ready. Mrs Howard will make solo visits to target seats.');
    expect(parties(doc)).toEqual([['Howard']]);
    const two = one('The G8 summit in Gleneagles will use the report. The announcement followed the final meeting of the commission in London.');
    expect(two.events).toHaveLength(2);
  });

  test('meeting regulations or forecasts satisfies them; a country named as a secretary of state\'s office is no party', () => {
    expect(one('Foreign firms have been given an extra year to meet tough new corporate governance regulations.').events).toEqual([]);
    expect(one('Profits at the bank met analysts\' forecasts.').events).toEqual([]);
    expect(parties(one('This week Colin Powell, US Secretary of State, was visiting the West Bank.'))).toEqual([['Colin Powell']]);
  });

  test('telling a news outlet is an interview; its speaker\'s employer is no party; a verb in the simple past happened', () => {
    const doc = one('Paid leave would be increased to nine months by 2007, Patricia Hewitt told GMTV\'s Sunday programme.');
    expect(doc.events.map((v) => [v.type, v.status])).toEqual([['INTERVIEW', 'OCCURRED']]);
    expect(parties(doc)[0]).toEqual(['GMTV', 'Patricia Hewitt']);
    const two = one('"It is too dependent on the rest of the world," James Carrick, an economist with ABN Amro, told Reuters.');
    expect(parties(two)).toEqual([['James Carrick', 'Reuters']]);
    // No outlet, no interview: "told the Commons", "told counterparts".
    expect(one('Sumitomo bosses told counterparts at UFJ of its decision.').events).toEqual([]);
  });

  test('"Indian" is India; the owner of a place visited is no party; two venues are two events', () => {
    expect(parties(one('Jack Straw will hold talks with the Indian government on Friday.'))[0]).toEqual(['India', 'Jack Straw']);
    expect(parties(one('On Thursday Jack Straw was in India visiting Sikhism\'s holiest shrine in Amritsar.'))).toEqual([['Jack Straw']]);
    const doc = one('Tony Blair chaired a meeting of the emergency committee on Tuesday. Gordon Brown was not at the Downing Street meeting. Jack Straw will represent the G8 at the international conference called in Jakarta on Thursday.');
    const jakarta = doc.events.find((v) => v.mentions.some((m) => m.trigger.text === 'conference'))!;
    expect(jakarta.mentions).toHaveLength(1);
  });

  test('hosting a gathering is a meeting of its hosts; a name after "Mrs" is a person, and "Parker Bowles" is the Camilla Parker Bowles named before', () => {
    const doc = one('Prince Charles and Camilla Parker Bowles are to marry. On Thursday night, Prince Charles, 56, and Mrs Parker Bowles, 57, hosted a dinner at Windsor Castle.');
    expect(parties(doc)).toEqual([['Camilla Parker Bowles', 'Prince Charles']]);
    expect(one('Lyon will host the semi-finals.').events).toEqual([]);
    expect(one('On Monday, a delegation of councils visited Ms Essex to lobby for funds.').entities.find((e) => e.name === 'Essex')?.type).toBe('PERSON');
  });

  test('a date in a reported clause is not the telling\'s; a conference one spoke to in the past took place', () => {
    const doc = one('First Minister Rhodri Morgan told BBC Wales he had agreed with Ms Hutt in 2003 that she would not be health minister.');
    expect(doc.events.map((v) => [v.type, v.date])).toEqual([['INTERVIEW', null]]);
    expect(one('The government would outlaw it, the minister told a conference on ageing in London.').events.map((v) => v.status)).toEqual(['OCCURRED']);
  });

  test('favouring talks proposes them; a conference platform is no conference', () => {
    expect(one('Italy and Germany also favour an early start to talks.').events.map((v) => v.status)).toEqual(['PROPOSED']);
    expect(one('Mr Blair is an enthusiastic proponent of talks to bring Turkey into the EU.').events.map((v) => v.status)).toEqual(['PROPOSED']);
    expect(one('His performances on the conference platform made it easy to forget.').events).toEqual([]);
  });

  test('visits to two countries are two visits; what came before something that happened happened; a counterpart\'s country is his office', () => {
    const doc = one('Mr Blair made a surprise trip to Iraq this week. Mr Blair briefly visited the tomb of Yasser Arafat in Ramallah. Before visiting Israel, Mr Blair made a surprise visit to Iraq.');
    expect(doc.events.filter((v) => v.type === 'VISIT').map((v) => v.status)).toEqual(['OCCURRED', 'OCCURRED', 'OCCURRED']);
    expect(parties(one('Mr Blair held talks with his Israeli counterpart, Ariel Sharon.'))).toEqual([['Ariel Sharon', 'Blair']]);
  });

  test('a name in what is told is no party; an interview is never placed at its programme', () => {
    const doc = one('Amanda\'s uncle, Lewis Champion, told the BBC News website Ford did not deserve any credit.');
    expect(parties(doc)).toEqual([['BBC News', 'Lewis Champion']]);
    expect(one('Mr Blair told BBC Radio 4\'s Westminster Hour: "We should cut it."').events[0].place).toBeNull();
  });

  test('"any such meeting" refers back; a condition on how talks end takes them as held; "the run-up to the G8 summit" is before it', () => {
    expect(one('Mr Blunkett chaired a meeting to discuss delays. The inquiry will decide if any such meeting was relevant.').events).toHaveLength(1);
    expect(one('Turkey will need to return to the polls if ongoing government coalition talks fail.').events.map((v) => v.status)).toEqual(['OCCURRED']);
    expect(one('The campaign is mounted in the run-up to the G8 summit in Gleneagles in July.').events.map((v) => v.status)).toEqual(['PLANNED']);
  });

  test('who spoke during or at a gathering was at it, read from the words where the tree lost the speaker', () => {
    expect(parties(one('Hiding women away is a backward view of Islam, President Musharraf of Pakistan has said during a visit to Britain.'))).toEqual([['Musharraf']]);
    expect(parties(one('At a news conference following talks with Mr Blair, Mr Abbas said he was hopeful.'))).toContainEqual(['Abbas']);
    expect(one('Ahead of Sunday\'s meeting in London, Patricia Hewitt said she was proud of the industry.').events.map((v) => [names(one('Ahead of Sunday\'s meeting in London, Patricia Hewitt said she was proud of the industry.'), v.participants.map((p) => p.entity)), v.status])).toEqual([[['Patricia Hewitt'], 'PLANNED']]);
    expect(one('Borussia Dortmund has warned it will go bankrupt if rescue talks with creditors fail.').events.map((v) => v.status)).toEqual(['OCCURRED']);
  });

  test('a relative clause about a description of a person is about the person; a news agency is its name', () => {
    expect(parties(one('Stephen Schechter, a UK investment banker who has held talks with Borussia Dortmund, said the club needs money.'))).toEqual([['Borussia Dortmund', 'Stephen Schechter']]);
    expect(parties(one('A lawyer for the victims, Eduardo Contreras, told Reuters news agency: "This demonstrates it."'))).toEqual([['Eduardo Contreras', 'Reuters']]);
  });

  test('calls: "spoken by telephone" is one; a thing called a name, "so-called", calling a plan something, and speaking to journalists are none', () => {
    expect(one('Tony Blair and Gerhard Schroeder have spoken by telephone about the crisis.').events.map((v) => v.type)).toEqual(['CALL']);
    expect(one('Food was donated by a charity called Preemptive Love Coalition.').events).toEqual([]);
    expect(one('Egypt is arming Haftar and his so-called Libyan National Army.').events).toEqual([]);
    expect(one('Rand Paul called Rubio\'s plan a "wrong idea".').events).toEqual([]);
    expect(one('Hassan Rouhani speaks to journalists in New York.').events).toEqual([]);
  });

  test('the present progressive with a day is an arrangement; a face-to-face service is no meeting', () => {
    expect(one('The government is holding a further meeting on Friday with industry representatives.').events.map((v) => v.status)).toEqual(['PLANNED']);
    expect(one('The leaders are meeting now in Paris.').events.map((v) => v.status)).toEqual(['OCCURRED']);
    expect(one('Pensioners need a face-to-face service, not a call centre.').events).toEqual([]);
  });

  test('"they" meeting after two people are named is those two', () => {
    expect(parties(one('Stephen Pound says he rang Lucy Hart as soon as he got her letter, they met up and have been in contact since.'))).toEqual([['Lucy Hart', 'Stephen Pound']]);
    // Three people named: "they" is no one in particular.
    expect(parties(one('Tony Blair, Gordon Brown and Jack Straw spoke. Later they met in Downing Street.'))).toEqual([[]]);
  });

  test('two triggers in two clauses are two events', () => {
    const doc = one('Though Obama shrugged off the comments during his own news conference Monday, the White House later canceled his meeting with Rodrigo Duterte.');
    expect(doc.events.map((v) => v.type).sort()).toEqual(['MEETING', 'PRESS_CONFERENCE']);
  });

  test('a conference is a meeting; discussions with someone are talks; a conference room is neither', () => {
    expect(one('Labour will hold its spring conference in Gateshead.').events.map((v) => v.type)).toEqual(['MEETING']);
    expect(one('The firms have held discussions with regulators from Japan.').events.map((v) => v.type)).toEqual(['TALKS']);
    expect(one('The conference room was full.').events).toEqual([]);
  });
});
