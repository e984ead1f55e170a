/**
 * Who-met-whom pairs scored end to end against a reader's judgement (kg eval pairs), on made-up
 * articles: the judged BBC files themselves are never committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { evaluatePairs, sameParticipant } from '../../src/eval/pairs';
import { pipelineComponents } from '../../src/models';
import { runEval } from '../../src/cli/eval';
import { tempDir } from '../helpers/stores';

const articles = [
  { id: 'a1', title: 'Leaders meet', text: 'Prime Minister Tony Blair met Chancellor Gordon Brown in London on Monday. Mr Blair later flew to Paris.' },
  { id: 'a2', title: 'Union talks', text: 'Five public sector unions will hold talks with John Prescott in Gateshead.' },
];
const judged = [
  { id: 'a1', events: [{ type: 'MEETING', participants: ['Tony Blair', 'Gordon Brown'], locator: 'Prime Minister Tony Blair met Chancellor Gordon', status: 'HAPPENED' }] },
  // A reader's pair the product cannot give (a group named by a common noun), and an event type that is no meeting.
  { id: 'a2', events: [{ type: 'TALKS', participants: ['five public sector unions', 'John Prescott'], locator: 'Five public sector unions will hold talks', status: 'PLANNED' }, { type: 'INTERVIEW', participants: ['John Prescott', 'BBC'] }] },
];

describe('kg eval pairs', () => {
  test('the product pairs a reader lists are right; a reader pair it cannot name is missed', () => {
    const scores = evaluatePairs(articles, judged, pipelineComponents());
    expect(scores.articles).toBe(2);
    expect(scores.pairs).toMatchObject({ found: 1, gold: 2, right: 1, given: 1 });
    expect(scores.pairs.recall).toBe(0.5);
    expect(scores.missed).toEqual([{ article: 'a2', a: 'John Prescott', b: 'five public sector unions' }]);
    // Both statuses as the reader's: the meeting happened, the talks are still to come.
    expect(scores.events).toEqual({ gold: 2, found: 2, foundWithTwo: 1, statusJudged: 2, statusAgrees: 2 });
    // The diagnostic over pairs of two proper names leaves the group out.
    expect(scores.named).toEqual({ found: 1, gold: 1 });
  });

  test('a reader names a country as people write it', () => {
    const uk = { id: 'e1', key: 'place:united-kingdom', type: 'PLACE', name: 'United Kingdom', aliases: [], roles: [], mentions: [{ start: 0, end: 7, text: 'Britain' }], references: [] };
    expect(sameParticipant(uk as never, 'Britain')).toBe(true);
    expect(sameParticipant(uk as never, 'the UK')).toBe(true);
    expect(sameParticipant(uk as never, 'France')).toBe(false);
  });

  test('the command reads both files by path and says what is missing', () => {
    const dir = tempDir();
    const a = path.join(dir, 'articles.jsonl');
    const g = path.join(dir, 'judged.jsonl');
    fs.writeFileSync(a, articles.map((x) => JSON.stringify(x)).join('\n'));
    fs.writeFileSync(g, judged.map((x) => JSON.stringify(x)).join('\n'));
    const lines: string[] = [];
    expect(runEval(['pairs', '--gold', g, '--articles', a], (s) => lines.push(s))).toBe(0);
    expect(lines.join('\n')).toMatch(/pairs {2}P 100\.0 \(1 of 1 given\) {2}R 50\.0 \(1 of the reader's 2\)/);
    const usage: string[] = [];
    expect(runEval(['pairs', '--gold', g], (s) => usage.push(s))).toBe(2);
    expect(usage[0]).toMatch(/usage: kg eval pairs/);
  });
});
