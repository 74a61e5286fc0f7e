/**
 * Distributional word clusters (built by train-clusters.ts from unlabelled text):
 * normalised word → tree code, loaded lazily once from data/nlp/clusters.json.
 * Prefixes of a code are coarser clusters; features use a few prefix lengths.
 */
import { existsSync } from 'node:fs';
import { dataPath, loadJson } from '../doc/resources.js';

let table: Map<string, number> | null = null;
let generation = 0;

/** Replace the table (training builds it before the models that use it). */
export function setClusters(codes: Record<string, number> | null): void {
  table = new Map(Object.entries(codes ?? {}));
  generation++;
}

/** Changes whenever the table is replaced (memos of cluster codes compare it). */
export function clusterGeneration(): number {
  return generation;
}

/** Cluster code of a normalised word: (1 << depth) | path bits; 0 when unknown. */
export function clusterOf(word: string): number {
  if (!table)
    setClusters(
      existsSync(dataPath('nlp', 'clusters.json')) ? loadJson<Record<string, number>>('nlp', 'clusters.json') : null,
    );
  return table!.get(word) ?? 0;
}

/** The first `bits` levels of a code (the code itself when it is shorter); 0 stays 0. */
export function clusterPrefix(code: number, bits: number): number {
  if (code === 0) return 0;
  const depth = 31 - Math.clz32(code);
  return depth <= bits ? code : code >>> (depth - bits);
}
