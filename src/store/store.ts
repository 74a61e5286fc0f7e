/** The store contract: what any backend (SQLite now, Postgres at scale) offers the CLI and server. */
import type { ArgView, Doc, Layers } from '../doc/index.js';

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

/**
 * A store backend (SQLite or Postgres): every method is async so one contract fits both. Saving a document is
 * atomic: all its layers or nothing. Open one with `openStore(spec)` (src/store/open.ts).
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  hasDocument(id: string): Promise<boolean>;
  /** Save a document and its layers; resolves false when it was already stored (same id). */
  saveDocument(doc: Doc, pipeline: string[]): Promise<boolean>;
  saveError(err: StoredError): Promise<void>;
  /** A stored layer of a document, decoded, or undefined. */
  loadLayer<K extends keyof Layers>(docId: string, name: K): Promise<Layers[K] | undefined>;
  queryEvents(filter: EventFilter): Promise<StoredEvent[]>;
  stats(): Promise<Stats>;
  close(): Promise<void>;
}
