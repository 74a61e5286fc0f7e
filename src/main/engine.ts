/** The engine: bytes → extract → (for articles) nlp, actors, quotes, events, places; failures as values naming the document. */
import { createDoc, type Doc } from '../doc/index.js';
import { extract } from '../extract/index.js';
import { Pipeline } from '../pipeline/index.js';
import type { InputItem } from './inputs.js';
import { analysisLimit, gate } from './gate.js';

/** One document's outcome. */
export type Outcome =
  | { ok: true; source: string; doc: Doc }
  | { ok: false; source: string; code: string; stage: string; reason: string; doc?: Doc };

let pipeline: Pipeline | null = null;
let loadedWith: AnalysisOptions = {};

/** The options the analysis pipeline was loaded with (worker threads load theirs with the same). */
export function analysisOptions(): AnalysisOptions {
  return { ...loadedWith };
}

/** Options of the analysis pipeline (fixed by the first {@link loadAnalysis} call of a process). */
export interface AnalysisOptions {
  /** Emit events at or above this confidence (default: the event gate's documented threshold). */
  minConfidence?: number;
  /** Parse every sentence and code events on every document: the cascade off (default false). */
  parseAll?: boolean;
}

/**
 * Load and build (and check) the analysis pipeline once. The stage modules are imported here, not at start-up,
 * so `dateline extract` never pays for loading them.
 */
export async function loadAnalysis(opts: AnalysisOptions = {}): Promise<Pipeline> {
  if (!pipeline) {
    loadedWith = { ...opts };
    const [nlp, relevance, cascade, actors, quotes, events, places] = await Promise.all([
      import('../nlp/index.js'),
      import('../relevance/index.js'),
      import('../pipeline/cascade.js'),
      import('../actors/index.js'),
      import('../quotes/index.js'),
      import('../events/index.js'),
      import('../places/index.js'),
    ]);
    const eventsStage = events.eventsStage({ minConfidence: opts.minConfidence });
    // The cascade (src/pipeline/cascade.ts): parse only the sentences that need it, after the cheap signals.
    const front = opts.parseAll
      ? [nlp.nlpStage(), relevance.relevanceStage()]
      : [nlp.nlpStage({ parse: false }), relevance.relevanceStage(), cascade.cascadeStage()];
    pipeline = new Pipeline(
      [
        ...front,
        actors.actorsStage(),
        quotes.quotesStage(),
        opts.parseAll ? eventsStage : cascade.eventsWhenPlanned(eventsStage),
        places.placesStage(),
      ],
      ['blocks'],
    );
  }
  return pipeline;
}

/** The analysis pipeline; {@link loadAnalysis} must have run. */
export function analysisPipeline(): Pipeline {
  if (!pipeline) throw new Error('engine: loadAnalysis() must run before analysis');
  return pipeline;
}

/** The names of every stage, extraction included, for provenance in the store. */
export function stageNames(): string[] {
  return ['extract', ...analysisPipeline().names];
}

/** Extract only; then the gate: an empty text or noise is an error, an article over the budgets is refused. */
export function extractItem(item: InputItem): Outcome {
  if (!item.ok)
    return { ok: false, source: item.source, code: item.code, stage: item.stage ?? 'read', reason: item.reason };
  const t0 = performance.now();
  const r = extract({ bytes: item.bytes, source: item.source, url: item.url, contentType: item.contentType ?? null });
  if (!r.ok) return { ok: false, source: item.source, code: r.code, stage: 'extract', reason: r.reason };
  r.value.trail.unshift({ stage: 'extract', ms: performance.now() - t0 });
  const refused = gate(r.value);
  if (refused) return { ok: false, source: item.source, ...refused };
  return { ok: true, source: item.source, doc: r.value };
}

/** Extract, then analyse articles; error and non-article pages are returned as they are, with no events. */
export function processItem(item: InputItem): Outcome {
  const ex = extractItem(item);
  if (!ex.ok || ex.doc.meta.status !== 'article') return ex;
  return analyse(ex.doc);
}

/**
 * Run the analysis pipeline over a Doc. Its per-document limits are work counts checked after each stage
 * ({@link analysisLimit}: tokens), on top of the gate's sizes: never a clock, so the same text always gives the same
 * stored result or the same error, whatever the load or the number of workers.
 */
export function analyse(doc: Doc): Outcome {
  const r = analysisPipeline().run(doc, analysisLimit);
  if (r.ok) return { ok: true, source: doc.source.source, doc };
  const code = r.overLimit ? 'too-large' : 'stage-failed';
  return { ok: false, source: doc.source.source, code, stage: r.stage, reason: r.reason, doc };
}

/** A Doc over one bare sentence or snippet, dated when a date is given (for `events --sentences`). */
export function sentenceDoc(id: string, text: string, date: string | null): Doc {
  const doc = createDoc(text, { source: { source: id } });
  doc.layers.blocks = [{ start: 0, end: text.length, kind: 'paragraph' }];
  if (date) doc.meta.published = { value: date, from: 'input' };
  return doc;
}
