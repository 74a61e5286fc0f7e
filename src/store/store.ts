/** The store contract: what any backend (SQLite now, Postgres at scale) offers the CLI and server. */
import type { ArgView, Doc } from '../doc/index.js';

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
  limit?: number;
}

/** An event row as stored, arguments flattened for export. */
export interface StoredEvent {
  id: string;
  doc: string;
  source: string;
  url: string | null;
  date: string | null;
  type: string;
  mode: string;
  contexts: string[];
  cameo: string;
  quad: number;
  goldstein: number;
  actor: StoredArg[];
  recipient: StoredArg[];
  negated: boolean;
  modality: string;
  historical: boolean;
  sentence: string;
  trigger: string;
  decided_by: string[];
  confidence: number;
  /** The speaker, when the event is reported speech or inside a quote. */
  reported_by: StoredArg | null;
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
  by_type: Record<string, number>;
  by_status: Record<string, number>;
}

/** A store backend. Saving a document is atomic: all its layers or nothing. */
export interface Store {
  hasDocument(id: string): boolean;
  /** Save a document and its layers; returns false when it was already stored (same id). */
  saveDocument(doc: Doc, pipeline: string[]): boolean;
  saveError(err: StoredError): void;
  queryEvents(filter: EventFilter): StoredEvent[];
  stats(): Stats;
  close(): void;
}
