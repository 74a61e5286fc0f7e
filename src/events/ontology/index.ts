/**
 * The event ontology: PLOVER v2 types, modes, contexts, quad classes and intensity,
 * CAMEO codes with names and Goldstein values, and the mappings between them.
 * Data: data/events/plover.json (written for the project) and data/events/cameo.json
 * (built from the CAMEO facts by ./build.ts). Loaded lazily, once.
 */
import { loadJson } from '../../doc/resources.js';

/** One PLOVER event type as the ontology describes it. */
export interface PloverType {
  quad: number;
  /** Base intensity score (PLOVER manual), -10..10. */
  score: number;
  cameoRoot: string;
  definition: string;
  /** Mode name → intensity score. */
  modes: Record<string, number>;
}

interface PloverFile {
  version: string;
  types: Record<string, PloverType>;
  auxiliaryModes: string[];
  contexts: string[];
  contextAliases: Record<string, string>;
  labelAliases: Record<string, string>;
  labelAliasModes: Record<string, string>;
  yieldModesRetreat: string[];
}

/** One CAMEO code with its name, Goldstein value, quad class and PLOVER mapping. */
export interface CameoCode {
  code: string;
  name: string;
  goldstein: number;
  /** Phoenix quad class 0..4 (0 = neutral: 01, 02). */
  quad: number;
  plover: string | null;
  mode: string;
  contexts: string[];
}

const plover = (): PloverFile => loadJson<PloverFile>('events', 'plover.json');
let cameoIndex: Map<string, CameoCode> | null = null;
let defaultCameo: Map<string, string> | null = null;

function cameoMap(): Map<string, CameoCode> {
  if (!cameoIndex) {
    const file = loadJson<{ codes: CameoCode[] }>('events', 'cameo.json');
    cameoIndex = new Map(file.codes.map((c) => [c.code, c]));
  }
  return cameoIndex;
}

/** The 16 PLOVER v2 event type names. */
export function ploverTypes(): string[] {
  return Object.keys(plover().types);
}

/** A PLOVER type's definition, quad, base score and modes, or null for an unknown label. */
export function ploverType(type: string): PloverType | null {
  return plover().types[type] ?? null;
}

/** The 37 PLOVER contexts. */
export function ploverContexts(): string[] {
  return plover().contexts;
}

/** A context name in PLOVER v2 spelling (maps older names such as "humanitarian"), or null. */
export function normalizeContext(name: string): string | null {
  const n = name.trim().toLowerCase();
  const p = plover();
  const v = p.contextAliases[n] ?? n;
  return p.contexts.includes(v) ? v : null;
}

/**
 * Map an event label from any PLOVER version to v2: DEMAND→REQUEST, DISAPPROVE and
 * INVESTIGATE→ACCUSE (with that mode), FIGHT→ASSAULT, YIELD→RETREAT for withdraw-like
 * modes else CONCEDE. Returns null for labels that are not events (e.g. DOCUMENT).
 */
export function normalizeLabel(label: string, mode = ''): { type: string; mode: string } | null {
  const p = plover();
  const l = label.trim().toUpperCase();
  if (p.types[l]) return { type: l, mode };
  if (l === 'YIELD') {
    return { type: p.yieldModesRetreat.includes(mode.toLowerCase()) ? 'RETREAT' : 'CONCEDE', mode };
  }
  const to = p.labelAliases[l];
  if (!to) return null;
  return { type: to, mode: mode || p.labelAliasModes[l] || '' };
}

/** Quad class 1..4 of a PLOVER type (SANCTION counts as verbal conflict, 3). */
export function quadOf(type: string): number {
  return plover().types[type]?.quad ?? 0;
}

/** PLOVER intensity for a type and mode: the mode's score when it has one, else the type's. */
export function intensity(type: string, mode = ''): number {
  const t = plover().types[type];
  if (!t) return 0;
  return mode && t.modes[mode] !== undefined ? t.modes[mode] : t.score;
}

/** All CAMEO codes, in code order. */
export function cameoCodes(): CameoCode[] {
  return [...cameoMap().values()];
}

/** A CAMEO code's record, or null when unknown. */
export function cameoCode(code: string): CameoCode | null {
  return cameoMap().get(code) ?? null;
}

/** Goldstein value of a CAMEO code, falling back to its parent codes; 0 when unknown. */
export function goldstein(code: string): number {
  for (let k = code.length; k >= 2; k--) {
    const c = cameoMap().get(code.slice(0, k));
    if (c) return c.goldstein;
  }
  return 0;
}

/** CAMEO → PLOVER: type, mode and contexts for a CAMEO code, or null (01 and 02 have no PLOVER event). */
export function cameoToPlover(code: string): { type: string; mode: string; contexts: string[] } | null {
  const c = cameoCode(code);
  if (!c || !c.plover) return null;
  return { type: c.plover, mode: c.mode, contexts: c.contexts };
}

/**
 * PLOVER → CAMEO: the most general CAMEO code for a type and mode (the shortest code
 * mapped to that type with that mode, else to the type with no mode).
 */
export function ploverToCameo(type: string, mode = ''): string {
  if (!defaultCameo) {
    defaultCameo = new Map();
    const sorted = cameoCodes().sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
    for (const c of sorted) {
      if (!c.plover) continue;
      const key = `${c.plover}/${c.mode}`;
      if (!defaultCameo.has(key)) defaultCameo.set(key, c.code);
      if (!defaultCameo.has(`${c.plover}/`)) defaultCameo.set(`${c.plover}/`, c.code);
    }
    // The type-level default is the PLOVER root's own CAMEO code where the table names one.
    for (const [t, v] of Object.entries(plover().types))
      if (cameoMap().has(v.cameoRoot)) defaultCameo.set(`${t}/`, v.cameoRoot);
  }
  return defaultCameo.get(`${type}/${mode}`) ?? defaultCameo.get(`${type}/`) ?? '';
}

/** Version string of the ontology data. */
export function ontologyVersion(): string {
  return plover().version;
}
