/**
 * GDELT's geography columns (Actor1Geo_*, Actor2Geo_*, ActionGeo_*) from a record place: GDELT's Geo_Type, a full name
 * "place, region, country", FIPS 10-4 country and ADM1 codes (GDELT's convention), point and feature id. The mapping and
 * its limits are in docs/data.md. Tables: data/places/countries.json and admin1.tsv (names), data/export/fips.json.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../doc/index.js';
import type { PlaceOut } from '../record/index.js';

/** GDELT's geo column suffixes, in order. */
export const GEO = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

type Cell = string | number | null;

interface Tables {
  /** ISO alpha-3 → [alpha-2, English name]. */
  countries: Map<string, [string, string]>;
  /** ISO alpha-2 → FIPS 10-4, where they differ. */
  fips: Record<string, string>;
  /** `${alpha-2}.${admin1}` → the region's name. */
  admin1: Map<string, string>;
}

let tables: Tables | null = null;

/** The lookup tables, read once. */
function load(): Tables {
  if (tables) return tables;
  const list = JSON.parse(readFileSync(dataPath('places', 'countries.json'), 'utf8')) as {
    iso3: string;
    iso2: string;
    name: string;
  }[];
  const admin1 = new Map<string, string>();
  for (const line of readFileSync(dataPath('places', 'admin1.tsv'), 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) admin1.set(line.slice(0, tab), line.slice(tab + 1, line.indexOf('\t', tab + 1)));
  }
  const fips = (
    JSON.parse(readFileSync(dataPath('export', 'fips.json'), 'utf8')) as { differs: Record<string, string> }
  ).differs;
  tables = { countries: new Map(list.map((c) => [c.iso3, [c.iso2, c.name]])), fips, admin1 };
  return tables;
}

/** The FIPS 10-4 country code of an ISO alpha-3 code, or null (unknown, or an organisation code such as IGO). */
export function fipsCountry(iso3: string | null): string | null {
  const c = iso3 ? load().countries.get(iso3) : undefined;
  return c ? (load().fips[c[0]] ?? c[0]) : null;
}

/**
 * GDELT's Geo_Type: 1 country, 2 US state, 3 US city or place, 4 world city or place, 5 world state. A place known
 * only by its country is country-level (1); one with neither a country nor a point is not placed (null).
 */
export function geoType(p: PlaceOut): number | null {
  const us = p.country === 'USA';
  if (p.feature === 'country') return 1;
  if (p.feature === 'admin1') return us ? 2 : 5;
  if (!p.country) return null;
  return p.lat === null || p.lon === null ? 1 : us ? 3 : 4;
}

/** "place, region, country" as GDELT writes it (the parts we know, repeats dropped). */
function fullName(p: PlaceOut, type: number): string {
  const t = load();
  const c = p.country ? t.countries.get(p.country) : undefined;
  const region = c && p.admin1 ? t.admin1.get(`${c[0]}.${p.admin1}`) : undefined;
  const parts = type === 1 ? [c?.[1] ?? p.name] : [p.name ?? p.text, type === 2 || type === 5 ? null : region, c?.[1]];
  return parts.filter((x, i): x is string => !!x && parts.indexOf(x) === i).join(', ');
}

const EMPTY: Cell[] = GEO.map(() => null);

/** The eight geo columns of a place; all empty when it was not resolved to a gazetteer entry. */
export function geoCells(p: PlaceOut | null | undefined): Cell[] {
  if (!p) return EMPTY;
  const type = geoType(p);
  if (type === null) return EMPTY;
  const country = fipsCountry(p.country);
  const adm1 = country && p.admin1 && type !== 1 ? country + p.admin1 : null;
  const feature = p.geonameid ?? (type === 1 ? country : type === 2 || type === 5 ? adm1 : null);
  return [type, fullName(p, type), country, type === 1 ? country : adm1, null, p.lat, p.lon, feature];
}
