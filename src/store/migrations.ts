/** Versioned schema migrations for the SQLite store; each runs once, in order, inside a transaction. */

import { SQLITE_DAYS_FORGET } from './days-forget.js';
import { sqliteDyadMigration } from './dyad-rollup.js';
import { sqliteTierMigration } from './dyad-tiers.js';
import { READ_MODEL_SQL } from './sqlite-api-sql.js';

/** One schema step. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** All migrations, oldest first. Never edit a released one: add a new step. */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents, layers, mentions, events, quotes, errors',
    sql: `
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  url TEXT,
  canonical_url TEXT,
  content_hash TEXT NOT NULL,
  format TEXT NOT NULL,
  encoding TEXT NOT NULL,
  status TEXT NOT NULL,
  status_signals TEXT NOT NULL,
  title TEXT,
  byline TEXT,
  published TEXT,
  language TEXT,
  text TEXT NOT NULL,
  body_end INTEGER NOT NULL,
  meta TEXT NOT NULL,
  pipeline TEXT NOT NULL,
  tone REAL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_hash ON documents(content_hash);

CREATE TABLE layers (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (doc_id, name)
);

CREATE TABLE mentions (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  name TEXT NOT NULL,
  country TEXT,
  sector TEXT NOT NULL,
  code TEXT NOT NULL,
  wikidata TEXT,
  kind TEXT NOT NULL,
  confidence REAL NOT NULL,
  antecedent TEXT,
  entity TEXT,
  evidence TEXT NOT NULL,
  PRIMARY KEY (doc_id, id)
);
CREATE INDEX mentions_code ON mentions(code);
CREATE INDEX mentions_country ON mentions(country);

CREATE TABLE events (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  trigger_start INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  type TEXT NOT NULL,
  mode TEXT NOT NULL,
  contexts TEXT NOT NULL,
  cameo TEXT NOT NULL,
  quad INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  date TEXT,
  date_start INTEGER,
  date_end INTEGER,
  place TEXT,
  negated INTEGER NOT NULL,
  modality TEXT NOT NULL,
  historical INTEGER NOT NULL,
  decided_by TEXT NOT NULL,
  confidence REAL NOT NULL,
  reported_in TEXT,
  reported_by TEXT,
  PRIMARY KEY (doc_id, id)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date);

CREATE TABLE event_args (
  doc_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
  position INTEGER NOT NULL,
  mention_id TEXT NOT NULL,
  PRIMARY KEY (doc_id, event_id, role, position),
  FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, id) ON DELETE CASCADE
);
CREATE INDEX event_args_mention ON event_args(doc_id, mention_id);

CREATE TABLE quotes (
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  content_start INTEGER NOT NULL,
  content_end INTEGER NOT NULL,
  cue_start INTEGER,
  cue_end INTEGER,
  source_start INTEGER,
  source_end INTEGER,
  speaker TEXT,
  direct INTEGER NOT NULL,
  tone REAL,
  PRIMARY KEY (doc_id, id)
);

CREATE TABLE errors (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  source TEXT NOT NULL,
  code TEXT NOT NULL,
  stage TEXT NOT NULL,
  message TEXT NOT NULL,
  at TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'near-duplicate groups, event clusters',
    sql: `
ALTER TABLE documents ADD COLUMN site TEXT;
ALTER TABLE documents ADD COLUMN minhash BLOB;
ALTER TABLE documents ADD COLUMN dup_group TEXT;
CREATE INDEX documents_dup_group ON documents(dup_group);

CREATE TABLE dup_bands (
  band INTEGER NOT NULL,
  key INTEGER NOT NULL,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (band, key, doc_id)
) WITHOUT ROWID;

ALTER TABLE events ADD COLUMN cluster TEXT;
ALTER TABLE events ADD COLUMN cluster_key TEXT;
ALTER TABLE events ADD COLUMN day TEXT;
ALTER TABLE events ADD COLUMN place_country TEXT;
CREATE INDEX events_cluster ON events(cluster);
CREATE INDEX events_cluster_key ON events(cluster_key, day);

CREATE TABLE clusters (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  cluster_key TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  sources INTEGER NOT NULL,
  reports INTEGER NOT NULL,
  first_seen TEXT,
  last_seen TEXT,
  date_start TEXT,
  date_end TEXT
);

-- Events stored before this step: each is its own cluster until the store is re-ingested.
UPDATE events SET cluster = doc_id || ':' || id, cluster_key = type || '||', day = date;
INSERT INTO clusters (id, type, cluster_key, mentions, articles, sources, reports, first_seen, last_seen, date_start, date_end)
  SELECT e.cluster, e.type, e.cluster_key, 1, 1, 1, 1, d.published, d.published, e.date, e.date
  FROM events e JOIN documents d ON d.id = e.doc_id;
`,
  },
  {
    version: 3,
    name: 'fetch state per URL or file: validators, hashes, canonical URL, failures',
    sql: `
CREATE TABLE fetch_state (
  key TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  url TEXT,
  final_url TEXT,
  status INTEGER,
  etag TEXT,
  last_modified TEXT,
  content_hash TEXT,
  canonical_url TEXT,
  doc_id TEXT,
  body BLOB,
  error_code TEXT,
  error_reason TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  not_before TEXT,
  fetched_at TEXT NOT NULL
);
`,
  },
  {
    version: 4,
    name: 'read model for the API: event head arguments and tone, sentence search, daily counts',
    sql: READ_MODEL_SQL,
  },
  {
    version: 5,
    name: 'mention places (the place an actor mention names or is tied to; places stage)',
    sql: `
ALTER TABLE mentions ADD COLUMN place TEXT;
`,
  },
  {
    version: 6,
    name: 'row order and sentence search for the Postgres read model',
    // SQLite already has both: every events row has a rowid (insertion order, the API's cursor tie-break) and
    // migration 4 built events_fts. Postgres adds an events.rowid identity and a tsvector table (postgres-migrations.ts).
    sql: '-- nothing to do in SQLite',
  },
  {
    version: 7,
    name: 'dyad rollup for the actor network: counts per day and in total (dyad-rollup.ts)',
    sql: sqliteDyadMigration(),
  },
  {
    version: 8,
    name: 'daily counts forget deleted events (days-forget.ts)',
    sql: SQLITE_DAYS_FORGET,
  },
  {
    version: 9,
    name: 'actor and recipient indexes cover the timeline columns (date, quad, type, tone)',
    // The timeline of one actor reads the index alone instead of every event row (bench:api at 1M, actor series by
    // month: 9.6 ms → 4.6 ms idle). Each replaces the (code, date) index it extends.
    sql: `
DROP INDEX events_actor;
CREATE INDEX events_actor ON events(actor_code, date, quad, type, tone);
DROP INDEX events_recipient;
CREATE INDEX events_recipient ON events(recipient_code, date, quad, type, tone);
`,
  },
  {
    version: 10,
    name: 'dyad rollup by month and by year (dyad-tiers.ts)',
    sql: sqliteTierMigration(),
  },
];
