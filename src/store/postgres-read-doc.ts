/** A document as the API shows it, from Postgres — the twin of SqliteApiReader.document. */
import type pg from 'pg';
import type { Layers } from '../doc/index.js';
import type { DocumentView, SpanOut } from './api-reader.js';
import { decodeLayer } from './codec.js';
import { pgEventRows } from './postgres-read-events.js';
import { Params } from './postgres-read-where.js';
import type { Row } from './rows.js';

import { eventSpans, num } from './api-rows.js';

/** The document with its text and the layers the UI highlights, or null. */
export async function pgDocument(db: pg.Pool, id: string): Promise<DocumentView | null> {
  const d = (await db.query('SELECT * FROM documents WHERE id = $1', [id])).rows[0] as Row | undefined;
  if (!d) return null;
  const blobs = (
    await db.query("SELECT name, data FROM layers WHERE doc_id = $1 AND name IN ('blocks', 'sentences', 'entities')", [
      id,
    ])
  ).rows as { name: keyof Layers; data: string }[];
  const layer = (name: keyof Layers) => {
    const row = blobs.find((b) => b.name === name);
    return row ? (decodeLayer(name, row.data) as SpanOut[]) : [];
  };
  return {
    id,
    source: d.source as string,
    url: (d.url as string) ?? (d.canonical_url as string) ?? null,
    title: (d.title as string) ?? null,
    published: (d.published as string) ?? null,
    status: d.status as string,
    language: (d.language as string) ?? null,
    tone: num(d.tone),
    text: d.text as string,
    bodyEnd: d.body_end as number,
    layers: {
      blocks: layer('blocks'),
      sentences: layer('sentences'),
      entities: layer('entities'),
      mentions: await docMentions(db, id),
      quotes: await docQuotes(db, id),
      events: await docEvents(db, id),
    },
  };
}

async function docMentions(db: pg.Pool, id: string): Promise<SpanOut[]> {
  const rows = (
    await db.query(
      `SELECT id, start, "end", text, name, country, sector, code, kind, confidence, antecedent
       FROM mentions WHERE doc_id = $1 ORDER BY start`,
      [id],
    )
  ).rows as SpanOut[];
  return rows.map((r) => ({ ...r, antecedent: r.antecedent ?? null }));
}

async function docQuotes(db: pg.Pool, id: string): Promise<SpanOut[]> {
  const rows = (await db.query('SELECT * FROM quotes WHERE doc_id = $1 ORDER BY content_start', [id])).rows as Row[];
  const span = (r: Row, k: string) =>
    r[k + '_start'] === null ? null : { start: r[k + '_start'] as number, end: r[k + '_end'] as number };
  return rows.map((r) => ({
    id: r.id as string,
    start: r.content_start as number,
    end: r.content_end as number,
    cue: span(r, 'cue'),
    source: span(r, 'source'),
    speaker: (r.speaker as string) ?? null,
    direct: r.direct === 1,
    tone: num(r.tone),
  }));
}

async function docEvents(db: pg.Pool, id: string): Promise<SpanOut[]> {
  const p = new Params();
  const rows = await pgEventRows(db, `e.doc_id = ${p.add(id)}`, p, 'ORDER BY e.sentence, e.trigger_start', 10_000);
  const args = (
    await db.query('SELECT event_id, role, mention_id FROM event_args WHERE doc_id = $1 ORDER BY position', [id])
  ).rows as Row[];
  return eventSpans(rows, args, (row) => row.sentence as number);
}
