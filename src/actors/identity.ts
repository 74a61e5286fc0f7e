/** Identities: CAMEO-style codes, and which role a person holds on a date. */
import type { PersonRecord, PersonRole } from './types.js';

/** A resolved identity with how sure we are and why. */
export interface Identity {
  name: string;
  country: string | null;
  sector: string;
  code: string;
  wikidata?: string;
  confidence: number;
  evidence: string[];
  /** Role key when the identity is a person in a role (HOS, HOG, FM, ...). */
  role?: string;
  /** Organisation id when the role is in an organisation (IGO heads, armed-group leaders). */
  org?: string;
}

/** Confidence when a person's role is valid on the document date. */
export const CONF_PERSON_DATED = 0.95;
/** Confidence when the document is undated and we took the most recent role. */
export const CONF_PERSON_UNDATED = 0.75;
/** Confidence when the person is known but held no listed role on that date. */
export const CONF_PERSON_OUT_OF_ROLE = 0.7;

/** CAMEO-style code: country block then sector block ("FRAGOV"); a bare sector or country when one is missing. */
export function makeCode(country: string | null, sector: string): string {
  return (country ?? '') + (sector && sector !== 'UNK' ? sector : country ? '' : 'UNK');
}

function pad(d: string, end: boolean): string {
  if (!d) return end ? '9999-12-31' : '0000-01-01';
  if (d.length === 4) return d + (end ? '-12-31' : '-01-01');
  if (d.length === 7) return d + (end ? '-31' : '-01');
  return d;
}

/** True when `role` is held on ISO date `date` (a role is held from its first day up to and including its last). */
export function holds(role: PersonRole, date: string): boolean {
  const d = date.slice(0, 10);
  return pad(role.from, false) <= d && d <= pad(role.to, true);
}

/** Options that narrow which role a mention means. */
export interface RoleHints {
  date?: string | null;
  /** Role named by a title in the text ("President" → HOS). */
  titleRole?: string;
  /** Sector named by a title in the text. */
  titleSector?: string;
  /** Country named beside the person ("French President ..."). */
  country?: string | null;
  /** "former", "ousted": the person is out of the role. */
  former?: boolean;
}

/** Pick the person's identity for a mention, honouring date, title and country hints. */
export function personIdentity(p: PersonRecord, h: RoleHints): Identity {
  let roles = p.roles;
  if (h.country) {
    const inCountry = roles.filter((r) => r.country === h.country);
    if (inCountry.length) roles = inCountry;
  }
  const base = { name: p.name, ...(p.wikidata ? { wikidata: p.wikidata } : {}) };
  const prefer = (rs: PersonRole[]): PersonRole[] => {
    const t = h.titleRole ? rs.filter((r) => r.role === h.titleRole) : [];
    return t.length ? t : rs;
  };
  if (h.date) {
    const valid = prefer(roles.filter((r) => holds(r, h.date!)));
    if (valid.length && !h.former) {
      const r = valid[valid.length - 1];
      return {
        ...base,
        country: r.country,
        sector: r.sector,
        code: makeCode(r.country, r.sector),
        role: r.role,
        ...(r.org ? { org: r.org } : {}),
        confidence: CONF_PERSON_DATED,
        evidence: [`role ${r.role} ${r.country} ${r.from}..${r.to || 'now'} holds on ${h.date.slice(0, 10)}`],
      };
    }
    // Out of office on that date: the title in the text, if any, still says what they are called; otherwise an elite.
    const near = nearestRole(prefer(roles), h.date);
    const sector = h.former ? 'ELI' : (h.titleSector ?? 'ELI');
    return {
      ...base,
      country: near.country,
      sector,
      code: makeCode(near.country, sector),
      role: near.role,
      ...(near.org ? { org: near.org } : {}),
      confidence: CONF_PERSON_OUT_OF_ROLE,
      evidence: [
        `no listed role on ${h.date.slice(0, 10)}; nearest ${near.role} ${near.country} ${near.from}..${near.to || 'now'}`,
      ],
    };
  }
  const rs = prefer(roles);
  const r = rs.reduce((a, b) => (pad(b.from, false) >= pad(a.from, false) ? b : a));
  const sector = h.former ? 'ELI' : r.sector;
  return {
    ...base,
    country: r.country,
    sector,
    code: makeCode(r.country, sector),
    role: r.role,
    ...(r.org ? { org: r.org } : {}),
    confidence: CONF_PERSON_UNDATED,
    evidence: [`undated: most recent role ${r.role} ${r.country} ${r.from}..${r.to || 'now'}`],
  };
}

function nearestRole(roles: PersonRole[], date: string): PersonRole {
  const d = date.slice(0, 10);
  let best = roles[0];
  let bestGap = Infinity;
  for (const r of roles) {
    const a = pad(r.from, false);
    const b = pad(r.to, true);
    const gap = d < a ? Date.parse(a) - Date.parse(d) : Date.parse(d) - Date.parse(b);
    if (gap < bestGap) {
      bestGap = gap;
      best = r;
    }
  }
  return best;
}

/** Among people sharing a name key, the ones holding a role on the date (else all, most recent role first). */
export function rankPeople(ps: PersonRecord[], date: string | null | undefined): PersonRecord[] {
  if (ps.length <= 1) return ps;
  if (date) {
    const on = ps.filter((p) => p.roles.some((r) => holds(r, date)));
    if (on.length) return on;
  }
  const last = (p: PersonRecord): string =>
    p.roles.reduce((m, r) => (pad(r.from, false) > m ? pad(r.from, false) : m), '');
  return [...ps].sort((a, b) => last(b).localeCompare(last(a)));
}
