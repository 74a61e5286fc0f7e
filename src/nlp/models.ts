/**
 * Lazy, once-only loading of the nlp models from data/nlp. A model whose files
 * are absent is null, so the stage still runs (with fewer layers filled).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dataPath, loadJson } from '../doc/resources.js';
import { SparseModel } from './perceptron.js';
import type { TaggerMeta } from './tagger.js';
import type { LemmaMeta } from './lemma.js';
import type { ParserMeta } from './parser.js';
import type { NerMeta } from './ner.js';
import type { Gazetteer } from './gazetteer.js';

/** All loaded models. */
export interface Models {
  tagger: SparseModel;
  taggerMeta: TaggerMeta;
  lemma: LemmaMeta;
  parser: { trans: SparseModel; label: SparseModel; meta: ParserMeta } | null;
  ner: { model: SparseModel; meta: NerMeta; gaz: Gazetteer } | null;
}

let cached: Models | null = null;

function bin(name: string): SparseModel | null {
  const p = dataPath('nlp', name);
  return existsSync(p) ? new SparseModel(readFileSync(p)) : null;
}

/**
 * The JSON tables as null-prototype objects, so a word such as "constructor" or "toString" looks up nothing
 * instead of an Object.prototype method (which crashed the tagger and NER on such words).
 */
function dicts<T>(v: T): T {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = dicts(v[i]);
    return v;
  }
  if (v === null || typeof v !== 'object' || Object.getPrototypeOf(v) === null) return v;
  const o = Object.create(null) as Record<string, unknown>;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) o[k] = dicts(x);
  return o as T;
}

/** Load every model once; later calls return the same objects. */
export function models(): Models {
  if (cached) return cached;
  const tagger = bin('tagger.bin');
  if (!tagger) throw new Error('nlp: data/nlp/tagger.bin missing (run npm run train:nlp)');
  const trans = bin('parser.bin');
  const label = bin('labeler.bin');
  const nerModel = bin('ner.bin');
  cached = {
    tagger,
    taggerMeta: dicts(loadJson<TaggerMeta>('nlp', 'tagger.json')),
    lemma: dicts(loadJson<LemmaMeta>('nlp', 'lemma.json')),
    parser: trans && label ? { trans, label, meta: dicts(loadJson<ParserMeta>('nlp', 'parser.json')) } : null,
    ner: nerModel
      ? {
          model: nerModel,
          meta: dicts(loadJson<NerMeta>('nlp', 'ner.json')),
          gaz: dicts(loadJson<Gazetteer>('nlp', 'gazetteer.json')),
        }
      : null,
  };
  return cached;
}
