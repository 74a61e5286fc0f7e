/**
 * Report how much of 2000–today the people tables cover: for each UN member, the share of years (sampled on 1 July)
 * in which some listed person is head of state or head of government. Run: `npx tsx src/actors/build/coverage.ts`.
 */
import { loadJson } from '../../doc/resources.js';
import { holds } from '../identity.js';
import type { CountryRecord, PersonRecord } from '../types.js';

/** Coverage figures: overall share and the members with gaps. */
export function coverage(
  firstYear = 2000,
  lastYear = new Date().getUTCFullYear() - 1,
): { share: number; fm: number; gaps: { code: string; missing: number[] }[] } {
  const countries = loadJson<CountryRecord[]>('actors', 'countries.json').filter((c) => c.un);
  const people = loadJson<PersonRecord[]>('actors', 'people.json');
  const roles = people.flatMap((p) => p.roles);
  let have = 0;
  let total = 0;
  let fmHave = 0;
  const gaps: { code: string; missing: number[] }[] = [];
  for (const c of countries) {
    const mine = roles.filter((r) => r.country === c.code);
    const missing: number[] = [];
    for (let y = firstYear; y <= lastYear; y++) {
      total++;
      const d = `${y}-07-01`;
      if (mine.some((r) => (r.role === 'HOS' || r.role === 'HOG') && holds(r, d))) have++;
      else missing.push(y);
      if (mine.some((r) => r.role === 'FM' && holds(r, d))) fmHave++;
    }
    if (missing.length) gaps.push({ code: c.code, missing });
  }
  return { share: have / total, fm: fmHave / total, gaps };
}

/** G20 members, permanent Security Council members and conflict-affected states: the minister coverage target. */
export const MINISTER_TARGET =
  'ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA AFG IRQ SYR YEM LBY SOM SDN SSD COD CAF MLI NGA ETH UKR ISR PSE LBN PAK MMR IRN PRK VEN COL HTI BFA NER TCD MOZ CMR'.split(
    ' ',
  );

/** Share of target member-years (2000–last year) with a listed foreign minister and with a listed defence minister. */
export function ministerCoverage(
  firstYear = 2000,
  lastYear = new Date().getUTCFullYear() - 1,
): { fm: number; def: number; fmGaps: string[]; defGaps: string[] } {
  const roles = loadJson<PersonRecord[]>('actors', 'people.json').flatMap((p) => p.roles);
  let n = 0;
  let fm = 0;
  let def = 0;
  const fmGaps: string[] = [];
  const defGaps: string[] = [];
  for (const c of MINISTER_TARGET) {
    let f = 0;
    let d = 0;
    for (let y = firstYear; y <= lastYear; y++) {
      n++;
      const day = `${y}-07-01`;
      if (roles.some((r) => r.country === c && r.role === 'FM' && holds(r, day))) {
        fm++;
        f++;
      }
      if (roles.some((r) => r.country === c && r.role === 'DEF' && holds(r, day))) {
        def++;
        d++;
      }
    }
    const years = lastYear - firstYear + 1;
    if (f < years) fmGaps.push(`${c}(${years - f})`);
    if (d < years) defGaps.push(`${c}(${years - d})`);
  }
  return { fm: fm / n, def: def / n, fmGaps, defGaps };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const mc = ministerCoverage();
  console.log(
    `G20 + P5 + conflict-affected member-years with a listed foreign minister: ${(mc.fm * 100).toFixed(1)}%, defence minister: ${(mc.def * 100).toFixed(1)}%`,
  );
  console.log(`FM gaps: ${mc.fmGaps.join(' ')}`);
  console.log(`DEF gaps: ${mc.defGaps.join(' ')}`);
  const r = coverage();
  console.log(
    `UN members × years 2000–${new Date().getUTCFullYear() - 1} with a listed head of state or government: ${(r.share * 100).toFixed(1)}%`,
  );
  console.log(`... with a listed foreign minister: ${(r.fm * 100).toFixed(1)}%`);
  const none = r.gaps.filter((g) => g.missing.length >= 20).map((g) => g.code);
  console.log(`members with almost nothing (${none.length}): ${none.join(' ')}`);
  const some = r.gaps.filter((g) => g.missing.length < 20).map((g) => `${g.code}(${g.missing.length})`);
  console.log(`members with gaps (${some.length}): ${some.join(' ')}`);
}
