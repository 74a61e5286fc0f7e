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
    taggerMeta: loadJson<TaggerMeta>('nlp', 'tagger.json'),
    lemma: loadJson<LemmaMeta>('nlp', 'lemma.json'),
    parser: trans && label ? { trans, label, meta: loadJson<ParserMeta>('nlp', 'parser.json') } : null,
    ner: nerModel
      ? {
          model: nerModel,
          meta: loadJson<NerMeta>('nlp', 'ner.json'),
          gaz: loadJson<Gazetteer>('nlp', 'gazetteer.json'),
        }
      : null,
  };
  return cached;
}
