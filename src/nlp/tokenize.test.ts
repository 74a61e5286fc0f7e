import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences, tokenize } from './tokenize.js';

const words = (t: string): string[] => tokenize(t).map((x) => t.slice(x.start, x.end));

test('contractions, possessives and punctuation split UD-style', () => {
  assert.deepEqual(words("Kim's aides can't say, \"we won't.\""), [
    'Kim',
    "'s",
    'aides',
    'ca',
    "n't",
    'say',
    ',',
    '"',
    'we',
    'wo',
    "n't",
    '.',
    '"',
  ]);
});

test('abbreviations, initials, numbers and URLs stay whole', () => {
  assert.deepEqual(words('Gen. J. Smith paid $1,200.50 (3.5%) to the U.S. via www.example.org/a.html.'), [
    'Gen.',
    'J.',
    'Smith',
    'paid',
    '$',
    '1,200.50',
    '(',
    '3.5',
    '%',
    ')',
    'to',
    'the',
    'U.S.',
    'via',
    'www.example.org/a.html',
    '.',
  ]);
});

test('hyphens split except after prefixes; dashes split', () => {
  assert.deepEqual(words('a well-known e-mail—sent'), ['a', 'well', '-', 'known', 'e-mail', '—', 'sent']);
});

test('sentences split on final punctuation, not after titles; datelines end a sentence', () => {
  const t = 'KYIV (Reuters) — Mr. Lee arrived on Nov. 4. He spoke. "Yes," she said.';
  const toks = tokenize(t);
  const sents = splitSentences(t, toks).map(([a, b]) => t.slice(toks[a].start, toks[b - 1].end));
  assert.deepEqual(sents, ['KYIV (Reuters) —', 'Mr. Lee arrived on Nov. 4.', 'He spoke.', '"Yes," she said.']);
});

test('offsets point into the original text', () => {
  const t = '  Don’t   stop… ';
  for (const x of tokenize(t)) assert.ok(x.start >= 0 && x.end <= t.length && x.end > x.start);
  assert.deepEqual(words(t), ['Do', 'n’t', 'stop', '…']);
});

test('web text: a bare period before a lowercase word ends a sentence; a quoted question does not', () => {
  const t = 'call them today. they are waiting. "Why?" she asked. TEHRAN (AFP) - Talks resumed.';
  const toks = tokenize(t);
  const sents = splitSentences(t, toks).map(([a, b]) => t.slice(toks[a].start, toks[b - 1].end));
  assert.deepEqual(sents, [
    'call them today.',
    'they are waiting.',
    '"Why?" she asked.',
    'TEHRAN (AFP) -',
    'Talks resumed.',
  ]);
});
