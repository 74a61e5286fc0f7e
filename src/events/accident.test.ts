/** A death by accident or nature is no one's assault. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventCandidates } from './index.js';
import { accidental } from './gate.js';
import { buildDoc } from './testdoc.js';

const SOLDIERS = [{ from: 2, to: 2, country: 'GBR', sector: 'MIL' }];

test('"killed in a helicopter crash" is accidental; "killed in an air strike" is not', () => {
  const crash = buildDoc(
    'Two/NUM/2/nummod soldiers|soldier/NOUN/4/nsubj:pass were|be/AUX/4/aux:pass killed|kill/VERB/0/root in/ADP/8/case ' +
      'a/DET/8/det helicopter/NOUN/8/compound crash/NOUN/4/obl ./PUNCT/4/punct',
    SOLDIERS,
  );
  const c = eventCandidates(crash, { model: false }).find((x) => x.record.type === 'ASSAULT');
  assert.ok(c, 'the coder proposes an ASSAULT');
  assert.equal(accidental(c), true);
  const strike = buildDoc(
    'Two/NUM/2/nummod soldiers|soldier/NOUN/4/nsubj:pass were|be/AUX/4/aux:pass killed|kill/VERB/0/root in/ADP/8/case ' +
      'an/DET/8/det air/NOUN/8/compound strike/NOUN/4/obl ./PUNCT/4/punct',
    SOLDIERS,
  );
  const s = eventCandidates(strike, { model: false }).find((x) => x.record.type === 'ASSAULT');
  assert.ok(s);
  assert.equal(accidental(s), false);
});
