/**
 * Month and year tiers of the dyad rollup (migration 10), shared by the SQLite and Postgres stores. `dyad_months` and
 * `dyad_years` count the dated dyadic events as `dyad_days` does, per calendar month ('YYYY-MM') and year ('YYYY'), so
 * a date-bounded /api/dyads sums whole years and months from them and reads only the partial months at the edges
 * from `dyad_days` (bench:api at 1M, one year: 55k year rows read in key order instead of 73k day rows grouped).
 *
 * Exactness: a date that is not a calendar-shaped YYYY-MM-DD (see {@link calendarDay}) is kept in both tiers under
 * its own text prefixed with '~' (after every digit), never in a month or year; the plan reads those rows by their
 * text for the span the tiers cover, so every event is counted once and only when `since <= date <= until` holds.
 */
import type { EventQuery } from './api-reader.js';
import { DYAD_KEY, DYAD_TABLES, dyadUpserts, forgetSql, HAS_DYAD, tableSql, type RollupTable } from './dyad-rollup.js';

/** SQL for "`x` is calendar-shaped": 4-2-2 digits, month 01–12, day 01 to the month's length (February: 29). */
function shapeSql(x: string, engine: 'sqlite' | 'pg'): string {
  const c = engine === 'pg' ? ' COLLATE "C"' : '';
  const digits =
    engine === 'pg'
      ? `${x} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`
      : `${x} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;
  const month = `substr(${x}, 6, 2)${c}`;
  const last = `CASE substr(${x}, 6, 2) WHEN '02' THEN '29' WHEN '04' THEN '30' WHEN '06' THEN '30' WHEN '09' THEN '30'
    WHEN '11' THEN '30' ELSE '31' END`;
  return `${digits} AND ${month} BETWEEN '01' AND '12' AND substr(${x}, 9, 2)${c} BETWEEN '01' AND ${last}`;
}

/** The tier value of date `x`: its first `len` characters when calendar-shaped, else '~' and the whole text. */
function bucketSql(x: string, len: number, engine: 'sqlite' | 'pg'): string {
  return `(CASE WHEN ${shapeSql(x, engine)} THEN substr(${x}, 1, ${len}) ELSE '~' || ${x} END)`;
}

/** The two tier tables for an engine (dated events only). */
export function tierTables(engine: 'sqlite' | 'pg'): RollupTable[] {
  return [
    { table: 'dyad_months', key: ['month', ...DYAD_KEY], period: (d) => bucketSql(d, 7, engine), datedOnly: true },
    { table: 'dyad_years', key: ['year', ...DYAD_KEY], period: (d) => bucketSql(d, 4, engine), datedOnly: true },
  ];
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `s` split into year, month and day when it is calendar-shaped (the rule of the tiers' SQL), else null. */
export function calendarDay(s: string): { y: number; m: number; d: number } | null {
  const x = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!x) return null;
  const [y, m, d] = [Number(x[1]), Number(x[2]), Number(x[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= MONTH_DAYS[m - 1] ? { y, m, d } : null;
}

/** A bound on a tier's period column. */
interface Bound {
  v: string;
  strict: boolean;
}

/** One part of a date range: rows of `table` whose `col` lies between the bounds (absent = open). */
export interface Segment {
  table: 'dyad_years' | 'dyad_months' | 'dyad_days';
  col: 'year' | 'month' | 'day';
  lo?: Bound;
  hi?: Bound;
  /** The non-calendar dates ('~' rows) of the span the tiers cover: read only when such rows exist. */
  odd?: boolean;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const monthKey = (i: number) => `${pad(Math.floor(i / 12), 4)}-${pad((i % 12) + 1, 2)}`;
const firstDay = (i: number) => `${monthKey(i)}-01`;
const lastDay = (i: number) => `${monthKey(i)}-${pad(MONTH_DAYS[i % 12], 2)}`;

/**
 * The parts of [since, until] the tiers answer: whole years from `dyad_years`, whole months from `dyad_months`, the
 * rest from `dyad_days`, and the odd rows; null when no whole month lies inside (or a bound is not calendar-shaped),
 * so `dyad_days` alone answers. A month is whole when both its first and its last day (February: the 29th) are in.
 */
export function tierSegments(since?: string, until?: string): Segment[] | null {
  if (since === undefined && until === undefined) return null;
  const s = since === undefined ? null : calendarDay(since);
  const u = until === undefined ? null : calendarDay(until);
  if ((since !== undefined && !s) || (until !== undefined && !u)) return null;
  const mi = (x: { y: number; m: number }) => x.y * 12 + x.m - 1;
  const mLo = s ? mi(s) + (s.d === 1 ? 0 : 1) : -Infinity;
  const mHi = u ? mi(u) - (u.d === MONTH_DAYS[u.m - 1] ? 0 : 1) : Infinity;
  const yLo = s ? s.y + (s.m === 1 && s.d === 1 ? 0 : 1) : -Infinity;
  // Year keys are four digits: a range starting after 9999-01-01 is left to dyad_days.
  if (mLo > mHi || yLo > 9999) return null;
  const yHi = u ? u.y - (u.m === 12 && u.d === 31 ? 0 : 1) : Infinity;
  const out: Segment[] = [];
  const months = (a: number, b: number) => {
    if (a <= b)
      out.push({
        table: 'dyad_months',
        col: 'month',
        lo: Number.isFinite(a) ? { v: monthKey(a), strict: false } : undefined,
        hi: Number.isFinite(b) ? { v: monthKey(b), strict: false } : { v: '~', strict: true },
      });
  };
  if (yLo <= yHi) {
    out.push({
      table: 'dyad_years',
      col: 'year',
      lo: Number.isFinite(yLo) ? { v: pad(yLo, 4), strict: false } : undefined,
      hi: Number.isFinite(yHi) ? { v: pad(yHi, 4), strict: false } : { v: '~', strict: true },
    });
    if (Number.isFinite(yLo)) months(mLo, yLo * 12 - 1);
    if (Number.isFinite(yHi)) months((yHi + 1) * 12, mHi);
  } else months(mLo, mHi);
  const b0 = Number.isFinite(mLo) ? firstDay(mLo) : '';
  const e0 = Number.isFinite(mHi) ? lastDay(mHi) : null;
  if (since !== undefined && since < b0)
    out.push({ table: 'dyad_days', col: 'day', lo: { v: since, strict: false }, hi: { v: b0, strict: true } });
  if (until !== undefined && e0 !== null && until > e0)
    out.push({ table: 'dyad_days', col: 'day', lo: { v: e0, strict: true }, hi: { v: until, strict: false } });
  out.push({
    table: 'dyad_years',
    col: 'year',
    lo: { v: '~' + b0, strict: false },
    hi: e0 === null ? undefined : { v: '~' + e0, strict: false },
    odd: true,
  });
  return out;
}

/** True when a dyad query may read the tiers: date-bounded, and no code filter (those read dyad_days' actor index). */
export function tierQuery(q: EventQuery): boolean {
  return (q.since !== undefined || q.until !== undefined) && !q.actor && !q.recipient && !q.party;
}

/** The bound conditions of a segment over alias `d`, with `p` turning a value into a placeholder. */
export function segmentSql(seg: Segment, p: (v: string) => string, collate = ''): string {
  const col = `d.${seg.col}${collate}`;
  const c: string[] = [];
  if (seg.lo && seg.hi && seg.lo.v === seg.hi.v && !seg.lo.strict && !seg.hi.strict) return `${col} = ${p(seg.lo.v)}`;
  if (seg.lo) c.push(`${col} ${seg.lo.strict ? '>' : '>='} ${p(seg.lo.v)}`);
  if (seg.hi) c.push(`${col} ${seg.hi.strict ? '<' : '<='} ${p(seg.hi.v)}`);
  return c.length ? c.join(' AND ') : 'TRUE';
}

/** SQLite migration 10: the tier tables filled from the events stored so far, and the delete trigger over all four. */
export function sqliteTierMigration(): string {
  const tiers = tierTables('sqlite');
  return [
    ...tiers.map((t) => tableSql(t, 'TEXT', 'INTEGER', ' WITHOUT ROWID')),
    // One year split by type reads this in (actor, recipient, type) order: no sort to group.
    'CREATE INDEX dyad_years_type ON dyad_years(year, actor_code, recipient_code, type, n);',
    ...dyadUpserts('1', undefined, tiers).map((s) => s + ';'),
    'DROP TRIGGER events_dyads_forget;',
    `CREATE TRIGGER events_dyads_forget AFTER DELETE ON events WHEN ${HAS_DYAD} BEGIN
${forgetSql([...DYAD_TABLES, ...tiers])}
END;`,
  ].join('\n');
}

/** Postgres migration 10: the same tables and backfill; the delete function now forgets in all four tables. */
export function pgTierMigration(): string {
  const tiers = tierTables('pg');
  return [
    ...tiers.map((t) => tableSql(t, 'text', 'integer', '')),
    ...dyadUpserts('TRUE', undefined, tiers).map((s) => s + ';'),
    `CREATE OR REPLACE FUNCTION events_dyads_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF ${HAS_DYAD} THEN
${forgetSql([...DYAD_TABLES, ...tiers])}
  END IF;
  RETURN NULL;
END $$;`,
  ].join('\n');
}
