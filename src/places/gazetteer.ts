/**
 * The offline gazetteer (data/places/, built by `npm run build:places`): countries, regions, first-level admin
 * regions and GeoNames cities ≥ 1,000 people, indexed by normalised surface form. Loaded lazily, once.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../doc/index.js';
import type { CountryRow, Entry, MatchKind, RegionRow } from './types.js';

/** One way a surface form names an entry. */
export interface Hit {
  entry: number;
  kind: MatchKind;
}

export interface Gazetteer {
  /** Entry by index (city entries are parsed on first use). */
  entry(i: number): Entry;
  /** Number of entries. */
  size: number;
  /** Normalised surface form → hits. */
  index: Map<string, Hit[]>;
  /** ISO3 → index of the country's entry. */
  countryEntry: Map<string, number>;
  /** Admin1 key (US.KY) → index of its entry. */
  admin1Entry: Map<string, number>;
  /** ISO2 → ISO3. */
  iso3: Map<string, string>;
  /** Longest surface form in tokens (bounds the scan). */
  maxTokens: number;
}

/** Normalised key of a surface form: no diacritics, lower case, one space, straight apostrophes. */
export function normKey(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

let cached: Gazetteer | null = null;

/** The gazetteer, loaded once. */
export function gazetteer(): Gazetteer {
  return (cached ??= load());
}

function load(): Gazetteer {
  const eager: Entry[] = [];
  const cityRows: string[] = [];
  const cityEntries: (Entry | undefined)[] = [];
  let admin1Names = new Map<string, string>();
  const g: Gazetteer = {
    entry(i) {
      if (i < eager.length) return eager[i];
      const k = i - eager.length;
      return (cityEntries[k] ??= cityEntry(g, admin1Names, i, cityRows[k]));
    },
    size: 0,
    index: new Map(),
    countryEntry: new Map(),
    admin1Entry: new Map(),
    iso3: new Map(),
    maxTokens: 6,
  };
  const addKey = (k: string, entry: number, kind: MatchKind): void => {
    if (!k) return;
    const list = g.index.get(k);
    if (!list) g.index.set(k, [{ entry, kind }]);
    else if (!list.some((h) => h.entry === entry)) list.push({ entry, kind });
  };
  const add = (key: string, entry: number, kind: MatchKind): void => addKey(normKey(key), entry, kind);
  const push = (e: Omit<Entry, 'idx'>): number => {
    const idx = eager.length;
    eager.push({ idx, ...e });
    return idx;
  };
  loadCountries(g, push, add);
  loadRegions(push, add);
  admin1Names = loadAdmin1(g, push, add);
  // Cities: only the lookup keys are read now (normalised at build time); each entry is parsed when first used.
  for (const line of readFileSync(dataPath('places', 'cities.tsv'), 'utf8').split('\n')) {
    if (!line) continue;
    const idx = eager.length + cityRows.length;
    cityRows.push(line);
    const t1 = line.indexOf('\t'),
      t2 = line.indexOf('\t', t1 + 1),
      t3 = line.indexOf('\t', t2 + 1),
      t4 = line.indexOf('\t', t3 + 1);
    const key = line.slice(t2 + 1, t3);
    addKey(key, idx, 'name');
    // "Washington, D.C." is also written "Washington".
    const comma = key.indexOf(', ');
    if (comma > 0) addKey(key.slice(0, comma), idx, 'name');
    if (t4 > t3 + 1) for (const a of line.slice(t3 + 1, t4).split('|')) addKey(a, idx, 'alt');
  }
  g.size = eager.length + cityRows.length;
  return g;
}

/** A city entry from its row: geonameid, name, key, alternate keys, iso2, admin1, code, population, lat, lon. */
function cityEntry(g: Gazetteer, admin1Names: Map<string, string>, idx: number, row: string): Entry {
  const [id, name, , , iso2, admin, code, pop, lat, lon] = row.split('\t');
  const key = `${iso2}.${admin}`;
  return {
    idx,
    name,
    country: g.iso3.get(iso2) ?? '',
    admin1: admin1Names.get(key) ?? '',
    admin1Key: admin1Names.has(key) ? key : '',
    feature: 'city',
    code,
    pop: Number(pop),
    lat: Number(lat),
    lon: Number(lon),
    geonameid: Number(id),
  };
}

type Push = (e: Omit<Entry, 'idx'>) => number;
type Add = (key: string, entry: number, kind: MatchKind) => void;

function loadCountries(g: Gazetteer, push: Push, add: Add): void {
  const rows = JSON.parse(readFileSync(dataPath('places', 'countries.json'), 'utf8')) as CountryRow[];
  for (const c of rows) {
    g.iso3.set(c.iso2, c.iso3);
    const i = push({
      name: c.name,
      country: c.iso3,
      admin1: '',
      admin1Key: '',
      feature: 'country',
      code: 'PCLI',
      pop: c.pop,
      lat: c.lat,
      lon: c.lon,
      ...(c.geonameid ? { geonameid: c.geonameid } : {}),
    });
    g.countryEntry.set(c.iso3, i);
    for (const n of c.names) add(n, i, /^[A-Z.]+$/.test(n) ? 'abbr' : n === c.name ? 'name' : 'alt');
    for (const d of c.demonyms) add(d, i, 'demonym');
  }
}

function loadRegions(push: Push, add: Add): void {
  const rows = JSON.parse(readFileSync(dataPath('places', 'regions.json'), 'utf8')) as RegionRow[];
  for (const r of rows) {
    const i = push({
      name: r.name,
      country: '',
      admin1: '',
      admin1Key: '',
      feature: 'other',
      code: 'CONT',
      pop: 0,
      lat: r.lat,
      lon: r.lon,
      ...(r.geonameid ? { geonameid: r.geonameid } : {}),
    });
    for (const n of r.names) add(n, i, n === r.name ? 'name' : 'alt');
    for (const d of r.demonyms) add(d, i, 'demonym');
  }
}

function loadAdmin1(g: Gazetteer, push: Push, add: Add): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of readFileSync(dataPath('places', 'admin1.tsv'), 'utf8').split('\n')) {
    if (!line) continue;
    const [key, name, abbr, pop, lat, lon] = line.split('\t');
    names.set(key, name);
    const iso2 = key.slice(0, 2);
    const i = push({
      name,
      country: g.iso3.get(iso2) ?? '',
      admin1: name,
      admin1Key: key,
      feature: 'admin1',
      code: 'ADM1',
      pop: Number(pop),
      lat: Number(lat),
      lon: Number(lon),
    });
    g.admin1Entry.set(key, i);
    add(name, i, 'name');
    // "Region of X", "X Province", "State of X" → also "X".
    const bare = name.replace(
      /^(?:State|Region|Province|Provincia|Departamento|Governorate|Oblast') (?:of|de|del) /,
      '',
    );
    const bare2 = bare.replace(
      / (?:Province|Region|Governorate|Oblast|Oblast'|Prefecture|State|District|County|Department|Kray|Krai|Republic)$/,
      '',
    );
    if (bare2 !== name && bare2.length > 2) add(bare2, i, 'alt');
    for (const a of abbr ? abbr.split('|') : []) add(a, i, 'abbr');
  }
  return names;
}
