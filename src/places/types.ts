/** Types of the places stage: gazetteer rows as built, entries as looked up, and resolved places. */

/** The hand-written data/places/sources.json. */
export interface Sources {
  /** [US postal code, abbreviation as news copy writes it]. */
  states: [string, string][];
  /** [ISO3, abbreviation]. */
  countryAbbreviations: [string, string][];
  /** ISO3 → [lat, lon, geonameid]: GeoNames' own country points. */
  countryPoints: Record<string, [number, number, number]>;
  /** [name, lat, lon, geonameid | null, alternate names]. */
  regions: [string, number, number, number | null, string[]][];
  /** [demonym, region name]. */
  regionDemonyms: [string, string][];
}

export interface CountryRow {
  iso3: string;
  iso2: string;
  name: string;
  names: string[];
  demonyms: string[];
  lat: number;
  lon: number;
  geonameid?: number;
  pop: number;
}

export interface RegionRow {
  name: string;
  names: string[];
  demonyms: string[];
  lat: number;
  lon: number;
  geonameid?: number;
}

/** Feature kind as printed. */
export type Feature = 'country' | 'admin1' | 'admin2' | 'city' | 'other';

/** One gazetteer entry. */
export interface Entry {
  /** Index in the gazetteer's entry table. */
  idx: number;
  name: string;
  /** ISO 3166-1 alpha-3, '' for regions beyond one country. */
  country: string;
  /** First-level admin region name, '' when none or unknown. */
  admin1: string;
  /** Country-qualified admin1 key (e.g. `US.KY`), '' when none. */
  admin1Key: string;
  feature: Feature;
  /** GeoNames feature code (PPLC, PPLA, ...) or ADM1 / PCLI / CONT. */
  code: string;
  pop: number;
  lat: number;
  lon: number;
  geonameid?: number;
}

/** How a surface form matched an entry. */
export type MatchKind = 'name' | 'alt' | 'abbr' | 'demonym';

/** A resolved toponym: a span of the text and the entry chosen for it. */
export interface PlaceSpan {
  id: string;
  start: number;
  end: number;
  text: string;
  /** How the span was found. */
  kind: MatchKind | 'dateline';
  name: string;
  country: string | null;
  admin1: string | null;
  lat: number;
  lon: number;
  feature: Feature;
  geonameid?: number;
  /** Ranker score of the chosen entry and the recogniser's probability that the span is a toponym. */
  score: number;
  recognition: number;
}
