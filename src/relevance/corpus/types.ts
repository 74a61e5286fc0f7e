/**
 * The relevance training and evaluation corpus, as read from ../shared: documents made of
 * sentences, each sentence labelled 1 (political event content), 0 (none) or null (unlabelled),
 * and the document labelled the same way. Sentence-only sources are one-sentence documents
 * with no document label. Scripts only (train.ts, eval.ts): never imported by the stage.
 */
import type { SplitName } from '../split.js';

/** Where an item is used: a split, or `newsdev` (the events evaluation articles, never trained on). */
export type Part = SplitName | 'newsdev';

/** One document of the corpus. */
export interface CorpusDoc {
  /** Path relative to shared/ (pages, articles) or `source:hash` for sentence items. */
  id: string;
  /** e.g. `plv`, `gsr`, `conflibert`, `ngec`, `polnear`, `ewt`, `wcxb`, `aeb`. */
  source: string;
  part: Part;
  title: string | null;
  sentences: string[];
  /** Per sentence: 1, 0, or null when unlabelled. */
  labels: (0 | 1 | null)[];
  /** Document label, or null for sentence-only items. */
  docLabel: 0 | 1 | null;
}

/** A one-sentence item split by the sentence text (sources without pages). */
export function sentenceItem(source: string, text: string, label: 0 | 1, part: Part, hash: string): CorpusDoc {
  return { id: `${source}:${hash}`, source, part, title: null, sentences: [text], labels: [label], docLabel: null };
}
