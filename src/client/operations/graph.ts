/**
 * Operations the end-to-end tests run as a client would, as graphql-tag documents: validated
 * against the schema and typed by `npm run codegen` like the explorer's and the README's.
 */
import { gql } from 'graphql-tag';

/** Whom an entity met, newest first. */
export const ENCOUNTERS = gql`
  query Encounters($name: String!, $first: Int) {
    encounters(name: $name, first: $first) {
      entity { id name }
      nodes {
        role
        counterpart { id name type }
        event { id eventType status date }
      }
    }
  }
`;

/** An entity's events in date order. */
export const TIMELINE = gql`
  query Timeline($name: String!) {
    timeline(name: $name) {
      entity { id name }
      nodes { id eventType status date }
    }
  }
`;

/** Whom an entity shares the most meeting-family events with. */
export const TOP_COUNTERPARTS = gql`
  query TopCounterparts($name: String!, $first: Int) {
    topCounterparts(name: $name, first: $first) {
      nodes { events lastDate counterpart { id name } }
    }
  }
`;

/** Any node by global id, with the fields of each kind. */
export const NODE = gql`
  query NodeById($id: ID!) {
    node(id: $id) {
      id
      __typename
      ... on Entity { name }
      ... on Article { title }
    }
  }
`;

/** Stores one article. */
export const INGEST_ARTICLE = gql`
  mutation IngestArticle($input: ArticleInput!) {
    ingestArticle(input: $input) {
      alreadyKnown
      article { id title }
      entities { id name }
      events { id eventType }
    }
  }
`;

/** Removes an article and what only it supported. */
export const DELETE_ARTICLE = gql`
  mutation DeleteArticle($id: ID!) {
    deleteArticle(id: $id) { deletedArticleId deleted }
  }
`;
