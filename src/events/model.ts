/**
 * The learned component: re-scores rule candidates with a logistic-regression
 * model (data/events/model.json, trained by src/events/train.ts) that chooses the
 * PLOVER type among the 16 or NONE (a false trigger). Without weights the rule
 * coding stands unchanged.
 */
import { existsSync } from 'node:fs';
import { dataPath, loadJson } from '../doc/resources.js';
import type { Candidate } from './coder.js';
import { candidateFeatures, priorFeatures } from './features.js';
import { loadSentenceModel, sentencePrior, SENT_MODEL_NAME } from './sentclf.js';
import type { SentenceView } from './syntax.js';
import { deserialise, predict, type LinearModel } from './linear.js';
import { goldstein, ploverToCameo, ploverType, quadOf } from './ontology/index.js';

/** Defaults when the model file names none; train.ts picks the committed values by 5-fold CV on the train split (docs/events.md). */
/** Drop a candidate when the model gives NONE at least this probability. */
export const REJECT_THRESHOLD = 0.6;
/** Switch the lexicon's type only when the model's type beats it by this margin in probability (same CV). */
export const SWITCH_MARGIN = 0.15;
/** Keep a generic (lexicon-free) candidate only when its best event type has at least this probability. */
export const GENERIC_ACCEPT = 0.5;
/** Lowest acceptance for generic candidates whatever CV picked (EWT review: at 0.3, "trace a phone" became a threat). */
export const GENERIC_FLOOR = 0.5;
export const MODEL_NAME = 'events.lr.v1';

/** Decision thresholds; the trained model file carries the ones its cross-validation chose. */
export interface Thresholds {
  reject: number;
  margin: number;
  generic: number;
  /** Switch the rule type only when the sentence prior's top type is the model's type (chosen by the same CV). */
  agree?: boolean;
}

let model: LinearModel | null | undefined;
let thresholds: Thresholds = { reject: REJECT_THRESHOLD, margin: SWITCH_MARGIN, generic: GENERIC_ACCEPT };

/** The trained model, or null when no weights are committed. */
export function loadModel(): LinearModel | null {
  if (model !== undefined) return model;
  const p = dataPath('events', 'model.json');
  if (existsSync(p)) {
    const file = loadJson<Parameters<typeof deserialise>[0] & { thresholds?: Thresholds }>('events', 'model.json');
    model = deserialise(file);
    // The CV data are all event sentences; in ordinary text an unknown verb needs more certainty to become an event.
    if (file.thresholds) thresholds = { ...file.thresholds, generic: Math.max(file.thresholds.generic, GENERIC_FLOOR) };
  } else model = null;
  return model;
}

/** Replace the cached model (training and tests). */
export function setModel(m: LinearModel | null): void {
  model = m;
}

/** Re-score candidates with the learned model when available; drops rejected triggers. */
export function rescore(cands: Candidate[], m: LinearModel | null = loadModel()): Candidate[] {
  if (!m) return cands;
  const out: Candidate[] = [];
  const sm = loadSentenceModel();
  const priors = new Map<SentenceView, Float64Array | null>();
  for (const c of cands) {
    const doc = c.view.doc;
    const sector = (id: string): string => doc.layers.mentions?.find((x) => x.id === id)?.sector ?? 'UNK';
    const feats = candidateFeatures(c, sector);
    let note = '';
    let priorTop = '';
    if (sm) {
      if (!priors.has(c.view)) priors.set(c.view, sentencePrior(c.view, sm));
      const sp = priors.get(c.view)!;
      if (sp) {
        feats.push(...priorFeatures(sm.labels, sp, c.record.type));
        let t = 0;
        for (let j = 1; j < sp.length; j++) if (sp[j] > sp[t]) t = j;
        priorTop = sm.labels[t];
        note = `model:${SENT_MODEL_NAME} sentence prior ${priorTop} ${sp[t].toFixed(2)}`;
      }
    }
    const p = predict(m, feats);
    const li = m.labels.indexOf(c.record.type);
    let best = 0;
    for (let j = 1; j < p.length; j++) if (p[j] > p[best]) best = j;
    const bestLabel = m.labels[best];
    const r = c.record;
    if (r.type === 'GENERIC') {
      // A verb the lexicon does not know is kept only when the model is sure of an event type.
      let bt = -1;
      for (let j = 0; j < p.length; j++) if (m.labels[j] !== 'NONE' && (bt < 0 || p[j] > p[bt])) bt = j;
      if (bt < 0 || p[bt] < thresholds.generic || bestLabel === 'NONE') continue;
      const t = m.labels[bt];
      r.type = t;
      r.mode = '';
      r.cameo = ploverToCameo(t, '');
      r.quad = quadOf(t);
      r.goldstein = goldstein(r.cameo);
      r.confidence = Math.round(p[bt] * 100) / 100;
      r.decidedBy.push(`model:${MODEL_NAME} ${t} ${p[bt].toFixed(2)} (generic verb typed by the model)`);
      if (note) r.decidedBy.push(note);
      out.push(c);
      continue;
    }
    if (bestLabel === 'NONE' && p[best] >= thresholds.reject) continue;
    if (
      bestLabel !== 'NONE' &&
      bestLabel !== r.type &&
      (li < 0 || p[best] - p[li] >= thresholds.margin) &&
      (!thresholds.agree || priorTop === bestLabel)
    ) {
      const mode = ploverType(bestLabel)?.modes[r.mode] !== undefined ? r.mode : '';
      r.type = bestLabel;
      r.mode = mode;
      r.cameo = ploverToCameo(bestLabel, mode);
      r.quad = quadOf(bestLabel);
      r.goldstein = goldstein(r.cameo);
      r.confidence = Math.round(p[best] * 100) / 100;
      r.decidedBy.push(`model:${MODEL_NAME} ${bestLabel} ${p[best].toFixed(2)} (overrode lexicon)`);
    } else {
      const pl = li >= 0 ? p[li] : 0;
      r.confidence = Math.round(Math.max(0.05, pl) * 100) / 100;
      r.decidedBy.push(`model:${MODEL_NAME} ${r.type} ${pl.toFixed(2)}`);
    }
    if (note) r.decidedBy.push(note);
    out.push(c);
  }
  return out;
}
