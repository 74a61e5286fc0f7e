/**
 * Geoparsing one document: candidates → learned recogniser (keep the toponyms) → document context → learned
 * ranker over each toponym's gazetteer entries. A population-only ranker is kept for the baseline in eval.
 */
import { loadJson, type Doc, type Place } from '../doc/index.js';
import { gazetteer, type Gazetteer } from './gazetteer.js';
import { candidates, type Candidate } from './recognise.js';
import {
  buildContext,
  lowerWords,
  mostPopulous,
  recogniseFeatures,
  resolveFeatures,
  type Context,
} from './features.js';
import { score, sigmoid, type Logistic } from './logistic.js';
import type { Entry } from './types.js';

/** The trained models (data/places/model.json, written by `npm run train:places`). */
export interface PlacesModel {
  version: string;
  recognise: Logistic;
  resolve: Logistic;
  /** Recognition probability at or above which a candidate is kept. */
  threshold: number;
}

export function placesModel(): PlacesModel {
  return loadJson<PlacesModel>('places', 'model.json');
}

/** A toponym and how it was decided (for evaluation and training). */
export interface Decision {
  cand: Candidate;
  recognition: number;
  /** Entries ranked best first with their scores. */
  ranked: { entry: Entry; kind: string; score: number }[];
}

export type Ranker = 'model' | 'population';

/** Candidates with their recognition probability. */
export function recognise(doc: Doc, g: Gazetteer, m: PlacesModel): { cand: Candidate; p: number }[] {
  const lower = lowerWords(doc);
  return candidates(doc).map((cand) => ({
    cand,
    p: sigmoid(score(m.recognise, recogniseFeatures(doc, g, cand, lower))),
  }));
}

/** Neighbours written "X, Y" (only a comma between them). */
function neighbours(doc: Doc, kept: Candidate[], i: number): { prev: Candidate | null; next: Candidate | null } {
  const between = (a: Candidate, b: Candidate): boolean => /^\s*,\s*$/.test(doc.text.slice(a.end, b.start));
  return {
    prev: i > 0 && between(kept[i - 1], kept[i]) ? kept[i - 1] : null,
    next: i + 1 < kept.length && between(kept[i], kept[i + 1]) ? kept[i + 1] : null,
  };
}

/** Rank each kept candidate's entries. */
export function rank(doc: Doc, g: Gazetteer, m: PlacesModel, kept: Candidate[], ranker: Ranker): Decision['ranked'][] {
  const ctx: Context = buildContext(doc, g, kept);
  return kept.map((c, i) => {
    const near = neighbours(doc, kept, i);
    const top = mostPopulous(g, c);
    const ranked = c.hits.map((h) => {
      const entry = g.entry(h.entry);
      const s =
        ranker === 'population'
          ? entry === top
            ? 1
            : 0
          : score(m.resolve, resolveFeatures(g, c, h.kind, entry, ctx, near));
      return { entry, kind: h.kind, score: s };
    });
    return ranked.sort((a, b) => b.score - a.score || b.entry.pop - a.entry.pop || a.entry.idx - b.entry.idx);
  });
}

/** Geoparse a document: every kept toponym with its ranked readings. */
export function geoparse(doc: Doc, m: PlacesModel = placesModel(), ranker: Ranker = 'model'): Decision[] {
  const g = gazetteer();
  const rec = recognise(doc, g, m).filter((r) => r.p >= m.threshold);
  const ranked = rank(
    doc,
    g,
    m,
    rec.map((r) => r.cand),
    ranker,
  );
  return rec.map((r, i) => ({ cand: r.cand, recognition: r.p, ranked: ranked[i] }));
}

/** The `places` layer from the decisions. */
export function toPlaces(ds: Decision[]): Place[] {
  return ds.map((d, i) => {
    const best = d.ranked[0];
    const e = best.entry;
    return {
      id: `p${i}`,
      start: d.cand.start,
      end: d.cand.end,
      text: d.cand.text,
      kind: best.kind,
      ...(d.cand.dateline ? { dateline: true } : {}),
      name: e.name,
      country: e.country || null,
      admin1: e.admin1 || null,
      lat: e.lat,
      lon: e.lon,
      feature: e.feature,
      ...(e.geonameid ? { geonameid: e.geonameid } : {}),
      score: Math.round(best.score * 1000) / 1000,
      recognition: Math.round(d.recognition * 1000) / 1000,
    };
  });
}
