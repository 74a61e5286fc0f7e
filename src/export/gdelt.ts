/**
 * GDELT 2.0 event-table export: GDELT's 61 columns in GDELT's order, tab-separated. The mapping of each column is in
 * docs/data.md; columns with no meaning here are left empty.
 */
import { createHash } from 'node:crypto';
import type { ArgOut, EventOut, PlaceOut } from '../record/index.js';

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
const GEO = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

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

/** A stable positive integer id from our record id: the first 13 hex digits of its sha256 (< 2^52). */
export function globalEventId(id: string): number {
  return parseInt(createHash('sha256').update(id).digest('hex').slice(0, 13), 16);
}

/** The ten actor columns of one argument (first of its side); empty when the side has none. */
function actorCells(a: ArgOut | undefined): Cell[] {
  if (!a) return Array<Cell>(ACTOR.length).fill(null);
  const sector = a.sector && a.sector !== 'UNK' ? a.sector : null;
  return [a.code || null, a.name.toUpperCase(), a.country, null, null, null, null, sector, null, null];
}

/** GDELT's geo type from a GeoNames feature code: 1 country, 2/5 state (US/world), 3/4 city (US/world). */
function geoType(p: PlaceOut): number | null {
  const f = p.feature ?? '';
  const us = p.country === 'US' || p.country === 'USA';
  if (/^PCL/.test(f)) return 1;
  if (/^ADM1/.test(f)) return us ? 2 : 5;
  if (/^(PPL|P\.)/.test(f) || f === 'P') return us ? 3 : 4;
  return null;
}

/** The eight ActionGeo columns. */
function geoCells(p: PlaceOut | null): Cell[] {
  if (!p) return Array<Cell>(GEO.length).fill(null);
  return [
    geoType(p),
    p.name ?? p.text,
    p.country,
    p.admin1 ? `${p.country ?? ''}${p.admin1}` : null,
    null,
    p.lat,
    p.lon,
    p.geonameid,
  ];
}

/** The day an event is dated by: its own date, else its article's publication day, else its cluster's first sighting. */
function eventDay(e: EventOut): string | null {
  for (const v of [e.date, e.published, e.first_seen]) {
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

/** DATEADDED (YYYYMMDDHHMMSS, UTC): when the article was published, else the event day at midnight. */
function dateAdded(e: EventOut, day: string | null): string | null {
  const t = e.published && /T\d{2}:\d{2}/.test(e.published) ? Date.parse(e.published) : NaN;
  if (!Number.isNaN(t)) return new Date(t).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return day ? day + '000000' : null;
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
    ...geoCells(null),
    ...geoCells(null),
    ...geoCells(e.place),
    dateAdded(e, day),
    e.url ?? e.source,
  ];
}

/** A cell as GDELT writes it: tabs and line breaks inside a value become spaces. */
function cell(v: Cell): string {
  return v === null ? '' : String(v).replace(/[\t\r\n]+/g, ' ');
}

/** One record as a GDELT TSV line (with its newline). */
export function gdeltLine(e: EventOut): string {
  return gdeltCells(e).map(cell).join('\t') + '\n';
}

/** The header line of GDELT's column names. */
export function gdeltHeader(): string {
  return GDELT_COLUMNS.join('\t') + '\n';
}
