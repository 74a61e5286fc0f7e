/**
 * Build data/actors/countries.json from the world-countries and i18n-iso-countries packages plus our hand-written
 * additions (data/actors/country-additions.json). Run: `npx tsx src/actors/build/countries.ts`.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dataPath } from '../../doc/resources.js';
import type { CountryRecord } from '../types.js';

const require = createRequire(import.meta.url);
interface WorldCountry {
  cca2: string;
  cca3: string;
  unMember: boolean;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { m: string; f: string } };
}
const world = require('world-countries') as WorldCountry[];
const iso = require('i18n-iso-countries') as { getNames(l: string, o: { select: 'all' }): Record<string, string[]> };

interface Additions {
  codeRemap: Record<string, string>;
  dropAliases: string[];
  dropCapitals: string[];
  countries: Record<
    string,
    { names?: string[]; demonyms?: string[]; plurals?: string[]; capitals?: string[]; seats?: [string, string][] }
  >;
}

/** Latin-script aliases only: native-script spellings never match English text and only cost memory. */
const LATIN = /^[\p{Script=Latin}\s.,'’()&-]+$/u;

function plural(dem: string): string | null {
  // Adjective-only demonyms (French, Chinese, Swiss) have no -s plural people noun.
  if (/(ese|ish|ch|sh|ss|s|x|z)$/i.test(dem)) return null;
  return dem + 's';
}

/** Build the country records. */
export function buildCountries(): CountryRecord[] {
  const add = JSON.parse(readFileSync(dataPath('actors', 'country-additions.json'), 'utf8')) as Additions;
  const isoNames = iso.getNames('en', { select: 'all' });
  const drop = new Set(add.dropAliases);
  const dropCap = new Set(add.dropCapitals);
  const out: CountryRecord[] = [];
  for (const c of world) {
    const code = add.codeRemap[c.cca3] ?? c.cca3;
    const a = add.countries[code] ?? {};
    const names = new Set<string>();
    for (const n of [c.name.common, c.name.official, ...(isoNames[c.cca2] ?? []), ...c.altSpellings]) {
      // Two-letter alpha-2 codes (e.g. "RU") are not how news text names a country.
      if (n.length <= 2 || !LATIN.test(n) || drop.has(n)) continue;
      if (n.includes(',')) continue; // "Korea, Republic of": catalogue order, never in running text
      names.add(n);
    }
    for (const n of a.names ?? []) names.add(n);
    const dems = new Set<string>();
    const eng = c.demonyms?.eng;
    for (const d of [eng?.m, eng?.f]) {
      if (!d) continue;
      for (const part of d.split(/,| or /)) if (part.trim()) dems.add(part.trim());
    }
    for (const d of a.demonyms ?? []) dems.add(d);
    const plurals = new Set<string>(a.plurals ?? []);
    for (const d of dems) {
      const p = plural(d);
      if (p && /^[A-Z][a-z]+$/.test(d)) plurals.add(p);
    }
    const caps = new Set<string>();
    for (const k of [...c.capital, ...(a.capitals ?? [])]) if (!dropCap.has(k)) caps.add(k);
    out.push({
      code,
      name: code === 'TUR' ? 'Turkey' : c.name.common,
      un: c.unMember,
      names: [...names],
      demonyms: [...dems],
      plurals: [...plurals],
      capitals: [...caps],
      seats: (a.seats ?? []).map(([text, sector]) => ({ text, sector })),
    });
  }
  out.sort((x, y) => x.code.localeCompare(y.code));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = buildCountries();
  writeFileSync(dataPath('actors', 'countries.json'), JSON.stringify(rows, null, 0).replace(/\},\{/g, '},\n{') + '\n');
  console.log(`countries.json: ${rows.length} countries and territories`);
}
