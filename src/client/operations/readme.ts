/**
 * The README's example operations, as graphql-tag documents: validated against the schema and
 * typed by `npm run codegen`; tests/unit/client-operations.test.ts checks the README shows them
 * as written here, and tests/api/apollo-client.test.ts runs them with Apollo Client.
 */
import { gql } from 'graphql-tag';

/** The README's first query (also pre-filled in GraphiQL and Sandbox: src/api/example.ts). */
export const EXPLORE = gql`
  query Explore($name: String!, $place: String!, $from: String!, $to: String!) {
    encounters(name: $name) {
      entity { name articleCount }
      nodes { counterpart { name } event { eventType status date place { name } evidence { sentence article { title } } confidence } }
    }
    meetings(filter: { place: $place }) {
      totalCount
      edges { cursor node { eventType status date place { name } participants { entity { name } role } } }
    }
    path(from: $from, to: $to) { length steps { kind description } }
  }
`;

/** A fragment on the Entity interface, with type-specific fields: what possibleTypes is for. */
export const ENTITY_CARD = gql`
  fragment EntityCard on Entity {
    id
    name
    type
    articleCount
    ... on Person { titles }
    ... on Place { kind within { name } }
  }
`;

/** Entities by name, read through the EntityCard fragment. */
export const FIND_ENTITIES = gql`
  query FindEntities($text: String!) {
    search(text: $text, first: 5) { ...EntityCard }
  }
  ${ENTITY_CARD}
`;

/** One page of meetings either way: first/after forward, last/before backward. */
export const MEETINGS_PAGE = gql`
  query MeetingsPage($first: Int, $after: String, $last: Int, $before: String) {
    meetings(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id eventType date participants { entity { ...EntityCard } } } }
    }
  }
  ${ENTITY_CARD}
`;
