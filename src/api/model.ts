/**
 * The shapes resolvers pass between each other for types that are not store records:
 * keys and ids, resolved into entities, events and articles by the field resolvers.
 */

/** An encounter: the entity, its counterpart and the event, by key and id. */
export interface EncounterModel {
  counterpartKey: string;
  eventId: string;
  role: string;
  counterpartRole: string;
}

/** A co-participation count. */
export interface CounterpartModel {
  counterpartKey: string;
  events: number;
  lastDate: string | null;
}

/** A participant of an event. */
export interface ParticipantModel {
  key: string;
  role: string;
}

/** One evidence sentence of one report. */
export interface EvidenceModel {
  articleId: string;
  sentence: string;
  start: number;
  end: number;
  trigger: { start: number; end: number; text: string } | null;
  /** The event's participants: their mentions inside the sentence are the evidence's mentions. */
  participantKeys: string[];
  status: string;
  extractorVersion: string;
}

/** An entity as mentioned by an article. */
export interface MentionModel {
  key: string;
  count: number;
  offsets: number[];
}

/** A role of a person. */
export interface RoleModel {
  title: string;
  ofKey: string;
}

/** One step of a path. */
export interface PathStepModel {
  fromKey: string;
  toKey: string;
  kind: 'EVENT' | 'ROLE';
  eventId: string | null;
  title: string | null;
  /** For ROLE steps: the key of the role holder (either end). */
  holderKey: string | null;
}

/** A path. */
export interface PathModel {
  keys: string[];
  steps: PathStepModel[];
}

/** The outcome of ingesting one input. */
export interface IngestResultModel {
  articleIds: string[];
  entityKeys: string[];
  eventIds: string[];
  warnings: { code: string; message: string }[];
  alreadyKnown: boolean;
  error: { code: string; message: string } | null;
  /** Whether the article is stored (a committed write, or already known). */
  committed: boolean;
}

/** An ingestion warning or per-input error as the pipeline reports it (code mapped to the enum by its resolver). */
export interface IngestWarningModel {
  code: string;
  message: string;
}

/** A page of one entity's list (encounters, timeline, counterparts): the key a name resolved to and offset-cursor edges. */
export interface NamedPageModel<T> {
  entityKey: string;
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}
