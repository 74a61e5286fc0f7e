/**
 * Build the relevance word list (data/relevance/words.json) from the actor gazetteers in
 * data/actors, read the way src/actors reads them: country names, demonyms and capitals,
 * leaders' full names (two words or more: a bare surname is too ambiguous), organisations,
 * and sector words ("minister", "troops", "rebels") by PLOVER sector.
 */
import { loadJson } from '../doc/resources.js';
import { phraseKey, type WordList } from './words.js';

interface CountryRow {
  names: string[];
  demonyms: string[];
  plurals: string[];
  capitals: string[];
}
interface PersonRow {
  name: string;
  aliases?: string[];
}
interface OrgRow {
  name: string;
  aliases?: string[];
  type?: string;
}
interface SectorRow {
  text: string;
  sector: string;
}

/** The word list, entries in sorted order so the file is byte-identical run to run. */
export function buildWords(): WordList {
  const map = new Map<string, Set<string>>();
  const add = (text: string, kind: string, minTokens = 1) => {
    const k = phraseKey(text);
    if (!k || k.split(' ').length < minTokens) return;
    if (!map.has(k)) map.set(k, new Set());
    map.get(k)!.add(kind);
  };
  for (const c of loadJson<CountryRow[]>('actors', 'countries.json')) {
    c.names.forEach((n) => add(n, 'country'));
    [...c.demonyms, ...c.plurals].forEach((n) => add(n, 'demonym'));
    c.capitals.forEach((n) => add(n, 'capital'));
  }
  for (const p of loadJson<PersonRow[]>('actors', 'people.json')) {
    [p.name, ...(p.aliases ?? [])].forEach((n) => add(n, 'leader', 2));
  }
  for (const o of loadJson<OrgRow[]>('actors', 'orgs.json')) {
    [o.name, ...(o.aliases ?? [])].forEach((n) => add(n, `org:${o.type ?? 'org'}`));
  }
  for (const s of loadJson<SectorRow[]>('actors', 'sectors.json')) add(s.text, `sector:${s.sector || 'UNK'}`);
  const entries: Record<string, string[]> = {};
  for (const k of [...map.keys()].sort()) entries[k] = [...map.get(k)!].sort();
  return { version: 1, entries };
}
