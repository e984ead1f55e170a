/**
 * Article intake: formats, page segmentation, captions, sources, dates, sentences, and
 * offsets that always slice the original input.
 */
import fs from 'node:fs';
import path from 'node:path';
import { detectFormat, intake, looksBinary } from '../../src/extract/intake';
import { extract } from '../../src/extract/pipeline';
import { splitSentences } from '../../src/extract/intake/sentences';
import { inferPublicationDate } from '../../src/extract/intake/dates';
import { toPublicJson } from '../../src/extract/output';
import { SEEDS_DIR } from '../helpers/server';

const seedFile = path.join(SEEDS_DIR, fs.readdirSync(SEEDS_DIR)[0]);
const seed = fs.readFileSync(seedFile, 'utf8');

describe('the seed page', () => {
  const docs = intake({ name: 'seed', text: seed });

  test('splits into two articles with their titles and inferred dates', () => {
    expect(docs.map((d) => [d.title, d.publishedAt, d.publishedAtInferred])).toEqual([
      ['Russia and Ukraine to Hold First Direct Peace Talks in over 3 Years', '2025-05-15', true],
      ['Zelenskiy Thanks Trump for Readiness to Support Ukraine', '2025-07-14', true],
    ]);
  });

  test('keeps captions once, apart from the body, and finds the sources', () => {
    for (const d of docs) {
      const captions = d.captions.map((c) => d.text.slice(c.start, c.end));
      expect(new Set(captions).size).toBe(captions.length);
      expect(captions.length).toBeGreaterThan(0);
    }
    expect(docs[0].sources).toEqual(expect.arrayContaining(['AFP', 'Reuters']));
    expect(docs[1].sources).toEqual(expect.arrayContaining(['Reuters']));
    expect(docs[1].text).toContain('meets with US Special Envoy');
  });

  test('drops page furniture', () => {
    for (const d of docs) expect(d.text.split('\n')).not.toContain('TT');
  });

  test('every public offset slices the original input', () => {
    for (const d of docs) {
      const out = toPublicJson(d, seed);
      for (const s of out.sentences) {
        const text = seed.slice(s.start, s.end);
        expect(text.trim().length).toBeGreaterThan(0);
      }
      expect(out.span.start).toBeGreaterThanOrEqual(0);
      expect(out.span.end).toBeLessThanOrEqual(seed.length);
    }
    const [withFacts] = extract({ name: 'seed', text: seed }, []).docs;
    const json = toPublicJson(withFacts, seed);
    // Sentence text in the input equals the cleaned sentence up to whitespace.
    json.sentences.forEach((s, i) => {
      const cleaned = withFacts.text.slice(withFacts.sentences[i].start, withFacts.sentences[i].end);
      expect(seed.slice(s.start, s.end).replace(/\s+/g, ' ')).toBe(cleaned.replace(/\s+/g, ' '));
    });
  });
});

describe('formats', () => {
  test('HTML: title, paragraphs and meta, no scripts or navigation', () => {
    const html = `<!doctype html><html><head><title>Site | Leaders meet</title>
      <meta property="article:published_time" content="2025-03-04T10:00:00Z"><meta property="og:site_name" content="Example News">
      <script>var tracking = "Putin met Trump";</script></head>
      <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Leaders meet in Riyadh</h1><p>Marco Rubio met Sergei Lavrov in Riyadh on Tuesday.</p>
      <p>The talks lasted four hours, officials said.</p></article><footer>Subscribe now</footer></body></html>`;
    expect(detectFormat(html)).toBe('html');
    const [doc] = intake({ name: 'page.html', text: html });
    expect(doc.title).toBe('Leaders meet in Riyadh');
    expect(doc.publishedAt).toBe('2025-03-04');
    expect(doc.publishedAtInferred).toBe(false);
    expect(doc.text).toContain('Marco Rubio met Sergei Lavrov');
    expect(doc.text).not.toMatch(/tracking|Subscribe|Home/);
    for (const s of doc.sentences) {
      const start = doc.toInputOffset(s.start);
      expect(html.slice(start, start + 5)).toBe(doc.text.slice(s.start, s.start + 5));
    }
  });

  test('JSONL: one article per record, given fields win, bad lines are reported and skipped', () => {
    const jsonl = [
      JSON.stringify({ id: 'a1', title: 'First', text: 'Macron met Scholz in Paris on Monday.', publishedAt: '2025-01-20', url: 'https://example.com/a1' }),
      '{not json',
      JSON.stringify({ title: 'Second', text: 'Meloni visited Kyiv.' }),
    ].join('\n');
    const { docs, errors } = extract({ name: 'x.jsonl', text: jsonl }, []);
    expect(docs.map((d) => [d.id, d.title, d.publishedAt, d.publishedAtInferred])).toEqual([
      ['a1', 'First', '2025-01-20', false],
      [expect.any(String), 'Second', null, false],
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/x\.jsonl:2/);
  });

  test('plain text without a title takes its first sentence', () => {
    const [doc] = intake({ name: 't.txt', text: 'Olaf Scholz met Emmanuel Macron in Berlin. They spoke for an hour.' });
    expect(doc.title).toMatch(/^Olaf Scholz met Emmanuel Macron/);
  });
});

describe('bad input', () => {
  test.each([
    ['empty', ''],
    ['whitespace', '   \n\n  '],
    ['binary', '\u0000\u0001PNG\u0002'.repeat(20)],
    ['invalid UTF-8 decoded', 'ab\ufffd\ufffd\ufffd'.repeat(30)],
    ['markup only', '<html><script>x()</script></html>'],
  ])('%s input is a clear error', (_name, text) => {
    const { docs, errors } = extract({ name: 'bad', text }, []);
    expect(docs).toEqual([]);
    expect(errors[0].message).toMatch(/^bad: /);
  });

  test('a few stray replacement characters are still text', () => {
    expect(looksBinary('Macron met Scholz in Berlin on Monday \ufffd and discussed trade at length with officials.')).toBe(false);
  });

  test('a scraped window with 2% replacement characters is extracted, with a warning', () => {
    // 22 replacement characters in about 1,000, as a mis-decoded news page has them.
    const sentence = 'Prime Minister Tony Blair met President George Bush at the White House in Washington on Monday\ufffds morning. ';
    const text = sentence.repeat(9) + 'x'.repeat(1000 - sentence.length * 9 - 13) + '\ufffd'.repeat(13);
    expect((text.match(/\ufffd/g) ?? []).length / text.length).toBeGreaterThan(0.02);
    const { docs, errors } = extract({ name: 'scraped', text, single: true }, []);
    expect(errors).toEqual([]);
    expect(docs[0].warnings.map((w) => w.code)).toContain('REPLACEMENT_CHARACTERS');
  });
});

describe('sentences', () => {
  test('survive abbreviations, initials, numbers and quotes', () => {
    const text = 'Gen. Keith Kellogg met U.S. Sen. J.D. Vance on Jan. 5 at 0745 GMT. Profits rose to $1.13bn. "We agreed," he said. Headline without stop';
    const spans = splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(['Gen. Keith Kellogg met U.S. Sen. J.D. Vance on Jan. 5 at 0745 GMT.', 'Profits rose to $1.13bn.', '"We agreed," he said.', 'Headline without stop']);
  });
});

describe('publication date inference', () => {
  test('the latest explicit date anchors the weekday words', () => {
    expect(inferPublicationDate('Talks were held on July 10, 2025. On Monday the envoy arrived.')).toBe('2025-07-14');
    // A limit or a time to come does not date the article: "extended the deadline until 15 July 2006".
    expect(inferPublicationDate('The SEC extended the deadline until 15 July 2006. Its officials met on Wednesday.')).toBeNull();
    expect(inferPublicationDate('Talks were held on July 10, 2025 and will resume from 1 September 2025.')).toBe('2025-07-10');
  });
});
