import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../testdoc.js';
import { codeSentence } from './sentence.js';
import { readArguments } from './arguments.js';
import { triggerAt } from './fixture.js';
import { buildRecord, worthRecording } from './record.js';
import { MentionIndex } from '../mentions.js';
import type { Candidate } from '../coder.js';

test('record: the trigger spans the pattern words, arguments are mention ids and phrase spans, the trace is ordered', () => {
  const doc = buildDoc(
    'Ottawa/PROPN/2/nsubj imposed|impose/VERB/0/root sanctions|sanction/NOUN/2/obj on/ADP/5/case Minsk/PROPN/2/obl ./PUNCT/2/punct',
    [
      { from: 1, to: 1, country: 'CAN' },
      { from: 5, to: 5, country: 'BLR' },
    ],
  );
  const x = triggerAt(doc, 'imposed');
  readArguments(x);
  const r = buildRecord(x);
  assert.equal(doc.text.slice(r.trigger.start, r.trigger.end), 'imposed sanctions');
  assert.deepEqual(r.actor, ['m0']);
  assert.deepEqual(r.recipient, ['m1']);
  assert.deepEqual(
    (r.recipientSpans ?? []).map((s) => doc.text.slice(s.start, s.end)),
    ['Minsk'],
  );
  assert.match(r.decidedBy[0], /^lex:L\d+ v:"impose/);
  assert.deepEqual(
    r.decidedBy.slice(1),
    x.rules.map((k) => `rule:${k}`),
  );
});

test('record: a trigger with no participant, place or date is not kept; the sentence coder skips it', () => {
  const doc = buildDoc('The/DET/2/det talks|talk/NOUN/3/nsubj failed|fail/VERB/0/root ./PUNCT/3/punct');
  const x = triggerAt(doc, 'talks');
  readArguments(x);
  assert.equal(worthRecording(x), false);
  const out: Candidate[] = [];
  codeSentence(doc, 0, new MentionIndex(doc), null, out, false);
  assert.deepEqual(
    out.map((c) => c.record.type),
    [],
  );
});
