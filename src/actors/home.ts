/**
 * The document's home country: a mention that names a sector but no country ("police", "the judge", "protesters",
 * "the union") or an unknown person belongs, as PLOVER and ICEWS coders read it, to the country the story is about —
 * when one country clearly dominates the story. Mentions in the headline and lead count more than later ones (pages
 * carry sidebars and related links); a wire dateline ("PARIS, Aug 31 (Reuters) -") counts most.
 */
import type { Placed } from './coref.js';
import { makeCode } from './identity.js';
import type { Located } from './located.js';

/** Sectors that, with no country named, take the home country (not IGOs, NGOs, multinationals or unknowns). */
const DOMESTIC = new Set(
  'GOV MIL CVL REB BUS LEG REL CRM JUD JRN EDU OPP LAB COP ELI UAF MED REF PRM PTY SPY AGR SOC'.split(' '),
);
/** Mention kinds that describe rather than name an actor of their own country. */
const DESCRIPTIVE = new Set(['sector', 'description', 'title']);
/** Sentences 0..LEAD-1 (headline, standfirst, first paragraph) weigh LEAD_WEIGHT; a dateline DATELINE_WEIGHT. */
const LEAD = 3;
const LEAD_WEIGHT = 2;
const DATELINE_WEIGHT = 3;
/** The home country needs at least this weight and more than this share of the weighted country mentions. */
const HOME_MIN_WEIGHT = 2;
const HOME_MIN_SHARE = 0.5;
/** Confidence multiplier for a country taken from the document rather than the phrase. */
const HOME_DISCOUNT = 0.7;
/** Countries that are not a home: international organisations, movements, NGOs. */
const NOT_HOME = new Set(['IGO', 'IMG', 'NGO', 'MNC', 'UNO', 'EUR']);

/** The weighted country of the document, or null when none dominates. */
export function homeOf(
  placed: Placed[],
  isDateline: (x: Placed) => boolean,
  located: Located[] = [],
): { home: string; why: string } | null {
  const counts = new Map<string, number>();
  let total = 0;
  const add = (c: string | null | undefined, w: number): void => {
    if (!c || NOT_HOME.has(c)) return;
    counts.set(c, (counts.get(c) ?? 0) + w);
    total += w;
  };
  for (const x of placed)
    add(x.c.ident?.country, isDateline(x) ? DATELINE_WEIGHT : x.sentence < LEAD ? LEAD_WEIGHT : 1);
  for (const l of located) add(l.country, l.sentence < LEAD ? LEAD_WEIGHT : 1);
  let home: string | null = null;
  let best = 0;
  for (const [c, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    if (n > best) {
      best = n;
      home = c;
    }
  if (!home || best < HOME_MIN_WEIGHT || best / total <= HOME_MIN_SHARE) return null;
  return { home, why: `${best}/${total} weighted country and place mentions` };
}

/** Give descriptive sector mentions and unknown persons without a country the document's home country. */
export function homeCountry(placed: Placed[], isDateline: (x: Placed) => boolean, located: Located[] = []): void {
  const h = homeOf(placed, isDateline, located);
  if (!h) return;
  for (const x of placed) {
    const id = x.c.ident;
    if (!id || id.country || x.antecedent !== undefined || x.c.pronoun) continue;
    const sectorOnly = DOMESTIC.has(id.sector) && DESCRIPTIVE.has(x.c.kind);
    const person = x.c.kind === 'unknown' && x.c.person === true;
    if (!sectorOnly && !person) continue;
    x.c.ident = {
      ...id,
      country: h.home,
      code: makeCode(h.home, id.sector),
      confidence: Math.round(id.confidence * HOME_DISCOUNT * 100) / 100,
      evidence: [...id.evidence, `home country ${h.home} (${h.why})`],
    };
  }
}
