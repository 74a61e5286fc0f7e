/**
 * Learns cue-word statistics from PolNeAR train: for every word form seen outside
 * quote marks, how often it lies inside an annotated Cue span, alone and before "that" or "to". Writes
 * data/quotes/cue-stats.json (form → [times in a cue, times seen]); the stage
 * takes forms above a precision floor as cues. Deterministic; rebuild with
 * `npx tsx src/quotes/train-cues.ts` (needs ../shared).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath, sha256, sharedRoot } from '../doc/index.js';
import { loadPolnear } from './brat.js';
import { findMarkedQuotes } from './marks.js';

/** Forms seen fewer times than this are not kept (too little evidence). */
const MIN_SEEN = 4;
/** Forms in a cue fewer times than this are not kept. */
const MIN_CUE = 2;
/** Forms below this share are dropped from the file to keep it small (the stage's floor is higher). */
const KEEP_SHARE = 0.1;

/** What data/quotes/words.json holds, for the manifest. */
const QUOTE_WORDS_WHAT =
  'closed English word lists of attribution (pronouns, "be", time words, tail openers, fronted openers, determiners, abbreviations); written by hand, read by src/quotes/words.ts';

function main(): void {
  const root = sharedRoot();
  if (!root) throw new Error('needs ../shared');
  const docs = loadPolnear(join(root, 'data', 'quotes', 'polnear'), 'train');
  const seen = new Map<string, number>();
  const inCue = new Map<string, number>();
  for (const d of docs) {
    const quotes = findMarkedQuotes(d.text);
    const cues = d.attributions.flatMap((a) => a.cue);
    const words = [...d.text.matchAll(/[\p{L}]+(?:['’\-][\p{L}]+)*/gu)];
    words.forEach((m, i) => {
      const at = m.index!;
      if (quotes.some((q) => q.inner.some((p) => p.start <= at && at < p.end))) return;
      const w = m[0].toLowerCase().replace(/’/g, "'");
      const isCue = cues.some((c) => c.start <= at && at < c.end);
      // The form alone, and in context before "that" or "to" ("declined to", "found that").
      const next = i + 1 < words.length ? words[i + 1][0].toLowerCase() : '';
      const keys = next === 'that' || next === 'to' ? [w, `${w} ${next}`] : [w];
      for (const k of keys) {
        seen.set(k, (seen.get(k) ?? 0) + 1);
        if (isCue) inCue.set(k, (inCue.get(k) ?? 0) + 1);
      }
    });
  }
  const forms: Record<string, [number, number]> = {};
  for (const [w, n] of [...inCue].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const total = seen.get(w) ?? 0;
    if (total < MIN_SEEN || n < MIN_CUE || n / total < KEEP_SHARE) continue;
    forms[w] = [n, total];
  }
  const body = JSON.stringify({
    version: 'cue-stats.v1',
    trainedOn: 'PolNeAR train (first annotator per article)',
    forms,
  });
  writeFileSync(dataPath('quotes', 'cue-stats.json'), body);
  console.log(`kept ${Object.keys(forms).length} forms from ${docs.length} articles; sha256 ${sha256(body)}`);
  writeManifest();
}

/** Record both quotes data files with their hashes, source and licence. */
function writeManifest(): void {
  const entry = (file: string, what: string) => {
    const b = readFileSync(dataPath('quotes', file));
    return { file, sha256: sha256(b), bytes: b.length, what };
  };
  const manifest = {
    version: 'quotes-data.v3',
    files: [
      entry('cues.json', 'reporting-cue lemmas (speech, thought), noun-like lemmas, irregular forms; written by hand'),
      entry(
        'cue-stats.json',
        'per word form: [times inside a gold Cue span, times seen outside quote marks] in PolNeAR train; built by src/quotes/train-cues.ts',
      ),
      entry('words.json', QUOTE_WORDS_WHAT),
    ],
    source:
      'cues.json and words.json written for dateline. cue-stats.json is counted from PolNeAR train (Newell, Margolin, Ruths, LREC 2018), which states no licence and is used for training/evaluation only; the file holds only word-form counts, no text.',
    licence:
      'MIT (dateline). cue-stats.json: counts derived from PolNeAR train (no licence stated upstream; research use).',
  };
  writeFileSync(dataPath('quotes', 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

main();
