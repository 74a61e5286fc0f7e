/** The function-word lists the coder's rules use (data/events/grammar.json), loaded once as sets. */
import { loadJson } from '../doc/resources.js';

interface GrammarFile {
  reportingVerbs: string[];
  lightVerbs: string[];
  intentVerbs: string[];
  intentAdjectives: string[];
  demandVerbs: string[];
  negatingVerbs: string[];
  negators: string[];
  futureAux: string[];
  hypotheticalAux: string[];
  demandAux: string[];
  conditionalMarks: string[];
  futureAdjectives: string[];
  recipientPreps: string[];
  actorPreps: string[];
  placePreps: string[];
  relativePronouns: string[];
  historicalDeterminers: string[];
  contextCues: Record<string, string[]>;
  accidentNouns: string[];
}

/** The word lists as sets, plus context cues as a list of (context, regex). */
export interface Grammar {
  reporting: Set<string>;
  light: Set<string>;
  intent: Set<string>;
  intentAdj: Set<string>;
  demand: Set<string>;
  negating: Set<string>;
  negators: Set<string>;
  futureAux: Set<string>;
  hypAux: Set<string>;
  demandAux: Set<string>;
  conditional: Set<string>;
  futureAdj: Set<string>;
  recipientPreps: string[];
  actorPreps: Set<string>;
  placePreps: Set<string>;
  relPron: Set<string>;
  histDet: Set<string>;
  contextCues: [string, RegExp][];
  /** Causes of death that are no one's act ("killed in a crash"). */
  accident: Set<string>;
}

let cached: Grammar | null = null;

/** The coder's word lists, loaded once. */
export function grammar(): Grammar {
  if (cached) return cached;
  const g = loadJson<GrammarFile>('events', 'grammar.json');
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  cached = {
    reporting: new Set(g.reportingVerbs),
    light: new Set(g.lightVerbs),
    intent: new Set(g.intentVerbs),
    intentAdj: new Set(g.intentAdjectives),
    demand: new Set(g.demandVerbs),
    negating: new Set(g.negatingVerbs),
    negators: new Set(g.negators),
    futureAux: new Set(g.futureAux),
    hypAux: new Set(g.hypotheticalAux),
    demandAux: new Set(g.demandAux),
    conditional: new Set(g.conditionalMarks),
    futureAdj: new Set(g.futureAdjectives),
    recipientPreps: g.recipientPreps,
    actorPreps: new Set(g.actorPreps),
    placePreps: new Set(g.placePreps),
    relPron: new Set(g.relativePronouns),
    histDet: new Set(g.historicalDeterminers),
    accident: new Set(g.accidentNouns),
    contextCues: Object.entries(g.contextCues).map(([c, words]) => [
      c,
      new RegExp(`\\b(?:${words.map(esc).join('|')})\\b`, 'i'),
    ]),
  };
  return cached;
}
