/**
 * SQL WHERE clauses for an {@link EventQuery} over Postgres's `events e` — the twin of sqlite-api-where.ts (the
 * reader contract test compares both stores' answers). Text compares in byte order (COLLATE "C") as SQLite does;
 * `q=` searches the events_fts tsvector (search-words.ts folds words as FTS5 does).
 */
import type { EventQuery } from './api-reader.js';
import { tsqueryLiteral } from './search-words.js';

/** Bind parameters collected while a statement is written: `add(v)` returns its placeholder. */
export class Params {
  readonly list: unknown[] = [];
  add(v: unknown): string {
    this.list.push(v);
    return `$${this.list.length}`;
  }
}

/** `col` starts with `prefix`, as a byte-order range (the same bounds SQLite's reader uses). */
function prefixRange(col: string, prefix: string, p: Params): string {
  return `(${col} COLLATE "C" >= ${p.add(prefix)} AND ${col} COLLATE "C" < ${p.add(prefix + '\uffff')})`;
}

/** The clauses on codes, countries, sectors, types and quad classes, shared by the events and the dyad rollup
 * (`t` is the table alias: both hold these columns under the same names). */
function partyClauses(q: EventQuery, t: string, p: Params, c: string[]): void {
  if (q.actor) c.push(prefixRange(`${t}.actor_code`, q.actor.toUpperCase(), p));
  if (q.recipient) c.push(prefixRange(`${t}.recipient_code`, q.recipient.toUpperCase(), p));
  if (q.party) {
    const code = q.party.toUpperCase();
    c.push(`(${prefixRange(`${t}.actor_code`, code, p)} OR ${prefixRange(`${t}.recipient_code`, code, p)})`);
  }
  if (q.country) {
    const v = p.add(q.country);
    c.push(`(${t}.actor_country = ${v} OR ${t}.recipient_country = ${v})`);
  }
  if (q.sector) {
    const v = p.add(q.sector);
    c.push(`(${t}.actor_sector = ${v} OR ${t}.recipient_sector = ${v})`);
  }
  if (q.type?.length) c.push(`${t}.type = ANY(${p.add(q.type)}::text[])`);
  if (q.quad?.length) c.push(`${t}.quad = ANY(${p.add(q.quad)}::int[])`);
}

/** The clauses that filter events by the query's fields (`TRUE` when none). */
export function pgEventWhere(q: EventQuery, p: Params): string {
  const c: string[] = [];
  if (q.since) c.push(`e.date COLLATE "C" >= ${p.add(q.since)}`);
  if (q.until) c.push(`e.date COLLATE "C" <= ${p.add(q.until)}`);
  partyClauses(q, 'e', p, c);
  if (q.mode) c.push(`e.mode = ${p.add(q.mode)}`);
  // SQLite's LIKE ignores ASCII case; ILIKE is its nearest twin.
  if (q.context) c.push(`e.contexts ILIKE ${p.add(`%${JSON.stringify(q.context)}%`)}`);
  if (q.doc) c.push(`e.doc_id = ${p.add(q.doc)}`);
  if (q.minConfidence !== undefined) c.push(`e.confidence >= ${p.add(q.minConfidence)}`);
  if (q.minArticles !== undefined && q.minArticles > 1) {
    c.push(`e.cluster IN (SELECT c.id FROM clusters c WHERE c.articles >= ${p.add(q.minArticles)})`);
  }
  if (q.q !== undefined) {
    const t = tsqueryLiteral(q.q);
    if (t) c.push(`e.rowid IN (SELECT f.rowid FROM events_fts f WHERE f.words @@ ${p.add(t)}::tsquery)`);
  }
  return c.length ? c.join(' AND ') : 'TRUE';
}

/** The WHERE clause for the dyad rollup `d` — the twin of sqlite-api-where.ts's dyadWhere. */
export function pgDyadWhere(q: EventQuery, p: Params): string {
  const c: string[] = [];
  if (q.since) c.push(`d.day COLLATE "C" >= ${p.add(q.since)}`);
  if (q.until) c.push(`d.day COLLATE "C" <= ${p.add(q.until)} AND d.day <> ''`);
  partyClauses(q, 'd', p, c);
  return c.length ? c.join(' AND ') : 'TRUE';
}

/** The WHERE clause for `event_days d` (only for queries rollupOnly() accepts). */
export function pgRollupWhere(q: EventQuery, p: Params): string {
  const c: string[] = [];
  if (q.since) c.push(`d.day COLLATE "C" >= ${p.add(q.since)}`);
  if (q.until) c.push(`d.day COLLATE "C" <= ${p.add(q.until)}`);
  if (q.type?.length) c.push(`d.type = ANY(${p.add(q.type)}::text[])`);
  if (q.quad?.length) c.push(`d.quad = ANY(${p.add(q.quad)}::int[])`);
  return c.length ? c.join(' AND ') : 'TRUE';
}

/** The first day (YYYY-MM-DD) of the period holding `col`; weeks start on Monday; null for a value that is no date. */
export function pgPeriodExpr(col: string, interval: 'day' | 'week' | 'month'): string {
  if (interval === 'day') return col;
  if (interval === 'month') return `substr(${col}, 1, 7) || '-01'`;
  return `CASE WHEN ${col} ~ '^\\d{4}-\\d{2}-\\d{2}$' THEN
    to_char(${col}::date - (extract(isodow FROM ${col}::date)::int - 1), 'YYYY-MM-DD') END`;
}
