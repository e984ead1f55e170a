/**
 * The README's example query and variables: pre-filled in /graphiql and in Apollo Sandbox's
 * landing page (tests/unit/example.test.ts keeps README in step with it).
 */

/** The example operation, as the README shows it. */
export const EXAMPLE_QUERY = `query Explore($name: String!, $place: String!, $from: String!, $to: String!) {
  encounters(name: $name) {                           # names resolve like search: aliases, accents, Zelenskiy/Zelenskyy
    entity { name articleCount }                      # the entity the name resolved to
    nodes { counterpart { name } event { eventType status date place { name } evidence { sentence article { title } } confidence } }
  }
  meetings(filter: { place: $place }) {               # places include what lies inside them (Istanbul)
    totalCount
    edges { cursor node { eventType status date place { name } participants { entity { name } role } } }
  }
  path(from: $from, to: $to) { length steps { kind description } }
}`;

/** The example's variables. */
export const EXAMPLE_VARIABLES = { name: 'Zelensky', place: 'Türkiye', from: 'Kellogg', to: 'Putin' };

/** The headers pre-filled in the IDEs when the server needs API keys (placeholders, never a key). */
export function exampleHeaders(keys: { apiKey?: string; readKey?: string }): Record<string, string> {
  if (keys.readKey) return { Authorization: 'Bearer <KG_READ_KEY or KG_API_KEY>' };
  if (keys.apiKey) return { Authorization: 'Bearer <KG_API_KEY, for mutations>' };
  return {};
}
