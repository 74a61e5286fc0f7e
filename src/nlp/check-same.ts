/**
 * `npm run check:nlp -- --write FILE` / `-- --against FILE`: the nlp models' output (UPOS, XPOS, lemma, head, deprel,
 * NER per token) over EWT test and dev (`annotate()` on the treebank's words) and the news-dev articles
 * (`annotateDoc` on each text, one block per line), written as one line per sentence; `--against` compares a run
 * with a file written before (e.g. by main before a speed change) and counts the tokens that differ per column.
 * The file holds tags and a hash of the words only, never their text (../shared texts stay out of anything committed).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createDoc, type Block } from '../doc/index.js';
import { sharedRoot } from '../doc/resources.js';
import { readConllu } from './conllu.js';
import { annotate } from './annotate.js';
import { annotateDoc } from './index.js';

/** One sentence's output: a key (source + index + hash of its words) and its columns joined. */
type Row = [key: string, cols: string[]];

const COLS = ['upos', 'xpos', 'lemma', 'head', 'deprel', 'ner'] as const;

const hashOf = (words: string[]): string => createHash('sha1').update(words.join('\u0001')).digest('hex').slice(0, 12);

function treebankRows(root: string, split: string): Row[] {
  const file = join(root, 'data', 'nlp', 'ud-english-ewt', `en_ewt-ud-${split}.conllu`);
  return readConllu(readFileSync(file, 'utf8'))
    .filter((s) => s.words.length)
    .map((s, i) => {
      const forms = s.words.map((w) => w.form);
      const a = annotate(forms);
      return [
        `ewt-${split}:${i}:${hashOf(forms)}`,
        [a.upos, a.xpos, a.lemma, Array.from(a.head, String), a.deprel, a.ner].map((c) => c.join(' ')),
      ];
    });
}

function newsRows(root: string): Row[] {
  const dir = join(root, 'data', 'events', 'news-dev');
  const arts = JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8')) as {
    article: string;
    set: string;
    path: string;
  }[];
  const rows: Row[] = [];
  for (const a of arts) {
    const file = a.set === 'aeb' ? join(dir, 'maintext', `${a.article}.txt`) : join(root, a.path);
    const text = readFileSync(file, 'utf8');
    const doc = createDoc(text);
    const blocks: Block[] = [];
    for (const m of text.matchAll(/[^\n]*\S[^\n]*/g))
      blocks.push({ start: m.index, end: m.index + m[0].length, kind: blocks.length ? 'paragraph' : 'title' });
    doc.layers.blocks = blocks;
    annotateDoc(doc);
    const t = doc.layers.tokens!;
    for (const [si, s] of (doc.layers.sentences ?? []).entries()) {
      const ids = Array.from({ length: s.tokenEnd - s.tokenStart }, (_, i) => s.tokenStart + i);
      const ents = new Array<string>(ids.length).fill('O');
      for (const e of doc.layers.entities ?? [])
        if (e.tokenStart >= s.tokenStart && e.tokenEnd <= s.tokenEnd)
          for (let k = e.tokenStart; k < e.tokenEnd; k++)
            ents[k - s.tokenStart] = (k === e.tokenStart ? 'B-' : 'I-') + e.label;
      const words = ids.map((k) => text.slice(t.start[k], t.end[k]));
      rows.push([
        `news:${a.article}:${si}:${hashOf(words)}`,
        [
          ids.map((k) => t.upos[k]),
          ids.map((k) => t.xpos[k]),
          ids.map((k) => t.lemma[k]),
          ids.map((k) => String(t.head[k] < 0 ? -1 : t.head[k] - s.tokenStart)),
          ids.map((k) => t.deprel[k]),
          ents,
        ].map((c) => c.join(' ')),
      ]);
    }
  }
  return rows;
}

/** Per column, how many tokens differ between two runs (sentences matched by key). */
function compare(now: Row[], before: Row[]): { sentences: number; tokens: number; differ: Record<string, number> } {
  const ref = new Map(before.map(([k, c]) => [k, c]));
  const differ: Record<string, number> = { missing: 0, sentences: 0 };
  for (const c of COLS) differ[c] = 0;
  let tokens = 0;
  for (const [k, cols] of now) {
    const r = ref.get(k);
    if (!r) {
      differ.missing++;
      continue;
    }
    let any = false;
    COLS.forEach((c, j) => {
      const a = cols[j].split(' ');
      const b = r[j].split(' ');
      if (j === 0) tokens += a.length;
      for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i]) {
          differ[c]++;
          any = true;
        }
    });
    if (any) differ.sentences++;
  }
  return { sentences: now.length, tokens, differ };
}

function main(): void {
  const root = sharedRoot();
  if (!root) {
    console.log('check:nlp skipped: ../shared not found');
    return;
  }
  const arg = (n: string): string | undefined => {
    const i = process.argv.indexOf(`--${n}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const rows = [...treebankRows(root, 'test'), ...treebankRows(root, 'dev'), ...newsRows(root)];
  const out = arg('write');
  if (out) {
    writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    console.log(`wrote ${rows.length} sentences to ${out}`);
  }
  const against = arg('against');
  if (against) {
    const before = readFileSync(against, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Row);
    const r = compare(rows, before);
    console.log(JSON.stringify(r, null, 2));
    const bad = Object.values(r.differ).some((v) => v > 0);
    console.log(bad ? 'check:nlp: OUTPUT DIFFERS' : 'check:nlp: identical output');
    if (bad) process.exitCode = 1;
  }
  if (!out && !against) console.log('usage: npm run check:nlp -- --write FILE | --against FILE');
}

main();
