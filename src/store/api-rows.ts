/**
 * The backend-independent halves of the API read model: what an event adds to its read columns, and how raw rows
 * become quotes, a document's event spans and a cursor page. SQLite (sqlite-api*.ts) and Postgres
 * (postgres-read*.ts) differ only in the SQL that fetches the rows.
 */
import type { Doc, EventRecord, Mention } from '../doc/index.js';
import { BadCursor, type EventPage, type EventSort, type SpanOut, type StoredQuote } from './api-reader.js';
import type { Row } from './rows.js';
import { storedArg } from './sqlite-rows.js';
import type { StoredEvent } from './store.js';

/** A number from a driver value (Postgres returns numerics as strings), null kept. */
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** A document's mentions by id, for {@link readColumns}. */
export const mentionsById = (doc: Doc): Map<string, Mention> =>
  new Map((doc.layers.mentions ?? []).map((m) => [m.id, m]));

/**
 * The read columns of one event, in store order: head actor code, country, sector; head recipient code, country,
 * sector; the tone of its sentence.
 */
export function readColumns(doc: Doc, e: EventRecord, mentions: Map<string, Mention>): unknown[] {
  const a = mentions.get(e.actor[0] ?? '');
  const r = mentions.get(e.recipient[0] ?? '');
  const tones = doc.layers.sentenceTone;
  const tone = tones && e.sentence < tones.length ? tones[e.sentence] : null;
  return [
    a?.code ?? null,
    a?.country ?? null,
    a?.sector ?? null,
    r?.code ?? null,
    r?.country ?? null,
    r?.sector ?? null,
    tone,
  ];
}

/** Quote rows (quotes joined to their document text and speaker mention) as API quotes, `q` matched, at most `limit`. */
export function quotesFromRows(rows: Row[], q: string | undefined, limit: number): StoredQuote[] {
  const needle = q?.toLowerCase();
  const out: StoredQuote[] = [];
  for (const r of rows) {
    const text = (r.doc_text as string).slice(r.content_start as number, r.content_end as number);
    if (needle && !text.toLowerCase().includes(needle)) continue;
    out.push({
      id: `${r.doc_id}:${r.id}`,
      doc: r.doc_id as string,
      text,
      speaker: r.code === null ? null : storedArg(r, ''),
      cue: r.cue_start === null ? null : (r.doc_text as string).slice(r.cue_start as number, r.cue_end as number),
      direct: r.direct === 1,
      tone: num(r.tone),
      date: (r.published as string) ?? null,
    });
    if (out.length >= limit) break;
  }
  return out;
}

/** A document's event rows and argument rows as the spans of its article view (`sentence`: the row's sentence index). */
export function eventSpans(
  rows: { row: Row; event: StoredEvent }[],
  args: Row[],
  sentence: (row: Row) => number,
): SpanOut[] {
  const ids = (ev: string, role: string) =>
    args.filter((a) => a.event_id === ev && a.role === role).map((a) => a.mention_id as string);
  return rows.map(({ row, event }) => ({
    ...event,
    id: row.id as string,
    key: event.id,
    start: row.sentence_start as number,
    end: row.sentence_end as number,
    sentenceIndex: sentence(row),
    triggerSpan: { start: row.trigger_start as number, end: row.trigger_end as number },
    actorIds: ids(row.id as string, 'actor'),
    recipientIds: ids(row.id as string, 'recipient'),
  }));
}

/** Where a page ended: the null-date section or not, the sort value and the rowid. */
export interface Cursor {
  s: EventSort;
  n: 0 | 1;
  v: string | number | null;
  r: number;
}

/** Where a page ended, as the opaque cursor string (the Postgres reader issues the same form). */
export const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/** Parse a cursor issued for `sort`, or throw {@link BadCursor}. */
export function decode(cursor: string, sort: EventSort): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (c.s === sort && (c.n === 0 || c.n === 1) && Number.isInteger(c.r)) return c;
  } catch {
    // fall through
  }
  throw new BadCursor(`cursor was not issued for sort '${sort}'`);
}

/** The page of the first `limit` rows fetched (one more was asked for), with the cursor after its last row. */
export function cursorPage(
  out: { row: Row; event: StoredEvent }[],
  limit: number,
  sort: EventSort,
  field: string,
  rowid: (row: Row) => number,
): EventPage {
  const page = out.slice(0, limit);
  const last = page[page.length - 1];
  const next =
    out.length > limit && last
      ? encode({ s: sort, n: last.row[field] === null ? 1 : 0, v: last.row[field] as string, r: rowid(last.row) })
      : null;
  return { events: page.map((x) => x.event), next };
}
