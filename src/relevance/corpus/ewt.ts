/**
 * Negative sentences from UD English EWT: the reviews, answers and email genres (named by the
 * sentence id). Weblog and newsgroup posts are left out: many of them discuss politics.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../../doc/index.js';
import { splitOf } from '../split.js';
import { sentenceItem, type CorpusDoc } from './types.js';

const GENRES = new Set(['reviews', 'answers', 'email']);
const FILES = ['en_ewt-ud-train.conllu', 'en_ewt-ud-dev.conllu', 'en_ewt-ud-test.conllu'];

/** EWT sentences of the kept genres, each a one-sentence item split by its text. */
export function ewt(shared: string): CorpusDoc[] {
  const out: CorpusDoc[] = [];
  const seen = new Set<string>();
  for (const f of FILES) {
    let genre = '';
    for (const line of readFileSync(join(shared, 'data/nlp/ud-english-ewt', f), 'utf8').split('\n')) {
      if (line.startsWith('# sent_id = ')) genre = line.slice(12).split('-')[0];
      else if (line.startsWith('# text = ') && GENRES.has(genre)) {
        const t = line.slice(9).trim();
        if (!t || seen.has(t)) continue;
        seen.add(t);
        out.push(sentenceItem('ewt', t, 0, splitOf(t), sha256(t).slice(0, 16)));
      }
    }
  }
  return out;
}
