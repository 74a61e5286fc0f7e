/**
 * PolNeAR political news articles (train and dev folders): every article is a political document;
 * a sentence is positive when it carries an attribution whose source is a third party (a name,
 * a title or he/she/they — not "I", "we" or "you"), the rest stay unlabelled. The events
 * evaluation articles (news-dev) are marked `newsdev` and never trained on.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitOf } from '../split.js';
import type { CorpusDoc } from './types.js';
import { sentenceSpans, textBlocks } from './segment.js';

const FIRST_SECOND = /^(?:i|we|you|me|us|my|our|your)$/i;

/** Cue spans of attributions with a third-party source, from one BRAT file. */
function cueSpans(ann: string): [number, number][] {
  const spans = new Map<string, { label: string; start: number; end: number; text: string }>();
  const out: [number, number][] = [];
  const lines = ann.split('\n');
  for (const l of lines) {
    const m = /^(T\d+)\t(\S+) (\d+) (\d+)(?:;\d+ \d+)*\t(.*)$/.exec(l);
    if (m) spans.set(m[1], { label: m[2], start: +m[3], end: +m[4], text: m[5] });
  }
  for (const l of lines) {
    if (!l.startsWith('E')) continue;
    const args = Object.fromEntries(
      l
        .split('\t')[1]
        .split(' ')
        .map((a) => a.split(':')),
    );
    const src = spans.get(args.Source ?? '');
    const cue = spans.get(args.Cue ?? '');
    if (!src || !cue || !args.Attribution) continue;
    if (FIRST_SECOND.test(src.text.trim())) continue;
    out.push([cue.start, cue.end]);
  }
  return out;
}

/** PolNeAR articles as corpus documents; `newsdev` lists paths (relative to shared/) to keep out of training. */
export function polnear(shared: string, newsdev: Set<string>): CorpusDoc[] {
  const out: CorpusDoc[] = [];
  for (const folder of ['train', 'dev']) {
    const base = join(shared, 'data/quotes/polnear', folder);
    const anns = readdirSync(join(base, 'attributions')).sort();
    for (const f of readdirSync(join(base, 'text')).sort()) {
      if (!f.endsWith('.txt')) continue;
      const rel = `data/quotes/polnear/${folder}/text/${f}`;
      const text = readFileSync(join(base, 'text', f), 'utf8');
      const stem = f.slice(0, -4);
      const cues = anns
        .filter((a) => a.startsWith(stem + '_') && a.length === stem.length + 9)
        .flatMap((a) =>
          existsSync(join(base, 'attributions', a))
            ? cueSpans(readFileSync(join(base, 'attributions', a), 'utf8'))
            : [],
        );
      const spans = sentenceSpans(text, textBlocks(text, true));
      out.push({
        id: rel,
        source: 'polnear',
        part: newsdev.has(rel) ? 'newsdev' : splitOf(rel),
        title: text.split('\n')[0].trim() || null,
        sentences: spans.map(([s, e]) => text.slice(s, e)),
        labels: spans.map(([s, e]) => (cues.some(([cs, ce]) => cs < e && ce > s) ? 1 : null)),
        docLabel: 1,
      });
    }
  }
  return out;
}
