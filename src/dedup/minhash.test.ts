import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NEAR_DUP_JACCARD, bandKeys, shingleHashes, signature, similarity } from './minhash.js';
import { earliestOf } from './earliest.js';

const STORY = `Ministers from the two neighbouring states met on Tuesday in the border town of Kessel to discuss the reopening
of the river crossing, closed since floods destroyed the old bridge last spring. Officials said the talks lasted four
hours and ended with a joint statement promising a technical commission within a month. Traders on both banks have lost
most of their income since the closure, and local councils have asked for a temporary ferry service. The commission will
study three designs for a new bridge and report to both governments before the end of the year.`;

/** Jaccard similarity of the exact shingle sets. */
function jaccard(a: string, b: string): number {
  const x = shingleHashes(a);
  const y = shingleHashes(b);
  let inter = 0;
  for (const h of x) if (y.has(h)) inter++;
  return inter / (x.size + y.size - inter);
}

test('a lightly edited copy scores near its true Jaccard, well above the threshold; another story scores near 0', () => {
  const copy =
    STORY.replace('Tuesday', 'Tuesday afternoon').replace('four\nhours', 'nearly five hours') + ' (Wire report.)';
  const other = `The city orchestra announced a season of twelve concerts, including two premieres by young composers, and
lower ticket prices for students on weekday evenings, after a year in which attendance rose by a fifth.`;
  const s = signature(STORY)!;
  const est = similarity(s, signature(copy)!);
  assert.ok(Math.abs(est - jaccard(STORY, copy)) < 0.15, `estimate ${est} vs exact ${jaccard(STORY, copy)}`);
  assert.ok(est >= NEAR_DUP_JACCARD, `copy ${est}`);
  assert.ok(similarity(s, signature(other)!) < 0.1);
  assert.equal(similarity(s, signature(STORY.toUpperCase().replace(/\n/g, ' '))!), 1, 'case and spacing ignored');
});

test('signatures and band keys are deterministic; an empty text has none', () => {
  assert.deepEqual(signature(STORY), signature(STORY));
  assert.deepEqual(bandKeys(signature(STORY)!), bandKeys(signature(STORY)!));
  assert.equal(signature(' ... '), null);
  assert.ok(signature('Too short'), 'a text shorter than a shingle still has one');
});

test('the earliest member: earlier publication first, undated last, then the smaller id', () => {
  const docs = [
    { id: 'b', published: '2024-03-02' },
    { id: 'c', published: null },
    { id: 'a', published: '2024-03-02' },
    { id: 'd', published: '2024-03-03' },
  ];
  assert.equal(earliestOf(docs).id, 'a');
  assert.equal(earliestOf([docs[1], docs[3]]).id, 'd');
});
