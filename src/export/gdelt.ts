/**
 * GDELT 2.0 event-table export: GDELT's 61 columns in GDELT's order, tab-separated. The mapping of each column is in
 * docs/data.md; columns with no meaning here are left empty.
 */
import type { ArgOut, EventOut } from '../record/index.js';
import { GEO, geoCells } from './geo.js';

const ACTOR = [
  'Code',
  'Name',
  'CountryCode',
  'KnownGroupCode',
  'EthnicCode',
  'Religion1Code',
  'Religion2Code',
  'Type1Code',
  'Type2Code',
  'Type3Code',
];

/** GDELT 2.0's event-table column names, in order. */
export const GDELT_COLUMNS: string[] = [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  ...ACTOR.map((c) => 'Actor1' + c),
  ...ACTOR.map((c) => 'Actor2' + c),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...GEO.map((c) => 'Actor1Geo_' + c),
  ...GEO.map((c) => 'Actor2Geo_' + c),
  ...GEO.map((c) => 'ActionGeo_' + c),
  'DATEADDED',
  'SOURCEURL',
];

type Cell = string | number | null;

/**
 * A stable positive integer id from our record id (< 2^52, so exact in a double and in GDELT's BIGINT): two 32-bit
 * FNV-1a hashes of its UTF-16 units with different offsets, 20 bits of one above 32 of the other. Computed in JS
 * (no crypto object per row); collisions are ~1 in 2^52 per pair.
 */
export function globalEventId(id: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (b >>> 12) * 0x1_0000_0000 + (a >>> 0);
}

/** The ten actor columns of one argument (first of its side); empty when the side has none. */
function actorCells(a: ArgOut | undefined): Cell[] {
  if (!a) return Array<Cell>(ACTOR.length).fill(null);
  const sector = a.sector && a.sector !== 'UNK' ? a.sector : null;
  return [a.code || null, a.name.toUpperCase(), a.country, null, null, null, null, sector, null, null];
}

/**
 * The day an event is dated by: its own date, else its article's publication day, else its cluster's first sighting,
 * else the day the store received the article (GDELT too dates an undated event by when it saw the report).
 */
function eventDay(e: EventOut): string | null {
  for (const v of [e.date, e.published, e.first_seen, e.ingested_at]) {
    const m = v ? /^(\d{4})-(\d{2})-(\d{2})/.exec(v) : null;
    if (m) return `${m[1]}${m[2]}${m[3]}`;
  }
  return null;
}

/** GDELT's FractionDate: year + (month × 30 + day) / 365, four decimals. */
function fractionDate(day: string): string {
  const y = Number(day.slice(0, 4));
  return (y + (Number(day.slice(4, 6)) * 30 + Number(day.slice(6, 8))) / 365).toFixed(4);
}

const UTC_STAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/;
let lastPublished: string | null = null;
let lastStamp: string | null = null;

/** YYYYMMDDHHMMSS (UTC) of a timestamp with a time of day, or null; the last answer is kept (a document's events repeat it). */
function stamp(published: string): string | null {
  if (published === lastPublished) return lastStamp;
  const m = UTC_STAMP.exec(published);
  let v: string | null = m ? m[1] + m[2] + m[3] + m[4] + m[5] + m[6] : null;
  if (!m && /T\d{2}:\d{2}/.test(published)) {
    const t = Date.parse(published);
    v = Number.isNaN(t) ? null : new Date(t).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  }
  lastPublished = published;
  lastStamp = v;
  return v;
}

/** DATEADDED (YYYYMMDDHHMMSS, UTC): when the store received the article, else its publication time, else the day. */
function dateAdded(e: EventOut, day: string | null): string | null {
  const t = e.ingested_at ? stamp(e.ingested_at) : e.published ? stamp(e.published) : null;
  return t ?? (day ? day + '000000' : null);
}

/** One record as GDELT's 61 cells. */
export function gdeltCells(e: EventOut): Cell[] {
  const day = eventDay(e);
  const cameo = e.cameo || null;
  return [
    globalEventId(e.id),
    day,
    day ? day.slice(0, 6) : null,
    day ? day.slice(0, 4) : null,
    day ? fractionDate(day) : null,
    ...actorCells(e.actor[0]),
    ...actorCells(e.recipient[0]),
    e.sentence_span.start === 0 ? 1 : 0,
    cameo,
    cameo ? cameo.slice(0, 3) : null,
    cameo ? cameo.slice(0, 2) : null,
    e.quad,
    e.goldstein,
    e.mentions,
    e.sources,
    e.articles,
    e.tone,
    ...geoCells(e.actor[0]?.place),
    ...geoCells(e.recipient[0]?.place),
    ...geoCells(e.place),
    dateAdded(e, day),
    e.url ?? e.source,
  ];
}

const BREAKS = /[\t\r\n]/;

/** One record as a GDELT TSV line (with its newline): tabs and line breaks inside a value become spaces. */
export function gdeltLine(e: EventOut): string {
  const cells = gdeltCells(e);
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (typeof v === 'string' && BREAKS.test(v)) cells[i] = v.replace(/[\t\r\n]+/g, ' ');
  }
  // join writes null as the empty field and a number as String(n) does.
  return cells.join('\t') + '\n';
}

/** The header line of GDELT's column names. */
export function gdeltHeader(): string {
  return GDELT_COLUMNS.join('\t') + '\n';
}
