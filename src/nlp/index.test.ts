import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc } from '../doc/index.js';
import { MAX_SENTENCE_TOKENS, nlpStage, parseConllu, parseText, segment, spansOf } from './index.js';

test('stage fills tokens and sentences within blocks', () => {
  const text = 'Officials met in Paris on Monday. They agreed.\n\nA second block here';
  const doc = createDoc(text);
  doc.layers.blocks = [
    { start: 0, end: 46, kind: 'paragraph' },
    { start: 48, end: text.length, kind: 'paragraph' },
  ];
  nlpStage().run(doc);
  const s = doc.layers.sentences!;
  assert.equal(s.length, 3);
  assert.equal(text.slice(s[2].start, s[2].end), 'A second block here');
  const t = doc.layers.tokens!;
  assert.equal(t.count, s[2].tokenEnd);
  for (let i = 0; i < t.count; i++) assert.ok(t.upos[i] !== '');
  assert.equal(text.slice(t.start[0], t.end[0]), 'Officials');
  assert.equal(t.upos[0], 'NOUN');
});

test('parseConllu keeps tokens and adds NER in MISC', () => {
  const input =
    '# text = She left.\n1\tShe\t_\t_\t_\t_\t_\t_\t_\t_\n2\tleft\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n';
  const out = parseConllu(input).split('\n');
  assert.equal(out[0], '# text = She left.');
  const cols = out[1].split('\t');
  assert.equal(cols[1], 'She');
  assert.equal(cols[3], 'PRON');
  assert.match(out[2].split('\t')[9], /^SpaceAfter=No\|NER=O$/);
});

test('parseText produces one CoNLL-U sentence per sentence', () => {
  const out = parseText("He didn't go. She went home.");
  assert.equal(out.split('\n\n').filter((x) => x.trim()).length, 2);
  assert.match(out, /\tn't\t/);
});

test('spansOf decodes IOB2', () => {
  assert.deepEqual(spansOf(['B-PER', 'I-PER', 'O', 'I-LOC', 'B-ORG', 'B-ORG']), [
    [0, 2, 'PER'],
    [3, 4, 'LOC'],
    [4, 5, 'ORG'],
    [5, 6, 'ORG'],
  ]);
});

test('every sentence has one root, heads stay inside it, and entities come out typed', () => {
  const text = 'President Joe Biden met Emmanuel Macron in Paris on Tuesday. The talks ended without a deal.';
  const doc = createDoc(text);
  nlpStage().run(doc);
  const t = doc.layers.tokens!;
  for (const s of doc.layers.sentences!) {
    let roots = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (t.head[i] === -1) roots++;
      else assert.ok(t.head[i] >= s.tokenStart && t.head[i] < s.tokenEnd && t.head[i] !== i);
      assert.ok(t.deprel[i] !== '');
    }
    assert.equal(roots, 1);
  }
  const ents = doc.layers.entities!.map((e) => `${text.slice(e.start, e.end)}/${e.label}`);
  assert.ok(ents.includes('Joe Biden/PER'), ents.join());
  assert.ok(ents.includes('Paris/LOC'), ents.join());
  assert.deepEqual(
    doc.layers.entities!.map((e) => e.id),
    ents.map((_, i) => `e${i}`),
  );
});

test('a run of words with no sentence end is cut into pieces of at most MAX_SENTENCE_TOKENS tokens', () => {
  const n = MAX_SENTENCE_TOKENS * 2 + 7;
  const text = Array.from({ length: n }, (_, i) => (i % 5 ? 'talks' : 'Minister')).join(' ');
  const sents = segment(text, [{ start: 0, end: text.length }]);
  assert.deepEqual(
    sents.map((s) => s.length),
    [MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 7],
  );
  assert.equal(sents[1][0].start, sents[0][MAX_SENTENCE_TOKENS - 1].end + 1);
  const short = segment('They met. They agreed.', [{ start: 0, end: 22 }]);
  assert.deepEqual(
    short.map((s) => s.length),
    [3, 3],
  );
});
