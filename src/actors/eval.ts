/**
 * `npm run eval:actors`: PLOVER GSR (CAMEO manual examples) gold actor text → country and sector accuracy, using
 * resolveMention with the record's sentence as context and its date. Skips cleanly without ../shared.
 * Flags: --errors prints every miss; --undated ignores the record dates (they are a placeholder 2000-01-01).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedRoot } from '../doc/resources.js';
import { resolveMention } from './resolve.js';

/** Gold codes that are not ISO 3166 alpha-3 but plainly mean one country (typos in the gold file). */
const GOLD_CODE_FIX: Record<string, string> = { JAP: 'JPN', ITL: 'ITA', VTN: 'VNM' };
/** PLOVER sectors; gold sector fields are scored on their first three letters when these are a sector. */
const SECTORS = new Set(
  'COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC NGO'.split(' '),
);
/** Old CAMEO spelling of civilians in the gold file. */
const GOLD_SECTOR_FIX: Record<string, string> = { CIV: 'CVL' };

interface GoldActor {
  actorText: string;
  code: string;
  sector?: string;
}
interface GoldRecord {
  id: string;
  date?: string;
  text?: string;
  source?: GoldActor[] | string;
  target?: GoldActor[] | string;
}

/** Score the file; returns the figures (and prints them). */
export function evalActors(
  opts: { errors?: boolean; undated?: boolean } = {},
): { n: number; country: number; nSector: number; sector: number } | null {
  const root = sharedRoot();
  const file = root && join(root, 'data', 'events', 'PLOVER_GSR_CAMEO.json');
  if (!file || !existsSync(file)) {
    console.log('eval:actors skipped: no ../shared/data/events/PLOVER_GSR_CAMEO.json');
    return null;
  }
  const recs = JSON.parse(readFileSync(file, 'utf8')) as GoldRecord[];
  let n = 0;
  let okC = 0;
  let nS = 0;
  let okS = 0;
  for (const r of recs) {
    for (const side of [r.source, r.target]) {
      if (!Array.isArray(side)) continue;
      for (const a of side) {
        if (!a || typeof a !== 'object' || !a.actorText) continue;
        const gold = GOLD_CODE_FIX[a.code] ?? a.code;
        const res = resolveMention({ text: a.actorText, context: r.text, date: opts.undated ? undefined : r.date });
        n++;
        const c = res?.country ?? null;
        const cOk = c === gold;
        if (cOk) okC++;
        let gs = a.sector ? a.sector.slice(0, 3).toUpperCase() : '';
        gs = GOLD_SECTOR_FIX[gs] ?? gs;
        let sOk = true;
        if (SECTORS.has(gs)) {
          nS++;
          sOk = res?.sector === gs;
          if (sOk) okS++;
        }
        if (opts.errors && (!cOk || !sOk))
          console.log(
            `${r.id}\t${JSON.stringify(a.actorText)}\tgold ${gold} ${gs || '-'}\tgot ${c ?? 'null'} ${res?.sector ?? '-'} (${res?.name ?? ''})`,
          );
      }
    }
  }
  const out = { n, country: okC / n, nSector: nS, sector: okS / nS };
  console.log(
    `PLOVER GSR actors: n=${n} country accuracy ${out.country.toFixed(3)}; sector given n=${nS} sector accuracy ${out.sector.toFixed(3)}`,
  );
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  evalActors({ errors: process.argv.includes('--errors'), undated: process.argv.includes('--undated') });
}
