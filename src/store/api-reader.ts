/**
 * The read side of the store contract: what the HTTP API and the UI ask of any backend (SQLite now, Postgres later).
 * Every query takes the same {@link EventQuery}, so the table, the timeline, the network and the map agree.
 */
import type { StoredArg, StoredEvent } from './store.js';

/** Sort orders for event lists: a field, `-` for descending. */
export const EVENT_SORTS = ['date', '-date', 'confidence', '-confidence', 'goldstein', '-goldstein'] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

/** Filters shared by event lists and aggregations. Actor filters match the head (first) actor or recipient. */
export interface EventQuery {
  /** Inclusive ISO dates (YYYY-MM-DD). */
  since?: string;
  until?: string;
  /** Actor code prefix (FRA, FRAGOV) of the head actor. */
  actor?: string;
  /** Actor code prefix of the head recipient. */
  recipient?: string;
  /** Code prefix matching either side. */
  party?: string;
  /** ISO 3166 alpha-3 country of either side. */
  country?: string;
  /** PLOVER sector (GOV, MIL, …) of either side. */
  sector?: string;
  /** PLOVER event types (any of). */
  type?: string[];
  /** Quad classes 1..4 (any of). */
  quad?: number[];
  mode?: string;
  /** A PLOVER context the event carries. */
  context?: string;
  /** Full-text search over the event's sentence (words, all required). */
  q?: string;
  /** Only events of this document. */
  doc?: string;
  minConfidence?: number;
  /** Minimum number of articles reporting the event's cluster; 1 until clusters are stored. */
  minArticles?: number;
}

/** One page of events and the cursor for the next, null at the end. */
export interface EventPage {
  events: StoredEvent[];
  next: string | null;
}

/** Actor → recipient counts for the network. */
export interface Dyad {
  actor: string;
  recipient: string;
  /** The type or quad this row counts (per `by`). */
  key: string;
  n: number;
}

/** Counts and mean tone for one period and split key. */
export interface SeriesPoint {
  /** First day of the period (YYYY-MM-DD). */
  period: string;
  key: string;
  n: number;
  /** Mean sentence tone of the events with one, or null. */
  tone: number | null;
}

/** An actor code with a name and how often it acts and is acted upon. */
export interface ActorCount {
  code: string;
  name: string | null;
  country: string | null;
  asActor: number;
  asRecipient: number;
}

/** Events counted by country (ISO alpha-3), and located events as points. */
export interface CountryCount {
  country: string;
  n: number;
}

/** An event with coordinates, for map points. */
export interface EventPoint {
  id: string;
  lat: number;
  lon: number;
  place: string;
  type: string;
  quad: number;
}

/** A stored quotation as the API shows it. */
export interface StoredQuote {
  id: string;
  doc: string;
  text: string;
  speaker: StoredArg | null;
  cue: string | null;
  direct: boolean;
  tone: number | null;
  date: string | null;
}

/** A span layer entry as the UI highlights it. */
export interface SpanOut {
  id?: string;
  start: number;
  end: number;
  [k: string]: unknown;
}

/** A document with its text and the layers needed to highlight evidence. */
export interface DocumentView {
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  published: string | null;
  status: string;
  language: string | null;
  tone: number | null;
  text: string;
  bodyEnd: number;
  layers: {
    blocks: SpanOut[];
    sentences: SpanOut[];
    entities: SpanOut[];
    mentions: SpanOut[];
    quotes: SpanOut[];
    events: SpanOut[];
  };
}

/** The read contract (async, so the Postgres backend can implement it too; SQLite answers synchronously inside). */
export interface StoreReader {
  /** A page of events: `limit` rows after `cursor` in `sort` order. Throws `BadCursor` on a cursor it did not make. */
  eventPage(q: EventQuery, sort: EventSort, limit: number, cursor?: string): Promise<EventPage>;
  dyads(q: EventQuery, by: 'type' | 'quad', limit: number): Promise<Dyad[]>;
  series(q: EventQuery, interval: 'day' | 'week' | 'month', by: 'type' | 'quad'): Promise<SeriesPoint[]>;
  actors(prefix: string, limit: number): Promise<ActorCount[]>;
  countries(q: EventQuery, side: 'actor' | 'recipient'): Promise<CountryCount[]>;
  points(q: EventQuery, limit: number): Promise<EventPoint[]>;
  document(id: string): Promise<DocumentView | null>;
  quotes(f: { doc?: string; speaker?: string; q?: string }, limit: number): Promise<StoredQuote[]>;
}

/** A cursor the store did not issue (or for another sort). */
export class BadCursor extends Error {
  readonly code = 'bad-cursor';
}
