/** Long single-paragraph texts for the hardening tests. */
import { syntheticArticle } from '../helpers/corpus';

/** About `bytes` of one long paragraph: plain prose with a dated meeting now and then. */
export function longParagraph(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = i % 40 === 0 ? syntheticArticle(i).text.replace(/\n+/g, ' ') : 'the committee said the weather had been fine for most of the week and the river ran on.';
    parts.push(part);
    size += part.length + 1;
  }
  return parts.join(' ').slice(0, bytes);
}

