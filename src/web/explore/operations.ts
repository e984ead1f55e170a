/**
 * The explorer's GraphQL operations, as graphql-tag documents. `npm run codegen` validates them
 * against schema/*.graphql and types them (src/client/generated/operations.ts), so a schema
 * change that breaks the explorer fails `npm test`.
 */
import { gql } from 'graphql-tag';

const ENTITY = gql`
  fragment ExploreEntity on Entity {
    id
    name
    type
  }
`;

const EVENT = gql`
  fragment ExploreEvent on Event {
    id
    # Event.type is deprecated (it clashes with Entity.type under node(id)).
    type: eventType
    status
    date
    time
    place {
      id
      name
    }
    participants {
      role
      entity {
        ...ExploreEntity
      }
    }
  }
  ${ENTITY}
`;

/** Entities by name (aliases, accents, prefix of the last word). */
export const SEARCH = gql`
  query Search($text: String!) {
    search(text: $text, first: 12) {
      ...ExploreEntity
      articleCount
      aliases
    }
  }
  ${ENTITY}
`;

/** One page of an entity's meeting-family events, every status, for the network. */
export const NETWORK = gql`
  query Network($id: ID!, $after: String) {
    entity(id: $id) {
      ...ExploreEntity
      aliases
      articleCount
      ... on Person {
        roles {
          title
          of {
            name
          }
        }
      }
      events(first: 100, after: $after, filter: { status: [OCCURRED, PLANNED, PROPOSED, HYPOTHETICAL, DECLINED, CANCELLED] }) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...ExploreEvent
          }
        }
      }
    }
  }
  ${ENTITY}
  ${EVENT}
`;

/** The newest events matching the filters, with their evidence, for the list. */
export const MEETINGS = gql`
  query Meetings($id: ID!, $filter: MeetingFilter, $before: String) {
    entity(id: $id) {
      events(filter: $filter, last: 15, before: $before) {
        totalCount
        pageInfo {
          hasPreviousPage
          startCursor
        }
        edges {
          node {
            ...ExploreEvent
            evidence {
              sentence
              start
              end
              status
              trigger {
                start
                end
                text
              }
              mentions {
                entity {
                  ...ExploreEntity
                }
                spans
              }
              article {
                id
                title
                publishedAt
              }
            }
          }
        }
      }
    }
  }
  ${ENTITY}
  ${EVENT}
`;

/** Event counts per month for the timeline. */
export const HISTOGRAM = gql`
  query Histogram($filter: MeetingFilter) {
    meetingHistogram(filter: $filter, bucket: MONTH) {
      bucket
      count
    }
  }
`;

/** The shortest chain between two names. */
export const PATH = gql`
  query Path($from: String!, $to: String!) {
    path(from: $from, to: $to, maxHops: 6) {
      length
      entities {
        ...ExploreEntity
      }
      steps {
        kind
        title
        description
        from {
          id
        }
        to {
          id
        }
        event {
          id
          type: eventType
          status
          date
          place {
            name
          }
        }
      }
    }
  }
  ${ENTITY}
`;

/** An article's text with its mentions and events. */
export const ARTICLE = gql`
  query Article($id: ID!) {
    article(id: $id) {
      id
      title
      url
      publishedAt
      source
      text
      mentions {
        entity {
          ...ExploreEntity
        }
        spans
      }
      events(first: 100, filter: { types: [MEETING, TALKS, VISIT, CALL, SUMMIT, PRESS_CONFERENCE, INTERVIEW, DEBATE, HEARING] }) {
        nodes {
          ...ExploreEvent
          evidence {
            start
            end
            status
            trigger {
              start
              end
              text
            }
            article {
              id
            }
          }
        }
      }
    }
  }
  ${ENTITY}
  ${EVENT}
`;
