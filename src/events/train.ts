/**
 * `npm run train:events`: trains the candidate re-scorer (data/events/model.json).
 * Runs nlp → actors → rule coder on the training sources in ../shared and labels
 * each rule candidate from the gold annotation:
 *   PLV train split   candidate whose participants overlap the gold pair → gold type
 *   GSR train split   candidate whose trigger is in the gold event text → gold type; others NONE (low weight)
 *   ConfliBERT        quad-0 sentences → NONE; else candidates of the gold quad keep their type
 *   NGEC synthetic    first sentence of each story: the candidate of the story's type, else the first one → story type
 * PLV and GSR dev splits (evaldata.isDev) and the PETRARCH unit tests are never used. Seeded, deterministic.
 */
import { writeFileSync } from 'node:fs';
import { dataPath, sharedRoot } from '../doc/resources.js';
import type { Doc, Span } from '../doc/index.js';
import { codeCandidates, type Candidate } from './coder.js';
import { loadConflibert, loadGsr, loadNgec, loadPlv } from './evaldata.js';
import { candidateFeatures } from './features.js';
import { serialise, train, type Example } from './linear.js';
import { ploverTypes, quadOf } from './ontology/index.js';
import { makePreprocessor } from './run.js';
import { writeManifest } from './lexicon/compile.js';

const SEED = 20151126;
/** Example weights per source: gold pairs count fully; weak labels less (chosen before looking at dev). */
const W = { plv: 1, gsr: 1, gsrNone: 0.2, conflibertNone: 0.5, conflibert: 0.4, ngec: 0.3 };
const HYPER = { epochs: 12, lr: 0.2, l2: 1e-5, seed: SEED, minCount: 2 };

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function sectorFn(doc: Doc): (id: string) => string {
  return (id) => doc.layers.mentions?.find((m) => m.id === id)?.sector ?? 'UNK';
}

function participants(doc: Doc, c: Candidate): Span[] {
  const ms = doc.layers.mentions ?? [];
  const r = c.record;
  return [
    ...[...r.actor, ...r.recipient].map((id) => ms.find((m) => m.id === id)!).filter(Boolean),
    ...(r.actorSpans ?? []),
    ...(r.recipientSpans ?? []),
  ];
}

/** Build the labelled examples from every training source. */
export function buildExamples(log = console.log): Example[] {
  const pre = makePreprocessor();
  const ex: Example[] = [];
  const add = (doc: Doc, c: Candidate, label: string, weight: number): void => {
    ex.push({ feats: candidateFeatures(c, sectorFn(doc)), label, weight });
  };
  const t0 = performance.now();
  let n = 0;
  for (const r of loadPlv()) {
    if (r.dev || !r.source || !r.target) continue;
    const doc = pre(r.text);
    for (const c of codeCandidates(doc, true)) {
      const ps = participants(doc, c);
      if (!ps.some((s) => overlaps(s, r.source!)) || !ps.some((s) => overlaps(s, r.target!))) continue;
      const label = r.type === 'YIELD' ? (c.record.type === 'RETREAT' ? 'RETREAT' : 'CONCEDE') : r.type;
      add(doc, c, label, W.plv);
      n++;
    }
  }
  log(`PLV train: ${n} examples`);
  n = 0;
  for (const r of loadGsr()) {
    if (r.dev) continue;
    const doc = pre(r.text);
    const words = new Set(
      r.eventText
        .toLowerCase()
        .split(/[^a-z-]+/)
        .filter(Boolean),
    );
    for (const c of codeCandidates(doc, true)) {
      const tw = doc.text.slice(c.record.trigger.start, c.record.trigger.end).toLowerCase().split(/\s+/);
      if (tw.some((w) => words.has(w))) add(doc, c, r.type, W.gsr);
      else add(doc, c, 'NONE', W.gsrNone);
      n++;
    }
  }
  log(`GSR train: ${n} examples`);
  n = 0;
  for (const r of loadConflibert()) {
    const doc = pre(r.text);
    for (const c of codeCandidates(doc, true)) {
      if (r.quad === 0) add(doc, c, 'NONE', W.conflibertNone);
      else if (quadOf(c.record.type) === r.quad) add(doc, c, c.record.type, W.conflibert);
      else continue;
      n++;
    }
  }
  log(`ConfliBERT: ${n} examples`);
  n = 0;
  for (const r of loadNgec()) {
    const first = r.text.split(/\n+/)[0].split(/(?<=[.!?])\s+(?=[A-Z"])/)[0];
    if (!first || first.length > 400) continue;
    const doc = pre(first);
    const cands = codeCandidates(doc, true);
    if (!cands.length) continue;
    const c = cands.find((x) => x.record.type === r.type) ?? cands[0];
    add(doc, c, r.type, W.ngec);
    n++;
  }
  log(`NGEC: ${n} examples; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return ex;
}

function main(): void {
  if (!sharedRoot()) {
    console.log('train:events: no ../shared, nothing to train on');
    return;
  }
  const ex = buildExamples();
  const labels = [...ploverTypes(), 'NONE'];
  const m = train(ex, labels, HYPER);
  const text = serialise(m, {
    name: 'events.lr.v1',
    seed: SEED,
    hyper: HYPER,
    weights: W,
    examples: ex.length,
    trainedOn: 'PLV train split, GSR train split, ConfliBERT, NGEC synthetic (first sentences)',
  });
  writeFileSync(dataPath('events', 'model.json'), text + '\n');
  writeManifest();
  console.log(
    `model: ${m.features.size} features × ${labels.length} labels, ${(text.length / 1024).toFixed(0)} KiB → data/events/model.json`,
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
