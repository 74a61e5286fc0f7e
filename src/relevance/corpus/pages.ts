/**
 * Web pages labelled political or non-political in data/relevance/pages.tsv (AEB and WCXB dev
 * article pages), read from ../shared and extracted with our own extractor, as the CLI does, so
 * the model sees the text the pipeline sees. Sentences of non-political pages are negatives;
 * political pages are unlabelled at the sentence level and positive documents. Pages noted
 * "borderline" are left out; news-dev pages are kept for evaluation only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath } from '../../doc/index.js';
import { extract } from '../../extract/index.js';
import { splitOf } from '../split.js';
import type { CorpusDoc } from './types.js';
import { sentenceSpans } from './segment.js';

/** Sentences per non-political page labelled negative: long guides would otherwise outweigh everything else. */
const MAX_LABELLED_PER_PAGE = 40;

/** One row of pages.tsv. */
export interface PageLabel {
  path: string;
  label: 'political' | 'non-political';
  note: string;
}

/** The page labels (data/relevance/pages.tsv). */
export function pageLabels(): PageLabel[] {
  const lines = readFileSync(dataPath('relevance', 'pages.tsv'), 'utf8').split('\n').filter(Boolean);
  return lines.slice(1).map((l) => {
    const [path, label, note] = l.split('\t');
    if (label !== 'political' && label !== 'non-political')
      throw new Error(`pages.tsv: bad label ${label} for ${path}`);
    return { path, label, note: note ?? '' };
  });
}

/** The labelled pages as corpus documents (extraction failures are skipped with a note on stderr). */
export function pages(shared: string, newsdev: Set<string>): CorpusDoc[] {
  const out: CorpusDoc[] = [];
  for (const p of pageLabels()) {
    if (p.note.startsWith('borderline')) continue;
    const r = extract({ bytes: readFileSync(join(shared, p.path)), source: p.path });
    if (!r.ok) {
      process.stderr.write(`relevance: ${p.path}: ${r.code}: ${r.reason}\n`);
      continue;
    }
    const doc = r.value;
    const spans = sentenceSpans(doc.text, doc.layers.blocks ?? []);
    const y = p.label === 'political' ? 1 : 0;
    const dev = newsdev.has(p.path);
    out.push({
      id: p.path,
      source: p.path.includes('/aeb/') ? 'aeb' : 'wcxb',
      part: dev ? 'newsdev' : splitOf(p.path),
      title: doc.meta.title?.value ?? null,
      sentences: spans.map(([s, e]) => doc.text.slice(s, e)),
      labels: spans.map((_, i) => (y === 0 && !dev && i < MAX_LABELLED_PER_PAGE ? 0 : null)),
      docLabel: y,
    });
  }
  return out;
}
