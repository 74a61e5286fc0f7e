/** Featurise corpus documents for training and evaluation (scripts only). */
import type { CorpusDoc } from './corpus/index.js';
import { featureIndices } from './features.js';
import type { FeatDoc } from './training.js';
import type { WordList } from './words.js';

/** Hashed features for every sentence and the title of each document. */
export function featurise(docs: CorpusDoc[], words: WordList): FeatDoc[] {
  return docs.map((d) => ({
    id: d.id,
    source: d.source,
    feats: d.sentences.map((s) => featureIndices(s, words)),
    labels: d.labels,
    title: d.title ? featureIndices(d.title, words) : null,
    docLabel: d.docLabel,
  }));
}
