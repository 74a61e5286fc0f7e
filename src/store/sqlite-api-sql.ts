/**
 * Migration 4: what the HTTP API reads fast on a large store. Each event gets its head (first) actor and recipient
 * identity and its sentence tone as columns, so filters and the actor network need no join; sentences are indexed
 * for full-text search (FTS5, contentless: the text stays in `documents`); `event_days` counts events per day, type
 * and quad so the timeline over the whole store reads a few thousand rows, not every event. Existing rows are
 * backfilled here; new documents are added by `SqliteApiReader.index` in the same transaction as their rows.
 */
export const READ_MODEL_SQL = `
ALTER TABLE events ADD COLUMN actor_code TEXT;
ALTER TABLE events ADD COLUMN actor_country TEXT;
ALTER TABLE events ADD COLUMN actor_sector TEXT;
ALTER TABLE events ADD COLUMN recipient_code TEXT;
ALTER TABLE events ADD COLUMN recipient_country TEXT;
ALTER TABLE events ADD COLUMN recipient_sector TEXT;
ALTER TABLE events ADD COLUMN tone REAL;

UPDATE events SET
  actor_code = (SELECT m.code FROM event_args a JOIN mentions m ON m.doc_id = a.doc_id AND m.id = a.mention_id
    WHERE a.doc_id = events.doc_id AND a.event_id = events.id AND a.role = 'actor' AND a.position = 0),
  actor_country = (SELECT m.country FROM event_args a JOIN mentions m ON m.doc_id = a.doc_id AND m.id = a.mention_id
    WHERE a.doc_id = events.doc_id AND a.event_id = events.id AND a.role = 'actor' AND a.position = 0),
  actor_sector = (SELECT m.sector FROM event_args a JOIN mentions m ON m.doc_id = a.doc_id AND m.id = a.mention_id
    WHERE a.doc_id = events.doc_id AND a.event_id = events.id AND a.role = 'actor' AND a.position = 0),
  recipient_code = (SELECT m.code FROM event_args a JOIN mentions m ON m.doc_id = a.doc_id AND m.id = a.mention_id
    WHERE a.doc_id = events.doc_id AND a.event_id = events.id AND a.role = 'recipient' AND a.position = 0),
  recipient_country = (SELECT m.country FROM event_args a JOIN mentions m ON m.doc_id = a.doc_id AND m.id = a.mention_id
    WHERE a.doc_id = events.doc_id AND a.event_id = events.id AND a.role = 'recipient' AND a.position = 0),
  recipient_sector = (SELECT m.sector FROM event_args a JOIN mentions m ON m.doc_id = a.doc_id AND m.id = a.mention_id
    WHERE a.doc_id = events.doc_id AND a.event_id = events.id AND a.role = 'recipient' AND a.position = 0),
  tone = (SELECT json_extract(l.data, '$[' || events.sentence || ']') FROM layers l
    WHERE l.doc_id = events.doc_id AND l.name = 'sentenceTone');

CREATE INDEX events_confidence ON events(confidence);
CREATE INDEX events_goldstein ON events(goldstein);
CREATE INDEX events_actor ON events(actor_code, date);
CREATE INDEX events_recipient ON events(recipient_code, date);
CREATE INDEX events_actor_country ON events(actor_country, date);
CREATE INDEX events_recipient_country ON events(recipient_country, date);
CREATE INDEX events_type_date ON events(type, date);
CREATE INDEX events_quad_date ON events(quad, date);
CREATE INDEX events_dyad ON events(date, actor_code, recipient_code, quad, type);
CREATE INDEX clusters_articles ON clusters(articles);

CREATE VIRTUAL TABLE events_fts USING fts5(sentence, content='', tokenize='unicode61 remove_diacritics 2');
INSERT INTO events_fts (rowid, sentence)
  SELECT e.rowid, substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)
  FROM events e JOIN documents d ON d.id = e.doc_id;

CREATE TABLE event_days (
  day TEXT NOT NULL,
  type TEXT NOT NULL,
  quad INTEGER NOT NULL,
  n INTEGER NOT NULL,
  tone_sum REAL NOT NULL,
  tone_n INTEGER NOT NULL,
  PRIMARY KEY (day, type, quad)
) WITHOUT ROWID;
INSERT INTO event_days (day, type, quad, n, tone_sum, tone_n)
  SELECT date, type, quad, count(*), coalesce(sum(tone), 0), count(tone) FROM events WHERE date IS NOT NULL
  GROUP BY date, type, quad;
`;
