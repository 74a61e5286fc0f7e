/** Layer (de)serialisation for storage: typed arrays become plain arrays in JSON and come back typed. */
import type { Layers, Tokens } from '../doc/index.js';

/** Layers kept as JSON blobs; mentions, events and quotes have tables of their own instead (each fact once). */
export const BLOB_LAYERS: readonly (keyof Layers)[] = [
  'blocks',
  'sentences',
  'tokens',
  'entities',
  'tone',
  'sentenceTone',
  'places',
];

/** JSON text for one layer. */
export function encodeLayer(name: keyof Layers, value: unknown): string {
  if (name === 'tokens') {
    const t = value as Tokens;
    return JSON.stringify({
      count: t.count,
      start: Array.from(t.start),
      end: Array.from(t.end),
      upos: t.upos,
      xpos: t.xpos,
      lemma: t.lemma,
      head: Array.from(t.head),
      deprel: t.deprel,
      sentence: Array.from(t.sentence),
    });
  }
  if (name === 'sentenceTone') return JSON.stringify(Array.from(value as Float32Array));
  return JSON.stringify(value);
}

/** A layer back from its JSON text. */
export function decodeLayer(name: keyof Layers, data: string): unknown {
  const v = JSON.parse(data);
  if (name === 'tokens') {
    return {
      ...v,
      start: Int32Array.from(v.start),
      end: Int32Array.from(v.end),
      head: Int32Array.from(v.head),
      sentence: Int32Array.from(v.sentence),
    } satisfies Tokens;
  }
  if (name === 'sentenceTone') return Float32Array.from(v);
  return v;
}
