/** The fetch-state table: what we know about each URL (or file) from its last fetch, for conditional re-runs. */
import type Database from 'better-sqlite3';

/** One URL's (or file's) state after its last fetch. */
export interface FetchState {
  /** The URL as listed (or an absolute file path). */
  key: string;
  /** `page`, `feed`, `sitemap`, `robots`, `file`. */
  kind: string;
  url: string | null;
  /** Where redirects ended. */
  final_url: string | null;
  status: number | null;
  etag: string | null;
  last_modified: string | null;
  /** sha256 of the body bytes as received (decompressed). */
  content_hash: string | null;
  canonical_url: string | null;
  /** The document this URL's current text was stored as. */
  doc_id: string | null;
  /** Kept for robots.txt, feeds and sitemaps only, so a 304 can still be expanded. */
  body: Buffer | null;
  error_code: string | null;
  error_reason: string | null;
  /** Consecutive failures; 0 after a success. */
  failures: number;
  /** ISO time before which a failed URL is not requested again. */
  not_before: string | null;
  fetched_at: string;
}

/** Reads and writes `fetch_state` rows. */
export class FetchStateTable {
  private readonly getStmt: Database.Statement;
  private readonly putStmt: Database.Statement;
  private readonly hasStmt: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.getStmt = db.prepare('SELECT * FROM fetch_state WHERE key = ?');
    this.hasStmt = db.prepare('SELECT 1 FROM documents WHERE id = ?');
    this.putStmt = db.prepare(`INSERT OR REPLACE INTO fetch_state
      (key, kind, url, final_url, status, etag, last_modified, content_hash, canonical_url, doc_id, body, error_code,
       error_reason, failures, not_before, fetched_at)
      VALUES (@key, @kind, @url, @final_url, @status, @etag, @last_modified, @content_hash, @canonical_url, @doc_id,
       @body, @error_code, @error_reason, @failures, @not_before, @fetched_at)`);
  }

  /** The state of `key`, or null when never fetched. */
  get(key: string): FetchState | null {
    return (this.getStmt.get(key) as FetchState | undefined) ?? null;
  }

  /** Is a document with this id stored? (Synchronous, for the source stream.) */
  hasDocument(id: string): boolean {
    return this.hasStmt.get(id) !== undefined;
  }

  /** Write (replace) one state row; its own transaction unless called inside one. */
  save(s: FetchState): void {
    this.putStmt.run(s);
  }
}

/** A fresh state row for `key` with nothing known yet. */
export function emptyState(key: string, kind: string): FetchState {
  return {
    key,
    kind,
    url: null,
    final_url: null,
    status: null,
    etag: null,
    last_modified: null,
    content_hash: null,
    canonical_url: null,
    doc_id: null,
    body: null,
    error_code: null,
    error_reason: null,
    failures: 0,
    not_before: null,
    fetched_at: new Date().toISOString(),
  };
}
