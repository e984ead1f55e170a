/**
 * The extraction contract: one Doc flows through the pipeline (intake -> sentences ->
 * entities -> events), each stage adding to it, as in spaCy. Offsets inside a Doc are
 * into `doc.text` (the cleaned text the NLP stages read); `toInputOffset` maps them back
 * to the original input, which is what every public output reports.
 */

/** A half-open character range [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** A span with the text it covers. */
export interface TextSpan extends Span {
  text: string;
}

/** What part of an article a sentence comes from: facts in captions count too. */
export type SentenceKind = 'title' | 'body' | 'caption';

/** A sentence of the cleaned text. */
export interface Sentence extends Span {
  kind: SentenceKind;
}

/** The entity types the service emits. */
export type EntityType = 'PERSON' | 'ORGANIZATION' | 'PLACE';

/** Kinds of place, from the gazetteer or from the text. */
export type PlaceKind = 'COUNTRY' | 'CITY' | 'REGION' | 'VENUE' | 'BODY_OF_WATER' | 'CONTINENT' | 'OTHER';

/** A role a person holds: "Defense Minister" of "Ukraine". */
export interface Role {
  /** The title as normalised text, e.g. "Defense Minister". */
  title: string;
  /** Key of the organisation or country the role belongs to, when known. */
  of?: string;
  /** Display name of that organisation or country. */
  ofName?: string;
}

/** Place-specific facts. */
export interface PlaceInfo {
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2 country code of the country the place lies in (or is). */
  countryCode?: string;
  lat?: number;
  lon?: number;
  /** Keys of the places that contain this one, nearest first (Dolmabahce Palace -> Istanbul -> Türkiye). */
  within: { key: string; name: string; kind: PlaceKind }[];
}

/** An entity of one document: all its mentions resolved to one referent. */
export interface Entity {
  /** Document-local id ("e1", "e2", ...), referenced by events. */
  id: string;
  /** Stable cross-article key ("person:volodymyr-zelensky"): the graph MERGEs on it. */
  key: string;
  type: EntityType;
  /** Canonical display name. */
  name: string;
  /** Other names seen or known for the same referent (never including `name`). */
  aliases: string[];
  roles: Role[];
  /** Every proper-name mention, offsets into doc.text (public outputs map them to the input). */
  mentions: TextSpan[];
  /** Non-name references resolved to this entity: demonyms ("Ukrainian") and descriptions ("the Russian leader"). */
  references?: TextSpan[];
  place?: PlaceInfo;
  /** Model confidence in [0, 1]. */
  confidence?: number;
}

/** Event types aligned with the CAMEO consult family, plus a few clear extras. */
export type EventType = 'MEETING' | 'TALKS' | 'VISIT' | 'CALL' | 'SUMMIT' | 'PRESS_CONFERENCE' | 'INTERVIEW' | 'DEBATE' | 'HEARING';

/** Whether and how an event happened. */
export type EventStatus = 'OCCURRED' | 'PLANNED' | 'PROPOSED' | 'HYPOTHETICAL' | 'DECLINED' | 'CANCELLED';

/** How precise an event's date is. */
export type DatePrecision = 'DAY' | 'MONTH' | 'YEAR';

/** A participant of an event, by document-local entity id. */
export interface Participant {
  entity: string;
  /** host | guest | delegation_head | mediator | member | participant */
  role: string;
  /** Where the text names this participant for this event (a name, demonym or pronoun), when it does. */
  mention?: Span;
}

/** One place where the text reports an event: its trigger words and the sentence around them. */
export interface EventMention {
  trigger: TextSpan;
  sentence: Span;
}

/** One event record: n-ary, never a pair of mirrored rows. */
export interface Event {
  /** Document-local id ("v1", ...). */
  id: string;
  type: EventType;
  status: EventStatus;
  participants: Participant[];
  /** Document-local entity id of the most specific place, or null. */
  place: string | null;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD, matching datePrecision) or null. */
  date: string | null;
  datePrecision: DatePrecision | null;
  /** Clock time as given, normalised "HH:MM" with zone when known ("07:45 GMT"), or null. */
  time: string | null;
  trigger: TextSpan;
  /** Sentence spans that support the event. */
  evidence: Span[];
  /** Every report of the event in the article, in text order (the first is `trigger`'s). */
  mentions: EventMention[];
  confidence: number;
}

/** A token of a parsed sentence (EWT-style: "don't" is do + n't, "U.S." one token). */
export interface SyntaxToken {
  /** Offsets into doc.text. */
  start: number;
  end: number;
  text: string;
  /** Universal part of speech (NOUN, VERB, PROPN, ...). */
  upos: string;
  /** Penn Treebank tag (NN, VBD, NNP, ...). */
  xpos: string;
  /** Index of the head token within the same sentence's tokens, -1 for the root. */
  head: number;
  /** Universal Dependencies relation with subtype ("nsubj", "obl", "nmod:poss", "obl:unmarked"). */
  deprel: string;
}

/** The syntax of one sentence of doc.sentences. */
export interface ParsedSentence {
  /** Index into doc.sentences. */
  sentence: number;
  tokens: SyntaxToken[];
}

/** A non-fatal problem found while processing a document. */
export interface Warning {
  code: string;
  message: string;
}

/** The pipeline's document object. */
export interface Doc {
  /** Stable id: hash of the canonical URL when given, else of the normalised body. */
  id: string;
  title: string;
  /** YYYY-MM-DD or null. */
  publishedAt: string | null;
  publishedAtInferred: boolean;
  url?: string;
  author?: string;
  siteName?: string;
  /** Photo credits, agencies and outlets the article names as its sources. */
  sources: string[];
  /** Cleaned text the NLP stages read: title, captions and body, in reading order. */
  text: string;
  sentences: Sentence[];
  /** Caption spans of doc.text. */
  captions: Span[];
  /** The article's range in the input. */
  inputSpan: Span;
  /** Name of the input the article came from (a path, or "file.jsonl:3" for a JSONL record). */
  inputName: string;
  /** The original input text that every public offset refers to. */
  inputText: string;
  /** The input's format: for HTML the stored article text is the readable `text`, never the markup. */
  format?: 'text' | 'html';
  /** Maps an offset of doc.text to the offset in the original input. */
  toInputOffset: (offset: number) => number;
  entities: Entity[];
  /** Part-of-speech tags and dependency trees of the sentences the syntax stage parsed, in order. */
  syntax: ParsedSentence[];
  events: Event[];
  warnings: Warning[];
}

/** One input as the user gave it: a file's text or a JSONL record. */
export interface Input {
  /** Name for messages: a path, or "stdin:3". */
  name: string;
  /** The original text exactly as given (offsets refer to it). */
  text: string;
  /** Known metadata that wins over anything inferred. */
  meta?: { id?: string; title?: string; url?: string; publishedAt?: string; source?: string };
  /** When true the input is one document: no page segmentation. */
  single?: boolean;
}

/** A per-input failure: the input is skipped, the rest goes on. */
export interface InputError {
  input: string;
  code: string;
  message: string;
}
