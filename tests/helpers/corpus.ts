/**
 * A small synthetic news corpus (no third-party text): meetings between a fixed cast, so
 * articles share entities and events.
 */
const PEOPLE = ['Emmanuel Macron', 'Olaf Scholz', 'Giorgia Meloni', 'Pedro Sanchez', 'Keir Starmer', 'Donald Tusk', 'Ursula von der Leyen', 'Mark Rutte'];
const PLACES = ['Paris', 'Berlin', 'Rome', 'Madrid', 'London', 'Warsaw', 'Brussels'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November'];

/** One synthetic article: a dated meeting of two people in a city, with a second paragraph. */
export function syntheticArticle(i: number): { title: string; text: string; publishedAt: string } {
  const a = PEOPLE[i % PEOPLE.length];
  const b = PEOPLE[(i * 3 + 1) % PEOPLE.length] === a ? PEOPLE[(i + 1) % PEOPLE.length] : PEOPLE[(i * 3 + 1) % PEOPLE.length];
  const place = PLACES[i % PLACES.length];
  const month = (i % 11) + 1;
  const day = (i % 27) + 1;
  const date = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const title = `${a.split(' ').pop()} meets ${b.split(' ').pop()} in ${place} (report ${i})`;
  const text = `${a} met ${b} in ${place} on ${MONTHS[month - 1]} ${day}, 2025, officials said. The two leaders discussed trade, defence and Ukraine in talks that lasted ${2 + (i % 5)} hours.\n\n"We agreed on the next steps," ${a.split(' ').pop()} told reporters after the meeting. Report number ${i} of the series.`;
  return { title, text, publishedAt: date };
}
