/**
 * A pipeline of stages, checked once when built (every required layer is
 * assigned by an earlier stage), then run as a plain loop with per-stage
 * timing, error capture and deterministic work limits.
 */
import type { Doc, LayerName } from '../doc/index.js';
import type { Stage } from './stage.js';

/** The outcome of running a pipeline on one document; `overLimit` when a {@link Limit} stopped it. */
export type RunResult =
  { ok: true; doc: Doc } | { ok: false; doc: Doc; stage: string; reason: string; overLimit?: boolean };

/**
 * A per-document work limit checked after each stage: why `doc` is over it, or null. It must look only at the
 * document (token counts, sizes), never at a clock, so the same input always stops at the same stage.
 */
export type Limit = (doc: Doc, stage: string) => string | null;

/** A checked sequence of stages. */
export class Pipeline {
  readonly stages: readonly Stage[];

  constructor(stages: Stage[], provided: LayerName[] = ['blocks']) {
    const have = new Set<LayerName>(provided);
    for (const s of stages) {
      for (const r of s.requires) {
        if (!have.has(r))
          throw new Error(`pipeline: stage ${s.name} requires layer '${r}', which no earlier stage assigns`);
      }
      for (const a of s.assigns) have.add(a);
    }
    this.stages = stages;
  }

  /** Names of the stages, for provenance. */
  get names(): string[] {
    return this.stages.map((s) => s.name);
  }

  /**
   * Run every stage on `doc`; stop at the first failure and report which stage failed and why. With `limit`, a
   * document found over it after a stage fails at that stage. Stage times go to `doc.trail` (for benchmarks and
   * logs only: no decision reads them).
   */
  run(doc: Doc, limit?: Limit): RunResult {
    for (const s of this.stages) {
      const t0 = performance.now();
      try {
        s.run(doc);
      } catch (e) {
        return { ok: false, doc, stage: s.name, reason: stageError(e) };
      } finally {
        doc.trail.push({ stage: s.name, ms: performance.now() - t0 });
      }
      const over = limit?.(doc, s.name);
      if (over) return { ok: false, doc, stage: s.name, reason: over, overLimit: true };
    }
    return { ok: true, doc };
  }
}

/** A stage failure's reason; engine limits (stack, string length) named as such. */
function stageError(e: unknown): string {
  if (e instanceof RangeError) return `engine limit: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}
