/**
 * Compile the hand-written people tables (data/actors/people/*.tsv) into data/actors/people.json, merging lines of the
 * same person (same name, or same Wikidata id) into one record with all roles. Run: `npx tsx src/actors/build/people.ts`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dataPath } from '../../doc/resources.js';
import type { PersonRecord, PersonRole } from '../types.js';

const SECTOR_OF_ROLE: Record<string, string> = {
  HOS: 'GOV',
  HOG: 'GOV',
  FM: 'GOV',
  DEF: 'GOV',
  GOV: 'GOV',
  SG: 'GOV',
  LEAD: 'REB',
  OPP: 'OPP',
  ELI: 'ELI',
  BUS: 'BUS',
  MIL: 'MIL',
  JUD: 'JUD',
  LEG: 'LEG',
  REL: 'REL',
  PTY: 'PTY',
};
const DATE = /^(\d{4})(-\d{2})?(-\d{2})?$/;

/** Parse and merge every people table; throws on a malformed line so bad data never ships. */
export function buildPeople(): PersonRecord[] {
  const dir = dataPath('actors', 'people');
  const byKey = new Map<string, PersonRecord>();
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.tsv'))
    .sort()) {
    const lines = readFileSync(`${dir}/${f}`, 'utf8').split('\n');
    lines.forEach((line, n) => {
      if (!line.trim() || line.startsWith('#')) return;
      const [country, role, from, to, name, wikidata, aliases, org, sectorOverride] = line
        .split(/\t|\|/)
        .map((s) => (s ?? '').trim());
      const where = `${f}:${n + 1}`;
      if (!/^[A-Z]{3}$/.test(country ?? '')) throw new Error(`${where}: bad country ${country}`);
      if (!SECTOR_OF_ROLE[role ?? '']) throw new Error(`${where}: bad role ${role}`);
      if (from && !DATE.test(from)) throw new Error(`${where}: bad from ${from}`);
      if (to && !DATE.test(to)) throw new Error(`${where}: bad to ${to}`);
      if (!name) throw new Error(`${where}: no name`);
      if (wikidata && !/^Q\d+$/.test(wikidata)) throw new Error(`${where}: bad wikidata ${wikidata}`);
      const key = wikidata || name.toLowerCase();
      let rec = byKey.get(key);
      if (!rec) {
        rec = { name, aliases: [], roles: [] };
        if (wikidata) rec.wikidata = wikidata;
        byKey.set(key, rec);
      }
      for (const a of (aliases ?? '').split(';').map((s) => s.trim()))
        if (a && a !== rec.name && !rec.aliases.includes(a)) rec.aliases.push(a);
      const r: PersonRole = {
        country,
        role,
        sector: sectorOverride || SECTOR_OF_ROLE[role],
        from: from ?? '',
        to: to ?? '',
      };
      if (org) r.org = org;
      rec.roles.push(r);
    });
  }
  const out = [...byKey.values()];
  for (const p of out) p.roles.sort((a, b) => a.from.localeCompare(b.from));
  out.sort((a, b) => a.name.localeCompare(b.name));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const people = buildPeople();
  writeFileSync(dataPath('actors', 'people.json'), '[\n' + people.map((p) => JSON.stringify(p)).join(',\n') + '\n]\n');
  console.log(`people.json: ${people.length} people, ${people.reduce((n, p) => n + p.roles.length, 0)} roles`);
}
