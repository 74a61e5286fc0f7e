/** The store contract: what any backend (SQLite now, Postgres at scale) offers the CLI and server. */
import type { FetchState } from './fetchstate.js';
import type { ArgView, Doc, Layers } from '../doc/index.js';
import type { EventOut } from '../record/index.js';

/** An event argument as stored and exported: the mention's text and identity. */
export type StoredArg = Pick<ArgView, 'text' | 'name' | 'country' | 'sector' | 'code'>;

/** Filters for event queries. */
export interface EventFilter {
  /** Actor code prefix (FRAGOV, FRA) or country; matches actor or recipient. */
  actor?: string;
  type?: string;
  /** Inclusive ISO dates. */
  since?: string;
  until?: string;
  /** Only events of this cluster. */
  cluster?: string;
  limit?: number;
}

/** An event as every command and export gives it: the one record (src/record/, docs/data.md). */
export type StoredEvent = EventOut;

/** A stored document as `dateline docs` lists it. */
export interface StoredDocument {
  id: string;
  source: string;
  url: string | null;
  site: string | null;
  title: string | null;
  published: string | null;
  status: string;
  /** The id of its near-duplicate group (the group's earliest member), or null when it has no near-duplicate. */
  dup_group: string | null;
}

/** A per-document failure, kept so nothing is lost silently. */
export interface StoredError {
  source: string;
  code: string;
  stage: string;
  message: string;
}

/** Counts for `dateline stats`. */
export interface Stats {
  documents: number;
  articles: number;
  events: number;
  mentions: number;
  quotes: number;
  errors: number;
  /** Near-duplicate groups (two or more articles) and the articles in them; absent where a backend has none yet. */
  dup_groups?: number;
  dup_members?: number;
  /** Event clusters, and those reported by more than one article. */
  clusters?: number;
  multi_article_clusters?: number;
  by_type: Record<string, number>;
  by_status: Record<string, number>;
}

/**
 * A store backend (SQLite or Postgres): every method is async so one contract fits both. Saving a document is
 * atomic: all its layers or nothing. Open one with `openStore(spec)` (src/store/open.ts).
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  hasDocument(id: string): Promise<boolean>;
  /** Save a document and its layers; resolves false when it was already stored (same id). */
  saveDocument(doc: Doc, pipeline: string[], fetch?: FetchState): Promise<boolean>;
  saveError(err: StoredError): Promise<void>;
  /** A stored layer of a document, decoded, or undefined. */
  loadLayer<K extends keyof Layers>(docId: string, name: K): Promise<Layers[K] | undefined>;
  queryEvents(filter: EventFilter): Promise<StoredEvent[]>;
  /** The same events as queryEvents, in the same order, one at a time (bounded memory where the backend streams). */
  eachEvent(filter: EventFilter): AsyncIterable<StoredEvent>;
  /** One event per cluster with an event matching `filter`: the cluster's representative (its id is the cluster id). */
  eachCluster(filter: EventFilter): AsyncIterable<StoredEvent>;
  /** How many events (or, with `clusters`, clusters) those would give, for progress bars. */
  countEvents(filter: EventFilter, clusters?: boolean): Promise<number>;
  /** Every stored document with its near-duplicate group, in ingest order. */
  eachDocument(): AsyncIterable<StoredDocument>;
  stats(): Promise<Stats>;
  close(): Promise<void>;
}
