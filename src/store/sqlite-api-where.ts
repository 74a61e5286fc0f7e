/** SQL WHERE clauses for an {@link EventQuery} over the `events e` table (columns of migration 4). */
import type { EventQuery } from './api-reader.js';

/** A WHERE clause (without the keyword; `1` when empty) and its parameters. */
export interface Where {
  sql: string;
  params: unknown[];
}

/**
 * `col` starts with `prefix`, as an index range (LIKE would not use the index). `selective` marks the bounds as
 * keeping few rows (`likelihood`, which changes no row), for aggregations: SQLite's sampled statistics can misjudge a
 * range between two samples as large and skip-scan the date index instead (bench:api at 1M, KORGOV's series: 35 ms
 * that way, 4 ms by its index). Pages leave it out: walking the sort order to the first 50 is often the better plan.
 */
function prefixRange(col: string, prefix: string, params: unknown[], selective = false): string {
  params.push(prefix, prefix + '\uffff');
  if (!selective) return `(${col} >= ? AND ${col} < ?)`;
  return `(likelihood(${col} >= ?, ${PREFIX_LIKELIHOOD}) AND likelihood(${col} < ?, ${PREFIX_LIKELIHOOD}))`;
}

/** The share of events a code prefix bound is taken to keep (a whole code keeps ~1/100 of the generated store). */
const PREFIX_LIKELIHOOD = 0.01;

/** An FTS5 query requiring every word of `q` (quoted, so no operator syntax leaks in); null when it has no words. */
export function ftsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `"${w}"`).join(' ') : null;
}

/** The clauses on codes, countries, sectors, types and quad classes, shared by the events and the dyad rollup
 * (`t` is the table alias: both hold these columns under the same names). `walk` writes the country and sector
 * pairs as `+col`, which SQLite cannot look up in an index (see {@link eventWhere}). */
function partyClauses(q: EventQuery, t: string, c: string[], p: unknown[], plan: Plan = {}): void {
  const { walk = false, selective = false } = plan;
  const add = (sql: string, ...params: unknown[]) => {
    c.push(sql);
    p.push(...params);
  };
  if (q.actor) c.push(prefixRange(`${t}.actor_code`, q.actor.toUpperCase(), p, selective));
  if (q.recipient) c.push(prefixRange(`${t}.recipient_code`, q.recipient.toUpperCase(), p, selective));
  if (q.party) {
    const a = prefixRange(`${t}.actor_code`, q.party.toUpperCase(), p, selective);
    c.push(`(${a} OR ${prefixRange(`${t}.recipient_code`, q.party.toUpperCase(), p, selective)})`);
  }
  const u = walk ? '+' : '';
  if (q.country) add(`(${u}${t}.actor_country = ? OR ${u}${t}.recipient_country = ?)`, q.country, q.country);
  if (q.sector) add(`(${u}${t}.actor_sector = ? OR ${u}${t}.recipient_sector = ?)`, q.sector, q.sector);
  if (q.type?.length) add(`${t}.type IN (${q.type.map(() => '?').join(',')})`, ...q.type);
  if (q.quad?.length) add(`${t}.quad IN (${q.quad.map(() => '?').join(',')})`, ...q.quad);
}

/** How {@link eventWhere} writes its clauses for the plan wanted (same rows either way). */
export interface Plan {
  /** A page whose search words match many sentences: walk the sort order. */
  walk?: boolean;
  /** An aggregation: code prefixes are selective (see prefixRange). */
  selective?: boolean;
}

/**
 * The clauses that filter events by the query's fields. `walk` is for a page whose search words match many
 * sentences: the match set and the country/sector pairs become plain filters (`+`), so SQLite walks the sort
 * column's index and stops at the page, instead of looking up every matching row (or every row of the country) and
 * sorting them (bench:api at 1M, two common words + a country: 85 ms → 18 ms). Same rows, another plan.
 */
export function eventWhere(q: EventQuery, plan: Plan = {}): Where {
  const walk = plan.walk ?? false;
  const c: string[] = [];
  const p: unknown[] = [];
  const add = (sql: string, ...params: unknown[]) => {
    c.push(sql);
    p.push(...params);
  };
  if (q.since) add('e.date >= ?', q.since);
  if (q.until) add('e.date <= ?', q.until);
  partyClauses(q, 'e', c, p, plan);
  if (q.mode) add('e.mode = ?', q.mode);
  if (q.context) add('e.contexts LIKE ?', `%${JSON.stringify(q.context)}%`);
  if (q.doc) add('e.doc_id = ?', q.doc);
  if (q.minConfidence !== undefined) add('e.confidence >= ?', q.minConfidence);
  // Every event's cluster has at least one article, so only a bar above 1 filters (through the clusters table).
  if (q.minArticles !== undefined && q.minArticles > 1) {
    add('e.cluster IN (SELECT c.id FROM clusters c WHERE c.articles >= ?)', q.minArticles);
  }
  if (q.q !== undefined) {
    const m = ftsQuery(q.q);
    if (m) add(`${walk ? '+' : ''}e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)`, m);
  }
  return { sql: c.length ? c.join(' AND ') : '1', params: p };
}

/** The WHERE clause for the dyad rollup `d` (see dyadRollupOnly in dyad-rollup.ts; undated rows hold day ''). */
export function dyadWhere(q: EventQuery): Where {
  const c: string[] = [];
  const p: unknown[] = [];
  const add = (sql: string, ...params: unknown[]) => {
    c.push(sql);
    p.push(...params);
  };
  if (q.since) add('d.day >= ?', q.since);
  if (q.until) add("d.day <= ? AND d.day <> ''", q.until);
  partyClauses(q, 'd', c, p);
  return { sql: c.length ? c.join(' AND ') : '1', params: p };
}

/** True when only fields the `event_days` rollup keeps (date, type, quad) are set. */
export function rollupOnly(q: EventQuery): boolean {
  return Object.entries(q).every(
    ([k, v]) =>
      v === undefined ||
      k === 'since' ||
      k === 'until' ||
      k === 'type' ||
      k === 'quad' ||
      (k === 'minArticles' && (v as number) <= 1),
  );
}

/** The WHERE clause for `event_days d` (see {@link rollupOnly}). */
export function rollupWhere(q: EventQuery): Where {
  const c: string[] = [];
  const p: unknown[] = [];
  const add = (sql: string, ...params: unknown[]) => {
    c.push(sql);
    p.push(...params);
  };
  if (q.since) add('d.day >= ?', q.since);
  if (q.until) add('d.day <= ?', q.until);
  if (q.type?.length) add(`d.type IN (${q.type.map(() => '?').join(',')})`, ...q.type);
  if (q.quad?.length) add(`d.quad IN (${q.quad.map(() => '?').join(',')})`, ...q.quad);
  return { sql: c.length ? c.join(' AND ') : '1', params: p };
}

/** The first day of the period holding `col` (an ISO date column). Weeks start on Monday. */
export function periodExpr(col: string, interval: 'day' | 'week' | 'month'): string {
  if (interval === 'day') return col;
  if (interval === 'month') return `substr(${col}, 1, 7) || '-01'`;
  return `date(${col}, '-6 days', 'weekday 1')`;
}
