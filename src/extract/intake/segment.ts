/**
 * Page segmentation: splits a scraped page into articles. A title line printed again
 * further down (as pages do above and below the photo) is the strongest start signal;
 * repeated lines that are not titles are captions, kept once and apart from the body.
 */
import { isCaption, isFurniture, isTitleLike, repeatKey, type Line } from './lines';

/** The parts of one article, as lines of the input. */
export interface ArticleParts {
  title: Line | null;
  captions: Line[];
  body: Line[];
  start: number;
  end: number;
  /** Lines dropped, for the warnings: repeats and furniture. */
  dropped: number;
}

/** Segments the lines of a page into articles; `single` keeps the whole page as one article. */
export function segmentPage(lines: Line[], single = false): ArticleParts[] {
  if (!lines.length) return [];
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(repeatKey(l.text), (counts.get(repeatKey(l.text)) ?? 0) + 1);
  const seen = new Set<string>();
  const starts: number[] = [];
  if (!single) {
    lines.forEach((l, i) => {
      const key = repeatKey(l.text);
      if (counts.get(key)! >= 2 && !seen.has(key) && isTitleLike(l.text)) starts.push(i);
      seen.add(key);
    });
  }
  if (!starts.length || starts[0] !== 0) {
    // Text before the first repeated title belongs to an article of its own only if it has a body.
    starts.unshift(0);
  }
  const articles: ArticleParts[] = [];
  for (let k = 0; k < starts.length; k++) {
    const slice = lines.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : lines.length);
    const parts = articleParts(slice, counts);
    if (parts.body.length || parts.captions.length || k === 0) articles.push(parts);
  }
  return articles.filter((a) => a.body.length || a.captions.length || a.title);
}

function articleParts(lines: Line[], counts: Map<string, number>): ArticleParts {
  const first = lines[0];
  // A lone line is the article's text, not a headline over nothing.
  const title = lines.length > 1 && isTitleLike(first.text, true) ? first : null;
  const seen = new Set<string>(title ? [repeatKey(title.text)] : []);
  const captions: Line[] = [];
  const body: Line[] = [];
  let dropped = 0;
  for (const line of title ? lines.slice(1) : lines) {
    const key = repeatKey(line.text);
    if (seen.has(key)) {
      dropped++;
      continue;
    }
    seen.add(key);
    if (isFurniture(line.text)) {
      dropped++;
      continue;
    }
    if (isCaption(line.text) || (counts.get(key)! >= 2 && !isTitleLike(line.text))) captions.push(line);
    else body.push(line);
  }
  return { title, captions, body, start: first.start, end: lines[lines.length - 1].end, dropped };
}
